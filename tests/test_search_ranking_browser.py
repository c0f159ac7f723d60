"""Search as a reader uses it, in headless Chromium, over an archive written for these tests: words the
article prints rank before names it never prints, dates and bylines are searchable, the header box
pages and is driven by the keyboard, snippets show the matched words, quoted phrases, misspelled and
Latin names, sorting by date, searching as one types, and the phone layout.

Every article here is invented for these tests."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator
from urllib.parse import quote, urljoin, urlsplit

import pytest

from conftest import BuiltSite, serve_folder, write_files
from generator.arabic import fold

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent

FILLER = ("وتحدث المشاركون عن أهمية التعاون بين المؤسسات في مجالات التعليم والصحة والنقل، "
          "وعرضوا تجارب ناجحة من مدن مختلفة. ")


def _article(title: str, body: str, date: str, author: str | None = None) -> dict[str, str]:
    return {"title": title, "body": body, "date": date, "author": author or ""}


ARTICLES: dict[str, dict[str, str]] = {
    # printed only through the name داعش: "الدولة" matches it through the entity's canonical name
    "named": _article("هجوم على نقطة حدودية", "أعلن مسؤول أمني أن عناصر من داعش هاجموا نقطة حدودية فجر اليوم.",
                      "2016-03-02"),
    # prints "الدولة"
    "printed": _article("مؤسسات الدولة والخدمات", "قال الوزير إن مؤسسات الدولة ستواصل تقديم الخدمات للمواطنين.",
                        "2014-05-10"),
    "byline": _article("افتتاح مكتبة عامة", "افتتحت البلدية مكتبة عامة جديدة في وسط المدينة.", "2013-11-20",
                       "سامر الحلبي"),
    "year": _article("موسم الحصاد", "بدأ موسم الحصاد في القرى الزراعية وسط توقعات بمحصول وفير.", "2013-06-04"),
    "deep": _article("ندوة عن النقل العام", FILLER * 12 + "وفي الختام تحدث المهندس فرانشيسكو لومباردي عن القطارات.",
                     "2015-01-15"),
    "phrase": _article("زيارة رسمية", "وصل ولي العهد إلى المدينة في زيارة رسمية تستمر يومين.", "2015-02-01"),
    "apart": _article("العهد الجديد", "تحدث الخطيب عن العهد الجديد، وقال ولي الأمر إن المدرسة جاهزة.", "2015-02-02"),
    "putin": _article("لقاء في موسكو", "استقبل الرئيس بوتين وفدا تجاريا في الكرملين.", "2015-04-09"),
    # both words in each; "close" is longer (a lower score) but has them side by side
    "close": _article("نشرة الساحل", "هطلت الأمطار الغزيرة على الساحل صباحا. " + FILLER * 4, "2012-01-01"),
    "far": _article("نشرة الطقس", "تحدث التقرير عن الأمطار في الشمال والجنوب والشرق والغرب وعن الرياح والحرارة "
                    "والرطوبة وحالة البحر ثم عن المحاصيل الغزيرة.", "2012-01-02"),
}
ARTICLES.update({
    "kerry": _article("محادثات في جنيف", "التقى الوزير جون كيري نظيره في جنيف.", "2015-05-01"),
    "sees": _article("رأي محلل", "قال المحلل إنه يرى حلا قريبا، وقال له زميله إن الطريق طويل.", "2015-05-02"),
    "abdullah": _article("وصول الوفد", "وصل عبد الله إلى المدينة مع الوفد.", "2015-05-03"),
})
# Fourteen short reports on the rain, for paging.
for _k in range(14):
    ARTICLES[f"rain{_k:02}"] = _article(f"نشرة المطر رقم {_k + 1}", f"توقعت النشرة {_k + 1} هطول المطر على المرتفعات.",
                                        f"2011-02-{_k + 1:02}")


def _files() -> dict[str, str]:
    files: dict[str, str] = {}
    for key, a in ARTICLES.items():
        files[f"{key}.txt"] = f"{a['title']}\n\n{a['body']}\n"
        side = f"date: {a['date']}\n" + (f"author: {a['author']}\n" if a["author"] else "")
        files[f"{key}.yml"] = side
    return files


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, build_site: Any) -> Iterator[tuple[str, BuiltSite]]:
    tmp = tmp_path_factory.mktemp("search-ranking")
    corpus = write_files(tmp / "corpus", _files())
    built = build_site(corpus, ROOT / "site_config", tmp / "content", tmp / "site")
    assert built.returncode == 0, built.stdout + built.stderr
    with serve_folder(built.site) as url:
        yield url, built


def _url_of(built: BuiltSite, key: str) -> str:
    """The URL path of the article built from `key`.txt (read from its page's source line)."""
    for md in (built.content / "articles").rglob("*.md"):
        if f"{key}.txt" in md.read_text("utf-8"):
            rel = md.relative_to(built.content).with_suffix("")
            return "/" + rel.as_posix() + "/"
    raise AssertionError(f"no article page for {key}")


def _header(page: Any, url: str, query: str) -> None:
    page.goto(url)
    page.click(".md-search__input")
    page.keyboard.type(query, delay=15)
    page.wait_for_function(
        "q => { const b = document.querySelector('[data-arshif-search]');"
        " return b.getAttribute('data-arshif-state') === 'done' && b.getAttribute('data-arshif-query') === q; }",
        arg=query)


def _header_links(page: Any) -> list[str]:
    return [urlsplit(urljoin(page.url, h)).path for h in page.eval_on_selector_all(
        "[data-arshif-search] .arshif-result a", "els => els.map(e => e.getAttribute('href'))")]


def _page(page: Any, url: str, query: str, extra: str = "") -> list[str]:
    page.goto(url + "search/?q=" + quote(query) + extra)
    page.wait_for_selector("#arshif-search-page[data-arshif-state=done]")
    return [urlsplit(urljoin(page.url, h)).path for h in page.eval_on_selector_all(
        "#arshif-search-page .arshif-result a", "els => els.map(e => e.getAttribute('href'))")]


def test_printed_words_rank_before_names_the_article_never_prints(page: Any, site: Any) -> None:
    url, built = site
    _header(page, url, "الدولة")
    links = _header_links(page)
    assert links == [_url_of(built, "printed"), _url_of(built, "named")]
    results = page.query_selector_all("[data-arshif-search] .arshif-result")
    assert results[0].query_selector("mark") is not None
    assert results[0].query_selector(".arshif-result__why") is None
    why = results[1].query_selector(".arshif-result__why")
    assert why is not None and "تنظيم الدولة الإسلامية" in why.inner_text()
    assert "الدولة" in [m.inner_text() for m in why.query_selector_all("mark")]


def test_a_latin_name_finds_its_entity_s_articles(page: Any, site: Any) -> None:
    url, built = site
    assert _page(page, url, "ISIS") == [_url_of(built, "named")]
    assert "ISIS" in page.inner_text("#arshif-search-page .arshif-result__why")


def test_years_month_names_and_bylines_are_searchable(page: Any, site: Any) -> None:
    url, built = site
    assert set(_page(page, url, "2013")) == {_url_of(built, "byline"), _url_of(built, "year")}
    assert _page(page, url, "حزيران 2013") == [_url_of(built, "year")]
    assert _page(page, url, "يونيو 2013") == [_url_of(built, "year")]
    assert _page(page, url, "الحلبي") == [_url_of(built, "byline")]
    assert "الحلبي" in [m.inner_text() for m in page.query_selector_all("#arshif-search-page .arshif-result mark")]


def test_the_snippet_shows_a_name_deep_in_the_article(page: Any, site: Any) -> None:
    url, built = site
    _header(page, url, "فرانشيسكو")
    snippet = page.query_selector("[data-arshif-search] .arshif-result__snippet")
    assert [m.inner_text() for m in snippet.query_selector_all("mark")] == ["فرانشيسكو"]
    assert snippet.inner_text().startswith("… ")


def test_a_quoted_phrase_needs_its_words_together_and_in_order(page: Any, site: Any) -> None:
    url, built = site
    assert set(_page(page, url, "ولي العهد")) == {_url_of(built, "phrase"), _url_of(built, "apart")}
    assert _page(page, url, '"ولي العهد"') == [_url_of(built, "phrase")]
    assert _page(page, url, "«ولي العهد»") == [_url_of(built, "phrase")]


def test_words_close_together_rank_first(page: Any, site: Any) -> None:
    url, built = site
    assert _page(page, url, "الأمطار الغزيرة")[:2] == [_url_of(built, "close"), _url_of(built, "far")]
    # one word each: the shorter text has the higher score
    assert _page(page, url, "الغزيرة")[:2] == [_url_of(built, "far"), _url_of(built, "close")]


def test_a_misspelled_name_finds_the_name_and_says_so(page: Any, site: Any) -> None:
    url, built = site
    assert _page(page, url, "بوتن") == [_url_of(built, "putin")]
    note = page.inner_text("#arshif-search-page .arshif-suggested")
    assert "بوتن" in note and "بوتين" in note


def test_the_header_box_shows_more_on_demand(page: Any, site: Any) -> None:
    url, _ = site
    _header(page, url, "المطر")
    assert page.get_attribute("[data-arshif-search]", "data-arshif-count") == "14"
    assert len(_header_links(page)) == 10
    page.click("[data-arshif-search] .arshif-more button")
    page.wait_for_function("() => document.querySelector('[data-arshif-search]')"
                           ".getAttribute('data-arshif-shown') === '14'")
    assert len(set(_header_links(page))) == 14
    assert page.query_selector("[data-arshif-search] .arshif-more") is None


def test_the_header_box_is_a_combobox_driven_by_the_keyboard(page: Any, site: Any) -> None:
    url, built = site
    _header(page, url, "المطر")
    box = "[data-arshif-search] .md-search__input"
    assert page.get_attribute(box, "role") == "combobox"
    assert page.get_attribute(box, "aria-expanded") == "true"
    assert page.get_attribute("#arshif-search-list", "role") == "listbox"
    page.keyboard.press("ArrowDown")
    first = page.query_selector_all("#arshif-search-list [role=option]")[0]
    assert page.get_attribute(box, "aria-activedescendant") == first.get_attribute("id")
    assert first.get_attribute("aria-selected") == "true"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    assert page.get_attribute(box, "aria-activedescendant") == first.get_attribute("id")
    assert page.evaluate("() => document.activeElement.classList.contains('md-search__input')")
    target = urlsplit(urljoin(page.url, first.query_selector("a").get_attribute("href"))).path
    page.keyboard.press("Enter")
    page.wait_for_url("**" + target)
    _header(page, url, "المطر")
    page.keyboard.press("Escape")
    assert page.get_attribute(box, "aria-expanded") == "false"
    assert not page.evaluate("() => document.getElementById('__search').checked")


def test_every_result_of_the_search_page_is_reached_by_tab(page: Any, site: Any) -> None:
    url, _ = site
    links = _page(page, url, "المطر")
    assert len(links) == 14
    assert page.eval_on_selector_all("#arshif-search-page .arshif-result a", "els => els.map(e => e.tabIndex)") \
        == [0] * 14
    page.focus("#arshif-search-page input[name=q]")
    reached = set()
    for _ in range(40):
        page.keyboard.press("Tab")
        href = page.evaluate("() => document.activeElement.closest('.arshif-result') ? "
                             "document.activeElement.getAttribute('href') : null")
        if href:
            reached.add(href)
    assert len(reached) == 14


def test_the_search_page_sorts_by_date_and_searches_as_one_types(page: Any, site: Any) -> None:
    url, built = site
    by_date = _page(page, url, "المطر", "&sort=date")
    assert by_date[0] == _url_of(built, "rain13") and by_date[-1] == _url_of(built, "rain00")
    page.goto(url + "search/")
    page.wait_for_selector("#arshif-search-page[data-arshif-ready]")
    page.type("#arshif-search-page input[name=q]", "الحصاد", delay=15)
    page.wait_for_function("() => document.getElementById('arshif-search-page')"
                           ".getAttribute('data-arshif-count') === '1'")
    assert "q=" + quote("الحصاد") in page.url


def test_on_a_phone_the_results_come_before_the_filters(browser: Any, site: Any) -> None:
    url, _ = site
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="ar")
    page = context.new_page()
    try:
        _page(page, url, "المطر")
        results = page.query_selector(".arshif-search-page__results").bounding_box()
        filters = page.query_selector(".arshif-search-page__filters").bounding_box()
        assert results["y"] < filters["y"]
    finally:
        context.close()


def test_every_result_shows_a_word_the_reader_typed(page: Any, site: Any) -> None:
    url, _ = site
    for query in ("الدولة", "المطر", "2013", "فرانشيسكو", "ولي العهد", "الحلبي"):
        _page(page, url, query)
        for result in page.query_selector_all("#arshif-search-page .arshif-result"):
            marks = {fold(m.inner_text()) for m in result.query_selector_all("mark")}
            assert marks, (query, result.inner_text())


def test_a_name_s_first_letters_are_not_read_as_a_prefix(page: Any, site: Any) -> None:
    url, built = site
    assert _page(page, url, "كيري") == [_url_of(built, "kerry")]
    assert _page(page, url, "الله") == [_url_of(built, "abdullah")]
    assert _page(page, url, "يرى") == [_url_of(built, "sees")]
