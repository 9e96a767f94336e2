//! clearleaf turns a folder of markdown pages into an accessible static site where every page
//! has a standard, an Easy-read and translated variants, and checks the result at build time.
//!
//! The modules below are declared in pipeline order; `pipeline` is the one place that runs them
//! in that order:
//!
//! 1. [`config`]: `site.yaml` and the site's languages;
//! 2. [`load`]: walk `content/`, name every file's page, language and form, read it once;
//! 3. [`front_matter`]: split and type the YAML at the top of each page;
//! 4. [`site`]: the page tree, variants, URLs and what each URL renders;
//! 5. [`markdown`]: markdown to HTML, with links, pictures and sanitising;
//! 6. [`i18n`] and [`templates`]: Fluent UI strings and the Tera theme;
//! 7. [`checks`]: findings on the final HTML;
//! 8. [`output`]: minify, write into a staging folder, swap it in.

pub mod checks;
pub mod cmd;
pub mod config;
pub mod error;
pub mod finding;
pub mod front_matter;
pub mod i18n;
pub mod limits;
pub mod load;
pub mod markdown;
pub mod output;
pub mod pipeline;
pub mod report;
pub mod serve;
pub mod site;
pub mod templates;
pub mod today;
pub mod yaml;
pub mod yaml_depth;

pub use error::{Diagnostic, Error};
pub use finding::{Finding, Form, Severity};
