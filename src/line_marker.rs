//! The line marker: how the markdown line of each block, picture and link travels through the
//! templates to the checks, so that a finding can name the line an editor wrote. The renderer
//! is the only writer; the checks and the depth limit read it; pages are written without it.

/// The attribute carrying a source line (`data-cl-line="12"`). Raw HTML from authors never
/// keeps one: the sanitiser drops every `data-cl-*` attribute they wrote.
pub const LINE_ATTR: &str = "data-cl-line";
