# clearleaf UI strings: Welsh (Cymraeg).
# These are example translations. A qualified translator must check them before use.
# Welsh mutations: the language names passed in $language and $source-language are
# endonyms (for example "English", "Polski"), so the strings avoid "yn { $language }",
# which would need a mutation. They put the name in brackets or after a colon instead.
# Every locale must name itself in its own language.
language-name = Cymraeg

# Used when site.yaml has no title for this language.
site-title = Adnoddau cydraddoldeb iechyd meddwl

## Page frame
skip-to-content = Neidio i'r prif gynnwys
nav-label = Prif ddewislen
breadcrumb-label = Rydych chi yma
home = Hafan
language-switcher-label = Darllen y dudalen hon mewn iaith arall
# Shown after a language in the switcher when that page is not translated yet.
language-not-translated = (heb ei chyfieithu eto)
footer-label = Am y wefan hon
footer-other-formats = Gofynnwch am y wybodaeth hon mewn fformat arall, fel print bras, sain neu Braille.
page-title-pattern = { $page } – { $site }
section-title-pattern = { $page } – { $section } – { $site }

## Standard and Easy-read forms
form-easy-read = Hawdd ei Ddeall
form-standard = Safonol
easy-read-link = Darllen y fersiwn Hawdd ei Ddeall o'r dudalen hon
standard-link = Darllen y fersiwn safonol o'r dudalen hon
other-form-label = Fersiynau eraill o'r dudalen hon

## Sections and lists
in-this-section = Yn yr adran hon
home-pages = Tudalennau ar y wefan hon
# Welsh plural categories: zero (0), one (1), two (2), few (3), many (6), other.
# "tudalen" is feminine: un dudalen, dwy dudalen, tair tudalen, chwe thudalen.
# After a number written in digits Welsh uses the singular noun: "4 tudalen".
pages-count = { $count ->
    [zero] Dim tudalennau
    [one] Un dudalen
    [two] Dwy dudalen
    [few] Tair tudalen
    [many] Chwe thudalen
   *[other] { $count } tudalen
}

## Dates
last-reviewed = Gwiriwyd ddiwethaf: { $date }
review-due = Dyddiad y gwiriad nesaf: { $date }

## Markdown parts
footnotes-label = Nodiadau
footnote-ref = Nodyn { $number }
footnote-back = Yn ôl i destun nodyn { $number }
task-done = Wedi'i wneud
task-todo = Heb ei wneud eto
words-we-use = Geiriau rydyn ni'n eu defnyddio

## Translation notices
notice-label = Hysbysiad am y dudalen hon
fallback-notice = Nid yw'r dudalen hon ar gael yn eich iaith chi ({ $language }) eto. Isod mae'r dudalen mewn iaith arall: { $source-language }.
outdated-notice = Mae'r dudalen wreiddiol ({ $source-language }) wedi newid ers gwneud y cyfieithiad hwn. Efallai bod rhai manylion yma wedi dyddio.
outdated-notice-link = Darllen y fersiwn ddiweddaraf ({ $source-language })
easy-read-fallback-notice = Nid oes fersiwn Hawdd ei Ddeall o'r dudalen hon yn eich iaith chi ({ $language }) eto. Isod mae'r fersiwn Hawdd ei Ddeall mewn iaith arall: { $source-language }.
easy-read-outdated-notice = Mae'r fersiwn safonol o'r dudalen hon wedi newid ers gwneud y fersiwn Hawdd ei Ddeall hon. Efallai bod rhai manylion yma wedi dyddio.
critical-outdated-notice = Pwysig: mae'r dudalen hon wedi newid ers gwneud y fersiwn hon. Gall ffeithiau yma, fel rhifau ffôn ac oriau agor, fod yn anghywir. Gwiriwch y dudalen ddiweddaraf cyn gwneud dim.
critical-outdated-notice-link = Darllen y dudalen ddiweddaraf
outdated-fallback-notice = Rydym yn diweddaru'r dudalen hon yn eich iaith chi ({ $language }). Isod mae'r dudalen mewn iaith arall: { $source-language }.

## Error page
not-found-title = Methu dod o hyd i'r dudalen
not-found-body = Doedden ni ddim yn gallu dod o hyd i'r dudalen hon. Efallai ei bod wedi symud.
not-found-home = Mynd i'r hafan

## Search
search-link = Chwilio
search-title = Chwilio'r wefan hon
search-label = Beth ydych chi'n chwilio amdano?
search-hint = Teipiwch air neu ddau, er enghraifft: cyfieithydd
search-button = Chwilio
search-needs-javascript = Mae angen JavaScript i chwilio, ac mae wedi'i ddiffodd neu nid yw'n gweithio yn eich porwr.
search-pages-link = Dewch o hyd i dudalen o'r hafan yn lle hynny
search-searching = Wrthi'n chwilio…
search-results = { $count ->
    [zero] Dim canlyniadau ar gyfer “{ $query }”
    [one] Un canlyniad ar gyfer “{ $query }”
    [two] Dau ganlyniad ar gyfer “{ $query }”
    [few] Tri chanlyniad ar gyfer “{ $query }”
    [many] Chwe chanlyniad ar gyfer “{ $query }”
   *[other] { $count } canlyniad ar gyfer “{ $query }”
}
search-no-results = Dim canlyniadau ar gyfer “{ $query }”. Rhowch gynnig ar air arall.
search-more = Dangos rhagor o ganlyniadau
search-failed = Nid yw chwilio'n gweithio ar hyn o bryd. Rhowch gynnig arall arni yn nes ymlaen.
search-result-standard = Fersiwn safonol
search-result-easy-read = Fersiwn Hawdd ei Ddeall

## PDF leaflets
print-page-of = Tudalen { $page } o { $total }
print-checked-by = Wedi'i gwirio gyda darllenwyr gan { $who } ar { $date }.
print-other-formats-heading = Fformatau ac ieithoedd eraill
print-languages = Gallwch ddarllen y daflen hon yn yr ieithoedd hyn:
print-qr-alt = Cod QR: sganiwch ef gyda ffôn i agor y daflen hon ar y we
print-web-address = Darllenwch y daflen hon ar y we:
print-download = Lawrlwytho'r daflen hon (PDF)
print-download-facts = Lawrlwytho'r daflen hon (PDF, { $pages ->
    [one] 1 dudalen
    [two] 2 dudalen
   *[other] { $pages } tudalen
}, { $kb } KB)
print-download-in = Lawrlwytho'r daflen hon yn { $language } (PDF)
print-download-in-facts = Lawrlwytho'r daflen hon yn { $language } (PDF, { $pages ->
    [one] 1 dudalen
    [two] 2 dudalen
   *[other] { $pages } tudalen
}, { $kb } KB)
