"""The header search box and the search page of the site built from the tests' own corpus
(tests/fixture_corpus.py), in headless Chromium.

Results are checked against a grep written here, independent of the analyzer: fold the text, split
it into words, and an article matches a query when every query word occurs in it as a word,
possibly with proclitics (و ف ب ك ل) and the article (ال، لل) attached — on either side, so
"ببغداد" finds "بغداد" and "والرمادي" finds "الرمادي". An article's text is what its page shows:
title, body, outlet name and the names on its entity chips.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlencode, urljoin, urlsplit

import pytest

from conftest import BuiltSite
from generator.arabic import fold
from generator.context import Context, load_context

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent

QUERIES = [
    "داعش", "ايران", "إيران", "ببغداد", "عبادي", "العبادي", "الاسد", "الأسد", "المعلومات", "والرمادي",
    "اوباما", "عسكريا", "الدوله", "60 دولة", "مركز معلوماتي",
    # more spellings readers type
    "روسيا", "بغداد", "الرمادي", "رمادي", "للدولة", "الإرهاب", "موسكو", "سوريا", "واشنطن", "وزير الخارجية",
]

# Every way the conjunctions, prepositions and the article can be written before a word.
CLITICS = sorted(
    {"", "و", "ف", "ب", "ك", "ل", "وب", "وك", "ول", "فب", "فك", "فل",
     "ال", "وال", "فال", "بال", "كال", "لل", "وبال", "وكال", "ولل", "فبال", "فكال", "فلل"},
    key=len,
)


def grep_words(text: str) -> set[str]:
    return set(re.findall(r"[^\W_]+", fold(text)))


def bases(word: str) -> set[str]:
    """The word without any leading clitic string, keeping at least two letters."""
    return {word[len(c):] for c in CLITICS if word.startswith(c) and len(word) - len(c) >= 2}


def grep_match(query: str, words: set[str]) -> bool:
    text_bases: set[str] = set()
    for w in words:
        text_bases |= bases(w)
    return all(bases(q) & text_bases for q in re.findall(r"[^\W_]+", fold(query)))


@pytest.fixture(scope="module")
def ctx(seed_site: BuiltSite) -> Context:
    assert seed_site.corpus is not None
    return load_context(seed_site.corpus, ROOT / "site_config")


@pytest.fixture(scope="module")
def article_words(ctx: Context) -> dict[str, set[str]]:
    """Article URL path → the words its page shows."""
    out: dict[str, set[str]] = {}
    for art in ctx.articles:
        shown = [art.title, art.body, art.outlet.name if art.outlet else ""] + [e.name for e in art.entities]
        out["/" + ctx.urls.page_url(ctx.urls.article(art.id))] = grep_words("\n".join(shown))
    return out


def header_search(page: Any, site_url: str, query: str) -> list[str]:
    page.goto(site_url)
    page.click(".md-search__input")
    page.keyboard.type(query, delay=20)
    page.wait_for_function(
        "q => { const b = document.querySelector('[data-arshif-search]');"
        " return b.getAttribute('data-arshif-state') === 'done' && b.getAttribute('data-arshif-query') === q; }",
        arg=query,
    )
    links = page.eval_on_selector_all(
        ".md-search-result__item.arshif-result a", "els => els.map(e => e.getAttribute('href'))"
    )
    return [urlsplit(urljoin(site_url, h)).path for h in links]


def test_grep_rule_itself() -> None:
    """The oracle, checked on sentences written here."""
    assert grep_match("ببغداد", grep_words("وصل إلى بغداد"))
    assert grep_match("والرمادي", grep_words("معارك الرمادي"))
    assert grep_match("الدوله", grep_words("الدولة"))
    assert grep_match("60 دولة", grep_words("تحالف يضم 60 دولةً"))
    assert not grep_match("60 دولة", grep_words("تحالف يضم 61 دولة"))
    assert not grep_match("معلوماتي", grep_words("تبادل المعلومات"))


@pytest.mark.parametrize("query", QUERIES)
def test_header_box_returns_exactly_the_grep_matches(
    page: Any, site_url: str, article_words: dict[str, set[str]], query: str
) -> None:
    expected = {url for url, words in article_words.items() if grep_match(query, words)}
    got = header_search(page, site_url, query)
    assert len(got) == len(set(got)), "an article listed twice"
    assert set(got) == expected
    count = page.get_attribute("[data-arshif-search]", "data-arshif-count")
    assert count == str(len(expected))
    assert all(urlsplit(u).hostname == "127.0.0.1" for u in page.requests)


def test_results_show_date_outlet_snippet_and_highlights(page: Any, site_url: str) -> None:
    header_search(page, site_url, "داعش")
    first = page.query_selector(".md-search-result__item.arshif-result")
    assert first is not None
    assert first.query_selector("h1").inner_text().strip()
    assert first.query_selector(".arshif-result__snippet").inner_text().strip()
    assert first.query_selector("time") is not None
    marks = page.eval_on_selector_all(".arshif-result mark", "els => els.map(e => e.textContent)")
    assert marks and all("داعش" in fold(m) for m in marks)


def test_nothing_is_downloaded_before_searching_and_then_only_parts(page: Any, site_url: str) -> None:
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    # only the box's loader (a few hundred bytes, cached for the whole site): no engine, no index
    loader = "/assets/javascripts/search/box.js"
    assert not [u for u in page.requests if "search" in urlsplit(u).path and not urlsplit(u).path.endswith(loader)], \
        page.requests
    header_search(page, site_url, "داعش")
    index = [urlsplit(u).path for u in page.requests if "/search-index/" in u]
    assert "/search-index/manifest.json" in index
    assert not any(p.endswith("search_index.json") for p in index)
    shards = [p for p in index if "/t/" in p]
    assert 1 <= len(shards) <= 2  # the query's one word has at most two readings


def test_each_result_is_its_record_and_its_page(page: Any, site_url: str) -> None:
    """A result is painted from its own record (x/<n>.json.gz: title, date, outlet, byline) and its
    article page, whose text gives the snippet: two requests per result; the index has nothing else
    to read for it, and the snippet is the page's own text."""
    got = header_search(page, site_url, "داعش")
    index = [urlsplit(u).path for u in page.requests if "/search-index/" in u]
    records = {p for p in index if "/x/" in p}
    assert got and len(records) == len(got)
    assert {p.split("/search-index/", 1)[1].split("/")[0] for p in index} <= {"manifest.json", "t", "x"}
    pages = {urlsplit(u).path for u in page.requests if "/articles/" in urlsplit(u).path}
    assert pages == {urlsplit(u).path for u in got}  # each result's own page, fetched once
    assert not [u for u in page.requests if "fflate" in u]  # the browser inflates the records itself
    first = page.query_selector(".md-search-result__item.arshif-result")
    snippet = " ".join(first.query_selector(".arshif-result__snippet").inner_text().replace("…", " ").split())
    page.goto(urljoin(site_url, got[0]))
    text = " ".join(page.inner_text(".arshif-text").split())
    assert snippet and snippet[:40] in text


def _snippets(page: Any) -> list[str]:
    return page.eval_on_selector_all(".arshif-result .arshif-result__snippet", "els => els.map(e => e.innerHTML)")


def test_browsers_without_decompression_inflate_with_fflate(page: Any, site_url: str) -> None:
    """Without DecompressionStream (Safari before 16.4) the same text files are inflated by fflate,
    loaded from the site for that only: the same articles in the same order, the same snippets."""
    expected = header_search(page, site_url, "داعش")
    snippets = _snippets(page)
    page.add_init_script("delete window.DecompressionStream;")
    page.requests.clear()
    got = header_search(page, site_url, "داعش")
    assert got == expected and _snippets(page) == snippets
    index = [urlsplit(u).path for u in page.requests if "/search-index/" in u]
    assert [p for p in index if "/x/" in p] and [p for p in index if "/t/" in p]  # shards are gzipped too
    assert [u for u in page.requests if urlsplit(u).path.endswith("/assets/javascripts/vendor/fflate.js")]
    first = page.query_selector(".md-search-result__item.arshif-result")
    assert first.query_selector("h1").inner_text().strip()
    assert first.query_selector("time").get_attribute("datetime")
    assert page.eval_on_selector_all(".arshif-result mark", "els => els.length") > 0


def test_material_index_is_not_shipped(seed_site: Any) -> None:
    assert not (seed_site.site / "search" / "search_index.json").exists()
    assert not (seed_site.site / "search-index" / "lunr.js").exists()  # the engine scores without lunr


def test_enter_opens_the_search_page_with_the_same_results(
    page: Any, site_url: str, article_words: dict[str, set[str]]
) -> None:
    header_search(page, site_url, "عبادي")
    page.keyboard.press("Enter")
    page.wait_for_selector("#arshif-search-page[data-arshif-state=done]")
    assert urlsplit(page.url).path == "/search/"
    got = {urlsplit(urljoin(page.url, h)).path for h in page.eval_on_selector_all(
        "#arshif-search-page .arshif-result a", "els => els.map(e => e.getAttribute('href'))")}
    assert got == {u for u, w in article_words.items() if grep_match("عبادي", w)}


def _page_results(page: Any) -> set[str]:
    page.wait_for_selector("#arshif-search-page[data-arshif-state=done]")
    hrefs = page.eval_on_selector_all(
        "#arshif-search-page .arshif-result a", "els => els.map(e => e.getAttribute('href'))")
    return {urlsplit(urljoin(page.url, h)).path for h in hrefs}


def test_search_page_narrows_by_year_and_entity(page: Any, site_url: str, ctx: Context) -> None:
    query = "داعش"
    page.goto(site_url + "search/?q=" + quote(query))
    everything = _page_results(page)
    assert everything

    by_url = {"/" + ctx.urls.page_url(ctx.urls.article(a.id)): a for a in ctx.articles}
    years = sorted({by_url[u].date[:4] for u in everything if by_url[u].date})
    assert years, "the seed articles are dated"
    page.click(f"[data-facet=year] button[data-value='{years[0]}']")
    narrowed = _page_results(page)
    assert narrowed == {u for u in everything if (by_url[u].date or "").startswith(years[0])}
    assert "year=" + years[0] in page.url

    page.click("[data-facet=year] button[data-value='']")
    counts: dict[str, int] = {}
    for u in everything:
        for e in {e.id for e in by_url[u].entities}:
            counts[e] = counts.get(e, 0) + 1
    shown = page.eval_on_selector_all(
        "[data-facet=entity] button[data-value]", "els => els.map(e => e.getAttribute('data-value'))")
    offered = [e for e in shown if e]
    assert offered and set(offered) <= set(counts)
    rare = offered[-1]  # the list is by count, most frequent first
    assert counts[rare] == min(counts[e] for e in offered)
    page.click(f"[data-facet=entity] button[data-value='{rare}']")
    narrowed = _page_results(page)
    assert narrowed == {u for u in everything if rare in {e.id for e in by_url[u].entities}}
    assert 0 < len(narrowed) == counts[rare]


def _listed_in_order(page: Any) -> list[str]:
    page.wait_for_selector("#arshif-search-page[data-arshif-state=done]")
    return [urlsplit(urljoin(page.url, h)).path for h in page.eval_on_selector_all(
        "#arshif-search-page .arshif-result a", "els => els.map(e => e.getAttribute('href'))")]


def test_search_page_lists_every_article_of_a_name_a_topic_or_an_outlet(page: Any, site_url: str, ctx: Context) -> None:
    """The link that ends a long list on an entity's, a topic's or an outlet's page
    (`pages.newest_articles`) opens the search page with no words: it lists all the articles, newest
    first (undated last), with their count."""
    from generator.pages import newest_first_key
    from generator.plurals import count_phrase

    def expected(arts: list[Any]) -> list[str]:
        return ["/" + ctx.urls.page_url(ctx.urls.article(a.id)) for a in sorted(arts, key=newest_first_key)]

    entity = max(ctx.entities.values(), key=lambda e: (len(e.articles), e.id))
    topic = max(ctx.topics.values(), key=lambda t: (len(t.articles), t.id))
    outlet = max(ctx.outlets.values(), key=lambda o: (len(o.articles), o.id))
    assert len(entity.articles) > 1 and len(topic.articles) > 1 and len(outlet.articles) > 1
    for query, arts, name in [({"entity": entity.id}, entity.articles, entity.name),
                              ({"topic": topic.id}, topic.articles, topic.name),
                              ({"outlet": outlet.name}, outlet.articles, outlet.name)]:
        link = ctx.urls.link("x.md", ctx.urls.search(**query))
        page.goto(site_url + link.replace(".md", "/"))
        shown = _listed_in_order(page)
        assert shown == expected(arts)[:20], query  # a page of results, then «المزيد» for the next
        while page.query_selector(".arshif-search-page__more"):
            page.click(".arshif-search-page__more")
            page.wait_for_function("n => document.querySelectorAll('#arshif-search-page .arshif-result').length > n",
                                   arg=len(shown))
            shown = _listed_in_order(page)
        assert shown == expected(arts), query
        count = page.inner_text(".arshif-search-page__count")
        assert name in count and count_phrase(len(arts), "result") in count and "الأحدث أولاً" in count, count
        assert page.get_attribute("#arshif-search-page", "data-arshif-count") == str(len(arts))
        assert page.is_hidden(".arshif-search-page__tools")  # a list is by date only: no sort menu
    # what cannot apply leaves the address: a year while listing, a topic while searching words
    page.goto(site_url + "search/?" + urlencode({"entity": entity.id, "year": "2015", "outlet": outlet.name}))
    assert len(_listed_in_order(page)) == min(20, len(entity.articles))
    assert parse_qs(urlsplit(page.url).query) == {"entity": [entity.id]}
    page.goto(site_url + "search/?" + urlencode({"q": "داعش", "topic": topic.id}))
    assert _page_results(page) and parse_qs(urlsplit(page.url).query) == {"q": ["داعش"]}
    assert page.is_visible(".arshif-search-page__tools")
    # typing words leaves the list for a search
    page.fill("input[name=q]", "داعش")
    page.keyboard.press("Enter")
    page.wait_for_function("() => !new URLSearchParams(location.search).has('outlet')")
    assert _page_results(page) and "q=" in page.url


def test_search_page_has_an_undated_bucket(page: Any, site_url: str, ctx: Context) -> None:
    undated = {"/" + ctx.urls.page_url(ctx.urls.article(a.id)) for a in ctx.articles if not a.date}
    page.goto(site_url + "search/?q=" + quote("داعش"))
    everything = _page_results(page)
    if not undated & everything:
        pytest.skip("every seed article matching the query is dated")
    page.click("[data-facet=year] button[data-value='undated']")
    assert _page_results(page) == undated & everything


@pytest.mark.parametrize("query", ["داعش", "الدوله", "عبادي", "وزير الخارجية", "2015", "روسيا"])
def test_every_result_marks_a_typed_word_or_says_which_name_matched(page: Any, site_url: str, query: str) -> None:
    """On the seed corpus: each result shows a word the reader typed, highlighted, or says that it
    matched through the name of an entity the article mentions."""
    header_search(page, site_url, query)
    results = page.query_selector_all("[data-arshif-search] .arshif-result")
    assert results
    for result in results:
        marked = result.query_selector_all("mark")
        why = result.query_selector(".arshif-result__why")
        assert marked or why, (query, result.inner_text())
