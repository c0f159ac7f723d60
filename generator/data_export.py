"""The archive as data: CSV and JSON Lines files with a schema page, and Atom feeds.

    render_data(ctx, site_url=None) -> list[Output]    data/*.csv, data/*.jsonl.gz, data/index.md
    render_feeds(ctx, site_url=None) -> list[Output]   feeds/archive.xml and one feed per topic,
                                                        outlet and entity (newest FEED_SIZE dated articles)
    configured_site_url(project) -> str | None         mkdocs.yml's site_url (an `!ENV` value is read
                                                        from the environment, as MkDocs reads it)

Files are written through the same writer as the pages (UTF-8, "\\n" line ends), rows in a fixed
order, so a second build with the same inputs writes nothing. CSV is written by the csv module
(RFC 4180 quoting), list values joined with LIST_SEP; JSON Lines by json (one object a line,
UTF-8, not ASCII-escaped). Feeds are made by feedgen (Atom 1.0); each entry's `updated` is the
article's date (midnight UTC), the feed's is its newest entry's, never the build time. Undated
articles are in the data files but in no feed (an Atom entry must have a date).

Without a site_url, URLs in the data files are relative to the site root ("articles/x/"), feed
links are relative to the feed's own place, and feed ids are `urn:uuid:` names derived from the
page's path (uuid5), stable across builds; with one, all of them are full URLs.
"""
from __future__ import annotations

import csv
import datetime as _dt
import io
import itertools
import json
import os
import re
import uuid
from pathlib import Path
from typing import Any, Callable, Iterable

from feedgen.feed import FeedGenerator

from generator.context import Context
from generator.dates_ar import month_label, number, parse_iso, shown
from generator.model import Article
from generator.plurals import count_phrase
from generator.pages import SITE_NAME, Output, escape_inline, link, page
from generator.writer import gzipped
from generator.reuse_pages import story_title
from generator.urls import Urls

FEED_SIZE = 50
LIST_SEP = "|"
SUMMARY_CHARS = 300

ARTICLE_FIELDS: list[tuple[str, str]] = [
    ("id", "معرّف المقال الثابت (من اسم ملفه في المدخلات)"),
    ("url", "رابط صفحته في الموقع"),
    ("title", "العنوان"),
    ("date", "تاريخ النشر YYYY-MM-DD، فارغ إن لم يُعرف"),
    ("date_not_before", "لمقال غير مؤرخ: أقدم تاريخ ممكن"),
    ("outlet_id", "معرّف المصدر"),
    ("outlet", "اسم المصدر"),
    ("author", "الكاتب"),
    ("wire", "الوكالات المذكورة (قائمة)"),
    ("topics", "معرّفات الموضوعات (قائمة)"),
    ("entities", "معرّفات الأسماء الواردة (قائمة؛ انظر entities.csv)"),
    ("story", "معرّف القصة التي ينتمي إليها، إن وُجدت (انظر ملفات القصص stories-*.jsonl.gz)"),
    ("words", "عدد كلمات النص"),
    ("source", "ملف المدخلات"),
]
ENTITY_FIELDS: list[tuple[str, str]] = [
    ("id", "معرّف الاسم الثابت"),
    ("type", "person أو place أو organization"),
    ("name", "الاسم المعتمد"),
    ("aliases", "أسماء أخرى (قائمة)"),
    ("latin", "بالحروف اللاتينية"),
    ("wikidata", "معرّف ويكي بيانات"),
    ("found", "true إن وجده المحلل آلياً ولم يراجعه أحد"),
    ("articles", "عدد المقالات التي تذكره"),
    ("mentions", "عدد مرات ذكره"),
    ("first_seen", "أول تاريخ ظهر فيه"),
    ("last_seen", "آخر تاريخ ظهر فيه"),
    ("url", "رابط صفحته في الموقع"),
]
STORY_FIELDS: list[tuple[str, str]] = [
    ("id", "معرّف القصة (معرّف أول مقال فيها)"),
    ("url", "رابط صفحتها"),
    ("title", "عنوان القصة (أول عنوان نشرته إحدى نسخها)"),
    ("first_date / last_date", "أول تاريخ وآخره بين نسخها المؤرخة"),
    ("shared_entities", "الأسماء التي تذكرها كل النسخ"),
    ("versions", "النسخ، الأقدم أولاً: id، outlet_id، outlet، date، title، words، own_entities "
                 "(ما تنفرد به النسخة من أسماء)"),
    ("same_text", "أزواج النسخ التي هي نص واحد: a، b، shared (نسبة النص المشترك)"),
]
QUOTATION_FIELDS: list[tuple[str, str]] = [
    ("id", "معرّف النص المشترك"),
    ("text", "النص كما نشره أول مقال"),
    ("speaker", "معرّف قائله إن ذكره النص"),
    ("quoted", "true إن ورد بين علامات تنصيص في مقال واحد على الأقل"),
    ("occurrences", "مواضع وروده، الأقدم أولاً: article، start، end (مواضع الأحرف في النص)، speaker، quoted"),
]


# ---- site URL ------------------------------------------------------------------------------------

_ENV = re.compile(r"!ENV\s+\[?\s*([A-Za-z_][A-Za-z0-9_]*)")


def configured_site_url(project: Path) -> str | None:
    """The `site_url` of `project`/mkdocs.yml, or None when it is not set. `site_url: !ENV NAME`
    (or `!ENV [NAME, default]`) is read from the environment variable NAME, as MkDocs reads it."""
    try:
        text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    except OSError:
        return None
    for line in text.splitlines():
        if not line.startswith("site_url:"):
            continue
        value = line.split(":", 1)[1].split(" #", 1)[0].strip()
        m = _ENV.match(value)
        if m:
            value = os.environ.get(m.group(1), "")
        value = value.strip().strip("'\"")
        return value if re.match(r"https?://", value) else None
    return None


def _url(site_url: str | None, path: str) -> str:
    return Urls.absolute(site_url, path) if site_url else (Urls.page_url(path) if path.endswith(".md") else path)


# ---- data files ----------------------------------------------------------------------------------

def article_rows(ctx: Context, site_url: str | None = None) -> list[dict[str, Any]]:
    """One dict per article (newest first, undated last), keys as ARTICLE_FIELDS; lists as lists."""
    rows = []
    for a in ctx.articles:
        story = ctx.reuse.story_of.get(a.id)
        rows.append({
            "id": a.id, "url": _url(site_url, ctx.urls.article(a.id)), "title": a.title,
            "date": a.date if parse_iso(a.date) else None,
            "date_not_before": None if parse_iso(a.date) else a.date_not_before,
            "outlet_id": a.outlet.id if a.outlet else None, "outlet": a.outlet.name if a.outlet else None,
            "author": a.author, "wire": list(a.wire), "topics": list(a.topics),
            "entities": [e.id for e in a.entities if e.id in ctx.entities],
            "story": story.id if story else None, "words": len(a.body.split()), "source": a.source,
        })
    return rows


def _csv(header: list[str], rows: Iterable[dict[str, Any]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for row in rows:
        out = []
        for key in header:
            v = row.get(key)
            if isinstance(v, list):
                v = LIST_SEP.join(str(x) for x in v)
            elif isinstance(v, bool):
                v = "true" if v else "false"
            out.append("" if v is None else str(v).replace("\r", " ").replace("\n", " "))
        w.writerow(out)
    return buf.getvalue()


def _jsonl(rows: Iterable[dict[str, Any]]) -> bytes:
    """JSON Lines, gzipped with no time stamp (the same rows give the same bytes). Gzipped because
    they are for programs, which read .jsonl.gz as they read .jsonl (pandas.read_json infers the
    compression from the name), and because a seventh of the bytes keeps a large archive under
    GitHub Pages' 1 GB: the article files alone were 0.9 KB an article. The CSV files, for
    spreadsheets, stay plain."""
    return gzipped("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8"))


def entity_rows(ctx: Context, site_url: str | None = None) -> list[dict[str, Any]]:
    """One dict per entity with a page (sorted by id), keys as ENTITY_FIELDS."""
    return [{
        "id": info.id, "type": info.type, "name": info.name, "aliases": list(info.aliases),
        "latin": info.latin, "wikidata": info.wikidata, "found": info.found,
        "articles": len(info.articles), "mentions": info.mentions,
        "first_seen": info.first_seen, "last_seen": info.last_seen,
        "url": _url(site_url, ctx.urls.entity(info.type, info.id)),
    } for info in ctx.entities.values()]


def story_rows(ctx: Context, site_url: str | None = None) -> list[dict[str, Any]]:
    """One dict per story (first article oldest first), keys as STORY_FIELDS."""
    rows = []
    for s in ctx.reuse.stories:
        dated = [a.date for a in s.articles if parse_iso(a.date)]
        ids = {a.id for a in s.articles}
        rows.append({
            "id": s.id, "url": _url(site_url, ctx.urls.story(s.id)), "title": story_title(s),
            "first_date": min(dated) if dated else None, "last_date": max(dated) if dated else None,
            "shared_entities": s.shared,
            "versions": [{"id": a.id, "outlet_id": a.outlet.id if a.outlet else None,
                          "outlet": a.outlet.name if a.outlet else None,
                          "date": a.date if parse_iso(a.date) else None, "title": a.title,
                          "words": len(a.body.split()), "own_entities": s.own_entities(a.id)}
                         for a in s.articles],
            "same_text": [{"a": v.a, "b": v.b, "shared": v.shared}
                          for v in ctx.reuse.versions if v.a in ids and v.b in ids],
        })
    return rows


def quotation_rows(ctx: Context) -> list[dict[str, Any]]:
    """One dict per shared quotation or passage (first appearance first), keys as QUOTATION_FIELDS."""
    return [{
        "id": q.id, "text": q.text, "speaker": q.speaker, "quoted": q.quoted,
        "occurrences": [{"article": o.article.id, "start": o.start, "end": o.end,
                         "speaker": o.speaker, "quoted": o.quoted} for o in q.occurrences],
    } for q in ctx.reuse.quotations]


DATA_PART_ROWS = 5000  # rows a data file holds at most when its year can be split by month


def data_parts(rows: list[dict[str, Any]],
               date_of: Callable[[dict[str, Any]], str | None]) -> list[tuple[str, list[dict[str, Any]]]]:
    """`rows` split into the parts of a data file: one part per year of `date_of(row)` (an ISO
    date or None: "2015"), a year of more than DATA_PART_ROWS rows split by month ("2015-09"), and the rows with
    no date in "undated". Returns [(part, rows)], newest part first, "undated" last; rows keep their
    order. Parts by date, not of a fixed size, so that an added article changes the articles file
    of its year only (entities.csv, and the stories and quotations it joins, change too) instead of
    shifting every later part: a 50,000-article archive gave a 42.7 MB articles.jsonl in one piece,
    and GitHub Pages refuses files over 100 MB and warns over 50 (its limits page); a part stays in
    the hundreds of rows to a few MB. A year's file gives way to monthly files once the year passes
    DATA_PART_ROWS rows (the data page lists the files there are); a single month of more rows
    stays one part."""
    years: dict[str, list[dict[str, Any]]] = {}
    undated: list[dict[str, Any]] = []
    for row in rows:
        d = parse_iso(date_of(row))
        (years.setdefault(f"{d.year:04d}", []) if d else undated).append(row)
    parts: list[tuple[str, list[dict[str, Any]]]] = []
    for year in sorted(years, reverse=True):
        ys = years[year]
        if len(ys) <= DATA_PART_ROWS:
            parts.append((year, ys))
            continue
        months: dict[str, list[dict[str, Any]]] = {}
        for row in ys:
            months.setdefault(str(date_of(row))[:7], []).append(row)
        parts += [(m, months[m]) for m in sorted(months, reverse=True)]
    if undated:
        parts.append(("undated", undated))
    return parts


def part_name(stem: str, part: str, ext: str) -> str:
    """The file name of one part of a data file ("articles", "2015", "csv" → "articles-2015.csv")."""
    return f"{stem}-{part}.{ext}"


def render_data(ctx: Context, site_url: str | None = None) -> list[Output]:
    """The data files and their schema page: articles (CSV and JSON Lines), quotations and stories
    (JSON Lines) in parts by date (`data_parts`), entities.csv whole (one row per name, not per
    article)."""
    urls = ctx.urls
    arts = article_rows(ctx, site_url)
    ents = entity_rows(ctx, site_url)
    dates = {a["id"]: a["date"] for a in arts}

    def first_appearance(q: dict[str, Any]) -> str | None:
        return dates.get(q["occurrences"][0]["article"]) if q["occurrences"] else None

    art_parts = data_parts(arts, lambda a: a["date"])
    quote_parts = data_parts(quotation_rows(ctx), first_appearance)
    story_parts = data_parts(story_rows(ctx, site_url), lambda s: s["first_date"])
    outs = [Output(urls.data_file("entities.csv"), _csv([k for k, _ in ENTITY_FIELDS], ents), "data entities.csv")]
    header = [k for k, _ in ARTICLE_FIELDS]
    for part, rows in art_parts:
        for ext, text in (("csv", _csv(header, rows)), ("jsonl.gz", _jsonl(rows))):
            name = part_name("articles", part, ext)
            outs.append(Output(urls.data_file(name), text, f"data {name}"))
    for part, rows in quote_parts:
        name = part_name("quotations", part, "jsonl.gz")
        outs.append(Output(urls.data_file(name), _jsonl(rows), f"data {name}"))
    for part, rows in story_parts:
        name = part_name("stories", part, "jsonl.gz")
        outs.append(Output(urls.data_file(name), _jsonl(rows), f"data {name}"))
    parts = {"articles": [(p, len(r)) for p, r in art_parts], "quotations": [(p, len(r)) for p, r in quote_parts],
             "stories": [(p, len(r)) for p, r in story_parts]}
    return outs + [render_data_page(ctx, parts)]


def _field_table(fields: list[tuple[str, str]]) -> list[str]:
    lines = ["| الحقل | معناه |", "|---|---|"]
    lines += [f"| `{k}` | {escape_inline(v)} |" for k, v in fields]
    return lines + [""]


def _part_label(part: str) -> str:
    if part == "undated":
        return "غير مؤرخة"
    return month_label(int(part[:4]), int(part[5:7])) if len(part) == 7 else shown(part)


def render_data_page(ctx: Context, parts: dict[str, list[tuple[str, int]]]) -> Output:
    """The data page: how to read the files, the parts of each (`parts`: file stem → [(part, rows)]
    as `data_parts` made them) with their row counts, and each file's fields."""
    here = ctx.urls.data_page()

    def f(name: str) -> str:
        return link(name, Urls.link(here, ctx.urls.data_file(name)))

    def part_lines(stem: str, exts: tuple[str, ...], what: str) -> list[str]:
        listed = parts.get(stem) or []
        if not listed:
            return ["لا ملفات بعد.", ""]
        return [f"- {_part_label(part)}: " + " · ".join(f(part_name(stem, part, e)) for e in exts)
                + f" — {count_phrase(n, what)}" for part, n in listed] + [""]

    example = [part_name("articles", p, "csv") for p, _ in (parts.get("articles") or [])[:2]] or ["articles-2015.csv"]
    lines = ["# الأرشيف بيانات", "",
             "ملفات يقرؤها الباحث في pandas أو في جدول بيانات دون أن يجمع صفحات الموقع. كلها بترميز UTF-8؛ "
             f"القوائم في ملفات CSV مفصولة بالعلامة `{LIST_SEP}`، وفي ملفات JSON Lines قوائم JSON. "
             "ملفات JSON Lines مضغوطة بـ gzip (`.jsonl.gz`)، يقرؤها pandas كما هي: "
             "`pd.read_json(p, lines=True)`. "
             "الروابط نسبية إلى جذر الموقع ما لم يُضبط `site_url`.", "",
             "المقالات والنصوص المشتركة والقصص في ملف لكل سنة (ولكل شهر في سنة تزيد على "
             f"{count_phrase(DATA_PART_ROWS, 'row')})، وما لا تاريخ له في ملف «undated»؛ "
             "فلا يكبر ملف مع نمو الأرشيف، ولا يغيّر المقال المضاف من ملفات المقالات إلا ملف سنته "
             "(ويحل محل ملف السنة ملف لكل شهر حين تتجاوز الحد، فالقائمة أدناه هي المرجع). "
             "يقرأ المثال التالي ملفات السنوات التي يختارها الباحث من القائمة أدناه معاً:", "",
             "```python", "import pandas as pd",
             f"parts = {example!r}",
             "articles = pd.concat(pd.read_csv(p, parse_dates=[\"date\"]) for p in parts)",
             "articles.groupby([\"outlet\", articles[\"date\"].dt.to_period(\"M\")]).size()", "```", "",
             "## المقالات", "",
             f"سطر لكل مقال ({number(len(ctx.articles))})، الأحدث أولاً، في ملفي CSV وJSON Lines بالحقول نفسها.", ""]
    lines += part_lines("articles", ("csv", "jsonl.gz"), "article")
    lines += _field_table(ARTICLE_FIELDS)
    lines += [f"## {f('entities.csv')}", "", f"سطر لكل اسم له صفحة ({number(len(ctx.entities))}).", ""]
    lines += _field_table(ENTITY_FIELDS)
    lines += ["## القصص", "", f"سطر لكل قصة ({number(len(ctx.reuse.stories))})، في سنة أول نسخة منها.", ""]
    lines += part_lines("stories", ("jsonl.gz",), "story")
    lines += _field_table(STORY_FIELDS)
    lines += ["## النصوص المشتركة", "",
              f"سطر لكل نص مشترك ({number(len(ctx.reuse.quotations))})، في سنة أول ظهور له.", ""]
    lines += part_lines("quotations", ("jsonl.gz",), "quotation")
    lines += _field_table(QUOTATION_FIELDS)
    lines += ["## خلاصات Atom", ""]
    if any(parse_iso(a.date) for a in ctx.articles):  # a feed needs a dated article
        lines.append(f"- {link('خلاصة الأرشيف', Urls.link(here, ctx.urls.feed()))}: أحدث {number(FEED_SIZE)} مقالاً مؤرخاً.")
    lines += [f"- لكل موضوع ومصدر واسم خلاصة بأحدث {number(FEED_SIZE)} مقالاً مؤرخاً، رابطها في صفحته.", ""]
    return Output(here, page([("title", "الأرشيف بيانات"), ("kind", "data")], lines), "data page")


# ---- feeds ---------------------------------------------------------------------------------------

def _when(a: Article) -> _dt.datetime:
    d = parse_iso(a.date)
    assert d is not None
    return _dt.datetime(d.year, d.month, d.day, tzinfo=_dt.timezone.utc)


def feed_xml(ctx: Context, path: str, title: str, page_path: str, arts: list[Article],
             site_url: str | None = None) -> str | None:
    """The Atom feed at `path` (inside content/) of the newest FEED_SIZE dated articles of `arts`
    (newest first), for the page at `page_path`; None when none of them is dated."""
    dated = list(itertools.islice((a for a in arts if parse_iso(a.date)), FEED_SIZE))
    if not dated:
        return None

    def href(p: str) -> str:
        return Urls.absolute(site_url, p) if site_url else Urls.from_file(path, Urls.page_url(p))

    def ident(p: str) -> str:
        return Urls.absolute(site_url, p) if site_url else f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'arshif:' + p)}"

    fg = FeedGenerator()
    fg.id(ident(path))
    fg.title(f"{SITE_NAME} — {title}")
    fg.link(href=href(page_path), rel="alternate")
    fg.link(href=Urls.absolute(site_url, path) if site_url else path.rsplit("/", 1)[-1], rel="self")
    fg.language("ar")
    fg.updated(_when(dated[0]))
    for a in dated:
        p = ctx.urls.article(a.id)
        fe = fg.add_entry(order="append")
        fe.id(ident(p))
        fe.title(a.title or a.id)
        fe.link(href=href(p), rel="alternate")
        fe.updated(_when(a))
        fe.published(_when(a))
        if a.outlet is not None:
            fe.author({"name": a.outlet.name})
        body = " ".join(a.body.split())
        fe.summary(body[:SUMMARY_CHARS] + (" …" if len(body) > SUMMARY_CHARS else ""))
    return fg.atom_str(pretty=True).decode("utf-8")


def render_feeds(ctx: Context, site_url: str | None = None) -> list[Output]:
    """The archive's feed and one per topic, outlet and entity (those with a dated article)."""
    urls = ctx.urls
    jobs: list[tuple[str, str, str, list[Article], str]] = [
        (urls.feed(), "كل المقالات", urls.home(), ctx.articles, "feed archive")]
    for tid, t in ctx.topics.items():
        jobs.append((urls.feed("topic", tid), t.name, urls.topic(tid), t.articles, f"feed topic {tid}"))
    for oid, o in ctx.outlets.items():
        jobs.append((urls.feed("outlet", oid), o.name, urls.outlet(oid), o.articles, f"feed outlet {oid}"))
    for eid, e in ctx.entities.items():
        jobs.append((urls.feed("entity", eid, e.type), e.name, urls.entity(e.type, eid), e.articles,
                     f"feed entity {eid}"))
    outs = []
    for path, title, page_path, arts, source in jobs:
        xml = feed_xml(ctx, path, title, page_path, arts, site_url)
        if xml is not None:
            outs.append(Output(path, xml, source))
    return outs


def feed_line(ctx: Context, here: str, kind: str, key: str = "", entity_type: str = "",
              arts: list[Article] | None = None) -> list[str]:
    """A page's line linking its Atom feed (empty when the page's articles have no date)."""
    if arts is not None and not any(parse_iso(a.date) for a in arts):
        return []
    target = Urls.link(here, ctx.urls.feed(kind, key, entity_type))
    return [f"- **خلاصة الأخبار:** [أحدث {number(FEED_SIZE)} مقالاً]({target})"]
