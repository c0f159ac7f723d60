"""The archive as data (generator/data_export.py): CSV and JSON Lines round-trip through the csv and
json modules, every Atom feed reads back with feedparser (each entry with its date and link), and
sitemap.xml lists real URLs when site_url is configured."""
from __future__ import annotations

import csv
import gzip
import io
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest
import yaml

from conftest import BuiltSite, run_build, write_files
from generator.context import load_context
from generator.data_export import (ARTICLE_FIELDS, ENTITY_FIELDS, FEED_SIZE, LIST_SEP, configured_site_url,
                                   data_parts, render_feeds)
from test_reuse import EVENT_A, EVENT_B, UNRELATED

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "site_config"
UNDATED = """ندوة عن المخطوطات القديمة
المصدر: الحياة
عقدت مكتبة الموصل ندوة عن ترميم المخطوطات القديمة بحضور باحثين من جامعات عدة.
"""


def corpus_files(n_extra: int = 0) -> dict[str, str]:
    files = {"a.txt": EVENT_A, "b.txt": EVENT_B, "c.txt": UNRELATED, "u.txt": UNDATED}
    for i in range(n_extra):  # enough dated articles to fill the archive's feed past FEED_SIZE
        files[f"more/m{i:02d}.txt"] = (f"خبر قصير رقم {i} عن سوق الموصل\n2020-{1 + i % 12:02d}-{1 + i % 27:02d}\n"
                                       f"المصدر: الحياة\nافتتح تجار الموصل سوقاً جديدة للكتب المستعملة رقم {i}.\n")
    return files


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    tmp = tmp_path_factory.mktemp("data")
    corpus = write_files(tmp / "corpus", corpus_files(FEED_SIZE + 5))
    site = run_build(corpus, CONFIG, tmp / "content", tmp / "site")
    assert site.returncode in (0, 1) and (tmp / "site" / "index.html").is_file(), site.stderr
    return site


def front(md: Path) -> dict:
    text = md.read_text(encoding="utf-8")
    return yaml.safe_load(text[4:text.index("\n---\n", 4)])


def listed_parts(content: Path, stem: str, ext: str) -> list[Path]:
    """The parts of a data file in the order the data page lists them; every part on disk is listed."""
    page = (content / "data" / "index.md").read_text(encoding="utf-8")
    names = re.findall(rf"\]\(({stem}-[0-9a-z-]+\.{ext})\)", page)
    assert sorted(names) == sorted(p.name for p in (content / "data").glob(f"{stem}-*.{ext}"))
    return [content / "data" / n for n in names]


def csv_rows(content: Path, stem: str) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for part in listed_parts(content, stem, "csv"):
        with part.open(encoding="utf-8", newline="") as fh:
            rows += list(csv.DictReader(fh))
    return rows


def jsonl_rows(content: Path, stem: str) -> list[dict]:
    return [json.loads(line) for part in listed_parts(content, stem, "jsonl.gz")
            for line in gzip.decompress(part.read_bytes()).decode("utf-8").splitlines()]


def test_data_files_come_in_parts_by_year(built: BuiltSite) -> None:
    names = sorted(p.name for p in (built.content / "data").iterdir())
    assert names == ["articles-2020.csv", "articles-2020.jsonl.gz", "articles-2021.csv", "articles-2021.jsonl.gz",
                     "articles-undated.csv", "articles-undated.jsonl.gz", "entities.csv", "index.md",
                     "quotations-2021.jsonl.gz", "stories-2021.jsonl.gz"]
    for row in csv_rows(built.content, "articles"):
        part = row["date"][:4] if row["date"] else "undated"
        assert row["id"] in (built.content / "data" / f"articles-{part}.csv").read_text(encoding="utf-8")


def test_data_parts_split_a_large_year_by_month(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [{"id": i, "date": d} for i, d in enumerate(
        ["2016-02-01", "2015-12-30", "2015-12-01", None, "2015-11-05", "2014-01-01", "bad"])]
    assert [(p, [r["id"] for r in rs]) for p, rs in data_parts(rows, lambda r: r["date"])] == [
        ("2016", [0]), ("2015", [1, 2, 4]), ("2014", [5]), ("undated", [3, 6])]
    monkeypatch.setattr("generator.data_export.DATA_PART_ROWS", 2)
    assert [(p, [r["id"] for r in rs]) for p, rs in data_parts(rows, lambda r: r["date"])] == [
        ("2016", [0]), ("2015-12", [1, 2]), ("2015-11", [4]), ("2014", [5]), ("undated", [3, 6])]
    assert data_parts([], lambda r: r["date"]) == []


def test_articles_csv_and_jsonl_round_trip(built: BuiltSite) -> None:
    rows = csv_rows(built.content, "articles")
    objs = jsonl_rows(built.content, "articles")
    pages = {front(p)["id"]: front(p) for p in (built.content / "articles").glob("*.md")}
    assert len(rows) == len(objs) == len(pages) == FEED_SIZE + 5 + 4
    assert list(rows[0]) == [k for k, _ in ARTICLE_FIELDS]
    for row, obj in zip(rows, objs):
        assert row["id"] == obj["id"]
        page = pages[obj["id"]]
        assert obj["title"] == row["title"] == page["title"]
        assert (obj["date"] or "") == row["date"] == str(page.get("date") or "")
        assert obj["topics"] == (row["topics"].split(LIST_SEP) if row["topics"] else []) == page.get("topics", [])
        assert obj["entities"] == (row["entities"].split(LIST_SEP) if row["entities"] else [])
        assert (built.site / obj["url"] / "index.html").is_file()  # the URL is the article's page
    stories = {o["story"] for o in objs if o["story"]}
    assert stories == {"a"}


def test_entities_csv_and_stories_jsonl(built: BuiltSite) -> None:
    data = built.content / "data"
    ents = list(csv.DictReader(io.StringIO((data / "entities.csv").read_text(encoding="utf-8"))))
    assert list(ents[0]) == [k for k, _ in ENTITY_FIELDS]
    ids = {e["id"] for e in ents}
    for row in csv_rows(built.content, "articles"):
        assert set(filter(None, row["entities"].split(LIST_SEP))) <= ids
    for e in ents:
        assert (built.site / e["url"] / "index.html").is_file()
    [story] = jsonl_rows(built.content, "stories")
    assert story["id"] == "a" and [v["id"] for v in story["versions"]] == ["a", "b"]
    quotes = jsonl_rows(built.content, "quotations")
    assert any(q["speaker"] and [o["article"] for o in q["occurrences"]] == ["a", "b"] for q in quotes)


def test_schema_page_links_every_data_file(built: BuiltSite) -> None:
    text = (built.content / "data" / "index.md").read_text(encoding="utf-8")
    for name in ("articles-2021.csv", "articles-2020.jsonl.gz", "articles-undated.csv", "entities.csv",
                 "stories-2021.jsonl.gz", "quotations-2021.jsonl.gz"):
        assert f"]({name})" in text
        assert (built.site / "data" / name).is_file()  # MkDocs copies them into the site


def test_every_feed_reads_back_with_dates_and_links(built: BuiltSite) -> None:
    feeds = sorted((built.content / "feeds").rglob("*.xml"))
    assert built.content / "feeds" / "archive.xml" in feeds
    assert any("/topics/" in f.as_posix() for f in feeds) and any("/outlets/" in f.as_posix() for f in feeds)
    assert any("/people/" in f.as_posix() for f in feeds)
    for path in feeds:
        feed = feedparser.parse(path.read_bytes())
        assert not feed.bozo, (path, feed.get("bozo_exception"))
        assert feed.version == "atom10"
        assert 1 <= len(feed.entries) <= FEED_SIZE
        for entry in feed.entries:
            assert entry.get("updated_parsed") and entry.get("link"), (path, entry)
            rel = (path.parent / entry.link).resolve().relative_to(built.content.resolve())  # relative to the feed
            assert (built.site / rel / "index.html").is_file(), (path, entry.link)
        stamps = [e.updated_parsed for e in feed.entries]
        assert stamps == sorted(stamps, reverse=True)  # newest first
    archive = feedparser.parse((built.content / "feeds" / "archive.xml").read_bytes())
    assert len(archive.entries) == FEED_SIZE  # undated articles are in no feed


def test_feed_links_are_full_urls_with_a_site_url(tmp_path: Path) -> None:
    corpus = write_files(tmp_path / "corpus", corpus_files())
    ctx = load_context(corpus, CONFIG)
    outs = render_feeds(ctx, "https://example.org/arshif/")
    for out in outs:
        feed = feedparser.parse(out.text.encode("utf-8"))
        assert not feed.bozo
        for entry in feed.entries:
            assert entry.link.startswith("https://example.org/arshif/articles/")
            assert entry.id == entry.link
    assert render_feeds(ctx, "https://example.org/arshif/") == outs  # the same bytes every time


def test_site_url_is_read_from_mkdocs_yml(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n# site_url: https://no.example/\n", encoding="utf-8")
    assert configured_site_url(tmp_path) is None
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nsite_url: https://example.org/a/\n", encoding="utf-8")
    assert configured_site_url(tmp_path) == "https://example.org/a/"
    assert configured_site_url(ROOT) is None  # the project has no address yet: relative links


def test_sitemap_lists_real_urls_when_site_url_is_configured(built: BuiltSite, tmp_path: Path) -> None:
    cfg = tmp_path / "mkdocs.yml"
    cfg.write_text(yaml.safe_dump({
        "INHERIT": str(ROOT / "mkdocs.yml"), "site_url": "https://example.org/arshif/",
        "docs_dir": str(built.content), "site_dir": str(tmp_path / "site"),
        "theme": {"name": "material", "custom_dir": str(ROOT / "site_config" / "theme")},
        "hooks": [str(ROOT / "generator" / "mkdocs_hooks.py"), str(ROOT / "generator" / "search" / "mkdocs_hook.py")],
    }, allow_unicode=True), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(cfg)],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    tree = ET.parse(tmp_path / "site" / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [e.text or "" for e in tree.getroot().findall("s:url/s:loc", ns)]
    assert "https://example.org/arshif/stories/a/" in locs
    assert "https://example.org/arshif/articles/a/" in locs
    for loc in locs:
        rel = loc[len("https://example.org/arshif/"):]
        assert loc.startswith("https://example.org/arshif/")
        assert (tmp_path / "site" / rel / "index.html").is_file() or (tmp_path / "site" / rel).is_file(), loc
