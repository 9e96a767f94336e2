//! Errors that stop a build before any page is written (exit status 2): bad configuration,
//! front matter, templates, locales, file names, or a refused output folder. Each carries the
//! file, line and column, and a hint in plain words for a content editor.

use std::fmt;
use std::path::PathBuf;

/// One problem with the site's input, located as precisely as we can.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Site-relative path with `/` separators (or the path as given, for command-line input).
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A problem in `file` with no position.
    pub fn new(file: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic { file: file.into(), line: None, column: None, message: message.into(), hint: None }
    }

    /// Sets line and column (both 1-based).
    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// Sets the line only.
    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    /// Adds a hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// `file:line:column`, leaving out what is unknown.
    pub fn location(&self) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", self.file),
            (Some(l), None) => format!("{}:{l}", self.file),
            _ => self.file.clone(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "error: {}: {}", self.location(), self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  help: {hint}")?;
        }
        Ok(())
    }
}

/// Why a command could not run. All of these exit with status 2.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// One or more problems in the site's files.
    #[error("{}", display_all(.0))]
    Input(Vec<Diagnostic>),
    /// The command line asked for something impossible or unsafe.
    #[error("error: {0}")]
    Usage(String),
    /// Something the system or clearleaf itself could not do, whatever the input: a server or
    /// file watcher that could not start, a report that could not be printed.
    #[error("error: {0}")]
    Internal(String),
    /// Reading or writing a file failed.
    #[error("error: {}: {source}", .path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
}

fn display_all(all: &[Diagnostic]) -> String {
    all.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
}

impl Error {
    /// A single located input problem.
    pub fn input(d: Diagnostic) -> Self {
        Error::Input(vec![d])
    }

    /// Wraps an I/O error with the path it happened on.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io { path: path.into(), source }
    }
}

impl From<Diagnostic> for Error {
    fn from(d: Diagnostic) -> Self {
        Error::input(d)
    }
}

/// Result type of the pipeline.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// "Did you mean …?" for a misspelt key, when one of `known` is close enough.
pub fn did_you_mean<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known.into_iter().map(|k| (strsim::jaro_winkler(word, k), k)).filter(|(score, _)| *score > 0.8).max_by(|a, b| a.0.total_cmp(&b.0)).map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_keys_only() {
        assert_eq!(did_you_mean("titel", ["title", "date"]), Some("title"));
        assert_eq!(did_you_mean("review-due", ["review_due", "reviewed"]), Some("review_due"));
        assert_eq!(did_you_mean("colour", ["title", "date"]), None);
    }

    #[test]
    fn location_leaves_out_unknown_parts() {
        assert_eq!(Diagnostic::new("a.md", "x").at(3, 8).location(), "a.md:3:8");
        assert_eq!(Diagnostic::new("a.md", "x").at_line(3).location(), "a.md:3");
        assert_eq!(Diagnostic::new("a.md", "x").location(), "a.md");
    }
}
