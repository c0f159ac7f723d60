"""Exports of scraped articles (.jsonl, .json, .csv): one article per row, fields mapped by
site_config/exports.yml (`ingest/mapping.py`).

Contract:
    expand_export(path: Path, display: str, rel: str, mapping: ExportMapping) -> Expansion
    extract_row(unit: Unit, cfg: SiteConfig) -> Article | Skipped

A row is named `FILE:LINE` (JSON Lines, CSV: the line where the row starts) or `FILE[INDEX]` (a JSON
array, from 0). Its article id is made from the file's path and the row's key, so it stays the same
when rows are added or reordered. A row that cannot be read (a line that is not JSON, a CSV row
with a missing or an extra column, a row with neither text nor title) is skipped and named; every
other row is still read. A JSON file that does not parse as a whole is named with the line and
column of the error.

The fields an export provides win (`Article.given[key] = "export"`): title, author (or the person
of the byline), outlet, date, source address; the text goes through the same cleaning and Arabic
extraction as a text file, which fills what the export leaves out (an outlet credited in the text,
the date a text states, the wire agencies, the names and topics).
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import html
import io
import json
from pathlib import Path
from typing import Any

from generator import byline as byline_reader
from generator import reader
from generator.ingest.base import Expansion, InputNote, Unit, give, iso_date, outlet_for
from generator.ingest.mapping import ROLES, ExportMapping, field_value
from generator.model import Article, OutletRef
from generator.pipeline import SiteConfig, Skipped, extract_text
from generator.sidecar import check_date, check_url

KINDS = {".jsonl": "JSON Lines export", ".json": "JSON export", ".csv": "CSV export"}
READ, BUILT, SKIPPED = "rows read", "rows to extract", "rows skipped"


def expand_export(path: Path, display: str, rel: str, mapping: ExportMapping) -> Expansion:
    """Cut one export file into one unit per row (see the module docstring). Never raises."""
    ext = "." + rel.rsplit(".", 1)[-1].lower()
    out = Expansion(note=InputNote(display, KINDS.get(ext, "export"), {READ: 0, BUILT: 0, SKIPPED: 0}))
    try:
        data = path.read_bytes()
    except OSError as exc:
        out.skipped.append(Skipped(display, f"cannot read: {exc.strerror or exc}"))
        return out
    decoded = reader.decode_markup(data)
    if decoded.text is None:
        out.skipped.append(Skipped(display, decoded.warning or "not a text file"))
        return out
    stem = rel.rsplit(".", 1)[0]
    rows = {".jsonl": _jsonl_rows, ".json": _json_rows, ".csv": _csv_rows}.get(ext, _jsonl_rows)
    for where, row in rows(decoded.text, display, out):
        out.note.counts[READ] += 1  # type: ignore[union-attr]
        source = f"{display}{where}"
        if isinstance(row, str):
            out.skipped.append(Skipped(source, row))
            continue
        unit = _unit(row, source, stem, where, mapping)
        if isinstance(unit, str):
            out.skipped.append(Skipped(source, unit))
        else:
            out.units.append(unit)
    out.note.counts[BUILT] = len(out.units)  # type: ignore[union-attr]
    out.note.counts[SKIPPED] = len(out.skipped)  # type: ignore[union-attr]
    return out


def _jsonl_rows(text: str, display: str, out: Expansion):
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield f":{n}", f"not valid JSON ({exc.msg} at column {exc.colno})"
            continue
        yield f":{n}", row if isinstance(row, dict) else "not a JSON object (a row is {\"field\": value, …})"


def _json_rows(text: str, display: str, out: Expansion):
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        out.skipped.append(Skipped(display, f"not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"))
        return
    items = data if isinstance(data, list) else [data]
    for i, row in enumerate(items):
        yield f"[{i}]", row if isinstance(row, dict) else "not a JSON object (a row is {\"field\": value, …})"


def _csv_rows(text: str, display: str, out: Expansion):
    rows = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(rows, None)
        if header is None:
            return
        header = [h.strip() for h in header]
        start = rows.line_num + 1
        for values in rows:
            where, start = f":{start}", rows.line_num + 1
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(header):
                missing = ", ".join(header[len(values):])
                yield where, (f"row has {len(values)} of {len(header)} columns (missing: {missing})"
                              if len(values) < len(header) else
                              f"row has {len(values)} columns, the header names {len(header)}")
                continue
            yield where, dict(zip(header, values))
    except csv.Error as exc:
        out.skipped.append(Skipped(f"{display}:{rows.line_num}", f"damaged CSV ({exc}); the rows before it were read"))


def _as_text(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, bool)):
        return None
    if isinstance(value, list):
        parts = [_as_text(v) for v in value]
        return "\n\n".join(p for p in parts if p) or None
    text = str(value).strip()
    return html.unescape(text) if "&" in text else text or None


def _unit(row: dict[str, Any], source: str, stem: str, where: str, mapping: ExportMapping) -> Unit | str:
    meta: dict[str, str] = {}
    for role in ROLES:
        value = _as_text(field_value(row, mapping.fields.get(role)))
        if value:
            meta[role] = value
    if mapping.outlet_id:
        meta["outlet_id"] = mapping.outlet_id
    for role in ("text", "title"):
        if mapping.fields.get(role):
            meta[f"{role}_field"] = mapping.fields[role]
    if not meta.get("text") and not meta.get("title"):
        return f"no text: the field '{mapping.fields.get('text', 'text')}' is empty or missing"
    key = meta.get("key") or where.strip(":[]")
    data = json.dumps(row, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8")
    return Unit("row", source, f"{stem}/{key}", data, meta)


def extract_row(unit: Unit, cfg: SiteConfig) -> Article | Skipped:
    """One export row → an article: its text extracted, then the fields it gives applied."""
    f = unit.meta
    text = f.get("text", "")
    if reader.looks_like_html(text):
        text = reader.html_to_text(text)
    head = [x for x in (f.get("title"), f.get("byline")) if x]
    composed = "\n".join(head) + ("\n\n" if head else "") + text + "\n"
    art = extract_text(reader.normalise(composed), unit.source, cfg)
    art.encoding = "utf-8"
    art.sha256 = hashlib.sha256(unit.data).hexdigest()
    if not art.title and not art.body:
        return Skipped(unit.source, "no article text (empty or only page furniture)")
    if f.get("title"):
        give(art, "title", " ".join(f["title"].split()), "export")
    _attribution(art, f, cfg)
    if f.get("date"):
        iso = iso_date(f["date"])
        problem = check_date(iso, dt.date.today()) if iso else "is not a date"
        if problem is None:
            give(art, "date", iso, "export")
        else:
            art.warnings.append(f"the export's date '{f['date']}' was not used ({problem}); "
                                "the date was read from the text")
    if f.get("url"):
        problem = check_url(f["url"])
        if problem is None:
            give(art, "source_url", f["url"], "export")
        else:
            art.warnings.append(f"the export's url '{f['url']}' was not used: it {problem}")
    return art


def _attribution(art: Article, f: dict[str, str], cfg: SiteConfig) -> None:
    """Author, wire and outlet from the row: `author`, else the person(s) of `byline`; the outlet
    from `outlet_id`, `outlet`, the `url`'s domain or the byline's outlet credit, in this order."""
    credited: list[tuple[str, ...]] = []
    if f.get("author"):
        give(art, "author", " ".join(f["author"].split()), "export")
    elif f.get("byline"):
        parsed = byline_reader.parse_byline(f["byline"], cfg.registry, cfg.place_names, layout=True)
        if parsed is not None:
            give(art, "author", "، ".join(parsed.people) or None, "export")
            for aid in parsed.agencies:
                wire = cfg.registry.outlets[aid].wire_name or cfg.registry.outlets[aid].name
                if wire not in art.wire:
                    art.wire.append(wire)
            credited = parsed.outlets
    oid = f.get("outlet_id") or outlet_for(f.get("outlet"), cfg.registry) or outlet_for(f.get("url"), cfg.registry)
    if oid is None and len(credited) == 1 and len(credited[0]) == 1:
        oid = credited[0][0]
    if oid:
        give(art, "outlet", OutletRef(oid, cfg.registry.outlets[oid].name), "export")
    elif f.get("outlet"):
        art.warnings.append(f"the export's outlet '{f['outlet']}' is not in outlets.yml: "
                            "the outlet was read from the text")
