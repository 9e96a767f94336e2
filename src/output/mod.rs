//! Stage 8: minify and write. A build writes into a staging folder inside the output folder
//! and swaps it in only when it succeeded, so a failed or killed build leaves the previous
//! site as it was. Nothing outside the output folder is written or deleted, and a folder that
//! holds files clearleaf did not make is never used as the output.

pub mod artefacts;
mod published;

pub use published::{script_risks, serialize_without_markers};

use std::path::{Component, Path, PathBuf};

use crate::error::{Error, Result};

/// Staging folder for the build in progress (inside the output folder).
const STAGING: &str = ".clearleaf-staging";
/// Where the previous site goes while the new one is swapped in.
const OLD: &str = ".clearleaf-old";
/// Marks a folder as clearleaf's output, so it may be replaced.
pub const MARKER: &str = ".clearleaf-output";
/// Held by the build writing the folder: two builds swapping files in one folder at once
/// would each move the other's site away.
const LOCK: &str = ".clearleaf-lock";
const MARKER_TEXT: &str = "This folder is the output of clearleaf. clearleaf replaces everything in it on each build.\n";

/// Where a build's files go: a staging folder on disk, or memory (for `serve`).
pub trait Sink: Sync {
    /// Writes `bytes` at `rel` (a `/`-separated path inside the output).
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<()>;
    /// Copies a file into the output.
    fn copy(&self, from: &Path, rel: &str) -> Result<()> {
        let bytes = std::fs::read(from).map_err(|e| Error::io(from, e))?;
        self.write(rel, &bytes)
    }
    /// What this build wrote at `rel`, when the sink can give it back: the search index is made
    /// from the pages written. `None` when it cannot (or nothing was written there).
    fn read(&self, _rel: &str) -> Option<Vec<u8>> {
        None
    }
}

/// A site held in memory: output path → bytes.
#[derive(Default)]
pub struct Memory {
    files: std::sync::Mutex<std::collections::HashMap<String, Vec<u8>>>,
}

impl Memory {
    /// The files written.
    pub fn into_files(self) -> std::collections::HashMap<String, Vec<u8>> {
        self.files.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for Memory {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        self.files.lock().unwrap_or_else(|e| e.into_inner()).insert(rel.to_string(), bytes.to_vec());
        Ok(())
    }

    fn read(&self, rel: &str) -> Option<Vec<u8>> {
        self.files.lock().unwrap_or_else(|e| e.into_inner()).get(rel).cloned()
    }
}

/// An output folder being written.
pub struct Staging {
    out: PathBuf,
    dir: PathBuf,
    /// The output folder did not exist before this build (removed again if the build fails).
    created: bool,
    /// The output folder's lock, held until the build is committed or abandoned.
    lock: std::fs::File,
}

/// Refuses output folders that would destroy the site or other files.
pub fn check_out_dir(root: &Path, out: &Path) -> Result<PathBuf> {
    let refuse = |why: String| Err(Error::Usage(format!("refusing to write the site into {}: {why}. Choose another folder with --out, such as public.", out.display())));
    let abs = resolved(out);
    let root = resolved(root);
    if abs.parent().is_none() {
        return refuse("it is the root of the file system".into());
    }
    if root.starts_with(&abs) {
        return refuse("it contains the site itself, which would be deleted".into());
    }
    if let Some(protected) = site_folder_holding(&root, &abs) {
        return refuse(format!("it is inside the site's {protected}/ folder"));
    }
    if abs.exists() && !abs.is_dir() {
        return refuse("it is a file, not a folder".into());
    }
    if abs.is_dir() {
        // Only clearleaf's own leftovers (a killed first build) do not make it someone else's.
        let mut entries = std::fs::read_dir(&abs).map_err(|e| Error::io(&abs, e))?;
        let has_files = entries.any(|e| e.is_ok_and(|e| !is_ours(&e.file_name().to_string_lossy())));
        if has_files && !abs.join(MARKER).is_file() {
            return refuse("it already holds files that clearleaf did not make".into());
        }
    }
    Ok(abs)
}

/// Refuses a leaflet cache folder (`--cache`) where its entries would be published, read as the
/// site's own files or deleted with the output: inside the output folder or the site's
/// content, themes, locales or static folders.
pub fn check_cache_dir(root: &Path, out: Option<&Path>, cache: &Path) -> Result<()> {
    let refuse = |why: String| {
        Err(Error::Usage(format!("refusing to keep PDF leaflets in {}: {why}. Choose a folder outside the site with --cache, or leave it out to use your cache folder.", cache.display())))
    };
    let abs = resolved(cache);
    if let Some(out) = out.filter(|out| abs.starts_with(resolved(out))) {
        return refuse(format!("it is inside the output folder {}, which each build replaces", out.display()));
    }
    match site_folder_holding(&resolved(root), &abs) {
        Some(protected) => refuse(format!("it is inside the site's {protected}/ folder")),
        None => Ok(()),
    }
}

/// The folders of a site whose files the build reads as the site's own (besides site.yaml):
/// `serve` watches them, and nothing clearleaf writes may go in them.
pub const SITE_FOLDERS: [&str; 4] = [crate::files::CONTENT_DIR, crate::templates::THEMES_DIR, crate::i18n::LOCALES_DIR, crate::load::STATIC_DIR];

/// The folder of the site (`root`, resolved) that holds `abs`, among [`SITE_FOLDERS`].
fn site_folder_holding(root: &Path, abs: &Path) -> Option<&'static str> {
    SITE_FOLDERS.into_iter().find(|folder| abs.starts_with(root.join(folder)))
}

/// The names clearleaf itself puts in an output folder (and nothing else that starts the same).
fn is_ours(name: &str) -> bool {
    name == STAGING || name == MARKER || name == LOCK || is_old(name)
}

/// `.clearleaf-old-<process id>`, a replaced site waiting to be deleted.
fn is_old(name: &str) -> bool {
    name.strip_prefix(OLD).and_then(|rest| rest.strip_prefix('-')).is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
}

/// `path` made absolute with every link resolved, also where its last parts do not exist yet:
/// the deepest part that exists is resolved and the rest appended, so that
/// `link-to-content/public` is seen to be inside `content/` before `public` is made.
fn resolved(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() { path.to_path_buf() } else { std::env::current_dir().unwrap_or_default().join(path) };
    // The OS gives up after 40 links in a row; so do we.
    resolve_links(&joined, 40)
}

fn resolve_links(path: &Path, hops: u32) -> PathBuf {
    let parts: Vec<Component> = path.components().collect();
    for n in (1..=parts.len()).rev() {
        let existing: PathBuf = parts[..n].iter().collect();
        let rest = &parts[n..];
        if let Ok(base) = existing.canonicalize() {
            return append_lexically(base, rest);
        }
        // A link to a folder that does not exist yet: making the output folder would make it
        // there, so that is where it is.
        if hops > 0
            && let Ok(target) = std::fs::read_link(&existing)
        {
            let mut next = existing.parent().unwrap_or(Path::new("/")).join(target);
            next.extend(rest);
            return resolve_links(&next, hops - 1);
        }
    }
    append_lexically(PathBuf::new(), &parts)
}

/// `base` with `parts` appended, `..` taking off the last part (the parts do not exist, so no
/// link can make `..` mean anything else).
fn append_lexically(mut base: PathBuf, parts: &[Component]) -> PathBuf {
    for c in parts {
        match c {
            Component::ParentDir => {
                base.pop();
            }
            Component::CurDir => {}
            c => base.push(c),
        }
    }
    base
}

/// Waits until no other clearleaf build is writing `out`, then holds its lock until the
/// returned file is dropped. Builds one after another each leave a whole site; the last wins.
fn lock_output(out: &Path) -> Result<std::fs::File> {
    let path = out.join(LOCK);
    let mut waited = false;
    loop {
        std::fs::create_dir_all(out).map_err(|e| Error::io(out, e))?;
        let file = std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(&path).map_err(|e| Error::io(&path, e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                if !waited {
                    eprintln!("Waiting for another clearleaf build that is writing {} to finish…", out.display());
                    waited = true;
                }
                file.lock().map_err(|e| Error::io(&path, e))?;
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(Error::io(&path, e)),
        }
        // A first build that failed removes the folder with its lock file while we waited:
        // the lock we hold is then on a deleted file, and the folder needs a new one.
        let still_there = same_file::Handle::from_path(&path).ok().zip(file.try_clone().ok().and_then(|f| same_file::Handle::from_file(f).ok())).is_some_and(|(a, b)| a == b);
        if still_there {
            return Ok(file);
        }
    }
}

impl Sink for Staging {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        let path = self.dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        std::fs::write(&path, bytes).map_err(|e| Error::io(&path, e))
    }

    fn copy(&self, from: &Path, rel: &str) -> Result<()> {
        let path = self.dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        std::fs::copy(from, &path).map(|_| ()).map_err(|e| Error::io(from, e))
    }

    fn read(&self, rel: &str) -> Option<Vec<u8>> {
        std::fs::read(self.dir.join(rel)).ok()
    }
}

impl Staging {
    /// Starts a build into `out` (already checked): removes what an interrupted build left.
    pub fn prepare(out: PathBuf) -> Result<Staging> {
        let created = !out.exists();
        let lock = lock_output(&out)?;
        let dir = out.join(STAGING);
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        }
        std::fs::create_dir(&dir).map_err(|e| Error::io(&dir, e))?;
        Ok(Staging { out, dir, created, lock })
    }

    /// Swaps the new site in: the old entries move aside into a hidden folder, the new ones move
    /// up, and the old ones are deleted by a background process, because deleting thousands of
    /// files can take longer than the whole build (see [`remove_old`]).
    pub fn commit(self) -> Result<()> {
        self.write(MARKER, MARKER_TEXT.as_bytes())?;
        let previous: Vec<PathBuf> = sorted_entries(&self.out)?.into_iter().filter(|e| e.file_name().is_some_and(|n| n != STAGING && n != LOCK && !is_old(&n.to_string_lossy()))).collect();
        if !previous.is_empty() {
            let old = self.out.join(format!("{OLD}-{}", std::process::id()));
            if old.exists() {
                std::fs::remove_dir_all(&old).map_err(|e| Error::io(&old, e))?;
            }
            std::fs::create_dir(&old).map_err(|e| Error::io(&old, e))?;
            for entry in previous {
                let name = entry.file_name().unwrap_or_default().to_owned();
                std::fs::rename(&entry, old.join(name)).map_err(|e| Error::io(&entry, e))?;
            }
        }
        for entry in sorted_entries(&self.dir)? {
            let name = entry.file_name().unwrap_or_default().to_owned();
            std::fs::rename(&entry, self.out.join(&name)).map_err(|e| Error::io(&entry, e))?;
        }
        std::fs::remove_dir(&self.dir).map_err(|e| Error::io(&self.dir, e))?;
        // Older leftovers (an earlier cleanup that was killed) go with this one.
        for entry in sorted_entries(&self.out)? {
            if entry.file_name().is_some_and(|n| is_old(&n.to_string_lossy())) {
                remove_in_background(&entry);
            }
        }
        Ok(())
    }

    /// Drops the unfinished build; the previous output stays as it was.
    pub fn abandon(self) {
        // Deleted before returning (not in the background), so that a failed build leaves the
        // output folder exactly as it was, even for a moment.
        let _ = std::fs::remove_dir_all(&self.dir);
        if self.created {
            // Still holding the lock: a build waiting for it sees its file gone and starts again.
            let _ = std::fs::remove_file(self.out.join(LOCK));
            let _ = std::fs::remove_dir(&self.out);
        }
        drop(self.lock);
    }
}

/// The hidden subcommand that deletes an old site in the background.
pub const REMOVE_OLD_COMMAND: &str = "__remove-old";

/// Starts a detached `clearleaf __remove-old DIR`; deletes inline if it cannot be started.
fn remove_in_background(dir: &Path) {
    let spawned = std::env::current_exe().and_then(|exe| {
        std::process::Command::new(exe).arg(REMOVE_OLD_COMMAND).arg(dir).stdin(std::process::Stdio::null()).stdout(std::process::Stdio::null()).stderr(std::process::Stdio::null()).spawn()
    });
    if spawned.is_err() {
        let _ = std::fs::remove_dir_all(dir);
    }
}

/// Deletes an old site moved aside by [`Staging::commit`]. Refuses anything but a
/// `.clearleaf-old…` folder directly inside a folder marked as clearleaf's output.
pub fn remove_old(dir: &Path) -> Result<()> {
    let named_ok = dir.file_name().is_some_and(|n| is_old(&n.to_string_lossy()));
    let parent_ok = dir.parent().is_some_and(|p| p.join(MARKER).is_file());
    if !named_ok || !parent_ok {
        return Err(Error::Usage(format!("{} is not an old clearleaf output folder; nothing was deleted", dir.display())));
    }
    std::fs::remove_dir_all(dir).map_err(|e| Error::io(dir, e))
}

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    v.sort();
    Ok(v)
}

/// Minifies a page (when built with the `minify` feature), keeping it valid HTML.
///
/// The full minify-html is used for every page. Its one-pass variant is about twice as fast
/// but always drops the space between a quoted attribute value and the next attribute
/// (`class="x"role=note`), which browsers accept but the HTML standard does not, and it has no
/// setting to keep it. The full minifier's defaults keep only what the standard allows: a
/// space between attributes, unquoted values only where they are valid, omitted tags only
/// where they are optional, and the doctype as written.
pub fn minify(html: &str) -> String {
    #[cfg(feature = "minify")]
    {
        String::from_utf8(minify_html::minify(html.as_bytes(), &valid_html_cfg())).unwrap_or_else(|_| html.to_string())
    }
    #[cfg(not(feature = "minify"))]
    {
        html.to_string()
    }
}

/// minify-html's settings for output that passes the Nu HTML Checker. `Cfg::new()` leaves
/// every setting that may give invalid HTML off; they are named here so that a change of the
/// library's defaults cannot turn one on unnoticed.
#[cfg(feature = "minify")]
fn valid_html_cfg() -> minify_html::Cfg {
    let mut cfg = minify_html::Cfg::new();
    cfg.minify_css = true;
    cfg.allow_removing_spaces_between_attributes = false;
    cfg.allow_noncompliant_unquoted_attribute_values = false;
    cfg.allow_optimal_entities = false;
    cfg.minify_doctype = false;
    cfg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "minify")]
    #[test]
    fn minifies_well_formed_and_malformed_pages() {
        let good = "<!doctype html><html lang=en><head><title>A</title></head><body><p class=\"x\">One   two</p>\n\n<p>Three</p></body></html>";
        assert_eq!(minify(good), "<!doctype html><html lang=en><title>A</title><body><p class=x>One two<p>Three");
        // A stray closing tag is dropped, and the rest of the page is still minified.
        let bad = "<p>One   two</div>\n\n<p>Three</p>";
        assert_eq!(minify(bad), "<p>One two<p>Three");
    }

    #[cfg(feature = "minify")]
    #[test]
    fn keeps_a_space_after_every_quoted_attribute() {
        // minify-html writes quoted values first, then unquoted ones, each in name order.
        let page = "<p class=\"a b\" role=\"note\" title=\"x y\" lang=\"cy\">Hi</p>";
        assert_eq!(minify(page), "<p class=\"a b\" title=\"x y\" lang=cy role=note>Hi");
    }

    #[test]
    fn refuses_dangerous_output_and_cache_folders() {
        let site = tempfile::tempdir().unwrap();
        std::fs::create_dir(site.path().join("content")).unwrap();
        std::fs::write(site.path().join("notes.txt"), "x").unwrap();
        assert!(check_out_dir(site.path(), site.path()).is_err());
        assert!(check_out_dir(site.path(), &site.path().join("content")).is_err());
        assert!(check_out_dir(site.path(), &site.path().join("content/x")).is_err());
        assert!(check_out_dir(site.path(), Path::new("/")).is_err());
        assert!(check_out_dir(site.path(), &site.path().join("notes.txt")).is_err());
        assert!(check_out_dir(&site.path().join("sub"), site.path()).is_err());
        assert!(check_out_dir(site.path(), &site.path().join("public")).is_ok());
        let public = site.path().join("public");
        assert!(check_cache_dir(site.path(), Some(&public), &public.join("cache")).is_err());
        assert!(check_cache_dir(site.path(), Some(&public), &public).is_err());
        assert!(check_cache_dir(site.path(), None, &site.path().join("static/cache")).is_err());
        assert!(check_cache_dir(site.path(), Some(&public), &site.path().join(".cache")).is_ok());
        std::fs::create_dir_all(site.path().join("public/.clearleaf-staging/x")).unwrap();
        assert!(check_out_dir(site.path(), &site.path().join("public")).is_ok(), "a killed first build's leftovers are ours");
        std::fs::write(site.path().join("public/mine.txt"), "x").unwrap();
        assert!(check_out_dir(site.path(), &site.path().join("public")).is_err());
    }

    #[test]
    fn only_our_exact_names_are_leftovers() {
        for name in [STAGING, MARKER, LOCK, ".clearleaf-old-123"] {
            assert!(is_ours(name), "{name}");
        }
        for name in [".clearleaf-backup", ".clearleaf-old", ".clearleaf-old-", ".clearleaf-old-1x", ".clearleaf-oldies", ".clearleaf-staging2"] {
            assert!(!is_ours(name), "{name}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn links_are_resolved_before_the_output_folder_exists() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path().canonicalize().unwrap();
        std::fs::create_dir(root.join("content")).unwrap();
        std::os::unix::fs::symlink("content", root.join("in")).unwrap();
        std::os::unix::fs::symlink("content/not-yet", root.join("dangling")).unwrap();
        assert_eq!(resolved(&root.join("in/a/../b")), root.join("content/b"));
        assert_eq!(resolved(&root.join("dangling/x")), root.join("content/not-yet/x"));
        assert!(check_out_dir(&root, &root.join("in/public")).is_err());
        assert!(check_out_dir(&root, &root.join("dangling/public")).is_err());
    }

    #[test]
    fn swap_replaces_everything_and_abandon_keeps_the_old_site() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let s = Staging::prepare(out.clone()).unwrap();
        s.write("a/index.html", b"one").unwrap();
        s.commit().unwrap();
        assert_eq!(std::fs::read(out.join("a/index.html")).unwrap(), b"one");
        // The marker makes a non-empty folder acceptable next time.
        check_out_dir(dir.path(), &out).unwrap();

        let s = Staging::prepare(out.clone()).unwrap();
        s.write("b/index.html", b"two").unwrap();
        s.abandon();
        assert_eq!(std::fs::read(out.join("a/index.html")).unwrap(), b"one");
        assert!(!out.join("b").exists() && !out.join(STAGING).exists());

        let s = Staging::prepare(out.clone()).unwrap();
        s.write("b/index.html", b"two").unwrap();
        s.commit().unwrap();
        assert!(!out.join("a").exists());
        assert_eq!(std::fs::read(out.join("b/index.html")).unwrap(), b"two");
    }

    #[test]
    fn a_build_waiting_for_a_failed_first_build_gets_a_folder_of_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let first = Staging::prepare(out.clone()).unwrap();
        let waiting = {
            let out = out.clone();
            std::thread::spawn(move || Staging::prepare(out))
        };
        // Give the second build time to open the lock file the first one is about to delete
        // (if it has not, it simply starts after the first: the outcome is the same).
        std::thread::sleep(std::time::Duration::from_millis(300));
        first.abandon();
        let second = waiting.join().unwrap().unwrap();
        second.write("index.html", b"second").unwrap();
        second.commit().unwrap();
        assert_eq!(std::fs::read(out.join("index.html")).unwrap(), b"second");
    }

    #[test]
    fn remove_old_deletes_only_old_output_folders() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir_all(out.join(".clearleaf-old-1/x")).unwrap();
        std::fs::create_dir_all(out.join("keep")).unwrap();
        assert!(remove_old(&out.join(".clearleaf-old-1")).is_err(), "no marker: refused");
        std::fs::write(out.join(MARKER), "").unwrap();
        assert!(remove_old(&out.join("keep")).is_err());
        assert!(remove_old(dir.path()).is_err());
        remove_old(&out.join(".clearleaf-old-1")).unwrap();
        assert!(!out.join(".clearleaf-old-1").exists() && out.join("keep").exists());
    }
}
