"""MkDocs hook (listed under `hooks:` in mkdocs.yml): page metadata the theme prints is plain text.

mkdocs-material writes `page.meta.title` and `page.meta.author` (and `page.title`, which comes from
the meta title, in the header and the navigation) into the HTML as they are. The generator's front
matter holds plain text, and an article's title or author may contain "<", "&" or quotes, so those
values are HTML-escaped here, once, just before the theme uses them. content/ keeps the plain text.

It also gives headings Arabic anchors (`#الأسماء-الواردة`, not `#_1`): the table of contents
slugifies with pymdownx's Unicode slugify, set here because mkdocs.yml stays plain YAML.
"""
from __future__ import annotations

import html
from typing import Any

PRINTED_META = ("title", "author", "description")


def on_config(config: Any) -> Any:
    """Unicode heading anchors: the toc extension slugifies with pymdownx.slugs (keeps Arabic letters)."""
    from pymdownx.slugs import slugify

    config.mdx_configs.setdefault("toc", {})["slugify"] = slugify(case="lower")
    return config


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    for key in PRINTED_META:
        value = page.meta.get(key)
        if isinstance(value, str):
            page.meta[key] = html.escape(value, quote=True)
    return markdown
