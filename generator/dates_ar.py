"""Dates shown to readers, in Arabic, with both the Levantine and the Egyptian/Gulf month names.

    long_date("2015-09-27")        → "الأحد 27 أيلول/سبتمبر 2015"
    undated_label("2015-09-25")    → "غير مؤرخ — بعد 25 أيلول/سبتمبر 2015"
    month_label(2015, 9)           → "أيلول/سبتمبر 2015"

Digits. The site prints numbers with Western digits (0-9) or Arabic-Indic digits (٠-٩), as
`site_config/display.yml` says (`digits: western | arabic-indic`, read by `load_display`). `shown(text)`
is the one place that writes a display string's ASCII digits in the chosen digits; the dates above,
the counted phrases (generator.plurals), the charts and the pages' counts all pass through it. The
choice holds while rendering, set by `digits_style(style)` around it (generator.pages.render_site);
outside it, and by default, digits stay Western. Article text, URLs, `<time datetime>` values,
front-matter data and the data exports never go through `shown`.
"""
from __future__ import annotations

import contextlib
import contextvars
import datetime as _dt
import functools
from pathlib import Path
from typing import Iterator

from generator.config import Problem, check_mapping, load_yaml, one_of

LEVANTINE = ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران",
             "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول")
GREGORIAN = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
             "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر")
WEEKDAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")  # Monday first
UNDATED = "غير مؤرخ"


# ---- digits --------------------------------------------------------------------------------------

WESTERN = "western"
ARABIC_INDIC = "arabic-indic"
DIGIT_STYLES = (WESTERN, ARABIC_INDIC)
DISPLAY_FILE = "display.yml"
_DIGIT_TABLES = {WESTERN: None, ARABIC_INDIC: str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")}
_STYLE: contextvars.ContextVar[str] = contextvars.ContextVar("arshif_digits", default=WESTERN)


def shown(text: str) -> str:
    """`text`, a string the generator made for readers, with its ASCII digits written in the digits
    of the current style (see `digits_style`): unchanged for "western", 0-9 → ٠-٩ for
    "arabic-indic". Never pass it article text, a URL or a machine-read value."""
    table = _DIGIT_TABLES[_STYLE.get()]
    return text if table is None else text.translate(table)


def number(n: int) -> str:
    """The integer `n` as readers see it: `shown(str(n))`."""
    return shown(str(n))


def digit_style() -> str:
    """The digits style in force: "western" or "arabic-indic"."""
    return _STYLE.get()


@contextlib.contextmanager
def digits_style(style: str) -> Iterator[None]:
    """Within the block, `shown` writes digits in `style` (one of DIGIT_STYLES); the previous style
    comes back after it. Raises ValueError for another style."""
    if style not in _DIGIT_TABLES:
        raise ValueError(f"unknown digits style {style!r} (one of: {', '.join(DIGIT_STYLES)})")
    token = _STYLE.set(style)
    try:
        yield
    finally:
        _STYLE.reset(token)


def load_display(config_dir: Path) -> tuple[str, list[Problem]]:
    """Read `config_dir/display.yml` when it exists: returns (digits style, problems). No file, or
    no `digits` key, gives "western". A bad value or an unknown key is a Problem naming the key
    ("[digits] must be one of: western, arabic-indic"), and the default is used."""
    path = config_dir / DISPLAY_FILE
    if not path.is_file():
        return WESTERN, []
    display = path.as_posix()
    data, problems = load_yaml(path, display)
    if data is None:  # an empty file, or one that could not be read (then a problem says why)
        return WESTERN, problems
    problems += check_mapping(data, {"digits": one_of(*DIGIT_STYLES)}, (), display)
    if isinstance(data, dict) and data.get("digits") in DIGIT_STYLES:
        return str(data["digits"]), problems
    return WESTERN, problems


# ---- dates ---------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1 << 16)
def parse_iso(value: str | None) -> _dt.date | None:
    """The date of an ISO YYYY-MM-DD string, or None when it is missing or not a real date.
    Remembered (an archive's pages ask for the same few thousand dates millions of times)."""
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def month_names(month: int) -> str:
    return f"{LEVANTINE[month - 1]}/{GREGORIAN[month - 1]}"


def month_label(year: int, month: int) -> str:
    """«أيلول/سبتمبر 2015» (digits as `shown` writes them)."""
    return shown(f"{month_names(month)} {year}")


def long_date(value: str | None) -> str:
    """«الأحد 27 أيلول/سبتمبر 2015»; the raw value when it is not a real date."""
    d = parse_iso(value)
    if d is None:
        return value or UNDATED
    return shown(f"{WEEKDAYS[d.weekday()]} {d.day} {month_names(d.month)} {d.year}")


def short_date(value: str | None) -> str:
    """«27 أيلول/سبتمبر 2015», for lists (the same month names as headings and long dates)."""
    d = parse_iso(value)
    if d is None:
        return value or UNDATED
    return shown(f"{d.day} {month_names(d.month)} {d.year}")


def undated_label(not_before: str | None) -> str:
    """«غير مؤرخ — بعد 25 أيلول/سبتمبر 2015», or «غير مؤرخ» when nothing is known."""
    d = parse_iso(not_before)
    if d is None:
        return UNDATED
    return f"{UNDATED} — بعد {short_date(not_before)}"


def display_date(date: str | None, not_before: str | None) -> str:
    return long_date(date) if parse_iso(date) else undated_label(not_before)


def list_date(date: str | None, not_before: str | None) -> str:
    return short_date(date) if parse_iso(date) else undated_label(not_before)
