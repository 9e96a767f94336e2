//! One failing and one passing page for each Easy-read (ER-*) and plain-language (PL-*) rule,
//! through the real build: the finding must name the rule, the markdown file and line, and
//! quote the words it is about. Also: Urdu and Arabic sentence splitting in a real build, the
//! glossary's "Words we use" section, and ER-READABILITY between variants.

use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;

use crate::common;
use common::{check_findings as findings, write_file as write};

const CHECKED: &str = "checked_by: A reading group\nchecked_on: 2026-09-10\n";
/// The body starts on this line of the page file (with the CHECKED lines in the front matter).
const BODY_LINE: usize = 7;

fn page(title: &str, body: &str) -> String {
    format!("---\ntitle: {title}\ndescription: A page for one rule.\n{CHECKED}---\n{body}\n")
}

/// A site whose `content/page.easy.md` (or, for `easy == false`, `content/page.md`) has `body`.
fn site(body: &str, easy: bool, site_extra: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "site.yaml", format!("title: Rules\nbase_url: https://example.org/\nlanguages: [en, ur, ar]\nchecks:\n  EASY-READ-MISSING: off\n  A11Y-MULTIPLE-WAYS: off\n{site_extra}"));
    write(d, "content/_index.md", "---\ntitle: Home\n---\nSee [the test page](page.md).\n");
    write(d, "content/_index.easy.md", page("Home", "![A square](pic.svg) See [the test page](page.md)."));
    write(d, "content/pic.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 8 8\"><rect width=\"8\" height=\"8\"/></svg>\n");
    let (this, other) = if easy { ("content/page.easy.md", "content/page.md") } else { ("content/page.md", "content/page.easy.md") };
    write(d, this, page("Test page", body));
    write(d, other, page("Test page", if easy { "Words." } else { "![A square](pic.svg) Words." }));
    dir
}

/// (rule, failing Easy-read body, line of the offence in the body (1-based), words the message
/// quotes, passing body)
const EASY_CASES: &[(&str, &str, usize, &str, &str)] = &[
    (
        "ER-SENTENCE-LENGTH",
        "![A clock](pic.svg) Call us.\n\n![A clock](pic.svg) You can call the helpline at any time of the day or the night if you feel that you need some help.",
        3,
        "You can call the helpline",
        "![A clock](pic.svg) You can call the helpline at any time.",
    ),
    ("ER-ONE-IDEA", "![A phone](pic.svg) Call us, text us, or write to us.", 1, "Call us, text us", "![A phone](pic.svg) Call us or text us."),
    ("ER-ONE-IDEA", "![A phone](pic.svg) Call us but wait because we are busy.", 1, "the joining words “but” and “because”", "![A phone](pic.svg) Call us. We may be busy."),
    ("ER-PARAGRAPH", "![A phone](pic.svg) Call us.\nText us. Email us. Visit us.", 1, "Call us.", "![A phone](pic.svg) Call us. Text us. Email us."),
    ("ER-PICTURE-ROW", "![A phone](pic.svg) Call us.\n\nThis paragraph has no picture.", 3, "This paragraph has no picture", "![A phone](pic.svg) Call us.\n\n![A letter](pic.svg) Or write to us."),
    ("ER-PICTURE-ROW", "![A phone](pic.svg) Call us.\n\n![](pic.svg) Write to us.", 3, "Write to us", "![A phone](pic.svg) Call us.\n\n![A letter](pic.svg) Write to us."),
    ("ER-PICTURE-ROW", "- ![A phone](pic.svg) Call us.\n- Text us.", 2, "Text us", "- ![A phone](pic.svg) Call us.\n- ![A phone](pic.svg) Text us."),
    ("ER-NO-ITALIC", "![A book](pic.svg) Read\n<cite>The Big Guide</cite> today.", 2, "The Big Guide", "![A book](pic.svg) Read **The Big Guide** today."),
    ("ER-NO-UNDERLINE", "![A sign](pic.svg) This is <u>very important</u>.", 1, "very important", "![A sign](pic.svg) This is **very important**."),
    ("ER-NO-CAPS", "![A sign](pic.svg) Please DO NOT wait.", 1, "DO NOT", "![A sign](pic.svg) Please do not wait."),
    ("ER-NO-CAPS", "![A sign](pic.svg) This is IMPORTANT.", 1, "IMPORTANT", "![A sign](pic.svg) This is important."),
    ("ER-ACRONYM", "![A team](pic.svg) Ask your\nCMHT for help.", 1, "CMHT", "![A team](pic.svg) Ask your CMHT for help. CMHT means community team."),
    ("ER-ACRONYM", "![A team](pic.svg) Ask your <abbr>CMHT</abbr> for help.", 1, "CMHT", "![A team](pic.svg) Ask your <abbr title=\"community team\">CMHT</abbr> for help."),
    ("ER-ACRONYM", "![A letter](pic.svg) Bring a letter e.g. from your doctor.", 1, "e.g.", "![A letter](pic.svg) Bring a letter from your doctor."),
    ("ER-HARD-WORDS", "![A form](pic.svg) You may be eligible for help.", 1, "eligible", "![A form](pic.svg) You may be eligible for help. Eligible means you can get it."),
    ("ER-NUMERALS", "![Pills](pic.svg) Take three tablets a day.", 1, "three", "![Pills](pic.svg) Take 3 tablets a day."),
    ("ER-NUMERALS", "![People](pic.svg) About 25% of people feel this.", 1, "25%", "![People](pic.svg) About 1 in 4 people feel this."),
    ("ER-PASSIVE", "![A leaflet](pic.svg) You are given a leaflet.", 1, "are given", "![A leaflet](pic.svg) The nurse gives you a leaflet."),
    ("ER-PUNCTUATION", "![A phone](pic.svg) Call us (at any time).", 1, "brackets", "![A phone](pic.svg) Call us at any time."),
    ("ER-PUNCTUATION", "![A phone](pic.svg) Call us; we can help.", 1, "semicolon", "![A phone](pic.svg) Call us. We can help."),
    (
        "ER-READABILITY",
        "![A doctor](pic.svg) Psychological interventions facilitate rehabilitation.\n\n![A doctor](pic.svg) Multidisciplinary professionals coordinate comprehensive individualised assessments.\n\n![A doctor](pic.svg) Pharmacological treatment necessitates considerable monitoring.\n\n![A doctor](pic.svg) Community organisations provide supplementary opportunities.\n\n![A doctor](pic.svg) Occupational therapists recommend environmental modifications.\n\n![A doctor](pic.svg) Rehabilitation programmes emphasise independence.",
        1,
        "The hardest part is “Psychological interventions facilitate rehabilitation.”",
        "![A doctor](pic.svg) You can talk to a doctor.\n\n![A doctor](pic.svg) The doctor will ask how you feel.\n\n![A doctor](pic.svg) You can ask the doctor for help.\n\n![A doctor](pic.svg) You can bring a friend with you.\n\n![A doctor](pic.svg) The doctor can give you a pill.",
    ),
];

#[test]
fn each_easy_read_rule_fails_with_its_line_and_words_and_passes_when_fixed() {
    for (rule, bad, line, words, good) in EASY_CASES {
        let s = site(bad, true, "");
        let all = findings(s.path());
        let hit = all.iter().find(|f| f["rule"] == *rule).unwrap_or_else(|| panic!("{rule}: no finding for {bad:?}: {all:#?}"));
        assert_eq!(hit["file"], "content/page.easy.md", "{rule}: {hit}");
        assert_eq!(hit["line"].as_u64(), Some((BODY_LINE + line - 1) as u64), "{rule}: {hit}");
        assert!(hit["message"].as_str().unwrap().contains(words), "{rule}: the message does not quote {words:?}: {hit}");
        assert!(!hit["help"].as_str().unwrap().is_empty(), "{rule}: {hit}");

        let s = site(good, true, "");
        let all = findings(s.path());
        assert!(!all.iter().any(|f| f["rule"] == *rule), "{rule} still reported for {good:?}: {all:#?}");
    }
}

#[test]
fn sentence_length_is_a_warning_above_15_words_an_error_above_20_and_configurable() {
    let sixteen = "![A clock](pic.svg) You can call the helpline at any time of the day if you need some help.";
    let all = findings(site(sixteen, true, "").path());
    let hit = all.iter().find(|f| f["rule"] == "ER-SENTENCE-LENGTH").expect("a finding");
    assert_eq!(hit["severity"], "warning");
    assert_eq!(hit["help"], "Split this sentence: it has 16 words; Easy-read sentences have 15 or fewer.");
    let long = "![A clock](pic.svg) You can call the helpline at any time of the day or the night if you feel that you need some help.";
    let all = findings(site(long, true, "").path());
    let hit = all.iter().find(|f| f["rule"] == "ER-SENTENCE-LENGTH").expect("a finding");
    assert_eq!(hit["severity"], "error");
    assert_eq!(hit["help"], "Split this sentence: it has 22 words; Easy-read sentences have 15 or fewer.");
    let all = findings(site(long, true, "easy_read:\n  max_sentence_words: 25\n  max_sentence_words_error: 30\n").path());
    assert!(!all.iter().any(|f| f["rule"] == "ER-SENTENCE-LENGTH"), "{all:#?}");
}

#[test]
fn site_hard_words_and_acronyms() {
    let body = "![A form](pic.svg) Fill in the SAR form.\n\n![A form](pic.svg) Send it to the data officer.";
    let all = findings(site(body, true, "").path());
    assert!(all.iter().any(|f| f["rule"] == "ER-ACRONYM" && f["message"].as_str().unwrap().contains("SAR")), "{all:#?}");
    assert!(!all.iter().any(|f| f["rule"] == "ER-HARD-WORDS"), "{all:#?}");
    let all = findings(site(body, true, "easy_read:\n  acronyms: [SAR]\n  hard_words: [data officer]\n").path());
    assert!(!all.iter().any(|f| f["rule"] == "ER-ACRONYM"), "{all:#?}");
    let hit = all.iter().find(|f| f["rule"] == "ER-HARD-WORDS").expect("a hard word");
    assert_eq!(hit["line"].as_u64(), Some((BODY_LINE + 2) as u64));
    assert!(hit["message"].as_str().unwrap().contains("data officer"));
}

#[test]
fn checked_by_and_on_are_needed_on_easy_read_pages() {
    let s = site("![A clock](pic.svg) Call us.", true, "");
    assert!(!findings(s.path()).iter().any(|f| f["rule"] == "ER-CHECKED"));
    write(s.path(), "content/page.easy.md", "---\ntitle: Test page\n---\n![A clock](pic.svg) Call us.\n");
    let all = findings(s.path());
    let hit = all.iter().find(|f| f["rule"] == "ER-CHECKED").expect("ER-CHECKED");
    assert_eq!((hit["file"].as_str(), hit["line"].as_u64()), (Some("content/page.easy.md"), Some(1)));
}

#[test]
fn page_length() {
    let rows: Vec<String> = (0..120).map(|i| format!("![A clock](pic.svg) Row {i} has nine words in it for today.")).collect();
    let s = site(&rows.join("\n\n"), true, "");
    let all = findings(s.path());
    let hit = all.iter().find(|f| f["rule"] == "ER-LENGTH").expect("ER-LENGTH");
    // 2 words of title, then 9 a row: row 110 (from 0) passes 1000 words.
    assert_eq!(hit["line"].as_u64(), Some((BODY_LINE + 2 * 110) as u64), "{hit}");
    assert!(hit["message"].as_str().unwrap().contains("Row 110"), "{hit}");
    let s = site(&rows[..100].join("\n\n"), true, "");
    assert!(!findings(s.path()).iter().any(|f| f["rule"] == "ER-LENGTH"));
}

/// (rule, failing standard body, line, quoted words, passing body)
const STANDARD_CASES: &[(&str, &str, usize, &str, &str)] = &[
    (
        "PL-SENTENCE-LENGTH",
        "Short one.\n\nIf you are worried about your mental health and you do not know where to go, you can call the helpline at any time of the day or night and talk to someone.",
        3,
        "If you are worried",
        "If you are worried about your mental health, call the helpline. You can talk to someone at any time.",
    ),
    (
        "PL-READABILITY",
        "Psychological interventions, including cognitive behavioural therapy, are recommended for moderate presentations.\n\nMultidisciplinary professionals coordinate comprehensive individualised assessments, considering environmental circumstances and occupational functioning.\n\nThese decisions follow national guidance and local policies for mental health services.",
        3,
        "Multidisciplinary",
        "You can talk to a doctor about how you feel. The doctor will listen to you. They can help you find the right support. You can bring a friend with you if you like.",
    ),
];

#[test]
fn each_plain_language_rule_on_standard_pages() {
    for (rule, bad, line, words, good) in STANDARD_CASES {
        let all = findings(site(bad, false, "").path());
        let hit = all.iter().find(|f| f["rule"] == *rule).unwrap_or_else(|| panic!("{rule}: no finding: {all:#?}"));
        assert_eq!(hit["file"], "content/page.md", "{rule}: {hit}");
        assert_eq!(hit["line"].as_u64(), Some((BODY_LINE + line - 1) as u64), "{rule}: {hit}");
        assert!(hit["message"].as_str().unwrap().contains(words), "{rule}: {hit}");
        assert_eq!(hit["severity"], "warning");
        let all = findings(site(good, false, "").path());
        assert!(!all.iter().any(|f| f["rule"] == *rule), "{rule} still reported: {all:#?}");
        // Easy-read rules do not run on standard pages.
        assert!(!all.iter().any(|f| f["rule"].as_str().unwrap().starts_with("ER-") && f["file"] == "content/page.md"), "{all:#?}");
    }
}

#[test]
fn glossary_words_are_explained_in_a_words_we_use_section() {
    let body = "![A phone](pic.svg) Call the crisis line in a crisis.\n\n![A phone](pic.svg) A crisis can pass.";
    let s = site(body, true, "");
    let out = s.path().join("public");
    let o = cargo_bin_cmd!("clearleaf").args(["build", "--no-minify", "--today", "2026-11-21", "--root"]).arg(s.path()).arg("--out").arg(&out).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let html = std::fs::read_to_string(out.join("easy-read/page/index.html")).unwrap();
    assert!(
        html.contains("Call the <a class=\"glossary-term\" href=\"#words-we-use-crisis-line\">crisis line</a> in a <a class=\"glossary-term\" href=\"#words-we-use-crisis\">crisis</a>."),
        "{html}"
    );
    assert!(html.contains("<section aria-labelledby=\"words-we-use\" class=\"words-we-use\">\n<h2 id=\"words-we-use\">Words we use</h2>"), "{html}");
    assert!(html.contains("<dt id=\"words-we-use-crisis-line\">crisis line</dt>\n<dd>A phone number you can call when you need help in a crisis.</dd>"), "{html}");
    assert_eq!(html.matches("class=\"glossary-term\"").count(), 2, "only the first use is linked");
    // The standard page gets no section.
    let std = std::fs::read_to_string(out.join("page/index.html")).unwrap();
    assert!(!std.contains("words-we-use"));
    let all = findings(s.path());
    assert!(!all.iter().any(|f| f["rule"] == "LINK-BROKEN" || f["rule"] == "ER-GLOSSARY" || f["rule"] == "A11Y-ID-UNIQUE"), "{all:#?}");

    // A theme that hides the section: ER-GLOSSARY, at the first glossary word.
    write(
        s.path(),
        "themes/default/templates/page.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<div class=\"content\">\n{{ content | replace(from=\"<section class=\\\"words-we-use\\\"\", to=\"<section hidden class=\\\"words-we-use\\\"\") | safe }}\n</div>\n{% endblock content %}\n",
    );
    let all = findings(s.path());
    let hit = all.iter().find(|f| f["rule"] == "ER-GLOSSARY").unwrap_or_else(|| panic!("no ER-GLOSSARY: {all:#?}"));
    assert_eq!((hit["file"].as_str(), hit["line"].as_u64()), (Some("content/page.easy.md"), Some(BODY_LINE as u64)));
    assert!(hit["message"].as_str().unwrap().contains("crisis line"), "{hit}");
}

#[test]
fn a_broken_glossary_is_an_input_error() {
    let s = site("![A phone](pic.svg) Call us.", true, "");
    write(s.path(), "locales/en/glossary.yaml", "crisis:\n  meaning: x\n");
    let o = cargo_bin_cmd!("clearleaf").args(["check", "--root"]).arg(s.path()).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("locales/en/glossary.yaml"), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn urdu_and_arabic_sentences_are_split_in_the_build() {
    let s = site("![A phone](pic.svg) Call us.", true, "");
    // Urdu: four sentences in one row (۔ and ؟); Arabic: four (. and ؟).
    write(s.path(), "content/page.easy.ur.md", page("صفحہ", "![فون](pic.svg) ہمیں فون کریں۔ ہم مدد کریں گے۔ کیا آپ ٹھیک ہیں؟ ہم سنیں گے۔"));
    write(s.path(), "content/page.easy.ar.md", page("صفحة", "![هاتف](pic.svg) اتصل بنا. سنساعدك. هل أنت بخير؟ سنستمع إليك."));
    let all = findings(s.path());
    for (file, first) in [("content/page.easy.ur.md", "ہمیں فون کریں۔"), ("content/page.easy.ar.md", "اتصل بنا.")] {
        let hit = all.iter().find(|f| f["rule"] == "ER-PARAGRAPH" && f["file"] == file).unwrap_or_else(|| panic!("{file}: {all:#?}"));
        assert_eq!(hit["line"].as_u64(), Some(BODY_LINE as u64));
        assert!(hit["message"].as_str().unwrap().contains("4 sentences") && hit["message"].as_str().unwrap().contains(first), "{hit}");
    }
    // A long Urdu sentence.
    let long = "![فون](pic.svg) اگر آپ کو اپنی ذہنی صحت کے بارے میں فکر ہو اور آپ نہ جانتے ہوں کہ کہاں جائیں تو آپ دن یا رات کسی بھی وقت ہیلپ لائن پر فون کر سکتے ہیں۔";
    write(s.path(), "content/page.easy.ur.md", page("صفحہ", long));
    let all = findings(s.path());
    let hit = all.iter().find(|f| f["rule"] == "ER-SENTENCE-LENGTH" && f["file"] == "content/page.easy.ur.md").unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(hit["severity"], "error");
    assert!(hit["message"].as_str().unwrap().contains("اگر آپ کو اپنی"), "{hit}");
}

#[test]
fn easy_read_must_score_easier_than_standard_in_arabic() {
    let s = site("![A phone](pic.svg) Call us.", true, "");
    let easy = "![هاتف](pic.svg) تقدم المؤسسات المجتمعية خدمات استشارية متخصصة للمستفيدين والمستفيدات.\n\n![هاتف](pic.svg) تتضمن الاستراتيجيات العلاجية تدخلات نفسية واجتماعية متكاملة ومتعددة التخصصات.\n\n![هاتف](pic.svg) يستطيع المختصون تقييم الاحتياجات الفردية بالتنسيق مع المؤسسات الصحية.\n\n![هاتف](pic.svg) تساعد البرامج التأهيلية المستفيدين على استعادة استقلاليتهم الاجتماعية والمهنية.";
    let standard = "يمكنك أن تتصل بنا. نحن هنا لك. سنسمع منك. يمكنك أن تأتي مع صديق. لا تدفع شيئا. نحن نساعد كل يوم. اتصل في أي وقت. سنرد عليك. نحن فريق صغير. نحب أن نساعد.";
    write(s.path(), "content/page.easy.ar.md", page("صفحة", easy));
    write(s.path(), "content/page.ar.md", page("صفحة", standard));
    let all = findings(s.path());
    let hit = all.iter().find(|f| f["rule"] == "ER-READABILITY" && f["file"] == "content/page.easy.ar.md").unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(hit["line"].as_u64(), Some(1));
    assert!(hit["message"].as_str().unwrap().contains("LIX"), "{hit}");
    // No absolute readability finding for Arabic script.
    assert!(!all.iter().any(|f| f["rule"] == "PL-READABILITY" && f["file"] == "content/page.ar.md"), "{all:#?}");
    // Swapped, the Easy-read page is easier: no finding.
    write(s.path(), "content/page.easy.ar.md", page("صفحة", &format!("![هاتف](pic.svg) {standard}").replace(". ", ".\n\n![هاتف](pic.svg) ")));
    write(s.path(), "content/page.ar.md", page("صفحة", &easy.replace("![هاتف](pic.svg) ", "")));
    let all = findings(s.path());
    assert!(!all.iter().any(|f| f["rule"] == "ER-READABILITY" && f["file"] == "content/page.easy.ar.md"), "{all:#?}");
}

/// (rule, text in the built-in stylesheet, replacement, the text on the line the finding names)
const THEME_CASES: &[(&str, &str, &str, &str)] = &[
    ("ER-FONT-SIZE", "html.form-easy body { font-size: 1.375rem; }", "html.form-easy body { font-size: 1rem; }", "html.form-easy body { font-size: 1rem"),
    ("ER-LINE-HEIGHT", "html.form-easy p, html.form-easy li { line-height: 1.6;", "html.form-easy p, html.form-easy li { line-height: 1.2;", "line-height: 1.2"),
    ("ER-ALIGN", "line-height: 1.6; text-align: start; }", "line-height: 1.6; text-align: justify; }", "text-align: justify"),
    ("ER-LINE-LENGTH", "html.form-easy main { max-inline-size: 42rem; }", "html.form-easy main { max-inline-size: 60rem; }", "max-inline-size: 60rem"),
    ("ER-FONT-FAMILY", "  font-family: var(--font);\n", "  font-family: Georgia, serif;\n", "font-family: Georgia"),
    ("ER-NO-ITALIC", "html.form-easy em, html.form-easy i { font-style: normal;", "html.form-easy em, html.form-easy i { font-style: oblique;", "font-style: oblique"),
    ("ER-NO-UNDERLINE", "blockquote { border-inline-start", ".content p { text-decoration: underline; }\nblockquote { border-inline-start", ".content p { text-decoration: underline; }"),
    ("ER-NO-CAPS", "h2 { font-size: 1.5rem; }", "h2 { font-size: 1.5rem; text-transform: uppercase; }", "text-transform: uppercase"),
    ("ER-PUNCTUATION", "html.form-easy .content > p { margin-block-end: 1em; }", "html.form-easy .content > p { margin-block-end: 1em; hyphens: auto; }", "hyphens: auto"),
];

#[test]
fn theme_typography_rules_point_at_the_stylesheet() {
    let builtin = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/theme/clearleaf.css")).unwrap();
    let s = site("![A phone](pic.svg) Call us.", true, "");
    let all = findings(s.path());
    assert!(!all.iter().any(|f| f["file"].as_str().unwrap().ends_with(".css")), "the built-in theme has typography findings: {all:#?}");
    for (rule, from, to, marker) in THEME_CASES {
        assert!(builtin.contains(from), "{rule}: the built-in stylesheet no longer contains {from:?}");
        let css = builtin.replacen(from, to, 1);
        write(s.path(), "themes/default/static/theme/clearleaf.css", &css);
        let line = css.lines().position(|l| l.contains(marker)).unwrap() + 1;
        let all = findings(s.path());
        let hit = all.iter().find(|f| f["rule"] == *rule && f["file"].as_str().unwrap().ends_with(".css")).unwrap_or_else(|| panic!("{rule}: no finding: {all:#?}"));
        assert_eq!(hit["file"], "themes/default/static/theme/clearleaf.css", "{rule}: {hit}");
        assert_eq!(hit["line"].as_u64(), Some(line as u64), "{rule}: {hit}");
    }
    // A site without Easy-read pages gets no typography findings.
    std::fs::remove_file(s.path().join("content/page.easy.md")).unwrap();
    std::fs::remove_file(s.path().join("content/_index.easy.md")).unwrap();
    let all = findings(s.path());
    assert!(!all.iter().any(|f| f["file"].as_str().unwrap().ends_with(".css")), "{all:#?}");
}

#[test]
fn italic_emphasis_in_content_is_reported_when_the_theme_keeps_it_italic() {
    let body = "![A sign](pic.svg) This is *very* important.";
    let s = site(body, true, "");
    assert!(!findings(s.path()).iter().any(|f| f["rule"] == "ER-NO-ITALIC"), "the built-in theme shows em in bold");
    let builtin = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/theme/clearleaf.css")).unwrap();
    write(s.path(), "themes/default/static/theme/clearleaf.css", builtin.replace("html.form-easy em, html.form-easy i { font-style: normal; font-weight: 700; }", ""));
    let all = findings(s.path());
    let hit = all.iter().find(|f| f["rule"] == "ER-NO-ITALIC").unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!((hit["file"].as_str(), hit["line"].as_u64()), (Some("content/page.easy.md"), Some(BODY_LINE as u64)));
    assert!(hit["message"].as_str().unwrap().contains("very"), "{hit}");
}
