//! `clearleaf init [DIR]`: a small site that builds at once with no error findings, and a
//! GitHub Actions workflow that publishes it to GitHub Pages. Its Easy-read pages have not
//! been checked with readers yet, so they warn (`ER-CHECKED`) until someone has.

use std::path::Path;

use crate::error::{Error, Result};

const SITE_YAML: &str = "# clearleaf site settings. Every key is optional; see the README for all of them.
title: My resources
base_url: https://example.org/
default_language: en
# Add languages here, e.g. [en, cy, pl, ur, ar]; then add files like about.cy.md.
languages: [en]
translations:
  missing: fallback
  outdated: notice
";

const HOME: &str = "---
title: Welcome
description: Information about our service, in standard and Easy read versions.
---
This site has information about our service.

Every page has an [Easy read version](about.easy.md): short sentences and a picture beside each idea.

Read [about this site](about.md).
";

const HOME_EASY: &str = "---
title: Welcome
description: Information about our service in Easy read.
---
![A person reading a leaflet](pictures/reading.svg) This site tells you about our service.

![A speech bubble](pictures/talk.svg) You can [read about this site](about.md).
";

const ABOUT: &str = "---
title: About this site
description: Who made this site and how to ask for information in another format.
weight: 10
---
## Who we are

We are a local service. Tell us if you need this information in another format, such as large print or audio.
";

const ABOUT_EASY: &str = "---
title: About this site
description: Who made this site.
weight: 10
---
## Who we are

![A house](pictures/house.svg) We are a local service.

![A speech bubble](pictures/talk.svg) Tell us if you need large print.
";

/// Builds on every push to `main`, fails on error findings (shown on the changed lines of a pull
/// request), and publishes `public/` to GitHub Pages.
const PUBLISH_WORKFLOW: &str = "# Builds the site with clearleaf and publishes it to GitHub Pages.
# In the repository's Settings > Pages, set Source to GitHub Actions.
name: publish
on:
  push:
    branches: [main]
  pull_request:
permissions:
  contents: read
  pages: write
  id-token: write
concurrency:
  group: pages
  cancel-in-progress: false
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Install clearleaf
        # From crates.io; use `cargo install --locked --git URL` for your own copy instead.
        run: cargo install --locked clearleaf
      - name: Build and check
        # --format github shows each finding on its line; an error finding fails the job.
        run: clearleaf build --out public --format github
      - uses: actions/upload-pages-artifact@v3
        with:
          path: public
  deploy:
    if: github.event_name == 'push'
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
";

const READING_SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64"><circle cx="32" cy="16" r="9" fill="none" stroke="#1a1a1a" stroke-width="3"/><rect x="14" y="32" width="36" height="24" fill="#fff" stroke="#0b5394" stroke-width="3"/><line x1="32" y1="32" x2="32" y2="56" stroke="#0b5394" stroke-width="3"/></svg>
"##;
const TALK_SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64"><path d="M8 12h48v30H26l-12 10V42H8z" fill="#fff" stroke="#1a1a1a" stroke-width="3" stroke-linejoin="round"/></svg>
"##;
const HOUSE_SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64"><path d="M8 30L32 10l24 20M14 26v28h36V26" fill="none" stroke="#1a1a1a" stroke-width="3" stroke-linejoin="round"/><rect x="27" y="38" width="10" height="16" fill="#0b5394"/></svg>
"##;

/// Creates a new site in `dir` (which must not already hold one).
pub fn run(dir: &Path) -> Result<i32> {
    for existing in ["site.yaml", "content"] {
        if dir.join(existing).exists() {
            return Err(Error::Usage(format!("{} already has a {existing}: choose an empty or new folder", dir.display())));
        }
    }
    // The Easy read pages are stamped as matching their standard pages, so the new site has no
    // TRANSLATION-OUTDATED warnings.
    let stamp = |source_rel: &str, source: &str, easy: &str| -> Result<String> {
        let hash = super::stamp::hash_of_text(source_rel, source)?;
        Ok(super::stamp::set_source_hash(easy, &hash).expect("the built-in page has front matter"))
    };
    let home_easy = stamp("content/_index.md", HOME, HOME_EASY)?;
    let about_easy = stamp("content/about.md", ABOUT, ABOUT_EASY)?;
    let files: [(&str, &str); 9] = [
        ("site.yaml", SITE_YAML),
        (".github/workflows/publish.yml", PUBLISH_WORKFLOW),
        ("content/_index.md", HOME),
        ("content/_index.easy.md", &home_easy),
        ("content/about.md", ABOUT),
        ("content/about.easy.md", &about_easy),
        ("content/pictures/reading.svg", READING_SVG),
        ("content/pictures/talk.svg", TALK_SVG),
        ("content/pictures/house.svg", HOUSE_SVG),
    ];
    for (rel, text) in files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        std::fs::write(&path, text).map_err(|e| Error::io(&path, e))?;
    }
    eprintln!("Created a new site in {}. Build it with: clearleaf build --root {}", dir.display(), dir.display());
    Ok(0)
}
