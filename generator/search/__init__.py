"""Arabic search for the built site.

    write_index(context, urls, site_dir)   after the MkDocs build: writes <site>/search-index/
    index_for(context, urls)               the same files as bytes, written nowhere
    page_markdown()                        the Markdown of the search page (content/search.md)

The header search box (theme partial `partials/search.html`) and the search page load
`assets/javascripts/search/search.js` the first time the reader searches; it fetches only the
manifest, the term shards and the records a query needs (see `indexer`).

How it fits into Material: the theme renders its header search box only while Material's `search`
plugin is enabled, so the plugin stays in mkdocs.yml, but
- the `mkdocs_hook` module marks every page `search: exclude`, so the plugin builds an empty index
  (Material's own index of the whole site is hundreds of MB at 10,000 articles), and `write_index`
  deletes that empty file;
- `partials/search.html` keeps Material's markup and styles but renames the form and the component,
  so Material's script neither fetches an index nor mounts its search; Arshif's script drives the
  box (results with date, outlet, snippet and highlighted words; Enter opens the search page).
The search page (`page_markdown`, written to content/search.md by the site build) adds filters by
year, outlet and entity over all the results of a query.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from generator.model import Article
from generator.search.indexer import INDEX_DIR, DocCache, docs_from_articles, index_files, write_tree

SEARCH_PAGE = "search.md"  # relative to the docs_dir; served at search/
MATERIAL_INDEX = Path("search") / "search_index.json"  # Material's own, removed

__all__ = ["MATERIAL_INDEX", "SEARCH_PAGE", "index_for", "page_markdown", "write_index"]


def _articles(context: Any) -> list[Article]:
    if isinstance(context, Iterable) and not isinstance(context, (str, bytes, Mapping)):
        return list(context)
    return list(context.articles)


def article_urls(articles: list[Article], urls: Any) -> dict[str, str]:
    """Article id → URL relative to the site root, from a mapping or from the build's `Urls`."""
    if isinstance(urls, Mapping):
        return {a.id: str(urls[a.id]) for a in articles}
    return {a.id: urls.page_url(urls.article(a.id)) for a in articles}


def index_for(context: Any, urls: Any, cache_dir: Path | None = None) -> dict[str, bytes]:
    """The search index folder's files, {path inside `<site>/search-index/`: bytes}, for `context`
    (the build context, or a list of articles) and `urls` (see `write_index`). With `cache_dir`,
    each document's analysis and compressed text are kept for the next build (`indexer.DocCache`).
    Reads and writes nothing in the site: the build computes it in a forked process while the pages
    render (`generator.forked`), and `write_index` writes it."""
    articles = _articles(context)
    cfg = getattr(context, "cfg", None)
    docs = docs_from_articles(articles, article_urls(articles, urls), cfg.gazetteer if cfg is not None else None)
    cache = DocCache(cache_dir)
    topics = {tid: info.name for tid, info in getattr(context, "topics", {}).items()}
    files = index_files(docs, getattr(cfg, "digits", "western"), cache, topics)
    cache.save()
    return files


def write_index(context: Any, urls: Any, site_dir: Path, cache_dir: Path | None = None,
                files: Mapping[str, bytes] | None = None) -> int:
    """Write the search index for the built site; returns the number of files written.

    `context` is the build context (anything with `.articles`) or a list of articles; `urls` is the
    build's `Urls` or a mapping from article id to URL relative to the site root ("articles/x/").
    `files`: the index as `index_for` computed it (else computed here, with `cache_dir`). Only files
    whose bytes changed are written, the manifest last. Material's own `search/search_index.json`
    is removed: its box is driven by this index instead.
    """
    site_dir = Path(site_dir)
    if files is None:
        files = index_for(context, urls, cache_dir)
    written = write_tree(site_dir / INDEX_DIR, files)
    (site_dir / MATERIAL_INDEX).unlink(missing_ok=True)  # when MkDocs has finished (else the site build does)
    return written


def page_markdown() -> str:
    """The search page: a title and the container the search script fills (results + filters)."""
    return (
        "---\n"
        "title: البحث\n"
        "search:\n"
        "  exclude: true\n"
        "hide:\n"
        "  - toc\n"
        "---\n"
        "\n"
        "# البحث في الأرشيف\n"
        "\n"
        '<div id="arshif-search-page" class="arshif-search-page" dir="rtl">\n'
        '<form class="arshif-search-page__form" role="search" action="" method="get">\n'
        '<input type="search" name="q" class="arshif-search-page__input" aria-label="ابحث في الأرشيف" '
        'placeholder="ابحث في الأرشيف" autocomplete="off">\n'
        '<button type="submit" class="md-button md-button--primary">بحث</button>\n'
        "</form>\n"
        '<p class="arshif-search-page__tools"><label>الترتيب: <select name="sort">'
        '<option value="relevance">الأقرب إلى البحث</option><option value="date">الأحدث أولاً</option>'
        "</select></label></p>\n"
        '<div class="arshif-search-page__body">\n'
        '<aside class="arshif-search-page__filters" aria-label="تضييق النتائج"></aside>\n'
        '<section class="arshif-search-page__results" aria-live="polite"></section>\n'
        "</div>\n"
        "</div>\n"
    )
