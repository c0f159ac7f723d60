"""MkDocs hook (listed under `hooks:` in mkdocs.yml): Material's search plugin indexes no page.

The header search box is Material's — the theme renders it only while Material's `search` plugin is
enabled — but it is driven by Arshif's own sharded index, written after the build by
`generator.search.write_index`, which also deletes Material's `search/search_index.json`. Building
that whole-site index would only cost time and disk (hundreds of MB at 10,000 articles), so every
page is marked `search: {exclude: true}`, which the plugin checks before parsing a page.
"""
from __future__ import annotations

from typing import Any


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    search = page.meta.get("search")
    page.meta["search"] = {**(search if isinstance(search, dict) else {}), "exclude": True}
    return markdown
