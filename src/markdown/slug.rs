//! Heading ids: readable, stable and unique on the page, in any script.

use std::collections::HashSet;

/// Makes ids unique within one page.
#[derive(Debug, Default)]
pub struct Slugger {
    used: HashSet<String>,
}

impl Slugger {
    /// A slugger that will not hand out `reserved` (ids the theme uses).
    pub fn with_reserved(reserved: &[&str]) -> Self {
        Slugger { used: reserved.iter().map(|s| s.to_string()).collect() }
    }

    /// Claims an id given explicitly (`{#id}`); returns it unchanged if free, suffixed if not.
    pub fn claim(&mut self, id: &str) -> String {
        self.unique(id.to_string())
    }

    /// A lower-case, hyphenated id from heading text; letters of every script are kept.
    pub fn slug(&mut self, text: &str) -> String {
        let mut s = String::new();
        for c in text.chars().flat_map(char::to_lowercase) {
            if c.is_alphanumeric() {
                s.push(c);
            } else if (c.is_whitespace() || c == '-' || c == '_') && !s.ends_with('-') && !s.is_empty() {
                s.push('-');
            }
        }
        let s = s.trim_end_matches('-').to_string();
        self.unique(if s.is_empty() { "section".into() } else { s })
    }

    fn unique(&mut self, base: String) -> String {
        if self.used.insert(base.clone()) {
            return base;
        }
        (2..).map(|n| format!("{base}-{n}")).find(|c| self.used.insert(c.clone())).expect("an unused id")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        let mut s = Slugger::with_reserved(&["main"]);
        assert_eq!(s.slug("Who to call — at night?"), "who-to-call-at-night");
        assert_eq!(s.slug("Who to call: at night"), "who-to-call-at-night-2");
        assert_eq!(s.slug("Main"), "main-2");
        assert_eq!(s.slug("مدد کہاں سے ملے"), "مدد-کہاں-سے-ملے");
        assert_eq!(s.slug("!!!"), "section");
        assert_eq!(s.claim("top"), "top");
        assert_eq!(s.claim("top"), "top-2");
    }
}
