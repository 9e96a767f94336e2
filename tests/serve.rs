//! `clearleaf serve` as an editor uses it: start it, fetch a page, edit the markdown and see the
//! new text, break the YAML and see the error overlay over the last good page, and try to leave
//! the site through the URL.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common;

struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn start(root: &Path) -> Server {
    start_with_stderr(root, Stdio::null())
}

fn start_with_stderr(root: &Path, stderr: Stdio) -> Server {
    let port = free_port();
    let child = Command::new(assert_cmd::cargo::cargo_bin!("clearleaf"))
        .args(["serve", "--today", "2026-11-21", "--port", &port.to_string(), "--root"])
        .arg(root)
        // The PDF leaflets' cache goes beside the site, not in the user's cache folder.
        .env("XDG_CACHE_HOME", root.with_extension("cache"))
        .stdout(Stdio::null())
        .stderr(stderr)
        .spawn()
        .unwrap();
    let server = Server { child, port };
    wait_for(&server, "/", |status, _| status == 200);
    server
}

/// A plain HTTP/1.1 GET, with the path sent exactly as given: the status and the body.
fn get(server: &Server, path: &str) -> (u16, String) {
    let (status, _, body) = request(server, path);
    (status, body)
}

/// A plain HTTP/1.1 GET: the status, the `Location` header and the body.
fn request(server: &Server, path: &str) -> (u16, Option<String>, String) {
    let Ok(mut s) = TcpStream::connect(("127.0.0.1", server.port)) else { return (0, None, String::new()) };
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").unwrap();
    let mut text = String::new();
    let _ = s.read_to_string(&mut text);
    let status = text.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let location = head.lines().find_map(|l| l.split_once(':').filter(|(name, _)| name.eq_ignore_ascii_case("location")).map(|(_, v)| v.trim().to_string()));
    (status, location, body.to_string())
}

fn wait_for(server: &Server, path: &str, ok: impl Fn(u16, &str) -> bool) -> String {
    let start = Instant::now();
    loop {
        let (status, body) = get(server, path);
        if ok(status, &body) {
            return body;
        }
        assert!(start.elapsed() < Duration::from_secs(30), "timed out waiting on {path}: last status {status}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let w = |rel: &str, text: &str| common::write_file(dir.path(), rel, text);
    w("site.yaml", "title: Preview\nbase_url: https://example.org/docs/\n");
    w("content/_index.md", "---\ntitle: Home\n---\nRead [help at night](night.md).\n");
    w("content/night.md", "---\ntitle: Help at night\n---\nCall 111 at night.\n");
    dir
}

#[test]
fn edits_show_up_and_bad_edits_show_an_overlay() {
    let dir = site();
    let server = start(dir.path());
    let page = wait_for(&server, "/night/", |s, b| s == 200 && b.contains("Call 111 at night."));
    assert!(page.contains("EventSource(\"/__clearleaf/events\")"), "live reload script injected");
    assert!(page.contains("<details id=\"clearleaf-dev\">"), "findings panel injected");
    // base_url's path is replaced by the preview's own address, so links work.
    assert!(page.contains("href=\"/theme/clearleaf.css\"") && !page.contains("/docs/"), "{page}");

    std::fs::write(dir.path().join("content/night.md"), "---\ntitle: Help at night\n---\nCall 111, day or night.\n").unwrap();
    wait_for(&server, "/night/", |s, b| s == 200 && b.contains("Call 111, day or night."));

    std::fs::write(dir.path().join("content/night.md"), "---\ntitle: [Help at night\n---\nBroken.\n").unwrap();
    let page = wait_for(&server, "/night/", |_, b| b.contains("id=\"clearleaf-overlay\""));
    assert!(page.contains("content/night.md:"), "the overlay names the file and line: {page}");
    assert!(page.contains("Call 111, day or night."), "the last good page is still served");

    std::fs::write(dir.path().join("content/night.md"), "---\ntitle: Help at night\n---\nFixed again.\n").unwrap();
    let page = wait_for(&server, "/night/", |_, b| b.contains("Fixed again."));
    assert!(!page.contains("id=\"clearleaf-overlay\""));
}

#[test]
fn the_terminal_shows_the_counts_and_first_errors_after_each_rebuild() {
    let dir = site();
    let log = dir.path().join("serve.log");
    let server = start_with_stderr(dir.path(), Stdio::from(std::fs::File::create(&log).unwrap()));
    let printed = || std::fs::read_to_string(&log).unwrap();
    let wait_printed = |what: &str| {
        let start = Instant::now();
        while !printed().contains(what) {
            assert!(start.elapsed() < Duration::from_secs(30), "serve never printed {what:?}:\n{}", printed());
            std::thread::sleep(Duration::from_millis(100));
        }
    };
    wait_printed("2 pages, 0 errors, 2 warnings");
    std::fs::write(dir.path().join("content/night.md"), "---\ntitle: Help at night\n---\nSee [the map](map.md).\n").unwrap();
    wait_printed("2 pages, 1 error, 2 warnings\n  error[LINK-BROKEN]: content/night.md:4: ");
    drop(server);
}

#[test]
fn the_panel_lists_the_findings_of_the_edited_page() {
    let dir = site();
    let server = start(dir.path());
    let page = wait_for(&server, "/night/", |s, _| s == 200);
    assert!(!page.contains("LINK-BROKEN") && !page.contains("A11Y-TITLE-UNIQUE"));
    // A page-level finding (from rendering the page) and a site-wide one (two pages with one
    // title), which arrives a moment later.
    std::fs::write(dir.path().join("content/night.md"), "---\ntitle: Home\n---\nSee [the map](map.md).\n").unwrap();
    wait_for(&server, "/night/", |_, b| b.contains("LINK-BROKEN"));
    wait_for(&server, "/night/", |_, b| b.contains("A11Y-TITLE-UNIQUE"));
    std::fs::write(dir.path().join("content/night.md"), "---\ntitle: Help at night\n---\nCall 111.\n").unwrap();
    wait_for(&server, "/night/", |_, b| b.contains("Call 111.") && !b.contains("LINK-BROKEN") && !b.contains("A11Y-TITLE-UNIQUE"));
}

#[test]
fn the_panel_and_the_error_notice_pass_our_own_checks() {
    let dir = site();
    let server = start(dir.path());
    std::fs::write(dir.path().join("content/night.md"), "---\ntitle: Help at night\n---\nSee [the map](map.md).\n").unwrap();
    let with_panel = wait_for(&server, "/night/", |_, b| b.contains("LINK-BROKEN"));
    std::fs::write(dir.path().join("content/night.md"), "---\ntitle: [Help at night\n---\nBroken.\n").unwrap();
    let with_notice = wait_for(&server, "/night/", |_, b| b.contains("id=\"clearleaf-overlay\""));
    for (name, html) in [("panel.html", with_panel), ("notice.html", with_notice)] {
        let file = dir.path().join(name);
        std::fs::write(&file, html).unwrap();
        let out = Command::new(assert_cmd::cargo::cargo_bin!("clearleaf")).args(["audit", "--format", "json"]).arg(&file).output().unwrap();
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(report["findings"].as_array().map(Vec::len), Some(0), "{name}: {report:#}");
    }
}

#[test]
fn requests_cannot_leave_the_site() {
    let dir = site();
    let server = start(dir.path());
    for path in ["/../site.yaml", "/%2e%2e/site.yaml", "/%2E%2E/%2e%2e/etc/passwd", "/..%2fsite.yaml", "/content/night.md", "//etc/passwd", "/%5c..%5csite.yaml"] {
        let (status, body) = get(&server, path);
        assert_eq!(status, 404, "{path}");
        assert!(!body.contains("base_url"), "{path} leaked site.yaml");
    }
    let (status, _) = get(&server, "/theme/clearleaf.css");
    assert_eq!(status, 200);
    let (status, location, _) = request(&server, "/night");
    assert_eq!((status, location.as_deref()), (301, Some("/night/")), "a folder without its slash redirects");
    // `//night/` would be the host `night`: redirects stay on the preview host.
    for sneaky in ["//night", "///night", "/.//night"] {
        let (status, location, _) = request(&server, sneaky);
        assert_eq!(status, 301, "{sneaky}");
        assert!(location.as_deref().is_some_and(|l| l.starts_with('/') && !l.contains("//")), "{sneaky} redirects to {location:?}");
    }
}

#[test]
fn build_output_never_contains_the_reload_script() {
    let dir = site();
    let out = dir.path().join("public");
    let status = Command::new(assert_cmd::cargo::cargo_bin!("clearleaf")).args(["build", "--today", "2026-11-21", "--root"]).arg(dir.path()).arg("--out").arg(&out).status().unwrap();
    assert!(status.success());
    let page = std::fs::read_to_string(out.join("night/index.html")).unwrap();
    assert!(!page.contains("EventSource") && !page.contains("clearleaf-dev"));
}

/// A GET whose body is bytes: the status, the `Content-Type` and the body.
fn get_bytes(server: &Server, path: &str) -> (u16, String, Vec<u8>) {
    let mut s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").unwrap();
    let mut bytes = Vec::new();
    let _ = s.read_to_end(&mut bytes);
    let end = bytes.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&bytes[..end]).to_string();
    let status = head.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    let kind = head.lines().find_map(|l| l.split_once(':').filter(|(n, _)| n.eq_ignore_ascii_case("content-type")).map(|(_, v)| v.trim().to_string())).unwrap_or_default();
    (status, kind, bytes[end + 4..].to_vec())
}

#[test]
fn a_leaflet_is_typeset_when_first_asked_for_and_again_after_its_page_changes() {
    let dir = site();
    let server = start(dir.path());
    let page = wait_for(&server, "/night/", |s, b| s == 200 && b.contains("Call 111 at night."));
    // Not typeset yet: the link has no page count or size.
    assert!(page.contains("href=/night/night-en.pdf") || page.contains("href=\"/night/night-en.pdf\""), "{page}");
    assert!(page.contains(">Download this leaflet (PDF)</a>"), "{page}");
    let (status, kind, first) = get_bytes(&server, "/night/night-en.pdf");
    assert_eq!((status, kind.as_str()), (200, "application/pdf"));
    assert!(first.starts_with(b"%PDF-"));
    // Asked for again, it is the same leaflet; after an edit, a new one.
    assert_eq!(get_bytes(&server, "/night/night-en.pdf").2, first);
    std::fs::write(dir.path().join("content/night.md"), "---\ntitle: Help at night\n---\nCall 111, day or night.\n").unwrap();
    wait_for(&server, "/night/", |s, b| s == 200 && b.contains("Call 111, day or night."));
    let (status, _, second) = get_bytes(&server, "/night/night-en.pdf");
    assert_eq!(status, 200);
    assert!(second.starts_with(b"%PDF-") && second != first, "the leaflet was not typeset again after its page changed");
    // A page with no leaflet there is not found.
    assert_eq!(get_bytes(&server, "/night/other-en.pdf").0, 404);
}

#[test]
fn a_leaflet_typeset_on_request_puts_its_findings_in_the_pages_panel() {
    let dir = site();
    common::write_file(dir.path(), "content/bad.png", b"\x89PNG\r\n\x1a\nbroken");
    common::write_file(dir.path(), "content/doctor.md", "---\ntitle: Your doctor\n---\n![A doctor](bad.png) See your doctor.\n");
    let server = start(dir.path());
    let before = wait_for(&server, "/doctor/", |s, b| s == 200 && b.contains("See your doctor."));
    assert!(!before.contains("PDF-IMAGE"), "the leaflet is not typeset before it is asked for");
    let (status, _, pdf) = get_bytes(&server, "/doctor/doctor-en.pdf");
    assert!(status == 200 && pdf.starts_with(b"%PDF-"), "printed with the alt text instead");
    let page = get(&server, "/doctor/").1;
    assert!(page.contains("PDF-IMAGE") && page.contains("bad.png"), "{page}");
    // The next change drops the leaflet and its findings with it.
    common::write_file(dir.path(), "content/doctor.md", "---\ntitle: Your doctor\n---\nSee your doctor.\n");
    let page = wait_for(&server, "/doctor/", |s, b| s == 200 && !b.contains("<img"));
    assert!(!page.contains("PDF-IMAGE"), "{page}");
}
