//! The README's rule tables and the rule registry (`src/rules/`) say the same thing: every rule
//! clearleaf checks is in a table, with its default severity, WCAG success criteria and ACT
//! rules, and every rule not checked yet is in the "Not checked yet" list.

use std::collections::BTreeSet;

use clearleaf::rules::{self, Rule};

/// One row of a README table whose first column is `rule`.
struct Row {
    line: usize,
    /// (column header, cell) pairs.
    cells: Vec<(String, String)>,
}

impl Row {
    fn cell(&self, header: &str) -> Option<&str> {
        self.cells.iter().find(|(h, _)| h.starts_with(header)).map(|(_, c)| c.as_str())
    }
}

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README.md")
}

fn split_row(line: &str) -> Vec<String> {
    line.trim().trim_start_matches('|').trim_end_matches('|').split(" | ").map(|c| c.trim().to_string()).collect()
}

/// The rows of every table whose header starts with `| rule |`.
fn rule_rows(text: &str) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut header: Option<Vec<String>> = None;
    for (i, line) in text.lines().enumerate() {
        if line.starts_with("| rule |") {
            header = Some(split_row(line));
        } else if !line.starts_with('|') {
            header = None;
        } else if let Some(h) = &header
            && !line.starts_with("|---")
        {
            let cells = split_row(line);
            assert_eq!(cells.len(), h.len(), "README.md:{}: {} cells under a header of {}", i + 1, cells.len(), h.len());
            rows.push(Row { line: i + 1, cells: h.iter().cloned().zip(cells).collect() });
        }
    }
    rows
}

/// `a, b` or `—` as a list.
fn list(cell: &str) -> Vec<&str> {
    if cell == "—" { Vec::new() } else { cell.split(", ").collect() }
}

fn rule_of(row: &Row) -> &'static Rule {
    let id = row.cell("rule").unwrap().trim_matches('`');
    rules::find(id).unwrap_or_else(|| panic!("README.md:{}: `{id}` is not in the rule registry", row.line))
}

#[test]
fn every_table_row_agrees_with_the_registry() {
    let rows = rule_rows(&readme());
    assert!(rows.len() > 50, "the README's rule tables were not found");
    for row in &rows {
        let rule = rule_of(row);
        let at = format!("README.md:{} ({rule})", row.line);
        assert!(rule.implemented, "{at}: the registry says this rule is not checked yet");
        let severity = row.cell("severity").unwrap();
        assert!(severity.starts_with(rule.severity.as_str()), "{at}: severity `{severity}`, but the registry's default is {}", rule.severity.as_str());
        let wcag = row.cell("WCAG").unwrap_or_else(|| panic!("{at}: no WCAG column"));
        assert_eq!(list(wcag), rule.wcag, "{at}: WCAG criteria");
        if let Some(act) = row.cell("W3C ACT") {
            assert_eq!(list(act), rule.act, "{at}: ACT rules");
        }
    }
}

#[test]
fn the_tables_list_every_rule_that_is_checked() {
    let in_tables: BTreeSet<&str> = rule_rows(&readme()).iter().map(|r| rule_of(r).id).collect();
    let checked: BTreeSet<&str> = rules::implemented().map(|r| r.id).collect();
    let missing: Vec<_> = checked.difference(&in_tables).collect();
    assert!(missing.is_empty(), "rules checked but not in the README's tables: {missing:?}");
}

#[test]
fn not_checked_yet_lists_the_rules_not_implemented() {
    let text = readme();
    let start = text.find("**Not checked yet:**").expect("a \"Not checked yet\" paragraph");
    let paragraph = &text[start..start + text[start..].find("\n\n").unwrap_or(text.len() - start)];
    let listed: BTreeSet<&str> = paragraph.split('`').skip(1).step_by(2).filter(|w| rules::find(w).is_some()).collect();
    let registry: BTreeSet<&str> = rules::ALL.iter().filter(|r| !r.implemented).map(|r| r.id).collect();
    assert_eq!(listed, registry, "the README's \"Not checked yet\" list and the registry's rules with implemented: false");
}
