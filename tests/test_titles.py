"""Title: the headline, never furniture; a derived title when the text starts with a paragraph."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import all_seeds, seed_file
from generator.cleaner import clean, load_furniture
from generator.titles import ELLIPSIS, TITLE_MAX, derive_title, headline_text, pick_title, sentences

ROOT = Path(__file__).resolve().parent.parent

HEADLINE = "الحكومة تعلن افتتاح ثلاثة جسور جديدة قبل نهاية العام"
P1 = ("قال وزير النقل في مؤتمر صحفي عقده صباح اليوم إن الحكومة ستفتتح ثلاثة جسور جديدة فوق النهر "
      "قبل نهاية العام، وإن الأعمال تسير وفق الجدول المقرر. وأضاف أن الكلفة لم تتجاوز التقديرات.")
P2 = "وأوضح الوزير أن التمويل مؤمن بالكامل من الموازنة العامة للدولة لهذا العام وللعام المقبل كذلك."


def title_of(lines: list[str]) -> tuple[str, bool, int | None]:
    furniture, _ = load_furniture(ROOT / "site_config")
    c = clean("\n".join(lines), furniture)
    r = pick_title(c.lines, c.keep)
    return r.title, r.derived, r.index


def test_first_kept_headline() -> None:
    assert title_of([HEADLINE, "", P1, P2]) == (HEADLINE, False, 0)


@pytest.mark.parametrize("before", [
    ["تخطي إلى المحتوى الرئيسي"],
    ["الرئيسية ـ أخبار ـ محليات"],
    ["الأحد 27 سبتمبر 2015"],
    ["مواقيت الصلاة", "الأكثر قراءة", "عدد اليوم"],
    ["محليات"],
    ["بقلم: سامي الخطيب"],
    ["3 دقائق"],
])
def test_headline_after_furniture(before: list[str]) -> None:
    title, derived, index = title_of(before + [HEADLINE, P1])
    assert (title, derived, index) == (HEADLINE, False, len(before))


def test_furniture_after_the_headline_does_not_change_it() -> None:
    assert title_of([HEADLINE, "بقلم: سامي الخطيب", "3 دقائق", "شارك", P1])[:2] == (HEADLINE, False)


def test_long_paragraph_first_gives_a_derived_title() -> None:
    title, derived, index = title_of([P1, P2])
    assert derived is True and index is None
    assert len(title) <= TITLE_MAX
    assert title.endswith(ELLIPSIS)
    assert P1.startswith(title[:-1].rstrip())


def test_derived_title_when_only_furniture_precedes_the_paragraph() -> None:
    title, derived, index = title_of(["الرئيسية", "أخبار", P1, P2])
    assert derived and index is None and P1.startswith(title.rstrip(ELLIPSIS))


def test_derived_title_short_sentence_is_not_cut() -> None:
    first = "افتتحت البلدية حديقة جديدة."
    para = first + " " + P2 + " " + P2
    assert derive_title(para) == "افتتحت البلدية حديقة جديدة"


def test_derived_title_cut_at_word_boundary() -> None:
    sentence = " ".join(["كلمة"] * 40) + "."
    title = derive_title(sentence)
    assert title.endswith(ELLIPSIS) and len(title) <= TITLE_MAX
    assert all(w == "كلمة" for w in title[:-1].split())


def test_derived_title_does_not_end_on_a_preposition() -> None:
    sentence = ("أعلنت وزارة الصحة اليوم عن حملة تطعيم واسعة تشمل جميع المحافظات الشمالية والجنوبية "
                "في إطار خطة وطنية شاملة.")
    title = derive_title(sentence)
    last = title.rstrip(ELLIPSIS).split()[-1]
    assert last not in {"في", "من", "على", "إلى", "و"}
    assert len(title) <= TITLE_MAX


def test_headline_with_double_dot_is_not_a_paragraph() -> None:
    line = "في العاصمة.. الأمطار تغلق الطرق الرئيسية"
    assert title_of([line, P1])[:2] == (line, False)


def test_headline_may_carry_a_question_or_exclamation() -> None:
    assert title_of(["هل تنجح خطة النقل الجديدة؟", P1])[:2] == ("هل تنجح خطة النقل الجديدة؟", False)


def test_page_title_with_site_name_gives_the_headline() -> None:
    assert headline_text(HEADLINE + " | محليات | صحيفة المساء") == HEADLINE


@pytest.mark.parametrize("line", [
    "بغداد - أ ف ب",
    "الجمعة 15 رمضان 1436 هـ | الموافق 3 يوليو 2015 م",
    "بقلم: سامي الخطيب",
    "2015-09-27",
    "أخبار محلية",
])
def test_lines_that_are_never_headlines(line: str) -> None:
    assert headline_text(line) is None


def test_sentences_split_but_not_inside_numbers_or_abbreviations() -> None:
    assert sentences("ارتفع المؤشر 2.5 نقطة. وتراجع النفط! هل يستمر؟") == [
        "ارتفع المؤشر 2.5 نقطة.", "وتراجع النفط!", "هل يستمر؟"]
    assert sentences("قالت شبكة سي.بي.إس إن المقابلة سجلت أمس. وبثت اليوم.") == [
        "قالت شبكة سي.بي.إس إن المقابلة سجلت أمس.", "وبثت اليوم."]


def test_empty_text_has_no_title() -> None:
    r = pick_title([], [])
    assert r.title == "" and r.index is None


# ---- the seed corpus --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds() -> dict[str, dict]:
    files = all_seeds()
    proc = subprocess.run([sys.executable, "-m", "generator", "extract", "--no-body", *map(str, files)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    return {Path(a["source"]).name[:3]: a for a in json.loads(proc.stdout)}


def first_line(name: str, n: int) -> str:
    path = seed_file(name)
    return path.read_text(encoding="utf-8").split("\n")[n].strip()


def test_seed_001_title_is_derived(seeds: dict[str, dict]) -> None:
    art = seeds["001"]
    assert art["title_derived"] is True
    assert len(art["title"]) <= TITLE_MAX
    assert first_line("001", 0).startswith(art["title"].rstrip(ELLIPSIS))


def test_seed_002_title_is_the_line_after_the_breadcrumb(seeds: dict[str, dict]) -> None:
    art = seeds["002"]
    assert art["title"] == first_line("002", 3)
    assert art["title"] != "تخطي إلى المحتوى الرئيسي" and not art["title_derived"]


def test_seed_004_title_is_not_the_save_date_or_widget(seeds: dict[str, dict]) -> None:
    art = seeds["004"]
    assert art["title"] == first_line("004", 6)
    assert "2024" not in art["title"] and art["title"] != "مواقيت الصلاة"


def test_seed_000_title_is_its_first_line(seeds: dict[str, dict]) -> None:
    assert seeds["000"]["title"] == first_line("000", 0) and not seeds["000"]["title_derived"]


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("ابتجدرسعلمنهوي ،.؟!:|-0123")), max_size=200),
                max_size=8))
def test_pick_title_never_raises(lines: list[str]) -> None:
    furniture, _ = load_furniture(ROOT / "site_config")
    c = clean("\n".join(lines), furniture)
    r = pick_title(c.lines, c.keep)
    if r.derived:
        assert r.index is None and len(r.title) <= TITLE_MAX
    else:
        assert r.index is not None and c.keep[r.index] and r.title in c.lines[r.index]
