# clearleaf UI strings: Arabic (العربية). Right-to-left script.
# These are example translations. A qualified translator must check them before use.
# $language and $source-language are endonyms (for example "English", "Cymraeg").
# The strings say "باللغة { $language }" ("in the language …"), which reads well
# with any name.
# clearleaf turns off Fluent's bidi isolation marks (the templates use <bdi> instead), so a
# Latin-script name inside this right-to-left text relies on the Unicode bidi algorithm.
# Every locale must name itself in its own language.
language-name = العربية

# Used when site.yaml has no title for this language.
site-title = موارد المساواة في الصحة النفسية

## Page frame
skip-to-content = انتقل إلى المحتوى الرئيسي
nav-label = القائمة الرئيسية
breadcrumb-label = أنت هنا
home = الصفحة الرئيسية
language-switcher-label = اقرأ هذه الصفحة بلغة أخرى
# Shown after a language in the switcher when that page is not translated yet.
language-not-translated = (لم تُترجم بعد)
footer-label = عن هذا الموقع
footer-other-formats = اطلب هذه المعلومات بشكل آخر، مثل الطباعة الكبيرة أو التسجيل الصوتي أو طريقة برايل.
page-title-pattern = { $page } – { $site }
section-title-pattern = { $page } – { $section } – { $site }

## Standard and Easy-read forms
form-easy-read = سهل القراءة
form-standard = عادي
easy-read-link = اقرأ النسخة سهلة القراءة من هذه الصفحة
standard-link = اقرأ النسخة العادية من هذه الصفحة
other-form-label = نسخ أخرى من هذه الصفحة

## Sections and lists
in-this-section = في هذا القسم
home-pages = صفحات هذا الموقع
# Arabic plural categories: zero (0), one (1), two (2), few (3–10, 103–110, …),
# many (11–99, 111–199, …), other (100–102, …).
# 3–10 take the plural "صفحات"; 11–99 and 100+ take the singular "صفحة".
pages-count = { $count ->
    [zero] لا توجد صفحات
    [one] صفحة واحدة
    [two] صفحتان
    [few] { $count } صفحات
    [many] { $count } صفحة
   *[other] { $count } صفحة
}

## Dates
last-reviewed = آخر مراجعة: { $date }
review-due = موعد المراجعة القادمة: { $date }

## Markdown parts
footnotes-label = ملاحظات
footnote-ref = ملاحظة { $number }
footnote-back = ارجع إلى نص الملاحظة { $number }
task-done = تم
task-todo = لم يتم بعد
words-we-use = كلمات نستخدمها

## Translation notices
notice-label = تنبيه عن هذه الصفحة
fallback-notice = هذه الصفحة غير متوفرة باللغة { $language } بعد. في الأسفل النسخة باللغة { $source-language }.
outdated-notice = تغيّرت نسخة هذه الصفحة باللغة { $source-language } بعد إعداد هذه الترجمة. قد تكون بعض المعلومات هنا قديمة.
outdated-notice-link = اقرأ أحدث نسخة باللغة { $source-language }
easy-read-fallback-notice = لا توجد نسخة سهلة القراءة من هذه الصفحة باللغة { $language } بعد. في الأسفل النسخة سهلة القراءة باللغة { $source-language }.
easy-read-outdated-notice = تغيّرت النسخة العادية من هذه الصفحة بعد إعداد هذه النسخة سهلة القراءة. قد تكون بعض المعلومات هنا قديمة.
critical-outdated-notice = مهم: تغيّرت هذه الصفحة بعد إعداد هذه النسخة. قد تكون المعلومات هنا، مثل أرقام الهاتف وأوقات العمل، غير صحيحة. تحقّق من الصفحة المحدّثة قبل أن تتصرّف.
critical-outdated-notice-link = اقرأ الصفحة المحدّثة
outdated-fallback-notice = يجري تحديث نسخة هذه الصفحة باللغة { $language }. في الأسفل النسخة باللغة { $source-language }.

## Error page
not-found-title = الصفحة غير موجودة
not-found-body = لم نجد هذه الصفحة. ربما انتقلت إلى مكان آخر.
not-found-home = اذهب إلى الصفحة الرئيسية

## Search
search-link = بحث
search-title = ابحث في هذا الموقع
search-label = عمّ تبحث؟
search-hint = اكتب كلمة أو كلمتين، مثلًا: مترجم
search-button = بحث
search-needs-javascript = يحتاج البحث إلى جافاسكريبت، وهي متوقفة أو لا تعمل في متصفحك.
search-pages-link = ابحث عن صفحة من الصفحة الرئيسية بدلًا من ذلك
search-searching = جارٍ البحث…
search-results = { $count ->
    [zero] لا توجد نتائج لـ «{ $query }»
    [one] نتيجة واحدة لـ «{ $query }»
    [two] نتيجتان لـ «{ $query }»
    [few] { $count } نتائج لـ «{ $query }»
    [many] { $count } نتيجة لـ «{ $query }»
   *[other] { $count } نتيجة لـ «{ $query }»
}
search-no-results = لا توجد نتائج لـ «{ $query }». جرّب كلمة أخرى.
search-more = اعرض مزيدًا من النتائج
search-failed = البحث لا يعمل الآن. يُرجى المحاولة مرة أخرى لاحقًا.
search-result-standard = النسخة العادية
search-result-easy-read = النسخة سهلة القراءة

## PDF leaflets
print-page-of = الصفحة { $page } من { $total }
print-checked-by = راجعها مع القرّاء: { $who }، في { $date }.
print-other-formats-heading = صيغ ولغات أخرى
print-languages = يمكنك قراءة هذه النشرة بهذه اللغات:
print-qr-alt = رمز QR: امسحه بالهاتف لفتح هذه النشرة على الإنترنت
print-web-address = اقرأ هذه النشرة على الإنترنت:
print-download = نزّل هذه النشرة (PDF)
print-download-facts = نزّل هذه النشرة (PDF، { $pages ->
    [zero] { $pages } صفحة
    [one] صفحة واحدة
    [two] صفحتان
    [few] { $pages } صفحات
   *[other] { $pages } صفحة
}، { $kb } كيلوبايت)
print-download-in = نزّل هذه النشرة باللغة { $language } (PDF)
print-download-in-facts = نزّل هذه النشرة باللغة { $language } (PDF، { $pages ->
    [zero] { $pages } صفحة
    [one] صفحة واحدة
    [two] صفحتان
    [few] { $pages } صفحات
   *[other] { $pages } صفحة
}، { $kb } كيلوبايت)
