"""Inputs besides text: saved pages, WARC captures, exports with a field mapping, Markdown with front
matter — and a damaged file of each kind. Every fixture is written here, with text written for these
tests (no sentence is taken from any article); the WARC files are made with warcio's own writer."""
from __future__ import annotations

import gzip
import io
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from conftest import ROOT, BuiltSite, run_build, write_files
from generator.ingest import registry as ingest
from generator.ingest.base import iso_date, outlet_for
from generator.ingest.mapping import load_mappings
from generator.pipeline import load_site_config

# ---- the project's own text ----------------------------------------------------------------------

BRIDGE = ["افتتحت البلدية صباح اليوم جسراً جديداً فوق النهر بعد عامين من العمل المتواصل في المشروع.",
          "وقال مهندس المشروع إن الجسر سيخفف الزحام في وسط المدينة خلال ساعات الذروة.",
          "وأضاف أن أعمال الإنارة ستنتهي خلال الشهر المقبل وأن الجسر سيفتح للمشاة أيضاً."]
BOOKS = ["تستضيف الساحة العامة مهرجاناً للكتاب يشارك فيه عشرات الناشرين من مدن عدة.",
         "ويقدم المهرجان أمسيات شعرية وورشاً للأطفال طوال أيامه العشرة."]
FARMS = ["أعلنت وزارة الزراعة خطة جديدة لدعم المزارعين في القرى البعيدة عن المدن.",
         "وتشمل الخطة قروضاً ميسرة وبذوراً محسنة توزع قبل بدء موسم الزراعة."]
LIBRARY = ["كتب الباحث هذا النص بيده عن تاريخ المكتبات العامة في المدن القديمة.",
           "وأضاف أن المكتبات كانت مراكز للعلم يقصدها الطلاب من كل مكان."]

FULL_PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>افتتاح جسر جديد فوق النهر - عكاظ</title>
<meta property="og:title" content="افتتاح جسر جديد فوق النهر">
<meta property="og:site_name" content="عكاظ">
<meta name="author" content="سلمان الحربي">
<meta property="article:published_time" content="2015-07-03T10:00:00+03:00">
<link rel="canonical" href="https://www.okaz.com.sa/news/local/100">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "افتتاح جسر جديد فوق النهر", "datePublished": "2015-07-03T10:00:00+03:00",
 "author": {"@type": "Person", "name": "سلمان الحربي"},
 "publisher": {"@type": "Organization", "name": "عكاظ"}}</script>
</head><body><nav><a href="/">الرئيسية</a> <a href="/local">محليات</a> <a href="/sport">رياضة</a></nav>
<article><h1>افتتاح جسر جديد فوق النهر</h1>
""" + "\n".join(f"<p>{s}</p>" for s in BRIDGE) + """
</article><footer><p>جميع الحقوق محفوظة</p></footer></body></html>
"""
# no <title>, no meta tags, no JSON-LD: text extraction takes over (headline, date line, text)
BARE_PAGE = ("<html><body><div><p>مهرجان للكتاب في الساحة العامة</p><p>الأحد 12 تموز 2015</p>"
             + "".join(f"<p>{s}</p>" for s in BOOKS) + "</div></body></html>\n")
BROKEN_PAGE = FULL_PAGE.replace("https://www.okaz.com.sa/news/local/100", "https://www.okaz.com.sa/news/local/101") \
    .replace("افتتاح جسر جديد", "صيانة جسر قديم").split("</article>")[0]  # cut: no closing tags


def page(title: str, sentences: list[str], extra_head: str = "") -> bytes:
    body = "".join(f"<p>{s}</p>" for s in sentences)
    return (f"<!DOCTYPE html><html lang=\"ar\"><head><meta charset=\"utf-8\"><title>{title}</title>{extra_head}"
            f"</head><body><article><h1>{title}</h1>{body}</article></body></html>").encode("utf-8")


def write_warc(path: Path, gz: bool = True, tag: str = "") -> None:
    """Three pages (one captured twice), a revisit, an image, a 404 page, and a request record;
    `tag` is added to every title (another capture of other pages)."""
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=gz)

        def response(url: str, body: bytes, date: str, ctype: str = "text/html; charset=utf-8",
                     status: str = "200 OK") -> None:
            body = body.replace("</title>".encode(), f"{tag}</title>".encode())
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                                warc_headers_dict={"WARC-Date": date}))

        response("https://sabq.org/farms", page("خطة أولى لدعم المزارعين", FARMS[:1]), "2015-07-01T08:00:00Z")
        response("https://sabq.org/farms", page("خطة جديدة لدعم المزارعين", FARMS), "2015-07-02T08:00:00Z")
        response("https://sabq.org/books", page("مهرجان للكتاب في الساحة العامة",
                                                ["السبت 4 تموز 2015"] + BOOKS), "2015-07-05T09:00:00Z")
        # the text states a day after the capture: not a publication date
        response("https://sabq.org/late", page("موعد افتتاح المكتبة الجديدة",
                                               ["الأحد 20 أيلول 2015"] + LIBRARY), "2015-08-01T09:00:00Z")
        response("https://sabq.org/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(40), "2015-07-05T09:00:01Z", "image/png")
        response("https://sabq.org/missing", page("صفحة غير موجودة", BOOKS[:1]), "2015-07-05T09:00:02Z",
                 status="404 Not Found")
        w.write_record(w.create_revisit_record("https://sabq.org/books", digest="sha1:AAAAAAAAAAAAAAAAAAAA",
                                               refers_to_uri="https://sabq.org/books",
                                               refers_to_date="2015-07-05T09:00:00Z"))
        req = StatusAndHeaders("GET /books HTTP/1.1", [("Host", "sabq.org")], is_http_request=True)
        w.write_record(w.create_warc_record("https://sabq.org/books", "request", payload=io.BytesIO(b""),
                                            http_headers=req))


JSONL_ROWS = [
    {"uid": "r-1", "headline": "اجتماع موسع لبحث الخدمات العامة", "credit": "الرياض - خالد العتيبي",
     "body": ["وقال مسؤول محلي إن الاجتماع تناول سبل تحسين الخدمات في الأحياء الجديدة.",
              "وأضاف أن اللجنة ستعقد جلسة ثانية في الأسبوع المقبل."],
     "published": "2015-07-05T10:00:00", "link": "https://www.okaz.com.sa/news/2"},
    {"uid": "r-2", "headline": "خطة حكومية لدعم المزارعين", "credit": "واس - الرياض",
     "body": FARMS, "published": "05/07/2015", "link": "https://sabq.org/news/3", "site": "سبق"},
]
EXPORTS_YML = """exports:
  - files: "*.jsonl"
    key: uid
    title: headline
    text: body
    date: published
    byline: credit
    url: link
    outlet: site
  - files: "*.csv"
    key: رقم
    title: العنوان
    text: النص
    author: الكاتب
    outlet_id: sabq
"""
CSV_TEXT = ("رقم,العنوان,النص,الكاتب\n"
            f"7,مهرجان للكتاب في الساحة العامة,\"{BOOKS[0]}\n{BOOKS[1]}\",سارة القحطاني\n"
            f"8,خطة جديدة لدعم المزارعين,{FARMS[0]}\n"  # a column missing
            f"9,افتتاح جسر جديد فوق النهر,{BRIDGE[0]},سلمان الحربي\n")
MARKDOWN = f"""---
title: تاريخ المكتبات العامة
date: 2015-08-01
outlet: okaz
author: ليلى الشمري
---
# عنوان داخل النص

{LIBRARY[0]} **{LIBRARY[1]}**
"""


def make_corpus(corpus: Path, damaged: bool) -> None:
    write_files(corpus, {
        "pages/full.html": FULL_PAGE,
        "pages/bare.html": BARE_PAGE,
        "exports/news.jsonl": "\n".join(json.dumps(r, ensure_ascii=False) for r in JSONL_ROWS) + "\n",
        "exports/news.csv": CSV_TEXT.replace(f"8,خطة جديدة لدعم المزارعين,{FARMS[0]}\n", ""),
        "notes/library.md": MARKDOWN,
    })
    write_warc(corpus / "crawl.warc.gz")
    if damaged:
        write_files(corpus, {
            "pages/broken.html": BROKEN_PAGE,
            "exports/news.csv": CSV_TEXT,
            "exports/bad.jsonl": json.dumps(dict(JSONL_ROWS[0], uid="r-3", body=BOOKS), ensure_ascii=False)
            + "\n{\"uid\": \"r-9\", \"headline\": \n",
            "exports/bad.json": "[{\"title\": \"عنوان\", \"text\": \"نص\"},\n {\"title\": }]\n",
            "notes/bad.md": "---\ntitle: عنوان\ndate: 2015-02-30\ncolour: أحمر\n---\n" + LIBRARY[0] + "\n",
        })
        write_cut_warc(corpus / "cut.warc.gz")


def config_with_mapping(folder: Path) -> Path:
    cfg = folder / "site_config"
    shutil.copytree(ROOT / "site_config", cfg, ignore=shutil.ignore_patterns("theme"))
    (cfg / "exports.yml").write_text(EXPORTS_YML, encoding="utf-8")
    return cfg


def front(md: Path) -> dict:
    text = md.read_text(encoding="utf-8")
    return yaml.safe_load(text[4:text.index("\n---\n", 4)])


def articles(built: BuiltSite) -> dict[str, dict]:
    return {p.stem: front(p) for p in (built.content / "articles").glob("*.md")}


@pytest.fixture(scope="module")
def damaged(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    tmp = tmp_path_factory.mktemp("ingest-damaged")
    make_corpus(tmp / "corpus", damaged=True)
    return run_build(tmp / "corpus", config_with_mapping(tmp), tmp / "content")


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    tmp = tmp_path_factory.mktemp("ingest-clean")
    make_corpus(tmp / "corpus", damaged=False)
    return run_build(tmp / "corpus", config_with_mapping(tmp), tmp / "content", tmp / "site")


def stderr_lines(built: BuiltSite, prefix: str) -> list[str]:
    return [ln for ln in built.stderr.splitlines() if ln.startswith(prefix)]


# ---- every kind builds, with mkdocs --strict, exit 0 --------------------------------------------

def test_every_input_kind_builds_a_site(clean: BuiltSite) -> None:
    assert clean.returncode == 0, clean.stderr
    assert clean.stdout.startswith("built 10 articles, "), clean.stdout
    assert re.search(r", 0 skipped, 0 config problems;", clean.stdout), clean.stdout
    assert (clean.site / "index.html").is_file()


def test_saved_page_takes_its_metadata_and_says_so(clean: BuiltSite) -> None:
    art = articles(clean)["pages-full"]
    assert art["title"] == "افتتاح جسر جديد فوق النهر"
    assert art["date"] == "2015-07-03"
    assert art["outlet_id"] == "okaz"
    md = (clean.content / "articles" / "pages-full.md").read_text(encoding="utf-8")
    assert "سلمان الحربي" in md
    assert "[الصفحة الأصلية](https://www.okaz.com.sa/news/local/100)" in md
    text = md.split("## النص", 1)[1]
    assert "الرئيسية" not in text and "جميع الحقوق" not in text  # menus and footer left out
    report = (clean.content / "report.md").read_text(encoding="utf-8")
    line = next(ln for ln in report.splitlines() if ln.startswith("- `corpus/pages/full.html`") or "pages/full.html`" in ln)
    assert "من بيانات الصفحة: <bdi lang=\"en\" dir=\"ltr\">title, author, outlet, date, source\\_url</bdi>" in line


def test_page_without_metadata_is_read_from_its_text(clean: BuiltSite) -> None:
    art = articles(clean)["pages-bare"]
    assert art["title"] == "مهرجان للكتاب في الساحة العامة"
    assert art["date"] == "2015-07-12"
    assert "outlet_id" not in art or art["outlet_id"] is None


def test_extract_cli_gives_the_provenance_of_each_value(tmp_path: Path) -> None:
    from conftest import write_files as put
    put(tmp_path, {"full.html": FULL_PAGE, "bare.html": BARE_PAGE})
    cfg, _ = load_site_config(ROOT / "site_config")
    full, _ = ingest.extract_unit(ingest.expand(tmp_path / "full.html", "full.html", "full.html", cfg).units[0], cfg)
    bare, _ = ingest.extract_unit(ingest.expand(tmp_path / "bare.html", "bare.html", "bare.html", cfg).units[0], cfg)
    assert full.provenance() == {"title": "page metadata", "date": "page metadata", "outlet": "page metadata",
                                 "author": "page metadata", "source_url": "page metadata"}
    assert bare.provenance() == {"title": "text", "date": "text"}
    assert full.to_json()["provenance"] == full.provenance()


# ---- WARC ----------------------------------------------------------------------------------------

def test_warc_gives_one_article_per_html_page_the_latest_capture(clean: BuiltSite) -> None:
    arts = {a["source"]: a for a in articles(clean).values()}
    captured = sorted(s for s in arts if s.startswith("corpus/crawl.warc.gz#") or "crawl.warc.gz#" in s)
    assert [s.split("#", 1)[1] for s in captured] == ["https://sabq.org/books", "https://sabq.org/farms",
                                                      "https://sabq.org/late"]
    farms = next(a for s, a in arts.items() if s.endswith("#https://sabq.org/farms"))
    assert farms["title"] == "خطة جديدة لدعم المزارعين"  # the capture of 2 July, not the one of 1 July
    assert farms["outlet_id"] == "sabq"  # the host, in outlets.yml


def test_warc_records_are_counted_in_the_report(clean: BuiltSite) -> None:
    line = ("WARC capture: records read: 8, HTML pages: 3, older captures of a page replaced by a later "
            "one: 1, revisits skipped: 1, non-HTML responses skipped: 1, redirects and error responses "
            "skipped: 1, other records (requests, warcinfo, metadata): 1")
    assert stderr_lines(clean, "read ") and any(ln.endswith("crawl.warc.gz: " + line)
                                                for ln in stderr_lines(clean, "read "))
    report = (clean.content / "report.md").read_text(encoding="utf-8")
    assert "## ملفات الالتقاط والتصدير" in report
    assert "records read: 8, HTML pages: 3" in report


def test_capture_time_bounds_the_date(clean: BuiltSite) -> None:
    late = next(a for a in articles(clean).values() if a["source"].endswith("#https://sabq.org/late"))
    assert late.get("date") in (None, "")
    warned = [ln for ln in clean.stderr.splitlines() if "#https://sabq.org/late:" in ln]
    corpus = (clean.content.parent / "corpus").as_posix()
    assert warned == [f"warning {corpus}/{late['source']}: date 2015-09-20 read from the text is later than the "
                      "capture (2015-08-01): it was dropped"]
    books = next(a for a in articles(clean).values() if a["source"].endswith("#https://sabq.org/books"))
    assert books["date"] == "2015-07-04"


def test_warc_is_streamed_not_unpacked(tmp_path: Path) -> None:
    write_warc(tmp_path / "c.warc", gz=False)
    cfg, _ = load_site_config(ROOT / "site_config")
    plain = ingest.expand(tmp_path / "c.warc", "c.warc", "c.warc", cfg)
    assert [u.meta["url"] for u in plain.units] == ["https://sabq.org/books", "https://sabq.org/farms",
                                                    "https://sabq.org/late"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.warc"]


# ---- exports -------------------------------------------------------------------------------------

def test_jsonl_export_fields_win_and_ids_come_from_file_and_key(clean: BuiltSite) -> None:
    arts = articles(clean)
    one, two = arts["exports-news-r-1"], arts["exports-news-r-2"]
    assert one["title"] == "اجتماع موسع لبحث الخدمات العامة"
    assert one["date"] == "2015-07-05" and one["outlet_id"] == "okaz"  # outlet from the url's domain
    assert two["date"] == "2015-07-05" and two["outlet_id"] == "sabq"  # outlet from the field
    md = (clean.content / "articles" / "exports-news-r-1.md").read_text(encoding="utf-8")
    assert "خالد العتيبي" in md  # the person of the byline field is the author
    assert "واس" in two.get("wire", [])


def test_csv_export_with_mapping(clean: BuiltSite) -> None:
    arts = articles(clean)
    assert arts["exports-news-7"]["title"] == "مهرجان للكتاب في الساحة العامة"
    assert arts["exports-news-7"]["outlet_id"] == "sabq"  # outlet_id of the mapping
    assert "سارة القحطاني" in (clean.content / "articles" / "exports-news-7.md").read_text(encoding="utf-8")
    assert "exports-news-9" in arts


def test_markdown_front_matter_is_a_sidecar(clean: BuiltSite) -> None:
    art = articles(clean)["notes-library"]
    assert art["title"] == "تاريخ المكتبات العامة" and art["date"] == "2015-08-01" and art["outlet_id"] == "okaz"
    md = (clean.content / "articles" / "notes-library.md").read_text(encoding="utf-8")
    assert "ليلى الشمري" in md and LIBRARY[1] in md and f"**{LIBRARY[1]}" not in md


def test_same_inputs_give_byte_identical_content(clean: BuiltSite, tmp_path: Path) -> None:
    folder = clean.content.parent
    again = run_build(folder / "corpus", folder / "site_config", tmp_path / "content")
    first = {p.relative_to(clean.content).as_posix(): p.read_bytes() for p in clean.content.rglob("*") if p.is_file()}
    second = {p.relative_to(again.content).as_posix(): p.read_bytes() for p in again.content.rglob("*") if p.is_file()}
    assert first == second


# ---- damaged input of every kind: named with file and record, nothing else lost -----------------

def shown(built: BuiltSite) -> list[str]:
    """stderr with the temporary corpus folder written "corpus", as in the project."""
    corpus = (built.content.parent / "corpus").as_posix()
    return built.stderr.replace(corpus, "corpus").splitlines()


def test_damaged_inputs_are_named_with_file_and_record(damaged: BuiltSite) -> None:
    cut = damaged.content.parent / "corpus" / "cut.warc.gz"
    starts = gzip_member_offsets(cut)
    skipped = sorted(ln for ln in shown(damaged) if ln.startswith("skipped "))
    assert skipped == sorted([
        "skipped corpus/cut.warc.gz: damaged WARC: the gzip data is cut short in the record compressed "
        f"at byte {starts[-1]}; the {len(starts) - 1} record(s) before the cut were read",
        "skipped corpus/exports/bad.json: not valid JSON (Expecting value at line 2 column 12)",
        "skipped corpus/exports/bad.jsonl:2: not valid JSON (Expecting value at column 28)",
        "skipped corpus/exports/news.csv:4: row has 3 of 4 columns (missing: الكاتب)",
    ]), damaged.stderr
    assert "warning corpus/pages/broken.html: damaged HTML: the page stops before its closing </html> tag; " \
           "the text it holds was kept" in shown(damaged)
    assert "config error: corpus/notes/bad.md:3: [date] '2015-02-30' is not a real date: February 2015 has 28 days" \
           in shown(damaged)
    assert "config error: corpus/notes/bad.md:4: [colour] unknown key (known keys: add_entities, author, date, " \
           "outlet, remove_entities, source_url, title, topics)" in shown(damaged)


def write_cut_warc(path: Path) -> None:
    """A capture of other pages (tagged titles) whose gzip data stops half way."""
    write_warc(path, tag=" (2)")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def gzip_member_offsets(path: Path) -> list[int]:
    """Where each gzip member of a file starts (read with the standard library, for the expected message)."""
    import zlib
    data, starts, pos = path.read_bytes(), [], 0
    while pos < len(data):
        starts.append(pos)
        d = zlib.decompressobj(wbits=31)
        d.decompress(data[pos:])
        if not d.eof:
            break
        pos = len(data) - len(d.unused_data)
    return starts


def test_damage_loses_nothing_else_and_exits_1(damaged: BuiltSite, clean: BuiltSite) -> None:
    assert damaged.returncode == 1
    got = set(articles(damaged))
    assert set(articles(clean)) <= got  # every article of the whole files is still built
    assert {"pages-broken", "notes-bad", "exports-bad-r-3"} <= got
    assert len([a for a in got if a.startswith("cut-")]) == 2  # the records before the cut
    report = (damaged.content / "report.md").read_text(encoding="utf-8")
    assert (damaged.content.parent / "corpus").as_posix() not in report  # paths inside the corpus only
    for source in ("cut.warc.gz", "exports/bad.json", "exports/bad.jsonl:2", "exports/news.csv:4"):
        assert f"- `{source}` — " in report


# ---- helpers and configuration -------------------------------------------------------------------

def test_registry_reads_each_extension() -> None:
    assert [ingest.kind_of(n) for n in ("a.TXT", "a.html", "a.htm", "a.md", "a.warc", "a.WARC.GZ", "a.jsonl",
                                        "a.json", "a.csv", "a.gz", "a.yml")] == [
        "text", "html", "html", "markdown", "warc", "warc", "export", "export", "export", None, None]


def test_outlet_from_id_name_or_domain_and_dates_from_common_forms() -> None:
    cfg, _ = load_site_config(ROOT / "site_config")
    assert [outlet_for(v, cfg.registry) for v in ("okaz", "عكاظ", "https://www.okaz.com.sa/x", "sabq.org",
                                                  "موقع لا يعرفه أحد", None)] == [
        "okaz", "okaz", "okaz", "sabq", None, None]
    assert [iso_date(v) for v in ("2015-07-03", "2015-07-03T10:00:00+03:00", "2015/7/3", "03/07/2015",
                                  "2015-02-30", "أمس")] == [
        "2015-07-03", "2015-07-03", "2015-07-03", "2015-07-03", None, None]


def test_mapping_problems_name_file_line_and_key(tmp_path: Path) -> None:
    (tmp_path / "exports.yml").write_text(
        "exports:\n  - files: \"*.csv\"\n    titel: headline\n  - title: t\n  - files: \"*.jsonl\"\n"
        "    outlet_id: nowhere\n", encoding="utf-8")
    cfg, _ = load_site_config(ROOT / "site_config")
    mappings, problems = load_mappings(tmp_path, cfg.registry)
    shown = tmp_path.as_posix() + "/exports.yml"
    assert [str(p) for p in problems] == [
        f"{shown}:3: [exports[0].titel] unknown key (known keys: author, byline, date, files, key, outlet, "
        "outlet_id, text, title, url)",
        f"{shown}:4: [exports[1].files] required key is missing",
        f"{shown}:6: [exports[2].outlet_id] unknown outlet id 'nowhere' (outlets are listed in outlets.yml)",
    ]
    assert mappings == []


def test_json_array_export_with_nested_fields_and_an_empty_row(tmp_path: Path) -> None:
    from generator.ingest.export import expand_export
    from generator.ingest.mapping import ExportMapping
    rows = [{"meta": {"id": "k1", "headline": "خطة جديدة لدعم المزارعين"}, "body": FARMS},
            {"meta": {"id": "k2", "headline": ""}, "body": ""}]
    (tmp_path / "a.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    mapping = ExportMapping("*.json", {"key": "meta.id", "title": "meta.headline", "text": "body"})
    got = expand_export(tmp_path / "a.json", "corpus/a.json", "a.json", mapping)
    assert [(u.source, u.rel, u.meta["title"]) for u in got.units] == [
        ("corpus/a.json[0]", "a/k1", "خطة جديدة لدعم المزارعين")]
    assert got.units[0].meta["text"] == "\n\n".join(FARMS)
    assert [(s.source, s.reason) for s in got.skipped] == [
        ("corpus/a.json[1]", "no text: the field 'body' is empty or missing")]
    assert got.note is not None and got.note.text() == "JSON export: rows read: 2, rows to extract: 1, rows skipped: 1"


def test_sidecar_beside_a_saved_page_wins_over_its_metadata(tmp_path: Path) -> None:
    write_files(tmp_path, {"full.html": FULL_PAGE, "full.yml": "outlet: sabq\ntitle: عنوان صححه المنسق\n"})
    cfg, _ = load_site_config(ROOT / "site_config")
    unit = ingest.expand(tmp_path / "full.html", "corpus/full.html", "full.html", cfg).units[0]
    art, problems = ingest.extract_unit(unit, cfg)
    assert problems == []
    assert (art.title, art.outlet.id, art.date) == ("عنوان صححه المنسق", "sabq", "2015-07-03")
    assert art.provenance()["title"] == "sidecar" and art.provenance()["date"] == "page metadata"
