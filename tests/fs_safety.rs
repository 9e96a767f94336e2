//! The file system as an attacker or a careless user shapes it: links that lead out of the site,
//! a site.yaml that is not configuration, two builds into one output folder at once, an
//! output folder reached through a link, and an output folder that only looks like ours.
//!
//! Each refusal checks the exit status, the message (naming the file and saying why), and that
//! nothing was read from outside the site or changed in the output folder.

use crate::common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{Run, Site, assert_unchanged, snapshot};

/// What a shadow password file looks like: every line ends in `:`, so YAML reads each as a key.
const SHADOW: &str = "root:$6$Zx9SECRETSALT$SECRETHASHpasswordhashvalue0123456789:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n";
/// A piece of [`SHADOW`] that must never appear in a message.
const HASH: &str = "SECRETHASH";

/// Builds the good site, breaks it, builds again: exit 2, OUT untouched, the run returned.
fn refused(site: &Site, break_it: impl FnOnce(&Site)) -> Run {
    let before = site.build_good();
    break_it(site);
    let run = site.build(&[]);
    run.code(2);
    site.assert_out_unchanged(&before);
    run
}

// ---------------------------------------------------------------------------------------------
// Links out of the site, for every folder and file the build reads
// ---------------------------------------------------------------------------------------------

/// Builds the good site, then makes `link` a link to `target` inside a folder next to the site
/// (`""`: the folder itself) that holds `file`, after `prepare`. The build must refuse it
/// (exit 2, OUT untouched) naming the link, and must not have read what is behind it: every
/// file outside holds the password-file text, which no message may show.
#[cfg(unix)]
fn link_out_is_refused(link: &str, file: &str, target: &str, prepare: impl FnOnce(&Site)) {
    let site = Site::new();
    let outside = site.tmp().join("outside");
    common::write_file(&outside, file, SHADOW);
    let run = refused(&site, |s| {
        prepare(s);
        s.symlink(outside.join(target), link);
    });
    run.error_at(link, &["is a link to", "outside the site folder"]);
    assert!(!run.stderr.contains(HASH) && !run.stderr.contains("daemon"), "a file outside the site was echoed:\n{}", run.stderr);
}

#[cfg(unix)]
fn nothing(_: &Site) {}

#[cfg(unix)]
#[test]
fn static_folder_linked_out_of_the_site_is_refused() {
    link_out_is_refused("static", "private.txt", "", nothing);
}

#[cfg(unix)]
#[test]
fn static_folder_linked_to_the_root_of_the_disk_is_refused() {
    let run = refused(&Site::new(), |s| {
        s.symlink("/", "static");
    });
    run.error_at("static", &["outside the site folder"]);
}

#[cfg(unix)]
#[test]
fn file_in_static_linked_out_of_the_site_is_refused() {
    link_out_is_refused("static/private.txt", "private.txt", "private.txt", |s| {
        s.write("static/leaflet.txt", "fine");
    });
}

#[cfg(unix)]
#[test]
fn theme_folder_linked_out_of_the_site_is_refused() {
    link_out_is_refused("themes/mine", "templates/base.html", "", |s| {
        s.write("site.yaml", format!("{}theme: mine\n", common::SITE_YAML));
    });
}

#[cfg(unix)]
#[test]
fn themes_folder_linked_out_of_the_site_is_refused() {
    link_out_is_refused("themes", "default/templates/base.html", "", nothing);
}

#[cfg(unix)]
#[test]
fn locale_folder_linked_out_of_the_site_is_refused() {
    link_out_is_refused("locales/cy", "main.ftl", "", nothing);
}

#[cfg(unix)]
#[test]
fn locales_folder_linked_out_of_the_site_is_refused() {
    link_out_is_refused("locales", "cy/main.ftl", "", nothing);
}

#[cfg(unix)]
#[test]
fn content_folder_linked_out_of_the_site_is_refused() {
    link_out_is_refused("content", "_index.md", "", |s| {
        s.remove("content");
    });
}

#[cfg(unix)]
#[test]
fn site_yaml_linked_out_of_the_site_is_not_read() {
    link_out_is_refused("site.yaml", "shadow", "shadow", |s| {
        s.remove("site.yaml");
    });
}

#[test]
fn theme_name_that_leads_out_of_the_site_is_refused() {
    let site = Site::new();
    common::write_file(&site.tmp().join("outside"), "templates/base.html", "<p>outside</p>");
    let run = refused(&site, |s| {
        s.write("themes/default/static/theme/extra.css", "p{}").write("site.yaml", format!("{}theme: ../../outside\n", common::SITE_YAML));
    });
    run.error_at("themes/../../outside", &["outside the site folder"]);
}

#[test]
fn site_yaml_that_is_not_settings_is_not_echoed() {
    let run = refused(&Site::new(), |s| {
        s.write("site.yaml", SHADOW);
    });
    assert!(!run.stderr.contains(HASH), "lines of site.yaml were echoed:\n{}", run.stderr);
    run.error_at("site.yaml:1", &["not a setting"]);
}

#[test]
fn an_unknown_setting_is_still_named() {
    let run = refused(&Site::new(), |s| {
        s.write("site.yaml", format!("{}titel: x\n", common::SITE_YAML));
    });
    run.error_at("site.yaml:6", &["unknown setting `titel`"]);
}

#[cfg(unix)]
#[test]
fn links_that_stay_inside_the_site_keep_working() {
    let site = Site::new();
    site.write("shared/files/leaflet.txt", "a leaflet")
        .write("shared/pages/night.md", "---\ntitle: Help at night\ndescription: Who to call at night.\n---\nCall 111 at night.\n")
        .write("design/default/static/theme/extra.css", "p{color:#000}")
        .write("translations/cy/main.ftl", "site-title = Safle drwy ddolen\n")
        .symlink("shared/files", "static")
        .symlink("../shared/pages/night.md", "content/night.md")
        .symlink("../design/default", "themes/default")
        .symlink("translations", "locales");
    site.build(&[]).code(0);
    assert_eq!(std::fs::read_to_string(site.out().join("leaflet.txt")).unwrap(), "a leaflet");
    assert!(site.page("/night/").is_some_and(|p| p.contains("Call 111 at night.")));
    assert!(site.page("/cy/").is_some_and(|p| p.contains("Safle drwy ddolen")), "the linked locale folder was not used");
    assert!(site.out().join("theme/extra.css").is_file(), "the linked theme folder was not used");
}

// ---------------------------------------------------------------------------------------------
// The output folder
// ---------------------------------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn out_through_a_link_into_content_is_refused() {
    let site = Site::new();
    site.symlink("content", "way-in");
    let before = snapshot(&site.path("content"));
    let run = Run::of(site.command().arg("--out").arg(site.path("way-in/public")));
    run.code(2).stderr_has("inside the site's content/ folder");
    assert_unchanged(&before, &snapshot(&site.path("content")), "content/");
}

#[cfg(unix)]
#[test]
fn out_whose_parent_is_a_link_to_a_missing_folder_inside_content_is_refused() {
    let site = Site::new();
    site.symlink("content/new", "way-in");
    let run = Run::of(site.command().arg("--out").arg(site.path("way-in/deeper/public")));
    run.code(2).stderr_has("inside the site's content/ folder");
    assert!(!site.path("content/new").exists());
}

#[test]
fn a_folder_of_our_look_alike_names_is_not_taken_for_ours() {
    let site = Site::new();
    common::write_file(&site.out(), ".clearleaf-backup/site.tar", "the user's backup");
    let before = snapshot(&site.out());
    let run = site.build(&[]);
    run.code(2).stderr_has("already holds files that clearleaf did not make");
    assert_unchanged(&before, &snapshot(&site.out()), "the output folder");
}

#[test]
fn a_killed_first_build_is_still_cleaned_up() {
    let site = Site::new();
    common::write_file(&site.out(), ".clearleaf-staging/index.html", "half a site");
    common::write_file(&site.out(), ".clearleaf-old-123/index.html", "an old site");
    site.build_good();
    assert!(!site.out().join(".clearleaf-staging").exists());
}

/// Takes the output folder's lock as a running build holds it.
fn hold_lock(out: &Path) -> std::fs::File {
    std::fs::create_dir_all(out).unwrap();
    let lock = std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(out.join(".clearleaf-lock")).unwrap();
    lock.lock().unwrap();
    lock
}

#[test]
fn a_build_waits_while_another_is_writing_the_same_output_folder() {
    let site = Site::new();
    let before = site.build_good();
    site.write("content/help.md", common::HELP_MD.replace("Call 111", "Call 999"));
    let lock = hold_lock(&site.out());
    let mut child = Command::new(assert_cmd::cargo::cargo_bin!("clearleaf"))
        .args(["build", "--today", common::TODAY, "--root"])
        .arg(site.root())
        .arg("--out")
        .arg(site.out())
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let first = rx.recv_timeout(Duration::from_secs(60));
    let still_running = child.try_wait().unwrap().is_none();
    let untouched = snapshot(&site.out());
    drop(lock);
    let status = child.wait().unwrap();
    reader.join().unwrap();
    let first = first.expect("the second build said nothing while the output folder was locked");
    assert!(first.contains("Waiting for another clearleaf build") && first.contains(&site.out().canonicalize().unwrap().display().to_string()), "{first}");
    assert!(still_running, "the build did not wait for the lock");
    let mut expected = before.clone();
    expected.insert(".clearleaf-lock".into(), common::Entry::File(Vec::new()));
    assert_unchanged(&expected, &untouched, "the output folder while another build held it");
    assert_eq!(status.code(), Some(0));
    assert!(site.page("/help/").is_some_and(|p| p.contains("Call 999")), "the waiting build did not write its site");
}

#[test]
fn two_builds_at_once_into_one_folder_leave_a_whole_site() {
    let site = Site::new();
    for i in 0..150 {
        site.write(&format!("content/page-{i:03}.md"), format!("---\ntitle: Page {i}\ndescription: Page number {i}.\n---\nThe text of page {i}.\n"));
    }
    let reference = {
        let run = Run::of(site.command().arg("--out").arg(site.tmp().join("reference")));
        run.code(0);
        common::wait_for_old_sites(&site.tmp().join("reference"));
        without_lock(snapshot(&site.tmp().join("reference")))
    };
    for trial in 0..4 {
        let spawn = || {
            Command::new(assert_cmd::cargo::cargo_bin!("clearleaf"))
                .args(["build", "--today", common::TODAY, "--root"])
                .arg(site.root())
                .arg("--out")
                .arg(site.out())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn(), spawn());
        for child in [a, b] {
            let out = child.wait_with_output().unwrap();
            assert_eq!(out.status.code(), Some(0), "trial {trial}: {}", String::from_utf8_lossy(&out.stderr));
        }
        common::wait_for_old_sites(&site.out());
        let got = without_lock(snapshot(&site.out()));
        let missing: Vec<_> = reference.keys().filter(|k| !got.contains_key(*k)).take(5).collect();
        assert!(got == reference, "trial {trial}: the output is not the whole site ({} of {} entries; missing e.g. {missing:?})", got.len(), reference.len());
    }
}

fn without_lock(mut s: common::Snapshot) -> common::Snapshot {
    s.remove(".clearleaf-lock");
    s
}
