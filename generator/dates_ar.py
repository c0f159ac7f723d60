"""Dates shown to readers, in Arabic, with both the Levantine and the Egyptian/Gulf month names.

    long_date("2015-09-27")        → "الأحد 27 أيلول/سبتمبر 2015"
    undated_label("2015-09-25")    → "غير مؤرخ — بعد 25 أيلول/سبتمبر 2015"
    month_label(2015, 9)           → "أيلول/سبتمبر 2015"
"""
from __future__ import annotations

import datetime as _dt

LEVANTINE = ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران",
             "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول")
GREGORIAN = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
             "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر")
WEEKDAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")  # Monday first
UNDATED = "غير مؤرخ"


def parse_iso(value: str | None) -> _dt.date | None:
    """The date of an ISO YYYY-MM-DD string, or None when it is missing or not a real date."""
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def month_names(month: int) -> str:
    return f"{LEVANTINE[month - 1]}/{GREGORIAN[month - 1]}"


def month_label(year: int, month: int) -> str:
    return f"{month_names(month)} {year}"


def long_date(value: str | None) -> str:
    """«الأحد 27 أيلول/سبتمبر 2015»; the raw value when it is not a real date."""
    d = parse_iso(value)
    if d is None:
        return value or UNDATED
    return f"{WEEKDAYS[d.weekday()]} {d.day} {month_names(d.month)} {d.year}"


def short_date(value: str | None) -> str:
    """«27 أيلول/سبتمبر 2015», for lists (the same month names as headings and long dates)."""
    d = parse_iso(value)
    if d is None:
        return value or UNDATED
    return f"{d.day} {month_names(d.month)} {d.year}"


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
