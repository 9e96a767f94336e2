//! The leaflet cache: each typeset leaflet kept under a hash of everything it was made from,
//! so that a rebuild typesets only the leaflets whose page, picture, locale string or template
//! changed.
//!
//! The key is made without reading the page's HTML as a tree (that costs more than the rest of
//! a rebuild's work on a leaflet): it hashes the written page from its content area on, the
//! leaflet's source around the content, the print templates, the fonts, its address and date,
//! and this clearleaf's version. Which pictures a leaflet shows is only known once the page is
//! read, so each entry lists the pictures its page asked for, with a hash of each; an entry is
//! used only while every one of them is unchanged (or still missing).
//!
//! The cache is only ever a copy: a file that is missing, cut short or unreadable is typeset
//! again, a folder that cannot be written to is a note, and deleting the folder only makes the
//! next build slower. Each build deletes the entries it did not use, so the folder holds one
//! site's leaflets at most.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::inspect::Inspection;

/// An entry's file name ends with this; nothing else in the folder is ever deleted.
const SUFFIX: &str = ".leaflet";
/// The first line of an entry. Then one line of JSON ([`Header`]), then the PDF.
const MAGIC: &str = "clearleaf-leaflet 3\n";

/// A typeset leaflet, and what the checks read from it.
#[derive(Clone, Debug, PartialEq)]
pub struct Made {
    pub pdf: Vec<u8>,
    pub pages: usize,
    pub inspection: Inspection,
}

/// A picture a leaflet's page asked for, by output path, and the hash of its bytes when it was
/// typeset (`None`: there was no such file).
pub type Picture = (String, Option<String>);

/// What an entry says before its PDF.
#[derive(Serialize, Deserialize)]
struct Header {
    pages: usize,
    smallest_pt: Option<f64>,
    overflow: Option<String>,
    /// Every picture the page asked for, in order (a picture shown twice is asked for twice).
    pictures: Vec<Picture>,
    /// The PDF's length, so that a file cut short is never used.
    pdf_bytes: usize,
}

/// A leaflet found in the cache: what it is like, and the pictures its page asked for.
#[derive(Debug, PartialEq)]
pub struct Kept {
    pub made: Made,
    pub pictures: Vec<Picture>,
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

    /// The leaflet kept under `key`, if there is a whole one and `now` (a picture's hash as it is
    /// now) agrees with every picture it was made with.
    pub fn get(&self, key: &str, now: impl Fn(&str) -> Option<String>) -> Option<Kept> {
        self.used.lock().unwrap_or_else(|e| e.into_inner()).insert(key.to_string());
        let mut bytes = std::fs::read(self.file(key)).ok()?;
        let rest = bytes.strip_prefix(MAGIC.as_bytes())?;
        let line = rest.iter().position(|b| *b == b'\n')?;
        let header: Header = serde_json::from_slice(&rest[..line]).ok()?;
        let start = MAGIC.len() + line + 1;
        if bytes.len() - start != header.pdf_bytes || header.pages == 0 || header.pictures.iter().any(|(path, hash)| now(path) != *hash) {
            return None;
        }
        let pdf = bytes.split_off(start);
        let inspection = Inspection { smallest_pt: header.smallest_pt, overflow: header.overflow };
        Some(Kept { made: Made { pdf, pages: header.pages, inspection }, pictures: header.pictures })
    }

    /// Keeps `made`, typeset from a page that asked for `pictures`, under `key`. The file
    /// appears whole or not at all: it is written under another name and then renamed.
    pub fn put(&self, key: &str, made: &Made, pictures: &[Picture]) {
        // Named for this process and thread: builds of one site may run side by side.
        let tmp = self.dir.join(format!("{key}.{}-{:?}.tmp", std::process::id(), std::thread::current().id()).replace(['(', ')'], ""));
        let header = Header { pages: made.pages, smallest_pt: made.inspection.smallest_pt, overflow: made.inspection.overflow.clone(), pictures: pictures.to_vec(), pdf_bytes: made.pdf.len() };
        let result = std::fs::create_dir_all(&self.dir).and_then(|()| {
            let mut file = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
            file.write_all(MAGIC.as_bytes())?;
            serde_json::to_writer(&mut file, &header)?;
            file.write_all(b"\n")?;
            file.write_all(&made.pdf)?;
            file.into_inner().map_err(|e| e.into_error())?;
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
        Made { pdf: b"%PDF-1.7\n...\n%%EOF\n".to_vec(), pages: 3, inspection: Inspection { smallest_pt: Some(15.5), overflow: Some("| Service\n| Phone".into()) } }
    }

    /// The pictures of `made`'s page: one there, one missing.
    fn pictures() -> Vec<Picture> {
        vec![("pictures/clock.svg".into(), Some("c1".into())), ("pictures/gone.png".into(), None)]
    }

    /// Each picture's hash as it was.
    fn unchanged(path: &str) -> Option<String> {
        (path == "pictures/clock.svg").then(|| "c1".to_string())
    }

    fn kept() -> Option<Kept> {
        Some(Kept { made: made(), pictures: pictures() })
    }

    #[test]
    fn a_kept_leaflet_comes_back_and_an_unused_one_goes() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(&dir.path().join("pdf"));
        assert_eq!(cache.get("a", unchanged), None);
        cache.put("a", &made(), &pictures());
        cache.put("b", &made(), &pictures());
        std::fs::write(dir.path().join("pdf/notes.txt"), "not ours").unwrap();
        assert_eq!(cache.get("a", unchanged), kept());
        cache.prune();
        // A later build that uses only `a`.
        let next = Cache::new(&dir.path().join("pdf"));
        assert_eq!(next.get("b", unchanged), None);
        assert_eq!(next.get("a", unchanged), kept());
        assert!(dir.path().join("pdf/notes.txt").exists(), "only entries are deleted");
    }

    #[test]
    fn a_leaflet_whose_picture_changed_or_appeared_is_not_used() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        cache.put("a", &made(), &pictures());
        assert_eq!(cache.get("a", |p| unchanged(p).map(|_| "c2".to_string())), None, "the clock changed");
        assert_eq!(cache.get("a", |_| Some("c1".to_string())), None, "the missing picture was added");
        assert_eq!(cache.get("a", |_| None), None, "the clock was deleted");
        assert_eq!(cache.get("a", unchanged), kept());
    }

    #[test]
    fn an_entry_cut_short_is_not_used() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        cache.put("a", &made(), &pictures());
        let file = dir.path().join("a.leaflet");
        let bytes = std::fs::read(&file).unwrap();
        std::fs::write(&file, &bytes[..bytes.len() - 8]).unwrap();
        assert_eq!(cache.get("a", unchanged), None);
        std::fs::write(&file, b"garbage").unwrap();
        assert_eq!(cache.get("a", unchanged), None);
    }

    #[test]
    fn keys_differ_when_any_input_does() {
        assert_ne!(key([b"ab".as_slice(), b"c"]), key([b"a".as_slice(), b"bc"]));
        assert_eq!(key([b"x".as_slice()]), key([b"x".as_slice()]));
    }
}
