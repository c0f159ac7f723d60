"""Outlet, wire and author detection, and the outlet registry loader.

Every article line below is written for these tests; the seed articles come from corpus/.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import seed_file
from generator.config import Problem
from generator.outlets import Attribution, Registry, detect, load_registry, norm

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"

BODY = ("وأعلنت وزارة الصحة في بيان صدر مساء أمس أن حملة التطعيم ستبدأ في المدارس الحكومية الأسبوع المقبل "
        "وتستمر حتى نهاية الشهر في كل المحافظات.")
TITLE = "حملة تطعيم جديدة في المدارس"


@pytest.fixture(scope="module")
def registry() -> Registry:
    reg, problems = load_registry(ROOT / "site_config")
    assert problems == []
    return reg


def run(lines: list[str], registry: Registry, keep: list[bool] | None = None, title: int | None = 0) -> Attribution:
    keep = keep if keep is not None else [bool(ln.strip()) for ln in lines]
    return detect(lines, keep, title, registry)


def outlet_id(att: Attribution) -> str | None:
    return att.outlet.id if att.outlet else None


# ---- the registry ----------------------------------------------------------------------------


def test_registry_covers_major_outlets_and_agencies(registry: Registry) -> None:
    outlets = registry.outlets.values()
    assert len([o for o in outlets if o.kind != "agency"]) >= 60
    agencies = [o for o in outlets if o.kind == "agency"]
    assert len(agencies) >= 14
    assert all(o.wire_name for o in agencies)
    names = {o.name for o in outlets}
    for name in ("الشرق الأوسط", "الاتحاد", "فرانس 24", "إيلاف", "هسبريس", "رويترز", "وكالة فرانس برس"):
        assert name in names
    assert all(o.id.isascii() for o in outlets)


def _load(tmp_path: Path, text: str) -> tuple[Registry, list[Problem]]:
    (tmp_path / "outlets.yml").write_text(text, encoding="utf-8")
    return load_registry(tmp_path)


GOOD = """outlets:
  - id: one
    name: الأولى
    name_latin: One
    country: AE
    kind: newspaper
    aliases: [صحيفة الأولى]
  - id: two
    name: الثانية
    name_latin: Two
    country: EG
    kind: tv
"""


def test_loader_accepts_a_valid_file(tmp_path: Path) -> None:
    reg, problems = _load(tmp_path, GOOD)
    assert problems == []
    assert sorted(reg.outlets) == ["one", "two"]


def test_loader_names_an_unknown_key(tmp_path: Path) -> None:
    text = GOOD.replace("    kind: tv\n", "    kind: tv\n    colour: red\n")
    _, problems = _load(tmp_path, text)
    assert [(p.line, p.key, p.message) for p in problems] == [
        (13, "two.colour", "unknown key (known keys: aliases, country, credit_alone, credits, domains, "
                           "fingerprints, id, kind, name, name_latin, plain_names, short_names, wire_name)")]
    assert problems[0].file.endswith("outlets.yml")


def test_loader_names_a_wrong_type(tmp_path: Path) -> None:
    text = GOOD.replace("aliases: [صحيفة الأولى]", "aliases: صحيفة الأولى")
    _, problems = _load(tmp_path, text)
    assert [(p.line, p.key, p.message) for p in problems] == [
        (7, "one.aliases", "must be a list of non-empty strings")]


def test_loader_names_a_duplicate_id(tmp_path: Path) -> None:
    text = GOOD.replace("id: two", "id: one")
    _, problems = _load(tmp_path, text)
    assert [(p.line, p.key, p.message) for p in problems] == [
        (8, "one.id", 'duplicate id "one" (first used on line 2)')]


def test_loader_names_an_alias_shared_by_two_outlets(tmp_path: Path) -> None:
    text = GOOD + "    aliases: [الأولى]\n"
    _, problems = _load(tmp_path, text)
    assert [(p.line, p.key, p.message) for p in problems] == [
        (13, "two.aliases", '"الأولى" is already a name or alias of "one" (line 3)')]


def test_loader_checks_agency_fields_and_fingerprints(tmp_path: Path) -> None:
    text = GOOD.replace("kind: tv", "kind: agency").replace(
        "    aliases: [صحيفة الأولى]\n", "    wire_name: و\n    fingerprints:\n      jingle: [x]\n")
    _, problems = _load(tmp_path, text)
    assert sorted((p.key, p.message) for p in problems) == [
        ("one.fingerprints.jingle", "unknown key (known keys: byline, copyright, dateline, furniture, "
                                    "self_mention, signoff)"),
        ("one.wire_name", "only agencies (kind: agency) have wire credits"),
        ("two.wire_name", "an agency needs a wire_name (its short credit)"),
    ]


def test_loader_reports_yaml_syntax_errors_without_raising(tmp_path: Path) -> None:
    reg, problems = _load(tmp_path, "outlets:\n  - id: [unclosed\n")
    assert reg.outlets == {} and problems and "YAML syntax error" in problems[0].message


# ---- the seed corpus -------------------------------------------------------------------------


def seed(prefix: str, registry: Registry) -> Attribution:
    path = seed_file(prefix)
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").split("\n")]
    return run(lines, registry, title=None)


def test_seed_000_closing_line_and_no_wire_from_reported_speech(registry: Registry) -> None:
    att = seed("000", registry)
    assert outlet_id(att) == "alittihad"
    assert att.evidence.startswith("closing")
    assert att.wire == []  # "قال … لفرانس برس" is reported speech, not a credit
    assert att.author is None


def test_seed_001_has_no_outlet(registry: Registry) -> None:
    att = seed("001", registry)
    assert att.outlet is None and att.wire == [] and att.author is None


def test_seed_002_france24_furniture_byline_and_credit(registry: Registry) -> None:
    att = seed("002", registry)
    assert outlet_id(att) == "france24"
    assert att.evidence.startswith("furniture")
    assert att.author == "فراس حسن"
    assert att.wire == ["أ ف ب"]


def test_seed_003_self_mention_and_name_colon_byline(registry: Registry) -> None:
    att = seed("003", registry)
    assert outlet_id(att) == "elaph"
    assert att.author == "أسامة مهدي"


def test_seed_004_copyright_footer_beats_a_cited_newspaper(registry: Registry) -> None:
    att = seed("004", registry)
    assert outlet_id(att) == "alittihad"
    assert att.evidence.startswith("copyright")
    assert att.warnings == []


# ---- outlet signals --------------------------------------------------------------------------


@pytest.mark.parametrize("footer, expected", [
    ("جميع الحقوق محفوظة لصحيفة الخليج 2023", "alkhaleej"),
    ("جميع الحقوق محفوظة لدار الخليج للصحافة والطباعة والنشر ©", "alkhaleej"),
    ("© ٢٠٢١ سكاي نيوز عربية", "skynewsarabia"),
    ("Copyright © 2020 Al Jazeera Media Network. All rights reserved", "aljazeera"),
    ("جميع الحقوق محفوظة للمصري اليوم", "almasryalyoum"),
    ("جميع الحقوق محفوظة لوكالة الأنباء الكويتية (كونا) 2022", "kuna"),
    ("جميع الحقوق محفوظة لشركة النجوم للإعلام 2022", None),
])
def test_copyright_holder_is_resolved(footer: str, expected: str | None, registry: Registry) -> None:
    assert outlet_id(run([TITLE, BODY, footer], registry)) == expected


def test_a_bare_copyright_sign_with_an_agency_is_a_photo_credit(registry: Registry) -> None:
    att = run([TITLE, BODY, "© أ ف ب"], registry)
    assert att.outlet is None
    assert att.wire == ["أ ف ب"]


def test_domain_on_a_short_line_counts_but_not_inside_a_sentence(registry: Registry) -> None:
    assert outlet_id(run([TITLE, BODY, "www.hespress.com"], registry)) == "hespress"
    assert outlet_id(run([TITLE, BODY, "https://www.bbc.com/arabic/middleeast-123"], registry)) == "bbc-arabic"
    cited = ("ونشر موقع www.hespress.com تقريرا مطولا عن الحملة اعتمد فيه على أرقام رسمية "
             "من وزارة الصحة ومن مديريات التعليم في المحافظات")
    assert run([TITLE, cited], registry).outlet is None
    assert run([TITLE, BODY, "المصدر: alarabiya.net"], registry).outlet is None
    assert run([TITLE, BODY, "www.bbc.com/sport"], registry).outlet is None  # not the Arabic section


def test_dateline_forms(registry: Registry) -> None:
    assert outlet_id(run([TITLE, "القاهرة - «الشرق الأوسط»: " + BODY], registry)) == "asharq-alawsat"
    assert outlet_id(run([TITLE, "الرباط — هسبريس. " + BODY], registry)) == "hespress"
    assert outlet_id(run([TITLE, "واشنطن، الولايات المتحدة (CNN) -- " + BODY], registry)) == "cnn-arabic"
    assert outlet_id(run([TITLE, "أبوظبي (الاتحاد) - " + BODY], registry)) == "alittihad"


def test_ordinary_words_are_not_datelines(registry: Registry) -> None:
    # الاتحاد (the union), الشرق الأوسط (the region) unquoted at a line start are not the outlets
    assert run([TITLE, "بروكسل - الاتحاد الأوروبي يدعو إلى وقف إطلاق النار"], registry).outlet is None
    assert run([TITLE, "أخبار - الشرق الأوسط"], registry).outlet is None
    assert run([TITLE, "الرئيسية / الجزيرة"], registry).outlet is None
    assert run([TITLE, "الرياض: بدء الحملة في المدارس"], registry).outlet is None
    assert run([TITLE, "اقرأ أيضا: «الخليج» تنشر تفاصيل الخطة"], registry).outlet is None


def test_outlet_first_lines_and_headlines_quoting_an_outlet(registry: Registry) -> None:
    assert outlet_id(run([TITLE, "السومرية نيوز/ بغداد", BODY], registry)) == "alsumaria"
    assert outlet_id(run([TITLE, "عمون - " + BODY], registry)) == "ammonnews"
    # "CNN: …" is a headline citing another outlet
    assert run(["CNN: مسؤولون يتوقعون قرارا قريبا", BODY], registry).outlet is None


def test_page_title_brand_segment(registry: Registry) -> None:
    att = run(["حملة تطعيم جديدة في المدارس | صحة | يورونيوز | 12.03.2021", BODY], registry)
    assert outlet_id(att) == "euronews"
    assert outlet_id(run(["حملة تطعيم جديدة في المدارس | الخليج", BODY], registry)) == "alkhaleej"
    # a menu or breadcrumb is not a page title
    assert run(["الرئيسية | محليات | الخليج", BODY], registry).outlet is None
    assert run(["حملة تطعيم جديدة في المدارس | الخليج | اقتصاد", BODY], registry).outlet is None


def test_closing_line(registry: Registry) -> None:
    assert outlet_id(run([TITLE, BODY, "«البيان»"], registry)) == "albayan"
    att = run([TITLE, BODY, "(رويترز)"], registry)
    assert att.outlet is None and att.wire == ["رويترز"]
    # an unquoted last line is a menu item as often as a sign-off
    assert run([TITLE, BODY, "البيان"], registry).outlet is None


def test_self_mentions(registry: Registry) -> None:
    told = "وقال مصدر حكومي مطلع لـ«القبس» إن الحملة ستشمل المدارس الخاصة أيضا."
    assert outlet_id(run([TITLE, told], registry)) == "alqabas"
    learned = "علمت «عكاظ» من مصادر في الوزارة أن الحملة ستمدد أسبوعا."
    assert outlet_id(run([TITLE, learned], registry)) == "okaz"
    headline = "مسؤول في الوزارة لـ«الخليج»: الحملة تشمل كل المدارس"
    assert outlet_id(run([headline, BODY], registry)) == "alkhaleej"
    read = 'وجاء في تقرير اطلعت على نسخة منه "هسبريس" أن الحملة ستمدد.'
    assert outlet_id(run([TITLE, read], registry)) == "hespress"


@pytest.mark.parametrize("sentence", [
    "وذكرت صحيفة «القبس» أن الحملة ستشمل المدارس الخاصة.",
    "حسب ما نقلت قناة «العربية» عن مسؤول في الوزارة.",
    "وقال المتحدث لفرانس برس إن الحملة ستستمر.",
    "وقال المتحدث لصحيفة «عكاظ» إن الحملة ستستمر.",
    "وأوضح لـ«رويترز» أن الحملة ستستمر.",
    "وقال مسؤول لـ«نيويورك تايمز» إن الحملة ستستمر.",
])
def test_a_source_named_inside_a_sentence_is_not_the_outlet(sentence: str, registry: Registry) -> None:
    att = run([TITLE, sentence, BODY], registry)
    assert att.outlet is None
    assert att.wire == []


def test_furniture_fingerprint_alone_and_byline_style_alone(registry: Registry) -> None:
    box = "الرسالة الإخباريةأبرز الأحداث الدولية صباح كل يوم"
    assert outlet_id(run([TITLE, BODY, box], registry)) == "france24"
    att = run([TITLE, "نص : سامر خليل", BODY], registry)
    assert att.outlet is None  # a byline label alone is too weak
    assert att.author == "سامر خليل"


def test_conflicts(registry: Registry) -> None:
    told = "وقال مصدر حكومي مطلع لـ«القبس» إن الحملة ستشمل المدارس الخاصة أيضا."
    att = run([TITLE, told, "جميع الحقوق محفوظة لمركز الاتحاد للأخبار"], registry)
    assert outlet_id(att) == "alittihad"
    assert any("alqabas" in w for w in att.warnings)
    att = run([TITLE, BODY, "جميع الحقوق محفوظة لصحيفة الخليج", "© 2020 سكاي نيوز عربية"], registry)
    assert att.outlet is None
    assert any("conflicting" in w for w in att.warnings)


def test_a_shared_name_needs_another_signal(registry: Registry) -> None:
    att = run([TITLE, BODY, "«الوطن»"], registry)
    assert att.outlet is None
    assert any("shared" in w for w in att.warnings)
    att = run([TITLE, BODY, "«الوطن»", "alwatan.com.sa"], registry)
    assert outlet_id(att) == "alwatan-sa"


def test_furniture_lines_dropped_by_the_cleaner_are_still_seen(registry: Registry) -> None:
    lines = [TITLE, BODY, "جميع الحقوق محفوظة لصحيفة الخليج 2023"]
    assert outlet_id(run(lines, registry, keep=[True, True, False])) == "alkhaleej"


# ---- wire ------------------------------------------------------------------------------------


def test_wire_credit_positions_order_and_dedup(registry: Registry) -> None:
    lines = [
        TITLE,
        "بيروت (أ ف ب) - " + BODY,
        "وأضاف المسؤول أن الحملة ستتوسع. (رويترز)",
        "ا ف ب",
        "القاهرة /أ ش أ/ " + BODY,
        "الرياض - واس",
        "المصدر: د ب أ، الأناضول",
    ]
    assert run(lines, registry).wire == ["أ ف ب", "رويترز", "أ ش أ", "واس", "د ب أ", "الأناضول"]


def test_credit_forms_that_are_also_places(registry: Registry) -> None:
    assert run([TITLE, BODY, "قنا"], registry).wire == []  # قنا, the Egyptian city, as a menu line
    assert run([TITLE, "الدوحة - قنا", BODY], registry).wire == ["قنا"]
    assert run([TITLE, BODY + " (قنا)"], registry).wire == ["قنا"]


def test_reported_agency_is_not_a_credit(registry: Registry) -> None:
    lines = [TITLE, "ونقلت وكالة رويترز عن مسؤول قوله إن الحملة ستستمر.",
             "وقال المسؤول لفرانس برس إن الأرقام مشجعة.",
             "وقالت وكالة الأنباء السعودية (واس) إن الحملة بدأت.",
             "أنقرة - قال مسؤول لوكالة الأناضول إن الأرقام مشجعة."]
    assert run(lines, registry).wire == []


def test_agency_is_the_outlet_only_on_its_own_page(registry: Registry) -> None:
    att = run([TITLE, "دمشق - سانا", BODY], registry)
    assert att.outlet is None and att.wire == ["سانا"]
    att = run([TITLE, "دمشق - سانا", BODY, "www.sana.sy"], registry)
    assert outlet_id(att) == "sana" and att.wire == []


# ---- author ----------------------------------------------------------------------------------


@pytest.mark.parametrize("line, expected", [
    ("بقلم: د. سامي النجار.", "سامي النجار"),
    ("بقلم الكاتب سامي النجار", "سامي النجار"),
    ("كتب: محمود عبد الرحمن", "محمود عبد الرحمن"),
    ("كتبت ليلى حسن", "ليلى حسن"),
    ("نص : كريم يوسف", "كريم يوسف"),
    ("إعداد: هالة مصطفى - القاهرة", "هالة مصطفى"),
    ("سامي النجار يكتب: عن التعليم والتطعيم", "سامي النجار"),
    ("كتب - محمد بن عبد الله آل ثاني", "محمد بن عبد الله آل ثاني"),
])
def test_bylines(line: str, expected: str, registry: Registry) -> None:
    assert run([TITLE, line, BODY], registry).author == expected


@pytest.mark.parametrize("line", [
    "كتب الرئيس على حسابه في تويتر أن الحملة ناجحة وستستمر حتى نهاية العام",
    "بقلم: فريق التحرير",
    "إعداد: قسم الأخبار",
    "كتب: مراسلنا في بغداد",
    "نص البيان: تعلن الوزارة بدء الحملة",
    "كتبت: الشرق الأوسط",
    "كتب الوزير على تويتر",
    "كتبت الصحيفة في افتتاحيتها",
])
def test_not_bylines(line: str, registry: Registry) -> None:
    assert run([TITLE, line, BODY], registry).author is None


def test_name_colon_verb_opening_the_body(registry: Registry) -> None:
    assert run([TITLE, "نادية السعدي: قالت وزارة الصحة إن " + BODY], registry).author == "نادية السعدي"
    # a quote in a subheading or a headline is not a byline
    assert run([TITLE, "وزير الصحة: الحملة ستبدأ الأسبوع المقبل في المدارس الحكومية كلها", BODY],
               registry).author is None
    assert run([TITLE, "الاتحاد الأوروبي: قال المتحدث باسم المفوضية إن " + BODY], registry).author is None


def test_name_lines_around_a_dateline(registry: Registry) -> None:
    assert run([TITLE, "سامر خليل - باريس", BODY], registry).author == "سامر خليل"
    assert run([TITLE, "سامر خليل", "باريس - " + BODY], registry).author == "سامر خليل"
    # a heading before a dateline, or a subheading before a paragraph, is not a name line
    assert run([TITLE, "حرب غزة", "القاهرة: " + BODY], registry).author is None
    assert run([TITLE, "مخاوف روسيا - موسكو", BODY], registry).author is None
    assert run([TITLE, BODY, "مخاوف روسيا", "وأشارت الوزارة إلى أن " + BODY], registry).author is None


def test_header_name_line_needs_a_known_given_name(registry: Registry) -> None:
    assert "ساره" in registry.given_names  # folded
    header = [TITLE, "الأحد 12 مارس 2023 - 10:15", "سارة عبد الهادي", "طباعة", BODY]
    assert run(header, registry).author == "سارة عبد الهادي"
    # the same shape without a given name is a menu or a label
    for line in ("مواقيت الصلاة", "أخبار عاجلة", "أبرز العناوين اليوم", "محمد للاجئين"):
        assert run([TITLE, line, "طباعة", BODY], registry).author is None
    # below the first paragraph it is no longer the header
    assert run([TITLE, BODY, "سارة عبد الهادي", BODY], registry).author is None


def test_given_names_come_from_the_shipped_lexicon(tmp_path: Path) -> None:
    reg, problems = _load(tmp_path, GOOD)
    assert problems == [] and {"ساره", "احمد", "عبدالله"} <= reg.given_names
    # the registry no longer holds them: the key is reported as unknown
    reg, problems = _load(tmp_path, GOOD + "given_names: [سارة, أحمد]\n")
    assert [p.key for p in problems] == ["given_names"]


def test_norm_folds_quotes_dashes_and_acronym_dots() -> None:
    assert norm("«الاتحاد» — أ.ف.ب") == '"الاتحاد" - ا ف ب'
    assert norm("سبوتنيك. وقال") == "سبوتنيك. وقال"
    assert norm("سوريا ـ العراق") == "سوريا - العراق"
