"""Topic loading, validation and assignment."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator.entities import Gazetteer, find_entities, load_gazetteer
from generator.topics import Topic, assign_topics, keyword_counts, keyword_key, load_topics

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "site_config"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    g, problems = load_gazetteer(CONFIG)
    assert problems == []
    return g


@pytest.fixture(scope="module")
def topics(gaz: Gazetteer) -> dict[str, Topic]:
    t, problems = load_topics(CONFIG, gaz)
    assert problems == []
    return t


def assign(text_title: str, body: str, gaz: Gazetteer, topics: dict[str, Topic]) -> list[str]:
    ents = find_entities(text_title + "\n" + body, gaz)
    return assign_topics(text_title, body, ents, topics)


def test_shipped_topics_load(topics: dict[str, Topic]) -> None:
    assert len(topics) >= 6
    for t in topics.values():
        assert t.name and t.description and (t.entities or t.keywords) and t.min_hits >= 1


def test_validation_names_file_line_and_key(tmp_path: Path, gaz: Gazetteer) -> None:
    (tmp_path / "topics.yml").write_text(
        "topics:\n"
        "- id: one\n"                    # 2
        "  name: موضوع\n"
        "  rules:\n"
        "    entities: [iraq, no-such-entity]\n"   # 5
        "    keywords: [حرب]\n"
        "- id: two\n"                    # 7
        "  name: موضوع آخر\n"
        "  colour: blue\n"               # 9: unknown key
        "  rules: {keywords: [سلام], min_hits: zero}\n"   # 10: bad min_hits
        "- id: one\n"                    # 11: duplicate id
        "  name: مكرر\n"
        "  rules: {keywords: [حرب]}\n"
        "- id: three\n"                  # 14
        "  name: بلا قواعد\n"
        "  rules: {spread: 3}\n",        # 16: unknown rule key, and no entity or keyword
        encoding="utf-8")
    t, problems = load_topics(tmp_path, gaz)
    found = {(p.line, p.key) for p in problems}
    assert (5, "topics[0].rules.entities[1]") in found
    assert (9, "topics[1].colour") in found
    assert (10, "topics[1].rules.min_hits") in found
    assert (11, "topics[2].id") in found
    assert (16, "topics[3].rules.spread") in found
    assert all(p.file == (tmp_path / "topics.yml").as_posix() for p in problems)
    assert "no-such-entity" in next(p.message for p in problems if p.line == 5)
    assert list(t) == ["one"]


def test_missing_topics_file_means_no_topics(tmp_path: Path, gaz: Gazetteer) -> None:
    assert load_topics(tmp_path, gaz) == ({}, [])


def test_keyword_keys() -> None:
    assert keyword_key("إرهابي*") == ("ارهابي", True)
    assert keyword_key("الحرب الأهلية") == ("حرب الاهليه", False)


def test_keywords_match_after_proclitics_and_article() -> None:
    topics = {"x": Topic("x", "س", keywords=["لاجئ*", "نزوح"], min_hits=1)}
    counts = keyword_counts("عاد اللاجئون وللاجئين حقوق، وبالنزوح تغيرت المدن. والنزوحات", topics)
    assert counts[("لاجء", True)] == 2
    assert counts[("نزوح", False)] == 1  # النزوحات is a longer word: no match without *


def test_min_hits_threshold_and_title_weight() -> None:
    topics = {"ref": Topic("ref", "لاجئون", keywords=["لاجئ*"], min_hits=3)}
    assert assign_topics("خبر", "وصل لاجئ واحد. ثم وصل لاجئ آخر.", [], topics) == []
    assert assign_topics("خبر", "وصل لاجئ. ثم لاجئ. ثم لاجئ.", [], topics) == ["ref"]
    # One mention in the title counts twice.
    assert assign_topics("اللاجئون يصلون", "وصل لاجئ واحد.", [], topics) == ["ref"]


def test_entity_rules_use_counts(gaz: Gazetteer) -> None:
    topics = {"iraq": Topic("iraq", "العراق", entities=["iraq", "baghdad"], min_hits=3)}
    assert assign("خبر", "زار الوفد بغداد.", gaz, topics) == []
    assert assign("خبر", "زار الوفد بغداد ثم غادر العراق إلى خارج العراق.", gaz, topics) == ["iraq"]


def test_assignment_on_own_sentences(gaz: Gazetteer, topics: dict[str, Topic]) -> None:
    body = ("وصل آلاف اللاجئين السوريين إلى الحدود، وقالت المفوضية السامية للأمم المتحدة لشؤون "
            "اللاجئين إن مخيمات النزوح مكتظة.")
    assert "refugees" in assign("أزمة اللاجئين تتفاقم", body, gaz, topics)
    calm = "افتتح معرض للكتاب في المدينة وزاره آلاف القراء خلال عطلة نهاية الأسبوع."
    assert assign("معرض الكتاب", calm, gaz, topics) == []


def test_assignment_is_sorted_and_deterministic(gaz: Gazetteer, topics: dict[str, Topic]) -> None:
    body = ("قال رئيس الوزراء العراقي حيدر العبادي في بغداد إن القوات العراقية تواصل الحرب على "
            "تنظيم داعش الإرهابي، وإن التعاون الاستخباري مع التحالف الدولي يساعد على هزيمة الإرهابيين.")
    first = assign("العبادي: نحارب داعش", body, gaz, topics)
    assert first == sorted(first)
    assert {"iraq", "terrorism"} <= set(first)
    assert assign("العبادي: نحارب داعش", body, gaz, topics) == first


def test_no_topics_gives_no_topics(gaz: Gazetteer) -> None:
    assert assign_topics("عنوان", "نص", [], {}) == []


def test_a_keyword_with_a_second_meaning_supports_but_never_makes_a_topic() -> None:
    from generator.pipeline import extract_text, load_site_config

    cfg, problems = load_site_config(ROOT / "site_config")
    assert problems == []
    text = ("ارتفاع عدد المصابين في حادث انهيار مبنى\n\nارتفع عدد المصابين إلى عشرين، والرقم مرشح للارتفاع. "
            "وأعلنت إدارة التعليم أسماء المرشحين للوظائف، ودعت المرشحين إلى مراجعتها.\n")
    assert "elections" not in extract_text(text, "t.txt", cfg).topics
    text += "وتبدأ الانتخابات البلدية الشهر المقبل بمشاركة المرشحين.\n"
    assert "elections" in extract_text(text, "t.txt", cfg).topics


def test_requires_must_name_keywords_of_the_topic(tmp_path: Path) -> None:
    (tmp_path / "topics.yml").write_text(
        "topics:\n- id: t\n  name: ت\n  rules:\n    keywords: [مرشح*, انتخاب*]\n    requires: [ناخب*]\n",
        encoding="utf-8")
    topics, problems = load_topics(tmp_path, Gazetteer())
    assert [(p.line, p.key, p.message) for p in problems] == [
        (6, "topics[0].rules.requires[0]", "'ناخب*' is not one of the topic's keywords")]
