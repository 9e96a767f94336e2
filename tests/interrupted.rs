//! A killed build leaves the previous output as it was (README, "Safe output").
//!
//! A small site is built into OUT and OUT is snapshotted. The site then grows to 2,000 pages,
//! so that a build takes long enough to be killed on the way, and `clearleaf build` into the
//! same OUT is started and killed (SIGKILL) at several moments: as soon as its staging folder
//! appears, part-way through writing pages, near the end, and (separately) as soon as it starts
//! to swap the new site in. After each kill OUT's site files must be the old snapshot, byte for
//! byte (`.clearleaf-staging` may remain). A normal build afterwards must succeed, remove the
//! staging folder and put the new site in place.

#![cfg(unix)]

use std::collections::BTreeMap;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const TODAY: &str = "2026-11-21";
const STAGING: &str = ".clearleaf-staging";
/// Pages added to make the build slow enough to kill.
const PAGES: usize = 2_000;

/// A site in `TMP/site` with its output in `TMP/out`.
struct Site {
    tmp: tempfile::TempDir,
}

impl Site {
    fn new() -> Site {
        let tmp = tempfile::Builder::new().prefix("clearleaf-kill-").tempdir().unwrap();
        let site = Site { tmp };
        site.write("site.yaml", "title: Kill test\nlanguages: [en]\nchecks:\n  EASY-READ-MISSING: off\n");
        site.write("content/_index.md", "---\ntitle: Home\n---\nThe first version of the site.\n");
        site.write("content/help.md", "---\ntitle: Help\n---\nCall 111.\n");
        site
    }

    fn root(&self) -> PathBuf {
        self.tmp.path().join("site")
    }

    fn out(&self) -> PathBuf {
        self.tmp.path().join("out")
    }

    fn write(&self, rel: &str, text: &str) {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// Adds [`PAGES`] small pages at the top of `content/` (each its own folder in OUT, so the
    /// swap has many entries to move) and changes the home page.
    fn grow(&self) {
        self.write("content/_index.md", "---\ntitle: Home\n---\nThe second version of the site.\n");
        for i in 0..PAGES {
            self.write(&format!("content/p{i:04}.md"), &format!("---\ntitle: Page {i}\ndescription: Page number {i}.\n---\nText of page {i}. Call 111 for help.\n\n## More\n\nA second paragraph.\n"));
        }
    }

    /// Back to the first version: the home page and the help page only.
    fn shrink(&self) {
        self.shrink_at(&self.root());
    }

    /// [`Site::shrink`] on the site folder at `root`.
    fn shrink_at(&self, root: &Path) {
        std::fs::write(root.join("content/_index.md"), "---\ntitle: Home\n---\nThe first version of the site.\n").unwrap();
        for i in 0..PAGES {
            let _ = std::fs::remove_file(root.join(format!("content/p{i:04}.md")));
        }
    }

    /// `clearleaf build` into OUT, not waited for.
    fn spawn(&self) -> Child {
        Command::new(env!("CARGO_BIN_EXE_clearleaf"))
            .arg("build")
            .arg("--root")
            .arg(self.root())
            .arg("--out")
            .arg(self.out())
            .args(["--today", TODAY])
            .env_remove("CI")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    }

    /// A build to the end; asserts exit status 0 and waits for the old site's deletion.
    fn build_ok(&self) {
        let o = self.spawn().wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(!stderr.contains("panicked"), "clearleaf panicked:\n{stderr}");
        assert_eq!(o.status.code(), Some(0), "build failed:\n{stderr}");
        wait_for_old_sites(&self.out());
    }
}

/// Waits (up to 10 s) until the background deletion of the replaced site is done.
fn wait_for_old_sites(out: &Path) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let old = old_folders(out);
        if old.is_empty() {
            return;
        }
        assert!(Instant::now() < deadline, "the replaced site was not deleted within 10 s: {old:?}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn old_folders(out: &Path) -> Vec<String> {
    std::fs::read_dir(out).map(|d| d.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).filter(|n| n.starts_with(".clearleaf-old")).collect()).unwrap_or_default()
}

/// Every file and folder under OUT (path → bytes; folders as empty), leaving out the staging
/// folder and old-site folders, which are clearleaf's scratch space.
fn site_files(out: &Path) -> BTreeMap<String, Option<Vec<u8>>> {
    let mut files = BTreeMap::new();
    let walker = walkdir::WalkDir::new(out).sort_by_file_name().into_iter().filter_entry(|e| {
        let name = e.file_name().to_string_lossy();
        e.depth() != 1 || !(name == STAGING || name.starts_with(".clearleaf-old"))
    });
    for entry in walker {
        let entry = entry.unwrap();
        if entry.depth() == 0 {
            continue;
        }
        let rel = entry.path().strip_prefix(out).unwrap().to_string_lossy().into_owned();
        let bytes = if entry.file_type().is_file() { Some(std::fs::read(entry.path()).unwrap()) } else { None };
        files.insert(rel, bytes);
    }
    files
}

fn assert_same(what: &str, before: &BTreeMap<String, Option<Vec<u8>>>, after: &BTreeMap<String, Option<Vec<u8>>>) {
    let removed: Vec<_> = before.keys().filter(|k| !after.contains_key(*k)).collect();
    let added: Vec<_> = after.keys().filter(|k| !before.contains_key(*k)).take(10).collect();
    let changed: Vec<_> = before.iter().filter(|(k, v)| after.get(*k).is_some_and(|a| a != *v)).map(|(k, _)| k).collect();
    assert!(removed.is_empty() && added.is_empty() && changed.is_empty(), "{what}: the previous output changed\n  removed: {removed:?}\n  added (first 10): {added:?}\n  changed: {changed:?}");
}

/// A file clearleaf never writes, put into a staging folder left by a killed build, so that the
/// next attempt's own (new) staging folder can be told from it.
const PROBE: &str = ".left-by-a-killed-build";

/// Waits until the running build has made its own staging folder: one without [`PROBE`].
fn wait_for_new_staging(child: &mut Child, out: &Path) -> Instant {
    let staging = out.join(STAGING);
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if staging.is_dir() && !staging.join(PROBE).exists() {
            return Instant::now();
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the build ended ({status}) before its staging folder was seen");
        }
        assert!(Instant::now() < deadline, "no staging folder after 120 s");
        std::thread::sleep(Duration::from_micros(200));
    }
}

/// The signal `Child::kill` sends on Unix.
const SIGKILL: i32 = 9;

/// Marks a staging folder left behind (see [`PROBE`]).
fn mark_leftover(out: &Path) {
    let staging = out.join(STAGING);
    if staging.is_dir() {
        std::fs::write(staging.join(PROBE), b"").unwrap();
    }
}

#[test]
fn a_killed_build_leaves_the_previous_output_intact() {
    let site = Site::new();
    site.build_ok();
    let before = site_files(&site.out());
    assert!(before.contains_key("index.html") && before.contains_key("help/index.html"), "{:?}", before.keys().collect::<Vec<_>>());
    site.grow();

    // How long the big build takes from its staging folder's appearance to the end, in a
    // scratch output folder, to spread the kills over the time it spends writing.
    let scratch = Site { tmp: tempfile::Builder::new().prefix("clearleaf-kill-").tempdir().unwrap() };
    std::fs::rename(site.root(), scratch.root()).unwrap();
    let mut child = scratch.spawn();
    let started = wait_for_new_staging(&mut child, &scratch.out());
    let status = child.wait().unwrap();
    let writing = started.elapsed();
    assert!(status.success(), "the big site does not build: {status}");
    std::fs::rename(scratch.root(), site.root()).unwrap();
    println!("the build of {PAGES} pages spends {writing:?} after making its staging folder");

    for fraction in [0.0, 0.2, 0.5] {
        let mut delay = writing.mul_f64(fraction);
        // A build that ends before the kill (the machine was faster this time) tests nothing:
        // try again, sooner.
        let mut tries = 0;
        loop {
            mark_leftover(&site.out());
            let mut child = site.spawn();
            wait_for_new_staging(&mut child, &site.out());
            std::thread::sleep(delay);
            child.kill().unwrap();
            let status = child.wait().unwrap();
            let when = format!("killed {delay:?} after the staging folder appeared ({:.0} % of the measured writing time)", fraction * 100.0);
            if status.signal() != Some(SIGKILL) {
                tries += 1;
                assert!(tries < 4, "{when}: the build kept ending ({status}) before it could be killed");
                println!("{when}: the build ended first ({status}); trying again sooner");
                // Back to the old site before the next try.
                std::fs::remove_dir_all(site.out()).unwrap();
                std::fs::rename(site.root(), scratch.root()).unwrap();
                site.shrink_at(&scratch.root());
                std::fs::rename(scratch.root(), site.root()).unwrap();
                site.build_ok();
                assert_same("rebuilding the old site", &before, &site_files(&site.out()));
                site.grow();
                delay /= 2;
                continue;
            }
            assert_same(&when, &before, &site_files(&site.out()));
            assert!(old_folders(&site.out()).is_empty(), "{when}: old-site folders appeared: {:?}", old_folders(&site.out()));
            println!("{when}: the previous output is intact");
            break;
        }
    }

    // The next build cleans up and swaps the new site in.
    assert!(site.out().join(STAGING).exists(), "expected the killed builds' staging folder to remain");
    site.build_ok();
    assert!(!site.out().join(STAGING).exists(), "the staging folder is still there after a good build");
    let after = site_files(&site.out());
    let home = String::from_utf8(after["index.html"].clone().unwrap()).unwrap();
    assert!(home.contains("The second version of the site."), "the new home page is not in place");
    let last = format!("p{:04}/index.html", PAGES - 1);
    assert!(after.get(&last).is_some_and(|b| String::from_utf8_lossy(b.as_ref().unwrap()).contains(&format!("Page {}", PAGES - 1))), "{last} is not in place");
    assert!(after.contains_key("help/index.html"));
    assert!(!after.keys().any(|k| k.starts_with(PROBE) || k.contains(PROBE)), "the probe file leaked into the site");
}

#[test]
#[ignore = "bug: a build killed while it swaps the new site in leaves OUT half old, half new (the old entries are already in .clearleaf-old-PID), though the README says a killed build leaves the previous site as it was"]
fn a_build_killed_during_the_swap_leaves_the_previous_output_intact() {
    // The swap renames each entry of OUT into OUT/.clearleaf-old-PID, then each entry of the
    // staging folder into OUT: with 2,000 pages that is 4,000 renames. Kill the build as soon as
    // the old-site folder appears. Correct: OUT still holds the old site (or, if the swap is
    // atomic, the complete new one); never a mix, never a missing home page. And the next
    // build must clean up and succeed.
    let site = Site::new();
    let mut caught = 0;
    for attempt in 0..3 {
        // From the small site each time (a missed attempt leaves the new site in place).
        site.shrink();
        site.build_ok();
        let before = site_files(&site.out());
        site.grow();
        mark_leftover(&site.out());
        let mut child = site.spawn();
        let pid = child.id();
        let old = site.out().join(format!(".clearleaf-old-{pid}"));
        let deadline = Instant::now() + Duration::from_secs(120);
        // Wait until the first old entry has been moved aside: the swap is under way.
        while std::fs::read_dir(&old).map_or(true, |mut d| d.next().is_none()) {
            if let Some(s) = child.try_wait().unwrap() {
                panic!("attempt {attempt}: the build ended ({s}) without its old-site folder being seen");
            }
            assert!(Instant::now() < deadline, "no swap after 120 s");
            std::hint::spin_loop();
        }
        child.kill().unwrap();
        let status = child.wait().unwrap();
        if status.signal() != Some(SIGKILL) {
            println!("attempt {attempt}: the swap finished before the kill");
            continue;
        }
        caught += 1;
        let after = site_files(&site.out());
        let is_new = |k: &str, text: &str| after.get(k).and_then(|b| b.as_ref()).is_some_and(|b| String::from_utf8_lossy(b).contains(text));
        let new_site = is_new("index.html", "The second version") && is_new(&format!("p{:04}/index.html", PAGES - 1), "Page");
        let when = format!("attempt {attempt}: killed as the swap began");
        println!("{when}: OUT holds {} entries; old-site folders {:?}", after.len(), old_folders(&site.out()));
        let mut problems = Vec::new();
        if !new_site {
            let removed: Vec<_> = before.keys().filter(|k| !after.contains_key(*k)).cloned().collect();
            let changed: Vec<_> = before.iter().filter(|(k, v)| after.get(*k).is_some_and(|a| a != *v)).map(|(k, _)| k.clone()).collect();
            let added = after.keys().filter(|k| !before.contains_key(*k)).count();
            if !(removed.is_empty() && changed.is_empty() && added == 0) {
                problems.push(format!("{when}: OUT is neither the old site nor the new one: removed {removed:?}, changed {changed:?}, {added} new entries"));
            }
        }
        // The next build must clean up and put the new site in place whatever was left.
        let o = site.spawn().wait_with_output().unwrap();
        if o.status.code() != Some(0) {
            problems.push(format!("the build after the kill failed ({}):\n{}", o.status, String::from_utf8_lossy(&o.stderr)));
        } else {
            wait_for_old_sites(&site.out());
            let last = format!("p{:04}/index.html", PAGES - 1);
            if !site_files(&site.out()).contains_key(&last) || site.out().join(STAGING).exists() {
                problems.push("the build after the kill did not put the whole new site in place".to_string());
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        break;
    }
    println!("{caught} attempt(s) killed during the swap");
}
