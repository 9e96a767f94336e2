//! Rules on the theme's stylesheets, read once per build: contrast, focus, links, sizes,
//! motion and reflow, and the typography of Easy read pages.

use super::{Rule, Scope, Severity};

/// Text colours have enough contrast.
pub static A11Y_CONTRAST_TEXT: Rule = Rule {
    id: "A11Y-CONTRAST-TEXT",
    severity: Severity::Error,
    scope: Scope::Theme,
    summary: "Every text and background colour pair of the theme has a contrast of 4.5:1, or 3:1 for large text.",
    help: r##"Grey text on white is hard to read for many people, and impossible in sunlight. clearleaf
checks every pair the theme declares, link states and container backgrounds included.

Before:

```css
body { color: #999; background: #fff; }
```

After:

```css
body { color: #333; background: #fff; }
```"##,
    wcag: &["1.4.3"],
    act: &[],
    implemented: true,
};

/// The focus ring is not removed.
pub static A11Y_FOCUS_VISIBLE: Rule = Rule {
    id: "A11Y-FOCUS-VISIBLE",
    severity: Severity::Error,
    scope: Scope::Theme,
    summary: "The theme does not remove the focus outline without putting something in its place.",
    help: r##"Keyboard users see where they are by the focus ring. `outline: none` on `:focus` hides
it, unless the same rule draws another (`box-shadow`, `border`, `outline`).
`:focus:not(:focus-visible)` is allowed.

Before:

```css
a:focus { outline: none; }
```

After:

```css
a:focus { outline: 3px solid #0b0c0c; outline-offset: 2px; }
```"##,
    wcag: &["2.4.7"],
    act: &[],
    implemented: true,
};

/// Links in running text can be told apart.
pub static A11Y_LINK_DISTINCT: Rule = Rule {
    id: "A11Y-LINK-DISTINCT",
    severity: Severity::Error,
    scope: Scope::Theme,
    summary: "Links in running text are underlined, or stand out by 3:1 and are underlined on hover and focus.",
    help: r##"Colour alone does not show a link to people who see colours differently.

Before:

```css
a { text-decoration: none; }
```

After:

```css
a { text-decoration: underline; }
```"##,
    wcag: &["1.4.1"],
    act: &[],
    implemented: true,
};

/// Font sizes scale.
pub static A11Y_RESIZE: Rule = Rule {
    id: "A11Y-RESIZE",
    severity: Severity::Warning,
    scope: Scope::Theme,
    summary: "Body and heading font sizes are not set in px or vw.",
    help: r##"Sizes in `px` ignore the reader's chosen text size, and `vw` sizes do not grow with zoom.
Use `rem` or `em`.

Before:

```css
body { font-size: 16px; }
```

After:

```css
body { font-size: 1rem; }
```"##,
    wcag: &["1.4.4"],
    act: &[],
    implemented: true,
};

/// Motion can be turned off.
pub static A11Y_MOTION: Rule = Rule {
    id: "A11Y-MOTION",
    severity: Severity::Warning,
    scope: Scope::Theme,
    summary: "Animations and transitions only run when the reader has not asked for reduced motion.",
    help: r##"Movement can make some readers feel sick or lose their place. Put animations inside
`@media (prefers-reduced-motion: no-preference)`.

Before:

```css
.x { transition: all 1s; }
```

After:

```css
@media (prefers-reduced-motion: no-preference) { .x { transition: all 1s; } }
```"##,
    wcag: &["2.3.3"],
    act: &[],
    implemented: true,
};

/// Content reflows to a narrow screen.
pub static A11Y_REFLOW: Rule = Rule {
    id: "A11Y-REFLOW",
    severity: Severity::Warning,
    scope: Scope::Theme,
    summary: "No fixed width over 320 px, and no overflow-x: hidden on html or body.",
    help: r##"At 400 % zoom, a screen is 320 CSS pixels wide. A wider fixed box makes readers scroll
sideways on every line, and hidden overflow cuts the text off.

Before:

```css
.wrap { width: 960px; }
```

After:

```css
.wrap { max-width: 60rem; }
```"##,
    wcag: &["1.4.10"],
    act: &[],
    implemented: true,
};

/// Controls have contrast (not checked yet).
pub static A11Y_CONTRAST_UI: Rule = Rule {
    id: "A11Y-CONTRAST-UI",
    severity: Severity::Error,
    scope: Scope::Theme,
    summary: "Focus rings, form borders and meaningful icons have a contrast of 3:1. Not checked yet.",
    help: r##"A pale border makes a form field hard to find. clearleaf does not check this yet; the
browser test runs axe-core on the example site.

Before:

```css
input { border: 1px solid #ddd; }
```

After:

```css
input { border: 2px solid #505a5f; }
```"##,
    wcag: &["1.4.11"],
    act: &[],
    implemented: false,
};

/// Focus is not hidden by sticky parts (not checked yet).
pub static A11Y_FOCUS_OBSCURED: Rule = Rule {
    id: "A11Y-FOCUS-OBSCURED",
    severity: Severity::Warning,
    scope: Scope::Theme,
    summary: "A fixed or sticky header or footer leaves room, so the focused element is not hidden. Not checked yet.",
    help: r##"With a sticky header, the element that has the focus can scroll under it. Scroll padding
of at least the header's height keeps it in view. clearleaf does not check this yet.

Before:

```css
header { position: sticky; top: 0; height: 4rem; }
```

After:

```css
header { position: sticky; top: 0; height: 4rem; }
html { scroll-padding-top: 4rem; }
```"##,
    wcag: &["2.4.11"],
    act: &[],
    implemented: false,
};

/// Orientation is not locked (not checked yet).
pub static A11Y_ORIENTATION: Rule = Rule {
    id: "A11Y-ORIENTATION",
    severity: Severity::Error,
    scope: Scope::Theme,
    summary: "The page is not locked to portrait or landscape. Not checked yet.",
    help: r##"Some readers have their tablet fixed to a wheelchair in one orientation. Rotating the
page in an orientation media query locks it. clearleaf does not check this yet.

Before:

```css
@media (orientation: portrait) { body { transform: rotate(90deg); } }
```

After:

```css
/* No rotation: the layout follows the screen. */
```"##,
    wcag: &["1.3.4"],
    act: &[],
    implemented: false,
};

/// Targets are large enough (not checked yet).
pub static A11Y_TARGET_SIZE: Rule = Rule {
    id: "A11Y-TARGET-SIZE",
    severity: Severity::Warning,
    scope: Scope::Theme,
    summary: "Links and buttons of the theme are at least 24 by 24 pixels, or spaced apart. Not checked yet.",
    help: r##"Small targets close together are hard to hit for people with tremors. clearleaf does not
check this yet; the browser test covers the example site.

Before:

```css
nav a { padding: 0; font-size: 0.75rem; }
```

After:

```css
nav a { display: inline-block; min-height: 24px; min-width: 24px; padding: 0.5rem; }
```"##,
    wcag: &["2.5.8"],
    act: &[],
    implemented: false,
};

/// Easy read text size.
pub static ER_FONT_SIZE: Rule = Rule {
    id: "ER-FONT-SIZE",
    severity: Severity::Error,
    scope: Scope::Theme,
    summary: "Easy read text is at least 14 pt (an error below) and 16 pt (a warning below).",
    help: r##"Easy read guidance asks for large print: at least 14 point, better 16. The thresholds
are `min_font_px` and `font_warning_px` under `easy_read:`.

Before:

```css
.form-easy main p { font-size: 1rem; }
```

After:

```css
.form-easy main p { font-size: 1.375rem; }
```"##,
    wcag: &[],
    act: &[],
    implemented: true,
};

/// Easy read line height.
pub static ER_LINE_HEIGHT: Rule = Rule {
    id: "ER-LINE-HEIGHT",
    severity: Severity::Error,
    scope: Scope::Theme,
    summary: "Easy read text has a line height of 1.5 or more, and paragraphs are 1.5 lines apart.",
    help: r##"Space between lines and paragraphs helps readers keep their place.

Before:

```css
.form-easy main p { line-height: 1.2; margin: 0; }
```

After:

```css
.form-easy main p { line-height: 1.6; margin: 0 0 1.5em; }
```"##,
    wcag: &["1.4.8"],
    act: &[],
    implemented: true,
};

/// Easy read text is not justified.
pub static ER_ALIGN: Rule = Rule {
    id: "ER-ALIGN",
    severity: Severity::Error,
    scope: Scope::Theme,
    summary: "Easy read text is not justified.",
    help: r##"Justified text has uneven gaps between words, which make lines hard to follow.

Before:

```css
.form-easy main p { text-align: justify; }
```

After:

```css
.form-easy main p { text-align: start; }
```"##,
    wcag: &["1.4.8"],
    act: &[],
    implemented: true,
};

/// Easy read lines are not too long.
pub static ER_LINE_LENGTH: Rule = Rule {
    id: "ER-LINE-LENGTH",
    severity: Severity::Warning,
    scope: Scope::Theme,
    summary: "The Easy read text column is at most 70 characters wide.",
    help: r##"Long lines make it hard to find the start of the next one. The limit is
`max_line_length_ch` under `easy_read:`.

Before:

```css
.form-easy main { max-width: 60rem; }
```

After:

```css
.form-easy main { max-width: 35em; }
```"##,
    wcag: &["1.4.8"],
    act: &[],
    implemented: true,
};

/// Easy read fonts are plain.
pub static ER_FONT_FAMILY: Rule = Rule {
    id: "ER-FONT-FAMILY",
    severity: Severity::Warning,
    scope: Scope::Theme,
    summary: "Easy read fonts end in sans-serif, with no script fonts and no light weights.",
    help: r##"Plain, clear letters are easiest to read. A script font or a thin weight is not.

Before:

```css
.form-easy body { font-family: "Brush Script MT", cursive; font-weight: 300; }
```

After:

```css
.form-easy body { font-family: Arial, sans-serif; font-weight: 400; }
```"##,
    wcag: &[],
    act: &[],
    implemented: true,
};

/// Easy read contrast at AAA (not checked yet).
pub static ER_CONTRAST_AAA: Rule = Rule {
    id: "ER-CONTRAST-AAA",
    severity: Severity::Warning,
    scope: Scope::Theme,
    summary: "Easy read text has a contrast of 7:1, or 4.5:1 for large text. Not checked yet.",
    help: r##"Many Easy read readers also have low vision, so Easy read pages aim higher than the
4.5:1 every page needs. clearleaf does not check this yet.

Before:

```css
.form-easy body { color: #595959; background: #fff; }
```

After:

```css
.form-easy body { color: #1d1d1d; background: #fff; }
```"##,
    wcag: &["1.4.6"],
    act: &[],
    implemented: false,
};

/// The PDF leaflets have a font for every language.
pub static PDF_FONT_MISSING: Rule = Rule {
    id: "PDF-FONT-MISSING",
    severity: Severity::Error,
    scope: Scope::Theme,
    summary: "Every language of the site is written in a script that one of the theme's print fonts covers.",
    help: r##"PDF leaflets are typeset with the font files in the theme's `fonts/` folder and no other, so
that they look the same on every machine. The built-in theme has Noto Sans (Latin, Greek and
Cyrillic), Noto Naskh Arabic and Noto Nastaliq Urdu. A language in another script would print
as empty boxes. Add a TrueType or OpenType font for it to `themes/<theme>/fonts/`, with its
licence, and name it in your print templates, or set `print: {pdf: false}` in site.yaml.

Before:

```markdown
site.yaml: languages: [en, hi]
themes/mine/fonts/NotoSans-Regular.ttf
```

After:

```markdown
site.yaml: languages: [en, hi]
themes/mine/fonts/NotoSans-Regular.ttf
themes/mine/fonts/NotoSansDevanagari-Regular.ttf
themes/mine/fonts/OFL.txt
```"##,
    wcag: &[],
    act: &[],
    implemented: true,
};

/// Easy read leaflets are printed large.
pub static PDF_FONT_SIZE: Rule = Rule {
    id: "PDF-FONT-SIZE",
    severity: Severity::Error,
    scope: Scope::Theme,
    summary: "No text in an Easy read PDF leaflet is smaller than 14 pt.",
    help: r##"Easy read guidance asks for print of 14 pt at the very least, and 16 pt for the words
themselves. The built-in Easy read print template never goes below 16 pt, so this comes from
a print template of your own (`themes/<theme>/print/easy-read.typ` or `shared.typ`). The
finding names the smallest size found and a leaflet that has it. Make the text larger in
the template, or delete the file to use the built-in one.

Before:

```markdown
#set text(size: 10pt)
```

After:

```markdown
#set text(size: 16pt)
```"##,
    wcag: &[],
    act: &[],
    implemented: true,
};

/// Every picture of a page can be printed in its leaflet.
pub static PDF_IMAGE: Rule = Rule {
    id: "PDF-IMAGE",
    severity: Severity::Warning,
    scope: Scope::Page,
    summary: "Every picture on a page can be printed in its PDF leaflet.",
    help: r##"The PDF leaflet prints the page's pictures. A picture file that cannot be read (it is
broken, cut short, or in a format other than PNG, JPEG, GIF, WebP or SVG) is printed as its
alt text instead, so the leaflet loses the picture that goes with the words. Save the
picture again as PNG or SVG and link to the new file.

Before:

```markdown
![A doctor](pictures/doctor.bmp) See your doctor.
```

After:

```markdown
![A doctor](pictures/doctor.png) See your doctor.
```"##,
    wcag: &[],
    act: &[],
    implemented: true,
};

/// Nothing runs off the printed page.
pub static PDF_OVERFLOW: Rule = Rule {
    id: "PDF-OVERFLOW",
    severity: Severity::Warning,
    scope: Scope::Page,
    summary: "Nothing on a page is wider than its printed leaflet, where it would be cut off.",
    help: r##"A web page can scroll sideways; a printed page cannot. A table with many columns, or a
long word or address in a narrow column, can be wider than an A4 page, and its PDF leaflet
then cuts it off at the edge. The finding names the line of the page near the words that run
off. Give the table fewer columns (split it in two, or turn it into a list), or break the
long word.

Before:

```markdown
| Service | Phone | Hours | Address | Website | Languages | Access |
```

After:

```markdown
| Service | Phone | Hours |
```

and the rest in a second table or a list."##,
    wcag: &[],
    act: &[],
    implemented: true,
};
