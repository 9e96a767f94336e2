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

fn git(root: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git").arg("-C").arg(root).args(args).stdin(Stdio::null()).stderr(Stdio::null()).output().ok()?;
    out.status.success().then(|| String::from_utf8(out.stdout).ok()).flatten()
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
/// `None` without history, or when none of the last commits of the source has that hash. It
/// reads the source's versions from the newest back, only as far as the one it looks for.
pub fn made_from(root: &Path, source: &str, stamp: &str) -> Option<MadeFrom> {
    let max = MAX_VERSIONS.to_string();
    let log = git(root, &["log", "-n", &max, "--format=%H %cs", "--", source])?;
    // The day of the oldest commit seen that does not have the hash: the change.
    let mut changed_on = None;
    for line in log.lines() {
        let Some((commit, day)) = line.split_once(' ') else { continue };
        // `./` makes the path relative to the site folder, not to the repository's top.
        let Some(text) = git(root, &["show", &format!("{commit}:./{source}")]).and_then(|t| crate::text::decode_text(source, t.into_bytes()).ok()) else { continue };
        if hashes_to(source, &text, stamp) {
            return Some(MadeFrom { text, changed_on });
        }
        changed_on = Some(day.to_string());
    }
    None
}

/// Whether a version of the source `file` has the hash `stamp`.
fn hashes_to(file: &str, text: &str, stamp: &str) -> bool {
    let Ok(parsed) = crate::front_matter::parse(file, text) else { return false };
    let hash = staleness::source_hash(parsed.front.title.as_deref().unwrap_or_default(), parsed.front.description.as_deref(), &text[parsed.body_start..]);
    staleness::stamp_matches(Some(stamp), &hash)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commit(dir: &Path, text: &str, day: &str) {
        std::fs::write(dir.join("page.md"), text).unwrap();
        for args in [&["add", "page.md"][..], &["commit", "-q", "-m", "edit"]] {
            let ok = Command::new("git")
                .current_dir(dir)
                .args(["-c", "user.name=E", "-c", "user.email=e@example.org", "-c", "commit.gpgsign=false"])
                .args(args)
                .env("GIT_AUTHOR_DATE", format!("{day}T12:00:00Z"))
                .env("GIT_COMMITTER_DATE", format!("{day}T12:00:00Z"))
                .status()
                .unwrap();
            assert!(ok.success());
        }
    }

    fn hash(text: &str) -> String {
        let p = crate::front_matter::parse("page.md", text).unwrap();
        staleness::source_hash(p.front.title.as_deref().unwrap(), None, &text[p.body_start..])
    }

    #[test]
    fn the_change_is_the_first_commit_after_the_version_made_from() {
        let dir = tempfile::tempdir().unwrap();
        assert!(Command::new("git").arg("init").arg("-q").current_dir(dir.path()).status().unwrap().success());
        let (a, b) = ("---\ntitle: Help\n---\nCall 111.\n", "---\ntitle: Help\n---\nCall 111 or 999.\n");
        commit(dir.path(), a, "2026-10-01");
        commit(dir.path(), b, "2026-10-03");
        commit(dir.path(), &format!("{b}\n"), "2026-10-09");
        let from_a = made_from(dir.path(), "page.md", &hash(a)).unwrap();
        assert_eq!((from_a.text.as_str(), from_a.changed_on.as_deref()), (a, Some("2026-10-03")));
        // Made from the newest commit: what changed since is not committed.
        let from_b = made_from(dir.path(), "page.md", &hash(b)).unwrap();
        assert_eq!(from_b.changed_on, None);
        assert!(made_from(dir.path(), "page.md", "v1:000000000000").is_none());
    }

    #[test]
    fn no_history_outside_a_repository() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("page.md"), "---\ntitle: Help\n---\nCall 111.\n").unwrap();
        assert!(made_from(dir.path(), "page.md", &hash("---\ntitle: Help\n---\nCall 111.\n")).is_none());
    }
}
