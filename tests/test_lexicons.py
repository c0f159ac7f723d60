"""The shipped lexicons (generator/lexicons/*.txt): structure, their folded view, and coverage.

- every entry is Arabic letters with single spaces (no digits, marks, tatweel or punctuation);
- no entry repeats within a file once folded (a repeat is a spelling folding already covers);
- the name files are sorted; a given name is never also in the ambiguous names;
- places.txt, places_ambiguous.txt and dateline_words.txt share no entry, and no place is a
  given name from the given_names lexicon (a byline's name would be read as its dateline);
- must-have places across the Arab countries and the world, every country of the project's
  country list (site_config/entities/countries.yml), and the dateline words.
"""
from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest
import yaml

from generator import lexicons
from generator.arabic import fold
from generator.lexicons import words

NAME_FILES = ("given_names", "given_names_ambiguous")
PLACE_FILES = ("places", "places_ambiguous", "dateline_words")
FILES = NAME_FILES + PLACE_FILES
ROOT = Path(__file__).resolve().parent.parent
# Arabic letters (hamza .. yeh, without tatweel or harakat) in words separated by single spaces.
ENTRY = re.compile(r"[\u0621-\u063A\u0641-\u064A]+(?: [\u0621-\u063A\u0641-\u064A]+)*")


def entries(name: str) -> list[str]:
    """The entries of a lexicon file as written, in file order (comments and blank lines skipped)."""
    text = resources.files(lexicons).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.strip().startswith("#")]


def key(entry: str) -> str:
    return " ".join(fold(entry).split())


@pytest.mark.parametrize("name", FILES)
def test_every_line_is_a_comment_or_arabic_words(name: str) -> None:
    bad = [ln for ln in entries(name) if not ENTRY.fullmatch(ln)]
    assert bad == []


@pytest.mark.parametrize("name", FILES)
def test_no_entry_repeats_once_folded(name: str) -> None:
    folded = [key(e) for e in entries(name)]
    assert sorted({f for f in folded if folded.count(f) > 1}) == []
    assert len(lexicons.words(name)) == len(folded)


@pytest.mark.parametrize("name", NAME_FILES)
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


# ---- places ----------------------------------------------------------------------------------


def test_the_three_files_share_no_entry() -> None:
    places, ambiguous, dateline = words("places"), words("places_ambiguous"), words("dateline_words")
    assert places & ambiguous == frozenset()
    assert places & dateline == frozenset()
    assert ambiguous & dateline == frozenset()


def test_no_place_is_a_given_name() -> None:
    assert words("places") & words("given_names") == frozenset()


def test_places_is_large() -> None:
    assert len(words("places")) >= 2500


MUST_HAVE = {
    "saudi arabia": ["الرياض", "جدة", "مكة المكرمة", "المدينة المنورة", "المدينة", "الدمام", "الأحساء",
                     "القطيف", "حفر الباطن", "القنفذة", "بقيق", "الخرج", "المجمعة", "الزلفي", "عنيزة",
                     "الرس", "بريدة", "ينبع", "رابغ", "الليث", "تبوك", "حائل", "الجوف", "سكاكا", "عرعر",
                     "نجران", "جازان", "جيزان", "أبها", "خميس مشيط", "الباحة", "بيشة", "الطائف",
                     "القصيم", "المنطقة الشرقية", "الحدود الشمالية", "عسير", "الظهران", "الجبيل"],
    "gulf": ["أبوظبي", "أبو ظبي", "دبي", "الشارقة", "عجمان", "أم القيوين", "رأس الخيمة", "الفجيرة",
             "العين", "الكويت", "حولي", "الجهراء", "الأحمدي", "الفروانية", "الدوحة", "الريان", "الوكرة",
             "المنامة", "المحرق", "الرفاع", "مدينة حمد", "مسقط", "صلالة", "نزوى", "صحار", "ظفار"],
    "yemen and iraq": ["صنعاء", "عدن", "تعز", "الحديدة", "مأرب", "حضرموت", "المكلا", "سقطرى", "بغداد",
                       "البصرة", "الموصل", "أربيل", "كركوك", "النجف", "كربلاء", "الفلوجة", "السليمانية"],
    "levant": ["دمشق", "حلب", "حمص", "إدلب", "دير الزور", "اللاذقية", "بيروت", "طرابلس", "صيدا",
               "مدينة صور", "النبطية", "عمان", "إربد", "الزرقاء", "العقبة", "القدس", "القدس المحتلة",
               "غزة", "قطاع غزة", "الضفة الغربية", "رام الله", "نابلس", "الخليل", "مخيم جنين",
               "خان يونس", "رفح", "جباليا"],
    "nile and maghreb": ["القاهرة", "الإسكندرية", "الجيزة", "أسوان", "الأقصر", "بورسعيد", "العريش",
                         "الخرطوم", "أم درمان", "دارفور", "الفاشر", "بنغازي", "مصراتة", "تونس",
                         "صفاقس", "الجزائر", "وهران", "قسنطينة", "الرباط", "الدار البيضاء", "مراكش",
                         "طنجة", "نواكشوط", "مقديشو", "جيبوتي"],
    "countries": ["أمريكا", "أميركا", "الولايات المتحدة", "بريطانيا", "المملكة المتحدة", "روسيا",
                  "الصين", "فرنسا", "ألمانيا", "إيران", "تركيا", "إسرائيل", "الهند", "باكستان"],
    "world cities and regions": ["نيويورك", "واشنطن", "لندن", "باريس", "موسكو", "بكين", "طوكيو", "جنيف",
                                 "فيينا", "برلين", "إسطنبول", "استانبول", "أنقرة", "طهران", "كابل",
                                 "إسلام آباد", "نيودلهي", "كوالالمبور", "جاكرتا", "سان فرانسيسكو",
                                 "لوس أنجليس", "زيوريخ", "ميلانو", "مدريد", "برشلونة", "كييف",
                                 "كردستان", "الشرق الأوسط", "الخليج العربي"],
}


@pytest.mark.parametrize("group", sorted(MUST_HAVE))
def test_must_have_places(group: str) -> None:
    places = words("places")
    missing = [p for p in MUST_HAVE[group] if " ".join(fold(p).split()) not in places]
    assert missing == []


def test_the_loader_folds_spellings() -> None:
    places = words("places")
    # one entry covers hamza, taa marbuta and alef maqsura spellings
    assert {"الاحساء", "جده", "صنعاء", "اسطنبول", "الاسكندريه"} <= places


def test_ambiguous_names_are_kept_apart() -> None:
    ambiguous, places = words("places_ambiguous"), words("places")
    for name in ("حمد", "سلوى", "ليلى", "صور", "الخبر", "مالي", "كيف"):
        key = fold(name)
        assert key in ambiguous and key not in places
    # the unambiguous long form is a place
    assert {fold("مدينة حمد"), fold("مدينة صور"), fold("محافظة الخبر")} <= places


# Words a byline or dateline line often holds that are not places there: section labels, verbs,
# adverbs in the accusative (دوماً "always" prints دوما once the tanween is gone), common nouns.
NEVER_PLACES = ["حوار", "تقرير", "كتب", "الخبر", "دوما", "دورا", "كان", "كيف", "صور", "خاص", "متابعات",
                "عواصم", "وكالات", "مشهد", "بورصة", "الحراك", "العديد", "الشعب", "المملكة", "مالي"]


def test_common_words_are_not_places() -> None:
    places = words("places")
    assert [w for w in NEVER_PLACES if fold(w) in places] == []


def test_every_country_of_the_country_list_is_a_place() -> None:
    data = yaml.safe_load((ROOT / "site_config/entities/countries.yml").read_text(encoding="utf-8"))
    names = [e["name"] for e in data["entities"] if "ISO" in str(e.get("description", ""))]
    assert len(names) > 200
    known = words("places") | words("places_ambiguous")
    missing = [n for n in names if " ".join(fold(n).split()) not in known]
    assert missing == []


def test_dateline_words() -> None:
    dateline = words("dateline_words")
    assert {fold(w) for w in ("عواصم", "وكالات", "متابعات", "خاص")} <= dateline
