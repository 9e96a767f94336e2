//! Rules across all pages (links, titles, menus), and rules on the source files: settings,
//! front matter, translations and UI strings.

use super::{Rule, Scope, Severity};

/// Links lead somewhere.
pub static LINK_BROKEN: Rule = Rule {
    id: "LINK-BROKEN",
    severity: Severity::Error,
    scope: Scope::Site,
    summary: "Every link, picture and #fragment leads to a page, a file or an id, in markdown, raw HTML and the theme.",
    help: r##"Link to other pages by their markdown file, relative to the page (`help.md`,
`../contact.md`), or by their address from the site's root (`/help/`). clearleaf turns `.md`
links into addresses and checks them all after the build, the theme's links too.

Before:

```markdown
See [the old page](gone.md) or [opening times](contact.md#times).
```

After:

```markdown
See [getting help](help.md) or [opening times](contact.md#opening-times).
```"##,
    wcag: &[],
    act: &[],
    implemented: true,
};

/// A site says what it is for on its home page.
pub static HOME_GENERATED: Rule = Rule {
    id: "HOME-GENERATED",
    severity: Severity::Warning,
    scope: Scope::Input,
    summary: "The site has its own home page, `content/_index.md`, rather than the list clearleaf makes without one.",
    help: r##"Without `content/_index.md` the site still builds: clearleaf makes a home page in every
language and form, titled like the site, that lists the top-level sections and pages. A list
does not tell readers what the site is for or who it helps, so write a home page of your own:
the example after is a new file, `content/_index.md`.

Before:

```text
content/
  help.md
  rights.md
```

After:

```markdown
---
title: Mental health help in Cardiff
---
Leaflets on getting help, your rights and living well, in Easy read and five languages.
```"##,
    wcag: &[],
    act: &[],
    implemented: true,
};

/// Unique titles.
pub static A11Y_TITLE_UNIQUE: Rule = Rule {
    id: "A11Y-TITLE-UNIQUE",
    severity: Severity::Warning,
    scope: Scope::Site,
    summary: "Page titles are unique within each language.",
    help: r##"Readers tell tabs, bookmarks and search results apart by their titles.

Before:

```markdown
---
title: Help
---
```

After:

```markdown
---
title: Help at night
---
```"##,
    wcag: &["2.4.2"],
    act: &[],
    implemented: true,
};

/// The same menu on every page.
pub static A11Y_NAV_CONSISTENT: Rule = Rule {
    id: "A11Y-NAV-CONSISTENT",
    severity: Severity::Error,
    scope: Scope::Site,
    summary: "The main menu has the same links in the same order on every page of a language and form.",
    help: r##"Readers learn where things are. A menu that changes from page to page makes them search
again. Easy read pages have their own menu, which is the same on every Easy read page.

Before:

```html
{% if kind == "home" %}<li><a href="{{ home_url }}">Home</a></li>{% endif %}
{%- for item in nav %}
```

After:

```html
{%- for item in nav %}
```"##,
    wcag: &["3.2.3"],
    act: &[],
    implemented: true,
};

/// More than one way to reach each page.
pub static A11Y_MULTIPLE_WAYS: Rule = Rule {
    id: "A11Y-MULTIPLE-WAYS",
    severity: Severity::Warning,
    scope: Scope::Site,
    summary: "Every page other than a home page is linked from another page, besides the menu and the sitemap.",
    help: r##"Some readers browse, some follow the menu. A page only the menu leads to is hard to find.
The built-in section template lists every page of the section.

Before:

```html
{# section.html without the list of pages #}
<main id="main">{{ content | safe }}</main>
```

After:

```html
<main id="main">{{ content | safe }}
<ul>{% for p in pages %}<li><a href="{{ p.url }}">{{ p.title }}</a></li>{% endfor %}</ul></main>
```"##,
    wcag: &["2.4.5"],
    act: &[],
    implemented: true,
};

/// Help in the same place (not checked yet).
pub static A11Y_HELP_CONSISTENT: Rule = Rule {
    id: "A11Y-HELP-CONSISTENT",
    severity: Severity::Error,
    scope: Scope::Site,
    summary: "The link to help or a crisis line is in the same place on every page. Not checked yet.",
    help: r##"A reader in crisis must find help without searching. clearleaf does not check this yet.

Before:

```html
{% if kind == "home" %}<a href="/urgent/">Get help now</a>{% endif %}
```

After:

```html
<a href="/urgent/">Get help now</a>
```"##,
    wcag: &["3.2.6"],
    act: &[],
    implemented: false,
};

/// Raw HTML was made safe.
pub static HTML_SANITISED: Rule = Rule {
    id: "HTML-SANITISED",
    severity: Severity::Warning,
    scope: Scope::Input,
    summary: "Raw HTML, an SVG picture, a link address or a heading attribute was changed to keep readers safe.",
    help: r##"clearleaf removes scripts, event handlers and outside references from raw HTML and SVG
pictures, links whose address could run a script (`javascript:`) or uses a scheme other than
http, https, mailto or tel, and heading attributes other than lang, dir, title and translate
(`## Title {onclick=x}`), and says what it removed. Write the content without them.

Before:

```markdown
Hi <b onclick="steal()">there</b>
```

After:

```markdown
Hi **there**
```"##,
    wcag: &[],
    act: &[],
    implemented: true,
};

/// Known front matter keys.
pub static FRONT_MATTER_UNKNOWN_KEY: Rule = Rule {
    id: "FRONT-MATTER-UNKNOWN-KEY",
    severity: Severity::Warning,
    scope: Scope::Input,
    summary: "Front matter keys are ones clearleaf knows.",
    help: r##"A misspelt key is ignored, so what it meant to set is not set. The finding suggests the
key you may have meant.

Before:

```markdown
---
title: Getting help
reviw_due: 2027-01-01
---
```

After:

```markdown
---
title: Getting help
review_due: 2027-01-01
---
```"##,
    wcag: &[],
    act: &[],
    implemented: true,
};

/// Pages are reviewed in time.
pub static CONTENT_REVIEW_DUE: Rule = Rule {
    id: "CONTENT-REVIEW-DUE",
    severity: Severity::Warning,
    scope: Scope::Input,
    summary: "A page's review_due date has not passed.",
    help: r##"Health information goes out of date. Check the page, then set the next review date.

Before:

```markdown
---
review_due: 2025-01-01
---
```

After:

```markdown
---
review_due: 2027-01-01
---
```"##,
    wcag: &[],
    act: &[],
    implemented: true,
};

/// Every page has an Easy read version.
pub static EASY_READ_MISSING: Rule = Rule {
    id: "EASY-READ-MISSING",
    severity: Severity::Warning,
    scope: Scope::Input,
    summary: "A standard page has an Easy read version.",
    help: r##"Write the Easy read version beside the page, as `NAME.easy.md`.

Before:

```markdown
content/help/out-of-hours.md
```

After:

```markdown
content/help/out-of-hours.md
content/help/out-of-hours.easy.md
```"##,
    wcag: &[],
    act: &[],
    implemented: true,
};

/// A critical page's readers never get old facts quietly.
pub static CRITICAL_OUTDATED: Rule = Rule {
    id: "CRITICAL-OUTDATED",
    severity: Severity::Error,
    scope: Scope::Input,
    summary: "An Easy read version of a `critical: true` page is up to date, so its readers never get old facts.",
    help: r##"A critical page carries facts readers act on: phone numbers, opening times. Its outdated
translations are replaced by their up-to-date source, but an Easy read version has no up-to-date
Easy read source to fall back to. So an outdated one stops the build. Update it to say what the
standard page says now, then stamp it. To publish it in the meantime, with a strong notice
that links to the up-to-date page, set `checks: {CRITICAL-OUTDATED: warning}` in site.yaml.
Easy read translations never fall back to an outdated Easy read page: a missing one is left
out until its source is up to date, and links lead to the standard page instead. In this
example the standard page now says 8pm; after the change, run
`clearleaf stamp content/help/out-of-hours.easy.md`.

Before:

```markdown
![A clock](clock.svg) The phone line is open until 6pm.
```

After:

```markdown
![A clock](clock.svg) The phone line is open until 8pm.
```"##,
    wcag: &[],
    act: &[],
    implemented: true,
};

/// Translations are up to date.
pub static TRANSLATION_OUTDATED: Rule = Rule {
    id: "TRANSLATION-OUTDATED",
    severity: Severity::Warning,
    scope: Scope::Input,
    summary: "A translation or Easy read version matches its source as it is now (an error with translations.outdated: error).",
    help: r##"A variant records the version of its source it was made from in `source_hash`. When the
source changes, update the variant, then stamp it with `clearleaf stamp FILE`.

Before:

```markdown
---
title: Cael help
source_hash: "v1:3f9a1c0b7e2d"
---
```

After:

```markdown
---
title: Cael help
source_hash: "v1:8b41d07c5a93"
---
```"##,
    wcag: &[],
    act: &[],
    implemented: true,
};

/// Every language has the page.
pub static TRANSLATION_MISSING: Rule = Rule {
    id: "TRANSLATION-MISSING",
    severity: Severity::Warning,
    scope: Scope::Input,
    summary: "A page has a standard translation in each of the site's languages.",
    help: r##"Until the translation exists, readers of that language get the source page with a notice
(or nothing, with `missing: omit`). Copy the source to its translation's name and translate it.
A page that is not meant to be translated says `translate: false` in its front matter, or lists
the languages it is for (`translate: [cy, pl]`): it gets no warning for the others, and their
readers get it without a notice. The text report sums these warnings up per language.

Before:

```markdown
content/help.md
```

After:

```markdown
content/help.md
content/help.cy.md
```"##,
    wcag: &[],
    act: &[],
    implemented: true,
};

/// Variants have a source.
pub static TRANSLATION_ORPHAN: Rule = Rule {
    id: "TRANSLATION-ORPHAN",
    severity: Severity::Warning,
    scope: Scope::Input,
    summary: "A translation or Easy read version has the page it was made from (otherwise it is not published).",
    help: r##"`NAME.cy.md` and `NAME.easy.md` are made from `NAME.md`. Rename the variant to match its
source, or restore the source.

Before:

```markdown
content/help.md
content/halp.cy.md
```

After:

```markdown
content/help.md
content/help.cy.md
```"##,
    wcag: &[],
    act: &[],
    implemented: true,
};

/// UI strings are translated.
pub static FLUENT_MISSING: Rule = Rule {
    id: "FLUENT-MISSING",
    severity: Severity::Warning,
    scope: Scope::Input,
    summary: "Every UI string of the default language is translated in each language's locale.",
    help: r##"A string a language lacks is shown in the default language. Add it to
`locales/<lang>/main.ftl`.

Before:

```markdown
# locales/cy/main.ftl
skip-link = Neidio i'r cynnwys
```

After:

```markdown
# locales/cy/main.ftl
skip-link = Neidio i'r cynnwys
footer-other-formats = Gallwch gael hwn mewn fformat arall.
```"##,
    wcag: &[],
    act: &[],
    implemented: true,
};

/// Input clearleaf cannot build from.
pub static INPUT_INVALID: Rule = Rule {
    id: "INPUT-INVALID",
    severity: Severity::Error,
    scope: Scope::Input,
    summary: "Settings, front matter, templates, locales and file names are valid (reported in the JSON and GitHub reports of a refused build).",
    help: r##"Invalid input stops the build with exit status 2, and the message names the file, line
and column, and says how to fix it. With `--format json` the problems are also reported as
`INPUT-INVALID` findings. `checks:` cannot turn this rule off.

Before:

```markdown
---
title: Getting help
weight: ten
---
```

After:

```markdown
---
title: Getting help
weight: 10
---
```"##,
    wcag: &[],
    act: &[],
    implemented: true,
};
