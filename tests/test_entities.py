"""Gazetteer loading and validation, entity matching rules, candidates, and the seed articles."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.arabic import fold_with_map
from generator.entities import (
    Gazetteer, _fold_map, find_entities, gazetteer_files, load_gazetteer, normalise_form,
)
from conftest import all_seeds, write_files
from generator.model import EntityHit

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "site_config"
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    g, problems = load_gazetteer(CONFIG)
    assert problems == []
    return g


def ids(text: str, g: Gazetteer) -> list[str]:
    return [h.id for h in find_entities(text, g)]


def hit(text: str, g: Gazetteer, ent_id: str) -> EntityHit:
    found = {h.id: h for h in find_entities(text, g)}
    assert ent_id in found, f"{ent_id} not found in {sorted(found)}"
    return found[ent_id]


# ---- the shipped gazetteer ------------------------------------------------------------------------

def test_shipped_gazetteer_is_valid_and_split_by_kind(gaz: Gazetteer) -> None:
    names = [p.name for p in gazetteer_files(CONFIG)]
    assert names[0] == "entities.yml"
    assert {"countries.yml", "places.yml", "organizations.yml", "people.yml"} <= set(names)
    types = {e.type for e in gaz.entities.values()}
    assert types == {"person", "place", "organization"}
    assert sum(e.type == "place" for e in gaz.entities.values()) > 300


def test_every_cldr_country_is_a_place(gaz: Gazetteer) -> None:
    from babel import Locale

    ar = Locale("ar").territories
    for code in ("IQ", "SY", "RU", "US", "FR", "JP", "BR", "NG", "FJ", "IS", "KZ", "PE", "ZA"):
        folded = normalise_form(ar[code])
        owners = [e.id for e in gaz.entities.values()
                  if folded in {normalise_form(f) for f in [e.name, *e.aliases]}]
        assert owners, f"{ar[code]} ({code}) is not in the gazetteer"


def test_seed_places_script_output_is_committed_and_deterministic(tmp_path: Path) -> None:
    out = tmp_path / "countries.yml"
    subprocess.run([sys.executable, str(ROOT / "tools" / "seed_places.py"), "--out", str(out)],
                   check=True, capture_output=True)
    committed = (CONFIG / "entities" / "countries.yml").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == committed


def test_automaton_is_built_once_per_gazetteer(gaz: Gazetteer) -> None:
    assert gaz.matcher() is gaz.matcher()


# ---- validation -----------------------------------------------------------------------------------

def test_validation_reports_every_problem_with_file_line_and_key(tmp_path: Path) -> None:
    config = write_files(tmp_path, {"entities/a.yml": (
        "entities:\n"
        "- {id: one, type: place, name: مدينة الاختبار, colour: red}\n"       # line 2: unknown key
        "- {id: two, type: planet, name: كوكب}\n"                             # line 3: bad type
        "- {id: three, type: person, name: فلان الفلاني, aliases: نص}\n"       # line 4: wrong type
        "- {id: one, type: place, name: مدينة أخرى}\n"                         # line 5: duplicate id
        "- {id: Bad_Id, type: place, name: مكان}\n"                           # line 6: non-ASCII-slug id
        "- id: four\n"                                                        # line 7
        "  type: place\n"
        "  name: أمريكا الوسطى\n"
        "- id: five\n"                                                        # line 10
        "  type: place\n"
        "  name: إقليم ما\n"
        "  aliases: [امريكا الوسطي]\n"                                        # line 13: same after folding
        "- {id: six, type: place, name: مالي, short: [مالي]}\n"               # line 14: no full form
    )})
    g, problems = load_gazetteer(config)
    found = {(p.line, p.key) for p in problems}
    assert (2, "entities[0].colour") in found
    assert (3, "entities[1].type") in found
    assert (4, "entities[2].aliases") in found
    assert (5, "entities[3].id") in found
    assert (6, "entities[4].id") in found
    assert (13, "entities[6].aliases") in found
    assert (14, "entities[7].name") in found
    assert all(p.file == (tmp_path / "entities" / "a.yml").as_posix() for p in problems)
    assert "already a name of 'four'" in next(p.message for p in problems if p.line == 13)
    assert "four" in g.entities and "two" not in g.entities  # valid entries still load, bad ones do not


def test_yaml_syntax_error_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    config = write_files(tmp_path, {"entities.yml": "entities: [\n", "entities/b.yml": "entities:\n- {id: x\n"})
    _g, problems = load_gazetteer(config)
    assert len(problems) == 2
    assert all(p.line for p in problems)


def test_shared_short_forms_are_allowed(tmp_path: Path) -> None:
    config = write_files(tmp_path, {"entities.yml": (
        "entities:\n"
        "- {id: a, type: person, name: سمير الحداد, short: [الحداد]}\n"
        "- {id: b, type: person, name: وليد الحداد, short: [الحداد]}\n"
    )})
    _g, problems = load_gazetteer(config)
    assert problems == []


# ---- matching rules -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, surface", [
    ("وصل الوفد إلى العراق مساء أمس.", "العراق"),
    ("وصل الوفد والعراق يستعد.", "العراق"),
    ("قال إنه سيبقى بالعراق أسبوعا.", "العراق"),
    ("وبالعراق يتحدثون عن الأمر.", "العراق"),
    ("فالعراق بلد كبير.", "العراق"),
    ("كالعراق في ذلك.", "العراق"),
    ("قدم الدعم للعراق منذ سنوات.", "العراق"),
    ("وللعراق حدود طويلة.", "العراق"),
])
def test_proclitics_before_a_name_that_starts_with_al(gaz: Gazetteer, text: str, surface: str) -> None:
    assert hit(text, gaz, "iraq").surfaces == [surface]


def test_proclitics_before_a_name_without_al(gaz: Gazetteer) -> None:
    h = hit("زار بغداد ثم عاد ببغداد ولبغداد وببغداد.", gaz, "baghdad")
    assert h.count == 4 and h.surfaces == ["بغداد"]


def test_lam_lam_contraction_reports_the_full_name(gaz: Gazetteer) -> None:
    h = hit("وجه رسالة للأمم المتحدة أمس.", gaz, "united-nations")
    assert h.surfaces == ["الأمم المتحدة"]


@pytest.mark.parametrize("text", [
    "اجتمع مجلس الامن الدولي امس.",        # no hamza
    "اجتمع مجلسُ الأمنِ الدوليّ أمس.",      # diacritics
    "اجتمع مجلـــس الأمن الدولي أمس.",      # tatweel
])
def test_spelling_variants_fold_to_one_form(gaz: Gazetteer, text: str) -> None:
    assert ids(text, gaz) == ["un-security-council"]


def test_ya_and_ta_marbuta_variants(gaz: Gazetteer) -> None:
    assert "diyala" in ids("اشتباكات في محافظة ديالي", gaz)            # ى written ي
    assert "syria" in ids("الحكومة السوريه واللاجئون في سوريه", gaz) or \
        "syria" in ids("في سورية", gaz)
    assert hit("عاد إلى سورية", gaz, "syria").surfaces == ["سورية"]


def test_surface_keeps_the_spelling_of_the_article(gaz: Gazetteer) -> None:
    h = hit("سافر إلى أمريكا ثم إلى أميركا ثم إلى الولايات المتحدة.", gaz, "united-states")
    assert h.surfaces == ["أمريكا", "أميركا", "الولايات المتحدة"]
    assert h.count == 3


def test_quotes_inside_and_around_names_are_ignored(gaz: Gazetteer) -> None:
    text = 'قاتل تنظيم "الدولة الإسلامية" وتنظيم «داعش» في المدينة.'
    found = find_entities(text, gaz)
    assert [h.id for h in found] == ["isis"]
    assert found[0].count == 2
    assert found[0].surfaces == ["تنظيم الدولة الإسلامية", "داعش"]


def test_longest_match_wins_and_matches_do_not_overlap(gaz: Gazetteer) -> None:
    assert ids("ألقى كلمته أمام الجمعية العامة للأمم المتحدة.", gaz) == ["un-general-assembly"]
    assert ids("نشرت صحيفة نيويورك تايمز التقرير.", gaz) == ["new-york-times"]
    assert ids("وصل إلى نيويورك صباحا.", gaz) == ["new-york"]


@pytest.mark.parametrize("text", [
    "أكدت الحكومة العراقية موقفها.",    # العراقية is not العراق
    "عاد المسافرون العراقيون.",
    "قال دبلوماسي روسي إن الأمر مهم.",
    "حصلت على دعم مالي كبير.",           # مالي (financial) is not Mali
    "زار مسقط رأسه في الجنوب.",           # birthplace, not Muscat
    "اجتمع مجلس الأمن القومي الأمريكي.",  # not the UN Security Council
])
def test_word_boundaries_and_common_words(gaz: Gazetteer, text: str) -> None:
    found = ids(text, gaz)
    assert "iraq" not in found and "russia" not in found and "mali" not in found
    assert "muscat" not in found and "un-security-council" not in found


@pytest.mark.parametrize("text", [
    "استقبل الجمهور الفريق بحماس كبير.",        # enthusiasm, not the movement
    "حاول خصومه النيل من سمعته.",               # a verb phrase, not the Nile
    "عاد إلى مسقط رأسه.",                        # a birthplace, not Muscat
    "خرج المصلون بعد صلاة المغرب.",             # the prayer, not Morocco
    "وقف الحجاج على جبل عرفات.",                # the mountain, not the person
    "أصيب الجنين بمرض نادر.",                   # a foetus, not the city
    "ارتدت المدينة حلة جديدة.",                  # a garment
    "حققت الشركة ربحا ماليا، ودفعت دعما ماليا.",
])
def test_common_words_are_not_entities(gaz: Gazetteer, text: str) -> None:
    assert ids(text, gaz) == []


def test_ignore_phrase_hides_only_whole_words_unless_open_ended(gaz: Gazetteer) -> None:
    assert ids("تزرع أراضي النيل منطقة واسعة.", gaz) == ["nile"]   # "النيل من" is not "النيل منطقة"


def test_short_form_needs_the_full_name_in_the_same_text(gaz: Gazetteer) -> None:
    lion = "زأر الأسد في حديقة الحيوان وخاف الأطفال من الأسد."
    assert ids(lion, gaz) == []
    news = "التقى بشار الأسد وفدا روسيا. وقال الأسد إن المحادثات مثمرة."
    h = hit(news, gaz, "bashar-al-assad")
    assert h.count == 2 and h.surfaces == ["الأسد", "بشار الأسد"]


def test_short_form_shared_by_two_people_goes_to_the_last_named(gaz: Gazetteer) -> None:
    text = ("حكم حافظ الأسد ثلاثين عاما. وقد بنى الأسد جيشا كبيرا. "
            "ثم خلفه بشار الأسد عام 2000. وقال الأسد لاحقا إنه باق.")
    found = {h.id: h for h in find_entities(text, gaz)}
    assert found["hafez-al-assad"].count == 2
    assert found["bashar-al-assad"].count == 2


def test_short_form_of_a_present_entity_beats_another_alias(gaz: Gazetteer) -> None:
    assert ids("وصل الوزير إلى عمان قادما من بيروت.", gaz) == ["amman", "beirut"]
    both = ids("تقع سلطنة عمان في الخليج، وتصدر عمان النفط.", gaz)
    assert "oman" in both and "amman" not in both


def test_kunya_short_form(gaz: Gazetteer) -> None:
    assert ids("قال كي مون إن الوضع صعب.", gaz) == []
    h = hit("التقى الأمين العام بان كي مون الوزير. وقال كي مون إن الوضع صعب.", gaz, "ban-ki-moon")
    assert h.count == 2


def test_abd_compounds_match_with_or_without_space(gaz: Gazetteer) -> None:
    assert ids("استقبل عبدالفتاح السيسي الوفد.", gaz) == ["abdel-fattah-el-sisi"]
    assert ids("استقبل عبد الفتاح السيسى الوفد.", gaz) == ["abdel-fattah-el-sisi"]


def test_result_is_sorted_with_counts_and_first_offset(gaz: Gazetteer) -> None:
    text = "زار أوباما موسكو ثم عاد أوباما إلى واشنطن."
    found = find_entities(text, gaz)
    assert [h.id for h in found] == sorted(h.id for h in found)
    obama = {h.id: h for h in found}["barack-obama"]
    assert obama.count == 2 and obama.first_offset == text.index("أوباما")
    assert find_entities(text, gaz) == found  # deterministic
    assert find_entities("", gaz) == []
    assert find_entities(text, Gazetteer()) == []


# ---- the seed articles ----------------------------------------------------------------------------

SEED_PEOPLE = {
    "haider-al-abadi", "saad-al-hadithi", "vladimir-putin", "bashar-al-assad", "barack-obama",
    "ibrahim-al-jaafari", "ban-ki-moon", "hakim-al-zamili", "ilya-rogachev",
}


def seed_hits(g: Gazetteer) -> dict[str, list[EntityHit]]:
    return {p.name: find_entities(p.read_text(encoding="utf-8"), g) for p in all_seeds()}


def test_every_person_named_in_the_seeds_is_an_entity(gaz: Gazetteer) -> None:
    hits = seed_hits(gaz)
    people = {h.id for found in hits.values() for h in found if h.type == "person"}
    assert people == SEED_PEOPLE  # all of them, and no other (false) person


def test_isis_is_one_entity_under_all_its_names(gaz: Gazetteer) -> None:
    hits = seed_hits(gaz)
    surfaces = {s for found in hits.values() for h in found if h.id == "isis" for s in h.surfaces}
    assert {"داعش", "تنظيم الدولة الإسلامية"} <= surfaces
    assert all(not any(h.id != "isis" and "داعش" in h.surfaces for h in found) for found in hits.values())


def test_seed_entities_are_really_in_the_text(gaz: Gazetteer) -> None:
    for path in all_seeds():
        text = path.read_text(encoding="utf-8")
        unquoted = re.sub("[\"'«»“”]", "", text)
        for h in find_entities(text, gaz):
            for s in h.surfaces:
                assert s in unquoted or "ل" + s[1:] in unquoted, (path.name, h.id, s)


def test_seed_places_and_organisations(gaz: Gazetteer) -> None:
    hits = seed_hits(gaz)
    all_ids = {h.id for found in hits.values() for h in found}
    for expected in ("iraq", "russia", "iran", "syria", "baghdad", "mosul", "ramadi", "moscow",
                     "washington", "new-york", "anbar", "damascus", "middle-east", "europe",
                     "united-nations", "un-general-assembly", "un-security-council", "kremlin",
                     "white-house", "international-coalition", "russian-foreign-ministry",
                     "iraqi-joint-operations-command", "iraqi-defence-ministry", "iraqi-army"):
        assert expected in all_ids, expected


# ---- folding with an offset map -------------------------------------------------------------------

_ALPHABET = st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهويةىأإآؤئء") + [
    "\u064b", "\u064e", "\u0651", "\u0640", "\u200f", " ", "\n", "«", "»", '"', "٣", "A", "b", "İ"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_fast_fold_map_equals_fold_with_map(text: str) -> None:
    assert _fold_map(text) == fold_with_map(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.lists(_ALPHABET, max_size=60).map("".join))
def test_find_entities_never_fails_and_surfaces_point_into_the_text(gaz: Gazetteer, text: str) -> None:
    for h in find_entities("العراق " + text + " بغداد", gaz):
        assert 0 <= h.first_offset < len(text) + 14
        assert h.count >= 1 and h.surfaces
