"""Sidecar overrides: validation (file, line, key; all problems at once) and application."""
from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import seed_file
from generator.cleaner import Furniture
from generator.entities import Entity, Gazetteer
from generator.model import Article, EntityHit, OutletRef
from generator.outlets import Outlet, Registry
from generator.pipeline import SiteConfig, extract_file, load_site_config
from generator.sidecar import Overrides, apply_overrides, check_date, check_url, load_sidecar
from generator.topics import Topic

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2020, 6, 15)


@pytest.fixture()
def cfg() -> SiteConfig:
    registry = Registry(outlets={
        "almasaa": Outlet("almasaa", "المساء"),
        "alnahar": Outlet("alnahar", "النهار"),
    })
    gazetteer = Gazetteer(entities={
        "amman": Entity("amman", "place", "عمان"),
        "jordan": Entity("jordan", "place", "الأردن"),
        "red-crescent": Entity("red-crescent", "organization", "الهلال الأحمر"),
    })
    topics = {"transport": Topic("transport", "النقل"), "health": Topic("health", "الصحة")}
    return SiteConfig(ROOT / "site_config", Furniture(), registry, gazetteer, topics)


def sidecar(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "article.yml"
    path.write_text(text, encoding="utf-8")
    return path


def load(tmp_path: Path, text: str, cfg: SiteConfig):
    return load_sidecar(sidecar(tmp_path, text), "corpus/article.yml", cfg, today=TODAY)


# ---- validation ---------------------------------------------------------------------------------

def test_valid_sidecar(tmp_path: Path, cfg: SiteConfig) -> None:
    text = ("title: الحكومة تفتتح جسرا جديدا\n"
            "date: 2015-09-27\n"
            "outlet: almasaa\n"
            "author: سامي الخطيب\n"
            "source_url: https://example.org/news/1\n"
            "topics: [transport]\n"
            "add_entities: [amman]\n"
            "remove_entities:\n  - jordan\n")
    overrides, problems = load(tmp_path, text, cfg)
    assert problems == []
    assert overrides is not None
    assert overrides.values == {
        "title": "الحكومة تفتتح جسرا جديدا", "date": "2015-09-27", "outlet": "almasaa",
        "author": "سامي الخطيب", "source_url": "https://example.org/news/1", "topics": ["transport"],
        "add_entities": ["amman"], "remove_entities": ["jordan"],
    }


def test_every_problem_is_reported_at_once_with_line_and_key(tmp_path: Path, cfg: SiteConfig) -> None:
    text = ("title: عنوان صحيح\n"           # 1 fine
            "date: 2015-02-30\n"             # 2 not a real date
            "outlet: almasa\n"               # 3 unknown outlet
            "writer: أحد\n"                  # 4 unknown key
            "source_url: javascript:alert(1)\n"  # 5 bad scheme
            "topics:\n"                      # 6
            "  - transport\n"                # 7 fine
            "  - sport\n"                    # 8 unknown topic
            "add_entities: amman\n"          # 9 wrong type
            "remove_entities: [nowhere]\n")  # 10 unknown entity
    overrides, problems = load(tmp_path, text, cfg)
    got = {(p.line, p.key) for p in problems}
    assert got == {(2, "date"), (3, "outlet"), (4, "writer"), (5, "source_url"), (8, "topics[1]"),
                   (9, "add_entities"), (10, "remove_entities[0]")}
    assert all(p.file == "corpus/article.yml" for p in problems)
    messages = {p.key: p.message for p in problems}
    assert "February 2015 has 28 days" in messages["date"]
    assert "did you mean: almasaa" in messages["outlet"]
    assert "unknown key" in messages["writer"]
    # the valid keys still apply
    assert overrides is not None and overrides.values == {"title": "عنوان صحيح"}


@pytest.mark.parametrize("value,fragment", [
    ("2015-02-30", "February 2015 has 28 days"),
    ("2016-02-30", "February 2016 has 29 days"),
    ("2015-13-01", "no month 13"),
    ("2015-9-27", "YYYY-MM-DD"),
    ("27/09/2015", "YYYY-MM-DD"),
    ("2021-01-01", "in the future"),
])
def test_bad_dates(value: str, fragment: str) -> None:
    msg = check_date(value, TODAY)
    assert msg is not None and fragment in msg


@pytest.mark.parametrize("value", ["2016-02-29", "2020-06-15", "1990-01-01"])
def test_good_dates(value: str) -> None:
    assert check_date(value, TODAY) is None


def test_date_that_yaml_would_read_as_a_number_is_a_type_problem(tmp_path: Path, cfg: SiteConfig) -> None:
    _, problems = load(tmp_path, "date: 20150927\n", cfg)
    assert [(p.line, p.key) for p in problems] == [(1, "date")]


@pytest.mark.parametrize("value,ok", [
    ("https://example.org/a?b=1", True),
    ("http://example.org", True),
    ("ftp://example.org/file", False),
    ("javascript:alert(1)", False),
    ("example.org/news", False),
    ("https://", False),
    ("https://exa mple.org", False),
])
def test_urls(value: str, ok: bool) -> None:
    assert (check_url(value) is None) is ok


def test_title_must_be_one_line(tmp_path: Path, cfg: SiteConfig) -> None:
    _, problems = load(tmp_path, "title: |\n  سطر\n  وسطر\n", cfg)
    assert [p.key for p in problems] == ["title"]


def test_entity_both_added_and_removed(tmp_path: Path, cfg: SiteConfig) -> None:
    overrides, problems = load(tmp_path, "add_entities: [amman]\nremove_entities: [amman]\n", cfg)
    assert [(p.line, p.key) for p in problems] == [(2, "remove_entities")]
    assert overrides is not None and overrides.values == {}


def test_yaml_syntax_error(tmp_path: Path, cfg: SiteConfig) -> None:
    overrides, problems = load(tmp_path, "title: [غير مغلق\nauthor: x\n", cfg)
    assert overrides is None and len(problems) == 1 and problems[0].line is not None


def test_not_a_mapping(tmp_path: Path, cfg: SiteConfig) -> None:
    overrides, problems = load(tmp_path, "- title\n- date\n", cfg)
    assert overrides is None and len(problems) == 1


def test_empty_sidecar_overrides_nothing(tmp_path: Path, cfg: SiteConfig) -> None:
    overrides, problems = load(tmp_path, "# nothing yet\n", cfg)
    assert problems == [] and overrides is not None and overrides.values == {}


def test_duplicate_key_is_reported(tmp_path: Path, cfg: SiteConfig) -> None:
    _, problems = load(tmp_path, "author: أ\nauthor: ب\n", cfg)
    assert [(p.line, p.key) for p in problems] == [(2, "author")]


# ---- application --------------------------------------------------------------------------------

def article() -> Article:
    return Article(
        source="corpus/article.txt", title="عنوان مشتق…", title_derived=True,
        date=None, date_not_before="2015-09-25",
        warnings=["invalid UTF-8 bytes at byte offset 10 (line 1)", "no publication date stated",
                  "weekday الأحد does not match 2015-09-26 (a Saturday)",
                  "conflicting outlet signals: almasaa (copyright) and alnahar (dateline)"],
        entities=[EntityHit("jordan", "الأردن", "place", 2, ["الأردن"])],
        topics=["health"],
    )


def test_apply_every_key(cfg: SiteConfig) -> None:
    art = article()
    values = {"title": "الحكومة تفتتح جسرا جديدا", "date": "2015-09-27", "outlet": "almasaa",
              "author": "سامي الخطيب", "source_url": "https://example.org/n/1", "topics": ["transport"],
              "add_entities": ["red-crescent", "amman"], "remove_entities": ["jordan"]}
    apply_overrides(art, Overrides(values), cfg)
    assert art.title == "الحكومة تفتتح جسرا جديدا" and art.title_derived is False
    assert art.date == "2015-09-27" and art.date_not_before is None
    assert art.warnings == ["invalid UTF-8 bytes at byte offset 10 (line 1)"]
    assert art.outlet == OutletRef("almasaa", "المساء")
    assert art.author == "سامي الخطيب" and art.source_url == "https://example.org/n/1"
    assert art.topics == ["transport"]
    assert [(e.id, e.name, e.type, e.count, e.surfaces) for e in art.entities] == [
        ("amman", "عمان", "place", 0, []), ("red-crescent", "الهلال الأحمر", "organization", 0, [])]
    assert art.overrides == ["title", "date", "outlet", "author", "source_url", "topics",
                             "add_entities", "remove_entities"]


def test_adding_an_entity_already_found_keeps_its_count(cfg: SiteConfig) -> None:
    art = article()
    apply_overrides(art, Overrides({"add_entities": ["jordan"]}), cfg)
    assert [(e.id, e.count) for e in art.entities] == [("jordan", 2)]
    assert art.overrides == ["add_entities"]


def test_untouched_fields_stay(cfg: SiteConfig) -> None:
    art = article()
    apply_overrides(art, Overrides({"author": "ليلى حداد"}), cfg)
    assert art.title_derived is True and art.date is None and art.topics == ["health"]
    assert "no publication date stated" in art.warnings and len(art.warnings) == 4
    assert art.overrides == ["author"]


def test_outlet_override_clears_only_outlet_warnings(cfg: SiteConfig) -> None:
    art = article()
    apply_overrides(art, Overrides({"outlet": "alnahar"}), cfg)
    assert art.outlet == OutletRef("alnahar", "النهار")
    assert not any("outlet" in w for w in art.warnings) and len(art.warnings) == 3


# ---- end to end through extract_file and the command line ----------------------------------------

def test_sidecar_beside_a_seed_is_applied(tmp_path: Path) -> None:
    real_cfg, _ = load_site_config(ROOT / "site_config")
    seed = seed_file("001")
    txt = tmp_path / seed.name
    shutil.copy(seed, txt)
    txt.with_suffix(".yml").write_text("title: عنوان اختاره المحرر\ndate: 2015-09-27\n", encoding="utf-8")
    art, problems = extract_file(txt, real_cfg, "corpus/" + seed.name)
    assert problems == []
    assert isinstance(art, Article)
    assert art.title == "عنوان اختاره المحرر" and art.title_derived is False
    assert art.date == "2015-09-27"
    assert not any("no publication date" in w for w in art.warnings)
    assert art.overrides == ["title", "date"]


def test_cli_reports_sidecar_problems_and_exits_1(tmp_path: Path) -> None:
    seed = seed_file("000")
    txt = tmp_path / seed.name
    shutil.copy(seed, txt)
    txt.with_suffix(".yml").write_text("date: 2015-02-30\nauthr: x\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "generator", "extract", "--no-body", str(txt)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert ".yml:1: [date]" in proc.stderr and "February 2015 has 28 days" in proc.stderr
    assert ".yml:2: [authr]" in proc.stderr
    assert json.loads(proc.stdout)[0]["title"]


def test_sidecar_title_and_author_are_repaired_for_showing(tmp_path: Path, cfg: SiteConfig) -> None:
    """Presentation forms (from a PDF copy) are turned into letters; a direction control, which a
    curated value never needs, is refused with its place (tests/test_contributor_faults.py)."""
    overrides, problems = load(tmp_path, "title: \"جسر جديد فوق ﺍﻟﻨﻬﺮ\"\nauthor: \"ﺳﺎﻣﻲ الخطيب\"\n", cfg)
    assert problems == [] and overrides is not None
    art = Article(source="corpus/article.txt", title="قديم")
    apply_overrides(art, overrides, cfg)
    assert art.title == "جسر جديد فوق النهر"
    assert art.author == "سامي الخطيب"
    _, problems = load(tmp_path, "title: \"\\u202Eجسر جديد\"\n", cfg)
    assert [(p.line, p.key, p.message) for p in problems] == [
        (1, "title", "must not contain the control character U+202E (at character 1)")]
