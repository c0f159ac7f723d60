"""What a hostile or careless contributor can submit never stops the build, stalls it, leaks a file
or forges a log line (issue 11). One section per kind of fault; every message asserted is the exact
line a user sees. Every input is written here, with text of our own.

The site swap, the kills during a site build and two builds at once are in test_site_interrupted.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT, run_build
from generator import dates, outlets
from generator.config import escape_controls, load_yaml
from generator.pipeline import SCAN_CHARS, TEXT_MAX, SiteConfig, extract_bytes, extract_text, load_site_config
from generator.sidecar import load_sidecar
from test_bad_input import Matrix, article, front, title_of

MB = 1024 * 1024


@pytest.fixture(scope="module")
def cfg() -> SiteConfig:
    return load_site_config(ROOT / "site_config")[0]


# ---- 1. valid YAML of an unexpected shape ---------------------------------------------------------

# (sidecar text, the message after "FILE:") — one per shape, and every scalar tag a value can carry.
YAML_SHAPES: dict[str, tuple[str, str]] = {
    "deep-sequence": ("title: " + "[" * 3000 + "]" * 3000 + "\n", "1: nested more than 16 levels deep"),
    "deep-mapping": ("title:\n" + "".join(" " * (i + 1) + f"k{i}:\n" for i in range(40)),
                     "16: nested more than 16 levels deep"),
    "mapping-as-key": ("title: عنوان\n? {a: 1}\n: قيمة\n",
                       "2: a key must be a plain value (a word), not a list or a mapping"),
    "list-as-key": ("[1, 2]: قيمة\n", "1: a key must be a plain value (a word), not a list or a mapping"),
    "huge-integer": ("title: " + "7" * 5000 + "\n",
                     "1: [title] cannot read '7777777777777777777777777777777777777777…' as a whole number: "
                     "it has 5,000 characters"),
    "bad-timestamp": ("date: !!timestamp 2016-02-30\n",
                      "1: [date] cannot read '2016-02-30' as a date: day is out of range for month"),
    "bad-float": ("title: !!float abc\n", "1: [title] cannot read 'abc' as a number"),
    "bad-int": ("author: !!int abc\n", "1: [author] cannot read 'abc' as a whole number"),
    "bad-bool": ("title: !!bool ربما\n", "1: [title] cannot read 'ربما' as true or false"),
    "bad-binary": ("title: !!binary '@@@'\n", "1: [title] must be a non-empty string"),
    "python-tag": ("title: !!python/object/apply:os.system [ls]\n",
                   "1: [title] could not determine a constructor for the tag "
                   "'tag:yaml.org,2002:python/object/apply:os.system'"),
    "good-timestamp": ("date: !!timestamp 2015-09-14\n",
                       "1: [date] must be a date written YYYY-MM-DD (in quotes or not)"),
    "float-title": ("title: !!float .inf\n", "1: [title] must be a non-empty string"),
    "set-topics": ("topics: !!set {economy: null}\n", "1: [topics] must be a list of ids"),
    "omap-title": ("title: !!omap [a: 1]\n", "1: [title] must be a non-empty string"),
    "null-title": ("title: ~\n", "1: [title] must be a non-empty string"),
    "control-character": ('title: "عنوان\\x1b[31m"\n',
                          "1: [title] must not contain the control character U+001B (at character 6)"),
    "bidi-override": ('author: "محرر\\u202eالصفحة"\n',
                      "1: [author] must not contain the control character U+202E (at character 5)"),
    "long-title": ("title: " + "عنوان " * 100 + "\n", "1: [title] must be at most 300 characters (it has 599)"),
    "many-topics": ("topics: [" + ", ".join(["economy"] * 101) + "]\n",
                    "1: [topics] must have at most 100 ids (it has 101)"),
    "not-utf-8": ("title: caf\xe9\n", "1: not UTF-8: byte 0xe9 at offset 10 cannot be read (save the file as UTF-8)"),
    "a-list": ("- title\n- date\n", "1: must be a mapping of key: value"),
}


@pytest.mark.parametrize("shape", sorted(YAML_SHAPES))
def test_sidecar_of_every_shape_gives_one_exact_message(tmp_path: Path, cfg: SiteConfig, shape: str) -> None:
    text, message = YAML_SHAPES[shape]
    path = tmp_path / f"{shape}.yml"
    path.write_bytes(text.encode("latin-1" if shape == "not-utf-8" else "utf-8"))
    _overrides, problems = load_sidecar(path, f"corpus/{shape}.yml", cfg, today=dt.date(2026, 1, 1))
    assert [str(p) for p in problems] == [f"corpus/{shape}.yml:{message}"]


def test_a_sidecar_too_big_is_refused_unread(tmp_path: Path, cfg: SiteConfig) -> None:
    path = tmp_path / "big.yml"
    path.write_text("title: عنوان\n" + "# تعليق\n" * 20000, encoding="utf-8")
    overrides, problems = load_sidecar(path, "corpus/big.yml", cfg)
    assert overrides is None
    assert [str(p) for p in problems] == [
        f"corpus/big.yml: file is {path.stat().st_size:,} bytes: more than the 65,536 a curated file may have"]


CONFIG_FILES = ["outlets.yml", "topics.yml", "furniture.yml", "entities.yml", "entities/zz-more.yml",
                "found_names.yml", "display.yml"]
CONFIG_SHAPES = ["deep-sequence", "mapping-as-key", "huge-integer", "bad-timestamp", "bad-float"]


@pytest.mark.parametrize("name", CONFIG_FILES)
def test_every_configuration_file_of_every_shape_is_one_problem_and_the_rest_loads(tmp_path: Path,
                                                                                   name: str) -> None:
    config = tmp_path / "config"
    shutil.copytree(ROOT / "site_config", config, ignore=shutil.ignore_patterns("theme"))
    for shape in CONFIG_SHAPES:
        text, message = YAML_SHAPES[shape]
        (config / name).write_text(text, encoding="utf-8")
        loaded, problems = load_site_config(config)
        assert [str(p) for p in problems] == [f"{config.as_posix()}/{name}:{message}"], shape
        if name != "outlets.yml":
            assert "okaz" in loaded.registry.outlets  # the other files still load


def test_a_yaml_document_never_raises(tmp_path: Path) -> None:
    """Loading returns problems for whatever the file holds (the property test feeds arbitrary ones)."""
    path = tmp_path / "x.yml"
    for text in ("a: &x [1]\nb: *x\nc: *y\n", "<<: 5\n", "!!omap {a: 1}\n", "? [a]\n", "\x00", "---\n---\n"):
        path.write_text(text, encoding="utf-8")
        data, problems = load_yaml(path, "x.yml")
        assert data is not None or problems, text


# ---- 3. every pattern over article text is linear -------------------------------------------------

# Megabyte lines of each pattern's worst case. Before issue 11, a 40 KB line of the first took 24 s,
# and 16 KB of the second raised RecursionError; these must simply finish (bench/worst_lines.py times them).
WORST_LINES = {
    "dotted host names (outlet domains)": "ab.cd " + "a." * (MB // 2),
    "textual dates": "14 أيلول 2015 " * (MB // 14),
    "ISO dates": "2015-09-14 " * (MB // 11),
    "numeric dates": "14/9/2015 " * (MB // 10),
    "Hijri dates": "3 ذو الحجة 1436 هـ " * (MB // 19),
    "repeated names": "محمد بن سلمان " * (MB // 14),
    "quoted outlet credits": "قال لـ«عكاظ» " * (MB // 13),
    "family names": "آل " * (MB // 3),
    "organisation heads": "وزارة " * (MB // 6),
    "pipes": "|" * MB,
}


@pytest.mark.parametrize("shape", list(WORST_LINES))
def test_a_megabyte_line_of_each_worst_case_is_extracted(cfg: SiteConfig, shape: str) -> None:
    line = WORST_LINES[shape]
    art = extract_text("خبر تجريبي عن السوق\nالاثنين 14 أيلول 2015\n" + line + "\n", "x.txt", cfg)
    assert art.title == "خبر تجريبي عن السوق"
    if shape != "pipes":  # a line of pipes alone is page furniture, removed
        assert (f"line 3 is {len(line.strip()):,} characters long: its date, credits, names and topics "
                f"were read in its first {SCAN_CHARS:,} characters only") in art.warnings


def test_the_url_pattern_finds_addresses_and_is_linear() -> None:
    found = [m.group(1) for m in outlets._URL.finditer("زوروا www.okaz.com.sa/news و..example.org ثم a.b.c.co")]
    assert found == ["okaz.com.sa", "example.org", "a.b.c.co"]
    assert list(outlets._URL.finditer("a." * MB)) == []  # one failed attempt, not one per letter


def test_a_line_of_a_thousand_dates_reads_the_first_ones_only() -> None:
    found = dates.find_date(["14 أيلول 2015 " * 1000], [True], None)
    assert found.date is None or found.date == "2015-09-14"


# ---- the build: names, symlinked sidecars, ignored entries, reserved ids, output bounds -----------

SECRET = "عنوان سري من خارج المدونة"
NEWLINE_NAME = "x\n::error file=a.txt::forged.txt"
PIPES = 3 * MB


@dataclass
class Build(Matrix):
    """The build of the faults corpus (`Matrix` of test_bad_input, names shown escaped)."""

    config: Path = Path()

    def display(self, rel: str) -> str:
        return f"{self.corpus.as_posix()}/{escape_controls(rel)}"


@pytest.fixture(scope="module")
def faults(tmp_path_factory: pytest.TempPathFactory) -> Build:
    tmp = tmp_path_factory.mktemp("faults")
    corpus, outside, config = tmp / "corpus", tmp / "outside", tmp / "config"
    for d in (corpus / ".drafts", outside):
        d.mkdir(parents=True)
    shutil.copytree(ROOT / "site_config", config, ignore=shutil.ignore_patterns("theme"))
    with (config / "entities" / "places.yml").open("a", encoding="utf-8") as fh:
        fh.write("- id: index\n  type: place\n  name: ساحة الفهرس\n")
    with (config / "topics.yml").open("a", encoding="utf-8") as fh:
        fh.write("- id: index\n  name: فهرس\n  rules: {keywords: [السوق]}\n")
    text = {n: article(n) for n in range(70, 80)}
    (corpus / "plain.txt").write_text(text[70], encoding="utf-8")
    os.makedirs(os.fsencode(corpus) + b"/latin", exist_ok=True)
    with open(os.fsencode(corpus) + b"/latin/caf\xe9.txt", "wb") as fh:
        fh.write(text[71].encode("utf-8"))
    (corpus / NEWLINE_NAME).write_text(text[72], encoding="utf-8")
    (corpus / "linked.txt").write_text(text[73], encoding="utf-8")
    (outside / "secret.yml").write_text(f"title: {SECRET}\n", encoding="utf-8")
    os.symlink(outside / "secret.yml", corpus / "linked.yml")
    (corpus / "misnamed.txt").write_text(text[74], encoding="utf-8")
    (corpus / "misnamed.yaml").write_text("title: عنوان لن يقرأ\n", encoding="utf-8")
    (corpus / "orphan.yml").write_text("title: عنوان بلا مقال\n", encoding="utf-8")
    (corpus / ".hidden.txt").write_text(text[75], encoding="utf-8")
    (corpus / ".drafts" / "draft.txt").write_text(text[76], encoding="utf-8")
    (corpus / "notes.odt").write_text("ملاحظات المحرر\n", encoding="utf-8")
    (corpus / "pipes.txt").write_text(pipes_text(), encoding="utf-8")
    (corpus / "long-title.txt").write_text(text[78], encoding="utf-8")
    (corpus / "long-title.yml").write_text("title: " + "عنوان " * 60 + "\n", encoding="utf-8")
    (corpus / "long-word.txt").write_text(long_word_article(), encoding="utf-8")
    built = run_build(corpus, config, tmp / "content")
    return Build(corpus, tmp / "content", built, [], config)


def expected_stderr(b: Build) -> list[str]:
    c, g = b.corpus.as_posix(), b.config.as_posix()
    return sorted([
        f"config error: {c}/misnamed.yaml: a sidecar must be named misnamed.yml: this file is not read",
        f"config error: {c}/orphan.yml: sidecar without an article: there is no orphan.txt (or orphan.html) beside it",
        f"config error: {c}/long-title.yml:1: [title] must be at most 300 characters (it has 359)",
        f"config error: {g}/entities/places.yml:{places_line(b)}: [entities[{places_index(b)}].id] "
        "'index' is reserved: it is the name of the list page (choose another id)",
        f"config error: {g}/topics.yml:{topics_line(b)}: [topics[{topics_index(b)}].id] "
        "'index' is reserved: it is the name of the list page (choose another id)",
        f"skipped {c}/linked.yml: sidecar: symbolic link pointing outside the corpus (refused)",
        f"ignored {c}/.drafts: hidden folder: its files are not read",
        f"ignored {c}/.hidden.txt: hidden file (not read)",
        f"ignored {c}/notes.odt: not an input: the kinds read are .txt, .html, .htm, .md, .warc.gz, .warc, .jsonl, .json, .csv",
        f"warning {c}/latin/caf\\xe9.txt: the file name is not valid UTF-8: each byte that is not is shown as \\xNN",
        f"warning {c}/pipes.txt: the text is {len(pipes_text()):,} characters long: only its first "
        f"{pipes_kept():,} were kept (an article may have {TEXT_MAX:,})",
        f"warning {c}/pipes.txt: line 4 is {pipes_line():,} characters long: "
        f"its date, credits, names and topics were read in its first {SCAN_CHARS:,} characters only",
        f"warning {c}/long-word.txt: line 3 is {len(long_word_article().split(chr(10))[2]):,} characters long: "
        f"its date, credits, names and topics were read in its first {SCAN_CHARS:,} characters only",
        f"warning {c}/long-word.txt: a word of 100,000 letters at character {long_word_at()} of the text is longer "
        "than 40: it is not indexed for search",
    ])


def long_word_article() -> str:
    return article(79).replace("هذا الأسبوع", f"هذا الأسبوع {'ك' * 100_000}")


def long_word_at() -> int:
    """Where the long word starts in the article's text as the page shows it (1-based)."""
    art = extract_bytes(long_word_article().encode("utf-8"), "x.txt", load_site_config(ROOT / "site_config")[0])
    return art.body.index("ك" * 100) + 1


def pipes_text() -> str:
    body = article(77).split("\n")
    return "\n".join(body[:3] + ["ب|" * (PIPES // 2)] + body[3:])


def pipes_kept() -> int:
    """The text is cut at its last line break before the limit, or at the limit when that break
    would keep less than half of it."""
    end = pipes_text().rfind("\n", 0, TEXT_MAX)
    return end if end > TEXT_MAX // 2 else TEXT_MAX


def pipes_line() -> int:
    return len(pipes_text()[:pipes_kept()].split("\n")[3])


def _last_item_line(path: Path, marker: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return max(i for i, ln in enumerate(lines) if ln.startswith(marker)) + 1


def places_line(b: Build) -> int:
    return _last_item_line(b.config / "entities" / "places.yml", "- id: index")


def places_index(b: Build) -> int:
    return sum(1 for ln in (b.config / "entities" / "places.yml").read_text(encoding="utf-8").splitlines()
               if ln.startswith("- ")) - 1


def topics_line(b: Build) -> int:
    return _last_item_line(b.config / "topics.yml", "- id: index")


def topics_index(b: Build) -> int:
    return sum(1 for ln in (b.config / "topics.yml").read_text(encoding="utf-8").splitlines()
               if ln.startswith("- id:")) - 1


def test_every_line_on_stderr_is_the_exact_expected_message(faults: Build) -> None:
    assert sorted(faults.built.stderr.splitlines()) == expected_stderr(faults)
    assert "Traceback" not in faults.built.stderr


def test_the_summary_counts_refused_and_ignored_entries(faults: Build) -> None:
    assert faults.built.returncode == 1
    assert faults.built.stdout.startswith(
        "built 8 articles, 5 warnings, 1 skipped (1 sidecar: symbolic link pointing outside the corpus "
        "(refused)), 3 ignored (1 hidden file (not read); 1 hidden folder: its files are not read; "
        "1 not an input: the kinds read are .txt, .html, .htm, .md, .warc.gz, .warc, .jsonl, .json, .csv), 5 config problems; "), faults.built.stdout


def test_report_page_lists_every_entry_of_the_corpus(faults: Build) -> None:
    """Each entry of the corpus that was not built is listed with its path inside the corpus (never
    the builder's folders) and its reason."""
    report = (faults.out / "report.md").read_text(encoding="utf-8")
    lines = report.splitlines()
    assert faults.corpus.as_posix() not in report
    for path, reason in (("linked.yml", "sidecar: symbolic link pointing outside the corpus (refused)"),
                         (".drafts", "hidden folder: its files are not read"),
                         (".hidden.txt", "hidden file (not read)"),
                         ("notes.odt", "not an input: the kinds read are .txt, .html, .htm, .md, .warc.gz, "
                                       ".warc, .jsonl, .json, .csv"),
                         ("orphan.yml: sidecar without an article: there is no orphan.txt (or orphan.html) "
                          "beside it", "")):
        assert any(ln.startswith(f"- `{path}`") and reason in ln for ln in lines), path
    for rel in ("plain.txt", "latin/caf\udce9.txt", NEWLINE_NAME, "linked.txt", "misnamed.txt"):
        assert f"- `{escape_controls(rel)}` ← [" in report, rel


def test_a_file_name_that_is_not_utf8_is_built_and_shown_escaped(faults: Build) -> None:
    page = faults.page_of(escape_controls("latin/caf\udce9.txt"))
    assert front(page)["title"] == title_of(71)
    assert front(page)["source"] == "latin/caf\\xe9.txt"


def test_a_file_name_cannot_forge_a_log_line(faults: Build) -> None:
    lines = faults.built.stderr.splitlines() + faults.built.stdout.splitlines()
    assert not any(ln.startswith("::") for ln in lines)
    assert front(faults.page_of(escape_controls(NEWLINE_NAME)))["source"] == "x\\n::error file=a.txt::forged.txt"


def test_a_sidecar_linked_from_outside_the_corpus_is_never_read(faults: Build) -> None:
    everything = "".join(p.read_text(encoding="utf-8") for p in faults.out.rglob("*.md"))
    assert SECRET not in everything
    assert front(faults.page_of("linked.txt"))["title"] == title_of(73)


def test_hidden_and_misnamed_files_are_not_built(faults: Build) -> None:
    titles = {front(md)["title"] for md in (faults.out / "articles").glob("*.md")}
    assert title_of(75) not in titles and title_of(76) not in titles
    assert front(faults.page_of("misnamed.txt"))["title"] == title_of(74)


def test_reserved_ids_are_refused_and_the_rest_builds(faults: Build) -> None:
    assert (faults.out / "places" / "index.md").is_file() and (faults.out / "topics" / "index.md").is_file()
    assert len(list((faults.out / "articles").glob("*.md"))) == 8


def test_every_output_stays_small(faults: Build) -> None:
    biggest = max(faults.out.rglob("*"), key=lambda p: p.stat().st_size if p.is_file() else 0)
    assert biggest.stat().st_size < 10 * MB, biggest
    assert faults.page_of("pipes.txt").stat().st_size > 7 * TEXT_MAX // 2 * 0.9  # ب in 2 bytes, | as &#124;


def test_a_headline_too_long_for_a_sidecar_leaves_the_extracted_one(faults: Build) -> None:
    assert front(faults.page_of("long-title.txt"))["title"] == title_of(78)


def test_an_extracted_headline_is_never_longer_than_300_characters(cfg: SiteConfig) -> None:
    for first in ("عنوان طويل جدا " * 40, "عنوان" * 2000, "عنوان طويل جدا " * 40 + "\nالرياض - محمد العلي"):
        art = extract_text(f"{first}\n\nقال التجار إن السوق عادت إلى طبيعتها بعد الظهر.\n", "x.txt", cfg)
        assert len(art.title) <= 301


def test_an_article_longer_than_the_limit_is_cut_with_a_warning(cfg: SiteConfig) -> None:
    line = "قال التجار إن السوق عادت إلى طبيعتها بعد الظهر.\n"
    text = "خبر طويل عن السوق\n" + line * (TEXT_MAX // len(line) + 10)
    art = extract_bytes(text.encode(), "x.txt", cfg)
    kept = text.rfind("\n", 0, TEXT_MAX)
    assert art.warnings[0] == (f"the text is {len(text):,} characters long: only its first {kept:,} were kept "
                               f"(an article may have {TEXT_MAX:,})")
    assert art.body.count(line.strip()) == text[:kept].count(line.strip())


def test_a_huge_word_does_not_reach_the_search_manifest(cfg: SiteConfig) -> None:
    from generator.search.indexer import MAX_TERM, build_files, docs_from_articles

    art = extract_text(f"خبر عن السوق\nقال التجار {'ب' * 4_000_000} إن السوق عادت.\n", "x.txt", cfg)
    art.id = "x"
    files = build_files(docs_from_articles([art], {"x": "articles/x/"})).files
    assert len(files["manifest.json"]) < 2000
    assert max(len(f) for f in files.values()) < MB
    assert MAX_TERM == 40


# ---- 11. publishing: a skipped input is listed, not a reason to stop deploying --------------------

def test_publish_lists_a_skipped_input_and_exits_0_unless_strict(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(article(90), encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    skipped = f"skipped {corpus.as_posix()}/empty.txt: no article text (empty or only page furniture)"
    for extra, code in (([], 1), (["--publish"], 0), (["--publish", "--strict"], 1)):
        built = run_build(corpus, ROOT / "site_config", tmp_path / f"content{len(extra)}", extra=extra)
        assert built.returncode == code, extra
        assert built.stderr.splitlines() == [skipped]
        report = (tmp_path / f"content{len(extra)}" / "report.md").read_text(encoding="utf-8")
        assert "- `empty.txt` — لا نص مقال فيه (فارغ أو حواشي صفحة فقط)" in report.splitlines()
