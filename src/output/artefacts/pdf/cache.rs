//! The leaflet cache: each typeset leaflet kept under a hash of everything it was made from
//! (the Typst source of the page, the print templates, the pictures it shows, the fonts, its
//! address and date, and this clearleaf's version), so that a rebuild typesets only the
//! leaflets whose page, picture, locale string or template changed.
//!
//! The cache is only ever a copy: a file that is missing, cut short or unreadable is typeset
//! again, a folder that cannot be written to is a note, and deleting the folder only makes the
//! next build slower. Each build deletes the entries it did not use, so the folder holds one
//! site's leaflets at most.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use sha2::{Digest, Sha256};

use super::inspect::Inspection;

/// An entry's file name ends with this; nothing else in the folder is ever deleted.
const SUFFIX: &str = ".leaflet";
/// The first bytes of an entry; then its page count and its smallest text in hundredths of a
/// point (or `-`), a newline, the words that run off a page (or nothing), a newline, the PDF.
const MAGIC: &str = "clearleaf-leaflet 2 ";

/// A typeset leaflet, and what the checks read from it.
#[derive(Clone, Debug, PartialEq)]
pub struct Made {
    pub pdf: Vec<u8>,
    pub pages: usize,
    pub inspection: Inspection,
}

/// The cache folder of one build.
pub struct Cache {
    dir: PathBuf,
    used: Mutex<HashSet<String>>,
    /// Whether a write failed already: it is said once.
    failed: Mutex<bool>,
}

/// The key of a leaflet made from `parts`: a SHA-256, in hex.
pub fn key<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> String {
    let mut hash = Sha256::new();
    hash.update(env!("CARGO_PKG_VERSION").as_bytes());
    for part in parts {
        // Each part's length first, so that two parts can never read as one.
        hash.update((part.len() as u64).to_le_bytes());
        hash.update(part);
    }
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

impl Cache {
    /// The cache in `dir` (made when first written to).
    pub fn new(dir: &Path) -> Cache {
        Cache { dir: dir.to_path_buf(), used: Mutex::default(), failed: Mutex::default() }
    }

    fn file(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}{SUFFIX}"))
    }

    /// The leaflet kept under `key`, if there is a whole one.
    pub fn get(&self, key: &str) -> Option<Made> {
        self.used.lock().unwrap_or_else(|e| e.into_inner()).insert(key.to_string());
        let bytes = std::fs::read(self.file(key)).ok()?;
        let rest = bytes.strip_prefix(MAGIC.as_bytes())?;
        let mut lines = rest.splitn(3, |b| *b == b'\n');
        let (facts, overflow, pdf) = (std::str::from_utf8(lines.next()?).ok()?, std::str::from_utf8(lines.next()?).ok()?, lines.next()?);
        let (pages, smallest) = facts.split_once(' ')?;
        let smallest_pt = if smallest == "-" { None } else { Some(smallest.parse::<u32>().ok()? as f64 / 100.0) };
        let inspection = Inspection { smallest_pt, overflow: Some(overflow.to_string()).filter(|o| !o.is_empty()) };
        // A file cut short by a crash ends before the PDF's last line.
        pdf.trim_ascii_end().ends_with(b"%%EOF").then(|| Made { pdf: pdf.to_vec(), pages: pages.parse().unwrap_or(0), inspection }).filter(|m| m.pages > 0)
    }

    /// Keeps `made` under `key`. The file appears whole or not at all: it is written under
    /// another name and then renamed.
    pub fn put(&self, key: &str, made: &Made) {
        // Named for this process and thread: builds of one site may run side by side.
        let tmp = self.dir.join(format!("{key}.{}-{:?}.tmp", std::process::id(), std::thread::current().id()).replace(['(', ')'], ""));
        let result = std::fs::create_dir_all(&self.dir).and_then(|()| {
            let mut file = std::fs::File::create(&tmp)?;
            let smallest = made.inspection.smallest_pt.map_or_else(|| "-".to_string(), |pt| format!("{}", (pt * 100.0).round() as u32));
            let overflow = made.inspection.overflow.as_deref().unwrap_or_default().replace(['\n', '\r'], " ");
            write!(file, "{MAGIC}{} {smallest}\n{overflow}\n", made.pages)?;
            file.write_all(&made.pdf)?;
            std::fs::rename(&tmp, self.file(key))
        });
        if let Err(e) = result {
            let _ = std::fs::remove_file(&tmp);
            let mut failed = self.failed.lock().unwrap_or_else(|e| e.into_inner());
            if !*failed {
                eprintln!("note: the PDF leaflets cannot be kept in {} ({e}), so every build typesets them all again.", self.dir.display());
                *failed = true;
            }
        }
    }

    /// Deletes the entries this build did not use (their pages changed or went).
    pub fn prune(&self) {
        let used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        let Ok(entries) = std::fs::read_dir(&self.dir) else { return };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(key) = name.to_str().and_then(|n| n.strip_suffix(SUFFIX)) else { continue };
            if !used.contains(key) && entry.file_type().is_ok_and(|t| t.is_file()) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

/// Where a site's leaflets are kept unless the build says otherwise: the user's cache folder
/// (`$XDG_CACHE_HOME`, else `~/.cache`), `clearleaf/<hash of the site folder>/pdf`, so that two
/// sites never share entries and the site folder gets no files it did not have.
pub fn default_dir(site_root: &Path) -> Option<PathBuf> {
    let base =
        std::env::var_os("XDG_CACHE_HOME").filter(|v| !v.is_empty()).map(PathBuf::from).or_else(|| std::env::var_os("HOME").filter(|v| !v.is_empty()).map(|h| PathBuf::from(h).join(".cache")))?;
    let root = std::fs::canonicalize(site_root).ok()?;
    let site = key([root.as_os_str().as_encoded_bytes()]);
    Some(base.join("clearleaf").join(&site[..16]).join("pdf"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn made() -> Made {
        Made { pdf: b"%PDF-1.7\n...\n%%EOF\n".to_vec(), pages: 3, inspection: Inspection { smallest_pt: Some(15.5), overflow: Some("| Service | Phone".into()) } }
    }

    #[test]
    fn a_kept_leaflet_comes_back_and_an_unused_one_goes() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(&dir.path().join("pdf"));
        assert_eq!(cache.get("a"), None);
        cache.put("a", &made());
        cache.put("b", &made());
        std::fs::write(dir.path().join("pdf/notes.txt"), "not ours").unwrap();
        assert_eq!(cache.get("a"), Some(made()));
        cache.prune();
        // A later build that uses only `a`.
        let next = Cache::new(&dir.path().join("pdf"));
        assert_eq!(next.get("b"), None);
        assert_eq!(next.get("a"), Some(made()));
        assert!(dir.path().join("pdf/notes.txt").exists(), "only entries are deleted");
    }

    #[test]
    fn an_entry_cut_short_is_not_used() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        cache.put("a", &made());
        let file = dir.path().join("a.leaflet");
        let bytes = std::fs::read(&file).unwrap();
        std::fs::write(&file, &bytes[..bytes.len() - 8]).unwrap();
        assert_eq!(cache.get("a"), None);
        std::fs::write(&file, b"garbage").unwrap();
        assert_eq!(cache.get("a"), None);
    }

    #[test]
    fn keys_differ_when_any_input_does() {
        assert_ne!(key([b"ab".as_slice(), b"c"]), key([b"a".as_slice(), b"bc"]));
        assert_eq!(key([b"x".as_slice()]), key([b"x".as_slice()]));
    }
}
