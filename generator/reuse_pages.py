"""Pages and page sections for stories, versions of one text and shared quotations (context.reuse).

    render_reuse(ctx) -> list[Output]                 stories index and pages, version pages, quotations index
    article_sections(ctx, art, here) -> list[str]    story, versions and shared text of an article
    entity_sections(ctx, info, here) -> list[str]    quotations attributed to an entity

Same conventions as generator.pages: Markdown with front matter, every text from an article escaped,
every link made by generator.urls.
"""
from __future__ import annotations

from typing import Any, Callable

from generator.collation import collation_key
from generator.context import Context, EntityInfo
from generator.dates_ar import list_date, month_label, number, parse_iso
from generator.model import Article
from generator.pages import LIST_LIMIT, Output, article_item, count_line, entity_link, escape_inline, link, page, paged
from generator.plurals import count_phrase
from generator.quotes import Quotation
from generator.stories import Story, days_after_first
from generator.textsim import words
from generator.urls import Urls
from generator.versions import VersionPair, word_diff

QUOTE_CHARS = 400  # a quotation shown in a list is cut after this many characters
# On an article's own page a passage it shares is in its text above: its opening words say which
# (the whole passage was 1.3 KB of every synthetic article page, printed twice).
QUOTE_CHARS_OWN_PAGE = 100
QUOTES_ON_ENTITY = 50
# Other versions listed under an article's story; the rest are counted (a story's own page lists
# all its versions).
OCCURRENCES_LISTED = 5
# Unbounded, a passage that hundreds of reports carry made every one of them list all the others:
# pages grew with the square of the archive (250 KB per article at 1,000 synthetic articles).
# Under a shared passage, only where it first appeared (or, on the page of the article that first
# printed it, the next to print it), the rest counted: the provenance of the text and how far it
# travelled. Five under each of several passages were 2.5 KB of every synthetic article page, whose
# stock sentences recur in most articles; the quotations page lists every passage.
PASSAGE_OTHERS_LISTED = 1


def outlet_name(art: Article) -> str:
    """The article's outlet name, or «مصدر غير معروف»."""
    return art.outlet.name if art.outlet else "مصدر غير معروف"


def story_title(story: Story) -> str:
    """The headline of the story's first version whose title is a headline (not derived from its
    first sentence), else the first version's title."""
    for a in story.articles:
        if a.title and not a.title_derived:
            return a.title
    return story.articles[0].title or story.articles[0].id


def _short(text: str, n: int = QUOTE_CHARS) -> str:
    return text if len(text) <= n else text[:n].rsplit(" ", 1)[0] + " …"


def _quote_block(text: str, n: int = QUOTE_CHARS) -> str:
    return "> «" + escape_inline(_short(text, n)) + "»"


# ---- stories -------------------------------------------------------------------------------------

def render_story(ctx: Context, story: Story) -> Output:
    """A story's page: its versions side by side, what each names alone, the timeline, the versions
    of one text among them and the passages they share."""
    urls = ctx.urls
    here = urls.story(story.id)
    title = story_title(story)
    arts = story.articles
    outlets = {outlet_name(a) for a in arts}
    dated = [a.date for a in arts if parse_iso(a.date)]
    fm = [("title", f"قصة: {title}"), ("kind", "story"), ("id", story.id),
          ("articles", [a.id for a in arts])]
    lines = [f"# قصة: {escape_inline(title)}", "",
             "تقارير عن حدث واحد من مصادر مختلفة، جمعها المولّد لتشابه نصوصها والأسماء الواردة فيها "
             "وتقارب تواريخها.", ""]
    lines.append(count_line("عدد النسخ", len(arts)))
    lines.append(count_line("عدد المصادر", len(outlets)))
    if dated:
        lines.append(count_line("الفترة", f"{list_date(min(dated), None)} — {list_date(max(dated), None)}"))
    if story.shared:
        chips = " · ".join(entity_link(ctx, here, e) for e in story.shared if e in ctx.entities)
        lines.append(f"- **أسماء في كل النسخ:** {chips}")
    lines += ["", "## النسخ جنباً إلى جنب", "",
              "| # | المصدر | التاريخ | العنوان | الطول (كلمة) | بعد أول نشر |",
              "|---|---|---|---|---|---|"]
    for i, a in enumerate(arts, 1):
        days = days_after_first(story, a)
        after = "—" if days is None else ("أول نشر" if i == 1 else ("اليوم نفسه" if days == 0 else f"{number(days)} يوم"))
        lines.append(f"| {number(i)} | {escape_inline(outlet_name(a))} | {escape_inline(list_date(a.date, a.date_not_before))} "
                     f"| {link(a.title or a.id, Urls.link(here, urls.article(a.id)))} | {number(len(words(a.body)))} "
                     f"| {escape_inline(after)} |")
    lines += ["", "## ما تنفرد به كل نسخة", "", "الأسماء التي تذكرها نسخة ولا تذكرها النسخ الأخرى.", ""]
    for a in arts:
        own = [e for e in story.own_entities(a.id) if e in ctx.entities]
        own.sort(key=lambda e: collation_key(ctx.entities[e].name))
        chips = " · ".join(entity_link(ctx, here, e) for e in own) if own else "لا شيء"
        lines.append(f"- **{escape_inline(outlet_name(a))}** "
                     f"({link(a.title or a.id, Urls.link(here, urls.article(a.id)))}): {chips}")
    lines += ["", "## على الخط الزمني", ""]
    for a in arts:
        d = parse_iso(a.date)
        if d is not None:
            month = link(month_label(d.year, d.month), Urls.link(here, urls.month(d.year, d.month)))
            lines.append(f"- {escape_inline(list_date(a.date, None))} ({month}) — "
                         f"{escape_inline(outlet_name(a))}: {link(a.title or a.id, Urls.link(here, urls.article(a.id)))}")
        else:
            lines.append(f"- {escape_inline(list_date(a.date, a.date_not_before))} — "
                         f"{escape_inline(outlet_name(a))}: {link(a.title or a.id, Urls.link(here, urls.article(a.id)))}")
    ids = {a.id for a in arts}
    pairs = [v for v in ctx.reuse.versions if v.a in ids and v.b in ids]
    if pairs:
        lines += ["", "## نسخ من نص واحد", ""]
        lines += [_version_item(ctx, here, v) for v in pairs]
    shared = [q for q in ctx.reuse.quotations if len({o.article.id for o in q.occurrences} & ids) >= 2]
    if shared:
        lines += ["", "## نصوص تشترك فيها النسخ", ""]
        for q in shared:
            lines += _quotation_lines(ctx, here, q, None)
    return Output(here, page(fm, lines), f"story {story.id}")


def render_stories_index(ctx: Context) -> Output:
    """Every story, newest first, with its date, number of versions and of outlets."""
    here = ctx.urls.stories_index()
    stories = sorted(ctx.reuse.stories, key=lambda s: _newest_first(s))
    lines = ["# القصص", "",
             "تقارير عن حدث واحد من مصادر مختلفة، مجموعة في قصة لكل حدث، الأحدث أولاً. "
             "انظر أيضاً [النصوص المشتركة](" + Urls.link(here, ctx.urls.quotations_index()) + ").", ""]
    for s in stories:
        first = s.articles[0]
        outlets = len({outlet_name(a) for a in s.articles})
        lines.append(f"- {link(story_title(s), Urls.link(here, ctx.urls.story(s.id)))} — "
                     f"{escape_inline(list_date(first.date, first.date_not_before))} · "
                     f"{count_phrase(len(s.articles), 'version')} · {count_phrase(outlets, 'outlet')}")
    if not stories:
        lines.append("لا قصص بعد.")
    return Output(here, page([("title", "القصص"), ("kind", "index")], lines), "index stories")


def _newest_first(s: Story) -> tuple:
    d = parse_iso(s.articles[0].date)
    return (0, -d.toordinal(), s.id) if d else (1, 0, s.id)


# ---- versions of one text ------------------------------------------------------------------------

def _version_item(ctx: Context, here: str, v: VersionPair) -> str:
    a, b = _article(ctx, v.a), _article(ctx, v.b)
    target = Urls.link(here, ctx.urls.versions(v.a, v.b))
    return (f"- {link(f'{outlet_name(a)} ↔ {outlet_name(b)}', target)} — "
            f"{escape_inline(f'نص مشترك: {round(v.shared * 100)}٪')}")


def _article(ctx: Context, aid: str) -> Article:
    story = ctx.reuse.story_of.get(aid)  # versions of one text are always in one story
    if story is not None:
        for a in story.articles:
            if a.id == aid:
                return a
    return next(a for a in ctx.articles if a.id == aid)


def diff_markdown(ops: list[tuple[str, str]]) -> list[str]:
    """Paragraphs of a word diff: cut text in <del>, added text in <ins>, the rest as written."""
    paras: list[str] = []
    cur: list[str] = []
    for op, text in ops:
        parts = text.split("\n")
        for i, part in enumerate(parts):
            if i > 0 and op == "=":
                if "".join(cur).strip():
                    paras.append("".join(cur).strip())
                cur = []
            if not part.strip():
                continue
            esc = escape_inline(part)
            if op == "-":
                cur.append(f" <del>{esc}</del> ")
            elif op == "+":
                cur.append(f" <ins>{esc}</ins> ")
            else:
                cur.append(esc)
    if "".join(cur).strip():
        paras.append("".join(cur).strip())
    return paras


def render_versions(ctx: Context, v: VersionPair) -> Output:
    """The page of two versions of one text: both linked, then the word-level diff of their bodies."""
    urls = ctx.urls
    here = urls.versions(v.a, v.b)
    a, b = _article(ctx, v.a), _article(ctx, v.b)
    title = f"نسختان من نص واحد: {outlet_name(a)} و{outlet_name(b)}"
    lines = [f"# {escape_inline(title)}", "",
             "مقالان يكادان يكونان نصاً واحداً (نسخة وكالة أعاد مصدران نشرها)، مع ما حذفته النسخة الثانية "
             "أو أضافته كلمةً كلمة.", ""]
    lines.append(f"- **النسخة الأولى:** {link(a.title or a.id, Urls.link(here, urls.article(a.id)))} — "
                 f"{escape_inline(outlet_name(a) + ' · ' + list_date(a.date, a.date_not_before))}")
    lines.append(f"- **النسخة الثانية:** {link(b.title or b.id, Urls.link(here, urls.article(b.id)))} — "
                 f"{escape_inline(outlet_name(b) + ' · ' + list_date(b.date, b.date_not_before))}")
    lines.append(count_line("نص مشترك", f"{round(v.shared * 100)}٪ من النسخة الأطول"))
    lines += ["", "## الفرق كلمةً كلمة", "",
              "<del>المشطوب</del> ورد في النسخة الأولى وحذفته الثانية؛ <ins>المسطّر</ins> أضافته الثانية.", ""]
    for para in diff_markdown(word_diff(a.body, b.body)):
        lines += [para, ""]
    fm = [("title", title), ("kind", "versions"), ("articles", [v.a, v.b])]
    return Output(here, page(fm, lines), f"versions {v.a} {v.b}")


# ---- quotations ----------------------------------------------------------------------------------

def _distinct_occurrences(q: Quotation) -> tuple[list[tuple[int, Any]], frozenset[str]]:
    """(place in q.occurrences, occurrence) of each article's first occurrence, in order, and the
    set of their article ids; worked out once per quotation (a passage printed by thousands of
    articles is listed on each of their pages)."""
    memo = q.__dict__.get("_distinct")
    if memo is None:
        seen: dict[str, tuple[int, Any]] = {}
        for n, o in enumerate(q.occurrences):
            seen.setdefault(o.article.id, (n, o))
        memo = q.__dict__["_distinct"] = (list(seen.values()), frozenset(seen))
    return memo


def _quotation_lines(ctx: Context, here: str, q: Quotation, current: str | None) -> list[str]:
    lines = [_quote_block(q.text, QUOTE_CHARS_OWN_PAGE if current else QUOTE_CHARS), ""]
    if q.speaker and q.speaker in ctx.entities:
        lines += [f"— {entity_link(ctx, here, q.speaker)}", ""]
    label = "ورد هذا النص أيضاً في (أول ظهور أولاً):" if current else "ورد في (أول ظهور أولاً):"
    lines += [label, ""]
    distinct, ids = _distinct_occurrences(q)
    listed = 0
    for n, o in distinct:
        if o.article.id == current:
            if n == 0:
                lines.append("- هذا المقال أول من نشره")
            continue
        if listed >= PASSAGE_OTHERS_LISTED:
            break
        listed += 1
        item = article_item(ctx, here, o.article)
        lines.append(item + (" — أول ظهور" if n == 0 else ""))
    left = len(distinct) - listed - (current in ids)
    if left:
        lines.append(f"- وغيرها: {count_phrase(left, 'article')}")
    return lines + [""]


def render_quotations_index(ctx: Context) -> list[Output]:
    """Every shared quotation or passage, by first appearance, with its speaker and first article;
    LIST_LIMIT a page (`paged`: 1.7 MB on one page at 10,000 articles)."""
    here = ctx.urls.quotations_index()
    quotes = ctx.reuse.quotations
    lines = ["# النصوص المشتركة", "",
             "اقتباسات ومقاطع طويلة نشرها أكثر من مقال بالنص نفسه، مع قائلها حين يذكره النص، "
             "مرتبة بتاريخ أول ظهور.", ""]
    lines.append(count_line("عددها", len(quotes)))
    lines.append("")

    def item(q: Quotation) -> Callable[[str], list[str]]:
        def lines_at(at: str) -> list[str]:
            first = q.occurrences[0].article
            who = f" — {entity_link(ctx, at, q.speaker)}" if q.speaker and q.speaker in ctx.entities else ""
            n = len(_distinct_occurrences(q)[1])
            return [f"- «{escape_inline(_short(q.text, 200))}»{who} — "
                    f"{link(first.title or first.id, Urls.link(at, ctx.urls.article(first.id)))} "
                    f"· {count_phrase(n, 'article')}"]
        return lines_at

    if not quotes:
        lines.append("لا نصوص مشتركة بعد.")
        subs: list[Output] = []
    else:
        listed, subs = paged(ctx, here, "النصوص المشتركة", [item(q) for q in quotes], LIST_LIMIT,
                             "index quotations", None, None, "index")
        lines += listed
    return [Output(here, page([("title", "النصوص المشتركة"), ("kind", "index")], lines), "index quotations")] + subs


# ---- sections of other pages ---------------------------------------------------------------------

def article_sections(ctx: Context, art: Article, here: str) -> list[str]:
    """The story, versions and shared-text sections of an article page (empty when it has none)."""
    reuse = ctx.reuse
    lines: list[str] = []
    story = reuse.story_of.get(art.id)
    if story is not None:
        lines += ["## القصة", "",
                  f"هذا المقال نسخة من {number(len(story.articles))} في "
                  f"{link(story_title(story), Urls.link(here, ctx.urls.story(story.id)))}. النسخ الأخرى:", ""]
        others = [a for a in story.articles if a.id != art.id]
        lines += [article_item(ctx, here, a) for a in others[:OCCURRENCES_LISTED]]
        if len(others) > OCCURRENCES_LISTED:  # the story's page lists them all
            lines.append(f"- وغيرها في صفحة القصة: {count_phrase(len(others) - OCCURRENCES_LISTED, 'article')}")
        lines.append("")
    pairs = reuse.versions_of.get(art.id, [])
    if pairs:
        lines += ["## نسخ من النص نفسه", ""]
        lines += [_version_item(ctx, here, v) for v in pairs] + [""]
    quotes = reuse.quotes_in.get(art.id, [])
    if quotes:
        lines += ["## نصوص مشتركة مع مقالات أخرى", ""]
        for q in quotes:
            lines += _quotation_lines(ctx, here, q, art.id)
    return lines


def entity_sections(ctx: Context, info: EntityInfo, here: str) -> list[str]:
    """Quotations attributed to the entity that appear in two or more articles."""
    quotes = ctx.reuse.quotes_by.get(info.id, [])
    if not quotes:
        return []
    lines = ["## أقوال منسوبة إليه نشرها أكثر من مقال", ""]
    if len(quotes) > QUOTES_ON_ENTITY:
        lines += [f"أول {number(QUOTES_ON_ENTITY)} من {number(len(quotes))}.", ""]
    for q in quotes[:QUOTES_ON_ENTITY]:
        lines += _quotation_lines(ctx, here, q, None)
    return lines


def render_reuse(ctx: Context) -> list[Output]:
    """Every page of this stage: the stories index and one page per story, one page per pair of
    versions, the index of shared quotations."""
    outs = [render_stories_index(ctx), *render_quotations_index(ctx)]
    outs += [render_story(ctx, s) for s in ctx.reuse.stories]
    outs += [render_versions(ctx, v) for v in ctx.reuse.versions]
    return outs
