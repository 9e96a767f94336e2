//! How deeply the bracketed lists and groups of a YAML text (`[a, [b]]`, `{a: {b: c}}`) nest,
//! counted with the tokenizer the YAML library itself parses with, and refused past a limit.
//!
//! That tokenizer looks at every open bracket once for each token it reads, so its time grows
//! with the square of the nesting: a front matter 100,000 brackets deep took 31 s. Reading the
//! tokens here, and stopping at the first bracket past [`MAX_FLOW_DEPTH`], costs at most that
//! many looks per token; the real parse then runs only on text within the limit. Because the
//! count comes from the library's own tokens, brackets inside quotes, comments and block text
//! never count, and nothing the parser would nest can slip past.
//!
//! The tokenizer is `libyaml-rs`, a translation of the C libyaml with a C-style interface, so
//! this is the one module that needs `unsafe`: it follows the calls `yaml_serde` makes.

#![allow(unsafe_code)]

use std::mem::MaybeUninit;

use libyaml_rs as sys;

/// How many bracketed lists and groups may nest inside each other in one YAML text. The
/// library refuses more than 128 levels of any nesting anyway; no setting of clearleaf needs
/// more than two.
pub const MAX_FLOW_DEPTH: usize = 64;

/// Where a YAML text first nests brackets deeper than [`MAX_FLOW_DEPTH`]: the bracket that
/// opens one level too many, 1-based.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooDeep {
    /// Line in the YAML text.
    pub line: usize,
    /// Column (in bytes) on that line.
    pub column: usize,
}

/// Whether `text` nests brackets deeper than [`MAX_FLOW_DEPTH`]. Text the tokenizer cannot
/// read passes: the real parse reports the problem, at no greater cost, as it stops at the
/// same place.
pub fn check(text: &str) -> Result<(), TooDeep> {
    let mut parser = Box::new(MaybeUninit::<sys::yaml_parser_t>::uninit());
    let p = parser.as_mut_ptr();
    // SAFETY: `p` points at memory that lives until the end of this function; initialising
    // it is the first call, deleting it the last. The input outlives the parser.
    unsafe {
        if sys::yaml_parser_initialize(p).fail {
            return Ok(());
        }
        sys::yaml_parser_set_encoding(p, sys::YAML_UTF8_ENCODING);
        sys::yaml_parser_set_input_string(p, text.as_ptr(), text.len() as u64);
    }
    let mut depth = 0usize;
    let mut result = Ok(());
    loop {
        let mut token = MaybeUninit::<sys::yaml_token_t>::uninit();
        // SAFETY: the parser is initialised; `yaml_parser_scan` fills the whole token (zeroed
        // on error or after the end), and each token is deleted once, after its fields are read.
        let (kind, mark) = unsafe {
            let failed = sys::yaml_parser_scan(p, token.as_mut_ptr()).fail;
            let t = token.as_mut_ptr();
            let read = ((*t).type_, (*t).start_mark);
            sys::yaml_token_delete(t);
            if failed {
                break;
            }
            read
        };
        match kind {
            sys::YAML_FLOW_SEQUENCE_START_TOKEN | sys::YAML_FLOW_MAPPING_START_TOKEN => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    result = Err(TooDeep { line: mark.line as usize + 1, column: mark.column as usize + 1 });
                    break;
                }
            }
            sys::YAML_FLOW_SEQUENCE_END_TOKEN | sys::YAML_FLOW_MAPPING_END_TOKEN => depth = depth.saturating_sub(1),
            sys::YAML_STREAM_END_TOKEN | sys::YAML_NO_TOKEN => break,
            _ => {}
        }
    }
    // SAFETY: initialised above and not used after this.
    unsafe { sys::yaml_parser_delete(p) };
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(n: usize) -> String {
        format!("{}{}", "[".repeat(n), "]".repeat(n))
    }

    #[test]
    fn brackets_within_the_limit_pass() {
        assert_eq!(check(&format!("title: A\nx: {}\n", nested(MAX_FLOW_DEPTH))), Ok(()));
        assert_eq!(check("a: [1, {b: [2, 3]}]\nc: {d: e}\n"), Ok(()));
        assert_eq!(check(""), Ok(()));
    }

    #[test]
    fn one_level_too_many_is_found_at_its_bracket() {
        let err = check(&format!("title: A\nx: {}\n", nested(MAX_FLOW_DEPTH + 1))).unwrap_err();
        assert_eq!(err, TooDeep { line: 2, column: 4 + MAX_FLOW_DEPTH });
        // 100,000 deep, over many lines, in a group: still found where the limit is passed.
        let deep = format!("a:\n  {}\n", "{b:\n".repeat(100_000));
        assert_eq!(check(&deep).unwrap_err().line, 2 + MAX_FLOW_DEPTH);
    }

    #[test]
    fn brackets_in_quotes_comments_and_block_text_do_not_count() {
        let many = "[".repeat(1000);
        let text = format!("a: \"{many}\"\nb: '{many}'\n# {many}\nc: |\n  {many}\nd: [\"{}\", x]\ne: plain {many}\n", "]".repeat(1000));
        assert_eq!(check(&text), Ok(()));
    }
}
