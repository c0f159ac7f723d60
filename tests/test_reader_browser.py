"""The reader's archive in headless chromium, on the site built from the tests' own corpus
(tests/fixture_corpus.py): every page type in Arabic (no English text a reader sees, outside article
text and Latin names), WCAG AA contrast of text and links in both palettes, breadcrumbs and
previous/next links that work, charts with their text alternative, no list longer than 100 articles,
dates that never break, and screenshots of every page type at desktop and phone sizes, light and dark.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin

import pytest

from conftest import ROOT, BuiltSite
from test_search_browser import header_search

sys.path.insert(0, str(ROOT / "tools"))
from screenshots import page_types, shoot  # noqa: E402

pytestmark = pytest.mark.browser

AA = 4.5

# Text nodes a reader sees, outside article text (.arshif-text), article-derived or Latin names
# (<bdi>, lang="en"), code (file paths in the report), scripts and styles.
_VISIBLE_LATIN = r"""() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const text = node.data;
    if (!/[A-Za-z]{2,}/.test(text)) continue;
    const el = node.parentElement;
    if (!el || el.closest('script,style,noscript,code,bdi,.arshif-text,[lang]:not([lang^="ar"])')) continue;
    const st = getComputedStyle(el);
    if (st.visibility === 'hidden' || st.display === 'none' || !el.getClientRects().length) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    out.push(text.trim());
  }
  return out;
}"""

_CONTRAST = r"""(selector) => {
  function rgba(s) { const m = s.match(/[\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; }
  function lum([r, g, b]) {
    const f = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  }
  function background(el) {
    for (let e = el; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c[3] > 0.5) return c;
    }
    return [255, 255, 255, 1];
  }
  const el = document.querySelector(selector);
  if (!el) return null;
  const fg = rgba(getComputedStyle(el).color), bg = background(el);
  const a = fg[3];
  const mixed = [0, 1, 2].map(i => fg[i] * a + bg[i] * (1 - a));
  const [l1, l2] = [lum(mixed), lum(bg)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}"""


def goto(page: Any, url: str) -> None:
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")


@pytest.fixture(scope="module")
def types(seed_site: BuiltSite) -> dict[str, str]:
    found = page_types(seed_site.site)
    for kind in ("article", "person", "place", "organization", "topic", "outlet", "month", "undated"):
        assert kind in found, kind
    return found


def test_no_english_text_on_any_page_type(page: Any, site_url: str, types: dict[str, str]) -> None:
    for kind, path in types.items():
        goto(page, site_url + path)
        latin = page.evaluate(_VISIBLE_LATIN)
        assert latin == [], (kind, latin)
        body = page.inner_text("body")
        assert "→" not in body, kind  # an arrow pointing the wrong way in right-to-left text
        ids = page.eval_on_selector_all("article h2[id], article h3[id]", "els => els.map(e => e.id)")
        assert not [i for i in ids if re.fullmatch(r"_\d+", i)], (kind, ids)  # Arabic anchors, not _1, _2
        # a heading's anchor is its first four words at most (a whole title was printed twice a page),
        # and the theme's "skip to content" link still leads to it
        h1 = page.get_attribute("article h1", "id") or ""
        assert (h1 or kind == "404") and len(h1.split("-")) <= 4, (kind, h1)  # 404.html is not Markdown
        skip = page.evaluate("() => { const a = document.querySelector('.md-skip'); return a && a.getAttribute('href'); }")
        assert skip is None or unquote(skip) == "#" + h1, (kind, skip, h1)
        title = page.title()
        assert title.count("أرشيف") == 1, (kind, title)
        assert not re.search(r"[A-Za-z]{2,}", title), (kind, title)


def test_home_tab_title_and_404_page_in_arabic(page: Any, site_url: str) -> None:
    goto(page, site_url)
    assert page.title() == "أرشيف"
    goto(page, site_url + "404.html")
    assert page.locator("article h1").inner_text().strip() == "الصفحة غير موجودة"
    assert "Not found" not in page.inner_text("body")
    page.locator("article a", has_text="الخط الزمني").click()
    page.wait_for_load_state("load")
    assert page.url == site_url + "timeline/"


def test_report_is_in_the_footer_not_in_the_navigation(page: Any, site_url: str) -> None:
    goto(page, site_url)
    nav = page.eval_on_selector_all(".md-nav--primary a", "els => els.map(e => e.textContent.trim())")
    assert "تقرير البناء" not in nav and "الخط الزمني" in nav
    page.locator(".md-footer a", has_text="تقرير البناء").click()
    page.wait_for_load_state("load")
    assert page.url.rstrip("/").endswith("report")
    assert page.locator("article h1").inner_text().strip() == "تقرير البناء"
    assert "corpus/" not in page.inner_text("article")  # paths inside the corpus, not the builder's


def test_contrast_of_text_and_links_in_both_palettes(browser: Any, site_url: str, types: dict[str, str],
                                                     test_output: Path) -> None:
    measured: dict[str, dict[str, float]] = {}
    for scheme in ("light", "dark"):
        ctx = browser.new_context(viewport={"width": 1366, "height": 900}, locale="ar", color_scheme=scheme)
        pg = ctx.new_page()
        goto(pg, site_url + types["article"])
        assert pg.get_attribute("body", "data-md-color-scheme") == ("default" if scheme == "light" else "slate")
        ratios = {
            "body text": pg.evaluate(_CONTRAST, ".arshif-text p"),
            "link in text": pg.evaluate(_CONTRAST, ".arshif-text a"),
            "metadata": pg.evaluate(_CONTRAST, ".arshif-meta p"),
            "chip link": pg.evaluate(_CONTRAST, ".arshif-chips a"),
            "header title": pg.evaluate(_CONTRAST, ".md-header__topic .md-ellipsis"),
            "navigation link": pg.evaluate(_CONTRAST, ".md-nav--primary .md-nav__link"),
        }
        goto(pg, site_url)
        ratios["list link"] = pg.evaluate(_CONTRAST, "article li a")
        ratios["list date"] = pg.evaluate(_CONTRAST, "article li time")
        header_search(pg, site_url, "داعش")
        ratios["search highlight"] = pg.evaluate(_CONTRAST, ".arshif-result mark")
        ctx.close()
        measured[scheme] = {k: round(v, 2) for k, v in ratios.items() if v is not None}
    (test_output / "contrast.json").write_text(json.dumps(measured, ensure_ascii=False, indent=1), "utf-8")
    for scheme, ratios in measured.items():
        assert len(ratios) == 9, (scheme, ratios)
        for what, ratio in ratios.items():
            assert ratio >= AA, (scheme, what, ratio)


def test_breadcrumbs_and_previous_next_move_through_the_archive(page: Any, site_url: str,
                                                                types: dict[str, str]) -> None:
    start = site_url + types["article"]
    goto(page, start)
    title = page.locator("article h1").inner_text().strip()
    crumbs = page.locator(".arshif-crumbs a")
    assert [crumbs.nth(i).inner_text() for i in range(crumbs.count())][:2] == ["الرئيسية", "الخط الزمني"]
    older = page.locator(".arshif-prevnext-archive .arshif-older a")
    assert older.count() == 1
    older.click()
    page.wait_for_load_state("load")
    assert page.url != start and "/articles/" in page.url
    page.locator(".arshif-prevnext-archive .arshif-newer a").click()
    page.wait_for_load_state("load")
    assert page.url == start
    crumbs.last.click()  # the article's month (or the undated list)
    page.wait_for_load_state("load")
    assert "/timeline/" in page.url
    listed = page.eval_on_selector_all("article li a", "els => els.map(e => e.textContent.trim())")
    assert title in listed, (title, page.url)
    page.locator(".arshif-crumbs a", has_text="الرئيسية").click()
    page.wait_for_load_state("load")
    assert page.url.rstrip("/") == site_url.rstrip("/")


def test_previous_next_within_the_outlet_and_the_topic(browser: Any, site_url: str, test_output: Path) -> None:
    """On the fixture corpus: the bridge article (الاتحاد, 2015-09-29, topic iraq) leads to the Ramadi
    article (الاتحاد, 2015-10-05) by its outlet's «next» link and back by «previous»; its topic's
    «previous» link leads to an older article of the topic, whose «next» link in that topic leads back.
    Screenshots: test-output/prevnext-article-{1366x900,390x844}.png."""
    ctx = browser.new_context(viewport={"width": 1366, "height": 900}, locale="ar")
    page = ctx.new_page()
    start = site_url + "articles/2015-09-abadi-bridge/"

    def line(prefix: str) -> Any:
        return page.locator("nav.arshif-prevnext-lists li", has_text=prefix).first

    goto(page, start)
    navs = page.eval_on_selector_all("nav[class*=arshif-prevnext]", "els => els.map(e => e.getAttribute('aria-label'))")
    assert navs == ["المقال السابق والتالي", "السابق والتالي من المصدر نفسه وفي الموضوع نفسه"]
    lines = page.eval_on_selector_all("nav.arshif-prevnext-lists li", "els => els.map(e => e.innerText.trim())")
    assert lines[0].startswith("من الاتحاد:") and lines[1].startswith("في موضوع الشأن العراقي:")
    line("من الاتحاد").locator("a", has_text="التالي").click()
    page.wait_for_load_state("load")
    assert page.url == site_url + "articles/2015-10-ramadi-return/"
    line("من الاتحاد").locator("a", has_text="السابق").click()
    page.wait_for_load_state("load")
    assert page.url == start
    line("في موضوع الشأن العراقي").locator("a", has_text="السابق").click()
    page.wait_for_load_state("load")
    assert page.url != start and "/articles/" in page.url
    assert "الشأن العراقي" in page.locator(".arshif-meta").inner_text()  # an article of the same topic
    line("في موضوع الشأن العراقي").locator("a", has_text="التالي").click()
    page.wait_for_load_state("load")
    assert page.url == start
    # right to left: the newer article's box stands right of the older one's (stacked on a phone,
    # the newer first); the lists' lines start at the right edge of the text; nothing overflows
    for width, height in ((1366, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        goto(page, start)
        boxes = [page.locator(f"nav.arshif-prevnext-archive .{side}") for side in ("arshif-newer", "arshif-older")]
        newer, older = (b.bounding_box() if b.count() else None for b in boxes)
        if newer and older:
            assert (newer["x"] > older["x"]) if width > 700 else (newer["y"] < older["y"]), width
        text = page.locator("article").bounding_box()
        for box in page.eval_on_selector_all("nav.arshif-prevnext-lists li",
                                             "els => els.map(e => e.getBoundingClientRect().toJSON())"):
            assert abs(box["right"] - (text["x"] + text["width"])) < 30, (width, box)
            assert box["left"] >= 0 and box["right"] <= width + 1, (width, box)
        page.evaluate("window.scrollTo(0, 0)")  # the header stays on top of a full-page shot
        page.screenshot(path=str(test_output / f"prevnext-article-{width}x{height}.png"), full_page=True)
    ctx.close()


@pytest.mark.parametrize("kind", ["home", "timeline", "place", "outlet", "topic"])
def test_chart_with_its_text_alternative(page: Any, site_url: str, types: dict[str, str], kind: str) -> None:
    goto(page, site_url + types[kind])
    svg = page.locator("figure.arshif-chart svg[role='img']")
    assert svg.count() == 1
    assert svg.locator("title").first.text_content().strip()
    assert svg.get_attribute("aria-labelledby") == "arshif-chart-title"
    assert svg.locator("rect.bar").count() >= 1
    box = svg.bounding_box()
    assert box and box["width"] > 200 and box["height"] > 30
    rows = page.eval_on_selector_all("figure.arshif-chart table tbody tr",
                                     "els => els.map(r => [...r.cells].map(c => c.textContent))")
    assert rows and all(re.fullmatch(r"\d+", n) for _, n in rows)
    assert len(rows) == svg.locator("rect.bar").count()  # one row for each bar drawn


def test_home_chart_counts_every_dated_article(page: Any, site_url: str, seed_site: BuiltSite) -> None:
    goto(page, site_url)
    rows = page.eval_on_selector_all("figure.arshif-chart table tbody tr", "els => els.map(r => r.cells[1].textContent)")
    dated = sum(1 for md in (seed_site.content / "articles").glob("*.md") if "\ndate: '" in md.read_text("utf-8"))
    assert sum(int(n) for n in rows) == dated
    assert page.locator("h2", has_text="مقالات غير مؤرخة").count() == 1


def test_no_list_page_holds_more_than_100_articles(page: Any, site_url: str, seed_site: BuiltSite) -> None:
    counts = {}
    for html in seed_site.site.rglob("index.html"):
        text = html.read_text("utf-8")
        body = text.split('<article', 1)[-1]
        counts[html.relative_to(seed_site.site).as_posix()] = len(
            re.findall(r'<li><a href="?[^" >]*articles/', body))  # quotes optional: the HTML is minified
    assert max(counts.values()) <= 100, max(counts.items(), key=lambda kv: kv[1])
    longest = [p for p, n in counts.items() if n == 100]
    assert longest, "the fixture corpus should fill at least one page"
    # the longest list (a name's newest 100) links the search page, which lists them all, newest first
    path = sorted(longest)[0][: -len("index.html")]
    goto(page, site_url + path)
    first = page.eval_on_selector_all("article li a[href*='articles/']", "els => els.map(e => e.href)")
    assert len(first) == 100
    page.locator("article a", has_text="كل المقالات").click()
    page.wait_for_selector("#arshif-search-page[data-arshif-state=done]")
    total = int(page.get_attribute("#arshif-search-page", "data-arshif-count"))
    assert total > 100
    while page.query_selector(".arshif-search-page__more"):
        shown = page.locator("#arshif-search-page .arshif-result").count()
        page.click(".arshif-search-page__more")
        page.wait_for_function("n => document.querySelectorAll('#arshif-search-page .arshif-result').length > n",
                               arg=shown)
    every = page.eval_on_selector_all("#arshif-search-page .arshif-result a", "els => els.map(e => e.href)")
    assert len(every) == total and every[:100] == first  # the page's 100 are the newest of them


def test_titles_names_and_dates_are_isolated_but_links_in_the_text_join(page: Any, site_url: str,
                                                                       types: dict[str, str]) -> None:
    """Titles, names and dates in lists, chips, breadcrumbs and the meta line are isolated by their
    <bdi> (in the markup: it holds where no stylesheet is applied); the links inside an article's
    text stay in the run of their sentence, where a prefix letter joins them (و + a linked name)."""
    for kind in ("article", "place", "month"):
        goto(page, site_url + types[kind])
        styles = page.eval_on_selector_all(
            "article li > a > bdi, article li > bdi > time, .arshif-crumbs a > bdi",
            "els => els.map(e => getComputedStyle(e.closest('bdi')).unicodeBidi)")
        assert styles and set(styles) == {"isolate"}, (kind, styles)
        bare = page.eval_on_selector_all("article li > a:not(:has(bdi))", "els => els.map(e => e.textContent)")
        words = {"التالي", "السابق", "التالية", "السابقة"}  # pagers and previous/next: our own words
        assert not [t for t in bare if not (t.strip().isdigit() or t.strip() in words)], (kind, bare)
    goto(page, site_url + types["article"])
    inline = page.eval_on_selector_all(".arshif-text a", "els => els.map(e => getComputedStyle(e).unicodeBidi)")
    assert inline and set(inline) == {"normal"}


def test_dates_never_break_and_are_machine_readable(browser: Any, site_url: str, types: dict[str, str]) -> None:
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, locale="ar")
    pg = ctx.new_page()
    for kind in ("home", "article", "place", "undated", "month"):
        goto(pg, site_url + types[kind])
        dates = pg.eval_on_selector_all(
            "article .arshif-date, article time",
            "els => els.map(e => [new Set([...e.getClientRects()].map(r => Math.round(r.bottom / 4))).size,"
            " getComputedStyle(e).whiteSpace,"
            " (e.matches('time') ? e : e.querySelector('time') || e).getAttribute('datetime')])")
        assert dates, kind
        for lines, ws, _ in dates:  # bidi runs make several boxes, all on one line
            assert lines == 1 and ws == "nowrap", (kind, lines, ws)
        assert any(dt and re.fullmatch(r"\d{4}-\d{2}-\d{2}", dt) for *_, dt in dates) or kind == "undated"
        outlets = pg.eval_on_selector_all(
            "article li .arshif-nowrap",
            "els => els.map(e => new Set([...e.getClientRects()].map(r => Math.round(r.bottom / 4))).size)")
        assert all(n == 1 for n in outlets), kind  # an outlet's name is never cut ("فرانس" | "24")
    ctx.close()


def test_outlet_country_in_arabic(page: Any, site_url: str) -> None:
    goto(page, site_url + "outlets/")
    text = page.inner_text("article")
    assert "الإمارات العربية المتحدة" in text and "(AE)" not in text


def test_screenshots_of_every_page_type(browser: Any, site_url: str, seed_site: BuiltSite, types: dict[str, str],
                                        test_output: Path) -> None:
    """Desktop and phone, light and dark: test-output/screens/after-<type>-<size>-<scheme>.png."""
    files = shoot(browser, site_url, seed_site.site, test_output / "screens", "after", types)
    assert len(files) == len(types) * 4
    assert all(f.stat().st_size > 5000 for f in files)
