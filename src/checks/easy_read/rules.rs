//! The Easy-read (ER-*) and plain-language (PL-*) rules on a page's text
//! (`notes/a11y-easyread-spec.md` §2.1). Every hit names the block's markdown line and quotes
//! the words it is about; its help says what to do.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use scraper::ElementRef;

use super::readability::{Counts, Formula, Readability, is_english};
use super::segment;
use super::text::{Block, Explained, Kind};
use crate::checks::Lexicon;
use crate::checks::a11y::{Doc, dom::style_prop, source_line};
use crate::checks::lexicon::lower_case;
use crate::config::EasyRead;
use crate::finding::Severity;
use crate::markdown::glossary::Glossary;
use crate::rules::{self, Rule};
use crate::variant::Form;

/// What the rules know about the page.
pub struct Ctx<'a> {
    /// The language of the content (not of the chrome: a fallback page shows another language).
    pub lang: &'a str,
    /// Standard or Easy read.
    pub form: Form,
    /// Thresholds.
    pub settings: &'a EasyRead,
    /// Word lists of the content's language.
    pub lexicon: Option<&'a Lexicon>,
    /// The glossary of the content's language.
    pub glossary: Option<&'a Glossary>,
    /// The line of `title:` in the front matter (the `<h1>`).
    pub title_line: Option<usize>,
    /// Front matter `checked_by` and `checked_on` are both there.
    pub checked: bool,
    /// The theme shows `em` and `i` without italics on Easy-read pages.
    pub theme_unitalicises_em: bool,
}

/// One broken rule.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Rule ID.
    pub rule: &'static Rule,
    /// Default severity.
    pub severity: Severity,
    /// Markdown line.
    pub line: Option<usize>,
    /// What is wrong, quoting the words.
    pub message: String,
    /// What to do.
    pub help: String,
}

fn hit(rule: &'static Rule, severity: Severity, line: Option<usize>, message: String, help: String) -> Hit {
    Hit { rule, severity, line, message, help }
}

/// A sentence of a block.
struct Sent<'b> {
    block: usize,
    line: Option<usize>,
    range: Range<usize>,
    text: &'b str,
    words: Vec<(Range<usize>, &'b str)>,
    /// The words lower-cased, on Easy-read pages only (the rules on standard pages do not use
    /// them).
    lower: Vec<Cow<'b, str>>,
}

/// Quotes a sentence or phrase: whole when short, else its start and end.
pub fn quote(s: &str) -> String {
    let s = s.trim();
    if s.chars().count() <= 90 {
        return format!("“{s}”");
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    let head = words.iter().take(9).copied().collect::<Vec<_>>().join(" ");
    let tail = words.iter().rev().take(4).rev().copied().collect::<Vec<_>>().join(" ");
    format!("“{head} … {tail}”")
}

/// Runs the text rules on the page's blocks; returns the hits and the page's readability.
pub fn run(blocks: &[Block], ctx: &Ctx<'_>) -> (Vec<Hit>, Option<Readability>) {
    let mut out = Vec::new();
    let no_abbr = Vec::new();
    let abbreviations = ctx.lexicon.map_or(&no_abbr, |l| &l.abbreviations);
    let english = is_english(ctx.lang);
    let line_of = |b: &Block| if b.kind == Kind::Title { b.line.or(ctx.title_line) } else { b.line };
    let mut sents: Vec<Sent<'_>> = Vec::new();
    let mut per_block: Vec<Vec<usize>> = vec![Vec::new(); blocks.len()];
    let mut counts = Counts::default();
    let easy = ctx.form == Form::Easy;
    for (bi, b) in blocks.iter().enumerate() {
        for s in segment::sentences(&b.text, abbreviations) {
            let text = &b.text[s.range.clone()];
            let words: Vec<(Range<usize>, &str)> = segment::words(text).into_iter().map(|(r, w)| (r.start + s.range.start..r.end + s.range.start, w)).collect();
            if words.is_empty() {
                continue;
            }
            counts.add_words(words.iter().map(|(_, w)| *w), english);
            per_block[bi].push(sents.len());
            let lower = if easy { words.iter().map(|(_, w)| lower_case(w)).collect() } else { Vec::new() };
            sents.push(Sent { block: bi, line: line_of(b), range: s.range, text, words, lower });
        }
    }
    let st = ctx.settings;

    // Sentence length.
    for s in &sents {
        let n = s.words.len();
        if easy && n > st.max_sentence_words {
            let severity = if n > st.max_sentence_words_error { Severity::Error } else { Severity::Warning };
            out.push(hit(
                &rules::ER_SENTENCE_LENGTH,
                severity,
                s.line,
                format!("This sentence has {n} words: {}.", quote(s.text)),
                format!("Split this sentence: it has {n} words; Easy-read sentences have {} or fewer.", st.max_sentence_words),
            ));
        } else if !easy && n > st.standard_max_sentence_words {
            out.push(hit(
                &rules::PL_SENTENCE_LENGTH,
                Severity::Warning,
                s.line,
                format!("This sentence has {n} words: {}.", quote(s.text)),
                format!("Split this sentence: it has {n} words; plain-language sentences have {} or fewer.", st.standard_max_sentence_words),
            ));
        }
    }

    let readability = counts.score(ctx.lang);
    if let Some(r) = &readability {
        readability_hits(blocks, &sents, &counts, r, ctx, &mut out);
    }
    if !easy {
        return (out, readability);
    }

    // One idea per sentence; punctuation.
    for s in &sents {
        one_idea(s, ctx, &mut out);
        punctuation(s, &mut out);
    }

    // Sentences per paragraph or row.
    for (bi, b) in blocks.iter().enumerate() {
        let n = per_block[bi].len();
        if b.kind.is_paragraph() && n > st.max_paragraph_sentences {
            let first = &sents[per_block[bi][0]];
            out.push(hit(
                &rules::ER_PARAGRAPH,
                Severity::Warning,
                line_of(b),
                format!("This paragraph has {n} sentences, starting {}.", quote(first.text)),
                format!("Split it: Easy-read paragraphs and picture rows have {} sentences or fewer, each with its own picture.", st.max_paragraph_sentences),
            ));
        }
    }

    // Page length.
    let mut total = 0;
    for s in &sents {
        let before = total;
        total += s.words.len();
        if before <= st.max_page_words && total > st.max_page_words {
            let all: usize = sents.iter().map(|s| s.words.len()).sum();
            out.push(hit(
                &rules::ER_LENGTH,
                Severity::Warning,
                s.line,
                format!("This page has {all} words; it passes {} words at this sentence: {}.", st.max_page_words, quote(s.text)),
                format!("Split the page into shorter pages, each about one thing: Easy-read pages have {} words or fewer.", st.max_page_words),
            ));
        }
    }

    if !ctx.checked {
        out.push(hit(
            &rules::ER_CHECKED,
            Severity::Warning,
            Some(1),
            "This Easy read page does not say who checked it with Easy read readers.".into(),
            "Check it with people who use Easy read, then add `checked_by:` (who checked it) and `checked_on:` (when) to its front matter.".into(),
        ));
    }

    capitals_and_acronyms(blocks, &sents, ctx, &mut out);
    hard_words(blocks, &sents, ctx, &mut out);
    numerals(&sents, ctx, &mut out);
    if english {
        passive(&sents, &mut out);
    }
    (out, readability)
}

fn readability_hits(blocks: &[Block], sents: &[Sent<'_>], counts: &Counts, r: &Readability, ctx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let st = ctx.settings;
    if r.relative_only || counts.words < st.readability_min_words {
        return;
    }
    let easy = ctx.form == Form::Easy;
    let (rule, fails, aim) = match (r.formula, easy) {
        (Formula::FleschReadingEase, true) => {
            let grade = r.grade.unwrap_or(0.0);
            (&rules::ER_READABILITY, r.score < st.min_reading_ease || grade > st.max_grade, format!("Easy read aims for {} or more, and grade {} or lower", st.min_reading_ease, st.max_grade))
        }
        (Formula::FleschReadingEase, false) => {
            let grade = r.grade.unwrap_or(0.0);
            (
                &rules::PL_READABILITY,
                r.score < st.standard_min_reading_ease || grade > st.standard_max_grade,
                format!("plain language aims for {} or more, and grade {} or lower", st.standard_min_reading_ease, st.standard_max_grade),
            )
        }
        (Formula::Lix, true) => (&rules::ER_READABILITY, r.score > st.max_lix, format!("Easy read aims for {} or lower", st.max_lix)),
        (Formula::Lix, false) => (&rules::PL_READABILITY, r.score > st.standard_max_lix, format!("plain language aims for {} or lower", st.standard_max_lix)),
    };
    if !fails {
        return;
    }
    // Point at the hardest block with at least 8 words (or the hardest of all).
    let english = is_english(ctx.lang);
    let mut by_block: HashMap<usize, Counts> = HashMap::new();
    for s in sents {
        by_block.entry(s.block).or_default().add_words(s.words.iter().map(|(_, w)| *w), english);
    }
    let hardest = by_block
        .iter()
        .filter_map(|(&b, c)| c.score(ctx.lang).map(|r| (b, c.words, r.score)))
        .max_by(|a, b| {
            let key = |x: &(usize, usize, f64)| (x.1 >= 8, if r.formula.higher_is_easier() { -x.2 } else { x.2 });
            key(a).partial_cmp(&key(b)).unwrap_or(std::cmp::Ordering::Equal).then(b.0.cmp(&a.0))
        })
        .map(|(b, _, _)| b);
    let (line, words) = match hardest {
        Some(b) => {
            let block = &blocks[b];
            let line = if block.kind == Kind::Title { block.line.or(ctx.title_line) } else { block.line };
            (line, format!(" The hardest part is {}.", quote(&block.text)))
        }
        None => (None, String::new()),
    };
    let grade = r.grade.map(|g| format!(" and grade {g:.1}")).unwrap_or_default();
    out.push(hit(
        rule,
        Severity::Warning,
        line,
        format!("This page scores {:.1} on {}{grade} ({aim}).{words}", r.score, r.formula.label()),
        "Use shorter sentences and shorter, everyday words: one idea in each sentence.".into(),
    ));
}

fn one_idea(s: &Sent<'_>, ctx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let chars: Vec<char> = s.text.chars().collect();
    let commas = chars.iter().enumerate().filter(|&(i, c)| matches!(c, ',' | '،' | '、') && !(i > 0 && chars[i - 1].is_ascii_digit() && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit()))).count();
    let semicolons = chars.iter().filter(|c| matches!(c, ';' | '؛')).count();
    let words = &s.lower;
    let mut joins: Vec<String> = Vec::new();
    if let Some(lex) = ctx.lexicon {
        let conjunctions = &lex.phrases().clause_conjunctions;
        for (i, w) in words.iter().enumerate() {
            if conjunctions.iter().any(|c| phrase_at(words, i, c)) {
                joins.push(w.to_string());
            } else if lex.clause_joiners.iter().any(|j| j == w) && words.get(i + 1).is_some_and(|n| lex.subject_words.iter().any(|s| s == n)) && i > 0 {
                joins.push(format!("{w} {}", words[i + 1]));
            }
        }
    }
    let mut why = Vec::new();
    if semicolons > 0 {
        why.push("a semicolon".to_string());
    }
    if commas > ctx.settings.max_sentence_commas {
        why.push(format!("{commas} commas"));
    }
    if joins.len() >= 2 {
        why.push(format!("the joining words {}", and_list(&joins.iter().map(|j| format!("“{j}”")).collect::<Vec<_>>())));
    }
    if why.is_empty() {
        return;
    }
    let list = if commas >= 2 { " If it lists 3 or more things, make a bulleted list." } else { "" };
    // No brackets inside brackets: the reasons are a sentence of their own.
    out.push(hit(
        &rules::ER_ONE_IDEA,
        Severity::Warning,
        s.line,
        format!("This sentence may hold more than one idea: it has {}. The sentence is {}.", and_list(&why), quote(s.text)),
        format!("Give each idea its own short sentence.{list}"),
    ));
}

/// `a`, `a and b`, `a, b and c`.
fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [rest @ .., last] => format!("{} and {}", rest.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(", "), last.as_ref()),
    }
}

/// Whether a phrase, split into its lower-case words (as [`Lexicon::phrases`] holds them),
/// stands at word `i` of a sentence's lower-cased words.
fn phrase_at<P: AsRef<str>>(words: &[Cow<'_, str>], i: usize, phrase: &[P]) -> bool {
    !phrase.is_empty() && words.get(i..i + phrase.len()).is_some_and(|ws| ws.iter().zip(phrase).all(|(w, p)| w == p.as_ref()))
}

fn punctuation(s: &Sent<'_>, out: &mut Vec<Hit>) {
    let mut marks: Vec<&str> = Vec::new();
    let mut seen = HashSet::new();
    let text = s.text;
    for (i, c) in text.char_indices() {
        let name = match c {
            ';' | '؛' => "a semicolon (;)",
            '/' => {
                // Addresses and dates are not sentences' punctuation.
                let token_start = text[..i].rfind(char::is_whitespace).map_or(0, |p| p + 1);
                let token_end = text[i..].find(char::is_whitespace).map_or(text.len(), |p| i + p);
                let token = &text[token_start..token_end];
                if token.contains("://")
                    || token.starts_with("www.")
                    || token.contains('@')
                    || token.chars().filter(|c| c.is_ascii_digit()).count() >= 3 && token.chars().all(|c| c.is_ascii_digit() || c == '/' || c == '.')
                {
                    continue;
                }
                "a slash (/)"
            }
            '&' => {
                let before = text[..i].chars().next_back();
                let after = text[i + 1..].chars().next();
                if before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric) {
                    // Part of an acronym such as A&E: ER-ACRONYM looks at those.
                    continue;
                }
                "an ampersand (&)"
            }
            '(' | '[' | '{' | '（' => "brackets",
            _ => continue,
        };
        if seen.insert(name) {
            marks.push(name);
        }
    }
    if marks.is_empty() {
        return;
    }
    let words = and_list(&marks);
    out.push(hit(
        &rules::ER_PUNCTUATION,
        Severity::Warning,
        s.line,
        format!("This sentence uses {words}: {}.", quote(text)),
        "Use simple punctuation: full stops, and commas only when needed. Write “and” instead of &, split the sentence at a ; or /, and say what is in brackets in a sentence of its own.".into(),
    ));
}

/// A run of characters that may be an acronym or a capitalised word: letters, digits, `&`, `'`.
fn caps_tokens(text: &str) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        let part = c.is_alphanumeric() || c == '&' || c == '\'' || c == '’';
        match (start, part) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let t = text[s..i].trim_matches(|c| c == '&' || c == '\'' || c == '’');
                let s2 = s + text[s..i].find(t).unwrap_or(0);
                if !t.is_empty() {
                    out.push((s2..s2 + t.len(), t));
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Letters of a token in capitals: the token without a plural `s` if it is all capitals.
fn caps_word(token: &str) -> Option<&str> {
    let base = token.strip_suffix("'s").or_else(|| token.strip_suffix("’s")).or_else(|| token.strip_suffix('s')).filter(|b| b.chars().filter(|c| c.is_alphabetic()).count() >= 2).unwrap_or(token);
    let letters: Vec<char> = base.chars().filter(|c| c.is_alphabetic()).collect();
    (letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())).then_some(base)
}

fn is_roman(s: &str) -> bool {
    s.chars().all(|c| "IVXLCDM".contains(c))
}

fn allowed(word: &str, ctx: &Ctx<'_>) -> bool {
    let in_list = |l: &[String]| l.iter().any(|a| a == word || a.strip_suffix('s') == Some(word));
    ctx.lexicon.is_some_and(|l| in_list(&l.acronym_allow)) || in_list(&ctx.settings.acronyms) || ctx.glossary.is_some_and(|g| g.entry_for(word).is_some())
}

/// Whether a sentence says what something means ("… means …").
fn explains(s: &Sent<'_>, ctx: &Ctx<'_>) -> bool {
    let words = &s.lower;
    ctx.lexicon.is_some_and(|l| (0..words.len()).any(|i| l.phrases().explain_markers.iter().any(|m| phrase_at(words, i, m))))
}

fn in_explained<'a>(block: &'a Block, range: &Range<usize>) -> Option<&'a Explained> {
    block.explained.iter().find(|(r, _)| r.start <= range.start && range.end <= r.end).map(|(_, e)| e)
}

/// The sentence (index into `sents`) holding a byte range of a block.
fn sentence_of(sents: &[Sent<'_>], block: usize, at: usize) -> Option<usize> {
    sents.iter().position(|s| s.block == block && s.range.start <= at && at < s.range.end.max(s.range.start + 1))
}

fn capitals_and_acronyms(blocks: &[Block], sents: &[Sent<'_>], ctx: &Ctx<'_>, out: &mut Vec<Hit>) {
    // Acronyms: every use, to know whether any use is explained.
    let mut acronyms: Vec<(String, usize, Range<usize>)> = Vec::new();
    for (bi, b) in blocks.iter().enumerate() {
        let tokens = caps_tokens(&b.text);
        let mut i = 0;
        while i < tokens.len() {
            let Some(word) = caps_word(tokens[i].1).filter(|w| !is_roman(w)) else {
                i += 1;
                continue;
            };
            // A run of capitalised words separated by spaces only.
            let mut j = i + 1;
            while j < tokens.len() && caps_word(tokens[j].1).is_some() && b.text[tokens[j - 1].0.end..tokens[j].0.start].chars().all(char::is_whitespace) {
                j += 1;
            }
            let run: Vec<&str> = tokens[i..j].iter().filter_map(|t| caps_word(t.1)).collect();
            let line = if b.kind == Kind::Title { b.line.or(ctx.title_line) } else { b.line };
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            if run.len() >= 2 && run.iter().any(|w| !allowed(w, ctx)) || run.len() == 1 && letters >= 6 && !allowed(word, ctx) {
                let phrase = &b.text[tokens[i].0.start..tokens[j - 1].0.end];
                out.push(hit(
                    &rules::ER_NO_CAPS,
                    Severity::Warning,
                    line,
                    format!("“{phrase}” is written in capital letters."),
                    "Write it in small letters: capitals are harder to read. To stress something, use bold (**word**) or a short sentence of its own.".into(),
                ));
            } else if run.len() == 1 && !allowed(word, ctx) {
                acronyms.push((word.to_string(), bi, tokens[i].0.clone()));
            }
            i = j;
        }
    }
    let mut reported = HashSet::new();
    for (word, bi, _) in &acronyms {
        if reported.contains(word) {
            continue;
        }
        let uses: Vec<&(String, usize, Range<usize>)> = acronyms.iter().filter(|(w, _, _)| w == word).collect();
        let explained = uses.iter().any(|(_, b, r)| {
            let block = &blocks[*b];
            if in_explained(block, r).is_some() {
                return true;
            }
            let before = block.text[..r.start].trim_end();
            let after = block.text[r.end..].trim_start();
            if before.ends_with('(') || after.starts_with('(') {
                return true;
            }
            match sentence_of(sents, *b, r.start) {
                Some(si) => explains(&sents[si], ctx) || sents.get(si + 1).is_some_and(|n| n.block == *b && explains(n, ctx)),
                None => false,
            }
        });
        if explained {
            reported.insert(word.clone());
            continue;
        }
        reported.insert(word.clone());
        let block = &blocks[*bi];
        let line = if block.kind == Kind::Title { block.line.or(ctx.title_line) } else { block.line };
        out.push(hit(
            &rules::ER_ACRONYM,
            Severity::Error,
            line,
            format!("The acronym “{word}” is not explained on this page."),
            format!(
                "Write the words in full, or say what it means in the next sentence (“{word} means …”), or add it to the glossary or to `easy_read.acronyms` in site.yaml if every reader knows it."
            ),
        ));
    }
    // Latin abbreviations and words.
    if let Some(lex) = ctx.lexicon {
        let mut seen = HashSet::new();
        for s in sents {
            let lower = s.text.to_lowercase();
            for latin in &lex.latin_abbreviations {
                let l = latin.to_lowercase();
                if seen.contains(&l) {
                    continue;
                }
                if let Some(at) = find_word(&lower, &l) {
                    if l == "per" && lower[at + 3..].trim_start().starts_with("cent") {
                        continue;
                    }
                    seen.insert(l.clone());
                    let shown = &s.text[at..(at + l.len()).min(s.text.len())];
                    out.push(hit(
                        &rules::ER_ACRONYM,
                        Severity::Warning,
                        s.line,
                        format!("“{shown}” is Latin or an abbreviation: {}.", quote(s.text)),
                        "Use plain words instead: “for example” for e.g., “that means” for i.e., “and more” for etc.".into(),
                    ));
                }
            }
        }
    }
}

/// Byte offset of `needle` in `hay` as a whole word (both lower case).
fn find_word(hay: &str, needle: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = hay[from..].find(needle) {
        let at = from + p;
        let before = hay[..at].chars().next_back();
        let after = hay[at + needle.len()..].chars().next();
        let ends_with_stop = needle.ends_with('.');
        if before.is_none_or(|c| !c.is_alphanumeric()) && (ends_with_stop || after.is_none_or(|c| !c.is_alphanumeric())) {
            return Some(at);
        }
        from = at + needle.len().max(1);
        while !hay.is_char_boundary(from) {
            from += 1;
        }
    }
    None
}

fn hard_words(blocks: &[Block], sents: &[Sent<'_>], ctx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let mut list: Vec<String> = ctx.lexicon.map(|l| l.hard_words.clone()).unwrap_or_default();
    list.extend(ctx.settings.hard_words.iter().cloned());
    if list.is_empty() {
        return;
    }
    let mut reported = HashSet::new();
    let list: Vec<String> = list.iter().map(|h| h.to_lowercase()).collect();
    // Split once: each hard word is tried at every word of every sentence.
    let parts: Vec<Vec<&str>> = list.iter().map(|h| h.split_whitespace().collect()).collect();
    for (si, s) in sents.iter().enumerate() {
        let words = &s.lower;
        for (hard_l, parts) in list.iter().zip(&parts) {
            if reported.contains(hard_l) {
                continue;
            }
            let Some(i) = (0..words.len()).find(|&i| matches_inflected(words, i, parts)) else { continue };
            let n = parts.len();
            let range = s.words[i].0.start..s.words[i + n - 1].0.end;
            let used = &blocks[s.block].text[range.clone()];
            // Explained: by the glossary (linked on this page, or a glossary word), or by the text.
            let glossary = in_explained(&blocks[s.block], &range).is_some()
                || ctx.glossary.is_some_and(|g| g.find(s.text).iter().any(|m| m.range.start + s.range.start <= range.start && range.end <= m.range.end + s.range.start));
            let by_text = explains(s, ctx) || sents.get(si + 1).is_some_and(|n| explains(n, ctx));
            reported.insert(hard_l.clone());
            if glossary || by_text {
                continue;
            }
            out.push(hit(
                &rules::ER_HARD_WORDS,
                Severity::Warning,
                s.line,
                format!("“{used}” is a hard word, and it is not explained: {}.", quote(s.text)),
                format!("Use an easier word, or say what it means in the next sentence (“{used} means …”), or add it to the glossary (locales/{}/glossary.yaml).", ctx.lang),
            ));
        }
    }
}

/// Whether the (possibly multi-word) hard word, split into its words `parts`, starts at word
/// `i`, allowing -s, -es, -ed, -d, -ing and -ies endings on its last word.
fn matches_inflected(words: &[Cow<'_, str>], i: usize, parts: &[&str]) -> bool {
    if parts.is_empty() {
        return false;
    }
    for (k, p) in parts.iter().enumerate() {
        let Some(w) = words.get(i + k) else { return false };
        let last = k + 1 == parts.len();
        if w == p {
            continue;
        }
        if !last {
            return false;
        }
        // Compared by stripping, not by building each inflected form: this runs for every word
        // of every sentence against every hard word.
        let inflected = |stem: &str| w.strip_prefix(stem).is_some_and(|suf| ["s", "es", "ed", "d", "ing"].contains(&suf));
        let stem_e = p.strip_suffix('e').unwrap_or(p);
        let ok = inflected(p) || inflected(stem_e) || p.strip_suffix('y').is_some_and(|s| w.strip_prefix(s).is_some_and(|suf| suf == "ies" || suf == "ied"));
        if !ok {
            return false;
        }
    }
    true
}

/// ER-GLOSSARY: glossary words are used but readers cannot see a "Words we use" section.
pub fn glossary_missing(blocks: &[Block], glossary: Option<&Glossary>, doc: &Doc, title_line: Option<usize>) -> Option<Hit> {
    let g = glossary?;
    let (block, m) = blocks.iter().find_map(|b| g.find(&b.text).into_iter().next().map(|m| (b, m)))?;
    let section = doc.by_id("words-we-use").filter(|s| !doc.is_hidden(s));
    if section.is_some() {
        return None;
    }
    let word = &block.text[m.range];
    let line = if block.kind == Kind::Title { block.line.or(title_line) } else { block.line };
    Some(hit(
        &rules::ER_GLOSSARY,
        Severity::Warning,
        line,
        format!("This page uses glossary words such as “{word}”, but it has no visible “Words we use” section."),
        "clearleaf adds the section to the page content: keep `{{ content | safe }}` whole in the theme's templates, and do not hide the section.".into(),
    ))
}

fn numerals(sents: &[Sent<'_>], ctx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let Some(lex) = ctx.lexicon else { return };
    let english = is_english(ctx.lang);
    for s in sents {
        let words = &s.lower;
        // Number words.
        let found = (0..words.len()).find_map(|i| {
            let w = lex.number_words.iter().zip(&lex.phrases().number_words).filter(|(_, p)| phrase_at(words, i, p)).max_by_key(|(n, _)| n.len())?.0;
            if english && w == "two" && i >= 2 && words[i - 1] == "or" && words[i - 2] == "one" {
                return None;
            }
            let n = w.split_whitespace().count();
            // "twenty-two", "twenty two": quote both parts.
            let extra = if english && ENGLISH_TENS.contains(&w.as_str()) && words.get(i + 1).is_some_and(|n| english_value(n).is_some_and(|v| v < 10)) { 1 } else { 0 };
            let range = s.words[i].0.start..s.words[i + n - 1 + extra].0.end;
            Some((range, i, n + extra))
        });
        if let Some((range, i, n)) = found {
            let shown = &s.text[range.start - s.range.start..range.end - s.range.start];
            let digits = if english { english_number(&words[i..i + n]).map(|v| format!(": {v}")).unwrap_or_default() } else { String::new() };
            out.push(hit(
                &rules::ER_NUMERALS,
                Severity::Warning,
                s.line,
                format!("“{shown}” is a number written in words: {}.", quote(s.text)),
                format!("Write numbers with digits{digits}. Digits are easier to find and to read."),
            ));
        }
        // Percentages.
        let lower = s.text.to_lowercase();
        let percent = s.text.contains(['%', '٪', '﹪']) || lex.percent_words.iter().any(|p| find_word(&lower, &p.to_lowercase()).is_some());
        if percent {
            out.push(hit(
                &rules::ER_NUMERALS,
                Severity::Warning,
                s.line,
                format!("This sentence uses a percentage: {}.", quote(s.text)),
                "Percentages are hard for many readers: say “1 in 10 people” instead of “10%”.".into(),
            ));
        }
    }
}

const ENGLISH_TENS: &[&str] = &["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

fn english_value(w: &str) -> Option<u32> {
    const SMALL: &[&str] =
        &["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
    SMALL.iter().position(|s| *s == w).map(|v| v as u32).or_else(|| ENGLISH_TENS.iter().position(|t| *t == w).map(|v| 20 + 10 * v as u32))
}

fn english_number(words: &[Cow<'_, str>]) -> Option<u32> {
    words.iter().map(|w| english_value(w)).sum()
}

/// English passive heuristic: a form of "be", up to 2 adverbs, then a past participle.
fn passive(sents: &[Sent<'_>], out: &mut Vec<Hit>) {
    const BE: &[&str] = &["am", "is", "are", "was", "were", "be", "been", "being", "isn't", "aren't", "wasn't", "weren't", "isn’t", "aren’t", "wasn’t", "weren’t"];
    const ADVERBS: &[&str] =
        &["not", "also", "always", "often", "usually", "sometimes", "never", "only", "still", "then", "just", "already", "all", "probably", "being", "been", "now", "normally", "really", "quickly"];
    const IRREGULAR: &[&str] = &[
        "given",
        "taken",
        "seen",
        "done",
        "made",
        "known",
        "shown",
        "told",
        "kept",
        "held",
        "sent",
        "paid",
        "brought",
        "bought",
        "written",
        "found",
        "heard",
        "sold",
        "taught",
        "understood",
        "chosen",
        "driven",
        "eaten",
        "forgotten",
        "forgiven",
        "hidden",
        "spoken",
        "stolen",
        "broken",
        "woken",
        "worn",
        "torn",
        "drawn",
        "grown",
        "thrown",
        "blown",
        "shaken",
        "beaten",
        "bitten",
        "caught",
        "fed",
        "led",
        "built",
        "spent",
        "lent",
        "meant",
        "dealt",
        "won",
        "hung",
        "struck",
        "stuck",
        "sworn",
        "begun",
        "put",
        "set",
        "let",
        "left",
        "withheld",
        "overseen",
    ];
    const NOT_PARTICIPLES: &[&str] = &[
        "worried",
        "scared",
        "frightened",
        "tired",
        "bored",
        "interested",
        "excited",
        "married",
        "pleased",
        "surprised",
        "confused",
        "annoyed",
        "ashamed",
        "embarrassed",
        "concerned",
        "disabled",
        "qualified",
        "supposed",
        "used",
        "based",
        "closed",
        "hundred",
        "bed",
        "red",
        "shed",
        "need",
        "speed",
        "seed",
        "feed",
        "indeed",
        "naked",
        "wicked",
        "sacred",
        "beloved",
        "aged",
        "ragged",
        "rugged",
        "learned",
        "exhausted",
        "stressed",
        "depressed",
        "relaxed",
        "isolated",
        "unwanted",
        "unexpected",
        "unemployed",
        "employed",
        "retired",
        "entitled",
        "detailed",
        "skilled",
        "experienced",
        "prepared",
        "involved",
        "agreed",
        "allowed",
    ];
    for s in sents {
        let words = &s.lower;
        for i in 0..words.len() {
            if !BE.contains(&&*words[i]) {
                continue;
            }
            let mut j = i + 1;
            while j < words.len() && j <= i + 3 && ADVERBS.contains(&&*words[j]) {
                j += 1;
            }
            let Some(p) = words.get(j).map(|p| &**p) else { continue };
            let participle = IRREGULAR.contains(&p) || (p.len() >= 5 && p.ends_with("ed") && !p.ends_with("eed") && !NOT_PARTICIPLES.contains(&p));
            if !participle || NOT_PARTICIPLES.contains(&p) {
                continue;
            }
            let range = s.words[i].0.start - s.range.start..s.words[j].0.end - s.range.start;
            out.push(hit(
                &rules::ER_PASSIVE,
                Severity::Warning,
                s.line,
                format!("“{}” may be passive: {}.", &s.text[range], quote(s.text)),
                "Say who does it: “The nurse gives you a leaflet” is easier than “You are given a leaflet”.".into(),
            ));
            break;
        }
    }
}

/// ER-PICTURE-ROW, ER-NO-ITALIC and ER-NO-UNDERLINE: rules on the elements of the content.
pub fn element_rules(doc: &Doc, ctx: &Ctx<'_>) -> Vec<Hit> {
    let mut out = Vec::new();
    let Some(main) = doc.elements().find(|e| e.value().name() == "main") else { return out };
    let class = |e: &ElementRef<'_>, c: &str| e.value().has_class(c, scraper::CaseSensitivity::CaseSensitive);
    // What each element's ancestors are, worked out once for all (a walk up from each element
    // made the rule grow with the square of the page's nesting).
    let has_line = |e: &ElementRef<'_>| e.value().attr(crate::line_marker::LINE_ATTR).is_some();
    let under_marker = doc.ancestor_flags(has_line);
    let under_row = doc.ancestor_flags(|a| class(a, "picture-row"));
    let under_notes = doc.ancestor_flags(|a| class(a, "footnotes") || class(a, "words-we-use") || matches!(a.value().name(), "table" | "pre"));
    let flag = |flags: &[bool], e: &ElementRef<'_>| doc.position(e).is_some_and(|i| flags[i]);
    let from_markdown = |e: &ElementRef<'_>| has_line(e) || flag(&under_marker, e);
    let text_of = |e: &ElementRef<'_>| crate::checks::a11y::dom::collapse(&e.text().collect::<String>());
    for el in main.descendants().filter_map(ElementRef::wrap) {
        if doc.is_hidden(&el) || !from_markdown(&el) {
            continue;
        }
        let name = el.value().name();
        let line = source_line(doc, el.id());
        let in_row = flag(&under_row, &el);
        let in_notes = flag(&under_notes, &el);
        if class(&el, "picture-row") {
            picture_row(doc, &el, line, &mut out);
        } else if !in_row && !in_notes && (name == "p" || name == "li") {
            // Text of its own (not only the text of nested lists).
            let own: String = el
                .children()
                .filter_map(|c| match c.value() {
                    scraper::Node::Text(t) => Some(t.to_string()),
                    scraper::Node::Element(e) if !matches!(e.name(), "ul" | "ol" | "p" | "div" | "img") => ElementRef::wrap(c).map(|c| c.text().collect::<String>()),
                    _ => None,
                })
                .collect();
            let has_picture = el.children().filter_map(ElementRef::wrap).any(|c| c.value().name() == "img");
            if own.chars().any(char::is_alphanumeric) && !has_picture {
                let what = if name == "li" { "list item" } else { "paragraph" };
                out.push(hit(
                    &rules::ER_PICTURE_ROW,
                    Severity::Error,
                    line,
                    format!("This {what} has no picture beside it: {}.", quote(&crate::checks::a11y::dom::collapse(&own))),
                    "In Easy read, start each paragraph or list item with a picture that shows its idea: ![A phone](pictures/phone.svg) Call 111.".into(),
                ));
            }
        }
        // Italics.
        let italic_style = style_prop(&el, "font-style").is_some_and(|(v, _)| v.starts_with("italic") || v.starts_with("oblique"));
        let italic_tag = matches!(name, "cite" | "var" | "dfn" | "address") || (matches!(name, "em" | "i") && !ctx.theme_unitalicises_em);
        if italic_style || italic_tag {
            out.push(hit(
                &rules::ER_NO_ITALIC,
                Severity::Error,
                line,
                format!("“{}” is shown in italics.", text_of(&el)),
                "Easy read does not use italics: they are hard to read. Use bold (**word**) to stress a word, or no style at all.".into(),
            ));
        }
        // Underline on things that are not links.
        let underline_style = name != "a" && style_prop(&el, "text-decoration").or_else(|| style_prop(&el, "text-decoration-line")).is_some_and(|(v, _)| v.contains("underline"));
        if underline_style || matches!(name, "u" | "ins") {
            out.push(hit(
                &rules::ER_NO_UNDERLINE,
                Severity::Error,
                line,
                format!("“{}” is underlined, but it is not a link.", text_of(&el)),
                "In Easy read only links are underlined, so readers know what they can follow. Use bold (**word**) to stress a word.".into(),
            ));
        }
    }
    out
}

fn picture_row(doc: &Doc, row: &ElementRef<'_>, line: Option<usize>, out: &mut Vec<Hit>) {
    let children: Vec<ElementRef<'_>> = row.children().filter_map(ElementRef::wrap).filter(|c| !doc.is_not_rendered(c)).collect();
    let images: Vec<ElementRef<'_>> = row.descendants().filter_map(ElementRef::wrap).filter(|c| c.value().name() == "img").collect();
    let text_el = children.iter().find(|c| c.value().has_class("picture-row__text", scraper::CaseSensitivity::CaseSensitive));
    let words = text_el.map(|t| crate::checks::a11y::dom::collapse(&t.text().collect::<String>())).unwrap_or_default();
    let help = "Start the row with one picture that shows the idea, described in its alt text, then the words: ![A phone](pictures/phone.svg) Call 111.";
    let quoted = if words.is_empty() { String::new() } else { format!(": {}", quote(&words)) };
    if images.is_empty() {
        out.push(hit(&rules::ER_PICTURE_ROW, Severity::Error, line, format!("This picture row has no picture{quoted}."), help.into()));
        return;
    }
    if images.len() > 1 {
        out.push(hit(
            &rules::ER_PICTURE_ROW,
            Severity::Error,
            line,
            format!("This picture row has {} pictures; a row has one{quoted}.", images.len()),
            "Give each picture its own row, with its own words.".into(),
        ));
    }
    let first = &images[0];
    if children.first().is_none_or(|c| c.id() != first.id()) {
        out.push(hit(
            &rules::ER_PICTURE_ROW,
            Severity::Error,
            line,
            format!("The picture in this row does not come first{quoted}."),
            "Put the picture first (at the start of the line), then the words.".into(),
        ));
    }
    let alt = first.value().attr("alt").unwrap_or("").trim().to_string();
    if alt.is_empty() || first.value().attr("role").is_some_and(|r| r == "presentation" || r == "none") {
        out.push(hit(
            &rules::ER_PICTURE_ROW,
            Severity::Error,
            line,
            format!("The picture in this row has no description, so it is decorative{quoted}."),
            "Easy read pictures carry meaning: describe what the picture shows in its alt text, ![A phone](pictures/phone.svg).".into(),
        ));
    }
    if !words.chars().any(char::is_alphanumeric) {
        out.push(hit(
            &rules::ER_PICTURE_ROW,
            Severity::Error,
            line,
            format!("This picture row has a picture (“{alt}”) but no words."),
            "Write the idea beside the picture, in one to three short sentences.".into(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_long_sentences_by_their_ends() {
        assert_eq!(quote("Call 111."), "“Call 111.”");
        let long = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty.";
        assert_eq!(quote(long), "“one two three four five six seven eight nine … seventeen eighteen nineteen twenty.”");
    }

    #[test]
    fn inflections_of_hard_words() {
        fn w(s: &str) -> Vec<Cow<'_, str>> {
            s.split(' ').map(Cow::from).collect()
        }
        let matches = |words: &str, i: usize, hard: &str| matches_inflected(&w(words), i, &hard.split_whitespace().collect::<Vec<_>>());
        assert!(matches("you were detained today", 2, "detained"));
        assert!(matches("two referrals", 1, "referral"));
        assert!(matches("she facilitated it", 1, "facilitate"));
        assert!(matches("the nearest relatives", 1, "nearest relative"));
        assert!(!matches("the nearest shop", 1, "nearest relative"));
    }

    #[test]
    fn caps_tokens_keep_ampersands() {
        let t: Vec<&str> = caps_tokens("Go to A&E (or the GP's) NOW.").into_iter().map(|(_, t)| t).collect();
        assert_eq!(t, ["Go", "to", "A&E", "or", "the", "GP's", "NOW"]);
        assert_eq!(caps_word("GPs"), Some("GP"));
        assert_eq!(caps_word("GP's"), Some("GP"));
        assert_eq!(caps_word("NHS"), Some("NHS"));
        assert_eq!(caps_word("Go"), None);
        assert_eq!(caps_word("I"), None);
    }

    #[test]
    fn english_numbers() {
        assert_eq!(english_number(&["twenty".into(), "two".into()]), Some(22));
        assert_eq!(english_number(&["three".into()]), Some(3));
    }

    #[test]
    fn phrases_match_lower_cased_words() {
        use crate::checks::lexicon::phrase_words;
        let words: Vec<Cow<'_, str>> = ["One", "or", "two", "ΣΑΣ"].map(lower_case).to_vec();
        assert!(matches!(words[1], Cow::Borrowed(_)), "a word in lower case already is not copied");
        assert!(phrase_at(&words, 0, &phrase_words("one or")));
        assert!(phrase_at(&words, 1, &phrase_words("Or  Two")), "the phrase is lower-cased and split on any space");
        assert!(phrase_at(&words, 3, &phrase_words("ΣΑΣ")), "lower-cased as str::to_lowercase does it: a final Σ becomes ς");
        assert_eq!(words[3], "σας");
        assert!(!phrase_at(&words, 2, &phrase_words("two three")));
        assert!(!phrase_at(&words, 0, &phrase_words(" ")));
    }
}
