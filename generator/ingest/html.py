"""Saved web pages (.html, .htm, and every HTML record of a WARC): main text and metadata.

Contract:
    read_page(data: bytes, source: str, cfg: SiteConfig, url: str | None = None,
              captured: str | None = None) -> Article | Skipped

`trafilatura` finds the page's main text (menus, sharing buttons, related links and comments left
out) and its metadata: title (og:title, JSON-LD headline, <title>), author (author meta tags,
JSON-LD), site name (og:site_name, JSON-LD publisher) and canonical address; `htmldate` (which
trafilatura calls on the tree it parsed, with `date_params`) finds the publication date in the
markup only (article:published_time, JSON-LD datePublished, <time>, the address), never in the
running text. trafilatura runs in its fast mode (no second opinion from its fallback extractors). The text then goes through the same cleaning and Arabic
extraction as a text file, and each value the page states wins over the one read from the text
(`Article.given[key] = "page metadata"`). A site name or host becomes the outlet when outlets.yml
knows it; otherwise the outlet is read from the text.

`url` is the address the page was captured from (a WARC record's target) and becomes the source
link (provenance "capture"); else the page's own canonical address does. `captured` (YYYY-MM-DD) is
the capture day, an upper bound on the date. A page whose markup stops before </html> is built from
what it holds, with a warning; one that is not text, or holds no text, is skipped.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re

import trafilatura

from generator import reader
from generator.ingest.base import bound_by_capture, give, outlet_for
from generator.model import Article, OutletRef
from generator.pipeline import SiteConfig, Skipped, extract_text
from generator.sidecar import check_url

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

_HTML_END = re.compile(r"</html\s*>\s*(?:<!--.*?-->\s*)*\Z", re.IGNORECASE | re.DOTALL)
_HTML_OPEN = re.compile(r"<html[\s>]", re.IGNORECASE)
_AUTHOR_SPLIT = re.compile(r"\s*[;|]\s*")


def read_page(data: bytes, source: str, cfg: SiteConfig, url: str | None = None,
              captured: str | None = None) -> Article | Skipped:
    """One page's bytes → an article (see the module docstring), or Skipped with the reason.

    `source` is the name shown to users; `url` an http(s) address, `captured` a YYYY-MM-DD day.
    Never raises for bad content."""
    decoded = reader.decode_markup(data)
    if decoded.text is None:
        return Skipped(source, decoded.warning or "not a text file")
    markup = decoded.text
    warnings = [decoded.warning] if decoded.warning else []
    if _HTML_OPEN.search(markup[:4096]) and not _HTML_END.search(markup[-4096:]):
        warnings.append("damaged HTML: the page stops before its closing </html> tag; "
                        "the text it holds was kept")
    try:
        doc = trafilatura.bare_extraction(markup, url=url, with_metadata=True, include_comments=False,
                                          include_tables=True, fast=True,
                                          date_extraction_params=date_params(captured))
    except Exception as exc:  # noqa: BLE001 - a library failing on one page must not stop the build
        doc = None
        warnings.append(f"damaged HTML: the page could not be parsed ({type(exc).__name__}); "
                        "only its visible text was kept")
    body = (doc.text if doc is not None else None) or ""
    if not body.strip():
        body = reader.html_to_text(markup)  # a page too small or too odd for main-text extraction
    title = " ".join((getattr(doc, "title", None) or "").split())
    lines = [ln.strip() for ln in body.splitlines()]
    if title and lines and " ".join(lines[0].split()) == title:
        lines = lines[1:]  # the headline printed on the page, already the title
    text = reader.normalise("\n".join(([title] if title else []) + lines) + "\n")
    art = extract_text(text, source, cfg)
    art.encoding = decoded.encoding
    art.sha256 = hashlib.sha256(data).hexdigest()
    art.warnings[:0] = warnings
    if not art.title and not art.body:
        return Skipped(source, "no article text (empty or only page furniture)")
    if title:
        give(art, "title", title, "page metadata")
    _metadata(art, doc, cfg, url, captured)
    return art


def date_params(captured: str | None) -> dict[str, object]:
    """How htmldate is asked for the date (trafilatura hands these to `htmldate.find_date` on the
    tree it has parsed): the markup only (no guess from the running text), the original
    publication rather than an update, nothing after the capture day (today when not captured)."""
    latest = captured or dt.date.today().isoformat()
    return {"extensive_search": False, "original_date": True, "max_date": latest, "outputformat": "%Y-%m-%d"}


def _metadata(art: Article, doc: object, cfg: SiteConfig, url: str | None,
              captured: str | None) -> None:
    """Apply what the page's markup states: author, outlet, date, source address."""
    author = getattr(doc, "author", None)
    if author:
        names = [" ".join(n.split()) for n in _AUTHOR_SPLIT.split(author) if n.strip()]
        if names:
            give(art, "author", "، ".join(names), "page metadata")
    site = getattr(doc, "sitename", None)
    page_url = getattr(doc, "url", None)
    if page_url and check_url(page_url) is not None:
        page_url = None
    oid = outlet_for(site, cfg.registry) or outlet_for(url or page_url, cfg.registry)
    if oid:
        give(art, "outlet", OutletRef(oid, cfg.registry.outlets[oid].name), "page metadata")
    date = getattr(doc, "date", None)
    if date and not (captured and date > captured):
        give(art, "date", date, "page metadata")
    else:
        bound_by_capture(art, captured)
    if url:
        give(art, "source_url", url, "capture")
    elif page_url:
        give(art, "source_url", page_url, "page metadata")
