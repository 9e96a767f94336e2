//! File names, ids and settings that were accepted but went wrong (issue 19, items 9, 10, 11
//! and 15): two files for one page, footnote ids that repeat, names in scripts with combining
//! marks, and settings that were accepted or explained in programmers' words.
//!
//! Refusals exit 2 with `FILE[:LINE]` and a hint, and leave the previous output as it was.

mod common;

use common::Site;

/// `--format json` findings of a build with rule `rule`.
fn findings_of(run: &common::Run, rule: &str) -> Vec<serde_json::Value> {
    run.json()["findings"].as_array().unwrap().iter().filter(|f| f["rule"] == rule).cloned().collect()
}

// ---------------------------------------------------------------------------------------------
// Footnote ids
// ---------------------------------------------------------------------------------------------

/// A note referenced twice, and a heading whose id the note's id used to be (`fn-a`).
const NOTES: &str = "---\ntitle: Getting help\ndescription: Who to call.\n---\nCall us[^a] or write to us[^a].\n\n## Sources {#fn-a}\n\nRAW\n[^a]: Two ways to reach us.\n";

#[test]
fn footnote_ids_are_unique_on_the_page() {
    let site = Site::new();
    site.write("content/help.md", NOTES.replace("RAW\n", ""));
    let run = site.build(&["--format", "json"]);
    run.code(0);
    assert_eq!(findings_of(&run, "A11Y-ID-UNIQUE"), Vec::<serde_json::Value>::new());
    let html = site.page("/help/").unwrap();
    let mut ids: Vec<&str> = html.split(" id=").skip(1).map(|rest| rest.trim_start_matches('"').split(['"', ' ', '>']).next().unwrap()).collect();
    let all = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), all, "repeated ids in {html}");
    // Both references lead to the note, and the note back to each of them.
    assert_eq!(html.matches("class=footnote-back").count() + html.matches("class=\"footnote-back\"").count(), 2, "{html}");
}

#[test]
fn a_repeated_id_in_the_notes_points_at_the_markdown() {
    // Raw HTML takes the note's id: the finding is on the note, at its line in the file.
    let site = Site::new();
    site.write("content/help.md", NOTES.replace("RAW\n", "<div id=\"fn-1\">Our sources.</div>\n\n"));
    let run = site.build(&["--format", "json"]);
    run.code(1);
    let dup = findings_of(&run, "A11Y-ID-UNIQUE");
    assert_eq!(dup.len(), 1, "{dup:?}");
    assert_eq!((dup[0]["file"].as_str(), dup[0]["line"].as_u64()), (Some("content/help.md"), Some(11)), "{dup:?}");
}
