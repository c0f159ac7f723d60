"""Charts drawn at build time as inline SVG: no script, no library, no request to another host.

    month_counts(dates)                     {(year, month): n} for the real dates among `dates`
    month_chart(counts, title, unit, ...)   a <figure>: the bars, a <title>, and the numbers in a table

Time runs right to left, as the reader's text does: the oldest month is the rightmost bar. Every month
between the first and the last is drawn (a month without articles is a gap), and each year is
labelled under its first bar. Labels and numbers are written in the site's digits (dates_ar.shown);
the SVG's coordinates never are. The figure is one raw HTML block (no blank line inside), so it can
stand in a Markdown page; its text alternative is the SVG's <title> and a table of the same numbers.
"""
from __future__ import annotations

from html import escape
from typing import Iterable

from generator.dates_ar import month_label, number, parse_iso

WIDTH = 720
HEIGHT = 150
AXIS = 26  # room under the bars for the year labels
MIN_SLOTS = 24  # a chart of a few months keeps bars of a sensible width, drawn from the right


def month_counts(dates: Iterable[str | None]) -> dict[tuple[int, int], int]:
    """How many of `dates` (ISO strings; undated ones are left out) fall in each (year, month)."""
    out: dict[tuple[int, int], int] = {}
    for value in dates:
        d = parse_iso(value)
        if d is not None:
            out[(d.year, d.month)] = out.get((d.year, d.month), 0) + 1
    return dict(sorted(out.items()))


def month_range(counts: dict[tuple[int, int], int]) -> list[tuple[int, int]]:
    """Every (year, month) from the first to the last key of `counts`, in order."""
    if not counts:
        return []
    (y, m), last = min(counts), max(counts)
    out = []
    while (y, m) <= last:
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def month_chart(counts: dict[tuple[int, int], int], title: str, unit: str = "عدد المقالات",
                caption: str = "") -> str:
    """A bar chart of `counts` (one bar a month) as an accessible inline SVG figure, with the
    numbers of the months that have any in a table under it; "" when there is nothing to draw."""
    months = month_range(counts)
    if not months:
        return ""
    peak = max(counts.values())
    n = len(months)
    slot = WIDTH / max(n, MIN_SLOTS)
    gap = min(2.0, slot * 0.2)
    plot = HEIGHT - AXIS
    parts = [f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="arshif-chart-title" '
             f'xmlns="http://www.w3.org/2000/svg">',
             f'<title id="arshif-chart-title">{escape(title)}</title>']
    last_label_x = None
    for i, (y, m) in enumerate(months):
        x = WIDTH - (i + 1) * slot  # right to left: the oldest month is the rightmost
        v = counts.get((y, m), 0)
        if v:
            h = max(1.0, plot * v / peak)
            parts.append(f'<rect class="bar" x="{x + gap / 2:.2f}" y="{plot - h:.2f}" width="{slot - gap:.2f}" '
                         f'height="{h:.2f}"><title>{escape(month_label(y, m))}: {number(v)}</title></rect>')
        if m == 1 or i == 0:
            cx = x + slot
            if (last_label_x is None or last_label_x - cx >= 60) and cx >= 40:
                # "start" is the right end in right-to-left text: the year reads leftwards from its first month
                parts.append(f'<text x="{cx:.2f}" y="{HEIGHT - 6}" text-anchor="start">{number(y)}</text>')
                last_label_x = cx
    parts.append(f'<line class="axis" x1="0" y1="{plot + 0.5}" x2="{WIDTH}" y2="{plot + 0.5}"/>')
    parts.append("</svg>")
    rows = "".join(f"<tr><td>{escape(month_label(y, m))}</td><td>{number(counts[(y, m)])}</td></tr>"
                   for (y, m) in reversed(months) if counts.get((y, m)))
    table = (f'<details class="arshif-chart-data"><summary>الأرقام في جدول</summary>'
             f'<table><thead><tr><th scope="col">الشهر</th><th scope="col">{escape(unit)}</th></tr></thead>'
             f"<tbody>{rows}</tbody></table></details>")
    cap = f"<figcaption>{escape(caption or title)}</figcaption>"
    return f'<figure class="arshif-chart">{"".join(parts)}{cap}{table}</figure>'
