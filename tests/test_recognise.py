"""The recogniser: names beyond the gazetteer (generator/recognise.py), and how found names reach
the archive. Every sentence here is written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator.context import publish_found
from generator.entities import Gazetteer, load_gazetteer
from generator.model import Article
from generator.pipeline import SiteConfig, extract_text, load_site_config
from generator.recognise import recognise

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def cfg() -> SiteConfig:
    config, problems = load_site_config(ROOT / "site_config")
    assert problems == []
    return config


def found(text: str, cfg: SiteConfig, gaz: Gazetteer | None = None) -> dict[str, str]:
    return {f.name: f.type for f in recognise(text, gaz if gaz is not None else cfg.gazetteer, cfg.place_names)}


# ---- people ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, name", [
    ("وقال وزير الخارجية الفنلندي يوهان كارلسون في مؤتمر صحفي إن بلاده مستعدة.", "يوهان كارلسون"),
    ("وأعلن المتحدث باسم الوزارة العميد سعد معن أن القوات اعتقلت خمسة.", "سعد معن"),
    ("وقال اللواء عبد الكريم خلف، إن الوضع مستقر.", "عبد الكريم خلف"),
    ("وقالت الوزيرة مها الخطيب إن الخطة جاهزة.", "مها الخطيب"),
    ("وقال النائب سمير داود يتحدث إلى الصحفيين.", "سمير داود"),
    ("وحضر الحفل خالد بن عبدالرحمن آل عويدان وعدد من المسؤولين.", "خالد بن عبدالرحمن آل عويدان"),
    ("واستقبل وزير الطاقة عز الدين الأصفر وفدا من المستثمرين.", "عز الدين الأصفر"),
    ("وهو نجل اللواء كمال رشدي نصار، القائد السابق للقوات.", "كمال رشدي نصار"),
    ("وقال الدكتور وليد بن صالح باصمد إن البرنامج بدأ.", "وليد بن صالح باصمد"),
    ("والتقى النائب الأول للرئيس حسبو محمد عبدالرحمن، أمس، الوفد.", "حسبو محمد عبدالرحمن"),
    # a given name folded like a definite noun (أليس → اليس) is not the title's complement
    ("ورحبت وزيرة الثقافة اللبنانية أليس حداد بالمشروع.", "أليس حداد"),
    # على written for علي: after a title before a given name, and after بن
    ("وأوضح الناطق باسم الشرطة، العقيد على سالم الزهراني، أن الحادث وقع ليلا.", "على سالم الزهراني"),
    ("وقال مدير المكتب خالد بن على الراشد إن العمل مستمر.", "خالد بن على الراشد"),
    ("وقال السير ديف هارلو إن اللجنة ستجتمع.", "ديف هارلو"),
    # a given name unknown to the lexicon before آل and a family name
    ("وأشار والد الطالب، دغيم آل حمدان، إلى أن ابنه نجا.", "دغيم آل حمدان"),
])
def test_people(cfg: SiteConfig, text: str, name: str) -> None:
    assert found(text, cfg).get(name) == "person"


@pytest.mark.parametrize("text", [
    "ثم ألقى الرئيس الفرنسي كلمته أمام البرلمان.",
    "أثار الرئيس جدلاً بسبب قراره.",
    "وأكد وجود أسلحة في المستودع.",  # وجود is not و + جود
    "وقال إن لدينا الإمكانيات الكافية.",  # لدينا is not ل + دينا
    "وأشاد بحسن التنظيم.",
    "وقال وزير حقوق الإنسان إن التقرير جاهز.",  # a ministry's name is not a person
    "وقال الرئيس على هامش القمة إن بلاده مستعدة.",  # على the preposition after a title
    "وكتب المؤرخ عن عهد آل عثمان في المدينة.",  # a noun that takes a family as its complement
])
def test_not_people(cfg: SiteConfig, text: str) -> None:
    assert "person" not in found(text, cfg).values()


def test_a_name_ends_before_a_verb_an_adjective_or_a_role(cfg: SiteConfig) -> None:
    names = found("وكتب خالد ميري يكتب عن الأمر، وقال عبدالعزيز الثنيان التربوي إن المدارس جاهزة، "
                  "وصرح أكرم سلمان المدير الفني للفريق.", cfg)
    assert {"خالد ميري", "عبدالعزيز الثنيان", "أكرم سلمان"} <= set(names)
    assert not any(n.endswith(("يكتب", "التربوي", "المدير")) for n in names)


def test_the_family_name_alone_after_the_full_name_is_the_same_person(cfg: SiteConfig) -> None:
    text = "عنوان\n\nقال سامر الخطيب إن المشروع بدأ. وأضاف الخطيب أن العمل مستمر، وأكد الخطيب ذلك.\n"
    people = [e for e in extract_text(text, "t.txt", cfg).entities if e.type == "person"]
    assert [(e.name, e.count, e.surfaces) for e in people] == [("سامر الخطيب", 3, ["الخطيب", "سامر الخطيب"])]
    # two people of the article share the family name: the name alone is nobody's
    text = "عنوان\n\nقال سامر الخطيب إن رامي الخطيب وصل. وأضاف الخطيب أن العمل مستمر.\n"
    assert all(e.count == 1 for e in extract_text(text, "t.txt", cfg).entities)


def test_the_son_is_named_never_the_father(cfg: SiteConfig) -> None:
    text = "دشن الأمير نواف بن سلمان بن عبدالعزيز المشروع، واستقبل الشيخ راكان بن محمد بن زايد الوفد."
    art = extract_text(f"عنوان\n\n{text}\n", "t.txt", cfg)
    people = {e.name for e in art.entities if e.type == "person"}
    assert people == {"نواف بن سلمان بن عبدالعزيز", "راكان بن محمد بن زايد"}


def test_a_gazetteer_person_named_more_fully_keeps_its_entity(cfg: SiteConfig, tmp_path: Path) -> None:
    (tmp_path / "entities.yml").write_text(
        "entities:\n- {id: nayef-x, type: person, name: نايف بن خالد}\n", encoding="utf-8")
    gaz, problems = load_gazetteer(tmp_path)
    assert problems == []
    config = SiteConfig(cfg.config_dir, cfg.furniture, cfg.registry, gaz, {})
    art = extract_text("عنوان\n\nواستقبل الأمير نايف بن خالد بن سعود آل فهد الوفد.\n", "t.txt", config)
    assert [(e.id, e.surfaces) for e in art.entities] == [
        ("nayef-x", ["نايف بن خالد", "نايف بن خالد بن سعود آل فهد"])]


def test_photo_credits_are_not_names_in_the_story(cfg: SiteConfig) -> None:
    assert found("الوزير في جولته - عدسة سامر الخطيب", cfg) == {}


# ---- organisations -----------------------------------------------------------------------------


@pytest.mark.parametrize("text, name", [
    ("وأعلنت وزارة الشؤون البلدية والقروية خطة جديدة.", "وزارة الشؤون البلدية والقروية"),
    ("وقال مسؤول في اللجنة الوطنية للحج والعمرة إن الموسم ناجح.", "اللجنة الوطنية للحج والعمرة"),
    ("وباشر رجال الدفاع المدني البلاغ فورا.", "الدفاع المدني"),
    ("وأصدر الجهاز المركزي للإحصاء تقريره.", "الجهاز المركزي للإحصاء"),
    ("وزار الوفد مركز الأمير فهد لتنمية الشباب أمس.", "مركز الأمير فهد لتنمية الشباب"),
    ("ونشرت صحيفة «ميل أون صنداي» التقرير.", "ميل أون صنداي"),
    ("وقالت شركة فالكوم إن الطلب ارتفع.", "فالكوم"),
    ("وأعلنت أمانة جازان عن مشروع.", "أمانة جازان"),
    ("وتقدم الجيش اليمني نحو المدينة.", "الجيش اليمني"),
    ("وقالت حكومة إقليم كردستان العراق إن الاتفاق قائم.", "حكومة إقليم كردستان العراق"),
    ("وأعلنت رئاسة الوزراء أن الاجتماع تأجل.", "رئاسة الوزراء"),
    # a bare name between a generic head and an adjective that describes it
    ("ونقلت صحيفة كرونيكل الأسترالية الخبر.", "كرونيكل"),
    ("وشاركت مجموعة رواد التطوعية في الحملة.", "رواد"),
    # the complement of a title other than a minister's
    ("وقال مدير الاستخبارات العسكرية سابقا إن الملف مغلق.", "الاستخبارات العسكرية"),
    # the forces of an organisation: the organisation
    ("وتقدمت قوات الجيش الوطني نحو البلدة.", "الجيش الوطني"),
    # a holy place's adjective stays in an institution's name
    ("وأعلنت الهيئة العامة لشؤون المسجد الأقصى برنامجها.", "الهيئة العامة لشؤون المسجد الأقصى"),
    # a coordinated noun after the first word of the name; one ل-phrase
    ("وأقامت جمعية الثقافة والفنون معرضا.", "جمعية الثقافة والفنون"),
    ("وقال رئيس الاتحاد الكيني لكرة السلة لرئاسة الاتحاد القاري إنه مستعد.", "الاتحاد الكيني لكرة السلة"),
])
def test_organisations(cfg: SiteConfig, text: str, name: str) -> None:
    assert found(text, cfg).get(name) == "organization"


@pytest.mark.parametrize("text", [
    "وقال إن تنظيم دقيق للعمل ضروري.",
    "وعقد مجلس إدارة الجمعية اجتماعه.",
    "وأكد أن ائتلاف يضم عدة أحزاب.",
    "وشارك في جلسة مجلس الوزراء الأسبوعية.",  # the weekly meeting's adjective is not in the name
    "وأعدت القيادة خطة عسكرية محكمة لتحرير المحافظة.",  # محكمة: "tight", not a court
    "وأكد أن تنظيم البرامج المصاحبة جيد.",
    "وأقر مجلس المحافظة خطة الصيانة.",  # the council of whichever governorate: no one name
])
def test_organisation_boundaries(cfg: SiteConfig, text: str) -> None:
    names = found(text, cfg)
    assert not any(n in ("تنظيم دقيق", "مجلس إدارة", "ائتلاف يضم", "محكمة لتحرير", "تنظيم البرامج", "مجلس المحافظة")
                   or n.endswith("الأسبوعية") for n in names)


def test_who_chairs_is_no_organisation(cfg: SiteConfig) -> None:
    names = found("وعقد المجلس اجتماعه برئاسة الدكتور سامي الفهد وبحضور الأعضاء.", cfg)
    assert names == {"سامي الفهد": "person"}


def test_a_minister_s_portfolio_is_no_organisation(cfg: SiteConfig) -> None:
    assert found("وقال وزير الدفاع الأسترالي إن القوات جاهزة.", cfg) == {}


def test_a_short_name_after_the_full_name_is_that_organisation(cfg: SiteConfig) -> None:
    text = "وقالت هيئة الرقابة البحرية «رقابة» إن السفن عادت. وأضافت لرقابة مصادر أن الطقس تحسن."
    hits = [f for f in recognise(text, cfg.gazetteer, cfg.place_names) if f.type == "organization"]
    assert {f.name for f in hits} == {"هيئة الرقابة البحرية"}
    assert [text[f.start:f.end] for f in hits] == ["هيئة الرقابة البحرية", "رقابة", "رقابة"]


def test_a_descriptive_adjective_is_not_part_of_a_ministry(cfg: SiteConfig) -> None:
    assert "وزارة الصحة" in found("بحجة أنها لا تعكس ميزانية وزارة الصحة الضخمة.", cfg)


# ---- places ------------------------------------------------------------------------------------


def test_places_from_the_lexicon_and_triggers(cfg: SiteConfig) -> None:
    text = ("توقعت الأرصاد أمطارا على مناطق جازان وعسير ونجران والباحة والقصيم، "
            "وعلى منطقة حائل ومحافظة الأحساء، وفي حي الفواز.")
    names = found(text, cfg)
    for place in ("جازان", "عسير", "نجران", "الباحة", "القصيم", "حائل", "الأحساء", "الفواز"):
        assert names.get(place) == "place", place


@pytest.mark.parametrize("text", [
    "وأكد المتظاهرون أن مطالبهم السلمية مشروعة.",  # السلمية: "peaceful", not Salamiyah
    "وقال إن المشروع كبيرا جدا.",  # كبيرا is not ك + بيرا
    "وأقيمت منطقة صناعية جديدة.",
    "وطلب من السكان خارج منطقة الإغلاق العودة، وقضاء حوائجهم البسيطة.",
    "وقال إن العقاب سيكون مصيره.",  # مصيره (his fate) folds like the island مصيرة
    "في إشارة إلى حي ساحلي في وسط المدينة.",
])
def test_everyday_words_are_not_places(cfg: SiteConfig, text: str) -> None:
    assert "place" not in found(text, cfg).values()


def test_a_paper_named_like_a_region_is_not_the_region(cfg: SiteConfig) -> None:
    text = "قالت مصادر دبلوماسية لـ«الشرق الأوسط» إن جولة جديدة ستعقد في جنيف."
    art = extract_text(f"مفاوضات جديدة\n\n{text}\n", "t.txt", cfg)
    assert {e.name for e in art.entities} == {"جنيف"}
    assert "الشرق الأوسط" in art.body  # the text itself is unchanged
    art = extract_text("افتتاح مركز جديد\n\nوقال مدير المركز لـ«عكاظ» إن الخدمات ستتاح.\n", "t.txt", cfg)
    assert not [e for e in art.entities if e.type == "place"]  # the paper, not the old market عكاظ


# ---- the gazetteer first, and the archive --------------------------------------------------------


def test_gazetteer_names_are_left_to_the_gazetteer(cfg: SiteConfig, tmp_path: Path) -> None:
    text = "وقال الرئيس سمير داود إن الوضع جيد."
    assert found(text, cfg, Gazetteer()) == {"سمير داود": "person"}
    (tmp_path / "entities.yml").write_text(
        "entities:\n- {id: samir-dawud, type: person, name: سمير داود}\n", encoding="utf-8")
    gaz, problems = load_gazetteer(tmp_path)
    assert problems == [] and found(text, cfg, gaz) == {}


def test_found_names_are_published_when_strong_or_seen_twice(cfg: SiteConfig) -> None:
    first = "عنوان أول\n\nوقال الدكتور حسبو محمد إن العمل بدأ، وأكد سمير داود ذلك.\n"
    one = extract_text(first, "a.txt", cfg)
    weak = {e.name for e in one.entities if e.found and not e.strong}
    assert weak == {"حسبو محمد"}  # after a title, without a known given name first: weak
    publish_found([one])
    assert {e.name for e in one.entities if e.found} == {"سمير داود"}  # strong: given and family name
    assert [c.name for c in one.candidates] == ["حسبو محمد"]
    one = extract_text(first, "a.txt", cfg)
    two = extract_text("عنوان ثان\n\nوزار الدكتور حسبو محمد موقع العمل.\n", "b.txt", cfg)
    publish_found([one, two])
    assert "حسبو محمد" in {e.name for e in one.entities} & {e.name for e in two.entities}
    assert one.candidates == [] and all(isinstance(a, Article) for a in (one, two))


def test_one_given_name_after_a_title_is_no_entity(cfg: SiteConfig) -> None:
    assert found("وافتتح الملك عبدالله المشروع، وحضر الأمير فهد.", cfg) == {}


# ---- the curator's decisions ---------------------------------------------------------------------


def test_curator_hides_retypes_and_merges_found_names(tmp_path: Path) -> None:
    import shutil

    config = tmp_path / "site_config"
    shutil.copytree(ROOT / "site_config", config, ignore=shutil.ignore_patterns("theme"))
    (config / "entities" / "zz-test.yml").write_text(
        "entities:\n- {id: maher-awad, type: person, name: ماهر عوض}\n", encoding="utf-8")
    text = ("عنوان\n\nوقال سامر الخطيب إن شركة فالكوم ستفتتح فرعا، وأكد وليد العمري أن ماهر عوض"
            " وصل إلى بلدة الخان.\n")
    cfg, problems = load_site_config(config)
    assert problems == []
    before = {e.name: (e.type, e.found) for e in extract_text(text, "t.txt", cfg).entities}
    assert before["سامر الخطيب"] == ("person", True) and before["فالكوم"] == ("organization", True)
    (config / "found_names.yml").write_text(
        "hide: [سامر الخطيب]\nretype:\n  فالكوم: place\nmerge:\n  وليد العمري: maher-awad\n"
        "  الخان: خان يونس\n", encoding="utf-8")
    cfg, problems = load_site_config(config)
    assert problems == []
    after = {e.name: (e.type, e.found, e.count) for e in extract_text(text, "t.txt", cfg).entities}
    assert "سامر الخطيب" not in after
    assert after["فالكوم"][:2] == ("place", True)
    assert after["ماهر عوض"] == ("person", False, 2)  # its own mention and the merged name
    assert "خان يونس" in after


def test_curation_file_problems_name_file_line_and_key(tmp_path: Path) -> None:
    from generator.recognise import load_curation

    (tmp_path / "found_names.yml").write_text("hide: سامر\nretype:\n  فالكوم: city\n", encoding="utf-8")
    curation, problems = load_curation(tmp_path, Gazetteer())
    assert [(p.line, p.key, p.message) for p in problems] == [
        (1, "hide", "must be a list of non-empty strings"),
        (3, "retype.فالكوم", "must be one of: person, place, organization")]
    assert curation.retype == {} and curation.hide == frozenset()


@pytest.mark.parametrize("text, name", [
    ("واختار المجلس سامي الفهد رئيسا للجنة.", "سامي الفهد"),  # a role in the accusative
    ("وكان المخرج ماجد العتيبي توفي قبل أسبوع.", "ماجد العتيبي"),  # a past verb
    ("وقال الموقع نادر المختص بالتقنية إن الجهاز جديد.", None),  # an adjective is no family name
])
def test_where_a_name_ends(cfg: SiteConfig, text: str, name: str | None) -> None:
    people = [n for n, t in found(text, cfg).items() if t == "person"]
    assert people == ([name] if name else [])


def test_a_gazetteer_surname_after_another_given_name_is_another_person(cfg: SiteConfig) -> None:
    """The gazetteer knows "مصطفى مدبولي" by his surname alone; "كمال مدبولي نصار" is someone else, and
    the surname inside his name is not a mention of the gazetteer's person."""
    text = "وهو نجل اللواء كمال مدبولي نصار، أما مدبولي فقد غادر."
    names = found(text, cfg)
    assert names.get("كمال مدبولي نصار") == "person"
    art = extract_text(text, "nasser.txt", cfg)
    ids = [e.id for e in art.entities]
    assert "mostafa-madbouly" in ids  # the second, bare mention is the gazetteer's person
    assert [e.surfaces for e in art.entities if e.id == "mostafa-madbouly"] == [["مدبولي"]]


def test_curator_promotes_a_candidate(tmp_path: Path) -> None:
    """A name found once without full evidence is a candidate; listed under `promote` it is published."""
    import shutil

    config = tmp_path / "site_config"
    shutil.copytree(ROOT / "site_config", config, ignore=shutil.ignore_patterns("theme"))
    text = "عنوان\n\nوأشار والد الطالب، دغيم آل حمدان، إلى أن ابنه نجا.\n"
    cfg, _ = load_site_config(config)
    art = extract_text(text, "t.txt", cfg)
    publish_found([art])
    assert [c.name for c in art.candidates] == ["دغيم آل حمدان"] and art.entities == []
    (config / "found_names.yml").write_text("promote: [دغيم آل حمدان]\n", encoding="utf-8")
    cfg, problems = load_site_config(config)
    assert problems == []
    art = extract_text(text, "t.txt", cfg)
    publish_found([art])
    assert [(e.name, e.type, e.found) for e in art.entities] == [("دغيم آل حمدان", "person", True)]
    assert art.candidates == []
