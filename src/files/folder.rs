//! The one gate every file the build reads from the site goes through: site.yaml, `content/`,
//! `static/`, `themes/` and `locales/`. Links (symlinks) are followed only while they stay
//! inside the site folder. A link that leads out is an input error naming the link, and
//! nothing behind it is read, so a `static -> /` cannot publish the disk and a
//! `site.yaml -> /etc/shadow` cannot put its lines into a CI log.

use std::path::{Path, PathBuf};

use walkdir::{DirEntry, WalkDir};

use super::{is_ignored, rel_path};
use crate::error::{Diagnostic, Error, Result};

/// The site folder, resolved once, that every input path must stay inside.
pub struct SiteFolder {
    root: PathBuf,
    /// `root` with every link resolved; a path is inside the site if it resolves under this.
    canonical: PathBuf,
}

impl SiteFolder {
    /// The site at `root`. A root that cannot be resolved (it does not exist) has nothing
    /// inside it to check; reading from it then fails with the usual "not found".
    pub fn new(root: &Path) -> SiteFolder {
        SiteFolder { root: root.to_path_buf(), canonical: root.canonicalize().unwrap_or_else(|_| root.to_path_buf()) }
    }

    /// Refuses `path` (under the site root) if it, or a folder on the way to it, is a link that
    /// leads out of the site or cannot be followed, or if it leads out through `..`.
    pub fn check(&self, path: &Path) -> Result<(), Diagnostic> {
        let inside = path.strip_prefix(&self.root).unwrap_or(path);
        let mut at = self.root.clone();
        for part in inside.components() {
            at.push(part);
            if at.is_symlink() {
                self.check_link(&at)?;
            }
        }
        match path.canonicalize() {
            Ok(target) if !target.starts_with(&self.canonical) => Err(self.outside(path, &target)),
            _ => Ok(()),
        }
    }

    /// Every file under `dir` (at most `max_depth` levels down), sorted by path. Links inside
    /// the site are followed; links out, loops and broken links go to `problems` and are not
    /// followed. Hidden files and editor backups are left out.
    pub fn files(&self, dir: &Path, max_depth: usize, problems: &mut Vec<Diagnostic>) -> Vec<DirEntry> {
        if let Err(d) = self.check(dir) {
            problems.push(d);
            return Vec::new();
        }
        let refused = std::cell::RefCell::new(Vec::new());
        let walker = WalkDir::new(dir).follow_links(true).max_depth(max_depth).sort_by_file_name().into_iter().filter_entry(|e| {
            if e.depth() > 0 && is_ignored(e.file_name()) {
                return false;
            }
            // Checked before the walker looks inside: a link to / would walk the whole disk.
            if e.depth() > 0
                && e.path_is_symlink()
                && let Err(d) = self.check_link(e.path())
            {
                refused.borrow_mut().push(d);
                return false;
            }
            true
        });
        let mut files = Vec::new();
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() => files.push(e),
                Ok(_) => {}
                Err(e) => problems.push(self.unreadable(&e, dir)),
            }
        }
        problems.extend(refused.into_inner());
        files
    }

    /// [`SiteFolder::files`], failing with every problem found.
    pub fn all_files(&self, dir: &Path, max_depth: usize) -> Result<Vec<DirEntry>> {
        let mut problems = Vec::new();
        let files = self.files(dir, max_depth, &mut problems);
        if problems.is_empty() { Ok(files) } else { Err(Error::Input(problems)) }
    }

    fn check_link(&self, link: &Path) -> Result<(), Diagnostic> {
        match link.canonicalize() {
            Ok(target) if target.starts_with(&self.canonical) => Ok(()),
            Ok(target) => Err(self.outside(link, &target)),
            Err(e) => Err(Diagnostic::new(rel_path(&self.root, link), format!("this link could not be read: {e}")).hint("Remove the broken link, or make it point to a file in the site folder.")),
        }
    }

    fn outside(&self, path: &Path, target: &Path) -> Diagnostic {
        let what = if path.is_symlink() { "this is a link" } else { "this path leads" };
        Diagnostic::new(rel_path(&self.root, path), format!("{what} to {}, which is outside the site folder, so clearleaf did not read it", target.display()))
            .hint("clearleaf only reads files inside the site folder, so that a link can never publish other files by mistake. Copy the files into the site folder, or make the link point inside it.")
    }

    fn unreadable(&self, e: &walkdir::Error, dir: &Path) -> Diagnostic {
        let at = rel_path(&self.root, e.path().unwrap_or(dir));
        let message = if e.loop_ancestor().is_some() {
            "this folder link points back to a folder that contains it (a loop)".to_string()
        } else {
            format!("could not be read: {}", e.io_error().map(ToString::to_string).unwrap_or_else(|| e.to_string()))
        };
        Diagnostic::new(at, message).hint("Remove the link or fix the file's permissions.")
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn site() -> (tempfile::TempDir, PathBuf) {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        std::fs::create_dir_all(root.join("content/inner")).unwrap();
        std::fs::write(root.join("content/inner/a.md"), "a").unwrap();
        std::fs::create_dir(tmp.path().join("outside")).unwrap();
        std::fs::write(tmp.path().join("outside/secret.txt"), "secret").unwrap();
        (tmp, root)
    }

    #[test]
    fn links_inside_are_followed_and_links_out_are_named() {
        let (tmp, root) = site();
        symlink("content/inner", root.join("inner-link")).unwrap();
        symlink(tmp.path().join("outside"), root.join("content/out")).unwrap();
        symlink(tmp.path().join("outside/secret.txt"), root.join("site.yaml")).unwrap();
        let folder = SiteFolder::new(&root);
        assert!(folder.check(&root.join("inner-link/a.md")).is_ok());
        assert_eq!(folder.check(&root.join("content/out/secret.txt")).unwrap_err().file, "content/out");
        let d = folder.check(&root.join("site.yaml")).unwrap_err();
        assert_eq!(d.file, "site.yaml");
        assert!(d.message.contains("outside the site folder"), "{}", d.message);
        assert!(folder.check(&root.join("content/../../outside")).is_err(), "`..` leads out too");

        let mut problems = Vec::new();
        let files = folder.files(&root.join("content"), usize::MAX, &mut problems);
        let names: Vec<String> = files.iter().map(|e| rel_path(&root, e.path())).collect();
        assert_eq!(names, ["content/inner/a.md"]);
        assert_eq!(problems.iter().map(|d| d.file.as_str()).collect::<Vec<_>>(), ["content/out"]);
    }

    #[test]
    fn a_walked_folder_that_is_itself_a_link_out_is_not_walked() {
        let (tmp, root) = site();
        symlink(tmp.path().join("outside"), root.join("static")).unwrap();
        let mut problems = Vec::new();
        assert!(SiteFolder::new(&root).files(&root.join("static"), usize::MAX, &mut problems).is_empty());
        assert_eq!(problems[0].file, "static");
    }
}
