//! What a site's git history says about a source page, when the site is in a git repository:
//! the version a translation was made from (found by its `source_hash`) and the day the source
//! first changed after it. `export` uses the old version to offer only the changed segments for
//! review; the status report says since when a translation is out of date. Without git, or
//! outside a repository, there is no history and both fall back to what the files alone say.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::i18n::staleness;

/// How far back to look: a translation stamped more than this many commits of its source ago
/// is treated as if there were no history.
const MAX_VERSIONS: usize = 100;

/// One committed version of a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    /// The commit's day, like `2026-10-03`.
    pub day: String,
    /// The file's text in that commit.
    pub text: String,
}

fn git(root: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git").arg("-C").arg(root).args(args).stdin(Stdio::null()).stderr(Stdio::null()).output().ok()?;
    out.status.success().then(|| String::from_utf8(out.stdout).ok()).flatten()
}

/// The committed versions of `file` (site-relative), newest first.
pub fn versions(root: &Path, file: &str) -> Vec<Version> {
    let max = MAX_VERSIONS.to_string();
    let Some(log) = git(root, &["log", "-n", &max, "--format=%H %cs", "--", file]) else { return Vec::new() };
    log.lines()
        .filter_map(|line| {
            let (commit, day) = line.split_once(' ')?;
            // `./` makes the path relative to the site folder, not to the repository's top.
            let text = git(root, &["show", &format!("{commit}:./{file}")])?;
            Some(Version { day: day.to_string(), text: crate::text::decode_text(file, text.into_bytes()).ok()? })
        })
        .collect()
}

/// The version of a source a translation stamped with `stamp` was made from, and the day the
/// source first changed after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MadeFrom {
    /// The source's text then.
    pub text: String,
    /// The day of the first commit that changed it; `None` when the change is not committed.
    pub changed_on: Option<String>,
}

/// What the history says about a translation of `source` (site-relative) stamped with `stamp`:
/// `None` without history, or when no committed version has that hash.
pub fn made_from(root: &Path, source: &str, stamp: &str) -> Option<MadeFrom> {
    let versions = versions(root, source);
    let (version, changed_on) = made_from_and_changed_on(&versions, |text| hashes_to(source, text, stamp))?;
    Some(MadeFrom { text: version.text.clone(), changed_on: changed_on.map(str::to_string) })
}

/// Whether a version of the source `file` has the hash `stamp`.
fn hashes_to(file: &str, text: &str, stamp: &str) -> bool {
    let Ok(parsed) = crate::front_matter::parse(file, text) else { return false };
    let hash = staleness::source_hash(parsed.front.title.as_deref().unwrap_or_default(), parsed.front.description.as_deref(), &text[parsed.body_start..]);
    staleness::stamp_matches(Some(stamp), &hash)
}

/// Given the versions of a source (newest first) and which of them a translation was made from
/// (`made_from`), the version it was made from and the day the source first changed after it,
/// if a later version was committed.
pub fn made_from_and_changed_on(versions: &[Version], made_from: impl Fn(&str) -> bool) -> Option<(&Version, Option<&str>)> {
    let i = versions.iter().position(|v| made_from(&v.text))?;
    // The oldest version after it that no longer matches is the change.
    let changed = versions[..i].iter().rev().find(|v| !made_from(&v.text)).map(|v| v.day.as_str());
    Some((&versions[i], changed))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(day: &str, text: &str) -> Version {
        Version { day: day.into(), text: text.into() }
    }

    #[test]
    fn the_change_is_the_first_version_after_the_one_made_from() {
        // Newest first: the source said "a" until 10-02, "b" from 10-03, and "b" again later.
        let versions = [v("2026-10-09", "b"), v("2026-10-03", "b"), v("2026-10-02", "a"), v("2026-10-01", "a")];
        let (from, changed) = made_from_and_changed_on(&versions, |t| t == "a").unwrap();
        assert_eq!((from.day.as_str(), changed), ("2026-10-02", Some("2026-10-03")));
        // Made from the newest committed version: the change is not committed yet.
        let (from, changed) = made_from_and_changed_on(&versions, |t| t == "b").unwrap();
        assert_eq!((from.day.as_str(), changed), ("2026-10-09", None));
        assert!(made_from_and_changed_on(&versions, |t| t == "c").is_none());
    }

    #[test]
    fn no_history_outside_a_repository() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.md"), "x").unwrap();
        assert!(versions(dir.path(), "a.md").is_empty());
    }
}
