//! What `serve` adds to pages (never in `build` output): the live-reload script, an overlay when
//! the last rebuild failed, and a panel listing the page's findings. The panel is a native
//! `<details>` element, so it works from the keyboard and needs no script.

use crate::finding::{Finding, Severity};
use crate::markdown::escape_text;

/// The path of the server-sent events stream.
pub const EVENTS_PATH: &str = "/__clearleaf/events";

const STYLE: &str = "#clearleaf-dev{position:fixed;inset-block-end:0;inset-inline-end:0;z-index:1000;max-inline-size:min(40rem,100%);max-block-size:60vh;overflow:auto;background:#fff;color:#1a1a1a;border:3px solid #1a1a1a;font:1rem/1.5 system-ui,sans-serif}\
#clearleaf-dev summary{padding:.5rem 1rem;cursor:pointer;font-weight:700;min-block-size:1.5rem}\
#clearleaf-dev summary:focus-visible{outline:3px solid #b34700;outline-offset:2px}\
#clearleaf-dev ul{margin:0;padding:.5rem 1rem 1rem 2rem}\
#clearleaf-dev-space{block-size:5rem}\
#clearleaf-overlay{border:4px solid #9f1c1c;background:#fff4f4;color:#1a1a1a;padding:1rem;margin:0;font:1rem/1.5 system-ui,sans-serif;white-space:pre-wrap}";

/// Adds the reload script, the error overlay (if any) and the findings panel to a page.
pub fn page(html: &str, error: Option<&str>, findings: &[&Finding]) -> String {
    let mut extra = format!("<style>{STYLE}</style>");
    if let Some(error) = error {
        extra.push_str("<pre id=\"clearleaf-overlay\" role=\"alert\">The last change could not be built, so this is the last good version of the page.\n\n");
        escape_text(error, &mut extra);
        extra.push_str("</pre>");
    }
    let errors = findings.iter().filter(|f| f.severity == Severity::Error).count();
    // Room at the end of the page for the closed panel, which is fixed to the bottom of the
    // window: without it, the panel covers the page's last lines on a phone.
    extra.push_str("<div id=\"clearleaf-dev-space\"></div>");
    extra.push_str(&format!(
        "<details id=\"clearleaf-dev\"><summary>clearleaf: {} finding{} on this page ({errors} error{})</summary><ul>",
        findings.len(),
        if findings.len() == 1 { "" } else { "s" },
        if errors == 1 { "" } else { "s" }
    ));
    for f in findings {
        extra.push_str("<li>");
        escape_text(
            &format!("{} [{}] {}{}: {} {}", if f.severity == Severity::Error { "Error" } else { "Warning" }, f.rule, f.file, f.line.map(|l| format!(":{l}")).unwrap_or_default(), f.message, f.help),
            &mut extra,
        );
        extra.push_str("</li>");
    }
    extra.push_str("</ul></details>");
    extra.push_str(&script());
    match html.rfind("</body>") {
        Some(i) => format!("{}{extra}{}", &html[..i], &html[i..]),
        None => format!("{html}{extra}"),
    }
}

/// A page shown when there is no good build yet because the first build failed.
pub fn error_page(error: &str) -> String {
    let mut s = String::new();
    escape_text(error, &mut s);
    status_page("The site could not be built", "Fix the problem below and save the file: this page reloads by itself.", &format!("<pre id=\"clearleaf-overlay\" role=\"alert\">{s}</pre>"))
}

/// A page shown while the first build runs (a large site takes a while).
pub fn building_page() -> String {
    status_page("Building the site", "This page reloads by itself when the site is ready.", "")
}

fn status_page(title: &str, text: &str, extra: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title} – clearleaf</title><style>{STYLE}</style></head><body><main><h1>{title}</h1><p>{text}</p>{extra}</main>{}</body></html>",
        script()
    )
}

/// Listens to the server: "reload" reloads the page; "findings" (the site-wide checks are
/// done) refreshes the panel in place, keeping it open and keeping the keyboard focus.
fn script() -> String {
    format!(
        "<script>new EventSource(\"{EVENTS_PATH}\").onmessage=function(e){{if(e.data!==\"findings\"){{location.reload();return}}\
fetch(location.href).then(function(r){{return r.text()}}).then(function(t){{\
var n=new DOMParser().parseFromString(t,\"text/html\").getElementById(\"clearleaf-dev\"),o=document.getElementById(\"clearleaf-dev\");\
if(n&&o){{o.querySelector(\"summary\").textContent=n.querySelector(\"summary\").textContent;o.querySelector(\"ul\").replaceWith(n.querySelector(\"ul\"))}}}})}}</script>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules;

    #[test]
    fn status_pages_reload_themselves_and_pass_the_checks() {
        let building = building_page();
        let failed = error_page("content/a.md:2:8: the value of `title` is a list <oops>");
        assert!(failed.contains("content/a.md:2:8") && failed.contains("&lt;oops&gt;") && failed.contains("role=\"alert\""));
        for page in [&building, &failed] {
            assert!(page.contains(EVENTS_PATH));
            let findings = crate::checks::audit_file("status.html", page);
            assert!(findings.is_empty(), "{findings:#?}");
        }
    }

    #[test]
    fn injects_before_body_end_and_escapes() {
        let f = Finding::new(&rules::A11Y_IMG_NAME, Severity::Error, "content/a.md", "No <alt>.").line(3);
        let out = page("<html><body><p>x</p></body></html>", Some("error: a.md:1: bad"), &[&f]);
        assert!(out.ends_with("</script></body></html>"));
        assert!(out.contains("Error [A11Y-IMG-NAME] content/a.md:3: No &lt;alt&gt;."));
        assert!(out.contains("role=\"alert\""));
    }
}
