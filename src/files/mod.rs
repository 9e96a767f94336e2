//! The site's own files: where they may be read from ([`SiteFolder`]), and their paths
//! relative to the site folder. Every stage that reads a file goes through here.

mod folder;

pub use folder::SiteFolder;

use std::path::Path;

/// Hidden files, editor backups and OS clutter are not content.
pub fn is_ignored(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp") || name == "Thumbs.db" || name == "desktop.ini"
}

/// `path` relative to the site root, with `/` separators.
pub fn rel_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}
