"""Every page of the site as Markdown with YAML front matter: pure functions from the context to text.

    render_site(ctx) -> list[Output]      one Output per page (path inside content/, text, source)

Pages are plain Markdown (no custom MkDocs plugin needed) linked to each other by relative links, so
MkDocs checks every link with --strict and the Markdown also reads on a code host. Text that comes from
an article or a curated file goes through `escape_inline`/`escape_line`, so nothing in it is read as
Markdown or HTML.
"""
from __future__ import annotations

import functools
import html
import io
import pickle
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, NamedTuple
from urllib.parse import quote, urlsplit

import yaml

from babel import Locale

from generator.arabic import fold
from generator.charts import month_chart, month_counts
from generator.collation import collation_key, index_letter
from generator.context import Context, EntityInfo, newest_first_key
from generator.dates_ar import (UNDATED, digits_style, long_date, month_label, number, parse_iso, short_date,
                               shown, undated_label)
from generator.forked import Forked
from generator.model import Article, EntityHit
from generator.plurals import count_phrase
from generator.progress import track
from generator.report_ar import translate
from generator.state import WorkCache
from generator.urls import INDEX_KINDS, Urls

SITE_NAME = "أرشيف"
TYPE_LABELS = {"person": "الأشخاص", "place": "الأماكن", "organization": "المنظمات"}
TYPE_SINGULAR = {"person": "شخص", "place": "مكان", "organization": "منظمة"}
TYPE_ORDER = ("person", "place", "organization")
KIND_TYPES = {"people": "person", "places": "place", "organizations": "organization"}
LATEST_ON_HOME = 10
LIST_LIMIT = 100  # no page lists more articles (see `newest_articles` and `paged_articles`)
REPORT_LIMIT = 1000  # articles on a page of the build report
TOP_ON_HOME = 8  # names of each type on the home page
UNDATED_ON_HOME = 5
COOCCURRING_LIMIT = 30
CRUMB_SEP = " › "  # a mirrored character: drawn pointing left in right-to-left text


@dataclass(frozen=True)
class Output:
    path: str  # POSIX, relative to content/
    text: str | bytes  # text is written as UTF-8 with LF line ends; bytes as they are (a .gz file)
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


_SPECIAL = re.compile("[" + re.escape("".join(chr(c) for c in _INLINE)) + r"\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")


@functools.lru_cache(maxsize=1 << 16)
def escape_inline(text: str) -> str:
    """Text shown literally inside a Markdown line: no emphasis, link, code, HTML or entity.
    (Memoised: a site writes each title and name on many pages; most need no escaping at all.)"""
    if _SPECIAL.search(text) is None:
        return text
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


def isolate(text: str) -> str:
    """`text` escaped and isolated for bidi (`<bdi>`): whatever direction controls or leading
    Latin it holds, it cannot reorder what stands beside it (a date, a count, a separator)."""
    return f"<bdi>{escape_inline(text)}</bdi>"


def link(text: str, target: str) -> str:
    """A Markdown link whose text is escaped and bidi-isolated (see `isolate`). In markup, not only
    by the stylesheet: a title ending in Latin («… CNN») would otherwise pull the date after it into
    its left-to-right run wherever the stylesheet is not applied (a reader view, a saved page)."""
    return f"[{isolate(text)}]({target})"


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


# libyaml's emitter when PyYAML was built with it (its wheels are): four times faster than the
# pure-Python one and the same bytes (the 13,134 front matters of the 10,000-article benchmark, and
# tests/test_properties.py), except that the two write some characters differently (libyaml
# escapes those beyond U+FFFF, an emoji in a title, and NEL): front matter holding any character
# outside _PLAIN is written by the pure-Python emitter, as before.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_PLAIN = re.compile("[\t\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*")


def _unusual(value: Any) -> bool:
    if isinstance(value, str):
        return _PLAIN.fullmatch(value) is None
    if isinstance(value, (list, tuple)):
        return any(_unusual(v) for v in value)
    if isinstance(value, dict):
        return any(_unusual(k) or _unusual(v) for k, v in value.items())
    return False


_TAG = "tag:yaml.org,2002:"


def yaml_node(value: Any, seen: set[int] | None = None) -> yaml.Node | None:
    """The node PyYAML's SafeRepresenter makes of `value` when dumping with default_flow_style=False
    (block style; strings, whole numbers, booleans and None as scalars, lists and dicts in their
    order), or None for a value it would write another way: any other type, or a list or dict met
    twice (written as an anchor and an alias). Building the nodes here and handing them to the
    dumper's serializer writes the same bytes as `yaml.dump` (tests/test_properties.py) without
    the representer, which was half the time of rendering an article page."""
    seen = set() if seen is None else seen
    kind = type(value)
    if kind is str:
        return yaml.ScalarNode(_TAG + "str", value)
    if kind is bool:
        return yaml.ScalarNode(_TAG + "bool", "true" if value else "false")
    if kind is int:
        return yaml.ScalarNode(_TAG + "int", str(value))
    if value is None:
        return yaml.ScalarNode(_TAG + "null", "null")
    if kind is list or kind is dict:
        if id(value) in seen:
            return None
        seen.add(id(value))
        if kind is list:
            items = [yaml_node(v, seen) for v in value]
            return None if None in items else yaml.SequenceNode(_TAG + "seq", items, flow_style=False)
        pairs = [(yaml_node(k, seen), yaml_node(v, seen)) for k, v in value.items()]
        if any(k is None or v is None for k, v in pairs):
            return None
        return yaml.MappingNode(_TAG + "map", pairs, flow_style=False)
    return None


def front_matter(fields: list[tuple[str, Any]]) -> str:
    """YAML front matter with keys in the given order; values None are left out."""
    data = {k: v for k, v in fields if v is not None}
    dumper = yaml.SafeDumper if any(_unusual(v) for v in data.values()) else _DUMPER
    node = yaml_node(data)
    if node is None:
        dumped = yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, default_flow_style=False,
                           width=1000)
    else:  # what yaml.dump does with these options, from the nodes already made
        stream = io.StringIO()
        emitter = dumper(stream, default_flow_style=False, allow_unicode=True, width=1000, sort_keys=False)
        try:
            emitter.open()
            emitter.serialize(node)
            emitter.close()
        finally:
            emitter.dispose()
        dumped = stream.getvalue()
    return "---\n" + dumped + "---\n\n"


def page(fields: list[tuple[str, Any]], lines: Iterable[str]) -> str:
    body = "\n".join(lines).rstrip("\n")
    text = front_matter(fields) + body + "\n"
    return re.sub(r"\n{3,}", "\n\n", text)


# ---- small shared pieces -------------------------------------------------------------------------

def date_html(date: str | None, not_before: str | None, long: bool = False) -> str:
    """The date of an article as HTML that never breaks across lines (the stylesheet keeps `time`
    and `.arshif-date` whole): a `<time datetime>` when it is known, «غير مؤرخ — بعد <time>…</time>» when only a lower bound is, «غير مؤرخ» otherwise."""
    d = parse_iso(date)
    if d is not None:
        shown = long_date(date) if long else short_date(date)
        return f'<time datetime="{d.isoformat()}">{shown}</time>'
    nb = parse_iso(not_before)
    if nb is not None:
        return (f'<span class="arshif-date">{UNDATED} — بعد '
                f'<time datetime="{nb.isoformat()}">{short_date(not_before)}</time></span>')
    return f'<span class="arshif-date">{UNDATED}</span>'


def article_item(ctx: Context, here: str, art: Article) -> str:
    """One list line: linked title — date · outlet (the date never breaks, nor leaves the outlet
    alone on the next line)."""
    meta = f"<bdi>{date_html(art.date, art.date_not_before)}</bdi>"
    if art.outlet is not None:
        meta += f'&nbsp;· <bdi class="arshif-nowrap">{escape_inline(art.outlet.name)}</bdi>'
    return f"- {link(art.title or art.id, Urls.link(here, ctx.urls.article(art.id)))} — {meta}"


class OwnWords(str):
    """A label the generator writes itself (a section's name, a month): Arabic words and digits whose
    order nothing can upset, so it needs no bidi isolation where a title or a name would (`link`);
    44 bytes of every article's breadcrumbs."""


def crumbs(here: str, trail: list[tuple[str, str]]) -> list[str]:
    """Breadcrumbs above a page's title: (label, page path) from the home page down to the page's
    parent, each a link (isolated unless the label is `OwnWords`)."""
    items = CRUMB_SEP.join(
        f"[{escape_inline(label)}]({Urls.link(here, target)})" if isinstance(label, OwnWords)
        else link(label, Urls.link(here, target)) for label, target in trail)
    return ['<nav class="arshif-crumbs" aria-label="مسار التنقل" markdown="1">', "", items, "", "</nav>", ""]


def home_crumb(ctx: Context) -> tuple[str, str]:
    """The first breadcrumb of every page: the home page."""
    return (OwnWords("الرئيسية"), ctx.urls.home())


def country_name(code: str) -> str:
    """The Arabic name CLDR (through Babel) gives a country or territory code ("FR" → «فرنسا»);
    the code itself when CLDR has no name for it."""
    return Locale("ar").territories.get(code.upper(), code) if code else code


def entity_link(ctx: Context, here: str, eid: str) -> str:
    info = ctx.entities[eid]
    return link(info.name, Urls.link(here, ctx.urls.entity(info.type, eid)))


def article_list(ctx: Context, here: str, arts: Iterable[Article]) -> list[str]:
    items = [article_item(ctx, here, a) for a in arts]
    return items or ["لا مقالات بعد."]


PAGER_AROUND = 2  # pages linked on each side of the current one


def pager_numbers(count: int, current: int, around: int = PAGER_AROUND) -> list[int | None]:
    """The page numbers a pager shows for `count` pages when on page `current` (1-based): the first,
    the last, and `around` pages on each side of the current one; None where numbers are left out
    (shown as «…»). Every page stays reachable in a few steps, and a pager has at most
    2 × around + 5 entries however long the list: one linking all 500 pages of a large entity's list
    was 15 KB on every one of its 500 pages."""
    keep = {1, count} | set(range(max(1, current - around), min(count, current + around) + 1))
    out: list[int | None] = []
    for n in sorted(keep):
        if out and out[-1] is not None and n - out[-1] > 1:
            if n - out[-1] == 2:
                out.append(n - 1)  # a gap of one page: the number itself, not «…»
            else:
                out.append(None)
        out.append(n)
    return out


def pager(here: str, first: str, pages: list[str], current: int) -> list[str]:
    """Links to the pages of a long list (`pager_numbers`; the current one in bold, not linked), and
    to the previous and the next page."""
    items = []
    if current > 1:
        items.append(f"[السابقة]({Urls.link(here, pages[current - 2])})")
    for n in pager_numbers(len(pages), current):
        if n is None:
            items.append("…")
        else:
            items.append(f"**{number(n)}**" if n == current else f"[{number(n)}]({Urls.link(here, pages[n - 1])})")
    if current < len(pages):
        items.append(f"[التالية]({Urls.link(here, pages[current])})")
    return ['<nav class="arshif-pager" aria-label="صفحات القائمة" markdown="1">', "",
            "الصفحات: " + " ".join(items), "", "</nav>", ""]


def paged_articles(ctx: Context, here: str, title: str, arts: list[Article], source: str,
                   trail: list[tuple[str, str]] | None = None) -> tuple[list[str], list[Output]]:
    """The article list of a page (newest first, undated last). No page lists more than LIST_LIMIT
    articles: past that the page shows the first LIST_LIMIT and the rest go on numbered pages
    (`paged`)."""
    if len(arts) <= LIST_LIMIT:
        return article_list(ctx, here, arts), []
    items = [lambda at, a=a: [article_item(ctx, at, a)] for a in arts]
    return paged(ctx, here, title, items, LIST_LIMIT, source, trail, ("article", "الأحدث أولاً"), "articles")


def newest_articles(ctx: Context, here: str, arts: list[Article], search: dict[str, str]) -> list[str]:
    """The article list of an entity's, a topic's or an outlet's page: every article when there are
    at most LIST_LIMIT, else the newest LIST_LIMIT, said so above the list, with a link below it to
    the search page listing them all (`search`: its query, e.g. {"entity": "baghdad"}; the search
    index holds every such list, `generator.search.indexer.document_lists`).

    Why not numbered pages, as the timeline has: every article is listed on the page of every name
    it mentions, some twenty-five, so numbered pages made those lists the largest part of the site
    (9.9 KB an article on the 10,000-article benchmark, more than its own page's text); the timeline
    still lists every article once, the data files list them all with their names, and the search
    page lists any name's articles from an index of about 60 bytes an article."""
    if len(arts) <= LIST_LIMIT:
        return article_list(ctx, here, arts)
    link = Urls.link(here, Urls.search(**search))
    return [f"{count_phrase(len(arts), 'article')}، هنا أحدث {number(LIST_LIMIT)} منها، "
            f"وفي [صفحة البحث]({link}) كلها.", ""] + article_list(ctx, here, arts[:LIST_LIMIT]) + [
            "", f"[كل المقالات ({number(len(arts))}) في صفحة البحث]({link})"]


def paged(ctx: Context, here: str, title: str, items: list[Callable[[str], list[str]]], limit: int,
          source: str, trail: list[tuple[str, str]] | None, counted: tuple[str, str] | None,
          kind: str) -> tuple[list[str], list[Output]]:
    """A long list split into pages of at most `limit` items: the lines for page `here` (when there
    are several pages and `counted` = (plural noun, order) is given, «N مقالات على M صفحات، order»;
    then the pager, its first `limit` items, the pager again) and an Output for each further page
    (`Urls.list_page`: "timeline/2015-09/page-2.md"), titled «`title` — الصفحة n», with the breadcrumbs
    `trail` + `title` and front-matter kind `kind`. An item is a function from the path of the page
    it lands on to its Markdown lines (links are relative to that page)."""
    chunks = [items[i:i + limit] for i in range(0, len(items), limit)] or [[]]
    pages = [ctx.urls.list_page(here, n) for n in range(1, len(chunks) + 1)]

    def body(at: str, chunk: list[Callable[[str], list[str]]], n: int) -> list[str]:
        lines = [line for item in chunk for line in item(at)]
        nav = pager(at, here, pages, n) if len(pages) > 1 else []
        return nav + lines + ([""] + nav if nav else [])

    first = body(here, chunks[0], 1)
    if counted and len(pages) > 1:
        noun, order = counted
        first = [f"{count_phrase(len(items), noun)} على {count_phrase(len(pages), 'page')}، {order}.", ""] + first
    subs: list[Output] = []
    for n, chunk in enumerate(chunks[1:], start=2):
        sub = pages[n - 1]
        lines = crumbs(sub, (trail or [home_crumb(ctx)]) + [(title, here)])
        lines += [f"# {isolate(title)} — الصفحة {number(n)}", ""] + body(sub, chunk, n)
        subs.append(Output(sub, page([("title", f"{title} — الصفحة {number(n)}"), ("kind", kind)], lines),
                           f"{source} page {n}"))
    return first, subs


def count_line(label: str, value: object) -> str:
    """A `- **label:** value` line for a value the generator made (a count, a date, a type), its
    digits written as `dates_ar.shown` writes them."""
    return f"- **{escape_inline(label)}:** {escape_inline(shown(str(value)))}"


def text_line(label: str, value: str) -> str:
    """A `- **label:** value` line for text from an article or a curated file (bidi-isolated)."""
    return f"- **{escape_inline(label)}:** {isolate(value)}"


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


def locate_mention(body: str, title: str, hit: EntityHit | Mention) -> tuple[int, int] | None:
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


def mention_spans(body: str, title: str, hits: Sequence[EntityHit | Mention]) -> list[tuple[int, int, str]]:
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


def public_source(ctx: Context, source: str) -> str:
    """An input's path as the site may show it: relative to the corpus folder (never a path of
    the machine that built the site), e.g. "corpus/2015/a.txt" or "/home/x/corpus/a.txt" → "2015/a.txt"."""
    root = ctx.corpus_dir.as_posix().rstrip("/") + "/"
    return source[len(root):] if source.startswith(root) else source


def public_text(ctx: Context, text: str) -> str:
    """A message of the build (a configuration problem) without the builder's folders: paths in the
    corpus as paths inside it, paths in the configuration folder from that folder's name on."""
    corpus = ctx.corpus_dir.as_posix().rstrip("/") + "/"
    config = ctx.config_dir.as_posix().rstrip("/") + "/"
    return text.replace(corpus, "").replace(config, ctx.config_dir.name + "/")


def article_neighbours(ctx: Context, art: Article) -> tuple[Article | None, Article | None]:
    """(the next older, the next newer) article in the archive's order (newest first, undated last)."""
    return list_neighbours(ctx, "archive", ctx.articles, art)


def list_neighbours(ctx: Context, key: str, arts: list[Article], art: Article) -> tuple[Article | None, Article | None]:
    """(the next older, the next newer) article around `art` in `arts`, a list in the archive's order
    (`newest_first_key`: dated newest first, ties by id, undated last); None where there is none, and
    (None, None) when `art` is not in `arts`. `key` names the list ("archive", "outlet:ID",
    "topic:ID"): the position of every article in it is computed once per context."""
    cache = ctx.__dict__.setdefault("_neighbour_pos", {})
    pos = cache.get(key)
    if pos is None or len(pos) != len(arts):
        pos = cache[key] = {id(a): k for k, a in enumerate(arts)}
    i = pos.get(id(art))
    if i is None:
        return None, None
    older = arts[i + 1] if i + 1 < len(arts) else None
    newer = arts[i - 1] if i > 0 else None
    return older, newer


def prevnext_nav(ctx: Context, here: str, cls: str, aria: str, labels: tuple[str, str],
                 neighbours: tuple[Article | None, Article | None]) -> list[str]:
    """A previous/next `<nav>` (class `arshif-prevnext` and `cls`, named `aria` for assistive
    technology): the newer article first (it stands on the right, where right-to-left reading
    starts), then the older, each «label: linked title»; `labels` is (newer label, older label),
    Markdown already escaped. No line for a missing neighbour; [] when both are missing."""
    older, newer = neighbours
    if older is None and newer is None:
        return []
    lines = [f'<nav class="arshif-prevnext {cls}" aria-label="{html.escape(aria, quote=True)}" markdown="1">', ""]
    for side, label, other in (("arshif-newer", labels[0], newer), ("arshif-older", labels[1], older)):
        if other is not None:
            lines += [f'<div class="{side}" markdown="1">', "",
                      f"{label}: {link(other.title or other.id, Urls.link(here, ctx.urls.article(other.id)))}",
                      "", "</div>", ""]
    return lines + ["</nav>", ""]


def article_prevnext(ctx: Context, art: Article, here: str) -> list[str]:
    """The previous/next links of an article page: in the whole archive (a `<nav>` with the two
    articles' titles), then, in one `<nav>` of class `arshif-prevnext-lists`, one line for its
    outlet and one for each of its topics (in the order the article lists them): «من <outlet>:
    التالي · السابق», each word a link (no titles: four lists of two titles were 2.5 KB of every
    article page). The same order everywhere (dated newest first with the archive's tie-breaks,
    undated after); no link for a missing neighbour, no line for a list with neither, and none for a
    list whose previous and next are the archive's own (the titles above already lead there: in an
    archive of one outlet, the outlet's line always would)."""
    archive = article_neighbours(ctx, art)
    lines = prevnext_nav(ctx, here, "arshif-prevnext-archive", "المقال السابق والتالي",
                         ("المقال التالي (الأحدث)", "المقال السابق (الأقدم)"), archive)
    rows: list[tuple[str, tuple[Article | None, Article | None]]] = []
    oid = (art.outlet.id or art.outlet.name) if art.outlet is not None else None
    if oid is not None and oid in ctx.outlets:
        info = ctx.outlets[oid]
        rows.append((f"من {isolate(info.name)}", list_neighbours(ctx, f"outlet:{oid}", info.articles, art)))
    for tid in dict.fromkeys(art.topics):
        topic = ctx.topics.get(tid)
        if topic is not None:
            rows.append((f"في موضوع {isolate(topic.name)}",
                         list_neighbours(ctx, f"topic:{tid}", topic.articles, art)))
    items = []
    for label, (older, newer) in rows:
        if older is archive[0] and newer is archive[1]:
            continue
        links = [f"[{word}]({Urls.link(here, ctx.urls.article(other.id))})"
                 for word, other in (("التالي", newer), ("السابق", older)) if other is not None]
        if links:
            items.append(f"- {label}: " + " · ".join(links))
    if items:
        lines += ['<nav class="arshif-prevnext-lists" aria-label="السابق والتالي من المصدر نفسه وفي الموضوع نفسه" '
                  'markdown="1">', "", *items, "", "</nav>", ""]
    return lines


def article_trail(ctx: Context, art: Article) -> list[tuple[str, str]]:
    """Breadcrumbs of an article: home, the timeline, and its month (or the undated list)."""
    trail = [home_crumb(ctx), (OwnWords("الخط الزمني"), ctx.urls.timeline())]
    d = parse_iso(art.date)
    if d is not None:
        trail.append((OwnWords(month_label(d.year, d.month)), ctx.urls.month(d.year, d.month)))
    else:
        trail.append((OwnWords("مقالات غير مؤرخة"), ctx.urls.undated()))
    return trail


class Mention(NamedTuple):
    """What `locate_mention` reads of an entity hit (an `EntityHit` has these too)."""

    id: str
    name: str
    surfaces: tuple[str, ...]
    first_offset: int


@dataclass(frozen=True)
class ArticleView:
    """Everything an article page prints, as plain values (strings, numbers, tuples and lists;
    `article_view`): the page's Markdown is a function of this alone (`article_markdown`), so a
    page whose view is the one of the last build is not rendered again (`PageCache`). The parts
    that depend on other articles (related articles, shared passages, the previous and next
    articles) come already written, as lines: they are cheap; the costly parts (front matter, the
    names, the text with its links) are made from the values."""

    path: str  # the page, inside content/
    source: str  # the input it comes from (Output.source)
    fields: tuple[tuple[str, Any], ...]  # front matter
    head: tuple[str, ...]  # breadcrumbs, title, the date, outlet, byline and topics block
    chips: tuple[tuple[str, str, str, str], ...]  # per name: (type, name in the text, page title, link)
    title: str
    body: str
    mentions: tuple[Mention, ...]
    targets: tuple[tuple[str, str], ...]  # (entity id, link) for the text
    tail: tuple[str, ...]  # shared passages, related articles, previous and next


def article_view(ctx: Context, art: Article) -> ArticleView:
    """The `ArticleView` of `art`'s page in the archive `ctx`."""
    urls = ctx.urls
    here = urls.article(art.id)
    fm = (
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
        ("source", public_source(ctx, art.source)),
        # no table of contents beside an article (its two headings): a kilobyte of every article page
        ("hide", ["toc"]),
    )
    lines = crumbs(here, article_trail(ctx, art))
    lines += [f"# {isolate(art.title or art.id)}", ""]
    meta = [f"<bdi>{date_html(art.date, art.date_not_before, long=True)}</bdi>"]
    if art.outlet is not None:
        o = ctx.outlets.get(art.outlet.id or art.outlet.name)
        target = Urls.link(here, urls.outlet(o.id)) if o else None
        meta.append(link(art.outlet.name, target) if target else isolate(art.outlet.name))
    else:
        meta.append("مصدر غير معروف")
    if art.author:
        meta.append(f"بقلم {isolate(art.author)}")
    if art.wire:
        meta.append(f"الوكالة: {isolate('، '.join(art.wire))}")
    url = safe_url(art.source_url)
    if url:
        meta.append(f"[الصفحة الأصلية]({url})")
    lines += ['<div class="arshif-meta" markdown="1">', "",
              " · ".join(f'<span class="arshif-item">{m}</span>' for m in meta)]
    if art.topics:
        tl = [link(ctx.topics[t].name, Urls.link(here, urls.topic(t))) for t in art.topics if t in ctx.topics]
        lines += ["", "الموضوعات: " + "، ".join(tl)]
    lines += ["", "</div>", ""]
    present = [e for e in art.entities if e.id in ctx.entities]
    targets = {e.id: Urls.link(here, urls.entity(ctx.entities[e.id].type, e.id)) for e in present}
    tail = _reuse_sections(ctx, art, here)
    related = ctx.related.get(art.id, [])
    if related:
        tail += ["## مقالات ذات صلة", ""]
        tail += article_list(ctx, here, related) + [""]
    tail += article_prevnext(ctx, art, here)
    return ArticleView(
        here, art.source, fm, tuple(lines),
        tuple((e.type, e.name, ctx.entities[e.id].name, targets[e.id]) for e in present),
        art.title, art.body,
        tuple(Mention(e.id, e.name, tuple(e.surfaces), e.first_offset) for e in present),
        tuple(targets.items()), tuple(tail))


def article_markdown(view: ArticleView) -> str:
    """The Markdown of an article page from its `ArticleView` (and nothing else)."""
    lines = list(view.head)
    if view.chips:
        lines += ["## الأسماء الواردة", "", '<div class="arshif-chips" markdown="1">', ""]
        for t in TYPE_ORDER + tuple(sorted({c[0] for c in view.chips} - set(TYPE_ORDER))):
            group = sorted((c for c in view.chips if c[0] == t), key=lambda c: collation_key(c[1]))
            if group:
                chips = " ".join(link(name, target) for _, _, name, target in group)
                lines.append(f"- **{escape_inline(TYPE_LABELS.get(t, t))}:** {chips}")
        lines += ["", "</div>", ""]
    lines += ["## النص", "", '<div class="arshif-text" markdown="1">', ""]
    spans = mention_spans(view.body, view.title, list(view.mentions))
    for para in linked_body(view.body, spans, dict(view.targets)):
        lines += [para, ""]
    lines += ["</div>", ""]
    lines += view.tail
    return page(list(view.fields), lines)


class PageCache(WorkCache):
    """Article pages of earlier builds (`state.WorkCache`, kind "pages"), by a digest of their
    `ArticleView`: after one article is added, the pages whose view is unchanged (all but the new
    article's and its neighbours') are taken from here instead of being rendered again. The
    digest covers every value the page prints, so a page is never stale."""

    def __init__(self, cache_dir: Path | None) -> None:
        super().__init__(cache_dir, "pages")

    def markdown(self, view: ArticleView) -> str:
        """`article_markdown(view)`, kept or computed."""
        key = self.digest(pickle.dumps(view, protocol=pickle.HIGHEST_PROTOCOL))
        return self.get(key, lambda: article_markdown(view))


def render_article(ctx: Context, art: Article, cache: PageCache | None = None) -> Output:
    """The page of `art` (with `cache`, taken from it when its view is unchanged)."""
    view = article_view(ctx, art)
    return Output(view.path, cache.markdown(view) if cache is not None else article_markdown(view), view.source)


# ---- entities, topics, outlets -------------------------------------------------------------------

FOUND_NOTE = ("> وُجد هذا الاسم آلياً في نصوص المقالات ولم يراجعه أحد بعد؛ قد يكون نوعه أو حدوده غير دقيقة. "
              "يمكن اعتماده أو دمجه أو إخفاؤه من `site_config/`.")


def seen_lines(arts: list[Article]) -> list[str]:
    """«أول ظهور» and «آخر ظهور» lines (dates that never break) for a list of articles."""
    dates = sorted(a.date for a in arts if parse_iso(a.date))
    if not dates:
        return []
    return [f"- **أول ظهور:** {date_html(dates[0], None)}", f"- **آخر ظهور:** {date_html(dates[-1], None)}"]


def chart_lines(arts: list[Article], title: str) -> list[str]:
    """A chart of `arts` per month (see generator.charts), as lines of a page; none when no article is dated."""
    chart = month_chart(month_counts(a.date for a in arts), title)
    return [chart, ""] if chart else []


def render_entity(ctx: Context, info: EntityInfo) -> list[Output]:
    urls = ctx.urls
    here = urls.entity(info.type, info.id)
    fm = [("title", info.name), ("kind", info.type), ("id", info.id),
          ("aliases", list(info.aliases) or None), ("wikidata", info.wikidata or None),
          ("found", True if info.found else None)]
    trail = [home_crumb(ctx), (OwnWords(TYPE_LABELS.get(info.type, info.type)), urls.entity_index(info.type))]
    lines = crumbs(here, trail) if info.type in TYPE_LABELS else []
    lines += [f"# {isolate(info.name)}", ""]
    if info.found:
        lines += [FOUND_NOTE, ""]
    if info.description:
        lines += [escape_line(info.description), ""]
    lines.append(count_line("النوع", TYPE_SINGULAR.get(info.type, info.type)))
    if info.aliases:
        lines.append(text_line("أسماء أخرى", "، ".join(info.aliases)))
    if info.latin:
        lines.append(f'- **بالحروف اللاتينية:** <bdi lang="en" dir="ltr">{escape_inline(info.latin)}</bdi>')
    if info.wikidata and re.fullmatch(r"Q[0-9]+", info.wikidata):
        lines.append(f"- **ويكي بيانات:** [{info.wikidata}](https://www.wikidata.org/wiki/{info.wikidata})")
    lines.append(count_line("عدد الإشارات", info.mentions))
    lines.append(count_line("عدد المقالات", len(info.articles)))
    lines += seen_lines(info.articles)
    lines.append("")
    lines += chart_lines(info.articles, f"مقالات تذكر {info.name} في كل شهر")
    lines += ["## المقالات", ""] + newest_articles(ctx, here, info.articles, {"entity": info.id}) + [""]
    lines += _extra_entity_lines(ctx, info, here)
    if info.cooccurring:
        lines += ["## أسماء ترد معه", ""]
        for eid, n in info.cooccurring[:COOCCURRING_LIMIT]:
            lines.append(f"- {entity_link(ctx, here, eid)} — {number(n)}")
    return [Output(here, page(fm, lines), f"entity {info.id}")]


def render_topic(ctx: Context, tid: str) -> list[Output]:
    info = ctx.topics[tid]
    here = ctx.urls.topic(tid)
    trail = [home_crumb(ctx), (OwnWords("الموضوعات"), ctx.urls.index("topics"))]
    lines = crumbs(here, trail) + [f"# {escape_inline(info.name)}", ""]
    if info.description:
        lines += [escape_line(info.description), ""]
    lines.append(count_line("عدد المقالات", len(info.articles)))
    lines += seen_lines(info.articles)
    lines += _feed_line(ctx, here, "topic", tid, "", info.articles) + [""]
    lines += chart_lines(info.articles, f"مقالات موضوع {info.name} في كل شهر")
    lines += ["## المقالات", ""] + newest_articles(ctx, here, info.articles, {"topic": tid})
    return [Output(here, page([("title", info.name), ("kind", "topic"), ("id", tid)], lines), f"topic {tid}")]


def render_outlet(ctx: Context, oid: str) -> list[Output]:
    info = ctx.outlets[oid]
    here = ctx.urls.outlet(oid)
    trail = [home_crumb(ctx), (OwnWords("المصادر"), ctx.urls.index("outlets"))]
    lines = crumbs(here, trail) + [f"# {isolate(info.name)}", ""]
    if info.name_latin:
        lines.append(f'- **بالحروف اللاتينية:** <bdi lang="en" dir="ltr">{escape_inline(info.name_latin)}</bdi>')
    if info.country:
        lines.append(count_line("البلد", country_name(info.country)))
    if info.domains:
        lines.append(f'- **الموقع:** <bdi lang="en" dir="ltr">{escape_inline("، ".join(info.domains))}</bdi>')
    lines.append(count_line("عدد المقالات", len(info.articles)))
    lines += seen_lines(info.articles)
    lines += _feed_line(ctx, here, "outlet", oid, "", info.articles) + [""]
    lines += chart_lines(info.articles, f"مقالات {info.name} في كل شهر")
    if info.top_entities:
        lines += ["## الأسماء الأكثر وروداً", ""]
        lines += [f"- {entity_link(ctx, here, eid)} — {number(n)}" for eid, n in info.top_entities]
        lines.append("")
    lines += ["## المقالات", ""] + newest_articles(ctx, here, info.articles, {"outlet": info.name})
    return [Output(here, page([("title", info.name), ("kind", "outlet"), ("id", oid)], lines), f"outlet {oid}")]


# ---- indexes -------------------------------------------------------------------------------------

def render_entity_index(ctx: Context, kind: str) -> list[Output]:
    """The alphabetical index of one type of name, with a heading per letter. Past LIST_LIMIT names
    it goes on numbered pages, each with the letters linked to the page where they start."""
    etype = KIND_TYPES[kind]
    here = ctx.urls.index(kind)
    title = TYPE_LABELS[etype]
    infos = sorted((i for i in ctx.entities.values() if i.type == etype), key=lambda i: collation_key(i.name))
    chunks = [infos[i:i + LIST_LIMIT] for i in range(0, len(infos), LIST_LIMIT)] or [[]]
    pages = [ctx.urls.list_page(here, n) for n in range(1, len(chunks) + 1)]
    starts: dict[str, int] = {}
    for n, chunk in enumerate(chunks, start=1):
        for info in chunk:
            starts.setdefault(index_letter(info.name), n)
    outs: list[Output] = []
    for n, chunk in enumerate(chunks, start=1):
        path = pages[n - 1]
        trail = [home_crumb(ctx)] + ([(title, here)] if n > 1 else [])
        heading = title if n == 1 else f"{title} — الصفحة {number(n)}"
        lines = crumbs(path, trail) + [f"# {heading}", "",
                                       f"{count_phrase(len(infos), etype)} في الأرشيف، بالترتيب الأبجدي، مع عدد المقالات.", ""]
        if len(chunks) > 1:
            letters = " ".join(f"[{escape_inline(lt)}]({Urls.link(path, pages[k - 1])})" for lt, k in starts.items())
            lines += ["الحروف: " + letters, ""] + pager(path, here, pages, n)
        letter = None
        for info in chunk:
            lt = index_letter(info.name)
            if lt != letter:
                letter = lt
                lines += ["", f"## {escape_inline(lt)}", ""]
            lines.append(f"- {entity_link(ctx, path, info.id)} — {number(len(info.articles))}")
        if not infos:
            lines.append("لا شيء بعد.")
        if len(chunks) > 1:
            lines += [""] + pager(path, here, pages, n)
        fm = [("title", heading), ("kind", "index")]
        outs.append(Output(path, page(fm, lines), f"index {kind}" + (f" page {n}" if n > 1 else "")))
    return outs


def live_topics(ctx: Context) -> list[tuple[str, Any]]:
    """The topics that have at least one article, in alphabetical order (a topic without articles
    gets no page and no link)."""
    return [(tid, info) for tid, info in sorted(ctx.topics.items(), key=lambda kv: collation_key(kv[1].name))
            if info.articles]


def render_topics_index(ctx: Context) -> Output:
    here = ctx.urls.index("topics")
    lines = crumbs(here, [home_crumb(ctx)]) + ["# الموضوعات", ""]
    topics = live_topics(ctx)
    for tid, info in topics:
        lines.append(f"- {link(info.name, Urls.link(here, ctx.urls.topic(tid)))} — {number(len(info.articles))}")
    if not topics:
        lines.append("لا موضوعات بعد.")
    return Output(here, page([("title", "الموضوعات"), ("kind", "index")], lines), "index topics")


def render_outlets_index(ctx: Context) -> Output:
    here = ctx.urls.index("outlets")
    lines = crumbs(here, [home_crumb(ctx)]) + ["# المصادر", ""]
    for oid, info in sorted(ctx.outlets.items(), key=lambda kv: collation_key(kv[1].name)):
        country = f" ({escape_inline(country_name(info.country))})" if info.country else ""
        lines.append(f"- {link(info.name, Urls.link(here, ctx.urls.outlet(oid)))}{country} — {number(len(info.articles))}")
    unknown = sum(1 for a in ctx.articles if a.outlet is None)
    if unknown:
        lines += ["", f"مقالات لم يُعرف مصدرها: {number(unknown)} (انظر [تقرير البناء]({Urls.link(here, ctx.urls.report())}))."]
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
    undated = undated_articles(ctx)
    lines = crumbs(here, [home_crumb(ctx)]) + ["# الخط الزمني", ""]
    if by_month:
        lines += [f"المقالات المؤرخة: {number(sum(len(a) for a in by_month.values()))}"
                  + (f"، وغير المؤرخة: {number(len(undated))}" if undated else "") + ". عدد المقالات في كل شهر:", ""]
        lines += chart_lines(ctx.articles, "عدد المقالات في كل شهر")
    years: dict[int, list[tuple[int, int]]] = {}
    for (y, m), arts in by_month.items():
        years.setdefault(y, []).append((m, len(arts)))
    for y in sorted(years, reverse=True):
        lines += ["", f"## {number(y)}", "", count_line("عدد المقالات", sum(n for _, n in years[y])), ""]
        for m, n in years[y]:
            lines.append(f"- {link(month_label(y, m), Urls.link(here, urls.month(y, m)))} — {number(n)}")
    if undated:
        lines += ["", "## غير مؤرخ", "", f"- {link('مقالات غير مؤرخة', Urls.link(here, urls.undated()))} — {number(len(undated))}"]
    if not ctx.articles:
        lines.append("لا مقالات بعد.")
    outs = [Output(here, page([("title", "الخط الزمني"), ("kind", "index")], lines), "timeline")]
    trail = [home_crumb(ctx), (OwnWords("الخط الزمني"), here)]
    keys = list(by_month)
    for k, ((y, m), arts) in enumerate(by_month.items()):
        mp = urls.month(y, m)
        label = month_label(y, m)
        body = crumbs(mp, trail) + [f"# {label}", "", count_line("عدد المقالات", len(arts)), ""]
        steps = []
        if k + 1 < len(keys):
            py, pm = keys[k + 1]
            steps.append(f"الشهر السابق: {link(month_label(py, pm), Urls.link(mp, urls.month(py, pm)))}")
        if k > 0:
            ny, nm = keys[k - 1]
            steps.append(f"الشهر التالي: {link(month_label(ny, nm), Urls.link(mp, urls.month(ny, nm)))}")
        if steps:
            body += [" · ".join(steps), ""]
        listed, subs = paged_articles(ctx, mp, label, arts, f"month {y}-{m:02d}", trail)
        body += listed
        outs.append(Output(mp, page([("title", label), ("kind", "month")], body), f"month {y}-{m:02d}"))
        outs += subs
    if undated:
        up = urls.undated()
        body = crumbs(up, trail) + ["# مقالات غير مؤرخة", "",
                                    "مقالات لم يُذكر فيها تاريخ نشر؛ يظهر أقدم تاريخ ممكن حين يُعرف.", ""]
        listed, subs = paged_articles(ctx, up, "مقالات غير مؤرخة", undated, "undated", trail)
        body += listed
        outs.append(Output(up, page([("title", "مقالات غير مؤرخة"), ("kind", "month")], body), "undated"))
        outs += subs
    return outs


def top_entities(ctx: Context, etype: str, n: int) -> list[EntityInfo]:
    """The `n` names of a type found in the most articles (then the most mentions, then A–ي)."""
    infos = [i for i in ctx.entities.values() if i.type == etype and not i.found]
    return sorted(infos, key=lambda i: (-len(i.articles), -i.mentions, collation_key(i.name)))[:n]


def render_home(ctx: Context) -> Output:
    urls = ctx.urls
    here = urls.home()
    dated = sorted(a.date for a in ctx.articles if parse_iso(a.date))
    undated = undated_articles(ctx)
    countries = sorted({o.country for o in ctx.outlets.values() if o.country})
    lines = [f"# {SITE_NAME}", ""]
    intro = f"في هذا الأرشيف للأخبار العربية [{count_phrase(len(ctx.articles), 'article')}]({Urls.link(here, urls.timeline())})"
    if ctx.outlets:
        intro += f" من [{count_phrase(len(ctx.outlets), 'outlet')}]({Urls.link(here, urls.index('outlets'))})"
        if countries:
            intro += " في " + "، ".join(escape_inline(country_name(c)) for c in countries)
    if dated:
        intro += f"، من {date_html(dated[0], None)} إلى {date_html(dated[-1], None)}"
    if undated:
        intro += f"، و{count_phrase(len(undated), 'article')} بلا تاريخ معروف"
    lines += [intro + ".", ""]
    counts = [f"[{count_phrase(sum(1 for i in ctx.entities.values() if i.type == t), t)}]"
              f"({Urls.link(here, urls.index(kind))})" for kind, t in KIND_TYPES.items()]
    lines += ["ويذكر كل مقال تاريخه ومصدره والأسماء الواردة فيه: " + "، ".join(counts) + ".", ""]
    if dated:
        lines += ["## المقالات في كل شهر", ""] + chart_lines(ctx.articles, "عدد المقالات في كل شهر")
    latest = [a for a in ctx.articles if parse_iso(a.date)][:LATEST_ON_HOME]
    lines += ["## أحدث المقالات", ""] + article_list(ctx, here, latest) + [""]
    if undated:
        lines += ["## مقالات غير مؤرخة", ""] + article_list(ctx, here, undated[:UNDATED_ON_HOME])
        if len(undated) > UNDATED_ON_HOME:
            lines += ["", f"[كل المقالات غير المؤرخة ({number(len(undated))})]({Urls.link(here, urls.undated())})"]
        lines.append("")
    for kind, t in KIND_TYPES.items():
        top = top_entities(ctx, t, TOP_ON_HOME)
        if top:
            lines += [f"## {TYPE_LABELS[t]} الأكثر وروداً", ""]
            lines += [f"- {entity_link(ctx, here, i.id)} — {count_phrase(len(i.articles), 'article')}" for i in top]
            lines += ["", f"[كل {TYPE_LABELS[t]}]({Urls.link(here, urls.index(kind))})", ""]
    topics = live_topics(ctx)
    if topics:
        lines += ["## الموضوعات", ""]
        for tid, info in topics:
            lines.append(f"- {link(info.name, Urls.link(here, urls.topic(tid)))} — {count_phrase(len(info.articles), 'article')}")
        lines.append("")
    lines.append(f"القصص عبر المصادر: [{number(len(ctx.reuse.stories))}]({Urls.link(here, urls.stories_index())}) · "
                 f"النصوص المشتركة: [{number(len(ctx.reuse.quotations))}]({Urls.link(here, urls.quotations_index())}) · "
                 f"[البيانات للتنزيل والخلاصات]({Urls.link(here, urls.data_page())})")
    lines += ["", '<p class="arshif-colophon">موقع ثابت بُني بـ<bdi lang="en" dir="ltr">MkDocs</bdi> '
              'وثيمة <bdi lang="en" dir="ltr">Material</bdi>، ولا يطلب شيئاً من أي خادم آخر.</p>']
    return Output(here, page([("title", SITE_NAME), ("kind", "home")], lines), "home")


# ---- build report --------------------------------------------------------------------------------

# Where values not read from the text came from (Article.given), as the report names them.
GUESS_LABELS = {"person": "شخص؟", "place": "مكان؟", "organization": "منظمة؟", "unknown": "نوع غير معروف"}
GIVEN_LABELS = {"page metadata": "من بيانات الصفحة", "export": "من حقول التصدير", "capture": "من الالتقاط"}


def report_note(text: str) -> str:
    """A note of the report in Arabic (generator.report_ar), or a labelled English technical note."""
    arabic = translate(text)
    if arabic is not None:
        return escape_inline(arabic)
    return f'ملاحظة تقنية: <bdi lang="en" dir="ltr">{escape_inline(text)}</bdi>'


def report_entry(ctx: Context, here: str, art: Article) -> list[str]:
    """The report's lines for one article: its file, its page, its notes, and each line the cleaner
    removed from it (so a curator can check what was taken out)."""
    notes: list[str] = []
    if not parse_iso(art.date):
        notes.append(escape_inline(undated_label(art.date_not_before)))
    if art.outlet is None:
        notes.append("مصدر غير معروف")
    if art.title_derived:
        notes.append("عنوان مستنتج")
    if art.removed:
        notes.append(f"أسطر محذوفة: {number(len(art.removed))}")
    if art.candidates:
        notes.append(f"أسماء مرشحة: {number(len(art.candidates))}")
    if art.overrides:
        notes.append("تعديلات يدوية: " + f'<bdi lang="en" dir="ltr">{escape_inline(", ".join(art.overrides))}</bdi>')
    for source, label in GIVEN_LABELS.items():
        keys = [k for k, v in art.given.items() if v == source]
        if keys:
            notes.append(f"{label}: " + f'<bdi lang="en" dir="ltr">{escape_inline(", ".join(keys))}</bdi>')
    if art.encoding and art.encoding != "utf-8":
        notes.append(f'ترميز <bdi lang="en" dir="ltr">{escape_inline(art.encoding)}</bdi>')
    notes += [report_note(w) for w in art.warnings]
    tail = (" — " + "؛ ".join(notes)) if notes else ""
    lines = [f"- `{escape_code(public_source(ctx, art.source))}` ← "
             f"{link(art.title or art.id, Urls.link(here, ctx.urls.article(art.id)))}{tail}"]
    if art.removed:  # under the entry, which says «أسطر محذوفة: N»
        lines += [""] + [f"    1. {isolate(line)}" for line in art.removed]
        lines.append("")
    return lines


def escape_code(text: str) -> str:
    """Text inside a single-backtick code span (backticks cannot be escaped there)."""
    return _CONTROL.sub("\ufffd", text).replace("`", "'").replace("\n", " ")


def render_report(ctx: Context) -> list[Output]:
    """The build report: counts, problems, skipped and duplicate files, found and candidate names,
    then every article's file with its notes and removed lines, REPORT_LIMIT articles a page (the
    report of 10,000 articles was one 3.9 MB page; at 50,000 it would pass 10 MB)."""
    here = ctx.urls.report()
    arts = sorted(ctx.articles, key=lambda a: a.source)
    undated = sum(1 for a in arts if not parse_iso(a.date))
    unknown = sum(1 for a in arts if a.outlet is None)
    lines = crumbs(here, [home_crumb(ctx)]) + ["# تقرير البناء", "",
                                               "كل ملف في المدخلات وما صار إليه (المسارات داخل مجلد المقالات).", ""]
    lines.append(count_line("مقالات بُنيت", len(arts)))
    lines.append(count_line("ملفات لم تُبنَ", len(ctx.skipped)))
    lines.append(count_line("نسخ مكررة", len(ctx.duplicates)))
    if ctx.ignored:
        lines.append(count_line("ملفات ليست مدخلات", len(ctx.ignored)))
    lines.append(count_line("مشكلات في الإعدادات", len(ctx.problems)))
    lines.append(count_line("غير مؤرخة", undated))
    lines.append(count_line("مصدر غير معروف", unknown))
    lines.append(count_line("تحذيرات", ctx.warnings))
    lines.append(count_line("أسطر محذوفة (حواشي الصفحات)", sum(len(a.removed) for a in arts)))
    lines.append("")
    if ctx.problems:
        lines += ["## مشكلات في الإعدادات", ""]
        lines += [f"- `{escape_code(public_text(ctx, str(p)))}`" for p in ctx.problems] + [""]
    if ctx.skipped:
        lines += ["## ملفات لم تُبنَ", ""]
        lines += [f"- `{escape_code(public_source(ctx, s.source))}` — {report_note(s.reason)}" for s in ctx.skipped] + [""]
    if ctx.inputs:
        lines += ["## ملفات الالتقاط والتصدير", "", "ما قُرئ من كل ملف WARC أو ملف تصدير، وما تُرك منه ولماذا.", ""]
        lines += [f"- `{escape_code(public_source(ctx, n.source))}` — {report_note(n.text())}" for n in ctx.inputs] + [""]
    if ctx.duplicates:
        lines += ["## نسخ مكررة", ""]
        lines += [f"- `{escape_code(public_source(ctx, d.source))}` — نسخة مطابقة من "
                  f"`{escape_code(public_source(ctx, d.original))}`" for d in ctx.duplicates]
        lines.append("")
    if ctx.ignored:
        lines += ["## ملفات ليست مدخلات", "", "ملفات ومجلدات في المدونة لا تُقرأ، وسبب كل منها.", ""]
        lines += [f"- `{escape_code(public_source(ctx, s.source))}` — {report_note(s.reason)}" for s in ctx.ignored] + [""]
    found = [info for info in ctx.entities.values() if info.found]
    if found:
        lines += ["## أسماء وُجدت آلياً", "",
                  "أسماء ليست في قائمة الأسماء وجدها المحلل النحوي ولها صفحات، الأكثر ورودًا أولاً.", ""]
        for info in sorted(found, key=lambda i: (-len(i.articles), collation_key(i.name), i.id)):
            lines.append(f"- {entity_link(ctx, here, info.id)}"
                         f" ({escape_inline(TYPE_SINGULAR.get(info.type, info.type))}) — {number(len(info.articles))}")
        lines.append("")
    cands: dict[tuple[str, str], int] = {}
    for a in arts:
        for c in a.candidates:
            cands[(c.name, c.type_guess)] = cands.get((c.name, c.type_guess), 0) + 1
    if cands:
        lines += ["## أسماء مرشحة للإضافة", "", "أسماء تبدو أعلاماً وليست في قائمة الأسماء، مع عدد المقالات.", ""]
        for (name, guess), n in sorted(cands.items(), key=lambda kv: (-kv[1], collation_key(kv[0][0]), kv[0][1])):
            lines.append(f"- {isolate(name)} ({escape_inline(GUESS_LABELS.get(guess, guess))}) — {number(n)}")
        lines.append("")
    lines += ["## المقالات", ""]
    entries = [lambda at, a=a: report_entry(ctx, at, a) for a in arts]
    listed, subs = paged(ctx, here, "تقرير البناء", entries, REPORT_LIMIT, "report", None,
                         ("article", "بترتيب ملفاتها"), "report")
    lines += listed
    return [Output(here, page([("title", "تقرير البناء"), ("kind", "report")], lines), "report")] + subs


# ---- everything ----------------------------------------------------------------------------------

def render_site(ctx: Context, cache: PageCache | None = None) -> list[Output]:
    """Every page of the site (and the data files and feeds), in a fixed order. The pages write
    numbers in the digits `ctx.cfg.digits` chooses (site_config/display.yml, see dates_ar.shown).
    With `cache`, article pages whose view did not change are taken from it (and it is saved)."""
    with digits_style(ctx.cfg.digits):
        outs = _render_all(ctx, cache)
    if cache is not None:
        cache.save()
    return outs


def _render_all(ctx: Context, cache: PageCache | None = None) -> list[Output]:
    # the stories', shared passages' and data files' outputs on the other core (`generator.forked`),
    # while this one renders the pages: a sixth of the rendering after one article was added
    digits = ctx.cfg.digits

    def reuse_and_data() -> list[Output]:
        with digits_style(digits):
            return _reuse_and_data_outputs(ctx)

    beside = Forked(reuse_and_data)
    try:
        outs: list[Output] = [render_home(ctx), *render_report(ctx)]
        outs += render_timeline(ctx)
        for kind in INDEX_KINDS:
            if kind in KIND_TYPES:
                outs += render_entity_index(ctx, kind)
        outs += [render_topics_index(ctx), render_outlets_index(ctx)]
        outs += [render_article(ctx, a, cache) for a in track(ctx.articles, "rendering articles", "articles")]
        for info in ctx.entities.values():
            outs += render_entity(ctx, info)
        for t, _info in live_topics(ctx):
            outs += render_topic(ctx, t)
        for o in ctx.outlets:
            outs += render_outlet(ctx, o)
        outs.append(render_search_page())
        outs += beside.result()
    finally:
        beside.cancel()  # when rendering a page failed
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
    from generator.data_export import configured_site_url, render_data, render_feeds
    from generator.reuse_pages import render_reuse

    site_url = configured_site_url(Path(__file__).resolve().parent.parent)
    return render_reuse(ctx) + render_data(ctx, site_url) + render_feeds(ctx, site_url)


def render_search_page() -> Output:
    """The search page (its Markdown comes from the search package)."""
    from generator.search import SEARCH_PAGE, page_markdown

    return Output(SEARCH_PAGE, page_markdown(), "search")
