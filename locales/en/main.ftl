# clearleaf UI strings: English (the default language of the built-in theme).
# Every locale must name itself in its own language.
language-name = English

# Used when site.yaml has no title for this language.
site-title = Mental health equality resources

## Page frame
skip-to-content = Skip to main content
nav-label = Main menu
breadcrumb-label = You are here
home = Home
language-switcher-label = Read this page in another language
# Shown after a language in the switcher when that page is not translated yet.
# The reader's language says so; the reader's own language is never marked.
language-not-translated = (not translated yet)
footer-label = About this site
footer-other-formats = Ask for this information in another format, such as large print, audio or Braille.
page-title-pattern = { $page } – { $site }
section-title-pattern = { $page } – { $section } – { $site }

## Standard and Easy-read forms
form-easy-read = Easy read
form-standard = Standard
easy-read-link = Read the Easy read version of this page
standard-link = Read the standard version of this page
other-form-label = Other versions of this page

## Sections and lists
in-this-section = In this section
home-pages = Pages on this site
pages-count = { $count ->
    [one] One page
   *[other] { $count } pages
}

## Dates
last-reviewed = Last checked: { $date }
review-due = Next check due: { $date }

## Markdown parts
footnotes-label = Notes
footnote-ref = Note { $number }
footnote-back = Back to the text of note { $number }
task-done = Done
task-todo = Not done yet
words-we-use = Words we use

## Translation notices
notice-label = Notice about this page
fallback-notice = This page is not available in { $language } yet. Below is the { $source-language } version.
outdated-notice = The { $source-language } version of this page has changed since this translation was made. Some details here may be out of date.
outdated-notice-link = Read the up-to-date { $source-language } version
easy-read-fallback-notice = There is no Easy read version of this page in { $language } yet. Below is the { $source-language } Easy read version.
# The Easy read page of the default language is older than the standard page it was made from.
easy-read-outdated-notice = The standard version of this page has changed since this Easy read version was made. Some details here may be out of date.
critical-outdated-notice = Important: this page has changed since this version was made. Facts here, like phone numbers and opening times, may be wrong. Check the up-to-date page before you act.
critical-outdated-notice-link = Read the up-to-date page
# An outdated translation of a critical page (or under `translations.outdated: fallback`): the source is shown instead.
outdated-fallback-notice = The { $language } version of this page is being updated. Below is the { $source-language } version.

## Error page
not-found-title = Page not found
not-found-body = We could not find this page. It may have moved.
not-found-home = Go to the home page

## Search
# The link in every page's header, and the search page's title.
search-link = Search
search-title = Search this site
search-label = What are you looking for?
search-hint = Type a word or two, for example: interpreter
search-button = Search
# Shown when the reader's browser does not run the search page's script.
search-needs-javascript = Search needs JavaScript, which is turned off or not working in your browser.
search-pages-link = Find a page from the home page instead
search-searching = Searching…
# $query is the reader's words; $count is how many pages were found (never 0: see below).
search-results = { $count ->
    [one] One result for “{ $query }”
   *[other] { $count } results for “{ $query }”
}
search-no-results = No results for “{ $query }”. Try another word.
search-more = Show more results
search-failed = Search is not working right now. Please try again later.
# Marks a result in the other form: on Easy read search pages, a standard page, and back.
search-result-standard = Standard version
search-result-easy-read = Easy read version

## PDF leaflets (the print templates in themes/default/print/)
# The footer of every page of a PDF leaflet.
print-page-of = Page { $page } of { $total }
# Easy read leaflets: who checked the leaflet with readers (checked_by, checked_on).
print-checked-by = Checked with readers by { $who } on { $date }.
print-other-formats-heading = Other formats and languages
print-languages = You can read this leaflet in these languages:
# The QR code at the end of a leaflet (its alt text).
print-qr-alt = QR code: scan it with a phone to open this leaflet on the web
print-web-address = Read this leaflet on the web:
# The link under each page to its leaflet. $pages: its printed pages; $kb: its size in kilobytes.
print-download = Download this leaflet (PDF)
print-download-facts = Download this leaflet (PDF, { $pages ->
    [one] 1 page
   *[other] { $pages } pages
}, { $kb } KB)
# On a page shown in another language because it is not translated yet: $language is the leaflet's language.
print-download-in = Download this leaflet in { $language } (PDF)
print-download-in-facts = Download this leaflet in { $language } (PDF, { $pages ->
    [one] 1 page
   *[other] { $pages } pages
}, { $kb } KB)
