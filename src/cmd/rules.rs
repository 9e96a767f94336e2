//! `clearleaf rules` lists every rule of the registry; `clearleaf explain RULE` prints one
//! rule's longer help, as `rustc --explain` does for an error code.

use serde::Serialize;

use crate::error::{Error, Result, did_you_mean};
use crate::rules::{self, Rule};

/// Output formats of `clearleaf rules`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum RulesFormat {
    /// One line per rule, in aligned columns.
    Text,
    /// One JSON document: `{"version":1,"rules":[…]}`.
    Json,
}

#[derive(Serialize)]
struct Document {
    version: u32,
    rules: &'static [&'static Rule],
}

/// `clearleaf rules`: prints the list on stdout.
pub fn run(format: RulesFormat) -> Result<i32> {
    print!("{}", list(format));
    Ok(0)
}

/// The list of every rule in `format`.
pub fn list(format: RulesFormat) -> String {
    match format {
        RulesFormat::Text => table(),
        RulesFormat::Json => serde_json::to_string_pretty(&Document { version: 1, rules: rules::ALL }).expect("the registry serialises") + "\n",
    }
}

fn joined(items: &[&str]) -> String {
    if items.is_empty() { "-".to_string() } else { items.join(",") }
}

fn table() -> String {
    let header = ["rule", "severity", "scope", "wcag", "act", "summary"];
    let rows: Vec<[String; 6]> =
        rules::ALL.iter().map(|r| [r.id.to_string(), r.severity.as_str().to_string(), r.scope.as_str().to_string(), joined(r.wcag), joined(r.act), r.summary.to_string()]).collect();
    let mut widths = header.map(str::len);
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: [&str; 6]| {
        let mut s = String::new();
        for (i, cell) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                s.push_str(cell);
            } else {
                s.push_str(&format!("{cell:<w$}  ", w = widths[i]));
            }
        }
        s.push('\n');
        s
    };
    let mut out = line(header);
    for row in &rows {
        out.push_str(&line([&row[0], &row[1], &row[2], &row[3], &row[4], &row[5]]));
    }
    out
}

/// `clearleaf explain RULE`: prints the rule's help on stdout.
pub fn explain(id: &str) -> Result<i32> {
    print!("{}", explanation(id)?);
    Ok(0)
}

/// The rule's summary, references and help, as markdown. IDs are matched in any case.
pub fn explanation(id: &str) -> Result<String> {
    let wanted = id.trim().to_uppercase();
    let Some(rule) = rules::find(&wanted) else {
        let hint = match did_you_mean(&wanted, rules::ALL.iter().map(|r| r.id)) {
            Some(s) => format!("did you mean `{s}`?"),
            None => "`clearleaf rules` lists them all.".to_string(),
        };
        return Err(Error::Usage(format!("`{id}` is not a rule clearleaf has; {hint}")));
    };
    let mut out = format!("# {}\n\n{}\n\n", rule.id, rule.summary);
    out.push_str(&format!("- Default severity: {}\n- Scope: {}\n", rule.severity.as_str(), rule.scope.as_str()));
    if !rule.wcag.is_empty() {
        out.push_str(&format!("- WCAG 2.2 success criteria: {}\n", rule.wcag.join(", ")));
    }
    if !rule.act.is_empty() {
        out.push_str(&format!("- W3C ACT rules: {}\n", rule.act.join(", ")));
    }
    if !rule.implemented {
        out.push_str("- Not checked yet: clearleaf reserves the ID, and `checks:` in site.yaml refuses it.\n");
    }
    out.push('\n');
    out.push_str(rule.help);
    out.push('\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_list_has_a_line_per_rule_with_its_references() {
        let text = list(RulesFormat::Text);
        assert_eq!(text.lines().count(), rules::ALL.len() + 1);
        let line = text.lines().find(|l| l.starts_with("A11Y-LINK-NAME ")).unwrap();
        let cells: Vec<&str> = line.split_whitespace().take(5).collect();
        assert_eq!(cells, ["A11Y-LINK-NAME", "error", "page", "2.4.4,2.4.9,4.1.2", "c487ae"]);
        assert!(line.ends_with(rules::A11Y_LINK_NAME.summary));
    }

    #[test]
    fn the_json_list_names_every_rule() {
        let doc: serde_json::Value = serde_json::from_str(&list(RulesFormat::Json)).unwrap();
        assert_eq!(doc["version"], 1);
        let all = doc["rules"].as_array().unwrap();
        assert_eq!(all.len(), rules::ALL.len());
        let img = all.iter().find(|r| r["id"] == "A11Y-IMG-NAME").unwrap();
        assert_eq!(img["wcag"], serde_json::json!(["1.1.1", "4.1.2"]));
        assert_eq!(img["scope"], "page");
        assert_eq!(img["implemented"], true);
    }

    #[test]
    fn explain_prints_the_help_in_any_case_and_suggests_a_close_id() {
        let text = explanation("er-passive").unwrap();
        assert!(text.starts_with("# ER-PASSIVE\n\n"), "{text}");
        assert!(text.contains(rules::ER_PASSIVE.help));
        assert!(explanation("ER-FIGURATIVE").unwrap().contains("Not checked yet"));
        let Err(Error::Usage(message)) = explanation("A11Y-IMG-NAM") else { panic!() };
        assert!(message.contains("did you mean `A11Y-IMG-NAME`?"), "{message}");
    }
}
