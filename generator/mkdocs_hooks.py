"""MkDocs hook (listed under `hooks:` in mkdocs.yml): page metadata the theme prints is plain text.

mkdocs-material writes `page.meta.title` and `page.meta.author` (and `page.title`, which comes from
the meta title, in the header and the navigation) into the HTML as they are. The generator's front
matter holds plain text, and an article's title or author may contain "<", "&" or quotes, so those
values are HTML-escaped here, once, just before the theme uses them. content/ keeps the plain text.

It also gives headings Arabic anchors (`#الأسماء-الواردة`, not `#_1`), of at most four words: the
table of contents slugifies with pymdownx's Unicode slugify, set here because mkdocs.yml stays plain
YAML.

Incremental site builds (`generator.build.build_site`): when the environment names a list of
changed docs files (ARSHIF_DIRTY_LIST, one path inside docs_dir per line), MkDocs runs with `--dirty`
into a folder of hard links to the previous site, and this hook
- says which files are modified from that list (MkDocs' own test compares modification times,
  which a CI checkout makes all new): a docs file is rebuilt when listed, a theme file never (a
  changed theme makes a whole build);
- makes MkDocs replace every file it writes (a new file renamed over the old) instead of writing
  into it, which would change the previous site through the hard link;
- drops MkDocs' warning that a dirty build is "for site development purposes only", which
  `--strict` would turn into a failure: the navigation lists index pages only, so a page whose
  Markdown did not change renders the same bytes.

A build split across processes (`generator.build.run_mkdocs` with several processes): each
MkDocs process runs with `--dirty` into the same new folder and ARSHIF_SHARD="k/K"; this hook marks as
modified the documentation pages whose place in the sorted list of pages is k modulo K, and, in
process 0 only, every other file (theme and static files), so each page is rendered by exactly one
process and every file is copied once. An incremental build can be split too (both variables set):
the pages and files split are then those of the changed-files list. The files every process writes (404.html, sitemap.xml,
sitemap.xml.gz) come out byte for byte the same in each (one SOURCE_DATE_EPOCH for all).

And it shows the progress of a large MkDocs build (`generator.progress`: a bar on a terminal, plain
lines in a CI log, nothing for a small site): MkDocs has no per-page callback of its own, so the pages
are counted here as the theme renders them (`on_post_page`).
"""
from __future__ import annotations

import html
import logging
import os
import re
from pathlib import Path
from typing import Any

from generator.progress import Stage, stage

DIRTY_ENV = "ARSHIF_DIRTY_LIST"
SHARD_ENV = "ARSHIF_SHARD"

PRINTED_META = ("title", "author", "description")


ANCHOR_WORDS = 4  # words of a heading kept in its anchor


def heading_slug(unicode_slugify: Any) -> Any:
    """A toc `slugify(value, separator)` that keeps the first ANCHOR_WORDS words of what
    `unicode_slugify` (pymdownx.slugs) gives: an article's title is its page's first heading, and its
    whole title as an anchor was printed twice in every page (the heading's id and the theme's
    "skip to content" link), 300 bytes of a page. The toc extension still makes anchors unique."""
    def slug(value: str, separator: str) -> str:
        return separator.join(unicode_slugify(value, separator).split(separator)[:ANCHOR_WORDS])
    return slug


def on_config(config: Any) -> Any:
    """Unicode heading anchors: the toc extension slugifies with pymdownx.slugs (keeps Arabic
    letters), cut to their first words (`heading_slug`)."""
    from pymdownx.slugs import slugify

    config.mdx_configs.setdefault("toc", {})["slugify"] = heading_slug(slugify(case="lower"))
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


def _replace_then(write: Any) -> Any:
    """`write(source, output_path)` preceded by removing `output_path`, so a new file (inode) is made."""
    def replacing(first: Any, output_path: str) -> None:
        if os.path.lexists(output_path) and not os.path.isdir(output_path):
            os.unlink(output_path)
        write(first, output_path)
    return replacing


class _DropDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def _changed() -> frozenset[str] | None:
    path = os.environ.get(DIRTY_ENV)
    if not path:
        return None
    return frozenset(line for line in Path(path).read_text(encoding="utf-8").splitlines() if line)


def _shard() -> tuple[int, int] | None:
    """(k, K) from ARSHIF_SHARD="k/K", or None."""
    value = os.environ.get(SHARD_ENV)
    if not value:
        return None
    k, n = (int(x) for x in value.split("/", 1))
    if not 0 <= k < n:
        raise ValueError(f"{SHARD_ENV}={value!r}: expected k/K with 0 <= k < K")
    return k, n


CHANGED = _changed()
SHARD = _shard()
if CHANGED is not None or SHARD is not None:  # both run MkDocs with --dirty
    logging.getLogger("mkdocs.commands.build").addFilter(_DropDirtyWarning())
if CHANGED is not None:
    import mkdocs.structure.files as mkdocs_files
    import mkdocs.utils as mkdocs_utils

    mkdocs_utils.write_file = _replace_then(mkdocs_utils.write_file)
    mkdocs_utils.copy_file = _replace_then(mkdocs_utils.copy_file)
    _copy = mkdocs_files.File.copy_file

    def _copy_file(self: Any, dirty: bool = False) -> None:
        if not (dirty and not self.is_modified()) and os.path.lexists(self.abs_dest_path) \
                and not os.path.isdir(self.abs_dest_path):
            os.unlink(self.abs_dest_path)
        _copy(self, dirty)

    mkdocs_files.File.copy_file = _copy_file


def _set_modified(f: Any, modified: bool) -> None:
    """Make MkDocs' `File.is_modified()` (its own test compares modification times) say `modified`."""
    f.is_modified = lambda: modified


def _mark_modified(files: Any, config: Any) -> None:
    """In an incremental build, a file is modified exactly when the changed-files list names it."""
    assert CHANGED is not None
    docs_dir = os.path.realpath(config["docs_dir"])
    for f in files:
        listed = f.src_uri in CHANGED
        in_docs = f.abs_src_path is not None and os.path.realpath(f.abs_src_path).startswith(docs_dir + os.sep)
        _set_modified(f, listed and in_docs)


def _mark_share(files: Any) -> None:
    """In a build split across processes, a file is modified (built or copied here) when it is a
    page of this process's share, or any other file and this is process 0. In an incremental build
    (a changed-files list too) the shares are made of the changed files only."""
    assert SHARD is not None
    k, n = SHARD
    candidates = [f for f in files if f.is_modified()] if CHANGED is not None else list(files)
    pages = sorted(f.src_uri for f in candidates if f.is_documentation_page())
    mine = set(pages[k::n])
    for f in candidates:
        _set_modified(f, f.src_uri in mine if f.is_documentation_page() else k == 0)


_progress: Stage | None = None


def on_files(files: Any, config: Any) -> Any:
    """Start counting the pages MkDocs renders: as many as the site has Markdown pages, or in an
    incremental build those the changed-files list names (which are marked modified, the others not),
    or in a split build this process's share (process 0 shows the progress of its share, the others
    none)."""
    global _progress
    if CHANGED is not None:
        _mark_modified(files, config)
    if SHARD is not None:
        _mark_share(files)
        if SHARD[0] != 0:
            return files
    pages = files.documentation_pages()
    if CHANGED is not None or SHARD is not None:
        pages = [f for f in pages if f.is_modified()]
    label = "building site pages"
    if SHARD is not None and SHARD[1] > 1:
        label += f" (one of {SHARD[1]} processes)"
    _progress = stage(label, len(pages), "pages")
    return files


_NAV_START = re.compile(r'<nav class="?md-nav md-nav--primary"?')
_NAV_TITLE = re.compile(r'<span class="?md-ellipsis"?>\s*([^<]*?)\s*</span>')


def plain_nav_titles(html_text: str) -> str:
    """The site navigation's link texts without the theme's `<span class="md-ellipsis">` around
    each (a one-line title that never needs cutting: the navigation lists the archive's sections),
    520 bytes of every page. Other parts of the page are left as they are."""
    start = _NAV_START.search(html_text)
    if start is None:
        return html_text
    end = primary_nav_end(html_text, start.start())
    if end < 0:
        return html_text
    return html_text[:start.start()] + _NAV_TITLE.sub(r"\1", html_text[start.start():end]) + html_text[end:]


_NAV_TAG = re.compile(r"<nav\b|</nav>")


def primary_nav_end(html_text: str, start: int) -> int:
    """Where the `<nav>` opened at `start` closes (the offset of its `</nav>`), past the navs inside
    it (the current page's table of contents sits inside the site navigation); -1 when it never
    closes."""
    depth = 0
    for tag in _NAV_TAG.finditer(html_text, start):
        depth += 1 if tag.group() == "<nav" else -1
        if depth == 0:
            return tag.start()
    return -1


# The theme's placeholders this site never fills, written on every page: the announcement bar (no
# `announce` block is set) and the dialog that says a code block was copied (no copy buttons).
# Material's script looks them up as optional components and mounts nothing where they are missing.
_EMPTY_PLACEHOLDERS = re.compile(
    r'<div data-md-component="?announce"?>\s*</div>'
    r'|<div class="?md-dialog"? data-md-component="?dialog"?><div class="md-dialog__inner md-typeset"></div></div>')


def without_empty_placeholders(html_text: str) -> str:
    """`html_text` without the theme's empty announcement bar and copy dialog (140 bytes of every
    page; see `_EMPTY_PLACEHOLDERS`). A filled announcement bar is kept."""
    return _EMPTY_PLACEHOLDERS.sub("", html_text)


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Count one more page rendered; the navigation's titles lose their wrapper (`plain_nav_titles`),
    and the page the theme's empty placeholders (`without_empty_placeholders`)."""
    if _progress is not None:
        _progress.update()
    return without_empty_placeholders(plain_nav_titles(output))


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
