//! Reproducible output: the repository's own example site, built
//!
//! - in folder A with the default number of threads,
//! - in folder B, whose files were created in reverse order with other modification times,
//!   with `--jobs 1`,
//! - in folder A again, into another output folder,
//! - in folder A with another `--today`, and with `SOURCE_DATE_EPOCH` instead of
//!   `CLEARLEAF_TODAY`,
//!
//! gives the same files, byte for byte. No page holds the site's folder or today's date.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use assert_cmd::cargo::cargo_bin_cmd;

/// The date every build runs with (as `CLEARLEAF_TODAY`), unless a test says otherwise.
const TODAY: &str = "2026-11-21";

/// What the example site is made of, relative to the repository root.
const SITE_PARTS: &[&str] = &["site.yaml", "content", "locales", "lexicon", "themes", "static"];

/// Every file of the example site (relative paths, sorted), from the repository root.
fn site_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for part in SITE_PARTS {
        let path = root.join(part);
        if !path.exists() {
            continue;
        }
        for entry in walkdir::WalkDir::new(&path).sort_by_file_name() {
            let entry = entry.unwrap();
            if entry.file_type().is_file() {
                files.push(entry.path().strip_prefix(root).unwrap().to_path_buf());
            }
        }
    }
    assert!(files.iter().any(|f| f.starts_with("content")) && files.len() > 30, "the example site is missing: {files:?}");
    files
}

/// Copies the example site into `to`, file by file in the order given. With `mtime_base`, each
/// file's modification time is set to `mtime_base` + its index in hours (so no two agree, and
/// none matches the original).
fn copy_site(files: &[PathBuf], to: &Path, mtime_base: Option<SystemTime>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (i, rel) in files.iter().enumerate() {
        let target = to.join(rel);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(&target, std::fs::read(root.join(rel)).unwrap()).unwrap();
        if let Some(base) = mtime_base {
            let file = std::fs::File::options().write(true).open(&target).unwrap();
            file.set_modified(base + Duration::from_secs(3600 * i as u64)).unwrap();
        }
    }
}

/// `clearleaf build --root ROOT --out OUT ARGS…` with `CLEARLEAF_TODAY` set; must exit 0.
fn build(root: &Path, out: &Path, args: &[&str], env: &[(&str, Option<&str>)]) {
    let mut cmd = cargo_bin_cmd!("clearleaf");
    cmd.arg("build").arg("--root").arg(root).arg("--out").arg(out).args(args).env("CLEARLEAF_TODAY", TODAY).env_remove("SOURCE_DATE_EPOCH").env_remove("CI");
    for (k, v) in env {
        match v {
            Some(v) => cmd.env(k, v),
            None => cmd.env_remove(k),
        };
    }
    let o = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(!stderr.contains("panicked"), "clearleaf panicked:\n{stderr}");
    assert_eq!(o.status.code(), Some(0), "build of {} into {} with {args:?} {env:?} failed:\n{stderr}", root.display(), out.display());
}

/// Every file under `dir` (relative `/` path → bytes), ignoring only the `.clearleaf-old-*`
/// folders a swap leaves for its background deletion (there are none in a fresh folder).
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let walker = walkdir::WalkDir::new(dir).sort_by_file_name().into_iter().filter_entry(|e| e.depth() != 1 || !e.file_name().to_string_lossy().starts_with(".clearleaf-old"));
    for entry in walker {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
        if entry.file_type().is_file() {
            out.insert(rel, std::fs::read(entry.path()).unwrap());
        } else if entry.file_type().is_dir() && entry.depth() > 0 {
            // Empty folders count too.
            out.insert(format!("{rel}/"), Vec::new());
        }
    }
    out
}

/// Asserts two output trees are the same, naming the first files that differ.
fn assert_same(what: &str, a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>) {
    let only_a: Vec<_> = a.keys().filter(|k| !b.contains_key(*k)).collect();
    let only_b: Vec<_> = b.keys().filter(|k| !a.contains_key(*k)).collect();
    let differ: Vec<_> = a.iter().filter(|(k, v)| b.get(*k).is_some_and(|w| w != *v)).map(|(k, _)| k).collect();
    if only_a.is_empty() && only_b.is_empty() && differ.is_empty() {
        return;
    }
    let mut msg = format!("{what}: the outputs differ\n  only in the first: {only_a:?}\n  only in the second: {only_b:?}\n  different bytes: {differ:?}\n");
    if let Some(k) = differ.first() {
        let (x, y) = (String::from_utf8_lossy(&a[*k]), String::from_utf8_lossy(&b[*k]));
        let at = x.bytes().zip(y.bytes()).position(|(p, q)| p != q).unwrap_or(x.len().min(y.len()));
        let window = |s: &str| s.get(at.saturating_sub(80)..(at + 80).min(s.len())).unwrap_or("").to_string();
        msg.push_str(&format!("  first difference in {k} at byte {at}:\n    {:?}\n    {:?}\n", window(&x), window(&y)));
    }
    panic!("{msg}");
}

/// Copies, builds and returns the outputs the tests compare.
struct Builds {
    _tmp: tempfile::TempDir,
    site_a: PathBuf,
    site_b: PathBuf,
    a1: BTreeMap<String, Vec<u8>>,
    b: BTreeMap<String, Vec<u8>>,
    a2: BTreeMap<String, Vec<u8>>,
}

fn builds() -> Builds {
    let tmp = tempfile::Builder::new().prefix("clearleaf-repro-").tempdir().unwrap();
    let (site_a, site_b) = (tmp.path().join("site-a"), tmp.path().join("site-b"));
    let files = site_files();
    copy_site(&files, &site_a, None);
    let mut reversed = files.clone();
    reversed.reverse();
    // 2001-09-09, then an hour later for each file.
    copy_site(&reversed, &site_b, Some(SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000)));

    let out = |name: &str| tmp.path().join(name);
    build(&site_a, &out("out-a1"), &[], &[]);
    build(&site_b, &out("out-b"), &["--jobs", "1"], &[]);
    build(&site_a, &out("out-a2"), &[], &[]);
    for o in ["out-a1", "out-b", "out-a2"] {
        assert!(!out(o).join(".clearleaf-staging").exists(), "{o}: the build left its staging folder");
    }
    let (a1, b, a2) = (tree(&out("out-a1")), tree(&out("out-b")), tree(&out("out-a2")));
    Builds { site_a, site_b, a1, b, a2, _tmp: tmp }
}

#[test]
fn example_site_builds_are_byte_identical() {
    let builds = builds();
    let Builds { a1, b, a2, site_a, site_b, .. } = &builds;
    assert!(a1.keys().filter(|k| k.ends_with(".html")).count() > 50, "only {} HTML files", a1.len());
    assert_same("A (default threads) vs B (files in reverse order, other mtimes, --jobs 1)", a1, b);
    assert_same("A vs A built again into another folder", a1, a2);

    // Nothing depends on where the site or the output lives, or on the clock.
    let today = jiff::Zoned::now().date();
    let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    let dates = [today.to_string(), format!("{} {} {}", today.day(), months[today.month() as usize - 1], today.year()), format!("{:04}{:02}{:02}", today.year(), today.month(), today.day())];
    let paths: Vec<String> = [site_a, site_b, &builds._tmp.path().to_path_buf()].iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let mut leaks = Vec::new();
    for (name, bytes) in a1.iter().filter(|(k, _)| k.ends_with(".html") || k.ends_with(".xml") || k.ends_with(".txt")) {
        let text = String::from_utf8(bytes.clone()).unwrap_or_else(|_| panic!("{name} is not UTF-8"));
        for p in &paths {
            if text.contains(p.as_str()) {
                leaks.push(format!("{name} holds the folder {p}"));
            }
        }
        // Only an issue if no page is about today: the example site has no such date.
        for d in &dates {
            if text.contains(d.as_str()) {
                leaks.push(format!("{name} holds today's date {d}"));
            }
        }
        if text.contains("/tmp/") || text.contains("clearleaf-repro-") {
            leaks.push(format!("{name} holds a temporary path"));
        }
    }
    assert!(leaks.is_empty(), "{}", leaks.join("\n"));
}

#[test]
fn the_date_does_not_change_the_output() {
    // Review dates are checked against today (CONTENT-REVIEW-DUE), never printed differently:
    // another --today, or SOURCE_DATE_EPOCH instead of CLEARLEAF_TODAY, gives the same bytes.
    let tmp = tempfile::Builder::new().prefix("clearleaf-repro-").tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_site(&site_files(), &site, None);
    let out = |name: &str| tmp.path().join(name);
    build(&site, &out("base"), &[], &[]);
    // Far in the future: every review_due of the example site has passed.
    build(&site, &out("today-2031"), &["--today", "2031-06-30"], &[]);
    // Far in the past: none has.
    build(&site, &out("today-2001"), &["--today", "2001-01-01"], &[]);
    // 2030-01-01T00:00:00Z, with CLEARLEAF_TODAY unset so that SOURCE_DATE_EPOCH is used.
    build(&site, &out("epoch"), &[], &[("CLEARLEAF_TODAY", None), ("SOURCE_DATE_EPOCH", Some("1893456000"))]);
    // The status report (status_page: true) is a report on a day: it says which day, and which
    // reviews are due by then. Every other file is the same.
    const REPORT: &str = "status/index.html";
    let mut base = tree(&out("base"));
    let report = base.remove(REPORT).expect("the example site publishes the status report");
    for other in ["today-2031", "today-2001", "epoch"] {
        let mut other_tree = tree(&out(other));
        assert_ne!(other_tree.remove(REPORT).as_ref(), Some(&report), "{other}: the report names its day");
        assert_same(&format!("CLEARLEAF_TODAY={TODAY} vs {other}"), &base, &other_tree);
    }
}

#[test]
fn the_date_is_checked() {
    // Guards the test above: the dates it tries do reach the checks (far in the future, the
    // example site's review dates are due), so "same bytes" is not "date ignored".
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_site(&site_files(), &site, None);
    let check = |args: &[&str], env: &[(&str, &str)]| {
        let mut cmd = cargo_bin_cmd!("clearleaf");
        cmd.arg("check").arg("--root").arg(&site).args(["--format", "json"]).args(args).env_remove("CLEARLEAF_TODAY").env_remove("SOURCE_DATE_EPOCH");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let o = cmd.output().unwrap();
        let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stderr)));
        json["findings"].as_array().unwrap().iter().filter(|f| f["rule"] == "CONTENT-REVIEW-DUE").count()
    };
    assert_eq!(check(&["--today", "2001-01-01"], &[]), 0);
    let due_2031 = check(&["--today", "2031-06-30"], &[]);
    assert!(due_2031 > 0, "no CONTENT-REVIEW-DUE in 2031: the example site has no review_due");
    assert_eq!(check(&[], &[("SOURCE_DATE_EPOCH", "1940371200")]), due_2031, "SOURCE_DATE_EPOCH (2031-06-28) is not used");
}

/// The `.clearleaf-old-*` folders directly in `out`.
fn old_folders(out: &Path) -> Vec<String> {
    std::fs::read_dir(out).unwrap().filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).filter(|n| n.starts_with(".clearleaf-old")).collect()
}

#[test]
fn a_fresh_output_folder_gets_no_old_site_folder() {
    // The swap moves the previous site into `.clearleaf-old-PID` and deletes it in a detached
    // process. A new output folder has no previous site, so nothing should be moved aside, and
    // when `clearleaf build` exits its output should hold only the site. Checked at once after
    // each build (the background deletion usually wins a later look).
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    std::fs::create_dir_all(site.join("content")).unwrap();
    std::fs::write(site.join("site.yaml"), "title: T\nlanguages: [en]\n").unwrap();
    std::fs::write(site.join("content/_index.md"), "---\ntitle: Home\n---\nHello.\n").unwrap();
    let mut seen = Vec::new();
    for i in 0..10 {
        let out = tmp.path().join(format!("out-{i}"));
        build(&site, &out, &[], &[]);
        seen.extend(old_folders(&out).into_iter().map(|n| format!("out-{i}/{n}")));
    }
    assert!(seen.is_empty(), "folders for an old site in new output folders: {seen:?}");
}
