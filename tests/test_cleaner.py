"""Cleaning: stray HTML, furniture phrases and blocks, header/footer runs, in-body subheadings.

Texts are written for these tests; the seed corpus is used only for the expected removals.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import all_seeds
from generator import cleaner
from generator.cleaner import (
    Furniture,
    clean,
    clean_line,
    has_sentence_punct,
    is_breadcrumb,
    is_byline,
    is_date_line,
    load_furniture,
    phrase_key,
)

ROOT = Path(__file__).resolve().parent.parent

P1 = ("قال وزير النقل في مؤتمر صحفي عقده صباح اليوم إن الحكومة ستفتتح ثلاثة جسور جديدة فوق النهر "
      "قبل نهاية العام، وإن الأعمال تسير وفق الجدول المقرر.")
P2 = ("وأوضح الوزير أن كلفة المشروع تجاوزت التقديرات الأولية بسبب ارتفاع أسعار الحديد، لكنه أكد أن "
      "التمويل مؤمن بالكامل من الموازنة العامة.")
P3 = "وختم بالقول إن سكان الضفتين سيشعرون بالفرق خلال أشهر قليلة."
HEADLINE = "الحكومة تعلن افتتاح ثلاثة جسور جديدة قبل نهاية العام"


@pytest.fixture(scope="module")
def furniture() -> Furniture:
    f, problems = load_furniture(ROOT / "site_config")
    assert problems == []
    return f


def kept(text: str, furniture: Furniture) -> list[str]:
    c = clean(text, furniture)
    return [ln for ln, k in zip(c.lines, c.keep) if k]


def removed(text: str, furniture: Furniture) -> list[str]:
    c = clean(text, furniture)
    return [ln for ln, k in zip(c.lines, c.keep) if ln and not k]


# ---- single lines ---------------------------------------------------------------------------------

@pytest.mark.parametrize("raw,expected", [
    ("نص<br/>آخر", "نص آخر"),
    ("<p class=\"x\">فقرة</p>", "فقرة"),
    ("كلمة&nbsp;وأخرى", "كلمة وأخرى"),
    ("الأرقام &#1633;&#1634; هنا", "الأرقام ١٢ هنا"),
    ("جملة تنتهي هنا &", "جملة تنتهي هنا"),
    ("جملة تنتهي هنا&&", "جملة تنتهي هنا"),
    ("شركة A&B للتجارة", "شركة A&B للتجارة"),
    ("&", ""),
    ("  مسافات \u00a0\u2009 كثيرة\t هنا ", "مسافات كثيرة هنا"),
    ("<!-- تعليق --> نص", "نص"),
    ("س < ص و ع > ف", "س < ص و ع > ف"),
])
def test_clean_line(raw: str, expected: str) -> None:
    assert clean_line(raw) == expected


def test_phrase_key_folds_and_drops_digits_and_punctuation() -> None:
    assert phrase_key("تعليقاتٌ (١٢)") == phrase_key("تعليقات")
    assert phrase_key("إقرأ أيضاً:") == phrase_key("اقرأ ايضا")
    assert phrase_key("4 دقائق") == "دقاءق"


@pytest.mark.parametrize("line,expected", [
    ("قال الوزير إن الجسر جاهز.", True),
    ("هل انتهى العمل؟", True),
    ("الحكومة، والبرلمان", True),
    ("الحكومة تعلن افتتاح جسر جديد", False),
    ("سجلت درجة الحرارة 41.5 درجة", False),
    ("بوتين: الأسد يستحق دعم أمريكا", False),
])
def test_sentence_punctuation(line: str, expected: bool) -> None:
    assert has_sentence_punct(line) is expected


@pytest.mark.parametrize("line", [
    "2015-09-29",
    "٢٩/٠٩/٢٠١٥",
    "27 سبتمبر 2015 18:32",
    "الخميس 28 مارس 2024 أبوظبي الإمارات",
    "الأحد 27 أيلول 2015",
    "12 جويلية 2019 - 10:45",
    "الأربعاء 3 شتنبر 2014",
    "السبت 2024-11-30 17:58 م",
    "نشر في: 14 كانون الثاني 2016",
    "آخر تحديث: 10:15 صباحاً",
    "الجمعة 15 رمضان 1436 هـ الموافق 3 يوليو 2015 م",
    "Published on 3 June 2020",
])
def test_date_lines(line: str) -> None:
    assert is_date_line(line)


@pytest.mark.parametrize("line", [
    "الحكومة تعلن افتتاح جسر جديد في 2015",
    "قمة الرياض 2024",
    "قال الوزير في 27 سبتمبر 2015 إن الجسر جاهز.",
    "ارتفاع عدد الضحايا إلى 30 في حلب",
    "مارس",
])
def test_not_date_lines(line: str) -> None:
    assert not is_date_line(line)


@pytest.mark.parametrize("line,expected", [
    ("الرئيسية ـ أخبار ـ العالم العربي", True),
    ("الرئيسية > اقتصاد > أسواق", True),
    ("سياسة | عربي | العراق", True),
    ("لبنان ـ سوريا", False),
    ("بغداد - أ ف ب", False),
    ("الحكومة تعلن افتتاح جسر جديد | صحيفة المساء", False),
    ("غزة - رام الله - القدس: مظاهرات", False),
])
def test_breadcrumbs(line: str, expected: bool) -> None:
    assert is_breadcrumb(line) is expected


@pytest.mark.parametrize("line,expected", [
    ("بقلم: سامي الخطيب", True),
    ("نص : ليلى حداد", True),
    ("كتب - محمود عبد الله", True),
    ("إعداد: فريق التحرير", True),
    ("By Sami Khatib", True),
    ("كتب الوزير رسالة طويلة إلى رئيس الحكومة يشرح فيها أسباب استقالته.", False),
    ("نص الاتفاق الذي وقعه الطرفان أمس في العاصمة الأردنية عمان بحضور الوسطاء الدوليين", False),
    ("نص البيان", False),
    ("تقرير اللجنة", False),
    ("تقرير: منى يوسف", True),
    ("بقلم سامي الخطيب", True),
    ("كتبتها الصحيفة أمس", False),
    ("Bylaws of the club", False),
])
def test_bylines(line: str, expected: bool) -> None:
    assert is_byline(line) is expected


# ---- furniture phrases ---------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "تخطي إلى المحتوى الرئيسي", "مواقيت الصلاة", "الأكثر قراءة", "شارك", "فيس بوك", "تويتر",
    "واتساب", "اشترك في النشرة البريدية", "الرسالة الإخبارية", "إعلان", "4 دقائق", "٣ دقائق للقراءة",
    "عدد اليوم", "أبرز الأخبار", "طباعة", "تعليقات (12)", "Skip to content", "Share",
])
def test_furniture_phrases_anywhere(line: str, furniture: Furniture) -> None:
    text = "\n".join([HEADLINE, P1, line, P2, P3])
    assert removed(text, furniture) == [line]


@pytest.mark.parametrize("line", [
    "© 2024 صحيفة المساء",
    "جميع الحقوق محفوظة لصحيفة المساء 2024",
    "جميع الحقوق محفوظة لمؤسسة المساء للصحافة والطباعة والنشر 2024.",
])
def test_copyright_lines_in_the_footer(line: str, furniture: Furniture) -> None:
    text = "\n".join([HEADLINE, P1, P2, P3, "", line])
    assert removed(text, furniture) == [line]


def test_contained_phrase_in_the_body_stays(furniture: Furniture) -> None:
    line = "وقال الناشر إن جميع الحقوق محفوظة للمؤلف."
    text = "\n".join([HEADLINE, P1, line, P2])
    assert kept(text, furniture) == [HEADLINE, P1, line, P2]


def test_prefix_phrase_only_on_short_lines(furniture: Furniture) -> None:
    long_line = "اشترك في النشرة " + P1
    assert cleaner.match_furniture(long_line, furniture) is None
    assert cleaner.match_furniture("اشترك في النشرة اليومية", furniture) == "prefix"


def test_exact_phrase_does_not_swallow_a_sentence(furniture: Furniture) -> None:
    line = "شارك الوزير في افتتاح المعرض الدولي للكتاب."
    text = "\n".join([HEADLINE, P1, line, P2])
    assert line in kept(text, furniture)


def test_page_unavailable_block_is_dropped_with_its_message(furniture: Furniture) -> None:
    text = "\n".join([HEADLINE, P1, P2, "", "الصفحة غير متوفرة", "", "عذرا، الرابط الذي طلبته لم يعد صالحا.",
                      ])
    assert kept(text, furniture) == [HEADLINE, P1, P2]


def test_block_stops_at_a_paragraph(furniture: Furniture) -> None:
    text = "\n".join([HEADLINE, P1, "الصفحة غير متوفرة", "رسالة قصيرة.", P2 + " " + P1, P3])
    assert kept(text, furniture) == [HEADLINE, P1, P2 + " " + P1, P3]


# ---- header, footer and body -------------------------------------------------------------------

def test_header_menu_lines_are_dropped_and_headline_kept(furniture: Furniture) -> None:
    text = "\n".join(["الرئيسية", "أخبار", "العالم العربي", "", HEADLINE, "", P1, P2])
    assert kept(text, furniture) == [HEADLINE, P1, P2]
    assert removed(text, furniture) == ["الرئيسية", "أخبار", "العالم العربي"]


def test_header_bullets_and_latin_menus(furniture: Furniture) -> None:
    text = "\n".join(["• البث المباشر للقناة", "• جدول البرامج الأسبوعي", "1. Contents", HEADLINE, P1])
    assert kept(text, furniture) == [HEADLINE, P1]


def test_header_repeated_headline_kept_once(furniture: Furniture) -> None:
    text = "\n".join([HEADLINE, "", HEADLINE, "الثلاثاء 26 يناير 2010 - 11:09", P1])
    c = clean(text, furniture)
    assert c.keep == [True, False, False, False, True]


def test_short_header_line_with_sentence_punctuation_is_kept(furniture: Furniture) -> None:
    text = "\n".join(["لماذا تأخر الجسر؟", P1])
    assert kept(text, furniture) == ["لماذا تأخر الجسر؟", P1]


def test_in_body_subheadings_are_kept(furniture: Furniture) -> None:
    text = "\n".join([HEADLINE, P1, "", "كلفة المشروع", "", P2, "آراء السكان", P3])
    assert kept(text, furniture) == [HEADLINE, P1, "كلفة المشروع", P2, "آراء السكان", P3]


def test_footer_signature_and_link_lists_are_dropped(furniture: Furniture) -> None:
    text = "\n".join([HEADLINE, P1, P2, P3, "", "\"المساء\"", "أحدث الأخبار", "الأكثر مشاهدة", "البريد الإلكتروني"])
    assert kept(text, furniture) == [HEADLINE, P1, P2, P3]


def test_footer_never_drops_punctuated_or_long_lines(furniture: Furniture) -> None:
    last = "وقال مسؤول في البلدية إن الأعمال ستستمر حتى الربيع المقبل دون أي توقف يذكر في المواقع الثلاثة"
    text = "\n".join([HEADLINE, P1, P2, "انتهى.", last])
    assert kept(text, furniture) == [HEADLINE, P1, P2, "انتهى.", last]


def test_every_sentence_stays(furniture: Furniture) -> None:
    text = "\n".join(["تخطي إلى المحتوى", "سياسة ـ محليات ـ نقل", HEADLINE, "بقلم: سامي الخطيب",
                      "3 دقائق", "", P1, "إعلان", P2, "", "كلفة المشروع", P3, "", "شارك", "تويتر",
                      "جميع الحقوق محفوظة 2024"])
    body = kept(text, furniture)
    for sentence in (P1, P2, P3):
        assert sentence in body
    assert body == [HEADLINE, P1, P2, "كلفة المشروع", P3]


def test_lines_without_letters_and_blank_lines_are_not_kept(furniture: Furniture) -> None:
    text = "\n".join([HEADLINE, "", "0 30", P1, "×", "&", "\u00a0", P2])
    c = clean(text, furniture)
    assert len(c.lines) == 8
    assert c.keep == [True, False, False, True, False, False, False, True]


def test_same_number_of_lines(furniture: Furniture) -> None:
    text = "أ\n\n<br/>\nب\n"
    assert len(clean(text, furniture).lines) == len(text.split("\n"))


def test_arabic_indic_digits_in_reading_time(furniture: Furniture) -> None:
    assert cleaner.match_furniture("٤ دقائق", furniture) == "exact"


# ---- furniture.yml validation --------------------------------------------------------------------

def write(tmp: Path, text: str) -> Path:
    (tmp / "furniture.yml").write_text(text, encoding="utf-8")
    return tmp


def test_furniture_file_problems_name_line_and_key(tmp_path: Path) -> None:
    cfg = write(tmp_path, "exact:\n  - شارك\n  - شارِك\nprefix: نص\nextra:\n  - x\nblocks:\n  - '!!'\n")
    f, problems = load_furniture(cfg)
    by_key = {p.key: p for p in problems}
    assert by_key["exact[1]"].line == 3 and "repeats" in by_key["exact[1]"].message
    assert by_key["prefix"].line == 4
    assert by_key["extra"].line == 5 and "unknown key" in by_key["extra"].message
    assert by_key["blocks[0]"].line == 8
    assert all(p.file.endswith("furniture.yml") for p in problems)
    assert "شارك" in f.lines


def test_furniture_yaml_syntax_error(tmp_path: Path) -> None:
    cfg = write(tmp_path, "exact:\n  - شارك\n  - [غير مغلق\n")
    _, problems = load_furniture(cfg)
    assert len(problems) == 1 and problems[0].line is not None


def test_missing_furniture_file_is_a_problem(tmp_path: Path) -> None:
    f, problems = load_furniture(tmp_path)
    assert problems and f == Furniture()


# ---- the seed corpus --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds() -> dict[str, dict]:
    files = all_seeds()
    proc = subprocess.run([sys.executable, "-m", "generator", "extract", *map(str, files)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    return {Path(a["source"]).name[:3]: a for a in json.loads(proc.stdout)}


def test_seed_002_furniture_removed(seeds: dict[str, dict]) -> None:
    art = seeds["002"]
    for phrase in ("الصفحة غير متوفرة", "الرسالة الإخبارية", "فيس بوك", "4 دقائق", "إعلان",
                   "تخطي إلى المحتوى الرئيسي"):
        assert any(r.startswith(phrase) for r in art["removed"]), phrase
        assert not any(p.startswith(phrase) for p in art["body"].split("\n\n")), phrase
    assert "غير متوفر حاليا" not in art["body"]


def test_seed_004_header_and_copyright_removed(seeds: dict[str, dict]) -> None:
    art = seeds["004"]
    assert any("جميع الحقوق محفوظة" in r for r in art["removed"])
    for phrase in ("مواقيت الصلاة", "عدد اليوم", "جميع الحقوق محفوظة", "2024"):
        assert phrase not in art["body"]


def test_seed_bodies_keep_every_long_line(seeds: dict[str, dict]) -> None:
    for name, art in seeds.items():
        source = (ROOT / art["source"]).read_text(encoding="utf-8")
        for line in source.split("\n"):
            line = clean_line(line)
            if len(line) > 120:
                assert line in art["body"].split("\n\n") or line == art["title"], (name, line[:40])


# ---- properties over arbitrary text -----------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_ARABICISH = st.text(alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويةءأإآى ،.؟:|ـ>-0123456789٠١٢\n<&;/")),
                     max_size=400)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=400), _ARABICISH))
def test_clean_never_raises_and_keeps_line_count(text: str) -> None:
    f, _ = load_furniture(ROOT / "site_config")
    c = clean(text, f)
    assert len(c.lines) == len(c.keep) == len(text.split("\n"))
    assert all(ln for ln, k in zip(c.lines, c.keep) if k)


def test_short_headline_right_before_the_text_is_kept(furniture: Furniture) -> None:
    text = "\n".join(["الرئيسية", "محليات", "", "الجسور الجديدة", "بقلم: سامي الخطيب", "الأحد 27 سبتمبر 2015",
                      P1, P2])
    assert kept(text, furniture) == ["الجسور الجديدة", P1, P2]


def test_short_line_is_not_rescued_when_a_headline_exists(furniture: Furniture) -> None:
    text = "\n".join(["الرئيسية", HEADLINE, "محليات دولية", P1])
    assert kept(text, furniture) == [HEADLINE, P1]


def test_title_only_file(furniture: Furniture) -> None:
    assert kept("الجسور الجديدة\n", furniture) == ["الجسور الجديدة"]
