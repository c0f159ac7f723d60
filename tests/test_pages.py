"""Page rendering from a context made of articles written here (no extraction stage involved)."""
from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import given, settings, strategies as st

from generator import cleaner, entities, outlets, topics
from generator.context import Context, assemble
from generator.dates_ar import display_date, long_date, month_label, undated_label
from generator.model import Article, EntityHit, OutletRef
from generator.pages import Output, escape_line, front_matter, render_site
from generator.pipeline import SiteConfig, Skipped

PEOPLE = {
    "karim-nasser": entities.Entity("karim-nasser", "person", "كريم ناصر", aliases=["ناصر"],
                                    wikidata="Q1", description="شخصية متخيلة للاختبار"),
    "laila-samir": entities.Entity("laila-samir", "person", "ليلى سمير"),
    "wadi-alnour": entities.Entity("wadi-alnour", "place", "وادي النور"),
    "amman": entities.Entity("amman", "place", "عمّان"),
    "almarj": entities.Entity("almarj", "place", "المرج"),
    "ibb": entities.Entity("ibb", "place", "إب"),
    "unused": entities.Entity("unused", "place", "مدينة بلا مقالات"),
    "water-council": entities.Entity("water-council", "organization", "مجلس المياه"),
}


def hit(eid: str, count: int = 1, surfaces: list[str] | None = None, offset: int = 0) -> EntityHit:
    e = PEOPLE[eid]
    return EntityHit(e.id, e.name, e.type, count, surfaces or [e.name], offset)


def art(source: str, title: str, body: str, date: str | None = None, **kw: object) -> Article:
    a = Article(source=source, id=Path(source).stem.lower(), title=title, body=body, date=date,
                sha256=source, **kw)  # type: ignore[arg-type]
    return a


def config() -> SiteConfig:
    return SiteConfig(Path("site_config"), cleaner.Furniture(),
                      outlets.Registry({"sada": outlets.Outlet("sada", "صدى المدينة")}),
                      entities.Gazetteer(dict(PEOPLE)),
                      {"water": topics.Topic("water", "المياه", "أخبار الماء والري")})


def sample_articles() -> list[Article]:
    sada = OutletRef("sada", "صدى المدينة")
    return [
        art("corpus/a1.txt", "افتتاح سد جديد في وادي النور",
            "قال كريم ناصر إن السد الجديد في وادي النور سيخدم المزارعين.\nوأضاف ناصر أن كريم ناصر سيزور عمّان.",
            "2015-09-27", outlet=sada, topics=["water"],
            entities=[hit("karim-nasser", 3, ["كريم ناصر", "ناصر"]), hit("wadi-alnour"), hit("amman"),
                      hit("almarj")]),
        art("corpus/a2.txt", "مجلس المياه يجتمع",
            "اجتمع مجلس المياه مع ليلى سمير ووفد من وادي النور.",
            "2015-09-29", outlet=sada, author="سلمى يوسف", wire=["وكالة متخيلة"],
            source_url="https://example.org/a2?x=(1)",
            entities=[hit("water-council"), hit("laila-samir"), hit("wadi-alnour")]),
        art("corpus/a3.txt", "تقرير بلا تاريخ عن إب", "زار كريم ناصر مدينة إب.",
            None, date_not_before="2015-09-25", entities=[hit("karim-nasser"), hit("ibb")]),
        art("corpus/a4.txt", "خبر من آب", "قالت ليلى سمير إن الموسم جيد.", "2015-08-02",
            entities=[hit("laila-samir")]),
    ]


def build(arts: list[Article] | None = None, skipped: list[Skipped] | None = None) -> tuple[Context, dict[str, Output]]:
    ctx = assemble(Path("corpus"), Path("site_config"), config(), arts if arts is not None else sample_articles(),
                   skipped or [], [])
    outs = render_site(ctx)
    return ctx, {o.path: o for o in outs}


def split(text: str) -> tuple[dict, str]:
    assert text.startswith("---\n")
    end = text.index("\n---\n", 4)
    return yaml.safe_load(text[4:end]), text[end + 5:]


def plain(text: str) -> str:
    """Markdown text without its HTML tags (what a reader sees of `<time>`, `<bdi>`, `<span>`)."""
    return re.sub(r"<[^>]+>", "", text)


def main_part(body: str) -> str:
    """A page's Markdown from its title on (without the breadcrumbs above it)."""
    return body[body.index("\n# ") + 1:] if "\n# " in body else body


def links(path: str, text: str) -> list[tuple[str, str]]:
    """(link text, resolved target) for every relative Markdown link in a page."""
    out = []
    for label, target in re.findall(r"(?<!\\)\[((?:\\.|[^\]\\])*)\]\(([^)\s]+)\)", text):
        if "://" not in target:
            out.append((label, posixpath.normpath(posixpath.join(posixpath.dirname(path), target))))
    return out


# ---- escaping ------------------------------------------------------------------------------------

HOSTILE = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))",
    "# ليس عنواناً", "> ليس اقتباساً", "| a | b |", "- ليس قائمة", "+ ولا هذه", "* ولا هذه",
    "1. ليس ترقيماً", "١. ولا هذا", "`code`", "**غامق** و_مائل_", "---", "===", "&amp; &copy;",
    "\\[x\\]", "![صورة](x.png)", "<https://example.org>", "{: .cls }", "    مسافة بادئة",
    "نص عادي: ما زال نصاً", "~~شطب~~", "[^1]", "*[HTML]: x",
]

_PRINTABLE = st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"))


def rendered_text(md: str) -> tuple[str, str]:
    out = markdown.markdown(md, extensions=["toc"])
    inner = re.fullmatch(r"<p>(.*)</p>", out, re.S)
    return out, html.unescape(inner.group(1)) if inner else ""


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_lines_render_as_the_same_text(text: str) -> None:
    out, inner = rendered_text(escape_line(text))
    assert re.fullmatch(r"<p>.*</p>", out, re.S), out
    assert "<" not in re.sub(r"^<p>|</p>$", "", out)
    assert inner == text.strip()


@settings(max_examples=300, deadline=None)
@given(st.text(_PRINTABLE, min_size=1, max_size=60).filter(lambda s: s.strip()))
def test_any_line_renders_as_itself(text: str) -> None:
    out, inner = rendered_text(escape_line(text))
    assert "<" not in re.sub(r"^<p>|</p>$", "", out), out
    assert inner == re.sub(r"\s+", " ", text.strip()) or inner == text.strip()


@pytest.mark.parametrize("title", ["---", "key: value", "'quoted' \"double\"", "../../etc/passwd",
                                   "- item\n- other", "{a: b}", "&anchor *alias", "null", "2015-09-27"])
def test_front_matter_round_trips(title: str) -> None:
    fm = front_matter([("title", title), ("date", "2015-09-27"), ("missing", None)])
    data, rest = split(fm + "body\n")
    assert data == {"title": title, "date": "2015-09-27"} and rest.strip() == "body"


def test_hostile_title_stays_text_and_in_content() -> None:
    a = art("corpus/x.txt", "../../etc/passwd", "<script>alert(1)</script>\n# عنوان مزيف", "2015-09-27")
    _, outs = build([a])
    page = outs["articles/x.md"]
    data, body = split(page.text)
    assert data["title"] == "../../etc/passwd"
    html_out = markdown.markdown(body)
    assert "<script" not in html_out and "<h1>عنوان مزيف" not in html_out
    assert "&lt;script&gt;" in html_out
    assert all(not p.startswith("/") and ".." not in p.split("/") for p in outs)


# ---- article page --------------------------------------------------------------------------------

def test_article_metadata_and_first_mentions_linked_once() -> None:
    ctx, outs = build()
    text = outs["articles/a1.md"].text
    data, body = split(text)
    assert list(data)[:4] == ["title", "kind", "id", "date"]
    assert data["date"] == "2015-09-27" and data["outlet"] == "صدى المدينة"
    assert "الأحد 27 أيلول/سبتمبر 2015" in body
    assert "[<bdi>صدى المدينة</bdi>](../outlets/sada.md)" in body
    assert "[<bdi>المياه</bdi>](../topics/water.md)" in body
    text_part = body.split("## النص", 1)[1].split("## مقالات ذات صلة", 1)[0]
    lk = links("articles/a1.md", text_part)
    assert ("كريم ناصر", "people/karim-nasser.md") in lk
    assert ("وادي النور", "places/wadi-alnour.md") in lk
    assert ("عمّان", "places/amman.md") in lk
    assert [t for _, t in lk].count("people/karim-nasser.md") == 1  # first mention only
    first = text_part.index("[كريم ناصر]")
    assert "كريم ناصر" not in text_part[:first]


def test_entity_chips_grouped_by_type() -> None:
    _, outs = build()
    body = split(outs["articles/a2.md"].text)[1]
    chips = body.split("## الأسماء الواردة", 1)[1].split("## النص", 1)[0]
    people = next(ln for ln in chips.splitlines() if ln.startswith("- **الأشخاص:**"))
    places = next(ln for ln in chips.splitlines() if ln.startswith("- **الأماكن:**"))
    orgs = next(ln for ln in chips.splitlines() if ln.startswith("- **المنظمات:**"))
    assert "ليلى سمير" in people and "وادي النور" in places and "مجلس المياه" in orgs


def test_source_link_only_for_http_urls() -> None:
    a = art("corpus/j.txt", "عنوان", "نص.", "2015-09-27", source_url="javascript:alert(1)")
    _, outs = build([a])
    assert "javascript" not in markdown.markdown(split(outs["articles/j.md"].text)[1], extensions=["md_in_html"])
    _, outs = build()
    html_out = markdown.markdown(split(outs["articles/a2.md"].text)[1], extensions=["md_in_html"])
    assert 'href="https://example.org/a2?x=%281%29"' in html_out


def test_related_articles_share_entities_with_date_and_outlet() -> None:
    ctx, outs = build()
    assert [a.id for a in ctx.related["a1"]][:2] == ["a2", "a3"] or {a.id for a in ctx.related["a1"]} >= {"a2", "a3"}
    rel = split(outs["articles/a1.md"].text)[1].split("## مقالات ذات صلة", 1)[1].split('<nav class="arshif-prevnext ')[0]
    line = next(ln for ln in rel.splitlines() if "a2.md" in ln)
    assert "29 أيلول/سبتمبر 2015" in plain(line) and "صدى المدينة" in line
    assert '<time datetime="2015-09-29">' in line
    assert "a4.md" not in rel  # shares nothing with a1


def test_undated_article_label() -> None:
    _, outs = build()
    body = split(outs["articles/a3.md"].text)[1]
    assert "غير مؤرخ — بعد 25 أيلول/سبتمبر 2015" in plain(body)
    assert '<time datetime="2015-09-25">' in body


# ---- entity, topic, outlet, indexes, timeline ----------------------------------------------------

def test_entity_page() -> None:
    ctx, outs = build()
    assert "places/unused.md" not in outs  # curated but never mentioned: no page
    data, body = split(outs["people/karim-nasser.md"].text)
    assert data["title"] == "كريم ناصر" and data["aliases"] == ["ناصر"]
    assert "https://www.wikidata.org/wiki/Q1" in body and "شخصية متخيلة للاختبار" in body
    assert "- **عدد الإشارات:** 4" in body and "- **عدد المقالات:** 2" in body
    assert "- **أول ظهور:** 27 أيلول/سبتمبر 2015" in plain(body)
    arts = body.split("## المقالات", 1)[1].split("## أسماء ترد معه", 1)[0]
    assert arts.index("a1.md") < arts.index("a3.md")  # dated newest first, undated last
    co = body.split("## أسماء ترد معه", 1)[1]
    assert "[<bdi>وادي النور</bdi>](../places/wadi-alnour.md) — 1" in co and "[<bdi>إب</bdi>](../places/ibb.md) — 1" in co


def test_entity_articles_newest_first() -> None:
    _, outs = build()
    body = split(outs["people/laila-samir.md"].text)[1]
    assert body.index("a2.md") < body.index("a4.md")


def test_topic_and_outlet_pages() -> None:
    _, outs = build()
    topic = split(outs["topics/water.md"].text)[1]
    assert "أخبار الماء والري" in topic and "a1.md" in topic and "a2.md" not in topic
    outlet = split(outs["outlets/sada.md"].text)[1]
    assert outlet.index("a2.md") < outlet.index("a1.md")
    top = outlet.split("## الأسماء الأكثر وروداً", 1)[1].split("## المقالات", 1)[0]
    assert top.splitlines()[2].startswith("- [<bdi>وادي النور</bdi>]") and top.splitlines()[2].endswith("— 2")


def test_indexes_use_arabic_collation_with_counts() -> None:
    _, outs = build()
    places = main_part(split(outs["places/index.md"].text)[1])
    order = re.findall(r"\[<bdi>([^<]+)</bdi>\]", places)
    assert order == ["إب", "عمّان", "المرج", "وادي النور"]  # إ folds to ا; المرج files under م
    assert "\n## م\n" in places
    assert "[<bdi>وادي النور</bdi>](wadi-alnour.md) — 2" in places
    people = main_part(split(outs["people/index.md"].text)[1])
    assert re.findall(r"\[<bdi>([^<]+)</bdi>\]", people) == ["كريم ناصر", "ليلى سمير"]


def test_timeline_counts_and_month_pages() -> None:
    _, outs = build()
    tl = split(outs["timeline/index.md"].text)[1]
    assert "## 2015\n\n- **عدد المقالات:** 3\n" in tl
    assert "[<bdi>أيلول/سبتمبر 2015</bdi>](2015-09.md) — 2" in tl and "[<bdi>آب/أغسطس 2015</bdi>](2015-08.md) — 1" in tl
    assert "](undated.md) — 1" in tl
    sept = split(outs["timeline/2015-09.md"].text)[1]
    assert "a1.md" in sept and "a2.md" in sept and "a4.md" not in sept


def test_home_and_report() -> None:
    _, outs = build(skipped=[Skipped("corpus/bin.txt", "not a text file")])
    home = split(outs["index.md"].text)[1]
    assert "[4 مقالات](timeline/index.md)" in home and "[مصدر واحد](outlets/index.md)" in home
    assert "من 2 آب/أغسطس 2015 إلى 29 أيلول/سبتمبر 2015" in plain(home)
    latest = home.split("## أحدث المقالات", 1)[1].split("## مقالات غير مؤرخة", 1)[0]
    assert latest.index("a2.md") < latest.index("a1.md") and "a3.md" not in latest
    assert "a3.md" in home.split("## مقالات غير مؤرخة", 1)[1].split("\n## ", 1)[0]
    assert '<svg viewBox=' in home and "<title id=\"arshif-chart-title\">" in home
    assert "## الأشخاص الأكثر وروداً" in home and "## الأماكن الأكثر وروداً" in home
    report = split(outs["report.md"].text)[1]
    assert "`bin.txt` — ليس ملفاً نصياً" in report
    assert re.search(r"`a3.txt` ← .*غير مؤرخ", report)
    assert re.search(r"`a4.txt` ← .*مصدر غير معروف", report)
    assert "→" not in report and "corpus/" not in report


def test_every_link_points_to_a_generated_page() -> None:
    _, outs = build()
    for path, out in outs.items():
        if isinstance(out.text, bytes):
            continue  # gzipped data files
        for label, target in links(path, out.text):
            assert target in outs, f"{path}: [{label}] → {target}"


def test_duplicates_and_clashing_ids() -> None:
    a = art("corpus/same1.txt", "عنوان", "نص.", "2015-09-27")
    b = art("corpus/same2.txt", "عنوان", "نص.", "2015-09-27")
    b.sha256 = a.sha256
    c = art("corpus/X.txt", "عنوان آخر", "نص آخر.", "2015-09-27")
    d = art("corpus/x.txt", "عنوان ثالث", "نص ثالث.", "2015-09-27")
    c.id = d.id = "x"
    ctx, outs = build([b, a, d, c])
    assert [(x.source, x.original) for x in ctx.duplicates] == [("corpus/same2.txt", "corpus/same1.txt")]
    ids = {x.source: x.id for x in ctx.articles}
    assert ids["corpus/x.txt"] == "x" and ids["corpus/X.txt"].startswith("x-")
    assert f"articles/{ids['corpus/X.txt']}.md" in outs and "articles/x.md" in outs
    assert "`same2.txt` — نسخة مطابقة من `same1.txt`" in outs["report.md"].text


def test_rendering_is_deterministic_whatever_the_input_order() -> None:
    _, one = build(sample_articles())
    _, two = build(list(reversed(sample_articles())))
    assert {p: o.text for p, o in one.items()} == {p: o.text for p, o in two.items()}


# ---- Arabic dates --------------------------------------------------------------------------------

def test_arabic_dates() -> None:
    assert long_date("2015-09-27") == "الأحد 27 أيلول/سبتمبر 2015"
    assert long_date("2016-01-04") == "الاثنين 4 كانون الثاني/يناير 2016"
    assert undated_label("2015-09-25") == "غير مؤرخ — بعد 25 أيلول/سبتمبر 2015"
    assert undated_label(None) == "غير مؤرخ"
    assert display_date(None, "2015-09-25") == undated_label("2015-09-25")
    assert month_label(2015, 12) == "كانون الأول/ديسمبر 2015"


def test_long_lists_show_the_newest_or_go_on_numbered_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import pages

    monkeypatch.setattr(pages, "LIST_LIMIT", 1)
    _, outs = build()
    body = split(outs["people/karim-nasser.md"].text)[1]
    listed = body.split("## المقالات", 1)[1].split("## أسماء ترد معه", 1)[0]
    assert "a1.md" in listed and "a3.md" not in listed  # the newest only
    # the rest through the search page, which lists every article of the name (search.js, browse)
    assert listed.strip().startswith("مقالان، هنا أحدث 1 منها، وفي [صفحة البحث](../search.md?entity=karim-nasser) كلها.")
    assert "\n\n[كل المقالات (2) في صفحة البحث](../search.md?entity=karim-nasser)\n" in listed
    assert "search.md" not in outs["topics/water.md"].text  # one article: listed, nothing more to see
    outlet = next(p for p in outs if p.startswith("outlets/") and "search.md?outlet=" in outs[p].text)
    assert re.search(r"\(\.\./search\.md\?outlet=%[0-9A-F]{2}", outs[outlet].text)  # the name, percent-encoded
    assert not [p for p in outs if re.match(r"(people|places|organizations|topics|outlets)/.+/page-", p)]
    # the alphabetical indexes too: one name a page here, the letters linked to where they start
    places = [p for p in outs if p == "places/index.md" or p.startswith("places/page-")]
    assert sorted(places) == ["places/index.md", "places/page-2.md", "places/page-3.md", "places/page-4.md"]
    first = split(outs["places/index.md"].text)[1]
    assert "الحروف: [إ](index.md) [ع](page-2.md) [م](page-3.md) [و](page-4.md)" in first
    assert len(re.findall(r"^- \[", main_part(split(outs["places/page-3.md"].text)[1]), re.M)) == 1
    # the undated list and month pages too
    assert "timeline/2015-09/page-2.md" in outs and "a1.md" in outs["timeline/2015-09/page-2.md"].text
    for path, out in outs.items():
        if isinstance(out.text, bytes):
            continue  # gzipped data files
        if path not in ("index.md", "report.md") and not path.startswith("articles/"):
            assert len(re.findall(r"^- \[.*\]\(.*articles/", out.text, re.M)) <= 1, path
        for label, target in links(path, out.text):
            assert target.split("?")[0] in outs or target.startswith("search.md?"), f"{path}: [{label}] → {target}"


def test_report_goes_on_numbered_pages_and_accounts_for_every_article(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import pages

    monkeypatch.setattr(pages, "REPORT_LIMIT", 3)
    _, outs = build()
    first = split(outs["report.md"].text)[1]
    assert "4 مقالات على صفحتين، بترتيب ملفاتها." in first
    assert "**1** [2](report/page-2.md) [التالية](report/page-2.md)" in first
    second = split(outs["report/page-2.md"].text)[1]
    assert "# <bdi>تقرير البناء</bdi> — الصفحة 2" in second and "[1](../report.md)" in second
    entries = re.findall(r"^- `([^`]+)` ←", first + second, re.M)
    assert entries == ["a1.txt", "a2.txt", "a3.txt", "a4.txt"]  # each once, in file order
    assert "a4.txt" in second and "a4.txt" not in first
    for path in ("report.md", "report/page-2.md"):
        for label, target in links(path, outs[path].text):
            assert target in outs, f"{path}: [{label}] → {target}"
    monkeypatch.setattr(pages, "REPORT_LIMIT", 1000)
    _, outs = build()
    assert not [p for p in outs if p.startswith("report/")] and "arshif-pager" not in outs["report.md"].text


def test_every_page_is_in_the_nav_or_listed_as_not_in_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """mkdocs.yml's nav or its not_in_nav patterns cover every page the generator can write, numbered
    pages included (a page in neither fails `mkdocs build --strict`)."""
    import pathspec

    from generator import pages

    monkeypatch.setattr(pages, "LIST_LIMIT", 1)
    monkeypatch.setattr(pages, "REPORT_LIMIT", 1)
    monkeypatch.setattr("generator.reuse_pages.LIST_LIMIT", 1)
    config = yaml.safe_load(Path("mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    in_nav = {next(iter(item.values())) for item in config["nav"]}
    spec = pathspec.GitIgnoreSpec.from_lines(config["not_in_nav"].splitlines())
    _, outs = build()
    md = [p for p in outs if p.endswith(".md")]
    assert "report/page-2.md" in md and any(p.startswith("people/") and "/page-" in p for p in md)
    missed = [p for p in md if p not in in_nav and not spec.match_file(p)]
    assert not missed, missed


def test_pager_links_the_ends_and_the_neighbourhood_only() -> None:
    from generator.pages import pager, pager_numbers

    assert pager_numbers(1, 1) == [1]
    assert pager_numbers(5, 3) == [1, 2, 3, 4, 5]
    assert pager_numbers(500, 1) == [1, 2, 3, None, 500]
    assert pager_numbers(500, 250) == [1, None, 248, 249, 250, 251, 252, None, 500]
    assert pager_numbers(500, 5) == [1, 2, 3, 4, 5, 6, 7, None, 500]  # a gap of one page is the number
    assert pager_numbers(500, 500) == [1, None, 498, 499, 500]
    for count in range(1, 40):  # every page reachable: from each page, the pager leads closer to any other
        for current in range(1, count + 1):
            shown = [n for n in pager_numbers(count, current) if n is not None]
            assert shown == sorted(set(shown)) and {1, count, current} <= set(shown)
            assert len(pager_numbers(count, current)) <= 9
    pages = [f"list/page-{n}.md" for n in range(1, 501)]
    line = pager("list/page-250.md", "list/index.md", pages, 250)[2]
    assert line.startswith("الصفحات: [السابقة](page-249.md) [1](page-1.md) … [248](page-248.md)")
    assert "**250**" in line and line.endswith("[500](page-500.md) [التالية](page-251.md)")
    assert len(line) < 400


def test_topics_without_articles_get_no_page_nor_link() -> None:
    cfg_topics = config().topics
    assert "water" in cfg_topics
    a = art("corpus/n.txt", "عنوان", "نص.", "2015-09-27")
    _, outs = build([a])
    assert "topics/water.md" not in outs
    assert "water.md" not in outs["index.md"].text and "water.md" not in outs["topics/index.md"].text


def test_article_header_breadcrumbs_and_previous_next() -> None:
    ctx, outs = build()
    order = [a.id for a in ctx.articles]
    assert order == ["a2", "a1", "a4", "a3"]  # newest first, undated last
    body = split(outs["articles/a1.md"].text)[1]
    head = body.split("\n# ", 1)[0]
    # the generator's own words need no isolation (`OwnWords`); a name in a trail keeps it
    assert "[الرئيسية](../index.md) › [الخط الزمني](../timeline/index.md) › " \
           "[أيلول/سبتمبر 2015](../timeline/2015-09.md)" in head
    person = split(outs["people/karim-nasser.md"].text)[1]
    assert "[الرئيسية](../index.md) › [الأشخاص](index.md)" in person
    assert '<time datetime="2015-09-27">الأحد 27 أيلول/سبتمبر 2015</time>' in body
    nav = body.split('class="arshif-prevnext arshif-prevnext-archive"', 1)[1].split("</nav>", 1)[0]
    assert "(الأحدث): [<bdi>مجلس المياه يجتمع</bdi>](a2.md)" in nav
    assert "(الأقدم): [<bdi>خبر من آب</bdi>](a4.md)" in nav
    assert "الملف" not in body and "corpus/" not in body
    a2 = split(outs["articles/a2.md"].text)[1]
    assert "بقلم <bdi>سلمى يوسف</bdi>" in a2 and "الوكالة: <bdi>وكالة متخيلة</bdi>" in a2
    assert "class=\"arshif-newer\"" not in a2  # the newest has no newer article
    assert split(outs["articles/a1.md"].text)[0]["source"] == "a1.txt"
    undated = split(outs["articles/a3.md"].text)[1].split("\n# ", 1)[0]
    assert "](../timeline/undated.md)" in undated


def _nav(body: str, cls: str) -> str:
    """The `<nav>` of class `cls` in a page body ("" when there is none)."""
    m = re.search(r'<nav class="arshif-prevnext %s" aria-label="([^"]*)" markdown="1">(.*?)</nav>' % cls, body, re.S)
    return (m.group(1) + "\n" + m.group(2)) if m else ""


def _lists(body: str) -> list[str]:
    """The lines of the outlet and topic previous/next `<nav>` of a page body ([] when it has none)."""
    m = re.search(r'<nav class="arshif-prevnext-lists" aria-label="[^"]*" markdown="1">(.*?)</nav>', body, re.S)
    return [ln[2:] for ln in m.group(1).splitlines() if ln.startswith("- ")] if m else []


def test_previous_next_within_the_outlet_and_each_topic() -> None:
    sada, other = OutletRef("sada", "صدى المدينة"), OutletRef("other", "مصدر آخر")
    arts = [  # the archive order: o4 (10-03), then s3 and t2 on 10-02 (ties by id), s2, o1, then undated
        art("corpus/s1.txt", "الأول من صدى", "نص.", "2015-10-01", outlet=sada, topics=["water"]),
        art("corpus/o1.txt", "خبر من مصدر آخر", "نص.", "2015-10-01", outlet=other, topics=["water"]),
        art("corpus/s3.txt", "الثالث من صدى", "نص.", "2015-10-02", outlet=sada, topics=["water", "farms"]),
        art("corpus/t2.txt", "الثاني في اليوم نفسه", "نص.", "2015-10-02", outlet=sada, topics=["farms"]),
        art("corpus/o4.txt", "آخر خبر", "نص.", "2015-10-03", outlet=other),
        art("corpus/u1.txt", "صدى بلا تاريخ", "نص.", None, outlet=sada, topics=["water"]),
    ]
    ctx = assemble(Path("corpus"), Path("site_config"), config(), arts, [], [])
    ctx.topics["farms"].name = "المزارع"
    outs = {o.path: o for o in render_site(ctx)}
    assert [a.id for a in ctx.articles] == ["o4", "s3", "t2", "o1", "s1", "u1"]
    body = split(outs["articles/s3.md"].text)[1]
    archive = _nav(body, "arshif-prevnext-archive")
    assert "التالي (الأحدث): [<bdi>آخر خبر</bdi>](o4.md)" in archive
    assert "السابق (الأقدم): [<bdi>الثاني في اليوم نفسه</bdi>](t2.md)" in archive
    # the outlet first, then the topics in the article's order; s3 is the newest of each
    assert _lists(body) == ["من <bdi>صدى المدينة</bdi>: [السابق](t2.md)",
                            "في موضوع <bdi>المياه</bdi>: [السابق](o1.md)",
                            "في موضوع <bdi>المزارع</bdi>: [السابق](t2.md)"]
    # the oldest dated article of its outlet leads to the undated one, which has no older neighbour
    assert _lists(split(outs["articles/s1.md"].text)[1])[0] == \
        "من <bdi>صدى المدينة</bdi>: [التالي](t2.md) · [السابق](u1.md)"
    # the undated one: its outlet's and its topic's neighbours are the archive's own (s1, then
    # nothing): the archive's links say it, with titles, and no line repeats them
    u1 = split(outs["articles/u1.md"].text)[1]
    assert "التالي (الأحدث): [<bdi>الأول من صدى</bdi>](s1.md)" in _nav(u1, "arshif-prevnext-archive")
    assert _lists(u1) == []
    # an article without topics has its outlet's line only
    assert _lists(split(outs["articles/o4.md"].text)[1]) == ["من <bdi>مصدر آخر</bdi>: [السابق](o1.md)"]
    lone = art("corpus/l1.txt", "وحيد", "نص.", "2015-10-05", outlet=OutletRef("lone", "مصدر وحيد"), topics=["water"])
    _, outs = build([lone])
    body = split(outs["articles/l1.md"].text)[1]
    assert "arshif-prevnext" not in body


def test_related_articles_need_a_specific_shared_entity() -> None:
    from generator.context import specific_entities

    arts = []
    for i in range(30):  # every article names wadi-alnour: in an archive of 30 it is broad
        ents = [hit("wadi-alnour")] + ([hit("laila-samir")] if i in (3, 7) else [])
        arts.append(art(f"corpus/r{i:02d}.txt", f"عنوان {i}", "نص.", f"2015-09-{i % 28 + 1:02d}", entities=ents))
    ctx, _ = build(arts)
    assert "wadi-alnour" not in specific_entities(ctx.entities, len(ctx.articles))
    assert [a.id for a in ctx.related["r03"]] == ["r07"]
    assert ctx.related["r05"] == []  # shares only the broad name (and its day with nobody)


def test_entity_page_chart_has_its_text_alternative() -> None:
    _, outs = build()
    body = split(outs["places/wadi-alnour.md"].text)[1]
    chart = body[body.index("<figure"):body.index("</figure>")]
    assert "\n\n" not in chart  # one raw HTML block
    assert '<title id="arshif-chart-title">' in chart and 'role="img"' in chart
    assert "<td>أيلول/سبتمبر 2015</td><td>2</td>" in chart
    assert "http" not in chart.replace("http://www.w3.org/2000/svg", "")


def test_outlet_country_is_its_cldr_arabic_name() -> None:
    from generator.pages import country_name

    assert country_name("FR") == "فرنسا" and country_name("EG") == "مصر"


_TEXT = st.text(st.one_of(_PRINTABLE, st.sampled_from(list("<>&*_[]()#`|-+!\\:{}\n\t"))), max_size=80)
_ALLOWED_TAGS = {"p", "h1", "h2", "h3", "ul", "li", "a", "strong", "code", "bdi", "nav", "div", "time", "span",
                 "figure", "svg", "title", "rect", "text", "line", "figcaption", "details", "summary", "table",
                 "thead", "tbody", "tr", "th", "td", "ol"}
_ALLOWED_TAGS |= {"blockquote", "del", "ins"}  # shared quotations; a word diff (generator/reuse_pages.py)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_TEXT, _TEXT, st.sampled_from([None, "2015-09-27", "2014-01-31", "2015-02-30"]),
                          st.lists(st.sampled_from(sorted(PEOPLE)), max_size=3, unique=True)),
                min_size=1, max_size=4))
def test_any_articles_render_to_safe_linked_markdown(specs: list[tuple[str, str, str | None, list[str]]]) -> None:
    arts = []
    for i, (title, body, date, ents) in enumerate(specs):
        hits = [hit(e, surfaces=[PEOPLE[e].name]) for e in ents]
        arts.append(art(f"corpus/g{i}.txt", title.replace("\n", " "), body + " " + " ".join(PEOPLE[e].name for e in ents),
                        date, entities=hits))
    _, outs = build(arts)
    for path, out in outs.items():
        if out.source == "search" or not path.endswith(".md"):
            continue  # the search page's own HTML container; data files and feeds (not Markdown)
        data, body = split(out.text)
        assert isinstance(data["title"], str)
        for label, target in links(path, out.text):
            assert target in outs, f"{path}: [{label}] → {target}"
        tags = set(re.findall(r"<([a-z0-9]+)", markdown.markdown(body, extensions=["toc", "md_in_html"])))
        assert tags <= _ALLOWED_TAGS, (path, tags - _ALLOWED_TAGS)


def test_page_cache_gives_the_pages_of_a_fresh_render_after_other_articles_change(tmp_path: Path) -> None:
    """Article pages come from the page cache when their view is unchanged; a change to another
    article that a page shows (a neighbour's title, a name's display name) changes its view, so
    the page is rendered again: with the cache, every page is what a render without it gives."""
    from generator.pages import PageCache

    arts = sample_articles()
    ctx = assemble(Path("corpus"), Path("site_config"), config(), arts, [], [])
    cache = PageCache(tmp_path)
    first = {o.path: o.text for o in render_site(ctx, cache)}
    assert first == {o.path: o.text for o in render_site(ctx)}
    assert len(PageCache(tmp_path).entries) == len(ctx.articles)  # saved, one per article page

    changed = sample_articles()
    changed[1].title = "مجلس المياه يعقد اجتماعه الثاني"  # a2: the neighbour of a1 and a4 in the timeline
    changed[0].entities[0].name = "كريم ناصر الثاني"  # the chips of a1 show the hit's name
    ctx2 = assemble(Path("corpus"), Path("site_config"), config(), changed, [], [])
    cache2 = PageCache(tmp_path)
    kept = set().union(*cache2.loaded.values())
    again = {o.path: o.text for o in render_site(ctx2, cache2)}
    fresh = {o.path: o.text for o in render_site(ctx2)}
    assert again == fresh
    pages = [p for p in fresh if p.startswith("articles/")]
    assert sum(first[p] != fresh[p] for p in pages) >= 3  # a2 itself and the pages linking to it
    assert any(first[p] == fresh[p] for p in pages)  # and one that did not change: from the cache
    rendered = cache2.used - kept
    assert 0 < len(rendered) < len(pages)
