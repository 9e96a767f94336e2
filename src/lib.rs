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
//! 8. [`output`]: minify, write into a staging folder, swap it in, with the files beside the
//!    pages (sitemap, 404 page, [`status`] report).
//!
//! [`translate`] sits beside the stages: it makes files for translators from the loaded site
//! and writes their work back (`clearleaf export` and `import`).
//!
//! Below the stages sit the leaf modules every stage may use, which use no stage:
//! [`files`] (the site folder and relative paths), [`text`] (decoding a file's bytes),
//! [`language`], [`variant`] (a page's language and form), [`line_marker`], [`rules`],
//! [`finding`], [`error`], [`limits`], [`threads`], [`yaml`] and [`yaml_depth`]. No two modules use each
//! other, directly or through others: `tests/module_graph.rs` fails on any cycle.

pub mod checks;
pub mod cmd;
pub mod config;
pub mod error;
pub mod files;
pub mod finding;
pub mod front_matter;
pub mod history;
pub mod i18n;
pub mod language;
pub mod leaflet;
pub mod limits;
pub mod line_marker;
pub mod load;
pub mod markdown;
pub mod output;
pub mod pipeline;
pub mod report;
pub mod rules;
pub mod serve;
pub mod site;
pub mod status;
pub mod templates;
pub mod text;
pub mod threads;
pub mod today;
pub mod translate;
pub mod variant;
pub mod yaml;
pub mod yaml_depth;

pub use error::{Diagnostic, Error};
pub use finding::{Finding, Severity};
pub use variant::Form;
