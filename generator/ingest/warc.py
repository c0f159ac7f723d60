"""Web captures (.warc, .warc.gz, as Browsertrix, ArchiveBox, Webrecorder or `wget --warc-file`
write them), read with `warcio`.

Contract:
    expand_warc(path: Path, display: str, rel: str) -> Expansion

The file is streamed record by record (a gzip member at a time), never unpacked to disk. Every
response (or resource) record of an HTML page with a 2xx status becomes a unit, read later as a
saved page (`ingest/html.py`) with the record's target URI as its source link and its WARC-Date as
the upper bound of its date. One article per URL: when a URL was captured more than once, the
latest capture wins (the others are counted). Revisit records, non-HTML responses (images, style
sheets, scripts…), redirects and errors are skipped and counted; requests, warcinfo and metadata
records are counted as other records. A damaged file (a truncated gzip member, a bad record header)
is named with the number and byte offset of the record that could not be read; every record before
it is still read.
"""
from __future__ import annotations

import zlib
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from generator.ingest.base import Expansion, InputNote, Unit
from generator.pipeline import Skipped
from generator.reader import looks_like_html

HTML_TYPES = ("text/html", "application/xhtml+xml")
READ, PAGES, REPLACED = "records read", "HTML pages", "older captures of a page replaced by a later one"
REVISITS, NON_HTML = "revisits skipped", "non-HTML responses skipped"
NOT_OK, OTHER = "redirects and error responses skipped", "other records (requests, warcinfo, metadata)"


def stem_of(rel: str) -> str:
    """The path of a capture without .warc or .warc.gz (the prefix of its articles' ids)."""
    for ext in (".warc.gz", ".warc"):
        if rel.lower().endswith(ext):
            return rel[: -len(ext)]
    return rel


def expand_warc(path: Path, display: str, rel: str) -> Expansion:
    """Stream one WARC file into one unit per captured HTML page (see the module docstring).

    `display` is the file's name shown to users, `rel` its path relative to the corpus. Never
    raises: an unreadable or damaged file comes back in `Expansion.skipped`."""
    note = InputNote(display, "WARC capture", {k: 0 for k in (READ, PAGES, REPLACED, REVISITS, NON_HTML,
                                                                NOT_OK, OTHER)})
    latest: dict[str, tuple[str, int, bytes]] = {}  # url → (WARC-Date, record number, payload)
    out = Expansion(note=note)
    number = 0
    try:
        with path.open("rb") as fh:
            for record in ArchiveIterator(fh):
                number += 1
                _take(record, number, latest, note.counts)
                note.counts[READ] += 1
    except OSError as exc:
        reason = _damage(note.counts[READ], exc) if number else f"cannot read: {exc.strerror or exc}"
        out.skipped.append(Skipped(display, reason))
    except (ArchiveLoadFailed, zlib.error, EOFError, ValueError, KeyError) as exc:
        out.skipped.append(Skipped(display, _damage(note.counts[READ], exc)))
    if note.counts[READ] == 0 and not out.skipped:
        out.skipped.append(Skipped(display, "not a WARC file (no record in it)"))
    stem = stem_of(rel)
    for url in sorted(latest):
        captured, _, payload = latest[url]
        out.units.append(Unit("html", f"{display}#{url}", f"{stem}/{url}", payload,
                              {"url": url, "captured": captured[:10]}))
    note.counts[PAGES] = len(out.units)
    return out


def _damage(read: int, exc: BaseException) -> str:
    what = " ".join(str(exc).split()) or type(exc).__name__
    return (f"damaged WARC: record {read + 1} cannot be read ({what}); "
            f"the {read} record(s) before it were read")


def _take(record: object, number: int, latest: dict[str, tuple[str, int, bytes]],
          counts: dict[str, int]) -> None:
    """Sort one record: keep an HTML page (the latest capture of its URL), count the rest."""
    kind = record.rec_type  # type: ignore[attr-defined]
    headers = record.rec_headers  # type: ignore[attr-defined]
    if kind == "revisit":
        counts[REVISITS] += 1
        return
    if kind not in ("response", "resource"):
        counts[OTHER] += 1
        return
    http = record.http_headers  # type: ignore[attr-defined]
    ctype = (http.get_header("Content-Type") if http is not None else None) \
        or headers.get_header("Content-Type") or ""
    if http is not None and not str(http.get_statuscode() or "").startswith("2"):
        counts[NOT_OK] += 1
        return
    payload = record.content_stream().read()  # type: ignore[attr-defined]
    ctype = ctype.split(";")[0].strip().lower()
    if ctype not in HTML_TYPES and not (ctype in ("", "text/plain", "application/octet-stream")
                                        and looks_like_html(payload[:2048].decode("utf-8", "replace"))):
        counts[NON_HTML] += 1
        return
    url = headers.get_header("WARC-Target-URI") or f"record-{number}"
    when = headers.get_header("WARC-Date") or ""
    old = latest.get(url)
    if old is not None:
        counts[REPLACED] += 1
        if (old[0], old[1]) > (when, number):
            return
    latest[url] = (when, number, payload)
