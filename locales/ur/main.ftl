# clearleaf UI strings: Urdu (اردو). Right-to-left script.
# These are example translations. A qualified translator must check them before use.
# $language and $source-language are endonyms (for example "English", "Cymraeg").
# Urdu postpositions (میں، کا) work after any name, so the names go straight into the text.
# clearleaf turns off Fluent's bidi isolation marks (the templates use <bdi> instead), so a
# Latin-script name inside this right-to-left text relies on the Unicode bidi algorithm.
# Every locale must name itself in its own language.
language-name = اردو

# Used when site.yaml has no title for this language.
site-title = ذہنی صحت میں برابری کے لیے معلومات

## Page frame
skip-to-content = اصل مواد پر جائیں
nav-label = مرکزی مینو
breadcrumb-label = آپ یہاں ہیں
home = مرکزی صفحہ
language-switcher-label = یہ صفحہ کسی دوسری زبان میں پڑھیں
# Shown after a language in the switcher when that page is not translated yet.
language-not-translated = (ابھی ترجمہ نہیں ہوا)
footer-label = اس ویب سائٹ کے بارے میں
footer-other-formats = یہ معلومات کسی اور شکل میں مانگیں، جیسے بڑے حروف، آڈیو یا بریل میں۔
page-title-pattern = { $page } – { $site }
section-title-pattern = { $page } – { $section } – { $site }

## Standard and Easy-read forms
form-easy-read = پڑھنے میں آسان
form-standard = معیاری
easy-read-link = اس صفحے کا پڑھنے میں آسان ورژن پڑھیں
standard-link = اس صفحے کا معیاری ورژن پڑھیں
other-form-label = اس صفحے کے دوسرے ورژن

## Sections and lists
in-this-section = اس حصے میں
home-pages = اس ویب سائٹ کے صفحات
# Urdu plural categories: one (1), other.
pages-count = { $count ->
    [one] ایک صفحہ
   *[other] { $count } صفحات
}

## Dates
last-reviewed = آخری بار چیک کیا گیا: { $date }
review-due = اگلی بار چیک کرنے کی تاریخ: { $date }

## Markdown parts
footnotes-label = نوٹ
footnote-ref = نوٹ { $number }
footnote-back = نوٹ { $number } کے متن پر واپس جائیں
task-done = ہو گیا
task-todo = ابھی نہیں ہوا
words-we-use = الفاظ جو ہم استعمال کرتے ہیں

## Translation notices
notice-label = اس صفحے کے بارے میں اطلاع
fallback-notice = یہ صفحہ ابھی { $language } میں دستیاب نہیں ہے۔ نیچے اس صفحے کا { $source-language } ورژن ہے۔
outdated-notice = یہ ترجمہ بننے کے بعد اس صفحے کا { $source-language } ورژن بدل گیا ہے۔ یہاں کچھ معلومات پرانی ہو سکتی ہیں۔
outdated-notice-link = تازہ ترین { $source-language } ورژن پڑھیں
easy-read-fallback-notice = اس صفحے کا پڑھنے میں آسان ورژن ابھی { $language } میں نہیں ہے۔ نیچے { $source-language } میں پڑھنے میں آسان ورژن ہے۔
easy-read-outdated-notice = پڑھنے میں آسان یہ ورژن بننے کے بعد اس صفحے کا معیاری ورژن بدل گیا ہے۔ یہاں کچھ معلومات پرانی ہو سکتی ہیں۔
critical-outdated-notice = اہم: یہ ورژن بننے کے بعد یہ صفحہ بدل گیا ہے۔ یہاں دی گئی معلومات، جیسے فون نمبر اور کھلنے کے اوقات، غلط ہو سکتی ہیں۔ کچھ کرنے سے پہلے تازہ ترین صفحہ دیکھیں۔
critical-outdated-notice-link = تازہ ترین صفحہ پڑھیں
outdated-fallback-notice = اس صفحے کا { $language } ورژن تازہ کیا جا رہا ہے۔ نیچے اس صفحے کا { $source-language } ورژن ہے۔

## Error page
not-found-title = صفحہ نہیں ملا
not-found-body = ہمیں یہ صفحہ نہیں ملا۔ ہو سکتا ہے یہ کسی اور جگہ چلا گیا ہو۔
not-found-home = مرکزی صفحے پر جائیں

## Search
search-link = تلاش کریں
search-title = اس ویب سائٹ میں تلاش کریں
search-label = آپ کیا تلاش کر رہے ہیں؟
search-hint = ایک یا دو الفاظ لکھیں، مثال کے طور پر: ترجمان
search-button = تلاش کریں
search-needs-javascript = تلاش کے لیے جاوا اسکرپٹ ضروری ہے، جو آپ کے براؤزر میں بند ہے یا کام نہیں کر رہا۔
search-pages-link = اس کے بجائے مرکزی صفحے سے کوئی صفحہ تلاش کریں
search-searching = تلاش ہو رہی ہے…
search-results = { $count ->
    [one] “{ $query }” کے لیے ایک نتیجہ
   *[other] “{ $query }” کے لیے { $count } نتائج
}
search-no-results = “{ $query }” کے لیے کوئی نتیجہ نہیں ملا۔ کوئی اور لفظ آزمائیں۔
search-more = مزید نتائج دکھائیں
search-failed = تلاش ابھی کام نہیں کر رہی۔ براہ کرم بعد میں دوبارہ کوشش کریں۔
search-result-standard = معیاری ورژن
search-result-easy-read = پڑھنے میں آسان ورژن

## PDF leaflets
print-page-of = صفحہ { $page } از { $total }
print-checked-by = { $who } نے { $date } کو قارئین کے ساتھ اس کی جانچ کی۔
print-other-formats-heading = دوسری شکلیں اور زبانیں
print-languages = آپ یہ کتابچہ ان زبانوں میں پڑھ سکتے ہیں:
print-qr-alt = کیو آر کوڈ: یہ کتابچہ انٹرنیٹ پر کھولنے کے لیے اسے فون سے اسکین کریں
print-web-address = یہ کتابچہ انٹرنیٹ پر پڑھیں:
print-download = یہ کتابچہ ڈاؤن لوڈ کریں (PDF)
print-download-facts = یہ کتابچہ ڈاؤن لوڈ کریں (PDF، { $pages ->
    [one] 1 صفحہ
   *[other] { $pages } صفحات
}، { $kb } KB)
print-download-in = یہ کتابچہ { $language } میں ڈاؤن لوڈ کریں (PDF)
print-download-in-facts = یہ کتابچہ { $language } میں ڈاؤن لوڈ کریں (PDF، { $pages ->
    [one] 1 صفحہ
   *[other] { $pages } صفحات
}، { $kb } KB)
