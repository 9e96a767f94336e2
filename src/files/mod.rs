//! The site's own files and paths: where files may be read from ([`SiteFolder`]), paths
//! relative to the site folder, the one way `.` and `..` are resolved in file paths, links and
//! requests, and the output file of a URL. Every stage that reads a file goes through here.

mod folder;

pub use folder::SiteFolder;

use std::path::Path;

/// The folder pages live in, inside the site folder.
pub const CONTENT_DIR: &str = "content";

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

/// How a file at `path` is written in a link from a file in `from_dir` (both `/`-separated,
/// relative to the same folder): `../rights/_index.md`.
pub fn link_from(from_dir: &str, path: &str) -> String {
    let from: Vec<&str> = from_dir.split('/').filter(|s| !s.is_empty()).collect();
    let to: Vec<&str> = path.split('/').collect();
    // The file name itself is never a shared folder.
    let common = from.iter().zip(&to[..to.len() - 1]).take_while(|(a, b)| a == b).count();
    let mut out = "../".repeat(from.len() - common);
    out.push_str(&to[common..].join("/"));
    out
}

/// Resolves the `.` and `..` parts of the `/`-separated `rel` onto `parts`, as RFC 3986 does,
/// leaving out empty parts. Returns `false` when a `..` climbed above where `parts` started:
/// a browser then stays at the root, but a file path that leaves its folder must be refused.
pub fn push_path<'a>(parts: &mut Vec<&'a str>, rel: &'a str) -> bool {
    let mut inside = true;
    for part in rel.split('/') {
        match part {
            "" | "." => {}
            ".." => inside &= parts.pop().is_some(),
            part => parts.push(part),
        }
    }
    inside
}

/// The root-relative URL path a relative link `rel` on the page at `page_url` leads to, the way
/// a browser resolves it: `../b/` from `/a/x/` is `/a/b/`.
pub fn resolve_url_path(page_url: &str, rel: &str) -> String {
    let dir = &page_url[..page_url.rfind('/').map_or(0, |i| i + 1)];
    let mut parts = Vec::new();
    push_path(&mut parts, dir);
    push_path(&mut parts, rel);
    let last = rel.rsplit('/').next().unwrap_or("");
    let folder = matches!(last, "" | "." | "..") && !parts.is_empty();
    format!("/{}{}", parts.join("/"), if folder { "/" } else { "" })
}

/// The file a page's URL is written to, relative to the output folder: `/cy/help/` under the
/// base path `/` is `cy/help/index.html`.
pub fn output_file(base_path: &str, url: &str) -> String {
    let rel = url.strip_prefix(base_path).unwrap_or(url.trim_start_matches('/'));
    format!("{rel}index.html")
}

#[cfg(test)]
mod tests {

    #[test]
    fn link_from_goes_up_only_as_far_as_it_must() {
        assert_eq!(super::link_from("help", "help/pictures/phone.svg"), "pictures/phone.svg");
        assert_eq!(super::link_from("help/deep", "rights/_index.md"), "../../rights/_index.md");
        assert_eq!(super::link_from("", "rights.md"), "rights.md");
        assert_eq!(super::link_from("help", "help.md"), "../help.md");
    }

    use super::*;

    #[test]
    fn dot_parts_resolve_and_climbing_out_is_told() {
        let mut parts = vec!["help"];
        assert!(push_path(&mut parts, "./night/../day//x.md"));
        assert_eq!(parts, ["help", "day", "x.md"]);
        let mut parts = vec!["help"];
        assert!(!push_path(&mut parts, "../../site.yaml"));
        assert_eq!(parts, ["site.yaml"]);
    }

    #[test]
    fn links_resolve_as_browsers_resolve_them() {
        assert_eq!(resolve_url_path("/a/x/", "../b/"), "/a/b/");
        assert_eq!(resolve_url_path("/a/x/", "y"), "/a/x/y");
        assert_eq!(resolve_url_path("/a/x/", ".."), "/a/");
        assert_eq!(resolve_url_path("/a/x/", "../../../c"), "/c");
        assert_eq!(resolve_url_path("/", "."), "/");
        assert_eq!(output_file("/", "/cy/help/"), "cy/help/index.html");
        assert_eq!(output_file("/res/", "/res/"), "index.html");
    }
}
