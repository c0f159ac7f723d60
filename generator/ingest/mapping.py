"""Field mappings of exports: which field of a row is the title, the text, the date… (site_config/exports.yml).

Contract:
    load_mappings(config_dir: Path, registry: Registry) -> tuple[list[ExportMapping], list[Problem]]
    mapping_for(rel: str, mappings: list[ExportMapping]) -> ExportMapping

The file is optional. Each entry of its `exports` list names the files it maps (`files`, a pattern
such as "*.jsonl" or "crawl/2015-*.csv" matched against the path inside corpus/ and the file name)
and, for each role, the field (column, JSON key, or a dotted path into nested JSON: "meta.author")
that holds it:

    key      the row's permanent key (its article id is made from the file and this key; the
             row number when there is none)
    title    text     date     author     url
    byline   a byline as the site printed it ("الرياض - خالد العتيبي"): read like a text's byline, the
             person in it is the author, an agency the wire; used when `author` gives no name
    outlet   an outlet id, a name outlets.yml knows, or a web address on an outlet's domain
    outlet_id  not a field: the outlet of every row of these files (an id of outlets.yml)

When `outlet` gives none, the outlet is the one whose domain holds the row's `url`. The first entry
whose pattern matches a file applies; a file no entry matches uses the default field names (key:
id, title: title, text: text, date: date, author: author, byline: byline, url: url, outlet: outlet).
Every problem is reported with file, line and key, as for every curated file.
"""
from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.config import LineDict, Problem, check_mapping, is_str, load_yaml

if TYPE_CHECKING:
    from generator.outlets import Registry

FILE = "exports.yml"
ROLES: tuple[str, ...] = ("key", "title", "text", "date", "author", "byline", "outlet", "url")
DEFAULT_FIELDS: dict[str, str] = {"key": "id", "title": "title", "text": "text", "date": "date",
                                  "author": "author", "byline": "byline", "url": "url", "outlet": "outlet"}


@dataclass
class ExportMapping:
    """One entry of exports.yml: a file pattern, role → field name, and an outlet for every row."""

    files: str
    fields: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_FIELDS))
    outlet_id: str | None = None


SCHEMA = {"files": is_str, "outlet_id": is_str, **{role: is_str for role in ROLES}}


def load_mappings(config_dir: Path, registry: "Registry") -> tuple[list[ExportMapping], list[Problem]]:
    """Read `config_dir/exports.yml` when it exists (no file: no mappings, no problem)."""
    path = config_dir / FILE
    if not path.is_file():
        return [], []
    display = (config_dir / FILE).as_posix()
    data, problems = load_yaml(path, display)
    if data is None:
        return [], problems
    problems += check_mapping(data, {"exports": lambda v: None if isinstance(v, list) else
                                     "must be a list of mappings (files: pattern, title: field, …)"},
                              ("exports",), display)
    if not isinstance(data, dict) or not isinstance(data.get("exports"), list):
        return [], problems
    out: list[ExportMapping] = []
    for i, item in enumerate(data["exports"]):
        where = f"exports[{i}]"
        found = check_mapping(item, SCHEMA, ("files",), display, where)
        if isinstance(item, dict) and isinstance(item.get("outlet_id"), str) \
                and item["outlet_id"].strip() not in registry.outlets:
            line = item.line("outlet_id") if isinstance(item, LineDict) else None
            found.append(Problem(display, line, f"{where}.outlet_id",
                                 f"unknown outlet id '{item['outlet_id'].strip()}' (outlets are listed in outlets.yml)"))
        problems += found
        if found or not isinstance(item, dict):
            continue
        fields = {role: str(item[role]).strip() for role in ROLES if role in item}
        out.append(ExportMapping(str(item["files"]).strip(), fields,
                                 str(item["outlet_id"]).strip() if "outlet_id" in item else None))
    return out, problems


def mapping_for(rel: str, mappings: list[ExportMapping]) -> ExportMapping:
    """The first mapping whose pattern matches `rel` (the path inside corpus/) or its file name;
    the default field names when none does."""
    name = rel.rsplit("/", 1)[-1]
    for m in mappings:
        if fnmatch.fnmatchcase(rel, m.files) or fnmatch.fnmatchcase(name, m.files):
            return m
    return ExportMapping("*")


def field_value(row: dict[str, Any], name: str | None) -> Any:
    """The value of field `name` in a row: the key itself, else a dotted path into nested objects."""
    if not name:
        return None
    if name in row:
        return row[name]
    value: Any = row
    for part in name.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value
