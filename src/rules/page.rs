//! Rules on one page's final HTML: language, title, landmarks, headings, names of pictures,
//! links and controls, ARIA, tables and forms.

use super::{Rule, Scope, Severity};

/// `<html>` has a `lang`.
pub static A11Y_LANG_PRESENT: Rule = Rule {
    id: "A11Y-LANG-PRESENT",
    severity: Severity::Error,
    scope: Scope::Page,
    summary: "The page says which language it is in: <html> has a lang attribute.",
    help: r##"Screen readers choose their voice and pronunciation from the page's language. Without
`lang` on `<html>`, a Welsh page may be read aloud with English sounds. clearleaf's built-in
theme sets it from the page's language; a theme of your own must keep it.

Before:

```html
<html>
```

After:

```html
<html lang="{{ lang }}">
```"##,
    wcag: &["3.1.1"],
    act: &["b5c3f8"],
    implemented: true,
};

/// The page's `lang` is a known language.
pub static A11Y_LANG_VALID: Rule = Rule {
    id: "A11Y-LANG-VALID",
    severity: Severity::Error,
    scope: Scope::Page,
    summary: "The page's lang attribute names a known language.",
    help: r##"A language code that is not a real one (a typo, or a made-up code) is as bad as none:
assistive technology cannot pick a voice for it. Use a BCP 47 code such as `en`, `cy`, `pl`,
`ur` or `ar`.

Before:

```html
<html lang="english">
```

After:

```html
<html lang="en">
```"##,
    wcag: &["3.1.1"],
    act: &["bf051a"],
    implemented: true,
};

/// Every other `lang` on the page is valid.
pub static A11Y_LANG_PARTS: Rule = Rule {
    id: "A11Y-LANG-PARTS",
    severity: Severity::Error,
    scope: Scope::Page,
    summary: "Every lang attribute on a part of the page with text names a known language.",
    help: r##"Words in another language are marked with `lang`, so that they are read aloud in that
language. The code must be a real one.

Before:

```markdown
Say <span lang="xx">bore da</span>.
```

After:

```markdown
Say <span lang="cy">bore da</span>.
```"##,
    wcag: &["3.1.2"],
    act: &["de46e4"],
    implemented: true,
};

/// `<html lang>` is the variant's language.
pub static I18N_LANG_MATCHES: Rule = Rule {
    id: "I18N-LANG-MATCHES",
    severity: Severity::Error,
    scope: Scope::Page,
    summary: "The page's lang attribute is the language of the variant being built.",
    help: r##"clearleaf knows which language each page is in, from its file name. A theme that writes a
fixed language makes every translation claim to be in that language.

Before:

```html
<html lang="en">
```

After:

```html
<html lang="{{ lang }}">
```"##,
    wcag: &["3.1.1"],
    act: &[],
    implemented: true,
};

/// Right-to-left languages have `dir="rtl"`.
pub static I18N_DIR: Rule = Rule {
    id: "I18N-DIR",
    severity: Severity::Error,
    scope: Scope::Page,
    summary: "Pages in right-to-left languages have dir=\"rtl\" on <html>, and others do not.",
    help: r##"Urdu and Arabic are read from right to left. Without `dir="rtl"`, punctuation, lists and
the reading order come out wrong. The theme gets the direction from `{{ dir }}`.

Before:

```html
<html lang="{{ lang }}" dir="ltr">
```

After:

```html
<html lang="{{ lang }}" dir="{{ dir }}">
```"##,
    wcag: &["1.3.2"],
    act: &[],
    implemented: true,
};

/// Language links are marked up for the language they lead to.
pub static I18N_LANG_SWITCHER: Rule = Rule {
    id: "I18N-LANG-SWITCHER",
    severity: Severity::Error,
    scope: Scope::Page,
    summary: "Links to other languages carry lang and hreflang; the current language is marked aria-current.",
    help: r##"The name of each language in the switcher is written in that language ("Cymraeg",
"اردو"), so it needs its own `lang` to be read aloud properly, and `hreflang` tells where the
link leads. The current language's link says it is current.

Before:

```html
<a href="{{ l.url }}">{{ l.name }}</a>
```

After:

```html
<a href="{{ l.url }}" hreflang="{{ l.code }}" lang="{{ l.code }}" dir="{{ l.dir }}"{% if l.current %} aria-current="true"{% endif %}>{{ l.name }}</a>
```"##,
    wcag: &["3.1.2"],
    act: &[],
    implemented: true,
};

/// A non-empty `<title>`.
pub static A11Y_TITLE: Rule = Rule {
    id: "A11Y-TITLE",
    severity: Severity::Error,
    scope: Scope::Page,
    summary: "The page has a <title> that is not empty.",
    help: r##"The title is the first thing a screen reader says, and what a browser tab and a bookmark
show. The built-in theme writes the page title and the site's name.

Before:

```html
<title> </title>
```

After:

```html
<title>{{ page_title }}</title>
```"##,
    wcag: &["2.4.2"],
    act: &["2779a5"],
    implemented: true,
};

/// Zoom is not blocked.
pub static A11Y_VIEWPORT: Rule = Rule {
    id: "A11Y-VIEWPORT",
    severity: Severity::Error,
    scope: Scope::Page,
    summary: "The viewport does not stop readers zooming in.",
    help: r##"Many readers with low vision zoom in on a phone. `user-scalable=no`, or a
`maximum-scale` below 2, takes that away.

Before:

```html
<meta name="viewport" content="width=device-width, initial-scale=1, user-scalable=no">
```

After:

```html
<meta name="viewport" content="width=device-width, initial-scale=1">
```"##,
    wcag: &["1.4.4"],
    act: &["b4f0c3"],
    implemented: true,
};

/// No timed refresh or redirect.
pub static A11Y_REFRESH: Rule = Rule {
    id: "A11Y-REFRESH",
    severity: Severity::Error,
    scope: Scope::Page,
    summary: "The page does not refresh or redirect itself after a delay.",
    help: r##"A page that reloads or moves on by itself takes readers away before they have finished.
Redirect at once (a delay of 0), or link to the new page.

Before:

```html
<meta http-equiv="refresh" content="30">
```

After:

```html
<p>This page has moved: <a href="/help/">get help</a>.</p>
```"##,
    wcag: &["2.2.1", "2.2.4", "3.2.5"],
    act: &["bc659a"],
    implemented: true,
};

/// Ids are unique.
pub static A11Y_ID_UNIQUE: Rule = Rule {
    id: "A11Y-ID-UNIQUE",
    severity: Severity::Error,
    scope: Scope::Page,
    summary: "No id is used twice on a page.",
    help: r##"Labels, skip links and ARIA references find their element by id. With two elements of
the same id, they may find the wrong one. Heading anchors are a common cause: give the
heading its own id.

Before:

```markdown
## Contact {#main}
```

After:

```markdown
## Contact {#contact}
```"##,
    wcag: &["1.3.1", "4.1.2"],
    act: &["3ea0c8"],
    implemented: true,
};

/// No attribute written twice.
pub static A11Y_ATTR_DUP: Rule = Rule {
    id: "A11Y-ATTR-DUP",
    severity: Severity::Error,
    scope: Scope::Page,
    summary: "No element has the same attribute written twice.",
    help: r##"Browsers keep the first of two attributes of the same name and drop the other, so what
the theme meant is lost. It is often a template bug.

Before:

```html
<main id="main" tabindex="-1" tabindex="0">
```

After:

```html
<main id="main" tabindex="-1">
```"##,
    wcag: &[],
    act: &["e6952f"],
    implemented: true,
};

/// One `main`; `header`, `nav` and `footer` exist.
pub static A11Y_MAIN: Rule = Rule {
    id: "A11Y-MAIN",
    severity: Severity::Error,
    scope: Scope::Page,
    summary: "The page has one main landmark, and header, nav and footer landmarks.",
    help: r##"Screen reader users jump between landmarks. `main` holds the page's own content, once;
the missing `header`, `nav` or `footer` are warnings.

Before:

```html
<div class="content">{{ content | safe }}</div>
```

After:

```html
<main id="main" tabindex="-1">{{ content | safe }}</main>
```"##,
    wcag: &["1.3.1", "2.4.1"],
    act: &[],
    implemented: true,
};

/// The first focusable element skips to the main content.
pub static A11Y_SKIP_LINK: Rule = Rule {
    id: "A11Y-SKIP-LINK",
    severity: Severity::Error,
    scope: Scope::Page,
    summary: "The first thing the keyboard reaches is a link that skips to the main content.",
    help: r##"Keyboard users would otherwise go through the whole menu on every page. The skip link
must lead to the `main` element's id.

Before:

```html
<a class="skip-link" href="#top">Skip to content</a>
```

After:

```html
<a class="skip-link" href="#main">Skip to content</a>
```"##,
    wcag: &["2.4.1"],
    act: &[],
    implemented: true,
};

/// One `h1`.
pub static A11Y_H1: Rule = Rule {
    id: "A11Y-H1",
    severity: Severity::Error,
    scope: Scope::Page,
    summary: "The page has one main heading (h1): none is an error, more than one a warning.",
    help: r##"The theme prints the page title as the `h1`. Headings in the text start at `##`.

Before:

```markdown
# Opening times
```

After:

```markdown
## Opening times
```"##,
    wcag: &["1.3.1", "2.4.6"],
    act: &[],
    implemented: true,
};

/// Heading levels do not skip downwards.
pub static A11Y_HEADING_ORDER: Rule = Rule {
    id: "A11Y-HEADING-ORDER",
    severity: Severity::Warning,
    scope: Scope::Page,
    summary: "Heading levels do not skip going down (an error on Easy read pages).",
    help: r##"Readers use heading levels as an outline. A jump from `##` to `####` suggests a missing
part.

Before:

```markdown
## Part

#### Detail
```

After:

```markdown
## Part

### Detail
```"##,
    wcag: &["1.3.1"],
    act: &[],
    implemented: true,
};

/// Headings have a name.
pub static A11Y_HEADING_EMPTY: Rule = Rule {
    id: "A11Y-HEADING-EMPTY",
    severity: Severity::Error,
    scope: Scope::Page,
    summary: "Headings are not empty.",
    help: r##"An empty heading is announced as a heading with nothing in it, which confuses readers
who move from heading to heading.

Before:

```markdown
##
```

After:

```markdown
## Opening times
```"##,
    wcag: &[],
    act: &["ffd0e9"],
    implemented: true,
};

/// Pictures have alt text or are marked as decoration.
pub static A11Y_IMG_NAME: Rule = Rule {
    id: "A11Y-IMG-NAME",
    severity: Severity::Error,
    scope: Scope::Page,
    summary: "Pictures have alt text, or are marked as decoration.",
    help: r##"People who cannot see a picture hear its alt text instead. Say what the picture shows
and why it is there. A picture that adds nothing gets empty alt text (`alt=""`), so that it
is skipped. Image buttons, SVG pictures with a role and `<object>` need a name too.

Before:

```markdown
<img src="phone.svg">
```

After:

```markdown
![A phone](phone.svg)
```"##,
    wcag: &["1.1.1", "4.1.2"],
    act: &["23a2a8", "59796f", "7d6734", "8fc3b6"],
    implemented: true,
};

/// Alt text is not a file name, "image", or too long.
pub static A11Y_IMG_ALT_QUALITY: Rule = Rule {
    id: "A11Y-IMG-ALT-QUALITY",
    severity: Severity::Warning,
    scope: Scope::Page,
    summary: "Alt text is not a file name, not \"image\" or \"picture\", and not over 150 characters.",
    help: r##"Alt text such as `phone.svg` or "image" tells a listener nothing. Very long alt text
belongs in the page's text, where everyone can read it.

Before:

```markdown
![phone.svg](phone.svg)
```

After:

```markdown
![A phone](phone.svg)
```"##,
    wcag: &["1.1.1"],
    act: &[],
    implemented: true,
};

/// A picture without a description on a standard page is decoration only on purpose.
pub static A11Y_IMG_DECORATIVE: Rule = Rule {
    id: "A11Y-IMG-DECORATIVE",
    severity: Severity::Warning,
    scope: Scope::Page,
    summary: "A picture with no description on a standard page is decoration on purpose, marked with the title \"decoration\".",
    help: r##"A picture written with an empty description, `![](x.svg)`, is skipped by screen readers as
decoration. That is right for a border or a flourish, but often the description was simply
forgotten. Describe the picture, or say that it is decoration with the title "decoration",
which is not published. (On Easy read pages every picture needs a description:
`ER-PICTURE-ROW`.)

Before:

```markdown
![](pictures/phone.svg) Call 111.
```

After:

```markdown
![A phone](pictures/phone.svg) Call 111.

![](pictures/border.svg "decoration")
```"##,
    wcag: &["1.1.1"],
    act: &[],
    implemented: true,
};

/// Links have a name.
pub static A11Y_LINK_NAME: Rule = Rule {
    id: "A11Y-LINK-NAME",
    severity: Severity::Error,
    scope: Scope::Page,
    summary: "Links have a name.",
    help: r##"A link with no text (or only a picture without alt text) is announced as "link", with
no hint of where it goes.

Before:

```markdown
Go to [](other.md).
```

After:

```markdown
Go to [the opening times](other.md).
```"##,
    wcag: &["2.4.4", "2.4.9", "4.1.2"],
    act: &["c487ae"],
    implemented: true,
};

/// Link text is not generic.
pub static A11Y_LINK_PURPOSE: Rule = Rule {
    id: "A11Y-LINK-PURPOSE",
    severity: Severity::Warning,
    scope: Scope::Page,
    summary: "Link text is not generic, like \"click here\" (an error on Easy read pages).",
    help: r##"Many readers list a page's links, out of their sentences. "Click here" and "read more"
then say nothing. The generic phrases of each language are in `lexicon/<lang>.yaml`.

Before:

```markdown
To find a pharmacy, [click here](pharmacy.md).
```

After:

```markdown
[Find a pharmacy](pharmacy.md).
```"##,
    wcag: &["2.4.4"],
    act: &[],
    implemented: true,
};

/// Links with the same text go to the same place.
pub static A11Y_LINK_SAME_TEXT: Rule = Rule {
    id: "A11Y-LINK-SAME-TEXT",
    severity: Severity::Warning,
    scope: Scope::Page,
    summary: "Links with the same text go to the same place.",
    help: r##"In a list of links, two that read the same cannot be told apart.

Before:

```markdown
[Help](night.md) at night, or [Help](day.md) in the day.
```

After:

```markdown
[Help at night](night.md), or [help in the day](day.md).
```"##,
    wcag: &["2.4.4"],
    act: &[],
    implemented: true,
};

/// Buttons, form fields, frames, `summary` and menu items have names.
pub static A11Y_CONTROL_NAME: Rule = Rule {
    id: "A11Y-CONTROL-NAME",
    severity: Severity::Error,
    scope: Scope::Page,
    summary: "Buttons, form fields, frames, summary elements and menu items have names.",
    help: r##"A control without a name is announced only by its kind ("button", "edit text"), so
nobody knows what it does.

Before:

```html
<label>Email</label> <input type="email">
```

After:

```html
<label for="email">Email</label> <input id="email" type="email">
```"##,
    wcag: &["4.1.2"],
    act: &["97a4e1", "e086e5", "cae760", "2t702h", "m6b1q3"],
    implemented: true,
};

/// Roles and ARIA attributes are valid.
pub static A11Y_ARIA_VALID: Rule = Rule {
    id: "A11Y-ARIA-VALID",
    severity: Severity::Error,
    scope: Scope::Page,
    summary: "Roles, ARIA attributes and their values are valid, allowed where used, and complete.",
    help: r##"Assistive technology trusts ARIA. A misspelt role or attribute is ignored, and a wrong
one says something untrue about the page. Roles that need states, a parent or children must
have them.

Before:

```html
<p role="buton">Press</p>
```

After:

```html
<button type="button">Press</button>
```"##,
    wcag: &["1.3.1", "4.1.2"],
    act: &["674b10", "5f99a7", "6a7281", "5c01ea", "kb1m8s", "4e8ab6", "ff89c9", "bc4a75"],
    implemented: true,
};

/// Nothing focusable is hidden from screen readers.
pub static A11Y_HIDDEN_FOCUS: Rule = Rule {
    id: "A11Y-HIDDEN-FOCUS",
    severity: Severity::Error,
    scope: Scope::Page,
    summary: "Nothing the keyboard can reach is hidden from screen readers, and decoration stays unexposed.",
    help: r##"Inside `aria-hidden="true"`, a link can still take the keyboard's focus, but a screen
reader says nothing about it.

Before:

```html
<div aria-hidden="true"><a href="#part">Part</a></div>
```

After:

```html
<div><a href="#part">Part</a></div>
```"##,
    wcag: &["4.1.2"],
    act: &["6cfa84", "307n5z", "46ca7f"],
    implemented: true,
};

/// Table headers have cells.
pub static A11Y_TABLE: Rule = Rule {
    id: "A11Y-TABLE",
    severity: Severity::Error,
    scope: Scope::Page,
    summary: "Table header cells have cells under or beside them; headers points into the same table.",
    help: r##"A screen reader reads each cell with its headers. A header with no cells, or a `headers`
attribute that points elsewhere, gives wrong or no headers.

Before:

```markdown
| Day | Time |
|-----|------|
```

After:

```markdown
| Day    | Time |
|--------|------|
| Monday | 9 am |
```"##,
    wcag: &["1.3.1"],
    act: &["d0f69e", "a25f45"],
    implemented: true,
};

/// Valid `autocomplete` tokens.
pub static A11Y_AUTOCOMPLETE: Rule = Rule {
    id: "A11Y-AUTOCOMPLETE",
    severity: Severity::Error,
    scope: Scope::Page,
    summary: "autocomplete attributes use valid tokens for their field.",
    help: r##"`autocomplete` lets browsers fill in a reader's details, which helps people who find
typing hard. A misspelt token does nothing.

Before:

```html
<input type="email" autocomplete="emial">
```

After:

```html
<input type="email" autocomplete="email">
```"##,
    wcag: &["1.3.5"],
    act: &["73f2c2"],
    implemented: true,
};

/// A frame with interactive content stays in the tab order.
pub static A11Y_IFRAME_TABINDEX: Rule = Rule {
    id: "A11Y-IFRAME-TABINDEX",
    severity: Severity::Error,
    scope: Scope::Page,
    summary: "A frame with links or controls in it is not taken out of the tab order.",
    help: r##"With `tabindex="-1"` on the frame, keyboard users cannot reach what is inside it.

Before:

```html
<iframe title="A map" tabindex="-1" src="map.html"></iframe>
```

After:

```html
<iframe title="A map" src="map.html"></iframe>
```"##,
    wcag: &["2.1.1", "2.1.3"],
    act: &["akn7bn"],
    implemented: true,
};

/// `!important` spacing is wide enough.
pub static A11Y_TEXT_SPACING: Rule = Rule {
    id: "A11Y-TEXT-SPACING",
    severity: Severity::Error,
    scope: Scope::Page,
    summary: "!important line height, letter spacing and word spacing (in style attributes and the theme) are wide enough.",
    help: r##"Some readers set wider spacing in their browser to read more easily. `!important` below
1.5 (line height), 0.12em (letters) or 0.16em (words) stops them. Both `style` attributes on
the page and the theme's stylesheets are checked.

Before:

```html
<p style="line-height: 1 !important">Tight text</p>
```

After:

```html
<p style="line-height: 1.5">Text with room</p>
```"##,
    wcag: &["1.4.12"],
    act: &["24afc2", "78fd32", "9e45ec"],
    implemented: true,
};

/// Numbers in right-to-left text are isolated left to right.
pub static I18N_BIDI_ISOLATE: Rule = Rule {
    id: "I18N-BIDI-ISOLATE",
    severity: Severity::Warning,
    scope: Scope::Page,
    summary: "A number in right-to-left text, written in raw HTML or a template, is isolated so its groups keep their order.",
    help: r##"In an Urdu or Arabic sentence, the space in a phone number such as `116 123` is read as
right-to-left text, so readers see `123 116`. Numbers written in markdown are isolated for
you (`<span dir="ltr" class="number">`); one in raw HTML or in a template needs `<bdi
dir="ltr">` or `dir="ltr"` around it.

Before:

```markdown
<p>فون کریں 0300 1234567</p>
```

After:

```markdown
<p>فون کریں <bdi dir="ltr">0300 1234567</bdi></p>
```"##,
    wcag: &["1.3.2"],
    act: &[],
    implemented: true,
};

/// Every page links to other formats (not checked yet).
pub static AIS_OTHER_FORMATS: Rule = Rule {
    id: "AIS-OTHER-FORMATS",
    severity: Severity::Warning,
    scope: Scope::Page,
    summary: "Every page says how to get it in another format. Not checked yet.",
    help: r##"The Accessible Information Standard asks that readers can get information in the format
they need: Easy read, another language, large print or audio. clearleaf does not check this
yet; the built-in theme's footer has such a note.

Before:

```html
<footer></footer>
```

After:

```html
<footer><p><a href="/formats/">Get this in another format</a></p></footer>
```"##,
    wcag: &[],
    act: &[],
    implemented: false,
};

/// Easy read and standard pages link to each other (not checked yet).
pub static ER_VARIANT_LINK: Rule = Rule {
    id: "ER-VARIANT-LINK",
    severity: Severity::Error,
    scope: Scope::Page,
    summary: "Easy read and standard versions link to each other near the top of the page. Not checked yet.",
    help: r##"Readers who land on the wrong version need to find the other one at once. The built-in
theme adds the link; clearleaf does not check a theme of your own for it yet.

Before:

```html
<main id="main">{{ content | safe }}</main>
```

After:

```html
<main id="main"><p><a href="{{ other_form.url }}">{{ other_form.label }}</a></p>{{ content | safe }}</main>
```"##,
    wcag: &[],
    act: &[],
    implemented: false,
};
