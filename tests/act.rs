//! The accessibility checker against the W3C ACT rules test cases (`shared/act-cases/`): every
//! static case (`needs_browser: false`) of every implemented ACT rule is run through the
//! checker, and the results are scored by the suite's own scorer. The bar: 100 % agreement on
//! every implemented rule, so no finding on any passed case. The per-rule table is printed.

use std::io::Write;
use std::path::PathBuf;

use clearleaf::checks::a11y;

/// ACT rules the checker implements, with the clearleaf rule that carries each.
/// Not implemented, and why, is listed in the README ("Accessibility rules").
const IMPLEMENTED: &[(&str, &str)] = &[
    ("b5c3f8", "A11Y-LANG-PRESENT"),
    ("bf051a", "A11Y-LANG-VALID"),
    ("de46e4", "A11Y-LANG-PARTS"),
    ("2779a5", "A11Y-TITLE"),
    ("b4f0c3", "A11Y-VIEWPORT"),
    ("bc659a", "A11Y-REFRESH"),
    ("3ea0c8", "A11Y-ID-UNIQUE"),
    ("e6952f", "A11Y-ATTR-DUP"),
    ("23a2a8", "A11Y-IMG-NAME"),
    ("59796f", "A11Y-IMG-NAME"),
    ("7d6734", "A11Y-IMG-NAME"),
    ("8fc3b6", "A11Y-IMG-NAME"),
    ("c487ae", "A11Y-LINK-NAME"),
    ("97a4e1", "A11Y-CONTROL-NAME"),
    ("e086e5", "A11Y-CONTROL-NAME"),
    ("cae760", "A11Y-CONTROL-NAME"),
    ("2t702h", "A11Y-CONTROL-NAME"),
    ("m6b1q3", "A11Y-CONTROL-NAME"),
    ("ffd0e9", "A11Y-HEADING-EMPTY"),
    ("674b10", "A11Y-ARIA-VALID"),
    ("5f99a7", "A11Y-ARIA-VALID"),
    ("6a7281", "A11Y-ARIA-VALID"),
    ("5c01ea", "A11Y-ARIA-VALID"),
    ("kb1m8s", "A11Y-ARIA-VALID"),
    ("4e8ab6", "A11Y-ARIA-VALID"),
    ("ff89c9", "A11Y-ARIA-VALID"),
    ("bc4a75", "A11Y-ARIA-VALID"),
    ("6cfa84", "A11Y-HIDDEN-FOCUS"),
    ("307n5z", "A11Y-HIDDEN-FOCUS"),
    ("46ca7f", "A11Y-HIDDEN-FOCUS"),
    ("d0f69e", "A11Y-TABLE"),
    ("a25f45", "A11Y-TABLE"),
    ("73f2c2", "A11Y-AUTOCOMPLETE"),
    ("akn7bn", "A11Y-IFRAME-TABINDEX"),
    ("24afc2", "A11Y-TEXT-SPACING"),
    ("78fd32", "A11Y-TEXT-SPACING"),
    ("9e45ec", "A11Y-TEXT-SPACING"),
];

fn act_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/act-cases")
}

#[test]
fn act_rules_agree_with_w3c_test_cases() {
    let cases = std::fs::read_to_string(act_dir().join("cases.jsonl")).expect("shared/act-cases/cases.jsonl beside the repository");
    let results = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("act-results.jsonl");
    let mut out = std::fs::File::create(&results).unwrap();
    let mut scored = 0;
    for line in cases.lines() {
        let case: serde_json::Value = serde_json::from_str(line).unwrap();
        let rule = case["rule_id"].as_str().unwrap();
        let Some((_, ours)) = IMPLEMENTED.iter().find(|(act, _)| *act == rule) else { continue };
        if case["needs_browser"].as_bool().unwrap() {
            continue;
        }
        let (_, violations) = a11y::check(case["html"].as_str().unwrap(), None);
        let finding = violations.iter().any(|v| v.act == rule && v.rule == *ours);
        writeln!(out, "{}", serde_json::json!({"rule_id": rule, "index": case["index"], "finding": finding})).unwrap();
        scored += 1;
    }
    drop(out);
    let rules: Vec<&str> = IMPLEMENTED.iter().map(|(a, _)| *a).collect();
    let score = std::process::Command::new("python3")
        .arg(act_dir().join("score.py"))
        .arg(&results)
        .args(["--static-only", "--verbose", "--fail-under", "1.0", "--rules", &rules.join(",")])
        .output()
        .expect("python3 runs the ACT scorer");
    let table = String::from_utf8_lossy(&score.stdout);
    println!("{scored} static ACT cases scored\n{table}");
    assert!(score.status.success(), "the checker disagrees with ACT on some cases:\n{table}");
    assert!(table.contains("= 100.0% agreement"), "{table}");
}
