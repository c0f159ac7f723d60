"""The place lexicons (generator/lexicons/places*.txt, dateline_words.txt): structure and coverage.

- every entry is Arabic letters with single spaces (no digits, marks, tatweel or punctuation);
- no entry repeats within a file once folded (a repeat is a spelling folding already covers);
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

from generator.arabic import fold
from generator.lexicons import words

ROOT = Path(__file__).resolve().parent.parent
FILES = ("places", "places_ambiguous", "dateline_words")
# Hamza on the line and the 28 letters, alef forms, taa marbuta, alef maqsura (U+0621-063A,
# U+0641-064A): no tatweel (U+0640), no harakat, no Persian letters.
ENTRY = re.compile(r"[\u0621-\u063A\u0641-\u064A]+(?: [\u0621-\u063A\u0641-\u064A]+)*")


def entries(name: str) -> list[str]:
    text = resources.files("generator.lexicons").joinpath(f"{name}.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]


@pytest.mark.parametrize("name", FILES)
def test_entries_are_arabic_words_and_single_spaces(name: str) -> None:
    bad = [e for e in entries(name) if not ENTRY.fullmatch(e)]
    assert bad == []


@pytest.mark.parametrize("name", FILES)
def test_no_entry_repeats_once_folded(name: str) -> None:
    seen: dict[str, str] = {}
    repeats = []
    for e in entries(name):
        key = " ".join(fold(e).split())
        if key in seen:
            repeats.append((seen[key], e))
        seen[key] = e
    assert repeats == []
    assert len(words(name)) == len(entries(name))


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
