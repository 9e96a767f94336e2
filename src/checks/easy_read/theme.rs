//! Easy-read typography on the theme's stylesheets (to come: ER-FONT-SIZE, ER-LINE-HEIGHT,
//! ER-ALIGN, ER-LINE-LENGTH, ER-FONT-FAMILY).

use std::collections::BTreeMap;

use crate::config::EasyRead;
use crate::finding::Finding;
use crate::templates::ThemeFile;

/// What the theme does to Easy-read pages, worked out once per build.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    /// `em` and `i` are not shown in italics on Easy-read pages.
    pub unitalicises_em: bool,
    /// Typography findings on the stylesheets.
    pub findings: Vec<Finding>,
}

impl Facts {
    /// Reads the theme's stylesheets.
    pub fn read(files: &BTreeMap<String, ThemeFile>, settings: &EasyRead) -> Facts {
        let _ = settings;
        let css: String = files.iter().filter(|(p, _)| p.ends_with(".css")).map(|(_, f)| String::from_utf8_lossy(&f.bytes).into_owned()).collect();
        Facts { unitalicises_em: css.contains("html.form-easy em"), findings: Vec::new() }
    }
}
