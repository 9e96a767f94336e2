//! The accessibility checker against the W3C ACT rules test cases vendored in
//! `tests/fixtures/act/` (see its README for the source and the licence): every static case of
//! every implemented ACT rule is run through the checker and scored. The bar: 100 % agreement on
//! every implemented rule, so a finding on every failed case and none on any passed or
//! inapplicable case. The per-rule table is printed (`cargo test --test integration act:: -- --nocapture`).

use std::collections::BTreeMap;
use std::path::PathBuf;

use clearleaf::checks::a11y;
use clearleaf::rules::{self, Rule};

/// ACT rules the checker implements, with the clearleaf rule that carries each: the `act`
/// lists of the rule registry. Not implemented, and why, is listed in the README
/// ("Accessibility rules").
fn implemented() -> Vec<(&'static str, &'static Rule)> {
    rules::ALL.iter().flat_map(|r| r.act.iter().map(move |act| (*act, *r))).collect()
}

fn act_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/act")
}

/// One line of `cases.jsonl`: a test page and the outcome ACT expects of its own rule.
#[derive(serde::Deserialize)]
struct Case {
    rule_id: String,
    example: String,
    expected: String,
    html: String,
}

/// One rule of `rules.json`, with the number of static cases the vendored file must hold.
#[derive(serde::Deserialize)]
struct RuleMeta {
    rule_id: String,
    rule_name: String,
    /// The success criteria the ACT rule maps to.
    wcag: Vec<String>,
    static_cases: usize,
}

#[derive(serde::Deserialize)]
struct Rules {
    rules: Vec<RuleMeta>,
}

/// Agreement counts for one rule. A finding is right on a failed case and wrong on a passed or
/// inapplicable one.
#[derive(Default)]
struct Tally {
    true_pos: usize,
    false_neg: usize,
    true_neg: usize,
    false_pos: usize,
}

impl Tally {
    fn add(&mut self, should_find: bool, found: bool) {
        match (should_find, found) {
            (true, true) => self.true_pos += 1,
            (true, false) => self.false_neg += 1,
            (false, false) => self.true_neg += 1,
            (false, true) => self.false_pos += 1,
        }
    }
    fn cases(&self) -> usize {
        self.true_pos + self.false_neg + self.true_neg + self.false_pos
    }
    fn agree(&self) -> usize {
        self.true_pos + self.true_neg
    }
}

fn load_cases() -> Vec<Case> {
    let text = std::fs::read_to_string(act_dir().join("cases.jsonl")).expect("tests/fixtures/act/cases.jsonl");
    text.lines().enumerate().map(|(n, line)| serde_json::from_str(line).unwrap_or_else(|e| panic!("cases.jsonl line {}: {e}", n + 1))).collect()
}

fn load_rules() -> Vec<RuleMeta> {
    let text = std::fs::read_to_string(act_dir().join("rules.json")).expect("tests/fixtures/act/rules.json");
    serde_json::from_str::<Rules>(&text).expect("rules.json").rules
}

/// The vendored data is trimmed to the implemented rules: an ACT ID added to the registry without
/// its cases, or cases lost from the file, would otherwise pass unnoticed.
#[test]
fn vendored_cases_cover_every_implemented_rule() {
    let cases = load_cases();
    let rules = load_rules();
    let implemented = implemented();
    for (act, _) in &implemented {
        let meta = rules.iter().find(|r| r.rule_id == *act).unwrap_or_else(|| panic!("ACT rule {act} is not in tests/fixtures/act/rules.json"));
        let held = cases.iter().filter(|c| c.rule_id == *act).count();
        assert_eq!(held, meta.static_cases, "cases.jsonl holds {held} cases of {act}, rules.json says {}", meta.static_cases);
    }
    for case in &cases {
        assert!(implemented.iter().any(|(act, _)| *act == case.rule_id), "cases.jsonl has a case of {}, which is not implemented", case.rule_id);
    }
}

#[test]
fn act_rules_agree_with_w3c_test_cases() {
    let rules = load_rules();
    let mut tallies: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut disagreements = Vec::new();
    let cases = load_cases();
    let implemented = implemented();
    for case in &cases {
        let (_, ours) = implemented.iter().find(|(act, _)| *act == case.rule_id).expect("every vendored case belongs to an implemented rule");
        let (_, violations) = a11y::check(&case.html, None);
        let found = violations.iter().any(|v| v.act == case.rule_id && v.rule == *ours);
        let should_find = case.expected == "failed";
        tallies.entry(&case.rule_id).or_default().add(should_find, found);
        if found != should_find {
            disagreements.push(format!("  {} {}: expected {}, got {}", case.rule_id, case.example, case.expected, if found { "a finding" } else { "no finding" }));
        }
    }
    let mut table = format!("{:7} {:>9} {:>3} {:>3} {:>3} {:>3}  name\n", "rule", "agree", "TP", "FN", "TN", "FP");
    for (act, t) in &tallies {
        let name = rules.iter().find(|r| r.rule_id == *act).map_or("", |r| r.rule_name.as_str());
        table += &format!("{act:7} {:>4}/{:<4} {:>3} {:>3} {:>3} {:>3}  {name}\n", t.agree(), t.cases(), t.true_pos, t.false_neg, t.true_neg, t.false_pos);
    }
    let agree: usize = tallies.values().map(Tally::agree).sum();
    table += &format!("overall: {agree}/{} over {} rules\n{}", cases.len(), tallies.len(), disagreements.join("\n"));
    println!("{table}");
    assert_eq!(tallies.len(), implemented.len(), "some implemented rules have no cases");
    assert!(disagreements.is_empty(), "the checker disagrees with ACT on {} cases:\n{table}", disagreements.len());
}

/// A rule that implements an ACT rule tests the WCAG 2.2 success criteria that ACT rule maps
/// to (4.1.1 Parsing aside: WCAG 2.2 removed it).
#[test]
fn registry_names_the_wcag_criteria_of_its_act_rules() {
    let metas = load_rules();
    for (act, rule) in implemented() {
        let meta = metas.iter().find(|m| m.rule_id == act).unwrap_or_else(|| panic!("ACT rule {act} is not in tests/fixtures/act/rules.json"));
        for sc in meta.wcag.iter().filter(|sc| *sc != "4.1.1") {
            assert!(rule.wcag.contains(&sc.as_str()), "{rule} implements ACT {act}, which maps to WCAG {sc}, but its `wcag` list is {:?}", rule.wcag);
        }
    }
}
