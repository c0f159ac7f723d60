"""Arabic text in the browser, on a site built from articles written here: a title holding any
bidi control never reverses the date beside it (pages and search results), search finds words typed
in presentation forms or with the other hamza seat, and result counts use the CLDR plural rules."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import markdown
import pytest

from conftest import run_build, serve_folder, write_files
from generator import cleaner, entities, outlets
from generator.context import assemble
from generator.model import Article
from generator.pages import article_item, escape_inline
from generator.pipeline import SiteConfig
from generator.plurals import count_phrase
from test_arabic_text import to_presentation_forms
from test_search_browser import header_search

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
DATE = "20 نيسان/أبريل 2024"  # as pages write it (both month names)
CONTROLS = {
    "LRE": "\u202a", "RLE": "\u202b", "PDF": "\u202c", "LRO": "\u202d", "RLO": "\u202e",
    "LRI": "\u2066", "RLI": "\u2067", "FSI": "\u2068", "PDI": "\u2069", "ALM": "\u061c",
    "LRM": "\u200e", "RLM": "\u200f",
}

# Articles written for these tests.
CORPUS = {
    "bidi.txt": "\u202eمحطة ضخ جديدة تزود أحياء البصرة بالماء\n\nالسبت 20 نيسان 2024\n\n"
                "افتتحت دائرة الماء محطة ضخ جديدة في \u2067البصرة\u2069 تخدم أحياء \u202bالجنوب\u202c كلها.\n",
    "forms.txt": "ورشة لتدريب المزارعين على الري بالتنقيط\n\nالأحد 14 تموز 2019\n\n"
                 + to_presentation_forms("نظمت مديرية الزراعة ورشة لتدريب المزارعين على الري بالتنقيط في قرى الموصل.")
                 + "\nوقال المدرب إن الطريقة توفر نصف كمية الماء.\n",
    "hamza.txt": "مسؤول بلدي يعد بإصلاح الأرصفة\n\nالاثنين 8 نيسان 2024\n\n"
                 "قال مسؤول في البلدية إن شؤون الأرصفة والإنارة ستعالج قبل الصيف.\n",
}

# Visual x positions of each character of `needle` inside `root`'s text.
_POSITIONS = """([root, needle]) => {
  const el = typeof root === 'string' ? document.querySelector(root) : root;
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const at = node.data.indexOf(needle);
    if (at < 0) continue;
    const xs = [];
    for (let k = 0; k < needle.length; k++) {
      const r = document.createRange();
      r.setStart(node, at + k); r.setEnd(node, at + k + 1);
      const b = r.getBoundingClientRect();
      xs.push(b.left + b.width / 2);
    }
    return xs;
  }
  return null;
}"""


def assert_date_reads_right(xs: list[float] | None) -> None:
    """A date like «20 نيسان/أبريل 2024» drawn right to left as a whole, each number left to right."""
    assert xs is not None, "date not found"
    day, year = xs[0:2], xs[-4:]
    assert day[0] < day[1], "day digits reversed"
    assert year == sorted(year), "year digits reversed"
    assert min(day) > max(year), "day not to the right of the year"
    month = xs[3:-5]
    assert min(day) > max(month) and min(month) > max(year), "month not between day and year"


@pytest.fixture(scope="module")
def own_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("arabic-site")
    write_files(tmp / "corpus", CORPUS)
    built = run_build(tmp / "corpus", ROOT / "site_config", tmp / "content", tmp / "site")
    assert built.returncode == 0, built.stdout + built.stderr
    with serve_folder(tmp / "site") as url:
        yield url


def _li_with(page: Any, text: str) -> Any:
    return page.locator("li", has_text=text).first.element_handle()


@pytest.mark.parametrize("name", list(CONTROLS))
def test_a_title_with_any_bidi_control_keeps_the_date_in_order(page: Any, name: str) -> None:
    control = CONTROLS[name]
    cfg = SiteConfig(Path("site_config"), cleaner.Furniture(), outlets.Registry({}), entities.Gazetteer({}), {})
    for title in (control + "عنوان الخبر", "عنوان " + control + "الخبر", "News " + control + "عنوان"):
        a = Article(source="corpus/x.txt", id="x", title=title, body="نص.", date="2024-04-20", sha256="x")
        ctx = assemble(Path("corpus"), Path("site_config"), cfg, [a], [], [])
        body = markdown.markdown(article_item(ctx, "index.md", a))
        page.set_content(f'<html dir="rtl" lang="ar"><body style="font-size:24px">{body}</body></html>')
        assert_date_reads_right(page.evaluate(_POSITIONS, ["li", DATE]))


def test_the_check_sees_a_reversed_date(page: Any) -> None:
    """Without isolation an override in the title reverses the date: the check above would see it."""
    line = "- [" + escape_inline("\u202eعنوان") + "](x.md) — " + DATE
    page.set_content(f'<html dir="rtl" lang="ar"><body style="font-size:24px">{markdown.markdown(line)}</body></html>')
    with pytest.raises(AssertionError):
        assert_date_reads_right(page.evaluate(_POSITIONS, ["li", DATE]))


@pytest.mark.parametrize("path", ["", "timeline/2024-04/", "places/basra/"])
def test_every_list_shows_the_date_the_right_way_round(page: Any, own_site: str, path: str) -> None:
    page.goto(own_site + path)
    li = _li_with(page, "محطة ضخ جديدة")
    assert li is not None
    assert_date_reads_right(page.evaluate(_POSITIONS, [li, DATE]))
    assert "\u202e" not in li.inner_text()


def _search(page: Any, own_site: str, query: str) -> list[str]:
    """Type `query` in the header box; the titles of the results shown."""
    header_search(page, own_site, query)
    return page.eval_on_selector_all(".arshif-result h1", "els => els.map(e => e.textContent)")


def test_search_result_shows_the_date_the_right_way_round(page: Any, own_site: str) -> None:
    titles = _search(page, own_site, "محطة ضخ")
    assert titles == ["محطة ضخ جديدة تزود أحياء البصرة بالماء"]
    meta = page.query_selector(".arshif-result__meta")
    assert_date_reads_right(page.evaluate(_POSITIONS, [meta, "20 نيسان/أبريل 2024"]))


@pytest.mark.parametrize("query", ["الموصل", "بالتنقيط", to_presentation_forms("الموصل"),
                                   to_presentation_forms("مديرية الزراعة")])
def test_search_finds_presentation_form_text_typed_either_way(page: Any, own_site: str, query: str) -> None:
    assert _search(page, own_site, query) == ["ورشة لتدريب المزارعين على الري بالتنقيط"]


@pytest.mark.parametrize("query", ["مسئول", "مسؤول", "شئون", "مسئولين", "المسؤولون"])
def test_search_finds_either_hamza_seat(page: Any, own_site: str, query: str) -> None:
    assert _search(page, own_site, query) == ["مسؤول بلدي يعد بإصلاح الأرصفة"]


def test_result_counts_follow_the_cldr_plural_rules(page: Any, own_site: str) -> None:
    _search(page, own_site, "الماء")
    assert page.get_attribute("[data-arshif-search]", "data-arshif-count") == "2"
    assert "نتيجتان" in page.inner_text("[data-arshif-search]")
    ns = list(range(0, 120)) + [200, 201, 202, 203, 211, 1000, 1003, 1011]
    got = page.evaluate("ns => ns.map(n => ArshifSearch.countText(n))", ns)
    assert got == [count_phrase(n, "result") for n in ns]
    assert got[ns.index(103)] == "103 نتائج" and got[ns.index(11)] == "11 نتيجة"
