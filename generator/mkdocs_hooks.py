"""MkDocs hook (listed under `hooks:` in mkdocs.yml): page metadata the theme prints is plain text.

mkdocs-material writes `page.meta.title` and `page.meta.author` (and `page.title`, which comes from
the meta title, in the header and the navigation) into the HTML as they are. The generator's front
matter holds plain text, and an article's title or author may contain "<", "&" or quotes, so those
values are HTML-escaped here, once, just before the theme uses them. content/ keeps the plain text.

It also gives headings Arabic anchors (`#الأسماء-الواردة`, not `#_1`): the table of contents
slugifies with pymdownx's Unicode slugify, set here because mkdocs.yml stays plain YAML.

And it shows the progress of a large MkDocs build (`generator.progress`: a bar on a terminal, plain
lines in a CI log, nothing for a small site): MkDocs has no per-page callback of its own, so the pages
are counted here as the theme renders them (`on_post_page`).
"""
from __future__ import annotations

import html
from typing import Any

from generator.progress import Stage, stage

PRINTED_META = ("title", "author", "description")


def on_config(config: Any) -> Any:
    """Unicode heading anchors: the toc extension slugifies with pymdownx.slugs (keeps Arabic letters)."""
    from pymdownx.slugs import slugify

    config.mdx_configs.setdefault("toc", {})["slugify"] = slugify(case="lower")
    return config


def on_env(env: Any, config: Any, files: Any) -> Any:
    """The theme's `tojson` (the `__config` block of every page) writes Arabic as UTF-8, not as
    six-byte `\\uXXXX` escapes: the same JSON, a third of the bytes. `<`, `>`, `&` and `'` stay
    escaped (Jinja's HTML-safe JSON), so the script element cannot be closed early."""
    env.policies["json.dumps_kwargs"] = {**env.policies.get("json.dumps_kwargs", {}), "ensure_ascii": False}
    return env


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    for key in PRINTED_META:
        value = page.meta.get(key)
        if isinstance(value, str):
            page.meta[key] = html.escape(value, quote=True)
    return markdown


_progress: Stage | None = None


def on_files(files: Any, config: Any) -> Any:
    """Start counting the pages MkDocs renders: as many as the site has Markdown pages."""
    global _progress
    _progress = stage("building site pages", len(files.documentation_pages()), "pages")
    return files


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Count one more page rendered; the HTML is returned unchanged."""
    if _progress is not None:
        _progress.update()
    return output


def on_post_build(config: Any) -> None:
    """The pages are all written: end the progress (a last plain line with the time taken)."""
    global _progress
    if _progress is not None:
        _progress.close()
        _progress = None


def on_build_error(error: Exception) -> None:
    """A failed build ends the progress too, without a "done" line."""
    global _progress
    _progress = None
