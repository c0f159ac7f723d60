"""Arabic text correctness with text written here: numbered Levantine months, invisible format
characters, presentation forms, hamza seats, bidi-isolated pages, CLDR plurals and collation."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml
from pyuca import Collator

from generator import cleaner, entities, outlets, topics
from generator.arabic import repair
from generator.collation import collation_key, index_letter
from generator.context import assemble
from generator.dates import find_date, find_mentions
from generator.entities import find_entities, load_gazetteer
from generator.model import Article, EntityHit
from generator.pages import article_item, render_site
from generator.pipeline import SiteConfig, extract_text, load_site_config
from generator.plurals import NOUNS, count_phrase, plural_category
from generator.search.analyzer import index_terms, query_words

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "site_config"


def to_presentation_forms(text: str) -> str:
    """Arabic letters as the contextual presentation forms a PDF copy gives (U+FE70–U+FEFF)."""
    right_joining = set("اأإآدذرزوؤةى")

    def form(ch: str, kind: str) -> str:
        try:
            return unicodedata.lookup(f"{unicodedata.name(ch)} {kind} FORM")
        except KeyError:
            return ch

    out = []
    for i, ch in enumerate(text):
        if not ("\u0621" <= ch <= "\u064a"):
            out.append(ch)
            continue
        prev = text[i - 1] if i else ""
        nxt = text[i + 1] if i + 1 < len(text) else ""
        joins_prev = "\u0621" <= prev <= "\u064a" and prev not in right_joining and prev != "ء"
        joins_next = "\u0621" <= nxt <= "\u064a" and ch not in right_joining and ch != "ء"
        kind = {(False, False): "ISOLATED", (False, True): "INITIAL", (True, True): "MEDIAL",
                (True, False): "FINAL"}[(joins_prev, joins_next)]
        out.append(form(ch, kind))
    return "".join(out)


@pytest.fixture(scope="module")
def cfg() -> SiteConfig:
    c, problems = load_site_config(CONFIG)
    assert problems == []
    return c


# ---- dates -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("written, iso", [
    ("الاثنين 4 كانون 2 2021", "2021-01-04"),
    ("9 شباط 2021", "2021-02-09"),
    ("الأربعاء 18 تشرين 1 2017", "2017-10-18"),
    ("30 تشرين 2 2019", "2019-11-30"),
    ("25 كانون 1 2018", "2018-12-25"),
    ("٣ كانون ٢ ٢٠٢٠", "2020-01-03"),
    ("12 كانون ثاني 2014", "2014-01-12"),
    ("6 تشرين اول 2013", "2013-10-06"),
    ("1 تشرين ثاني 2012", "2012-11-01"),
])
def test_numbered_and_unprefixed_levantine_months(written: str, iso: str) -> None:
    [m] = find_mentions(written)
    assert m.iso == iso


def test_numbered_month_needs_its_own_number() -> None:
    assert find_mentions("كانون 12 2016") == []  # no month 12 of كانون


@pytest.mark.parametrize("mark", ["\u061c", "\u200f", "\u200e", "\u200b", "\u2066", "\u2069", "\u00ad"])
def test_a_format_character_inside_a_date_or_word_is_ignored(mark: str, cfg: SiteConfig) -> None:
    line = f"١٤{mark}/٠٣{mark}/٢٠١٩"
    assert [m.iso for m in find_mentions(line)] == ["2019-03-14"]
    text = f"وصل الوفد إلى كر{mark}كوك صباح اليوم"
    assert "kirkuk" in {h.id for h in find_entities(text, cfg.gazetteer)}


# ---- presentation forms and hamza seats, through extraction and the index ----------------------------

OWN_ARTICLE = ("أمطار غزيرة تغلق طرقاً في شمال البلاد\n\nالجمعة 3 كانون 2 2020\n\n"
               "هطلت أمطار غزيرة على مدن الشمال طوال الليل.\n"
               + to_presentation_forms("وقال مسؤول في الدفاع المدني إن فرقاً من الموصل فتحت الطرق المغلقة قبل الظهر.")
               + "\nوتابع أن شؤون المتضررين تحظى بالأولوية.\n")


def test_presentation_forms_are_extracted_found_and_shown_as_letters(cfg: SiteConfig) -> None:
    assert "\ufedf" in OWN_ARTICLE or "\ufee3" in OWN_ARTICLE  # the helper really wrote forms
    art = extract_text(OWN_ARTICLE, "own.txt", cfg)
    assert art.date == "2020-01-03"
    assert "mosul" in {e.id for e in art.entities}
    assert "الموصل" in art.body and not re.search(r"[\ufb50-\ufdff\ufe70-\ufefe]", art.body)
    terms = set(index_terms(art.title + "\n" + art.body))
    for query in ("الموصل", "موصل", to_presentation_forms("الموصل"), to_presentation_forms("المدني"),
                  "مسئول", "مسؤول", "مسئولين", "شئون", "الشؤون"):
        assert all(set(q) & terms for q in query_words(query)), query


def test_title_bidi_controls_are_stripped_at_extraction(cfg: SiteConfig) -> None:
    text = "\u202eتوزيع مقاعد جديدة على مدارس القرى\n\nالخميس 2 أيار 2019\n\nوزعت مديرية التربية مقاعد جديدة على مدارس القرى.\n"
    art = extract_text(text, "own.txt", cfg)
    assert art.title == "توزيع مقاعد جديدة على مدارس القرى"
    assert art.date == "2019-05-02"
    assert repair("\u202bقرية\u202c و\u2067بلدة") == "\u202bقرية\u202c وبلدة"


# ---- pages: article-derived text is isolated -----------------------------------------------------

@pytest.mark.parametrize("control", list("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\u200e\u200f"))
def test_list_items_isolate_the_title_and_outlet(control: str) -> None:
    cfg = SiteConfig(Path("site_config"), cleaner.Furniture(), outlets.Registry({}), entities.Gazetteer({}), {})
    a = Article(source="corpus/x.txt", id="x", title=control + "عنوان", body="نص.", date="2024-04-20", sha256="x")
    ctx = assemble(Path("corpus"), Path("site_config"), cfg, [a], [], [])
    line = article_item(ctx, "index.md", a)
    assert line.startswith(f"- [<bdi>{control}عنوان</bdi>](")
    assert line.endswith('<bdi><time datetime="2024-04-20">20 نيسان/أبريل 2024</time></bdi>')


# ---- plurals -------------------------------------------------------------------------------------

def _cldr_arabic(n: int) -> str:
    """The CLDR rule for Arabic cardinals, written out (integers)."""
    if n == 0:
        return "zero"
    if n == 1:
        return "one"
    if n == 2:
        return "two"
    if 3 <= n % 100 <= 10:
        return "few"
    if 11 <= n % 100 <= 99:
        return "many"
    return "other"


def test_plural_categories_follow_cldr() -> None:
    for n in list(range(0, 1200)) + [10_000, 100_103, 1_000_011]:
        assert plural_category(n) == _cldr_arabic(n), n
    with pytest.raises(ValueError):
        plural_category(-1)


def test_count_phrases() -> None:
    assert count_phrase(103, "result") == "103 نتائج"
    assert count_phrase(100, "result") == "100 نتيجة"
    assert count_phrase(11, "article") == "11 مقالاً"
    assert count_phrase(2, "place") == "مكانان"
    assert count_phrase(0, "person") == "لا أشخاص"
    assert all(set(forms) == {"zero", "one", "two", "few", "many", "other"} for forms in NOUNS.values())


# ---- collation -----------------------------------------------------------------------------------

_UCA = Collator()
_LETTER_OF_PRIMARY = {}
for _c in [chr(c) for c in range(0x0621, 0x064B)]:
    if unicodedata.category(_c) == "Lo":
        _LETTER_OF_PRIMARY.setdefault(_UCA.sort_key(_c)[0], _c)


def expected_letter(name: str) -> str:
    """What the collation library files `name` under: the letter of the first primary weight of the
    name without the article (bare ال before two letters)."""
    bare = re.sub(r"[\u064b-\u065f\u0670\u0640]", "", name)
    if re.match(r"^[اٱ]ل\w\w", bare):
        bare = bare[2:]
    return _LETTER_OF_PRIMARY[_UCA.sort_key(bare[0])[0]]


def test_named_cases() -> None:
    assert index_letter("ألمانيا") == "أ"
    assert index_letter("الجزائر") == "ج"
    assert index_letter("إلينوي") == "إ"
    assert index_letter("الإمارات") == "إ"
    assert index_letter("آسيا") == "آ"
    assert index_letter("عُمان") == "ع"
    assert collation_key("ألمانيا") < collation_key("باريس") < collation_key("المكسيك")


def test_every_gazetteer_country_is_filed_under_the_collation_letter() -> None:
    data = yaml.safe_load((CONFIG / "entities" / "countries.yml").read_text(encoding="utf-8"))["entities"]
    gaz, problems = load_gazetteer(CONFIG)
    assert problems == [] and len(data) > 150
    ents = {e["id"]: gaz.entities[e["id"]] for e in data}
    a = Article(source="corpus/all.txt", id="all", title="كل البلدان", body="نص.", date="2024-01-01", sha256="all",
                entities=[EntityHit(e.id, e.name, e.type, 1, [e.name], 0) for e in ents.values()])
    cfg = SiteConfig(Path("site_config"), cleaner.Furniture(), outlets.Registry({}), entities.Gazetteer(ents),
                     {})
    ctx = assemble(Path("corpus"), Path("site_config"), cfg, [a], [], [])
    index = "\n".join(o.text for o in render_site(ctx)  # the index goes on pages of 100 names
                      if o.path == "places/index.md" or o.path.startswith("places/page-"))
    heading, filed, order = None, {}, []
    for line in index.splitlines():
        if line.startswith("## "):
            heading = line[3:]
        m = re.match(r"- \[<bdi>(.+?)</bdi>\]", line)
        if m:
            filed[m.group(1)] = heading
            order.append(m.group(1))
    assert len(filed) == len({e.name for e in ents.values()})
    for name, letter in filed.items():
        assert letter == expected_letter(name), name
    assert filed["ألمانيا"] == "أ" and filed["الجزائر"] == "ج"
    # within the index, names follow the UCA order of their article-less form
    assert order == sorted(order, key=lambda n: (_UCA.sort_key(re.sub(r"^ال(?=\w\w)", "", n)), _UCA.sort_key(n), n))
    # the page says how many, in the right plural form
    assert count_phrase(len(filed), "place") in index


def test_invisible_characters_at_a_line_edge_do_not_hide_a_byline(cfg: SiteConfig) -> None:
    text = ("افتتاح مكتبة عامة في حي الجمهورية\n\u200b   سمير الحداد - البصرة\u200f\n\n"
            "افتتحت البلدية مكتبة عامة جديدة في حي الجمهورية تضم آلاف الكتب.\n")
    art = extract_text(text, "own.txt", cfg)
    assert art.author == "سمير الحداد"
