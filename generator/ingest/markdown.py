"""Markdown written by hand (.md): YAML front matter in the sidecar format, the body as the text.

Contract:
    read_markdown(data: bytes, source: str, cfg: SiteConfig) -> tuple[Article | Skipped, list[Problem]]

    ---
    title: عنوان المقال
    date: 2015-07-03
    outlet: okaz
    ---
    نص المقال…

The front matter takes the keys of a sidecar (title, date, outlet, author, source_url, topics,
add_entities, remove_entities), checked the same way, each problem named with the file's own line.
The body is read like a text file; Markdown marks that are not words (# before a heading, **, __,
> before a quote, - or * before a list item, the target of a link) are taken off first. A file
without front matter is read whole as the body.
"""
from __future__ import annotations

import hashlib
import re

from generator import reader, sidecar
from generator.config import Problem, parse_yaml
from generator.model import Article
from generator.pipeline import SiteConfig, Skipped, extract_bytes

_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE)
_QUOTE_OR_ITEM = re.compile(r"^[ \t]*(?:>[ \t]?|[-*+][ \t]+)", re.MULTILINE)
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter or None, body, number of lines before the body) of a Markdown text."""
    m = _FRONT.match(text)
    if not m:
        return None, text, 0
    return m.group(1) or "", text[m.end():], text[: m.end()].count("\n")


def plain_text(body: str) -> str:
    """The body without Markdown marks (headings, emphasis, quotes, list marks, link targets)."""
    body = _HEADING.sub(r"\1", body)
    body = _QUOTE_OR_ITEM.sub("", body)
    body = _EMPHASIS.sub(r"\2", body)
    return _LINK.sub(r"\1", body)


def read_markdown(data: bytes, source: str, cfg: SiteConfig) -> tuple[Article | Skipped, list[Problem]]:
    """One Markdown file → an article with its front matter applied as a sidecar, and the front
    matter's problems (each naming `source` and its line in the file)."""
    decoded = reader.decode_markup(data)
    if decoded.text is None:
        return Skipped(source, decoded.warning or "not a text file"), []
    front, body, _ = split_front_matter(decoded.text)
    result = extract_bytes(plain_text(body).encode("utf-8"), source, cfg)
    if isinstance(result, Article):
        result.sha256 = hashlib.sha256(data).hexdigest()
        result.encoding = decoded.encoding
        if decoded.warning:
            result.warnings.insert(0, decoded.warning)
    if front is None:
        return result, []
    # a blank line stands for the opening ---, so the lines of problems are the file's own
    parsed, problems = parse_yaml("\n" + front, source)
    overrides, problems = sidecar.check_sidecar(parsed, problems, source, cfg)
    if isinstance(result, Article) and overrides is not None:
        sidecar.apply_overrides(result, overrides, cfg)
    return result, problems
