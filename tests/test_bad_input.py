"""Bad input: every file the build is given either becomes an article or is reported with a clear
message naming it (and the line, for YAML); the rest of the build goes on, and every input is
accounted for in the summary line and on the build report page.

Each case is a file written here. The messages asserted are the exact lines a user sees on stderr.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, BuiltSite, run_build
from generator.pipeline import TEXT_MAX
from generator.pages import report_note

BIG_BYTES = 20 * 1024 * 1024


def article(n: int, day: int = 14) -> str:
    """A short article written for these tests; `n` makes each one distinct."""
    return (f"تجار السوق الشعبية في البلدة رقم {n} يتحدثون عن الموسم\n"
            f"الاثنين {day} أيلول 2015\n"
            f"قال تجار السوق الشعبية في البلدة رقم {n} إن حركة البيع تحسنت هذا الأسبوع بعد افتتاح الطريق الجديد.\n"
            "وأضاف أحد الباعة أن أسعار الخضار بقيت ثابتة رغم ازدياد الطلب مع بداية الموسم.\n"
            "وتوقع آخرون أن تعود الحركة إلى طبيعتها بعد انتهاء العطلة المدرسية.\n")


def title_of(n: int) -> str:
    return article(n).split("\n", 1)[0]


SAVED_PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>صفحة محفوظة</title>
<script>var counter = 1;</script><style>body { color: red }</style></head>
<body><nav>الرئيسية | الأخبار | اتصل بنا</nav>
<h1>افتتاح مكتبة عامة في الحي القديم</h1>
<p>افتتحت البلدية يوم الثلاثاء 15 أيلول 2015 مكتبة عامة جديدة في الحي القديم.</p>
<p>وقال مدير المكتبة إنها تضم آلاف الكتب وقاعة للمطالعة مفتوحة طوال الأسبوع.</p>
<footer>جميع الحقوق محفوظة</footer></body></html>
"""
FILLER = "وقال شاهد إن الحركة في الشارع الرئيسي عادت إلى طبيعتها بعد الظهر.\n"
LAST_LINE = "وفي ختام اليوم أغلقت المحال أبوابها عند الغروب كعادتها."


def filler_lines() -> int:
    """Lines of filler that make the big file pass BIG_BYTES."""
    return (BIG_BYTES - len(article(30).encode("utf-8"))) // len(FILLER.encode("utf-8")) + 1


@dataclass
class Case:
    rel: str  # path inside the corpus
    outcome: str  # "article", "skipped" or "duplicate"
    message: str | None = None  # the warning (article) or reason (skipped); for a duplicate, the original
    title: str | None = None
    date: str | None = None
    encoding: str | None = None


def bad_utf8() -> tuple[bytes, int]:
    good = article(7).encode("utf-8")
    at = good.index("حركة البيع".encode("utf-8"))  # inside line 3, between two words
    return good[:at] + b"\xff\xfe" + good[at:], at


def write_matrix(corpus: Path, outside: Path) -> list[Case]:
    cases: list[Case] = []

    def put(rel: str, data: bytes | str, case: Case) -> None:
        p = corpus / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        cases.append(case)

    # encodings
    for n, (rel, codec, shown) in enumerate([
        ("enc/windows-1256.txt", "cp1256", "windows-1256"),
        ("enc/iso-8859-6.txt", "iso8859_6", "iso-8859-6"),
        ("enc/utf-16-bom.txt", "utf-16", "utf-16"),
        ("enc/utf-16le-no-bom.txt", "utf-16-le", "utf-16-le"),
        ("enc/utf-16be-no-bom.txt", "utf-16-be", "utf-16-be"),
        ("enc/utf-8-bom.txt", "utf-8-sig", "utf-8-sig"),
    ], start=1):
        put(rel, article(n).encode(codec), Case(rel, "article", None, title_of(n), "2015-09-14", shown))
    mixed = article(20).replace("\n", "\r\n", 2).replace("\n", "\r", 4).replace("\r\r", "\r")
    put("enc/mixed-line-endings.txt", mixed, Case("enc/mixed-line-endings.txt", "article", None, title_of(20),
                                                  "2015-09-14", "utf-8"))
    damaged, offset = bad_utf8()
    put("enc/invalid-utf-8.txt", damaged, Case(
        "enc/invalid-utf-8.txt", "article",
        f"invalid UTF-8 bytes at byte offset {offset} (line 3): replaced with U+FFFD, the rest of the text was kept",
        title_of(7), "2015-09-14", "utf-8"))

    # shapes
    put("shape/empty.txt", b"", Case("shape/empty.txt", "skipped", "no article text (empty or only page furniture)"))
    put("shape/whitespace.txt", " \n\t\n   \r\n\n", Case("shape/whitespace.txt", "skipped",
                                                       "no article text (empty or only page furniture)"))
    put("shape/title-only.txt", "عنوان وحيد بلا نص بعده\n", Case("shape/title-only.txt", "article",
                                                                "no publication date stated", "عنوان وحيد بلا نص بعده"))
    big = article(30) + FILLER * filler_lines() + LAST_LINE + "\n"
    put("shape/twenty-megabytes.txt", big, Case("shape/twenty-megabytes.txt", "article", cut_message(big),
                                                title_of(30), "2015-09-14"))
    put("shape/image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
        Case("shape/image.txt", "skipped", "not a text file (PNG image)"))
    put("shape/noise.txt", bytes((i * 7) % 32 for i in range(4000)),
        Case("shape/noise.txt", "skipped", "not a text file (binary data: control bytes)"))
    put("shape/saved-page.txt", SAVED_PAGE, Case("shape/saved-page.txt", "article",
                                                 "converted from a saved HTML page: only its visible text was kept",
                                                 "افتتاح مكتبة عامة في الحي القديم", "2015-09-15"))
    put("shape/nested/2015/09/inner.txt", article(31), Case("shape/nested/2015/09/inner.txt", "article", None,
                                                             title_of(31), "2015-09-14"))
    put("shape/name with spaces.txt", article(32), Case("shape/name with spaces.txt", "article", None,
                                                         title_of(32), "2015-09-14"))
    put("shape/خبر عن السوق.txt", article(33), Case("shape/خبر عن السوق.txt", "article", None, title_of(33),
                                                    "2015-09-14"))
    (outside / "secret.txt").write_text(article(34), encoding="utf-8")
    (outside / "folder").mkdir()
    (outside / "folder" / "more.txt").write_text(article(35), encoding="utf-8")
    os.symlink(outside / "secret.txt", corpus / "shape/link-outside.txt")
    cases.append(Case("shape/link-outside.txt", "skipped", "symbolic link pointing outside the corpus (refused)"))
    os.symlink(outside / "folder", corpus / "shape/folder-outside")
    cases.append(Case("shape/folder-outside", "skipped", "symbolic link to a folder outside the corpus (refused)"))

    # duplicates and clashing slugs
    put("dup/first.txt", article(40), Case("dup/first.txt", "article", None, title_of(40), "2015-09-14"))
    put("dup/second copy.txt", article(40), Case("dup/second copy.txt", "duplicate", "dup/first.txt"))
    put("clash/2015/report.txt", article(41), Case("clash/2015/report.txt", "article", None, title_of(41), "2015-09-14"))
    put("clash/2015-report.txt", article(42), Case("clash/2015-report.txt", "article", None, title_of(42), "2015-09-14"))
    return cases


@dataclass
class Matrix:
    corpus: Path
    out: Path
    built: BuiltSite
    cases: list[Case]

    def display(self, rel: str) -> str:
        return f"{self.corpus.as_posix()}/{rel}"

    def page_of(self, rel: str) -> Path:
        for md in (self.out / "articles").glob("*.md"):
            if front(md)["source"] == rel:  # the path inside the corpus (no builder path)
                return md
        raise AssertionError(f"no page for {rel}")


def front(md: Path) -> dict:
    text = md.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    return yaml.safe_load(text[4:text.index("\n---\n", 3) + 1])


@pytest.fixture(scope="module")
def matrix(tmp_path_factory: pytest.TempPathFactory) -> Matrix:
    tmp = tmp_path_factory.mktemp("bad-input")
    corpus, outside = tmp / "corpus", tmp / "outside"
    corpus.mkdir()
    outside.mkdir()
    cases = write_matrix(corpus, outside)
    built = run_build(corpus, ROOT / "site_config", tmp / "content")
    return Matrix(corpus, tmp / "content", built, cases)


# The cases are made inside a fixture; their names are listed here for parametrisation.
CASE_NAMES = [
    "enc/windows-1256.txt", "enc/iso-8859-6.txt", "enc/utf-16-bom.txt", "enc/utf-16le-no-bom.txt",
    "enc/utf-16be-no-bom.txt", "enc/utf-8-bom.txt", "enc/mixed-line-endings.txt", "enc/invalid-utf-8.txt",
    "shape/empty.txt", "shape/whitespace.txt", "shape/title-only.txt", "shape/twenty-megabytes.txt",
    "shape/image.txt", "shape/noise.txt", "shape/saved-page.txt", "shape/nested/2015/09/inner.txt",
    "shape/name with spaces.txt", "shape/خبر عن السوق.txt", "shape/link-outside.txt", "shape/folder-outside",
    "dup/first.txt", "dup/second copy.txt", "clash/2015/report.txt", "clash/2015-report.txt",
]


def case(m: Matrix, rel: str) -> Case:
    return next(c for c in m.cases if c.rel == rel)


def test_case_list_is_the_matrix(matrix: Matrix) -> None:
    assert [c.rel for c in matrix.cases] == CASE_NAMES
    assert {c.rel for c in matrix.cases if c.outcome != "article"} == NOT_BUILT


@pytest.mark.parametrize("rel", CASE_NAMES)
def test_each_input_gets_its_exact_message(matrix: Matrix, rel: str) -> None:
    c = case(matrix, rel)
    lines = matrix.built.stderr.splitlines()
    mine = [ln for ln in lines if ln.startswith((f"skipped {matrix.display(rel)}:", f"warning {matrix.display(rel)}:"))]
    if c.outcome == "article":
        assert mine == ([f"warning {matrix.display(rel)}: {c.message}"] if c.message else [])
    elif c.outcome == "skipped":
        assert mine == [f"skipped {matrix.display(rel)}: {c.message}"]
    else:
        assert mine == [f"skipped {matrix.display(rel)}: duplicate of {matrix.display(c.message or '')}"]


NOT_BUILT = {"shape/empty.txt", "shape/whitespace.txt", "shape/image.txt", "shape/noise.txt",
             "shape/link-outside.txt", "shape/folder-outside", "dup/second copy.txt"}


@pytest.mark.parametrize("rel", [n for n in CASE_NAMES if n not in NOT_BUILT])
def test_each_article_is_built_with_its_own_title_and_date(matrix: Matrix, rel: str) -> None:
    c = case(matrix, rel)
    assert c.outcome == "article"
    fm = front(matrix.page_of(rel))
    assert fm["title"] == c.title
    assert fm.get("date") == c.date
    text = matrix.page_of(rel).read_text(encoding="utf-8")
    assert "\r" not in text and "\ufffd" not in fm["title"]


def test_encodings_are_named_on_the_report(matrix: Matrix) -> None:
    report = (matrix.out / "report.md").read_text(encoding="utf-8")
    for c in matrix.cases:
        if c.encoding and c.encoding != "utf-8":
            entry = next(ln for ln in report.splitlines() if ln.startswith(f"- `{c.rel}` ← "))
            assert f'ترميز <bdi lang="en" dir="ltr">{c.encoding}</bdi>' in entry, entry


def test_invalid_utf8_keeps_the_rest_of_the_text(matrix: Matrix) -> None:
    text = matrix.page_of("enc/invalid-utf-8.txt").read_text(encoding="utf-8")
    assert "\ufffd" in text and "وتوقع آخرون أن تعود الحركة إلى طبيعتها" in text


def cut_message(text: str) -> str:
    """The warning of an article longer than the limit: it is cut at its last line break before it."""
    end = text.rfind("\n", 0, TEXT_MAX)
    return (f"the text is {len(text):,} characters long: only its first {end:,} were kept "
            f"(an article may have {TEXT_MAX:,})")


def test_twenty_megabyte_file_is_cut_at_the_article_limit(matrix: Matrix) -> None:
    assert (matrix.corpus / "shape/twenty-megabytes.txt").stat().st_size >= BIG_BYTES
    page = matrix.page_of("shape/twenty-megabytes.txt")
    text = page.read_text(encoding="utf-8")
    assert LAST_LINE not in text and page.stat().st_size < 10 * 1024 * 1024
    kept = (article(30) + FILLER * filler_lines())[:TEXT_MAX]
    assert text.count(FILLER.strip()) == kept.count(FILLER)


def test_saved_html_page_keeps_only_its_visible_article_text(matrix: Matrix) -> None:
    text = matrix.page_of("shape/saved-page.txt").read_text(encoding="utf-8")
    assert "مكتبة عامة جديدة في الحي القديم" in text and "قاعة للمطالعة" in text
    for hidden in ("counter", "color: red", "<p>", "<h1>", "اتصل بنا", "DOCTYPE"):
        assert hidden not in text


def test_names_with_spaces_arabic_letters_and_folders_get_ascii_urls(matrix: Matrix) -> None:
    for rel in ("shape/name with spaces.txt", "shape/خبر عن السوق.txt", "shape/nested/2015/09/inner.txt"):
        md = matrix.page_of(rel)
        assert re.fullmatch(r"[a-z0-9-]+\.md", md.name), md.name
        assert md.parent == matrix.out / "articles"


def test_symlinks_outside_the_corpus_are_never_read(matrix: Matrix) -> None:
    everything = "".join(p.read_text(encoding="utf-8") for p in matrix.out.rglob("*.md"))
    assert title_of(34) not in everything and title_of(35) not in everything


def test_duplicate_gives_one_page_and_the_other_is_reported(matrix: Matrix) -> None:
    pages = [md for md in (matrix.out / "articles").glob("*.md") if front(md)["title"] == title_of(40)]
    assert len(pages) == 1 and front(pages[0])["source"] == "dup/first.txt"
    report = (matrix.out / "report.md").read_text(encoding="utf-8")
    assert "- `dup/second copy.txt` — نسخة مطابقة من `dup/first.txt`" in report.splitlines()


def test_clashing_slugs_keep_both_articles_at_distinct_urls(matrix: Matrix) -> None:
    a, b = matrix.page_of("clash/2015/report.txt"), matrix.page_of("clash/2015-report.txt")
    assert a != b and {a.name, b.name} & {"clash-2015-report.md"}
    assert front(a)["title"] == title_of(41) and front(b)["title"] == title_of(42)


def test_summary_line_accounts_for_every_input(matrix: Matrix) -> None:
    built = [c for c in matrix.cases if c.outcome == "article"]
    not_built = [c for c in matrix.cases if c.outcome != "article"]
    reasons: dict[str, int] = {}
    for c in not_built:
        key = "duplicate" if c.outcome == "duplicate" else c.message or ""
        reasons[key] = reasons.get(key, 0) + 1
    why = "; ".join(f"{n} {r}" for r, n in sorted(reasons.items()))
    warned = sum(1 for c in built if c.message)
    lines = matrix.built.stdout.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"built {len(built)} articles, {warned} warnings, {len(not_built)} skipped ({why}), "
                               "0 config problems; "), lines[0]
    assert len(list((matrix.out / "articles").glob("*.md"))) == len(built)


def test_report_page_accounts_for_every_input_once(matrix: Matrix) -> None:
    report = (matrix.out / "report.md").read_text(encoding="utf-8").splitlines()
    entries = [ln for ln in report if ln.startswith("- `")]
    named = [ln[3:ln.index("`", 3)] for ln in entries]
    assert sorted(named) == sorted(c.rel for c in matrix.cases)  # paths inside the corpus, no builder path
    for c in matrix.cases:
        line = entries[named.index(c.rel)]
        if c.outcome == "skipped":
            assert line == f"- `{c.rel}` — {report_note(c.message or '')}"
        elif c.outcome == "article":
            assert " ← [" in line


def test_skipped_inputs_exit_1(matrix: Matrix) -> None:
    assert matrix.built.returncode == 1


# ---- curated YAML: site configuration and sidecars -----------------------------------------------

BAD_GAZETTEER = """\
entities:
- {id: old-bridge, type: place, name: الجسر القديم}
- {id: old-bridge, type: place, name: الجسر العتيق}
- id: grand-market
  type: place
  name: السوق الكبيرة
  aliases: [سوق المدينة]
- id: market-street
  type: place
  name: شارع السوق
  aliases: [سوق المدينة]
- id: river-park
  type: place
  name: حديقة النهر
  colour: أخضر
- id: town-hall
  type: building
  name: دار البلدية
  aliases: قصر البلدية
"""
BROKEN_GAZETTEER = "entities:\n- {id: broken, type: place, name: مكان مكسور\n- id: other\n"

SIDECARS = {
    "impossible-date": "title: عنوان صححه المحرر\ndate: '2015-02-30'\n",
    "future-date": "date: '2099-01-01'\n",
    "unknown-outlet": "author: محرر الصفحة\noutlet: no-such-paper\n",
    "syntax-error": "title: [عنوان لم يغلق\n",
    "unknown-key": "headline: عنوان آخر\n",
    "wrong-type": "topics: اقتصاد\nauthor: 12\n",
}


def config_messages(corpus: str, cfg: str, today: dt.date) -> list[str]:
    g = f"{cfg}/entities/zz-test-bad.yml"
    return [
        f"config error: {corpus}/future-date.yml:1: [date] '2099-01-01' is in the future (today is {today.isoformat()})",
        f"config error: {corpus}/impossible-date.yml:2: [date] '2015-02-30' is not a real date: February 2015 has 28 days",
        f"config error: {corpus}/syntax-error.yml:2: YAML syntax error: expected ',' or ']', but got '<stream end>' "
        "(while parsing a flow sequence that starts at line 1)",
        f"config error: {corpus}/unknown-key.yml:1: [headline] unknown key (known keys: add_entities, author, date, "
        "outlet, remove_entities, source_url, title, topics)",
        f"config error: {corpus}/unknown-outlet.yml:2: [outlet] unknown outlet id 'no-such-paper' "
        "(outlets are listed in outlets.yml)",
        f"config error: {corpus}/wrong-type.yml:1: [topics] must be a list of ids",
        f"config error: {corpus}/wrong-type.yml:2: [author] must be a non-empty string",
        f"config error: {g}:3: [entities[1].id] duplicate id 'old-bridge' (first in {g}:2)",
        f"config error: {g}:11: [entities[3].aliases] 'سوق المدينة' is already a name of 'grand-market' ({g}:7)",
        f"config error: {g}:15: [entities[4].colour] unknown key (known keys: aliases, description, id, latin, name, "
        "short, type, wikidata)",
        f"config error: {g}:17: [entities[5].type] must be one of: person, place, organization",
        f"config error: {g}:19: [entities[5].aliases] must be a list of non-empty strings",
        f"config error: {cfg}/entities/zz-test-broken.yml:3: YAML syntax error: expected ',' or '}}', but got ':' "
        "(while parsing a flow mapping that starts at line 2)",
    ]


@pytest.fixture(scope="module")
def config_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path, BuiltSite, dt.date]:
    tmp = tmp_path_factory.mktemp("bad-config")
    cfg = tmp / "config"
    shutil.copytree(ROOT / "site_config", cfg, ignore=shutil.ignore_patterns("theme"))
    (cfg / "entities" / "zz-test-bad.yml").write_text(BAD_GAZETTEER, encoding="utf-8")
    (cfg / "entities" / "zz-test-broken.yml").write_text(BROKEN_GAZETTEER, encoding="utf-8")
    corpus = tmp / "corpus"
    corpus.mkdir()
    for n, (name, side) in enumerate(SIDECARS.items(), start=50):
        (corpus / f"{name}.txt").write_text(article(n), encoding="utf-8")
        (corpus / f"{name}.yml").write_text(side, encoding="utf-8")
    (corpus / "market.txt").write_text(
        "زحام في السوق الكبيرة قبل العيد\nالخميس 17 أيلول 2015\n"
        "شهدت السوق الكبيرة زحاماً شديداً اليوم مع اقتراب العيد وازدياد الطلب على الملابس.\n", encoding="utf-8")
    today = dt.date.today()
    built = run_build(corpus, cfg, tmp / "content")
    return corpus, cfg, tmp / "content", built, today


def test_config_problems_exact_messages_with_file_and_line(config_build) -> None:
    corpus, cfg, _out, built, today = config_build
    got = [ln for ln in built.stderr.splitlines() if ln.startswith("config error: ")]
    assert sorted(got) == sorted(config_messages(corpus.as_posix(), cfg.as_posix(), today))


def test_config_problems_exit_1_and_are_counted(config_build) -> None:
    _corpus, _cfg, _out, built, _today = config_build
    assert built.returncode == 1
    assert re.match(r"^built 7 articles, \d+ warnings, 0 skipped, 13 config problems; ", built.stdout), built.stdout


def test_config_problems_are_listed_on_the_report(config_build) -> None:
    corpus, cfg, out, _built, today = config_build
    report = (out / "report.md").read_text(encoding="utf-8").splitlines()
    for msg in config_messages(corpus.as_posix(), cfg.as_posix(), today):
        shown = msg[len('config error: '):].replace(corpus.as_posix() + "/", "").replace(cfg.as_posix() + "/", "config/")
        assert f"- `{shown}`" in report, msg  # no folder of the machine that built the site


def test_rest_of_the_build_goes_on_after_config_problems(config_build) -> None:
    corpus, _cfg, out, _built, _today = config_build
    pages = {front(md)["source"]: front(md) for md in (out / "articles").glob("*.md")}
    assert len(pages) == 7
    # A sidecar's valid keys still apply; its bad keys leave the extracted values alone.
    impossible = pages["impossible-date.txt"]
    assert impossible["title"] == "عنوان صححه المحرر" and impossible["date"] == "2015-09-14"
    assert pages["future-date.txt"]["date"] == "2015-09-14"
    assert pages["unknown-outlet.txt"]["author"] == "محرر الصفحة"
    assert pages["syntax-error.txt"]["title"] == title_of(53)
    # The valid entries of a gazetteer file with problems are still used.
    assert "grand-market" in pages["market.txt"].get("entities", [])


# ---- exit codes ----------------------------------------------------------------------------------

def test_exit_0_when_every_article_is_built_even_with_warnings(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    damaged, _ = bad_utf8()
    (corpus / "damaged.txt").write_bytes(damaged)
    (corpus / "page.txt").write_text(SAVED_PAGE, encoding="utf-8")
    plain = run_build(corpus, ROOT / "site_config", tmp_path / "c1")
    assert plain.returncode == 0, plain.stderr
    assert plain.stdout.startswith("built 2 articles, 2 warnings, 0 skipped, 0 config problems;")
    strict = run_build(corpus, ROOT / "site_config", tmp_path / "c2", extra=["--strict"])
    assert strict.returncode == 1


def test_exit_1_for_one_skipped_input_or_one_config_problem(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(article(60), encoding="utf-8")
    assert run_build(corpus, ROOT / "site_config", tmp_path / "c0").returncode == 0
    (corpus / "empty.txt").write_bytes(b"")
    assert run_build(corpus, ROOT / "site_config", tmp_path / "c1").returncode == 1
    (corpus / "empty.txt").unlink()
    (corpus / "good.yml").write_text("date: '2015-13-01'\n", encoding="utf-8")
    one = run_build(corpus, ROOT / "site_config", tmp_path / "c2")
    assert one.returncode == 1
    assert one.stderr.splitlines() == [
        f"config error: {corpus.as_posix()}/good.yml:1: [date] '2015-13-01' is not a real date: there is no month 13"]


@pytest.mark.parametrize("change, message", [
    ({"--config": "no-such-config"}, "error: configuration folder not found: {tmp}/no-such-config"),
    ({"--corpus": "no-such-corpus"}, "error: corpus folder not found: {tmp}/no-such-corpus"),
    ({"--no-such-option": None}, "arshif: error: unrecognized arguments: --no-such-option"),
])
def test_usage_errors_exit_2(tmp_path: Path, change: dict[str, str | None], message: str) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(article(61), encoding="utf-8")
    args = {"--corpus": str(corpus), "--config": str(ROOT / "site_config"), "--out": str(tmp_path / "content")}
    args.update({k: str(tmp_path / v) if v else None for k, v in change.items()})
    cmd = [sys.executable, "-m", "generator", "build"] + [x for kv in args.items() for x in kv if x]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert message.format(tmp=tmp_path.as_posix()) in proc.stderr.splitlines()
    assert not (tmp_path / "content").exists()
