//! Rules on the words of a page: Easy read rules (`ER-*`) on Easy read pages, plain-language
//! rules (`PL-*`) on standard pages.

use super::{Rule, Scope, Severity};

/// Short sentences.
pub static ER_SENTENCE_LENGTH: Rule = Rule {
    id: "ER-SENTENCE-LENGTH",
    severity: Severity::Warning,
    scope: Scope::Page,
    summary: "Easy read sentences have at most 15 words (a warning above, an error above 20).",
    help: r##"Long sentences are hard to hold in mind. Headings and list items count as sentences. The
limits are `max_sentence_words` and `max_sentence_words_error` under `easy_read:`.

Before:

```markdown
![A clock](clock.svg) You can call the helpline at any time of the day or the night if you feel that you need some help.
```

After:

```markdown
![A clock](clock.svg) You can call the helpline at any time. Call if you need help.
```"##,
    wcag: &[],
    act: &[],
    implemented: true,
};

/// One idea a sentence.
pub static ER_ONE_IDEA: Rule = Rule {
    id: "ER-ONE-IDEA",
    severity: Severity::Warning,
    scope: Scope::Page,
    summary: "Easy read sentences say one thing: no semicolon, at most 1 comma, few joining words.",
    help: r##"Each sentence should hold one idea. Split sentences that join several.

Before:

```markdown
![A phone](phone.svg) Call us, text us, or write to us.
```

After:

```markdown
![A phone](phone.svg) Call us or text us.

![A letter](letter.svg) You can write to us too.
```"##,
    wcag: &[],
    act: &[],
    implemented: true,
};

/// Short paragraphs.
pub static ER_PARAGRAPH: Rule = Rule {
    id: "ER-PARAGRAPH",
    severity: Severity::Warning,
    scope: Scope::Page,
    summary: "Easy read paragraphs, picture rows and list items have at most 3 sentences.",
    help: r##"A few sentences beside each picture keep the page easy to follow. The limit is
`max_paragraph_sentences` under `easy_read:`.

Before:

```markdown
![A phone](phone.svg) Call us. Text us. Email us. Visit us.
```

After:

```markdown
![A phone](phone.svg) Call us. Text us. Email us.

![A house](house.svg) Visit us.
```"##,
    wcag: &[],
    act: &[],
    implemented: true,
};

/// A picture beside each idea.
pub static ER_PICTURE_ROW: Rule = Rule {
    id: "ER-PICTURE-ROW",
    severity: Severity::Error,
    scope: Scope::Page,
    summary: "Each Easy read paragraph or list item starts with one picture with alt text, then words.",
    help: r##"Easy read puts a picture beside each idea, on the same side every time. Start each
paragraph with its picture.

Before:

```markdown
This paragraph has no picture.
```

After:

```markdown
![A doctor](doctor.svg) This paragraph has a picture.
```"##,
    wcag: &[],
    act: &[],
    implemented: true,
};

/// No italics.
pub static ER_NO_ITALIC: Rule = Rule {
    id: "ER-NO-ITALIC",
    severity: Severity::Error,
    scope: Scope::Page,
    summary: "Easy read text has no italics, in the words or from the theme.",
    help: r##"Slanted letters are harder to read. Use bold to stress a word.

Before:

```markdown
![A book](book.svg) Read <cite>The Big Guide</cite> today.
```

After:

```markdown
![A book](book.svg) Read **The Big Guide** today.
```"##,
    wcag: &[],
    act: &[],
    implemented: true,
};

/// No underlines except links.
pub static ER_NO_UNDERLINE: Rule = Rule {
    id: "ER-NO-UNDERLINE",
    severity: Severity::Error,
    scope: Scope::Page,
    summary: "Easy read text is underlined only in links.",
    help: r##"Underlined words look like links. Use bold to stress a word.

Before:

```markdown
![A sign](sign.svg) This is <u>very important</u>.
```

After:

```markdown
![A sign](sign.svg) This is **very important**.
```"##,
    wcag: &[],
    act: &[],
    implemented: true,
};

/// No capitals.
pub static ER_NO_CAPS: Rule = Rule {
    id: "ER-NO-CAPS",
    severity: Severity::Warning,
    scope: Scope::Page,
    summary: "Easy read text has no words in capitals, other than known acronyms.",
    help: r##"WORDS IN CAPITALS lose their shape and are harder to read. Acronyms every reader knows
can be listed under `easy_read: acronyms:`.

Before:

```markdown
![A sign](sign.svg) Please DO NOT wait.
```

After:

```markdown
![A sign](sign.svg) Please do **not** wait.
```"##,
    wcag: &[],
    act: &[],
    implemented: true,
};

/// Acronyms are explained.
pub static ER_ACRONYM: Rule = Rule {
    id: "ER-ACRONYM",
    severity: Severity::Error,
    scope: Scope::Page,
    summary: "Easy read acronyms are explained or known; no Latin abbreviations (those are warnings).",
    help: r##"Say what an acronym means on the page (in words next to it, in the glossary, or in
`<abbr title>`), or list it under `easy_read: acronyms:` if every reader knows it. Write
"for example" instead of "e.g.".

Before:

```markdown
![A team](team.svg) Ask your CMHT for help.
```

After:

```markdown
![A team](team.svg) Ask your CMHT for help. CMHT means community mental health team.
```"##,
    wcag: &["3.1.4"],
    act: &[],
    implemented: true,
};

/// Hard words are explained.
pub static ER_HARD_WORDS: Rule = Rule {
    id: "ER-HARD-WORDS",
    severity: Severity::Warning,
    scope: Scope::Page,
    summary: "Easy read hard words are in the glossary, or explained in their sentence or the next.",
    help: r##"Use an easier word, or explain the hard one. The lists are in `lexicon/<lang>.yaml` and
`easy_read: hard_words:`; the glossary is `locales/<lang>/glossary.yaml`.

Before:

```markdown
![A form](form.svg) You may be eligible for help.
```

After:

```markdown
![A form](form.svg) You may be eligible for help. Eligible means you can get it.
```"##,
    wcag: &["3.1.3"],
    act: &[],
    implemented: true,
};

/// The glossary section is shown.
pub static ER_GLOSSARY: Rule = Rule {
    id: "ER-GLOSSARY",
    severity: Severity::Warning,
    scope: Scope::Page,
    summary: "An Easy read page that uses glossary words shows the \"Words we use\" section.",
    help: r##"clearleaf adds the section at the end of the content. A theme that drops or hides part of
`{{ content | safe }}` loses it.

Before:

```html
<main id="main">{{ content | truncate(length=500) | safe }}</main>
```

After:

```html
<main id="main">{{ content | safe }}</main>
```"##,
    wcag: &["3.1.3"],
    act: &[],
    implemented: true,
};

/// Numbers as digits.
pub static ER_NUMERALS: Rule = Rule {
    id: "ER-NUMERALS",
    severity: Severity::Warning,
    scope: Scope::Page,
    summary: "Easy read numbers are written as digits, and percentages are avoided.",
    help: r##"Digits are easier to spot and read than number words. "1 in 4" is easier than "25%".

Before:

```markdown
![Pills](pills.svg) Take three tablets a day.
```

After:

```markdown
![Pills](pills.svg) Take 3 tablets a day.
```"##,
    wcag: &[],
    act: &[],
    implemented: true,
};

/// Active sentences.
pub static ER_PASSIVE: Rule = Rule {
    id: "ER-PASSIVE",
    severity: Severity::Warning,
    scope: Scope::Page,
    summary: "English Easy read sentences are not passive.",
    help: r##"Say who does what. The check is a guess, so it is a warning; turn it off with
`checks: {ER-PASSIVE: off}` if it does not suit your site.

Before:

```markdown
![A leaflet](leaflet.svg) You are given a leaflet.
```

After:

```markdown
![A leaflet](leaflet.svg) The nurse gives you a leaflet.
```"##,
    wcag: &[],
    act: &[],
    implemented: true,
};

/// Plain punctuation.
pub static ER_PUNCTUATION: Rule = Rule {
    id: "ER-PUNCTUATION",
    severity: Severity::Warning,
    scope: Scope::Page,
    summary: "Easy read sentences have no ; / & or brackets, and the theme does not hyphenate (an error).",
    help: r##"These marks are hard for many readers. Split the sentence, or use words.

Before:

```markdown
![A phone](phone.svg) Call us (at any time).
```

After:

```markdown
![A phone](phone.svg) Call us at any time.
```"##,
    wcag: &[],
    act: &[],
    implemented: true,
};

/// Short pages.
pub static ER_LENGTH: Rule = Rule {
    id: "ER-LENGTH",
    severity: Severity::Warning,
    scope: Scope::Page,
    summary: "An Easy read page has at most 1000 words.",
    help: r##"Long Easy read documents tire readers. Split the page into several, each about one
thing. The limit is `max_page_words` under `easy_read:`.

Before:

```markdown
content/help.easy.md   (1400 words on benefits, housing and health)
```

After:

```markdown
content/help/benefits.easy.md   (500 words)
content/help/housing.easy.md    (450 words)
content/help/health.easy.md     (450 words)
```"##,
    wcag: &[],
    act: &[],
    implemented: true,
};

/// Easy read readability.
pub static ER_READABILITY: Rule = Rule {
    id: "ER-READABILITY",
    severity: Severity::Warning,
    scope: Scope::Page,
    summary: "An Easy read page reaches the Easy read readability mark, and is easier than its standard page.",
    help: r##"Readability scores count word and sentence lengths: short, common words in short
sentences score best. The marks are under `easy_read:` (`min_reading_ease`, `max_grade`,
`max_lix`).

Before:

```markdown
![A doctor](doctor.svg) Multidisciplinary professionals coordinate comprehensive assessments.
```

After:

```markdown
![A doctor](doctor.svg) A team of people will talk to you. They will ask how you feel.
```"##,
    wcag: &["3.1.5"],
    act: &[],
    implemented: true,
};

/// Easy read pages say who checked them.
pub static ER_CHECKED: Rule = Rule {
    id: "ER-CHECKED",
    severity: Severity::Warning,
    scope: Scope::Page,
    summary: "An Easy read page's front matter says who checked it and when (checked_by, checked_on).",
    help: r##"Easy read is only easy if people who use it have checked it. Record who did, and when.

Before:

```markdown
---
title: Getting help
---
```

After:

```markdown
---
title: Getting help
checked_by: Our reading group
checked_on: 2026-09-10
---
```"##,
    wcag: &[],
    act: &[],
    implemented: true,
};

/// One word for one thing (not checked yet).
pub static ER_CONSISTENT_TERMS: Rule = Rule {
    id: "ER-CONSISTENT-TERMS",
    severity: Severity::Warning,
    scope: Scope::Page,
    summary: "Easy read pages use one word for one thing. Not checked yet.",
    help: r##"Switching between "doctor" and "GP" makes readers wonder whether they are two people.
clearleaf does not check this yet.

Before:

```markdown
![A doctor](doctor.svg) See your doctor. Your GP can help.
```

After:

```markdown
![A doctor](doctor.svg) See your doctor. Your doctor can help.
```"##,
    wcag: &[],
    act: &[],
    implemented: false,
};

/// No figures of speech (not checked yet).
pub static ER_FIGURATIVE: Rule = Rule {
    id: "ER-FIGURATIVE",
    severity: Severity::Warning,
    scope: Scope::Page,
    summary: "Easy read pages have no idioms or metaphors. Not checked yet.",
    help: r##"Idioms are read word for word by many Easy read readers. Say what you mean. clearleaf
does not check this yet.

Before:

```markdown
![A person](person.svg) If you feel under the weather, call us.
```

After:

```markdown
![A person](person.svg) If you feel ill, call us.
```"##,
    wcag: &["3.1.3"],
    act: &[],
    implemented: false,
};

/// Plain-language sentence length.
pub static PL_SENTENCE_LENGTH: Rule = Rule {
    id: "PL-SENTENCE-LENGTH",
    severity: Severity::Warning,
    scope: Scope::Page,
    summary: "Sentences on standard pages have at most 25 words.",
    help: r##"Plain language keeps sentences short on every page, not only Easy read ones. The limit is
`standard_max_sentence_words` under `easy_read:`.

Before:

```markdown
If you need to see a doctor urgently when your surgery is closed, for example at night or at the weekend, you can call the out-of-hours service on 111.
```

After:

```markdown
If you need a doctor urgently when your surgery is closed, call 111. This works at night and at the weekend.
```"##,
    wcag: &[],
    act: &[],
    implemented: true,
};

/// Plain-language readability.
pub static PL_READABILITY: Rule = Rule {
    id: "PL-READABILITY",
    severity: Severity::Warning,
    scope: Scope::Page,
    summary: "A standard page reaches the plain-language readability mark.",
    help: r##"Short, common words in short sentences are easier for everyone. The marks are under
`easy_read:` (`standard_min_reading_ease`, `standard_max_grade`, `standard_max_lix`).

Before:

```markdown
Individuals experiencing psychological distress should contact their practitioner.
```

After:

```markdown
If you feel very low or worried, talk to your doctor.
```"##,
    wcag: &["3.1.5"],
    act: &[],
    implemented: true,
};
