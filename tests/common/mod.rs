//! Helpers shared by the integration tests: a small site in a temporary folder, a way to run
//! `clearleaf build` on it, and byte-for-byte snapshots of a folder.
//!
//! Layout of every test site: `TMP/site` is the site root, `TMP/out` the output folder (outside
//! the site, so that snapshots of one do not include the other).

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The date every command runs with, so results do not depend on the clock.
pub const TODAY: &str = "2026-11-21";

/// `site.yaml` of the good site: two languages (so that translations and locales can be broken);
/// EASY-READ-MISSING off to keep its report short. It builds with exit status 0.
pub const SITE_YAML: &str = "title: Test site\nbase_url: https://example.org/\nlanguages: [en, cy]\nchecks:\n  EASY-READ-MISSING: off\n";
/// The good home page.
pub const HOME_MD: &str = "---\ntitle: Home page\ndescription: The front page of the test site.\n---\nWelcome. Read about [getting help](help.md).\n";
/// The good second page.
pub const HELP_MD: &str = "---\ntitle: Getting help\ndescription: Who to call when you need help.\n---\nCall 111 at any time.\n";

/// A `checks:` block of site.yaml that sets every rule clearleaf checks to `level`, except those
/// in `keep` (left at their default severity). With `off`, a test sees only the rules it is
/// about, however many checks are added later; with `warning`, a build always writes output.
/// (`INPUT-INVALID` is left out: `checks:` cannot change it.)
pub fn checks_all(level: &str, keep: &[&str]) -> String {
    let mut s = String::from("checks:\n");
    for rule in clearleaf::rules::implemented().filter(|r| !keep.contains(&r.id) && **r != clearleaf::rules::INPUT_INVALID) {
        s.push_str(&format!("  {rule}: {level}\n"));
    }
    s
}

/// Writes `contents` at `rel` inside `root`, making the folders it needs.
/// Copies `tests/fixtures/<name>` into `to` (created).
pub fn copy_fixture_into(name: &str, to: &Path) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    for entry in walkdir::WalkDir::new(&from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(&from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Runs git in `dir` as an editor would, with `date` as the commit's date; fails the test if
/// git fails.
pub fn git(dir: &Path, args: &[&str], date: &str) {
    let out = std::process::Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=Editor", "-c", "user.email=editor@example.org", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"])
        .args(args)
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

pub fn write_file(root: &Path, rel: &str, contents: impl AsRef<[u8]>) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, contents).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
}

/// A site in a temporary folder.
pub struct Site {
    tmp: tempfile::TempDir,
}

impl Site {
    /// A small site that builds with no findings: `site.yaml`, `content/_index.md`, `content/help.md`.
    pub fn new() -> Site {
        let site = Site::empty();
        site.write("site.yaml", SITE_YAML).write("content/_index.md", HOME_MD).write("content/help.md", HELP_MD);
        site
    }

    /// An empty site folder.
    pub fn empty() -> Site {
        let tmp = tempfile::Builder::new().prefix("clearleaf-test-").tempdir().expect("temp dir");
        std::fs::create_dir(tmp.path().join("site")).expect("site dir");
        Site { tmp }
    }

    /// The site root.
    pub fn root(&self) -> PathBuf {
        self.tmp.path().join("site")
    }

    /// The output folder (outside the site).
    pub fn out(&self) -> PathBuf {
        self.tmp.path().join("out")
    }

    /// The cache folder of its builds (`$XDG_CACHE_HOME`).
    pub fn cache(&self) -> PathBuf {
        self.tmp.path().join("cache")
    }

    /// The temporary folder holding `site/` and `out/`.
    pub fn tmp(&self) -> &Path {
        self.tmp.path()
    }

    /// `rel` inside the site.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    /// Writes a file (creating its folders).
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> &Site {
        write_file(&self.root(), rel, contents);
        self
    }

    /// Deletes a file or folder of the site.
    pub fn remove(&self, rel: &str) -> &Site {
        let path = self.path(rel);
        match std::fs::symlink_metadata(&path) {
            Ok(m) if m.is_dir() => std::fs::remove_dir_all(&path).unwrap(),
            Ok(_) => std::fs::remove_file(&path).unwrap(),
            Err(e) => panic!("removing {}: {e}", path.display()),
        }
        self
    }

    /// Makes `rel` a symbolic link to `target` (as written: relative targets stay relative).
    #[cfg(unix)]
    pub fn symlink(&self, target: impl AsRef<Path>, rel: &str) -> &Site {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(target.as_ref(), &path).unwrap();
        self
    }

    /// `clearleaf build --root SITE --today TODAY` with no `--out` yet.
    pub fn command(&self) -> assert_cmd::Command {
        let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("clearleaf");
        // The PDF leaflets' cache goes in the test's own folder, never the user's.
        cmd.arg("build").arg("--root").arg(self.root()).args(["--today", TODAY]).env_remove("CI").env("NO_COLOR", "1").env("XDG_CACHE_HOME", self.cache());
        cmd
    }

    /// `clearleaf build --root SITE --out OUT --today TODAY ARGS…`.
    pub fn build(&self, args: &[&str]) -> Run {
        let mut cmd = self.command();
        cmd.arg("--out").arg(self.out()).args(args);
        Run::of(&mut cmd)
    }

    /// Builds the good site into OUT, checks that it built, and snapshots OUT.
    pub fn build_good(&self) -> Snapshot {
        let run = self.build(&[]);
        run.code(0);
        assert!(self.out().join(".clearleaf-output").is_file(), "the good build left no .clearleaf-output marker");
        wait_for_old_sites(&self.out());
        snapshot(&self.out())
    }

    /// Builds the good site, breaks it with `break_it`, builds again with `args`; asserts the
    /// exit status and that OUT was left exactly as the good build made it.
    pub fn refused(&self, status: i32, args: &[&str], break_it: impl FnOnce(&Site)) -> Run {
        let before = self.build_good();
        break_it(self);
        let run = self.build(args);
        run.code(status);
        self.assert_out_unchanged(&before);
        run
    }

    /// Checks that OUT is exactly `before` and that no staging or old folder was left behind.
    pub fn assert_out_unchanged(&self, before: &Snapshot) {
        assert_unchanged(before, &snapshot(&self.out()), "the output folder");
        for leftover in [".clearleaf-staging", ".clearleaf-old"] {
            assert!(!self.out().join(leftover).exists(), "{leftover} was left in the output folder");
        }
    }

    /// The HTML file of a page URL (`/help/` → `OUT/help/index.html`), if it was written.
    pub fn page(&self, url: &str) -> Option<String> {
        let rel = url.trim_start_matches('/');
        std::fs::read_to_string(self.out().join(rel).join("index.html")).ok()
    }
}

/// The outcome of one command.
#[derive(Debug)]
pub struct Run {
    /// Exit status (`None` when killed by a signal).
    pub status: Option<i32>,
    /// Everything printed on stdout.
    pub stdout: String,
    /// Everything printed on stderr.
    pub stderr: String,
}

impl Run {
    /// Runs `cmd` to the end.
    pub fn of(cmd: &mut assert_cmd::Command) -> Run {
        let out = cmd.output().expect("clearleaf runs");
        Run { status: out.status.code(), stdout: String::from_utf8_lossy(&out.stdout).into_owned(), stderr: String::from_utf8_lossy(&out.stderr).into_owned() }
    }

    /// Asserts the exit status (and that clearleaf did not panic).
    pub fn code(&self, expected: i32) -> &Run {
        assert!(!self.stderr.contains("panicked at"), "clearleaf panicked:\n{}", self.stderr);
        assert_eq!(self.status, Some(expected), "exit status; stderr:\n{}\nstdout:\n{}", self.stderr, self.stdout);
        self
    }

    /// Asserts that stderr has a diagnostic `error: LOCATION: message` whose message contains
    /// every one of `words` (case-insensitive), followed by a `  help: ` line.
    /// `location` is `FILE`, `FILE:LINE` or `FILE:LINE:COLUMN`, matched exactly.
    pub fn error_at(&self, location: &str, words: &[&str]) -> &Run {
        let lines: Vec<&str> = self.stderr.lines().collect();
        let prefix = format!("error: {location}: ");
        let Some(i) = lines.iter().position(|l| l.starts_with(&prefix)) else {
            panic!("no line starting with {prefix:?} on stderr:\n{}", self.stderr);
        };
        let message = lines[i].to_lowercase();
        for w in words {
            assert!(message.contains(&w.to_lowercase()), "the message {:?} does not contain {w:?}", lines[i]);
        }
        assert!(lines.get(i + 1).is_some_and(|l| l.starts_with("  help: ") && l.len() > 10), "no `  help: …` line after {:?}:\n{}", lines[i], self.stderr);
        self
    }

    /// Asserts that stderr contains `needle` (case-insensitive).
    pub fn stderr_has(&self, needle: &str) -> &Run {
        assert!(self.stderr.to_lowercase().contains(&needle.to_lowercase()), "stderr lacks {needle:?}:\n{}", self.stderr);
        self
    }

    /// stdout parsed as JSON (for `--format json`).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}\nstderr:\n{}", self.stdout, self.stderr))
    }
}

/// A successful build moves the site it replaces into `OUT/.clearleaf-old-PID` and deletes it
/// in a detached process; waits (up to a minute) until that is done, so that snapshots taken
/// after a good build do not race with it.
pub fn wait_for_old_sites(out: &Path) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let old: Vec<_> =
            std::fs::read_dir(out).map(|d| d.filter_map(|e| e.ok()).filter(|e| e.file_name().to_string_lossy().starts_with(".clearleaf-old")).map(|e| e.path()).collect()).unwrap_or_default();
        if old.is_empty() {
            return;
        }
        assert!(std::time::Instant::now() < deadline, "the replaced site was not deleted within a minute: {old:?}");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// One entry of a folder snapshot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    /// A folder.
    Dir,
    /// A file and its bytes.
    File(Vec<u8>),
    /// A symbolic link and its target.
    Link(PathBuf),
}

/// Every entry under a folder by `/`-separated relative path (links are not followed).
pub type Snapshot = BTreeMap<String, Entry>;

/// Snapshots `dir` (an empty map if it does not exist).
pub fn snapshot(dir: &Path) -> Snapshot {
    let mut out = BTreeMap::new();
    if dir.symlink_metadata().is_ok() {
        walk(dir, dir, &mut out);
    }
    out
}

fn walk(root: &Path, dir: &Path, out: &mut Snapshot) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display())).map(|e| e.unwrap().path()).collect();
    entries.sort();
    // The replaced site is deleted by a background process after a successful build; it is
    // clearleaf's transient folder, not part of the output, and may vanish mid-walk.
    entries.retain(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(".clearleaf-old")));
    for path in entries {
        let rel = path.strip_prefix(root).unwrap().components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
        let meta = path.symlink_metadata().unwrap();
        if meta.file_type().is_symlink() {
            out.insert(rel, Entry::Link(std::fs::read_link(&path).unwrap()));
        } else if meta.is_dir() {
            out.insert(rel, Entry::Dir);
            walk(root, &path, out);
        } else {
            out.insert(rel, Entry::File(std::fs::read(&path).unwrap()));
        }
    }
}

/// Asserts two snapshots are the same: same names, same kinds, same bytes.
pub fn assert_unchanged(before: &Snapshot, after: &Snapshot, what: &str) {
    let added: Vec<_> = after.keys().filter(|k| !before.contains_key(*k)).collect();
    let removed: Vec<_> = before.keys().filter(|k| !after.contains_key(*k)).collect();
    let changed: Vec<_> = before.iter().filter(|(k, v)| after.get(*k).is_some_and(|a| a != *v)).map(|(k, _)| k).collect();
    assert!(added.is_empty() && removed.is_empty() && changed.is_empty(), "{what} changed:\n  added: {added:?}\n  removed: {removed:?}\n  changed: {changed:?}");
}

/// Whether this process ignores file permissions (root, or CAP_DAC_OVERRIDE): then a read-only
/// folder can still be written and permission tests cannot see a refusal.
#[cfg(unix)]
pub fn permissions_are_ignored() -> bool {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let ro = dir.path().join("ro");
    std::fs::create_dir(&ro).unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    let ignored = std::fs::write(ro.join("probe"), b"x").is_ok();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
    ignored
}

/// The findings of `clearleaf check --format json` on the site at `root` (any exit status but 2).
pub fn check_findings(root: &Path) -> Vec<serde_json::Value> {
    let o = assert_cmd::cargo::cargo_bin_cmd!("clearleaf").args(["check", "--format", "json", "--today", TODAY, "--root"]).arg(root).output().unwrap();
    assert!(o.status.code().is_some_and(|c| c < 2), "{}", String::from_utf8_lossy(&o.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    doc["findings"].as_array().unwrap().clone()
}

/// Copies `tests/fixtures/NAME` into a fresh temporary folder, which is the site root.
pub fn copy_fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture_into(name, dir.path());
    dir
}
