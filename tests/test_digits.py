"""The digits option (site_config/display.yml): Western digits by default, Arabic-Indic digits on
request, for everything the generator writes for readers and for nothing else (article text, URLs,
`<time datetime>`, front-matter data, the data files)."""
from __future__ import annotations

import csv
import gzip
import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, BuiltSite, run_build
from generator.dates_ar import digits_style, load_display, long_date, month_label, number, shown
from generator.pipeline import load_site_config
from generator.plurals import count_phrase

ASCII = re.compile(r"[0-9]")
INDIC = re.compile(r"[٠-٩]")


def config_with(tmp: Path, display: str | None) -> Path:
    """A copy of site_config/ (without the theme) whose display.yml holds `display` (none: no file)."""
    config = tmp / "config"
    shutil.copytree(ROOT / "site_config", config, ignore=shutil.ignore_patterns("theme"))
    (config / "display.yml").unlink(missing_ok=True)
    if display is not None:
        (config / "display.yml").write_text(display, encoding="utf-8")
    return config


# ---- the one place: dates_ar.shown ---------------------------------------------------------------

def test_shown_writes_digits_in_the_style_in_force_and_restores_it() -> None:
    assert shown("27 أيلول 2015") == "27 أيلول 2015"  # Western by default
    with digits_style("arabic-indic"):
        assert shown("27 أيلول 2015 (0-9)") == "٢٧ أيلول ٢٠١٥ (٠-٩)"
        assert number(1234567890) == "١٢٣٤٥٦٧٨٩٠"
        assert long_date("2015-09-27") == "الأحد ٢٧ أيلول/سبتمبر ٢٠١٥"
        assert month_label(2015, 9) == "أيلول/سبتمبر ٢٠١٥"
        assert count_phrase(103, "result") == "١٠٣ نتائج" and count_phrase(11, "article") == "١١ مقالاً"
        with digits_style("western"):
            assert count_phrase(3, "article") == "3 مقالات"
        assert number(3) == "٣"
    assert number(3) == "3" and long_date("2015-09-27") == "الأحد 27 أيلول/سبتمبر 2015"
    with pytest.raises(ValueError):
        with digits_style("roman"):
            pass


def test_display_file_is_optional_and_read(tmp_path: Path) -> None:
    assert load_display(tmp_path) == ("western", [])
    (tmp_path / "display.yml").write_text("digits: arabic-indic\n", encoding="utf-8")
    assert load_display(tmp_path) == ("arabic-indic", [])
    (tmp_path / "display.yml").write_text("# nothing set\n", encoding="utf-8")
    assert load_display(tmp_path) == ("western", [])


def test_an_invalid_value_is_a_problem_naming_the_key_and_the_allowed_values(tmp_path: Path) -> None:
    config = config_with(tmp_path, "# how numbers look\ndigits: hindi\nshape: round\n")
    cfg, problems = load_site_config(config)
    assert cfg.digits == "western"  # the default holds; the rest of the configuration loads
    assert "okaz" in cfg.registry.outlets
    assert [str(p) for p in problems] == [
        f"{config.as_posix()}/display.yml:2: [digits] must be one of: western, arabic-indic",
        f"{config.as_posix()}/display.yml:3: [shape] unknown key (known keys: digits)",
    ]
    (config / "display.yml").write_text("digits: [arabic-indic]\n", encoding="utf-8")
    assert [str(p) for p in load_site_config(config)[1]] == [
        f"{config.as_posix()}/display.yml:1: [digits] must be one of: western, arabic-indic"]


# ---- a whole build of the tests' own corpus ------------------------------------------------------

@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BuiltSite]:
    """The fixture corpus built (content/ only) with Arabic-Indic digits and with the default."""
    from fixture_corpus import write_fixture_corpus

    tmp = tmp_path_factory.mktemp("digits")
    corpus = write_fixture_corpus(tmp / "corpus")
    out = {}
    for style, display in (("arabic-indic", "digits: arabic-indic\n"), ("western", None)):
        config = config_with(tmp / style, display)
        out[style] = run_build(corpus, config, tmp / style / "content")
        assert (tmp / style / "content" / "index.md").is_file(), out[style].stderr
        assert "config error" not in out[style].stderr
    return out


def page(built: BuiltSite, rel: str) -> tuple[dict, str]:
    text = (built.content / rel).read_text(encoding="utf-8")
    end = text.index("\n---\n", 4)
    return yaml.safe_load(text[4:end]), text[end + 5:]


ARTICLE = "articles/2015-09-moscow-talks.md"  # 2015-09-27, فرانس 24 (tests/fixture_corpus.py)


def header_date(body: str) -> re.Match[str]:
    m = re.search(r'<time datetime="([^"]+)">([^<]+)</time>', body.split("## النص")[0])
    assert m, body[:2000]
    return m


def test_arabic_indic_article_header_date_list_count_and_chart_label(builds: dict[str, BuiltSite]) -> None:
    built = builds["arabic-indic"]
    fm, body = page(built, ARTICLE)
    m = header_date(body)
    assert m.group(1) == "2015-09-27"  # the machine-read value keeps 0-9
    assert m.group(2) == "الأحد ٢٧ أيلول/سبتمبر ٢٠١٥" and not ASCII.search(m.group(2))
    assert fm["date"] == "2015-09-27" and fm["id"] == "2015-09-moscow-talks"  # front-matter data
    crumbs = body.split("\n# ", 1)[0]
    assert "[أيلول/سبتمبر ٢٠١٥](../timeline/2015-09.md)" in crumbs  # the URL keeps 0-9
    # the article's own text keeps the digits it was written with
    assert "من 60 دولة" in body.split("## النص", 1)[1]

    _, timeline = page(built, "timeline/index.md")
    counts = re.findall(r"^- \[<bdi>[^<]+</bdi>\]\(([0-9-]+)\.md\) — (\S+)$", timeline, re.M)
    assert counts and ("2015-09", "٥") in counts, counts  # the moscow and bridge articles, three bulletins
    assert all(not ASCII.search(n) and INDIC.search(n) for _, n in counts)
    labels = re.findall(r"<rect [^>]*><title>([^<]+)</title></rect>", timeline)
    assert "أيلول/سبتمبر ٢٠١٥: ٥" in labels
    assert labels and not any(ASCII.search(t) for t in labels)
    years = re.findall(r'text-anchor="start">([^<]+)</text>', timeline)
    assert years and not any(ASCII.search(y) for y in years)
    assert re.search(r'<svg viewBox="0 0 720 150"', timeline)  # coordinates stay numbers

    _, home = page(built, "index.md")
    intro = home.split("\n\n", 2)[1]
    assert "١١١ مقالاً" in intro and not ASCII.search(re.sub(r"\([^)]*\)|<[^>]+>", "", intro))
    _, basra = page(built, "places/basra.md")
    assert "١٠٥ مقالات، هنا أحدث ١٠٠ منها" in basra and "[كل المقالات (١٠٥) في صفحة البحث]" in basra


def test_data_files_keep_western_digits(builds: dict[str, BuiltSite]) -> None:
    for style in ("arabic-indic", "western"):
        content = builds[style].content
        with (content / "data" / "articles-2015.csv").open(encoding="utf-8", newline="") as fh:
            rows = {r["id"]: r for r in csv.DictReader(fh)}
        assert rows["2015-09-moscow-talks"]["date"] == "2015-09-27"
        parts = list((content / "data").glob("*.jsonl.gz"))
        assert parts
        for part in parts:
            assert not INDIC.search(gzip.decompress(part.read_bytes()).decode("utf-8"))
        assert not INDIC.search((content / "feeds" / "archive.xml").read_text(encoding="utf-8"))


def test_default_build_prints_western_digits(builds: dict[str, BuiltSite]) -> None:
    built = builds["western"]
    _, body = page(built, ARTICLE)
    m = header_date(body)
    assert m.groups() == ("2015-09-27", "الأحد 27 أيلول/سبتمبر 2015")
    _, timeline = page(built, "timeline/index.md")
    assert "أيلول/سبتمبر 2015: 5" in re.findall(r"<title>([^<]+)</title></rect>", timeline)
    assert ("2015-09", "5") in re.findall(r"^- \[<bdi>[^<]+</bdi>\]\(([0-9-]+)\.md\) — (\S+)$", timeline, re.M)
    generated = [p for p in built.content.rglob("*.md")]
    assert not any(INDIC.search(p.read_text(encoding="utf-8")) for p in generated)


def test_the_two_builds_differ_only_in_digits_of_generated_text(builds: dict[str, BuiltSite]) -> None:
    """Same pages, same links: turning every ٠-٩ of the Arabic-Indic build back into 0-9 gives the
    Western build, file for file."""
    a, w = builds["arabic-indic"].content, builds["western"].content
    files = sorted(p.relative_to(w).as_posix() for p in w.rglob("*") if p.is_file() and not p.name.startswith("."))
    assert files == sorted(p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file() and not p.name.startswith("."))
    back = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
    def text(path: Path) -> str:
        data = path.read_bytes()
        return (gzip.decompress(data) if path.name.endswith(".gz") else data).decode("utf-8")

    for rel in files:
        assert text(a / rel).translate(back) == text(w / rel), rel


def test_the_search_index_tells_the_script_which_digits_to_print() -> None:
    """search.js reads `digits` from the manifest and writes result counts, dates and facet counts
    with it (site_config/theme/assets/javascripts/search/search.js, `shown`)."""
    import json

    from generator.search.indexer import index_files

    for style in ("western", "arabic-indic"):
        assert json.loads(index_files([], style)["manifest.json"])["digits"] == style


def test_the_search_page_prints_counts_and_years_in_the_configured_digits(tmp_path: Path, browser) -> None:
    """In a browser, an Arabic-Indic site's search page: the result count, the years and the facet
    counts in ٠-٩, and no 0-9 outside the articles' own text."""
    from urllib.parse import quote

    from conftest import serve_folder
    from fixture_corpus import write_fixture_corpus

    corpus = write_fixture_corpus(tmp_path / "corpus")
    built = run_build(corpus, config_with(tmp_path, "digits: arabic-indic\n"), tmp_path / "content",
                      tmp_path / "site")
    assert built.returncode == 0, built.stderr
    with serve_folder(built.site) as url:
        page = browser.new_page()
        try:
            page.goto(url + "search/?q=" + quote("بغداد"))
            page.wait_for_selector("#arshif-search-page[data-arshif-state=done]", timeout=30000)
            count = page.inner_text(".arshif-search-page__count")
            years = page.inner_text("[data-facet=year]")
        finally:
            page.close()
    assert INDIC.search(count) and not ASCII.search(count), count
    assert INDIC.search(years) and not ASCII.search(years), years
