"""Stage 4 — curator overrides from a sidecar `corpus/NAME.yml` beside `corpus/NAME.txt`.

Contract:
    load_sidecar(path: Path, display: str, cfg: SiteConfig) -> tuple[Overrides | None, list[Problem]]
    apply_overrides(article: Article, overrides: Overrides, cfg: SiteConfig) -> None
Keys: title, date, outlet (an outlet id), author, source_url, topics, add_entities, remove_entities.
Overrides win; each key applied is recorded in `article.overrides`.

A date from the sidecar clears the warnings about the date (no date stated, a weekday that does not
match…), an outlet clears those about the outlet; a title clears the derived-title flag.

Every problem of a sidecar is reported at once, each naming the file, the line and the key. Keys
with a problem are left out; the valid keys of the same sidecar still apply. `Overrides` is None
only when the file cannot be read as a mapping at all. An empty sidecar overrides nothing.
"""
from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import urlsplit

from generator.arabic import repair
from generator.config import LineDict, LineList, Problem, check_mapping, is_str, load_yaml, text_problem
from generator.model import Article, EntityHit, OutletRef

# Canonical order: keys are applied and recorded in this order.
KEYS: tuple[str, ...] = ("title", "date", "outlet", "author", "source_url", "topics",
                         "add_entities", "remove_entities")

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# Warnings a curator's value settles: about the date (or a dateline's weekday), about the outlet.
_DATE_WARNING = re.compile(r"\b(?:dates?|weekday)\b", re.IGNORECASE)
_OUTLET_WARNING = re.compile(r"\boutlets?\b", re.IGNORECASE)


@dataclass
class Overrides:
    values: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int | None] = field(default_factory=dict)  # line of each key in the sidecar


TITLE_MAX = 300  # characters: a headline is at most a few hundred
AUTHOR_MAX = 200
URL_MAX = 2000
ID_MAX = 100
IDS_MAX = 100  # ids in one list
SIDECAR_MAX_BYTES = 64 * 1024


def _single_line(limit: int) -> Any:
    def check(v: Any) -> str | None:
        msg = is_str(v, limit)
        if msg:
            return msg
        return "must be a single line of text" if "\n" in v.strip() else None
    return check


def _str_list(v: Any) -> str | None:
    if not isinstance(v, list):
        return "must be a list of ids"
    if not all(isinstance(x, str) and x.strip() for x in v):
        return "must be a list of non-empty strings (ids)"
    if len(v) > IDS_MAX:
        return f"must have at most {IDS_MAX} ids (it has {len(v):,})"
    for i, x in enumerate(v):
        msg = text_problem(x, ID_MAX)
        if msg:
            return f"item {i + 1} {msg}"
    return None


def _date(v: Any) -> str | None:
    if not isinstance(v, str):
        return "must be a date written YYYY-MM-DD (in quotes or not)"
    return text_problem(v, ID_MAX)


SCHEMA = {
    "title": _single_line(TITLE_MAX),
    "date": _date,
    "outlet": lambda v: is_str(v, ID_MAX),
    "author": _single_line(AUTHOR_MAX),
    "source_url": lambda v: is_str(v, URL_MAX),
    "topics": _str_list,
    "add_entities": _str_list,
    "remove_entities": _str_list,
}


def load_sidecar(
    path: Path, display: str, cfg: Any, today: dt.date | None = None
) -> tuple[Overrides | None, list[Problem]]:
    """Read and validate one sidecar; `today` bounds dates (the current date when not given).

    Returns (overrides, problems): overrides is None when the file cannot be read as a mapping (too
    big, not YAML, not a mapping); each problem names the file, the line and the key. Never raises."""
    data, problems = load_yaml(path, display, SIDECAR_MAX_BYTES)
    return check_sidecar(data, problems, display, cfg, today)


def check_sidecar(
    data: Any, problems: list[Problem], display: str, cfg: Any, today: dt.date | None = None
) -> tuple[Overrides | None, list[Problem]]:
    """Validate parsed sidecar data (also a Markdown file's front matter); `problems` are those of
    parsing it. Returns the overrides to apply (None when `data` is no mapping) and every problem."""
    if data is None and problems:
        return None, problems
    if data is None:
        return Overrides(), problems
    problems += check_mapping(data, SCHEMA, (), display)
    if not isinstance(data, dict):
        return None, problems
    line_of = data.line if isinstance(data, LineDict) else (lambda k: None)
    bad_keys = {p.key for p in problems if p.key}
    out = Overrides()
    today = today or dt.date.today()
    for key in KEYS:
        if key not in data or key in bad_keys:
            continue
        value = data[key]
        line = line_of(key)
        checked, found = _check_value(key, value, line, display, cfg, today)
        problems += found
        if not found:
            out.values[key] = checked
            out.lines[key] = line
    if "add_entities" in out.values and "remove_entities" in out.values:
        both = sorted(set(out.values["add_entities"]) & set(out.values["remove_entities"]))
        if both:
            problems.append(Problem(display, line_of("remove_entities"), "remove_entities",
                                    "entities both added and removed: " + ", ".join(both)))
            del out.values["add_entities"], out.values["remove_entities"]
    return out, problems


def _check_value(
    key: str, value: Any, line: int | None, file: str, cfg: Any, today: dt.date
) -> tuple[Any, list[Problem]]:
    def problem(msg: str, at: int | None = line, where: str = key) -> list[Problem]:
        return [Problem(file, at, where, msg)]

    if key in ("title", "author"):
        return " ".join(value.split()), []
    if key == "date":
        msg = check_date(value.strip(), today)
        return (value.strip(), []) if msg is None else (None, problem(msg))
    if key == "outlet":
        known = _ids(cfg, "registry", "outlets")
        oid = value.strip()
        if oid not in known:
            return None, problem(f"unknown outlet id '{oid}'{_suggest(oid, known)} (outlets are listed in outlets.yml)")
        return oid, []
    if key == "source_url":
        msg = check_url(value.strip())
        return (value.strip(), []) if msg is None else (None, problem(msg))
    # lists of ids
    if key == "topics":
        known, what = set(getattr(cfg, "topics", {}) or {}), "topic"
    else:
        known, what = _ids(cfg, "gazetteer", "entities"), "entity"
    found: list[Problem] = []
    ids: list[str] = []
    for i, item in enumerate(value):
        at = value.line(i) if isinstance(value, LineList) else line
        item = item.strip()
        if item not in known:
            found += problem(f"unknown {what} id '{item}'{_suggest(item, known)}", at, f"{key}[{i}]")
        elif item not in ids:
            ids.append(item)
    return (ids, []) if not found else (None, found)


def _ids(cfg: Any, attr: str, mapping: str) -> set[str]:
    holder = getattr(cfg, attr, None)
    return set(getattr(holder, mapping, {}) or {})


def _suggest(value: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, sorted(known), n=3, cutoff=0.6)
    return f" (did you mean: {', '.join(close)}?)" if close else ""


def check_date(value: str, today: dt.date) -> str | None:
    """None when `value` is a real ISO calendar date not after `today`, else the reason."""
    m = _ISO_DATE.match(value)
    if not m:
        return f"'{value}' is not a date written YYYY-MM-DD"
    year, month, day = (int(g) for g in m.groups())
    if not 1 <= month <= 12:
        return f"'{value}' is not a real date: there is no month {month}"
    if year < 1:
        return f"'{value}' is not a real date: there is no year 0"
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return (f"'{value}' is not a real date: {calendar.month_name[month]} {year} "
                f"has {days} days")
    if dt.date(year, month, day) > today:
        return f"'{value}' is in the future (today is {today.isoformat()})"
    return None


def check_url(value: str) -> str | None:
    if any(ch.isspace() for ch in value):
        return "must be a web address without spaces"
    try:
        parts = urlsplit(value)
    except ValueError as exc:
        return f"is not a valid web address ({exc})"
    if parts.scheme.lower() not in ("http", "https"):
        return "must be an http:// or https:// address"
    if not parts.netloc or not parts.hostname:
        return "must name a host (https://example.com/…)"
    return None


def apply_overrides(article: Article, overrides: Overrides, cfg: Any) -> None:
    values = overrides.values
    for key in KEYS:
        if key not in values:
            continue
        value = values[key]
        if key == "title":
            article.title = repair(value)
            article.title_derived = False
        elif key == "date":
            article.date = value
            article.date_evidence = None
            article.date_not_before = None
            article.warnings = [w for w in article.warnings if not _DATE_WARNING.search(w)]
        elif key == "outlet":
            outlet = cfg.registry.outlets[value]
            article.outlet = OutletRef(value, outlet.name)
            article.warnings = [w for w in article.warnings if not _OUTLET_WARNING.search(w)]
        elif key == "author":
            article.author = repair(value)
        elif key == "source_url":
            article.source_url = value
        elif key == "topics":
            article.topics = list(value)
        elif key == "add_entities":
            present = {e.id for e in article.entities}
            for eid in value:
                if eid not in present:
                    ent = cfg.gazetteer.entities[eid]
                    article.entities.append(EntityHit(eid, ent.name, ent.type, 0, []))
            article.entities.sort(key=lambda e: e.id)
        elif key == "remove_entities":
            drop = set(value)
            article.entities = [e for e in article.entities if e.id not in drop]
        if key not in article.overrides:
            article.overrides.append(key)
