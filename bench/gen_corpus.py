#!/usr/bin/env python3
"""Write a synthetic site of mental-health leaflets for clearleaf's benchmarks.

    python3 bench/gen_corpus.py OUT_DIR --pages N [--langs en,cy,ur] [--seed S]
                                [--layout clearleaf|hugo] [--no-easy] [--reuse]

Each of the N leaflets has a standard English page, an Easy read page and one page per extra
language (Welsh `cy` and Urdu `ur` by default). The `hugo` layout holds the same text as the
`clearleaf` layout, laid out for Hugo, so that the two tools can be timed on the same pages.
The same arguments always give the same bytes. OUT_DIR must be new or empty; with --reuse, a
corpus this generator made there with the same options is kept, and another one it made is
replaced. Python 3 standard library only. See bench/README.md for the shape of the corpus.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import posixpath
import random
import shutil
import struct
import sys
import zlib
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

# Written into corpus.json with the options, so that --reuse can tell whether a corpus made
# earlier (perhaps by an older version of this file) is the one asked for. Change it whenever
# the text this file writes changes.
GENERATOR = "clearleaf bench/gen_corpus.py 1"

# ---------------------------------------------------------------------------------------------
# The site's tree: 20 sections, 7 of them split into areas (25 areas), so 38 folders hold
# leaflets. Leaflets are dealt out to those folders in turn.
# ---------------------------------------------------------------------------------------------

TREE = [
    ("getting-help", ["cardiff", "newport"]),
    ("crisis-support", []),
    ("counselling", []),
    ("community-teams", ["cardiff", "newport", "swansea", "wrexham", "online"]),
    ("medicines", []),
    ("family-and-friends", []),
    ("young-people", ["cardiff", "newport", "swansea", "wrexham"]),
    ("your-rights", []),
    ("wellbeing", []),
    ("older-people", ["cardiff", "newport", "swansea"]),
    ("money-and-housing", []),
    ("staying-in-hospital", []),
    ("new-parents", ["cardiff", "newport"]),
    ("eating-and-food", []),
    ("drink-and-drugs", []),
    ("learning-disability", ["cardiff", "newport", "swansea", "wrexham", "online"]),
    ("after-a-crisis", []),
    ("advocacy", []),
    ("self-help", []),
    ("about-the-service", ["cardiff", "newport", "swansea", "wrexham"]),
]

# ---------------------------------------------------------------------------------------------
# Words. English text is drawn from whole sentences; Welsh and Urdu text is word salad from a
# list of service words, which is enough for the builder: it does not understand them.
# ---------------------------------------------------------------------------------------------

STANDARD_SENTENCES = [
    "The wellbeing service is for anyone over eighteen who is finding it hard to cope with everyday life.",
    "You do not need a letter from your doctor to contact us, although many people are referred by their practice.",
    "When we receive a referral we phone you within five working days to talk about what kind of help would suit you.",
    "Most people are offered an assessment appointment within a month of that first phone call.",
    "The assessment usually lasts about an hour and gives you time to explain what has been happening.",
    "Your worker will write down what you agree together and send you a copy of the plan.",
    "Counselling sessions last fifty minutes and normally happen once a week at the same time.",
    "Cognitive behavioural therapy looks at the links between thoughts, feelings and the things we do.",
    "You are welcome to bring someone you trust to any appointment, such as a partner, friend or advocate.",
    "We can arrange an interpreter for any language, including British Sign Language, free of charge.",
    "Sessions can be held face to face, over the phone or by video, whichever you find easiest.",
    "This leaflet is also available in large print, audio, Braille and Easy read versions.",
    "Everything you tell us is kept private and is only shared with the people who are helping you.",
    "If we believe that you or someone else is at serious risk of harm, we may have to pass information on.",
    "You can ask to read your records at any time, and we will correct anything that is wrong.",
    "If you are not happy with the service, please tell us so that we can try to put things right.",
    "Formal complaints are acknowledged within three working days and answered within four weeks.",
    "People who look after a relative or friend are entitled to an assessment of their own needs.",
    "The crisis line is staffed by trained workers every hour of the day and night, all year round.",
    "If you are in immediate danger, phone the emergency services or go straight to the nearest hospital.",
    "Your prescriber will explain what a medicine is for, how long to take it and which side effects to look out for.",
    "Stopping some medicines suddenly can make you feel unwell, so talk to your prescriber before you change anything.",
    "Our peer workers have lived through mental health problems themselves and know how hard recovery can be.",
    "Weekly groups cover topics such as managing worry, sleeping better and finding a daily routine.",
    "Many people start to feel some benefit after a handful of sessions, but everyone moves at their own pace.",
    "You can leave the service whenever you choose, and you are welcome to come back later if you need to.",
    "We work alongside advice services that can help with debt, benefits, housing and finding work.",
    "A staying well plan records the early signs that things are slipping and the steps that help you most.",
    "All of our buildings have level access, accessible toilets, hearing loops and a quiet room.",
    "Please give us at least a day's notice if you cannot come to an appointment, so that someone else can use it.",
    "Young people between sixteen and twenty-five can stay with the youth team while they move to adult services.",
    "An advance statement lets you set out how you would like to be cared for if you become very unwell.",
    "If you are detained in hospital, an independent advocate can explain your rights and help you use them.",
    "We ask everyone who uses the service for their views, and we publish what we change as a result.",
    "Online courses are available for people who would rather work through the material in their own time.",
    "A yearly physical health check is offered to everyone, because body and mind affect each other.",
    "Your named worker is the person to contact first, and they will review your plan with you every few months.",
    "Please bring a list of the medicines you take, including any you buy from a chemist or supermarket.",
    "Help with the cost of travel to appointments may be available if money is tight.",
    "The service is paid for by the health board, and you will never be asked to pay for your care.",
]

STANDARD_HEADINGS = [
    "About the service", "Who we help", "How to contact us", "Being referred", "Your assessment",
    "Planning your support", "Counselling and therapy", "Medicines", "Help for carers", "Your rights",
    "Privacy", "In an emergency", "Access to our buildings", "Other languages and formats",
    "Complaints and compliments", "Peer support", "Groups", "Finding us", "Staying well",
    "Having your say",
]

STANDARD_SUBHEADINGS = [
    "Before your visit", "On the day", "Afterwards", "Other useful numbers", "What happens next",
    "Waiting times", "Questions to ask", "When we are open", "Paying for care", "Getting ready",
]

TOPICS = [
    "Worry and panic", "Depression", "Sleep problems", "Crisis care", "Eating disorders", "Psychosis",
    "Bipolar disorder", "Self-harm", "Grief and loss", "Mental health after birth", "Memory problems",
    "Student mental health", "Carer support", "Advocacy", "Counselling", "Medicines", "Recovery courses",
    "Housing advice", "Help with work", "Alcohol and drugs", "Trauma", "Obsessive thoughts", "Stress at work",
    "Loneliness", "Hearing voices", "Autism and ADHD",
]

AUDIENCES = [
    "for adults", "for teenagers", "for carers", "for families", "in your area", "at home", "in hospital",
    "at night", "online", "for older people",
]

TAGS = [
    "worry", "low-mood", "sleep", "crisis", "carers", "advocacy", "counselling", "medicines", "recovery",
    "housing", "work", "young-people", "older-people", "rights", "access", "languages", "peer-support",
    "wellbeing", "local", "hospital",
]

PICTURE_DESCRIPTIONS = [
    "A worker and a young man talking at a table", "The front door of the wellbeing centre",
    "Two people walking in a park", "A woman on the phone at home", "A group sitting in a circle",
    "A pharmacist handing over a bag of medicines", "A map of the town centre with the clinic marked",
    "An interpreter sitting beside a patient", "A quiet room with soft chairs", "A calendar with an appointment circled",
]

LINK_PHRASES = [
    "read more about this", "another leaflet", "what to do next", "help in a crisis", "our other services",
    "support for carers", "how to make a complaint", "your rights", "the groups we run", "getting here",
]

TABLE_CELLS = [
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "9am to 5pm", "evenings", "by phone", "by video",
    "in person", "drop in", "booking needed", "free", "city centre", "north clinic", "ground floor",
    "one hour", "weekly", "monthly", "any age",
]

EASY_SENTENCES = [
    "This leaflet tells you about our service.",
    "We help people who feel low or worried.",
    "Your mind can get poorly, like your body.",
    "It is fine to ask for help.",
    "Your doctor can send us your name.",
    "You can phone us yourself.",
    "We will write to you.",
    "The letter says when to come.",
    "You can bring a friend.",
    "We will listen to you.",
    "We will ask you how you feel.",
    "You can say no to a question.",
    "We will make a plan together.",
    "The plan says what help you get.",
    "You will meet a worker.",
    "Talking about how you feel can help.",
    "Some people need tablets.",
    "The doctor will tell you about your tablets.",
    "Ask the doctor before you stop your tablets.",
    "We keep what you tell us private.",
    "We tell others only if you are not safe.",
    "You can have someone to help with words.",
    "They can speak your language.",
    "This help is free.",
    "There is a ramp at the door.",
    "There is a quiet room to wait in.",
    "You can talk to us on the phone.",
    "You can talk to us on a video call.",
    "If you feel very bad, phone the help line.",
    "The help line is open day and night.",
    "Tell us if you are not happy.",
    "We will try to make it better.",
    "People who look after you can get help too.",
    "You can stop when you want.",
    "You can come back any time.",
    "You do not have to pay.",
]

EASY_HEADINGS = [
    "About this leaflet", "How we help", "Asking for help", "Your first visit", "Your plan", "Tablets",
    "Staying safe", "Your rights", "Help with words", "If you are not happy", "How to find us",
]

WELSH_WORDS = """
gwasanaeth iechyd meddwl lles cymorth help cefnogi apwyntiad meddyg nyrs gweithiwr teulu ffrind
gofalwr cymuned ysbyty clinig argyfwng ffonio galw llythyr cyfarfod siarad gwrando cynllun gofal
therapi cwnsela tabledi moddion cysgu poeni pryderus trist blinedig diogel preifat hawl hawliau cwyn
gwella adferiad grŵp wythnos diwrnod nos bore prynhawn heddiw yfory amser lle ystafell drws adeilad
mynediad cyfieithu iaith Cymraeg Saesneg print mawr sain hawdd darllen deall am ddim lleol ardal
pobl ifanc hŷn oedolion plant rhieni ac a neu gyda heb ar yn i o at gan dros mae bydd gallwch
byddwn rydym rydych eich ein eu chi ni nhw angen eisiau gwybod gofyn ateb dewis newid cadw rhannu
""".split()

URDU_WORDS = """
ذہنی صحت خدمت مدد سہارا ملاقات ڈاکٹر نرس کارکن خاندان دوست دیکھ بھال کرنے والا برادری ہسپتال
کلینک ہنگامی فون خط ملنا بات سننا منصوبہ علاج مشورہ دوائی گولیاں نیند فکر پریشان اداس تھکا محفوظ
نجی حق حقوق شکایت بہتری صحتیابی گروپ ہفتہ دن رات صبح شام آج کل وقت جگہ کمرہ دروازہ عمارت
رسائی ترجمہ زبان اردو انگریزی بڑا پرنٹ آواز آسان پڑھنا سمجھنا مفت مقامی علاقہ لوگ نوجوان بزرگ
بالغ بچے والدین اور یا کے ساتھ بغیر پر میں کو سے تک ہے ہیں گا گی آپ ہم وہ ضرورت چاہنا جاننا
پوچھنا جواب انتخاب بدلنا رکھنا بانٹنا
""".split()

PSEUDO_WORDS = {"cy": WELSH_WORDS, "ur": URDU_WORDS}

LANGUAGE_NAMES = {"en": "English", "en-easy": "Easy read", "cy": "Cymraeg", "ur": "اردو"}

SITE_TITLE = "Mental health leaflets"
FIRST_DATE = date(2023, 1, 1)
LEAFLET_PICTURES = 40
EASY_PICTURES = 60


def stable_seed(*parts: object) -> int:
    """A seed from any values, the same on every run (Python's own hash() is salted)."""
    digest = hashlib.blake2b("\x1f".join(map(str, parts)).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def word_count(text: str) -> int:
    return len(text.split())


def upper_first(text: str) -> str:
    """Capitalises a Latin-script sentence; other scripts have no capitals and are unchanged."""
    return text[:1].upper() + text[1:]


def slug(text: str) -> str:
    words = "".join(c if c.isascii() and c.isalnum() else " " for c in text.lower()).split()
    return "-".join(words)


# ---------------------------------------------------------------------------------------------
# Variants and the text of each
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Variant:
    """One version of every page: `en`, `en-easy` (Easy read) or a translation such as `cy`."""

    code: str

    @property
    def easy(self) -> bool:
        return self.code == "en-easy"

    @property
    def english(self) -> bool:
        return self.code in ("en", "en-easy")


class Writer:
    """Makes sentences, headings and phrases in one variant's language from one random stream."""

    def __init__(self, variant: Variant, rng: random.Random):
        self.variant = variant
        self.rng = rng

    def _salad(self, low: int, high: int) -> list[str]:
        words = PSEUDO_WORDS[self.variant.code]
        return [self.rng.choice(words) for _ in range(self.rng.randint(low, high))]

    def sentence(self) -> str:
        if self.variant.easy:
            return self.rng.choice(EASY_SENTENCES)
        if self.variant.english:
            return self.rng.choice(STANDARD_SENTENCES)
        words = self._salad(6, 16)
        if self.variant.code == "ur":
            return " ".join(words) + "۔"
        return upper_first(" ".join(words)) + "."

    def heading(self, minor: bool = False) -> str:
        if self.variant.easy:
            return self.rng.choice(EASY_HEADINGS)
        if self.variant.english:
            return self.rng.choice(STANDARD_SUBHEADINGS if minor else STANDARD_HEADINGS)
        return upper_first(" ".join(self._salad(2, 5)))

    def phrase(self, pool: list[str], low: int = 2, high: int = 5) -> str:
        """Link text, alt text or a table cell: from `pool` in English, else a few words."""
        if self.variant.english:
            return self.rng.choice(pool)
        return " ".join(self._salad(low, high))

    def paragraph(self, low: int = 3, high: int = 6) -> str:
        sentences = [self.sentence() for _ in range(self.rng.randint(low, high))]
        if len(sentences) > 1 and self.rng.random() < 0.6:
            self._wrap(sentences, "**")
        if self.rng.random() < 0.3:
            self._wrap(sentences, "*")
        return " ".join(sentences)

    def _wrap(self, sentences: list[str], mark: str) -> None:
        """Emphasises one sentence, leaving its full stop outside the emphasis."""
        i = self.rng.randrange(len(sentences))
        text, stop = sentences[i][:-1], sentences[i][-1]
        sentences[i] = f"{mark}{text}{mark}{stop}"

    def bullets(self, low: int, high: int) -> str:
        return "\n".join("- " + self.sentence() for _ in range(self.rng.randint(low, high)))

    def table(self) -> str:
        width = self.rng.randint(3, 4)
        rows = [[self.phrase(TABLE_CELLS, 1, 3) for _ in range(width)] for _ in range(1 + self.rng.randint(3, 6))]
        lines = ["| " + " | ".join(row) + " |" for row in rows]
        lines.insert(1, "|" + "|".join(["---"] * width) + "|")
        return "\n".join(lines)


class Blocks:
    """Markdown blocks with a running word count, joined by blank lines."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.words = 0

    def add(self, block: str) -> None:
        self.blocks.append(block)
        self.words += word_count(block)

    def text(self) -> str:
        return "\n\n".join(self.blocks) + "\n"


# ---------------------------------------------------------------------------------------------
# Leaflets
# ---------------------------------------------------------------------------------------------


@dataclass
class Leaflet:
    number: int
    key: int  # the seed of its own random streams
    folder: tuple[str, ...]
    name: str
    topic: str
    title: str
    day: date
    tags: list[str]
    length: int
    easy_length: int
    links: list[int]
    easy_link: int


def plan_leaflets(count: int, seed: int) -> tuple[list[tuple[str, ...]], list[Leaflet]]:
    """The sections (as folder paths) and the leaflets, with everything drawn at random."""
    sections: list[tuple[str, ...]] = []
    folders: list[tuple[str, ...]] = []
    for top, areas in TREE:
        sections.append((top,))
        sections.extend((top, area) for area in areas)
        folders.extend([(top, area) for area in areas] or [(top,)])
    leaflets = []
    for n in range(count):
        key = stable_seed(seed, "leaflet", n)
        rng = random.Random(key)
        topic = rng.choice(TOPICS)
        title = f"{topic} {rng.choice(AUDIENCES)}"
        leaflets.append(
            Leaflet(
                number=n,
                key=key,
                folder=folders[n % len(folders)],
                name=f"p{n + 1:05d}-{slug(title)}",
                topic=topic,
                title=title,
                day=FIRST_DATE + timedelta(days=rng.randint(0, 700)),
                tags=sorted(rng.sample(TAGS, rng.randint(2, 4))),
                length=rng.randint(400, 900),
                easy_length=rng.randint(150, 300),
                links=[rng.randrange(count) for _ in range(rng.randint(2, 4))],
                easy_link=rng.randrange(count),
            )
        )
    return sections, leaflets


# ---------------------------------------------------------------------------------------------
# Layouts: where each file goes and how one page links to another. Nothing else differs.
# ---------------------------------------------------------------------------------------------


class Layout:
    def __init__(self, default: Variant):
        self.default = default

    def source(self, folder: tuple[str, ...], name: str, variant: Variant) -> str:
        """The file's path under content/."""
        raise NotImplementedError

    def link(self, src: Leaflet, dst: Leaflet, variant: Variant) -> str:
        raise NotImplementedError


class ClearleafLayout(Layout):
    """`page.md`, `page.easy.md`, `page.cy.md`; links are relative paths to the source file."""

    def source(self, folder, name, variant):
        suffix = "" if variant == self.default else ".easy" if variant.easy else "." + variant.code
        return "/".join(folder + (f"{name}{suffix}.md",))

    def link(self, src, dst, variant):
        here = posixpath.dirname(self.source(src.folder, src.name, variant)) or "."
        return posixpath.relpath(self.source(dst.folder, dst.name, variant), here)


class HugoLayout(Layout):
    """Hugo's translation by file name (`page.en-easy.md`); links are root-relative URLs."""

    def source(self, folder, name, variant):
        suffix = "" if variant == self.default else "." + variant.code
        return "/".join(folder + (f"{name}{suffix}.md",))

    def link(self, src, dst, variant):
        prefix = () if variant == self.default else (variant.code,)
        return "/" + "/".join(prefix + dst.folder + (dst.name,)) + "/"


# ---------------------------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------------------------


def front_matter(**fields: object) -> str:
    """YAML front matter; JSON strings and lists are valid YAML, and need no escaping rules here."""
    lines = ["---"]
    for key, value in fields.items():
        shown = value.isoformat() if isinstance(value, date) else json.dumps(value, ensure_ascii=False)
        lines.append(f"{key}: {shown}")
    return "\n".join(lines + ["---", "", ""])


def standard_body(leaflet: Leaflet, variant: Variant, leaflets: list[Leaflet], layout: Layout) -> str:
    """A standard leaflet or its translation: the same structure, about the same length."""
    rng = random.Random(stable_seed(leaflet.key, "body", variant.code))
    w = Writer(variant, rng)
    out = Blocks()
    links = [leaflets[i] for i in leaflet.links]
    with_table = leaflet.number % 3 == 0
    quoted = tabled = False
    out.add(w.paragraph(2, 4))
    out.add(f"![{w.phrase(PICTURE_DESCRIPTIONS, 4, 10)}](/images/leaflet-{rng.randint(1, LEAFLET_PICTURES):02d}.png)")
    part = 0
    while out.words < leaflet.length:
        part += 1
        out.add("## " + w.heading())
        out.add(w.paragraph())
        if rng.random() < 0.5 and out.words < leaflet.length:
            out.add(w.bullets(3, 6))
        if links and out.words < leaflet.length:
            target = links.pop(0)
            out.add(f"{w.sentence()} [{w.phrase(LINK_PHRASES)}]({layout.link(leaflet, target, variant)}).")
        if part % 2 == 0 and out.words < leaflet.length:
            out.add("### " + w.heading(minor=True))
            out.add(w.paragraph(2, 4))
        if with_table and not tabled and part >= 2:
            out.add(w.table())
            tabled = True
        if part == 3:
            out.add(f"> {w.sentence()} {w.sentence()}")
            quoted = True
    if with_table and not tabled:
        out.add(w.table())
    if not quoted:
        out.add("> " + w.sentence())
    for target in links:
        out.add(f"- [{w.phrase(LINK_PHRASES)}]({layout.link(leaflet, target, variant)})")
    return out.text()


def easy_body(leaflet: Leaflet, leaflets: list[Leaflet], layout: Layout, easy: Variant, standard: Variant) -> str:
    """An Easy read leaflet: short sentences in picture rows (the picture starts the paragraph)."""
    rng = random.Random(stable_seed(leaflet.key, "body", easy.code))
    w = Writer(easy, rng)
    out = Blocks()
    goal = leaflet.easy_length - 20
    row = 0
    while out.words < goal:
        row += 1
        out.add("## " + w.heading())
        picture = f"![{w.sentence()}](/images/easy/picture-{rng.randint(1, EASY_PICTURES):02d}.png)"
        out.add(picture + " " + "\n".join(w.sentence() for _ in range(rng.randint(2, 4))))
        if row % 2 == 0 and out.words < goal:
            out.add(w.bullets(2, 4))
    out.add(f"You can read more in [the full leaflet]({layout.link(leaflet, leaflet, standard)}).")
    out.add(f"See also [another leaflet]({layout.link(leaflet, leaflets[leaflet.easy_link], easy)}).")
    out.add("> **If you need help now, phone the help line.**")
    return out.text()


def leaflet_meta(leaflet: Leaflet, variant: Variant) -> dict[str, object]:
    rng = random.Random(stable_seed(leaflet.key, "meta", variant.code))
    if variant.easy:
        title = f"{leaflet.title} (Easy read)"
        description = f"An Easy read leaflet about {leaflet.topic.lower()}."
        summary = rng.choice(EASY_SENTENCES)
    elif variant.english:
        title = leaflet.title
        description = f"How we can help with {leaflet.topic.lower()} {leaflet.title[len(leaflet.topic) + 1:]}."
        summary = rng.choice(STANDARD_SENTENCES)
    else:
        w = Writer(variant, rng)
        title, description, summary = w.heading(), w.sentence(), w.sentence()
    return {"title": title, "description": description, "date": leaflet.day, "tags": leaflet.tags, "summary": summary}


def section_page(folder: tuple[str, ...], variant: Variant, seed: int) -> str:
    if variant.english:
        title = folder[-1].replace("-", " ").capitalize() + (" (Easy read)" if variant.easy else "")
        return front_matter(title=title) + "Leaflets in this section.\n"
    w = Writer(variant, random.Random(stable_seed(seed, "section", *folder, variant.code)))
    return front_matter(title=w.heading()) + w.sentence() + "\n"


def home_page(variant: Variant) -> str:
    title = SITE_TITLE if variant.english else LANGUAGE_NAMES.get(variant.code, variant.code)
    return front_matter(title=title) + "Home.\n"


# ---------------------------------------------------------------------------------------------
# Each tool's own files
# ---------------------------------------------------------------------------------------------

HUGO_BASEOF = """<!DOCTYPE html>
<html lang="{{ .Site.LanguageCode }}" dir="{{ or .Site.Language.LanguageDirection "ltr" }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} | {{ .Site.Title }}</title>
<meta name="description" content="{{ or .Description .Site.Title }}">
{{- range .AllTranslations }}
<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{- end }}
<link rel="stylesheet" href="/css/site.css">
</head>
<body>
<a class="skip-link" href="#content">Skip to the content</a>
<header>
<a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
<nav aria-label="Other languages"><ul>
{{- range .Translations }}
<li><a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a></li>
{{- end }}
</ul></nav>
<nav aria-label="You are here"><ol>
{{- range .Ancestors.Reverse }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{- end }}
<li aria-current="page">{{ .Title }}</li>
</ol></nav>
</header>
<main id="content">
{{ block "main" . }}{{ end }}
</main>
<footer><p>{{ .Site.Params.footer }}</p></footer>
</body>
</html>
"""

HUGO_SINGLE = """{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p class="summary">{{ .Params.summary }}</p>
<p class="dated"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>
{{- range .Params.tags }} <span class="tag">{{ . }}</span>{{ end }}</p>
{{ .Content }}
</article>
{{ end }}
"""

HUGO_LIST = """{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
{{- with .Sections }}
<h2>Sections</h2>
<ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{- end }}
<ul class="leaflets">
{{- range .RegularPages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Description }}</li>
{{- end }}
</ul>
{{ end }}
"""


def hugo_config(variants: list[Variant]) -> str:
    # Taxonomies, feeds, the sitemap, robots.txt and 404 are off, so Hugo writes what the
    # comparison needs: pages, section lists and one home page per language.
    lines = [
        'baseURL = "https://example.org/"',
        f"title = {json.dumps(SITE_TITLE)}",
        'defaultContentLanguage = "en"',
        "defaultContentLanguageInSubdir = false",
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]',
        "",
        "[markup.goldmark.renderer]",
        "unsafe = false",
        "",
        "[params]",
        'footer = "A synthetic corpus for benchmarks"',
    ]
    for weight, v in enumerate(variants, 1):
        lines += [
            "",
            f"[languages.{json.dumps(v.code)}]",
            f"languageCode = {json.dumps('en' if v.easy else v.code)}",
            f"languageName = {json.dumps(LANGUAGE_NAMES.get(v.code, v.code), ensure_ascii=False)}",
            f"weight = {weight}",
        ]
        if v.code == "ur":
            lines.append('languageDirection = "rtl"')
    return "\n".join(lines) + "\n"


def tiny_png() -> bytes:
    """A 1×1 grey PNG, so that every picture a page names exists."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x80")) + chunk(b"IEND", b"")


def write_pictures(folder: Path) -> None:
    png = tiny_png()
    names = [f"leaflet-{i:02d}.png" for i in range(1, LEAFLET_PICTURES + 1)]
    names += [f"easy/picture-{i:02d}.png" for i in range(1, EASY_PICTURES + 1)]
    for name in names:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(png)


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    ap.add_argument("out_dir", type=Path, help="where to write the site (new or empty)")
    ap.add_argument("--pages", type=int, required=True, help="how many leaflets")
    ap.add_argument("--langs", default="en,cy,ur", help="languages, English first (others: cy, ur)")
    ap.add_argument("--seed", type=int, default=1, help="another seed gives other text of the same shape")
    ap.add_argument("--layout", choices=["clearleaf", "hugo"], default="clearleaf")
    ap.add_argument("--no-easy", action="store_true", help="leave out the Easy read pages")
    ap.add_argument("--reuse", action="store_true", help="keep OUT_DIR if it holds this corpus already; replace another corpus made here")
    args = ap.parse_args(argv)
    args.langs = [code.strip() for code in args.langs.split(",") if code.strip()]
    if not args.langs or args.langs[0] != "en":
        ap.error("--langs must start with en")
    for code in args.langs[1:]:
        if code not in PSEUDO_WORDS:
            ap.error(f"there is no word list for {code!r}; the languages are: {', '.join(sorted(PSEUDO_WORDS))}")
    if args.pages < 1:
        ap.error("--pages must be 1 or more")
    return args


def options(args: argparse.Namespace) -> dict[str, object]:
    """What decides the corpus's bytes, as recorded in corpus.json."""
    return {"generator": GENERATOR, "pages": args.pages, "langs": args.langs, "seed": args.seed, "layout": args.layout, "easy": not args.no_easy}


def made_here(out_dir: Path) -> dict[str, object] | None:
    """The options recorded in OUT_DIR/corpus.json, or None where there is no corpus.json."""
    try:
        recorded = json.loads((out_dir / "corpus.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return recorded.get("options", {}) if isinstance(recorded, dict) else {}


def clear_out_dir(args: argparse.Namespace) -> bool:
    """Makes OUT_DIR ready; False when --reuse finds the same corpus there already."""
    if not args.out_dir.exists() or not any(args.out_dir.iterdir()):
        return True
    recorded = made_here(args.out_dir) if args.reuse else None
    if recorded == options(args):
        return False
    if recorded is None:
        sys.exit(f"gen_corpus.py: {args.out_dir} is not empty; give a new or empty folder")
    # Only a folder holding a corpus.json is ever removed: it is a corpus made earlier.
    shutil.rmtree(args.out_dir)
    return True


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not clear_out_dir(args):
        print(json.dumps({"layout": args.layout, "pages": args.pages, "reused": str(args.out_dir)}))
        return 0
    standard, easy = Variant("en"), Variant("en-easy")
    variants = [standard] + ([] if args.no_easy else [easy]) + [Variant(code) for code in args.langs[1:]]
    layout = HugoLayout(standard) if args.layout == "hugo" else ClearleafLayout(standard)
    sections, leaflets = plan_leaflets(args.pages, args.seed)
    content = args.out_dir / "content"
    totals = {v.code: {"files": 0, "words": 0, "bytes": 0} for v in variants}

    def page(folder: tuple[str, ...], name: str, variant: Variant, text: str) -> None:
        write_text(content / layout.source(folder, name, variant), text)
        t = totals[variant.code]
        t["files"] += 1
        t["words"] += word_count(text)
        t["bytes"] += len(text.encode())

    for v in variants:
        page((), "_index", v, home_page(v))
    for folder in sections:
        for v in variants:
            page(folder, "_index", v, section_page(folder, v, args.seed))
    for leaflet in leaflets:
        for v in variants:
            body = easy_body(leaflet, leaflets, layout, easy, standard) if v.easy else standard_body(leaflet, v, leaflets, layout)
            page(leaflet.folder, leaflet.name, v, front_matter(**leaflet_meta(leaflet, v)) + body)

    if args.layout == "hugo":
        write_text(args.out_dir / "hugo.toml", hugo_config(variants))
        for name, text in [("baseof", HUGO_BASEOF), ("single", HUGO_SINGLE), ("list", HUGO_LIST)]:
            write_text(args.out_dir / "layouts/_default" / f"{name}.html", text)
        write_text(args.out_dir / "static/css/site.css", "body { font: 1.2rem/1.6 sans-serif; max-width: 40em; margin: 0 auto }\n")
    else:
        languages = ", ".join(["en"] + args.langs[1:])
        write_text(args.out_dir / "site.yaml", f"title: {SITE_TITLE}\nbase_url: https://example.org/\ndefault_language: en\nlanguages: [{languages}]\n")
    write_pictures(args.out_dir / "static/images")

    total = {key: sum(t[key] for t in totals.values()) for key in ("files", "words", "bytes")}
    summary = {
        "options": options(args),
        "variants": [v.code for v in variants],
        "sections": len(sections),
        "per_variant": totals,
        "total": total,
    }
    write_text(args.out_dir / "corpus.json", json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps({"layout": args.layout, "pages": args.pages, **total}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
