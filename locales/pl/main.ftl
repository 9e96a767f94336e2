# clearleaf UI strings: Polish (Polski).
# These are example translations. A qualified translator must check them before use.
# Polish grammar: the language names passed in $language and $source-language are
# endonyms (for example "English", "Cymraeg") and cannot be declined, so the strings
# put the name in brackets or after a colon instead of "po angielsku" style phrases.
# The reader is addressed with "ty" (informal), as is usual in Easy-read Polish.
# Every locale must name itself in its own language.
language-name = Polski

# Used when site.yaml has no title for this language.
site-title = Materiały o równości w zdrowiu psychicznym

## Page frame
skip-to-content = Przejdź do treści głównej
nav-label = Menu główne
breadcrumb-label = Jesteś tutaj
home = Strona główna
language-switcher-label = Przeczytaj tę stronę w innym języku
# Shown after a language in the switcher when that page is not translated yet.
language-not-translated = (jeszcze nieprzetłumaczona)
footer-label = O tym serwisie
footer-other-formats = Poproś o te informacje w innej formie, na przykład dużym drukiem, w wersji audio albo w alfabecie Braille'a.
page-title-pattern = { $page } – { $site }
section-title-pattern = { $page } – { $section } – { $site }

## Standard and Easy-read forms
form-easy-read = Tekst łatwy do czytania
form-standard = Tekst standardowy
easy-read-link = Przeczytaj łatwą do czytania wersję tej strony
standard-link = Przeczytaj standardową wersję tej strony
other-form-label = Inne wersje tej strony

## Sections and lists
in-this-section = W tym dziale
home-pages = Strony w tym serwisie
# Polish plural categories: one (1), few (2–4, 22–24, …), many (0, 5–21, 25–31, …),
# other (fractions, for example 1,5 strony).
pages-count = { $count ->
    [one] Jedna strona
    [few] { $count } strony
    [many] { $count } stron
   *[other] { $count } strony
}

## Dates
last-reviewed = Ostatnio sprawdzono: { $date }
review-due = Następne sprawdzenie: { $date }

## Markdown parts
footnotes-label = Przypisy
footnote-ref = Przypis { $number }
footnote-back = Wróć do tekstu przypisu { $number }
task-done = Zrobione
task-todo = Jeszcze niezrobione
words-we-use = Słowa, których używamy

## Translation notices
notice-label = Informacja o tej stronie
fallback-notice = Ta strona nie jest jeszcze dostępna w Twoim języku ({ $language }). Poniżej jest wersja w innym języku: { $source-language }.
outdated-notice = Oryginalna wersja tej strony ({ $source-language }) zmieniła się od czasu tego tłumaczenia. Niektóre informacje tutaj mogą być nieaktualne.
outdated-notice-link = Przeczytaj aktualną wersję ({ $source-language })
easy-read-fallback-notice = Nie ma jeszcze łatwej do czytania wersji tej strony w Twoim języku ({ $language }). Poniżej jest łatwa do czytania wersja w innym języku: { $source-language }.
easy-read-outdated-notice = Standardowa wersja tej strony zmieniła się od czasu przygotowania tej łatwej do czytania wersji. Niektóre informacje tutaj mogą być nieaktualne.
critical-outdated-notice = Ważne: ta strona zmieniła się od czasu przygotowania tej wersji. Informacje tutaj, takie jak numery telefonów i godziny otwarcia, mogą być błędne. Zanim coś zrobisz, sprawdź aktualną stronę.
critical-outdated-notice-link = Przeczytaj aktualną stronę
outdated-fallback-notice = Aktualizujemy tę stronę w Twoim języku ({ $language }). Poniżej jest wersja w innym języku: { $source-language }.

## Error page
not-found-title = Nie znaleziono strony
not-found-body = Nie możemy znaleźć tej strony. Może jest teraz w innym miejscu.
not-found-home = Przejdź do strony głównej

## Search
search-link = Szukaj
search-title = Szukaj w tej witrynie
search-label = Czego szukasz?
search-hint = Wpisz jedno lub dwa słowa, na przykład: tłumacz
search-button = Szukaj
search-needs-javascript = Wyszukiwanie wymaga JavaScriptu, który jest wyłączony lub nie działa w Twojej przeglądarce.
search-pages-link = Zamiast tego znajdź stronę na stronie głównej
search-searching = Szukam…
search-results = { $count ->
    [one] Jeden wynik dla „{ $query }”
    [few] { $count } wyniki dla „{ $query }”
    [many] { $count } wyników dla „{ $query }”
   *[other] { $count } wyniku dla „{ $query }”
}
search-no-results = Brak wyników dla „{ $query }”. Spróbuj innego słowa.
search-more = Pokaż więcej wyników
search-failed = Wyszukiwanie teraz nie działa. Spróbuj ponownie później.
search-result-standard = Wersja standardowa
search-result-easy-read = Wersja łatwa do czytania

## PDF leaflets
print-page-of = Strona { $page } z { $total }
print-checked-by = Sprawdzone razem z czytelnikami. Sprawdził: { $who }, { $date }.
print-other-formats-heading = Inne formaty i języki
print-languages = Tę ulotkę można przeczytać w tych językach:
print-qr-alt = Kod QR: zeskanuj go telefonem, aby otworzyć tę ulotkę w internecie
print-web-address = Przeczytaj tę ulotkę w internecie:
print-download = Pobierz tę ulotkę (PDF)
print-download-facts = Pobierz tę ulotkę (PDF, { $pages ->
    [one] 1 strona
    [few] { $pages } strony
    [many] { $pages } stron
   *[other] { $pages } strony
}, { $kb } KB)
print-download-in = Pobierz tę ulotkę w języku: { $language } (PDF)
print-download-in-facts = Pobierz tę ulotkę w języku: { $language } (PDF, { $pages ->
    [one] 1 strona
    [few] { $pages } strony
    [many] { $pages } stron
   *[other] { $pages } strony
}, { $kb } KB)
