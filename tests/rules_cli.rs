//! `clearleaf rules`, `clearleaf explain`, and the way a finding's help line leads to them.

use assert_cmd::cargo::cargo_bin_cmd;

use crate::common;
use common::{Run, Site};

fn clearleaf(args: &[&str]) -> Run {
    Run::of(cargo_bin_cmd!("clearleaf").args(args))
}

#[test]
fn rules_lists_every_rule_with_its_references() {
    let run = clearleaf(&["rules", "--format", "json"]);
    run.code(0);
    let doc = run.json();
    let listed = doc["rules"].as_array().unwrap();
    assert_eq!(listed.len(), clearleaf::rules::ALL.len());
    for (json, rule) in listed.iter().zip(clearleaf::rules::ALL) {
        assert_eq!(json["id"], rule.id);
        assert_eq!(json["wcag"].as_array().unwrap().len(), rule.wcag.len(), "{}", rule.id);
        assert_eq!(json["act"].as_array().unwrap().len(), rule.act.len(), "{}", rule.id);
    }
    let text = clearleaf(&["rules"]);
    text.code(0);
    let line = text.stdout.lines().find(|l| l.starts_with("A11Y-REFLOW ")).expect("a line for A11Y-REFLOW");
    assert_eq!(line.split_whitespace().take(5).collect::<Vec<_>>(), ["A11Y-REFLOW", "warning", "theme", "1.4.10", "-"]);
}

#[test]
fn explain_prints_help_with_an_example_and_refuses_unknown_rules() {
    let run = clearleaf(&["explain", "er-numerals"]);
    run.code(0);
    assert!(run.stdout.starts_with("# ER-NUMERALS\n"), "{}", run.stdout);
    assert!(run.stdout.contains("\nBefore:\n") && run.stdout.contains("\nAfter:\n"), "{}", run.stdout);
    let run = clearleaf(&["explain", "ER-NUMERAL"]);
    run.code(2).stderr_has("did you mean `ER-NUMERALS`?");
}

#[test]
fn a_findings_help_line_names_the_explain_command() {
    let site = Site::new();
    site.write("content/help.md", "---\ntitle: Getting help\n---\nSee [the old page](gone.md).\n");
    let run = Run::of(cargo_bin_cmd!("clearleaf").args(["check", "--today", common::TODAY, "--root"]).arg(site.root()));
    run.code(1);
    let at = run.stderr.find("error[LINK-BROKEN]: content/help.md:4:").unwrap_or_else(|| panic!("{}", run.stderr));
    let help = run.stderr[at..].lines().find(|l| l.starts_with("  help: ")).unwrap();
    assert!(help.ends_with(" See `clearleaf explain LINK-BROKEN`."), "{help}");
}
