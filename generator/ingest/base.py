"""What the input readers hand on, and the helpers they share.

    Unit          one article to be: its reader, the name users see, the key of its id, its bytes
    Expansion     what expanding one input file gave: units, skipped records, a note for the report
    InputNote     the account of one input file of a kind other than text (records read, skipped, why)
    outlet_for(value, registry) -> str | None       a registry id from an id, a name or a domain
    iso_date(value) -> str | None                   YYYY-MM-DD from the usual written forms
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from generator.model import Article
from generator.sidecar import _DATE_WARNING, _OUTLET_WARNING  # the warnings a given value settles

if TYPE_CHECKING:
    from generator.outlets import Registry
    from generator.pipeline import Skipped


@dataclass
class Unit:
    """One article to extract, cut out of an input file by its reader.

    `kind` names the extractor ("html", "row", "markdown"); `source` is the name shown to users
    (the file, and for a record of a container its record: "corpus/a.warc.gz#https://…",
    "corpus/e.jsonl:12"); `rel` is the key of the article's permanent id; `data` the raw bytes (a
    page, a Markdown file; empty for an export row); `meta` the values the container gives
    (a WARC record's URL and capture day, an export row's mapped fields, a sidecar's path).
    """

    kind: str
    source: str
    rel: str
    data: bytes = b""
    meta: dict[str, str] = field(default_factory=dict)


@dataclass
class InputNote:
    """How one input file of a kind other than text was read, for the build report."""

    source: str
    kind: str  # "saved web page", "WARC capture", "JSON Lines export", …
    counts: dict[str, int] = field(default_factory=dict)  # ordered: what was read, then each skip

    def text(self) -> str:
        """One line: "WARC capture: records read: 7, HTML pages: 4, revisits skipped: 1"."""
        parts = [f"{what}: {n}" for what, n in self.counts.items() if n]
        return f"{self.kind}: " + (", ".join(parts) if parts else "nothing read")


@dataclass
class Expansion:
    units: list[Unit] = field(default_factory=list)
    skipped: list["Skipped"] = field(default_factory=list)
    note: InputNote | None = None


def host_of(url: str | None) -> str:
    """The host of a web address, lower case, without "www." ("" when there is none)."""
    if not url:
        return ""
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    except ValueError:
        return ""
    return host.lower().removeprefix("www.")


def outlet_for(value: str | None, registry: "Registry") -> str | None:
    """The registry id an export field or a page's site name stands for: an outlet id
    ("okaz"), one of its names or forms ("عكاظ", "صحيفة عكاظ") when it names one outlet only, or
    a web address or host on one of its domains ("https://www.okaz.com.sa/…"). None otherwise."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if value in registry.outlets:
        return value
    from generator.outlets import name_key

    ids = registry.index.forms.get(name_key(value))
    if ids and len(ids) == 1:
        return ids[0]
    if " " in value or not re.search(r"\.[a-z]{2,}", value.lower()):
        return None
    host = host_of(value)
    domains = _domains(registry)
    while host:  # news.okaz.com.sa, then okaz.com.sa, com.sa, sa
        if host in domains:
            return domains[host]
        host = host.partition(".")[2]
    return None


def _domains(registry: "Registry") -> dict[str, str]:
    """Domain → outlet id (the first id in sorted order when two outlets list one), kept on the registry."""
    table = registry.__dict__.get("_ingest_domains")
    if table is None:
        table = {}
        for oid in sorted(registry.outlets):
            for d in registry.outlets[oid].domains:
                table.setdefault(d.lower().removeprefix("www."), oid)
        registry.__dict__["_ingest_domains"] = table
    return table


_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")
_YMD = re.compile(r"^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b")
_DMY = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")


def iso_date(value: str | None) -> str | None:
    """YYYY-MM-DD from "2015-07-03", "2015-07-03T10:00:00+03:00", "2015/07/03" or "03/07/2015"
    (day first, as Arabic sites write it); None when the value is none of these or no real day."""
    if not value:
        return None
    for rx, order in ((_ISO, "ymd"), (_YMD, "ymd"), (_DMY, "dmy")):
        m = rx.match(value)
        if m:
            a, b, c = (int(g) for g in m.groups())
            y, mo, d = (a, b, c) if order == "ymd" else (c, b, a)
            try:
                return dt.date(y, mo, d).isoformat()
            except ValueError:
                return None
    return None


def give(art: Article, key: str, value: object, provenance: str) -> None:
    """Set `key` of the article to a value its container provides (page metadata, an export field,
    a capture), record where it came from, and drop the text's warnings that value settles."""
    setattr(art, key, value)
    art.given[key] = provenance
    if key == "title":
        art.title_derived = False
    elif key == "date":
        art.date_evidence = None
        art.date_not_before = None
        art.warnings = [w for w in art.warnings if not _DATE_WARNING.search(w)]
    elif key == "outlet":
        art.warnings = [w for w in art.warnings if not _OUTLET_WARNING.search(w)]


def bound_by_capture(art: Article, captured: str | None) -> None:
    """A page cannot be published after it was captured: a date read from the text that is later
    is dropped (with a warning); a lower bound later than the capture is dropped too."""
    if not captured:
        return
    if art.date and len(art.date) == 10 and art.date > captured:
        art.warnings.append(f"date {art.date} read from the text is later than the capture "
                            f"({captured}): it was dropped")
        art.date, art.date_evidence = None, None
    if art.date_not_before and art.date_not_before > captured:
        art.date_not_before = None
