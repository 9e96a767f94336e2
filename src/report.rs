//! Turns findings into what people and CI read: compiler-like text, a JSON document (SPEC §7),
//! or GitHub annotations.

use std::io::Write;

use serde::Serialize;

use crate::finding::{Finding, Severity};
use crate::rules;

/// Output formats of `build`, `check` and `audit`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Like a compiler: `error[RULE]: file:line: message`, help on the next line.
    Text,
    /// One JSON document on stdout (SPEC §7).
    Json,
    /// `::error file=…,line=…::message` lines for GitHub Actions annotations.
    Github,
}

/// Findings of one run, sorted and without repeats.
#[derive(Debug, Default, Serialize)]
pub struct Report {
    /// Pages built or checked.
    pub pages: usize,
    /// Findings sorted by file, line, rule.
    pub findings: Vec<Finding>,
}

#[derive(Serialize)]
struct Summary {
    pages: usize,
    errors: usize,
    warnings: usize,
}

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    summary: Summary,
    findings: &'a [Finding],
}

impl Report {
    /// Sorts the findings and drops repeats: a problem in a shared template or in content shown
    /// on several pages (fallbacks) is one thing to fix, so it is reported once.
    pub fn new(pages: usize, mut findings: Vec<Finding>) -> Report {
        findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        // Which to keep is decided on borrowed keys first: copying every file and message
        // into the set would add a large site's whole report to its peak memory.
        let mut seen = std::collections::HashSet::new();
        let keep: Vec<bool> = findings.iter().map(|f| seen.insert((f.rule, f.file.as_str(), f.line, f.message.as_str()))).collect();
        drop(seen);
        let mut keep = keep.into_iter();
        findings.retain(|_| keep.next().unwrap_or(true));
        Report { pages, findings }
    }

    /// The report of a build refused for invalid input: each problem as an `INPUT-INVALID`
    /// error (its column goes into the message, which the finding has no field for).
    pub fn invalid_input(problems: &[crate::error::Diagnostic]) -> Report {
        let findings = problems
            .iter()
            .map(|d| {
                let message = match d.column {
                    Some(c) => format!("{} (column {c})", d.message),
                    None => d.message.clone(),
                };
                Finding::new(&rules::INPUT_INVALID, Severity::Error, &d.file, message).maybe_line(d.line).help(d.hint.clone().unwrap_or_default())
            })
            .collect();
        Report::new(0, findings)
    }

    /// Number of error findings.
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.severity == Severity::Error).count()
    }

    /// Number of warning findings.
    pub fn warnings(&self) -> usize {
        self.findings.iter().filter(|f| f.severity == Severity::Warning).count()
    }

    /// Whether the run fails (exit status 1).
    pub fn fails(&self, deny_warnings: bool) -> bool {
        self.errors() > 0 || (deny_warnings && self.warnings() > 0)
    }

    /// The report in `format`.
    pub fn render(&self, format: Format) -> String {
        let mut out = Vec::new();
        self.write(format, &mut out).expect("writing to memory does not fail");
        String::from_utf8(out).expect("the report is UTF-8")
    }

    /// Prints the report: text on stderr, JSON and GitHub annotations on stdout. Written as it
    /// is made, through a buffer: a large site's report is over 100 MB, which a string built
    /// first would add to the build's peak memory.
    pub fn print(&self, format: Format) -> std::io::Result<()> {
        let out: Box<dyn Write> = match format {
            Format::Text => Box::new(std::io::stderr().lock()),
            Format::Json | Format::Github => Box::new(std::io::stdout().lock()),
        };
        let mut out = std::io::BufWriter::new(out);
        self.write(format, &mut out)?;
        out.flush()
    }

    /// Writes the report in `format`.
    pub fn write(&self, format: Format, out: &mut impl Write) -> std::io::Result<()> {
        match format {
            Format::Text => self.text(out),
            Format::Json => self.json(out),
            Format::Github => self.github(out),
        }
    }

    /// The counts, then the first `max` errors one line each: what `serve` prints after each
    /// rebuild, where the pages' panels have the rest.
    pub fn brief(&self, max: usize) -> String {
        let mut s = self.totals();
        let errors: Vec<&Finding> = self.findings.iter().filter(|f| f.severity == Severity::Error).collect();
        for f in errors.iter().take(max) {
            s.push_str("\n  ");
            s.push_str(&headline(f));
        }
        if errors.len() > max {
            s.push_str(&format!("\n  and {} more: see the findings panel of each page", errors.len() - max));
        }
        s
    }

    fn totals(&self) -> String {
        let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
        format!("{}, {}, {}", plural(self.pages, "page"), plural(self.errors(), "error"), plural(self.warnings(), "warning"))
    }

    fn text(&self, s: &mut impl Write) -> std::io::Result<()> {
        // A site with many untranslated pages would fill the screen with one warning each: the
        // text report gives one line per language instead (JSON keeps every finding).
        let mut missing: std::collections::BTreeMap<&str, Vec<&Finding>> = Default::default();
        let grouped = |f: &Finding| f.rule == &rules::TRANSLATION_MISSING;
        for f in self.findings.iter().filter(|f| grouped(f)) {
            missing.entry(f.lang.as_deref().unwrap_or_default()).or_default().push(f);
        }
        missing.retain(|_, fs| fs.len() > 1);
        for f in &self.findings {
            if let Some(group) = f.lang.as_deref().and_then(|l| missing.get(l)).filter(|_| grouped(f)) {
                if std::ptr::eq(group[0], f) {
                    missing_summary(group, s)?;
                }
                continue;
            }
            writeln!(s, "{}", headline(f))?;
            if let Some(url) = &f.url {
                writeln!(s, "  page: {url}")?;
            }
            // The finding's own help says what to do here; the explanation says why, with an
            // example. Only the text report names it: JSON and GitHub readers have the rule ID.
            if f.help.is_empty() {
                writeln!(s, "  help: See `clearleaf explain {}`.", f.rule)?;
            } else {
                writeln!(s, "  help: {} See `clearleaf explain {}`.", f.help, f.rule)?;
            }
        }
        writeln!(s, "{}", self.totals())
    }

    fn json(&self, out: &mut impl Write) -> std::io::Result<()> {
        let doc = Document { version: 1, summary: Summary { pages: self.pages, errors: self.errors(), warnings: self.warnings() }, findings: &self.findings };
        serde_json::to_writer_pretty(&mut *out, &doc)?;
        writeln!(out)
    }

    fn github(&self, s: &mut impl Write) -> std::io::Result<()> {
        for f in &self.findings {
            let level = f.severity.as_str();
            let line = f.line.map(|l| format!(",line={l}")).unwrap_or_default();
            let msg = format!("{} {}", f.message, f.help).replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
            writeln!(s, "::{level} file={}{line},title={}::{msg}", f.file.replace(',', "%2C"), f.rule)?;
        }
        Ok(())
    }
}

/// One TRANSLATION-MISSING line for the pages missing in one language.
fn missing_summary(group: &[&Finding], s: &mut impl Write) -> std::io::Result<()> {
    const SHOWN: usize = 5;
    let f = group[0];
    let lang = f.lang.as_deref().unwrap_or_default();
    let sev = f.severity.as_str();
    let files: Vec<&str> = group.iter().take(SHOWN).map(|f| f.file.as_str()).collect();
    let more = match group.len().saturating_sub(SHOWN) {
        0 => String::new(),
        n => format!(" and {n} more (`clearleaf status --lang {lang}` lists them all)"),
    };
    writeln!(s, "{sev}[{}]: {} pages have no {lang} translation: {}{more}", f.rule, group.len(), files.join(", "))?;
    writeln!(
        s,
        "  help: To translate a page, copy it to NAME.{lang}.md, translate the text, then run `clearleaf stamp` on the copy. Pages not meant to be translated can say `translate: false` in their front matter. See `clearleaf explain {}`.",
        f.rule
    )
}

/// `error[RULE]: file:line: message`, the first line of a finding in the text report.
fn headline(f: &Finding) -> String {
    let sev = f.severity.as_str();
    match f.line {
        Some(l) => format!("{sev}[{}]: {}:{l}: {}", f.rule, f.file, f.message),
        None => format!("{sev}[{}]: {}: {}", f.rule, f.file, f.message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> Report {
        Report::new(
            3,
            vec![
                Finding::new(&rules::LINK_BROKEN, Severity::Error, "content/b.md", "Broken.").line(4).help("Fix it."),
                Finding::new(&rules::A11Y_IMG_NAME, Severity::Error, "content/a.md", "No alt.").line(9),
                Finding::new(&rules::A11Y_IMG_NAME, Severity::Error, "content/a.md", "No alt.").line(9),
                Finding::new(&rules::CONTENT_REVIEW_DUE, Severity::Warning, "content/a.md", "Due.").line(2),
            ],
        )
    }

    #[test]
    fn sorted_and_deduplicated() {
        let r = report();
        let order: Vec<_> = r.findings.iter().map(|f| (f.file.as_str(), f.line)).collect();
        assert_eq!(order, [("content/a.md", Some(2)), ("content/a.md", Some(9)), ("content/b.md", Some(4))]);
        assert_eq!((r.errors(), r.warnings()), (2, 1));
        assert!(r.fails(false));
    }

    #[test]
    fn brief_gives_the_counts_and_the_first_errors() {
        let r = report();
        assert_eq!(r.brief(5), "3 pages, 2 errors, 1 warning\n  error[A11Y-IMG-NAME]: content/a.md:9: No alt.\n  error[LINK-BROKEN]: content/b.md:4: Broken.");
        assert_eq!(r.brief(1), "3 pages, 2 errors, 1 warning\n  error[A11Y-IMG-NAME]: content/a.md:9: No alt.\n  and 1 more: see the findings panel of each page");
    }

    #[test]
    fn formats() {
        let r = report();
        let text = r.render(Format::Text);
        assert!(text.starts_with("warning[CONTENT-REVIEW-DUE]: content/a.md:2: Due.\n"), "{text}");
        assert!(text.contains("error[LINK-BROKEN]: content/b.md:4: Broken.\n  help: Fix it. See `clearleaf explain LINK-BROKEN`.\n"), "{text}");
        assert!(text.contains("error[A11Y-IMG-NAME]: content/a.md:9: No alt.\n  help: See `clearleaf explain A11Y-IMG-NAME`.\n"), "{text}");
        assert!(text.ends_with("3 pages, 2 errors, 1 warning\n"));
        let json: serde_json::Value = serde_json::from_str(&r.render(Format::Json)).unwrap();
        assert_eq!(json["version"], 1);
        assert_eq!(json["summary"]["errors"], 2);
        assert_eq!(json["findings"][2]["rule"], "LINK-BROKEN");
        assert_eq!(json["findings"][2]["line"], 4);
        assert_eq!(json["findings"][1]["wcag"], serde_json::json!(["1.1.1", "4.1.2"]));
        assert_eq!(json["findings"][1]["act"], serde_json::json!(["23a2a8", "59796f", "7d6734", "8fc3b6"]));
        assert_eq!(json["findings"][2]["wcag"], serde_json::json!([]));
        assert!(r.render(Format::Github).contains("::error file=content/b.md,line=4,title=LINK-BROKEN::Broken. Fix it.\n"));
    }
}
