"""Structure of the shipped lexicons (generator/lexicons/*.txt) and their folded view."""
from __future__ import annotations

import re
from importlib import resources

import pytest

from generator import lexicons
from generator.arabic import fold

FILES = ("given_names", "given_names_ambiguous")
# Arabic letters (hamza .. yeh, without tatweel or harakat) in words separated by single spaces.
ENTRY = re.compile(r"[\u0621-\u063A\u0641-\u064A]+(?: [\u0621-\u063A\u0641-\u064A]+)*")


def entries(name: str) -> list[str]:
    """The entries of a lexicon file as written, in file order (comments and blank lines skipped)."""
    text = resources.files(lexicons).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def key(entry: str) -> str:
    return " ".join(fold(entry).split())


@pytest.mark.parametrize("name", FILES)
def test_every_line_is_a_comment_or_arabic_words(name: str) -> None:
    bad = [ln for ln in entries(name) if not ENTRY.fullmatch(ln)]
    assert bad == []


@pytest.mark.parametrize("name", FILES)
def test_sorted_without_duplicates_after_folding(name: str) -> None:
    written = entries(name)
    assert written == sorted(written)
    folded = [key(e) for e in written]
    dupes = sorted({f for f in folded if folded.count(f) > 1})
    assert dupes == []
    assert len(lexicons.words(name)) == len(written)


def test_the_main_lexicon_is_large() -> None:
    assert len(lexicons.words("given_names")) >= 3000
    assert len(lexicons.words("given_names_ambiguous")) >= 100


def test_no_entry_in_both_files() -> None:
    both = lexicons.words("given_names") & lexicons.words("given_names_ambiguous")
    assert sorted(both) == []


# Given names that are also common nouns, adjectives, titles or places: evidence is needed.
AMBIGUOUS = """أمل نور حياة سلام فرح وفاء نصر كريم سعيد جميل منى هدى صباح ربيع رحمة عزة
السيد الشيخ أمير ملك سلطان""".split()


def test_everyday_words_are_only_in_the_ambiguous_file() -> None:
    main, amb = lexicons.words("given_names"), lexicons.words("given_names_ambiguous")
    assert [w for w in AMBIGUOUS if fold(w) not in amb] == []
    assert [w for w in AMBIGUOUS if fold(w) in main] == []
    # names whose other sense is rare at the head of a phrase stay in the main file
    assert {fold(w) for w in ("حسن", "عادل", "ناصر", "محمد", "سارة")} <= main


# Titles and ranks that are never given names: in neither file.
TITLES = """الرئيس رئيس الدكتور الدكتورة دكتور الأستاذ الأستاذة المهندس الوزير وزير الوزيرة الأمير
الملك الملكة السفير النائب المستشار اللواء العميد العقيد الفريق الجنرال الكاتب الكاتبة الصحفي
الإعلامي الحاج السيدة سمو معالي فخامة القاضي المحامي الإمام البابا الأب المطران""".split()


def test_titles_are_in_neither_file() -> None:
    for name in FILES:
        words = lexicons.words(name)
        assert [t for t in TITLES if fold(t) in words] == [], name


def test_compounds_in_both_spellings() -> None:
    main = lexicons.words("given_names")
    assert {"عبدالله", "عبد الله"} <= main  # folded forms, as the loader returns them
    for second in ("الرحمن", "العزيز", "الكريم", "الرحيم", "القادر", "الفتاح", "اللطيف", "الحميد"):
        assert {fold("عبد" + second), fold("عبد " + second)} <= main, second
    for first in ("نور", "صلاح", "سيف", "عز", "خير", "سعد", "علاء", "بدر"):
        assert {fold(first + "الدين"), fold(first + " الدين")} <= main, first


def test_folding_merges_spellings() -> None:
    main = lexicons.words("given_names")
    # hamza seats, alef maqsura and taa marbuta are folded by the loader, so any written form matches
    for written in ("أسامة", "اسامه", "إبراهيم", "ابراهيم", "مصطفي", "عيسى"):
        assert fold(written) in main, written
    # transliteration variants that survive folding are listed one by one
    assert {fold(w) for w in ("ميشال", "ميشيل", "سيرغي", "سيرجي", "امحمد", "زكرياء")} <= main


def test_foreign_and_regional_given_names() -> None:
    main = lexicons.words("given_names")
    wanted = """روبرت جون دونالد باراك إيمانويل فلاديمير أنجيلا تيريزا بوريس كيم شي هوشيار نيجيرفان
    مسعود برهم ماسينيسا يوغرطة بابكر عيدروس""".split() + ["محمد جواد", "علي أكبر"]
    assert [w for w in wanted if key(w) not in main] == []
    # family names and connectors are not given names
    assert not {fold(w) for w in ("الغامدي", "أردوغان", "بن", "ابن", "بنت", "أبو", "أم", "آل")} & main
