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
is named with the record that could not be read (or the byte offset of the cut gzip member); every
record before it is still read.
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
                what, page = _take(record, number)
                _read_to_end(record, number)
                note.counts[what] += 1
                note.counts[READ] += 1
                if page is None:
                    continue
                url, when, payload = page
                old = latest.get(url)
                if old is not None:
                    note.counts[REPLACED] += 1
                    if (old[0], old[1]) > (when, number):
                        continue
                latest[url] = (when, number, payload)
    except OSError as exc:
        reason = _damage(note.counts[READ], exc) if number else f"cannot read: {exc.strerror or exc}"
        out.skipped.append(Skipped(display, reason))
    except (ArchiveLoadFailed, CutShort, zlib.error, EOFError, ValueError, KeyError) as exc:
        out.skipped.append(Skipped(display, _damage(note.counts[READ], exc)))
    cut = gzip_cut(path) if not out.skipped and rel.lower().endswith(".gz") else None
    if cut is not None:  # warcio stops quietly where a gzip member is cut short
        out.skipped.append(Skipped(display, f"damaged WARC: the gzip data is cut short in the record "
                                            f"compressed at byte {cut}; the {note.counts[READ]} "
                                            "record(s) before the cut were read"))
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


def gzip_cut(path: Path) -> int | None:
    """The byte offset of the gzip member where a .gz file is cut short or corrupt, or None when
    every member is whole. Streams the file once, keeping nothing of what it decompresses."""
    member, fed, read = 0, False, 0
    decomp = zlib.decompressobj(wbits=31)
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(1 << 16):
                read += len(chunk)
                data = chunk
                while data:
                    decomp.decompress(data, 1 << 16)
                    while decomp.unconsumed_tail:
                        decomp.decompress(decomp.unconsumed_tail, 1 << 16)
                    fed = True
                    if not decomp.eof:
                        break
                    data = decomp.unused_data
                    member, fed = read - len(data), False
                    decomp = zlib.decompressobj(wbits=31)
    except (OSError, zlib.error):
        return member
    return member if fed and not decomp.eof else None


class CutShort(Exception):
    """A record holds fewer bytes than its Content-Length: the file ends inside it."""


def _read_to_end(record: object, number: int) -> None:
    """Read what is left of a record; raise CutShort when the file ends before its declared end
    (warcio itself stops quietly at a truncated gzip member)."""
    raw = record.raw_stream  # type: ignore[attr-defined]
    while raw.read(65536):
        pass
    left = getattr(raw, "limit", 0)
    if left:
        declared = getattr(raw, "_orig_limit", 0)
        raise CutShort(f"the file ends inside it: {declared - left} of its {declared} bytes are there")


def _take(record: object, number: int) -> tuple[str, tuple[str, str, bytes] | None]:
    """Sort one record: (PAGES, (url, WARC-Date, payload)) for an HTML page, else (what it is, None)."""
    kind = record.rec_type  # type: ignore[attr-defined]
    headers = record.rec_headers  # type: ignore[attr-defined]
    if kind == "revisit":
        return REVISITS, None
    if kind not in ("response", "resource"):
        return OTHER, None
    http = record.http_headers  # type: ignore[attr-defined]
    ctype = (http.get_header("Content-Type") if http is not None else None) \
        or headers.get_header("Content-Type") or ""
    if http is not None and not str(http.get_statuscode() or "").startswith("2"):
        return NOT_OK, None
    payload = record.content_stream().read()  # type: ignore[attr-defined]
    ctype = ctype.split(";")[0].strip().lower()
    if ctype not in HTML_TYPES and not (ctype in ("", "text/plain", "application/octet-stream")
                                        and looks_like_html(payload[:2048].decode("utf-8", "replace"))):
        return NON_HTML, None
    url = headers.get_header("WARC-Target-URI") or f"record-{number}"
    return PAGES, (url, headers.get_header("WARC-Date") or "", payload)
