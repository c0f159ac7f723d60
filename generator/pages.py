"""Every page of the site as Markdown with YAML front matter: pure functions from the context to text.

    render_site(ctx) -> list[Output]      one Output per page (path inside content/, text, source)

Pages are plain Markdown (no custom MkDocs plugin needed) linked to each other by relative links, so
MkDocs checks every link with --strict and the Markdown also reads on a code host. Text that comes from
an article or a curated file goes through `escape_inline`/`escape_line`, so nothing in it is read as
Markdown or HTML.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable
from urllib.parse import quote, urlsplit

import yaml

from generator.arabic import fold
from generator.context import Context, EntityInfo, collation_key, newest_first_key, sort_form
from generator.dates_ar import display_date, list_date, month_label, parse_iso
from generator.model import Article, EntityHit
from generator.urls import INDEX_KINDS, Urls

SITE_NAME = "أرشيف"
TYPE_LABELS = {"person": "الأشخاص", "place": "الأماكن", "organization": "المنظمات"}
TYPE_SINGULAR = {"person": "شخص", "place": "مكان", "organization": "منظمة"}
TYPE_ORDER = ("person", "place", "organization")
KIND_TYPES = {"people": "person", "places": "place", "organizations": "organization"}
LATEST_ON_HOME = 10
LIST_LIMIT = 100  # an entity, topic or outlet with more articles lists the newest and splits the rest by year
TOP_ON_HOME = 15


@dataclass(frozen=True)
class Output:
    path: str  # POSIX, relative to content/
    text: str
    source: str  # what the page was made from (named when two outputs want one path)


# ---- escaping ------------------------------------------------------------------------------------

_INLINE = str.maketrans({
    "\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "[": "\\[", "]": "\\]", "{": "\\{", "}": "\\}",
    "#": "\\#", "!": "\\!",
    "&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;", "~": "&#126;", "^": "&#94;", "$": "&#36;",
    "\r": " ", "\n": " ", "\t": " ", "\x00": "\ufffd",
})
_LEAD_LIST = re.compile(r"^(\d+)([.)])")
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")


def escape_inline(text: str) -> str:
    """Text shown literally inside a Markdown line: no emphasis, link, code, HTML or entity."""
    return _CONTROL.sub("\ufffd", text).translate(_INLINE)


def escape_line(text: str) -> str:
    """One whole line of text, shown literally as a paragraph (also neutralises what Markdown
    reads at a line start: headings, quotes, lists, rules, tables, indented code)."""
    return _line_start(escape_inline(text.strip()))


def _line_start(escaped: str) -> str:
    if not escaped:
        return escaped
    first = escaped[0]
    if first in "-+":
        return "\\" + escaped
    if first == "=":
        return "&#61;" + escaped[1:]
    if first == ":":
        return "&#58;" + escaped[1:]
    m = _LEAD_LIST.match(escaped)
    if m:
        return m.group(1) + "\\" + m.group(2) + escaped[m.end():]
    return escaped


def link(text: str, target: str) -> str:
    return f"[{escape_inline(text)}]({target})"


def safe_url(url: str | None) -> str | None:
    """An http(s) URL made safe to put in a Markdown link target, or None."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(url, safe=":/?#@!$&'*+,;=%~-._")


def front_matter(fields: list[tuple[str, Any]]) -> str:
    """YAML front matter with keys in the given order; values None are left out."""
    data = {k: v for k, v in fields if v is not None}
    dumped = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=1000)
    return "---\n" + dumped + "---\n\n"


def page(fields: list[tuple[str, Any]], lines: Iterable[str]) -> str:
    body = "\n".join(lines).rstrip("\n")
    text = front_matter(fields) + body + "\n"
    return re.sub(r"\n{3,}", "\n\n", text)


# ---- small shared pieces -------------------------------------------------------------------------

def article_item(ctx: Context, here: str, art: Article) -> str:
    """One list line: linked title — date · outlet."""
    parts = [list_date(art.date, art.date_not_before)]
    if art.outlet is not None:
        parts.append(art.outlet.name)
    meta = escape_inline(" · ".join(parts))
    return f"- {link(art.title or art.id, Urls.link(here, ctx.urls.article(art.id)))} — {meta}"


def entity_link(ctx: Context, here: str, eid: str) -> str:
    info = ctx.entities[eid]
    return link(info.name, Urls.link(here, ctx.urls.entity(info.type, eid)))


def article_list(ctx: Context, here: str, arts: Iterable[Article]) -> list[str]:
    items = [article_item(ctx, here, a) for a in arts]
    return items or ["لا مقالات بعد."]


def paged_articles(ctx: Context, here: str, title: str, arts: list[Article], source: str
                   ) -> tuple[list[str], list[Output]]:
    """The article list of a page (newest first). Past LIST_LIMIT articles the page shows the
    newest ones and links one sub-page per year (and one for undated articles) holding all of them."""
    if len(arts) <= LIST_LIMIT:
        return article_list(ctx, here, arts), []
    groups: dict[str, list[Article]] = {}
    for a in arts:
        d = parse_iso(a.date)
        groups.setdefault(str(d.year) if d else "undated", []).append(a)
    lines = [f"أحدث {LIST_LIMIT} مقال:", ""] + article_list(ctx, here, arts[:LIST_LIMIT])
    lines += ["", "### كل المقالات حسب السنة", ""]
    subs: list[Output] = []
    for part in sorted(groups, key=lambda k: (k == "undated", -int(k) if k.isdigit() else 0)):
        sub = ctx.urls.subpage(here, part)
        label = "غير مؤرخ" if part == "undated" else part
        lines.append(f"- {link(label, Urls.link(here, sub))} — {len(groups[part])}")
        heading = f"{title} — {label}"
        body = [f"# {escape_inline(heading)}", "", f"[{escape_inline(title)}]({Urls.link(sub, here)})", ""]
        body += article_list(ctx, sub, groups[part])
        subs.append(Output(sub, page([("title", heading), ("kind", "articles")], body), f"{source} {part}"))
    return lines, subs


def count_line(label: str, value: object) -> str:
    return f"- **{escape_inline(label)}:** {escape_inline(str(value))}"


# ---- article -------------------------------------------------------------------------------------

_PROCLITICS = re.compile(r"[وف]?[بكل]?(?:ال)?|[وف]?لل")


def _word_prefix_ok(text: str, pos: int) -> bool:
    """True when `pos` starts a word, or only proclitics/the article stand between it and the
    word's start (و، ف، ب، ك، ل، ال، لل)."""
    start = pos
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return _PROCLITICS.fullmatch(fold(text[start:pos])) is not None


def _word_end_ok(text: str, end: int) -> bool:
    return end >= len(text) or not text[end].isalpha()


def locate_mention(body: str, title: str, hit: EntityHit) -> tuple[int, int] | None:
    """Span of the first mention of an entity in the body, or None when it is not there (e.g. it
    is named in the title only). Uses the stage's offset when it points at a surface form, and
    otherwise the earliest surface form found at word boundaries."""
    surfaces = sorted({s for s in hit.surfaces if s} or {hit.name}, key=lambda s: (-len(s), s))
    best: tuple[int, int] | None = None
    for s in surfaces:
        start = body.find(s)
        while start != -1:
            if _word_prefix_ok(body, start) and _word_end_ok(body, start + len(s)):
                if best is None or start < best[0] or (start == best[0] and start + len(s) > best[1]):
                    best = (start, start + len(s))
                break
            start = body.find(s, start + 1)
    # The stage's offset counts from the start of "title\n" + body; it wins when it is earlier
    # (a form written differently from every listed surface, e.g. with quote marks inside).
    off = hit.first_offset - len(title) - 1 if title else hit.first_offset
    if 0 <= off < len(body) and (best is None or off < best[0]):
        for s in surfaces:
            if body.startswith(s, off):
                return off, off + len(s)
    return best


def mention_spans(body: str, title: str, hits: list[EntityHit]) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, entity id) of each entity's first mention, in text order."""
    found = []
    for hit in hits:
        span = locate_mention(body, title, hit)
        if span is not None and "\n" not in body[span[0]:span[1]]:
            found.append((span[0], span[1], hit.id))
    found.sort(key=lambda t: (t[0], -t[1], t[2]))
    out: list[tuple[int, int, str]] = []
    end = -1
    for s, e, eid in found:
        if s >= end:
            out.append((s, e, eid))
            end = e
    return out


def linked_body(body: str, spans: list[tuple[int, int, str]], target: dict[str, str]) -> list[str]:
    """The body as Markdown paragraphs, each entity's first mention linked to `target[id]`."""
    paragraphs: list[str] = []
    offset = 0
    span_i = 0
    for raw in body.split("\n"):
        line_start, line_end = offset, offset + len(raw)
        offset = line_end + 1
        lead = len(raw) - len(raw.lstrip())
        pos = line_start + lead
        stop = line_start + len(raw.rstrip())
        pieces: list[str] = []
        while span_i < len(spans) and spans[span_i][0] < line_start:
            span_i += 1
        while span_i < len(spans) and spans[span_i][1] <= stop:
            s, e, eid = spans[span_i]
            span_i += 1
            if s < pos:
                continue
            text = escape_inline(body[pos:s])
            pieces.append(text if pieces else _line_start(text))
            pieces.append(f"[{escape_inline(body[s:e])}]({target[eid]})")
            pos = e
        tail = escape_inline(body[pos:stop])
        pieces.append(tail if pieces else _line_start(tail))
        md = "".join(pieces)
        if md.strip():
            paragraphs.append(md)
    return paragraphs


def render_article(ctx: Context, art: Article) -> Output:
    urls = ctx.urls
    here = urls.article(art.id)
    fm = [
        ("title", art.title or art.id),
        ("kind", "article"),
        ("id", art.id),
        ("date", art.date),
        ("date_not_before", None if art.date else art.date_not_before),
        ("outlet", art.outlet.name if art.outlet else None),
        ("outlet_id", art.outlet.id if art.outlet else None),
        ("author", art.author),
        ("wire", list(art.wire) or None),
        ("source_url", art.source_url),
        ("topics", list(art.topics) or None),
        ("entities", [e.id for e in art.entities] or None),
        ("source", art.source),
    ]
    lines = [f"# {escape_inline(art.title or art.id)}", ""]
    lines.append(count_line("التاريخ", display_date(art.date, art.date_not_before)))
    if art.outlet is not None:
        o = ctx.outlets.get(art.outlet.id or art.outlet.name)
        target = Urls.link(here, urls.outlet(o.id)) if o else None
        lines.append(f"- **المصدر:** {link(art.outlet.name, target) if target else escape_inline(art.outlet.name)}")
    else:
        lines.append(count_line("المصدر", "غير معروف"))
    if art.author:
        lines.append(count_line("الكاتب", art.author))
    if art.wire:
        lines.append(count_line("الوكالة", "، ".join(art.wire)))
    url = safe_url(art.source_url)
    if url:
        lines.append(f"- **الرابط الأصلي:** [{escape_inline(art.source_url or '')}]({url})")
    if art.topics:
        tl = [link(ctx.topics[t].name, Urls.link(here, urls.topic(t))) for t in art.topics if t in ctx.topics]
        lines.append("- **الموضوعات:** " + "، ".join(tl))
    lines.append(count_line("الملف", art.source))
    lines.append("")
    present = [e for e in art.entities if e.id in ctx.entities]
    if present:
        lines += ["## الأسماء الواردة", ""]
        for t in TYPE_ORDER + tuple(sorted({e.type for e in present} - set(TYPE_ORDER))):
            group = sorted((e for e in present if e.type == t), key=lambda e: collation_key(e.name))
            if group:
                chips = " · ".join(entity_link(ctx, here, e.id) for e in group)
                lines.append(f"- **{escape_inline(TYPE_LABELS.get(t, t))}:** {chips}")
        lines.append("")
    lines += ["## النص", ""]
    targets = {e.id: Urls.link(here, urls.entity(ctx.entities[e.id].type, e.id)) for e in present}
    spans = mention_spans(art.body, art.title, present)
    for para in linked_body(art.body, spans, targets):
        lines += [para, ""]
    lines += _reuse_sections(ctx, art, here)
    related = ctx.related.get(art.id, [])
    if related:
        lines += ["## مقالات ذات صلة", ""]
        lines += article_list(ctx, here, related)
    return Output(here, page(fm, lines), art.source)


# ---- entities, topics, outlets -------------------------------------------------------------------

FOUND_NOTE = ("> وُجد هذا الاسم آلياً في نصوص المقالات ولم يراجعه أحد بعد؛ قد يكون نوعه أو حدوده غير دقيقة. "
              "يمكن اعتماده أو دمجه أو إخفاؤه من `site_config/`.")


def render_entity(ctx: Context, info: EntityInfo) -> list[Output]:
    urls = ctx.urls
    here = urls.entity(info.type, info.id)
    fm = [("title", info.name), ("kind", info.type), ("id", info.id),
          ("aliases", list(info.aliases) or None), ("wikidata", info.wikidata or None),
          ("found", True if info.found else None)]
    lines = [f"# {escape_inline(info.name)}", ""]
    if info.found:
        lines += [FOUND_NOTE, ""]
    lines.append(count_line("النوع", TYPE_SINGULAR.get(info.type, info.type)))
    if info.aliases:
        lines.append(count_line("أسماء أخرى", "، ".join(info.aliases)))
    if info.latin:
        lines.append(count_line("بالحروف اللاتينية", info.latin))
    if info.wikidata and re.fullmatch(r"Q[0-9]+", info.wikidata):
        lines.append(f"- **ويكي بيانات:** [{info.wikidata}](https://www.wikidata.org/wiki/{info.wikidata})")
    lines.append(count_line("عدد الإشارات", info.mentions))
    lines.append(count_line("عدد المقالات", len(info.articles)))
    if info.first_seen:
        lines.append(count_line("أول ظهور", list_date(info.first_seen, None)))
        lines.append(count_line("آخر ظهور", list_date(info.last_seen, None)))
    lines.append("")
    if info.description:
        lines += [escape_line(info.description), ""]
    listed, subs = paged_articles(ctx, here, info.name, info.articles, f"entity {info.id}")
    lines += ["## المقالات", ""] + listed + [""]
    lines += _extra_entity_lines(ctx, info, here)
    if info.cooccurring:
        lines += ["## أسماء ترد معه", ""]
        for eid, n in info.cooccurring:
            lines.append(f"- {entity_link(ctx, here, eid)} — {n}")
    return [Output(here, page(fm, lines), f"entity {info.id}")] + subs


def render_topic(ctx: Context, tid: str) -> list[Output]:
    info = ctx.topics[tid]
    here = ctx.urls.topic(tid)
    lines = [f"# {escape_inline(info.name)}", ""]
    if info.description:
        lines += [escape_line(info.description), ""]
    lines.append(count_line("عدد المقالات", len(info.articles)))
    lines += _feed_line(ctx, here, "topic", tid, "", info.articles)
    listed, subs = paged_articles(ctx, here, info.name, info.articles, f"topic {tid}")
    lines += ["", "## المقالات", ""] + listed
    return [Output(here, page([("title", info.name), ("kind", "topic"), ("id", tid)], lines), f"topic {tid}")] + subs


def render_outlet(ctx: Context, oid: str) -> list[Output]:
    info = ctx.outlets[oid]
    here = ctx.urls.outlet(oid)
    lines = [f"# {escape_inline(info.name)}", ""]
    if info.name_latin:
        lines.append(count_line("بالحروف اللاتينية", info.name_latin))
    if info.country:
        lines.append(count_line("البلد", info.country))
    if info.domains:
        lines.append(count_line("الموقع", "، ".join(info.domains)))
    lines.append(count_line("عدد المقالات", len(info.articles)))
    lines += _feed_line(ctx, here, "outlet", oid, "", info.articles)
    lines.append("")
    if info.top_entities:
        lines += ["## الأسماء الأكثر وروداً", ""]
        lines += [f"- {entity_link(ctx, here, eid)} — {n}" for eid, n in info.top_entities]
        lines.append("")
    listed, subs = paged_articles(ctx, here, info.name, info.articles, f"outlet {oid}")
    lines += ["## المقالات", ""] + listed
    return [Output(here, page([("title", info.name), ("kind", "outlet"), ("id", oid)], lines), f"outlet {oid}")] + subs


# ---- indexes -------------------------------------------------------------------------------------

def first_letter(name: str) -> str:
    for ch in sort_form(name):
        if ch.isalpha() or ch.isdigit():
            return ch.upper()
    return "#"


def render_entity_index(ctx: Context, kind: str) -> Output:
    etype = KIND_TYPES[kind]
    here = ctx.urls.index(kind)
    title = TYPE_LABELS[etype]
    infos = sorted((i for i in ctx.entities.values() if i.type == etype), key=lambda i: collation_key(i.name))
    lines = [f"# {title}", "", f"{len(infos)} في الأرشيف، مرتبة أبجدياً، مع عدد المقالات.", ""]
    letter = None
    for info in infos:
        lt = first_letter(info.name)
        if lt != letter:
            letter = lt
            lines += ["", f"## {escape_inline(lt)}", ""]
        lines.append(f"- {entity_link(ctx, here, info.id)} — {len(info.articles)}")
    if not infos:
        lines.append("لا شيء بعد.")
    return Output(here, page([("title", title), ("kind", "index")], lines), f"index {kind}")


def render_topics_index(ctx: Context) -> Output:
    here = ctx.urls.index("topics")
    lines = ["# الموضوعات", ""]
    for tid, info in sorted(ctx.topics.items(), key=lambda kv: collation_key(kv[1].name)):
        lines.append(f"- {link(info.name, Urls.link(here, ctx.urls.topic(tid)))} — {len(info.articles)}")
    if not ctx.topics:
        lines.append("لا موضوعات بعد.")
    return Output(here, page([("title", "الموضوعات"), ("kind", "index")], lines), "index topics")


def render_outlets_index(ctx: Context) -> Output:
    here = ctx.urls.index("outlets")
    lines = ["# المصادر", ""]
    for oid, info in sorted(ctx.outlets.items(), key=lambda kv: collation_key(kv[1].name)):
        lines.append(f"- {link(info.name, Urls.link(here, ctx.urls.outlet(oid)))} — {len(info.articles)}")
    unknown = sum(1 for a in ctx.articles if a.outlet is None)
    if unknown:
        lines += ["", f"مقالات لم يُعرف مصدرها: {unknown} (انظر [تقرير البناء]({Urls.link(here, ctx.urls.report())}))."]
    if not ctx.outlets and not unknown:
        lines.append("لا مصادر بعد.")
    return Output(here, page([("title", "المصادر"), ("kind", "index")], lines), "index outlets")


def months(ctx: Context) -> dict[tuple[int, int], list[Article]]:
    out: dict[tuple[int, int], list[Article]] = {}
    for art in ctx.articles:
        d = parse_iso(art.date)
        if d is not None:
            out.setdefault((d.year, d.month), []).append(art)
    return dict(sorted(out.items(), reverse=True))


def undated_articles(ctx: Context) -> list[Article]:
    return [a for a in ctx.articles if not parse_iso(a.date)]


def render_timeline(ctx: Context) -> list[Output]:
    urls = ctx.urls
    here = urls.timeline()
    by_month = months(ctx)
    lines = ["# الخط الزمني", "", "عدد المقالات في كل شهر.", ""]
    years: dict[int, list[tuple[int, int]]] = {}
    for (y, m), arts in by_month.items():
        years.setdefault(y, []).append((m, len(arts)))
    for y in sorted(years, reverse=True):
        lines += ["", f"## {y}", "", count_line("عدد المقالات", sum(n for _, n in years[y])), ""]
        for m, n in years[y]:
            lines.append(f"- {link(month_label(y, m), Urls.link(here, urls.month(y, m)))} — {n}")
    undated = undated_articles(ctx)
    if undated:
        lines += ["", "## غير مؤرخ", "", f"- {link('مقالات غير مؤرخة', Urls.link(here, urls.undated()))} — {len(undated)}"]
    if not ctx.articles:
        lines.append("لا مقالات بعد.")
    outs = [Output(here, page([("title", "الخط الزمني"), ("kind", "index")], lines), "timeline")]
    for (y, m), arts in by_month.items():
        mp = urls.month(y, m)
        label = month_label(y, m)
        body = [f"# {label}", "", count_line("عدد المقالات", len(arts)), "",
                f"[الخط الزمني]({Urls.link(mp, here)})", ""] + article_list(ctx, mp, arts)
        outs.append(Output(mp, page([("title", label), ("kind", "month")], body), f"month {y}-{m:02d}"))
    if undated:
        up = urls.undated()
        body = ["# مقالات غير مؤرخة", "", "مقالات لم يُذكر فيها تاريخ نشر؛ يظهر أقدم تاريخ ممكن حين يُعرف.", "",
                f"[الخط الزمني]({Urls.link(up, here)})", ""] + article_list(ctx, up, undated)
        outs.append(Output(up, page([("title", "مقالات غير مؤرخة"), ("kind", "month")], body), "undated"))
    return outs


def render_home(ctx: Context) -> Output:
    urls = ctx.urls
    here = urls.home()
    dated = [a.date for a in ctx.articles if parse_iso(a.date)]
    lines = [f"# {SITE_NAME}", "", "أرشيف للأخبار العربية: كل مقال مع تاريخه ومصدره والأسماء الواردة فيه.", ""]
    counts = {t: sum(1 for i in ctx.entities.values() if i.type == t) for t in TYPE_ORDER}
    lines.append(f"- **المقالات:** [{len(ctx.articles)}]({Urls.link(here, urls.timeline())})")
    if dated:
        lines.append(count_line("الفترة", f"{list_date(min(dated), None)} — {list_date(max(dated), None)}"))
    for kind, t in KIND_TYPES.items():
        lines.append(f"- **{TYPE_LABELS[t]}:** [{counts[t]}]({Urls.link(here, urls.index(kind))})")
    lines.append(f"- **المصادر:** [{len(ctx.outlets)}]({Urls.link(here, urls.index('outlets'))})")
    lines.append(f"- **الموضوعات:** [{len(ctx.topics)}]({Urls.link(here, urls.index('topics'))})")
    lines.append(f"- **ملفات لم تُبنَ:** [{len(ctx.skipped) + len(ctx.duplicates)}]({Urls.link(here, urls.report())})")
    lines.append(f"- **القصص:** [{len(ctx.reuse.stories)}]({Urls.link(here, urls.stories_index())}) · "
                 f"**النصوص المشتركة:** [{len(ctx.reuse.quotations)}]({Urls.link(here, urls.quotations_index())}) · "
                 f"**البيانات:** [CSV و JSON و Atom]({Urls.link(here, urls.data_page())})")
    lines += ["", "## أحدث المقالات", ""] + article_list(ctx, here, ctx.articles[:LATEST_ON_HOME])
    top = sorted(ctx.entities.values(), key=lambda i: (-len(i.articles), -i.mentions, collation_key(i.name)))
    if top:
        lines += ["", "## الأسماء الأكثر وروداً", ""]
        lines += [f"- {entity_link(ctx, here, i.id)} — {len(i.articles)}" for i in top[:TOP_ON_HOME]]
    if ctx.topics:
        lines += ["", "## الموضوعات", ""]
        for tid, info in sorted(ctx.topics.items(), key=lambda kv: collation_key(kv[1].name)):
            lines.append(f"- {link(info.name, Urls.link(here, urls.topic(tid)))} — {len(info.articles)}")
    return Output(here, page([("title", SITE_NAME), ("kind", "home")], lines), "home")


# ---- build report --------------------------------------------------------------------------------

# Where values not read from the text came from (Article.given), as the report names them.
GIVEN_LABELS = {"page metadata": "من بيانات الصفحة", "export": "من حقول التصدير", "capture": "من الالتقاط"}


def report_entry(ctx: Context, here: str, art: Article) -> str:
    notes: list[str] = []
    if not parse_iso(art.date):
        notes.append("غير مؤرخ" + (f" (بعد {art.date_not_before})" if art.date_not_before else ""))
    if art.outlet is None:
        notes.append("مصدر غير معروف")
    if art.title_derived:
        notes.append("عنوان مستنتج")
    if art.removed:
        notes.append(f"أسطر محذوفة: {len(art.removed)}")
    if art.candidates:
        notes.append(f"أسماء مرشحة: {len(art.candidates)}")
    if art.overrides:
        notes.append("تعديلات يدوية: " + ", ".join(art.overrides))
    for source, label in GIVEN_LABELS.items():
        keys = [k for k, v in art.given.items() if v == source]
        if keys:
            notes.append(f"{label}: " + ", ".join(keys))
    if art.encoding and art.encoding != "utf-8":
        notes.append(f"ترميز {art.encoding}")
    notes += art.warnings
    tail = (" — " + escape_inline("؛ ".join(notes))) if notes else ""
    return f"- `{escape_code(art.source)}` → {link(art.title or art.id, Urls.link(here, ctx.urls.article(art.id)))}{tail}"


def escape_code(text: str) -> str:
    """Text inside a single-backtick code span (backticks cannot be escaped there)."""
    return _CONTROL.sub("\ufffd", text).replace("`", "'").replace("\n", " ")


def render_report(ctx: Context) -> Output:
    here = ctx.urls.report()
    arts = sorted(ctx.articles, key=lambda a: a.source)
    undated = sum(1 for a in arts if not parse_iso(a.date))
    unknown = sum(1 for a in arts if a.outlet is None)
    lines = ["# تقرير البناء", "", "كل ملف في المدخلات وما صار إليه.", ""]
    lines.append(count_line("مقالات بُنيت", len(arts)))
    lines.append(count_line("ملفات لم تُبنَ", len(ctx.skipped)))
    lines.append(count_line("نسخ مكررة", len(ctx.duplicates)))
    lines.append(count_line("مشكلات في الإعدادات", len(ctx.problems)))
    lines.append(count_line("غير مؤرخة", undated))
    lines.append(count_line("مصدر غير معروف", unknown))
    lines.append(count_line("تحذيرات", ctx.warnings))
    lines.append(count_line("أسطر محذوفة (حواشي الصفحات)", sum(len(a.removed) for a in arts)))
    lines.append("")
    if ctx.problems:
        lines += ["## مشكلات في الإعدادات", ""]
        lines += [f"- `{escape_code(str(p))}`" for p in ctx.problems] + [""]
    if ctx.skipped:
        lines += ["## ملفات لم تُبنَ", ""]
        lines += [f"- `{escape_code(s.source)}` — {escape_inline(s.reason)}" for s in ctx.skipped] + [""]
    if ctx.inputs:
        lines += ["## ملفات الالتقاط والتصدير", "", "ما قُرئ من كل ملف WARC أو ملف تصدير، وما تُرك منه ولماذا.", ""]
        lines += [f"- `{escape_code(n.source)}` — {escape_inline(n.text())}" for n in ctx.inputs] + [""]
    if ctx.duplicates:
        lines += ["## نسخ مكررة", ""]
        lines += [f"- `{escape_code(d.source)}` — نسخة مطابقة من `{escape_code(d.original)}`" for d in ctx.duplicates]
        lines.append("")
    found = [info for info in ctx.entities.values() if info.found]
    if found:
        lines += ["## أسماء وُجدت آلياً", "",
                  "أسماء ليست في قائمة الأسماء وجدها المحلل النحوي ولها صفحات، الأكثر ورودًا أولاً.", ""]
        for info in sorted(found, key=lambda i: (-len(i.articles), collation_key(i.name), i.id)):
            lines.append(f"- {entity_link(ctx, here, info.id)}"
                         f" ({escape_inline(TYPE_SINGULAR.get(info.type, info.type))}) — {len(info.articles)}")
        lines.append("")
    cands: dict[tuple[str, str], int] = {}
    for a in arts:
        for c in a.candidates:
            cands[(c.name, c.type_guess)] = cands.get((c.name, c.type_guess), 0) + 1
    if cands:
        lines += ["## أسماء مرشحة للإضافة", "", "أسماء تبدو أعلاماً وليست في قائمة الأسماء، مع عدد المقالات.", ""]
        for (name, guess), n in sorted(cands.items(), key=lambda kv: (-kv[1], collation_key(kv[0][0]), kv[0][1])):
            lines.append(f"- {escape_inline(name)} ({escape_inline(guess)}) — {n}")
        lines.append("")
    lines += ["## المقالات", ""] + [report_entry(ctx, here, a) for a in arts]
    return Output(here, page([("title", "تقرير البناء"), ("kind", "report")], lines), "report")


# ---- everything ----------------------------------------------------------------------------------

def render_site(ctx: Context) -> list[Output]:
    outs: list[Output] = [render_home(ctx), render_report(ctx)]
    outs += render_timeline(ctx)
    for kind in INDEX_KINDS:
        if kind in KIND_TYPES:
            outs.append(render_entity_index(ctx, kind))
    outs += [render_topics_index(ctx), render_outlets_index(ctx)]
    outs += [render_article(ctx, a) for a in ctx.articles]
    for info in ctx.entities.values():
        outs += render_entity(ctx, info)
    for t in ctx.topics:
        outs += render_topic(ctx, t)
    for o in ctx.outlets:
        outs += render_outlet(ctx, o)
    outs.append(render_search_page())
    outs += _reuse_and_data_outputs(ctx)
    return outs


# ---- stories, shared text and the archive as data (generator/reuse_pages.py, data_export.py) ------

def _reuse_sections(ctx: Context, art: Article, here: str) -> list[str]:
    from generator.reuse_pages import article_sections

    return article_sections(ctx, art, here)


def _extra_entity_lines(ctx: Context, info: EntityInfo, here: str) -> list[str]:
    from generator.reuse_pages import entity_sections

    feed = _feed_line(ctx, here, "entity", info.id, info.type, info.articles)
    return (feed + [""] if feed else []) + entity_sections(ctx, info, here)


def _feed_line(ctx: Context, here: str, kind: str, key: str, etype: str, arts: list[Article]) -> list[str]:
    from generator.data_export import feed_line

    return feed_line(ctx, here, kind, key, etype, arts)


def _reuse_and_data_outputs(ctx: Context) -> list[Output]:
    from pathlib import Path

    from generator.data_export import configured_site_url, render_data, render_feeds
    from generator.reuse_pages import render_reuse

    site_url = configured_site_url(Path(__file__).resolve().parent.parent)
    return render_reuse(ctx) + render_data(ctx, site_url) + render_feeds(ctx, site_url)


def render_search_page() -> Output:
    """The search page (its Markdown comes from the search package)."""
    from generator.search import SEARCH_PAGE, page_markdown

    return Output(SEARCH_PAGE, page_markdown(), "search")
