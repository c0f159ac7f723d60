"""The story page and an article's story and shared-text sections in headless chromium (seed site),
with screenshots to look at in test-output/."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, BuiltSite, run_build, serve_folder
from test_site_browser import goto

pytestmark = pytest.mark.browser

SEEDS = ("000_4f119960287c4d94.txt", "001_9d8ced74e5524e3c.txt", "002_8e3dcd4a3ee56e18.txt",
         "003_54c09e60c242992e.txt", "004_16b0dbefb5d91086.txt")


@pytest.fixture(scope="module")
def seed_story(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The five seed reports (one event, five outlets) built on their own; skipped without them."""
    if not all((ROOT / "corpus" / name).is_file() for name in SEEDS):
        pytest.skip("the seed articles are not in corpus/")
    tmp = tmp_path_factory.mktemp("seed-story")
    corpus = tmp / "corpus"
    corpus.mkdir()
    for name in SEEDS:
        (corpus / name).write_bytes((ROOT / "corpus" / name).read_bytes())
    built = run_build(corpus, ROOT / "site_config", tmp / "content", tmp / "site")
    assert built.returncode == 0, built.stdout + built.stderr
    with serve_folder(built.site) as url:
        yield url, built


STORY = "stories/001-9d8ced74e5524e3c/"
ARTICLE = "articles/000-4f119960287c4d94/"


def test_story_page_lists_the_five_versions_side_by_side(page: Any, seed_story: Any, test_output: Path) -> None:
    site_url = seed_story[0]
    goto(page, site_url + STORY)
    assert page.evaluate("getComputedStyle(document.querySelector('article')).direction") == "rtl"
    rows = page.locator("article table tbody tr")
    assert rows.count() == 5
    assert "الاتحاد" in rows.nth(1).inner_text() and "أول نشر" in rows.nth(0).inner_text()
    assert page.locator("article blockquote").count() >= 3  # text the versions share
    page.screenshot(path=str(test_output / "story.png"), full_page=True)
    rows.nth(2).locator("a").click()
    page.wait_for_load_state("load")
    assert ARTICLE in page.url


def test_article_links_its_story_and_shows_shared_text(page: Any, seed_story: Any, test_output: Path) -> None:
    site_url = seed_story[0]
    goto(page, site_url + ARTICLE)
    heading = page.locator("article h2", has_text="القصة")
    assert heading.count() == 1
    section = page.locator("article h2#_3, article h2", has_text="نصوص مشتركة")
    assert section.count() == 1
    section.scroll_into_view_if_needed()
    page.screenshot(path=str(test_output / "article-reuse.png"), full_page=False)
    page.locator("article a[href*='stories/']").first.click()
    page.wait_for_load_state("load")
    assert STORY in page.url


def test_speaker_page_lists_the_quotation(page: Any, seed_story: Any) -> None:
    site_url = seed_story[0]
    goto(page, site_url + "people/saad-al-hadithi/")
    assert page.locator("article h2", has_text="أقوال منسوبة").count() == 1
    assert "لجنة مشتركة" in page.locator("article blockquote").first.inner_text()
