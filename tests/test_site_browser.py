"""The site built from the tests' own corpus (tests/fixture_corpus.py) in headless chromium: right-to-left Arabic pages, links between articles and
entities, the timeline, no request to any other host, and screenshots to look at."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from conftest import BuiltSite

pytestmark = pytest.mark.browser


def front(md: Path) -> dict:
    text = md.read_text(encoding="utf-8")
    return yaml.safe_load(text[4:text.index("\n---\n", 4)])


def articles(site: BuiltSite) -> dict[str, dict]:
    return {p.stem: front(p) for p in sorted((site.content / "articles").glob("*.md"))}


def goto(page: Any, url: str) -> None:
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")


def only_local(requests: list[str], base: str) -> list[str]:
    host = urlsplit(base).netloc
    return [u for u in requests if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).netloc != host]


@pytest.mark.parametrize("path", ["", "timeline/", "people/", "report/"])
def test_pages_are_rtl_arabic(page: Any, site_url: str, path: str) -> None:
    goto(page, site_url + path)
    assert page.get_attribute("html", "lang") == "ar"
    assert page.get_attribute("body", "dir") == "rtl"  # Material sets the direction on <body>
    assert page.evaluate("getComputedStyle(document.querySelector('article')).direction") == "rtl"


def test_article_entity_link_reaches_entity_page_listing_the_article(
        page: Any, site_url: str, seed_site: BuiltSite, test_output: Path) -> None:
    found = None
    for art_id in articles(seed_site):
        goto(page, f"{site_url}articles/{art_id}/")
        links = page.locator(".arshif-text a", has_text=re.compile("العبادي"))
        if links.count():
            found = art_id
            break
    assert found, "no article links حيدر العبادي to an entity page"
    page.screenshot(path=str(test_output / "article.png"), full_page=False)
    link = page.locator(".arshif-text a", has_text=re.compile("العبادي")).first
    link.click()
    page.wait_for_load_state("load")
    assert "/people/" in page.url
    assert "العبادي" in page.locator("article h1").inner_text()
    hrefs = page.eval_on_selector_all("article a", "els => els.map(e => e.href)")
    assert any(h.rstrip("/").endswith(f"articles/{found}") for h in hrefs)
    page.screenshot(path=str(test_output / "entity.png"), full_page=False)


def test_timeline_lists_september_2015_with_its_count(page: Any, site_url: str, seed_site: BuiltSite) -> None:
    expected = sum(1 for fm in articles(seed_site).values() if str(fm.get("date", "")).startswith("2015-09"))
    assert expected > 0, "no seed article is dated September 2015"
    goto(page, site_url + "timeline/")
    item = page.locator("article li", has_text="أيلول/سبتمبر 2015")
    assert item.count() == 1
    text = item.inner_text()
    assert re.search(rf"—\s*{expected}\s*$", text), text
    item.locator("a").click()
    page.wait_for_load_state("load")
    assert page.locator("article li a[href*='articles/']").count() == expected


def test_no_request_leaves_localhost_and_font_is_arabic(page: Any, site_url: str, seed_site: BuiltSite,
                                                       test_output: Path) -> None:
    first = next(iter(articles(seed_site)))
    for path in ["", f"articles/{first}/", "people/", "timeline/", "outlets/", "topics/", "report/"]:
        goto(page, site_url + path)
    assert only_local(page.requests, site_url) == []
    assert any(u.endswith(".woff2") for u in page.requests), "the Arabic font was never loaded"
    goto(page, site_url)
    fonts = page.evaluate("""async () => { await document.fonts.ready;
        return [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family); }""")
    assert any("Noto Naskh Arabic" in f for f in fonts), fonts
    page.screenshot(path=str(test_output / "home.png"), full_page=False)


def test_nothing_overlaps_on_the_article_page(page: Any, site_url: str, seed_site: BuiltSite) -> None:
    first = next(iter(articles(seed_site)))
    goto(page, f"{site_url}articles/{first}/")
    content = page.locator("article").bounding_box()
    sidebar = page.locator(".md-sidebar--primary").bounding_box()
    assert content and sidebar
    # right-to-left: the navigation sidebar sits to the right of the article text
    assert sidebar["x"] >= content["x"] + content["width"] - 1
    overflow = page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")
    assert not overflow


def test_dark_palette_toggle(page: Any, site_url: str) -> None:
    goto(page, site_url)
    before = page.get_attribute("body", "data-md-color-scheme")
    page.locator("label.md-header__button[for^='__palette']").first.click()
    after = page.get_attribute("body", "data-md-color-scheme")
    assert {before, after} == {"default", "slate"}


def test_palette_choice_survives_a_page_load(page: Any, site_url: str) -> None:
    """Material's palette script, run from assets/javascripts/chrome.js where the header calls it,
    applies the reader's choice on the next page before it is drawn."""
    goto(page, site_url)
    page.locator("label.md-header__button[for^='__palette']").first.click()
    chosen = page.get_attribute("body", "data-md-color-scheme")
    goto(page, site_url + "timeline/")
    assert page.get_attribute("body", "data-md-color-scheme") == chosen


def test_chrome_icons_come_from_one_sprite(page: Any, site_url: str, seed_site: BuiltSite) -> None:
    """The header's icons are drawn (each `<use>` resolves to a symbol of assets/images/icons.svg
    with a real size), and no page carries an icon's path inline."""
    first = next(iter(articles(seed_site)))
    goto(page, f"{site_url}articles/{first}/")
    sizes = page.eval_on_selector_all(
        ".md-header svg use", "els => els.filter(e => e.closest('svg').getClientRects().length)"
        ".map(e => { const b = e.getBBox(); return [e.getAttribute('href'), b.width, b.height]; })")
    assert len(sizes) >= 3 and all(w > 0 and h > 0 for _, w, h in sizes), sizes
    assert any(urlsplit(u).path.endswith("/assets/images/icons.svg") for u in page.requests)
    html = (seed_site.site / "articles" / first / "index.html").read_text(encoding="utf-8")
    assert "<path" not in html.split("<article", 1)[0]


def test_header_controls_come_from_one_shared_script(page: Any, site_url: str, seed_site: BuiltSite) -> None:
    """No page carries the palette form, the search box or Material's base script: chrome.js writes
    them where the header calls it, and the page then has them as Material's own header would."""
    first = next(iter(articles(seed_site)))
    html = (seed_site.site / "articles" / first / "index.html").read_text(encoding="utf-8")
    for inline in ("md-search__form", "data-md-component=palette", "__md_scope=", "md-option"):
        assert inline not in html, inline
    goto(page, f"{site_url}articles/{first}/")
    header = page.locator("header.md-header")
    assert header.locator("form[data-md-component=palette] input.md-option").count() == 2
    assert header.locator("[data-arshif-search] form[action$='/search/'] input[role=combobox]").count() == 1
    root = page.evaluate("__md_scope.href")
    assert root == site_url and page.get_attribute("[data-arshif-search]", "data-arshif-root") == site_url


def test_pages_carry_none_of_the_themes_empty_placeholders(page: Any, site_url: str, seed_site: BuiltSite) -> None:
    """The announcement bar and the copy dialog, empty on every page of this site, are not written
    (`mkdocs_hooks.without_empty_placeholders`); an article page works without them: its
    back-to-top button and the search box mount, and the console shows no error."""
    from generator.mkdocs_hooks import without_empty_placeholders

    pages = sorted(seed_site.site.rglob("*.html"))
    assert len(pages) > 20
    for p in pages:
        if p.name == "404.html":  # a static template, rendered without the page hooks
            continue
        html = p.read_text(encoding="utf-8")
        assert "data-md-component=announce" not in html and "md-dialog" not in html, p
    filled = '<div data-md-component=announce><aside class=md-banner>خبر</aside></div>'
    assert without_empty_placeholders(filled) == filled
    assert without_empty_placeholders('<div data-md-component="announce">\n  \n</div>x') == "x"
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    article = sorted((seed_site.site / "articles").glob("*/index.html"))[0].parent.name
    page.set_viewport_size({"width": 390, "height": 500})  # a phone: the article scrolls
    goto(page, f"{site_url}articles/{article}/")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_timeout(300)
    page.evaluate("window.scrollBy(0, -300)")  # scrolling up shows the back-to-top button
    page.wait_for_selector(".md-top:not([hidden])", timeout=5000)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.click(".md-search__input")
    assert page.locator("[data-arshif-search] input[role=combobox]").count() == 1
    assert errors == []


def test_navigation_titles_are_plain_links_and_the_current_section_is_marked(page: Any, site_url: str,
                                                                             seed_site: BuiltSite) -> None:
    """The sidebar's links carry their titles without the theme's ellipsis wrapper
    (`mkdocs_hooks.plain_nav_titles`); the header's title keeps it (the theme swaps it on scroll);
    the navigation still lists every section and marks the one the reader is in."""
    from generator.mkdocs_hooks import plain_nav_titles

    html = (seed_site.site / "timeline" / "index.html").read_text(encoding="utf-8")
    # the whole sidebar, the current section's table of contents nested in it included
    sidebar = html.split('md-sidebar--primary', 1)[1].split('md-sidebar--secondary', 1)[0]
    assert "md-nav--secondary" in sidebar  # the timeline's table of contents, inside the navigation
    assert "md-ellipsis" not in sidebar and "md-ellipsis" in html.split("md-nav--primary", 1)[0]
    assert plain_nav_titles(html) == html  # nothing left to take out
    nested = ('<nav class="md-nav md-nav--primary"><ul><li><span class="md-ellipsis"> a </span>'
              '<nav class="md-nav"><span class="md-ellipsis"> b </span></nav>'
              '<span class="md-ellipsis"> c </span></li></ul></nav><span class="md-ellipsis"> d </span>')
    assert plain_nav_titles(nested) == ('<nav class="md-nav md-nav--primary"><ul><li>a<nav class="md-nav">b</nav>'
                                        'c</li></ul></nav><span class="md-ellipsis"> d </span>')
    goto(page, f"{site_url}timeline/")
    links = page.eval_on_selector_all(".md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link",
                                      "els => els.map(e => [e.textContent.trim(), e.classList.contains('md-nav__link--active')])")
    assert [t for t, _ in links][:3] == ["الرئيسية", "الخط الزمني", "الأشخاص"] and len(links) >= 10
    assert [t for t, active in links if active] == ["الخط الزمني"]


def test_an_article_page_gets_the_navigation_from_the_shared_script(page: Any, site_url: str,
                                                                     seed_site: BuiltSite) -> None:
    """An article page's HTML carries no navigation list: chrome.js writes the same one an index
    page has (`__arshif_nav`), every link leading where the index page's does, none marked."""
    first = next(iter(articles(seed_site)))
    html = (seed_site.site / "articles" / first / "index.html").read_text(encoding="utf-8")
    assert "md-nav__list" not in html and "<script>__arshif_nav()</script>" in html
    selector = ".md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link"
    script = "els => els.map(e => [e.textContent.trim(), e.href, e.classList.contains('md-nav__link--active')])"
    goto(page, f"{site_url}people/")
    on_index = [(t, h) for t, h, _ in page.eval_on_selector_all(selector, script)]
    goto(page, f"{site_url}articles/{first}/")
    on_article = page.eval_on_selector_all(selector, script)
    assert [(t, h) for t, h, _ in on_article] == on_index and len(on_index) >= 10
    assert not [t for t, _, active in on_article if active]
    assert page.locator(".md-nav--primary .md-nav__title .md-logo").count() == 1


def test_theme_icons_are_what_the_installed_material_gives() -> None:
    """tools/make_theme_icons.py --check: the sprite, the icon overrides and Material's base and
    palette scripts match the Material package installed (run the tool after upgrading Material)."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    proc = subprocess.run([sys.executable, str(root / "tools" / "make_theme_icons.py"), "--check"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
