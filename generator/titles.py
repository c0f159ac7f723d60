"""Stage 3a — title.

Contract:
    pick_title(lines: list[str], keep: list[bool]) -> TitleResult
`index` is the line the headline came from (None when derived from the first sentence; a derived
title does not remove its line from the body).

The headline is the first kept line, before the first paragraph of running text, that reads like a
headline: at least three words, not a date line, breadcrumb, byline, section label, reading time,
credit line ("بغداد - أ ف ب") or furniture. A page title with the site name after " | " or " - "
gives its longest part. When the first candidate is a paragraph (sentence punctuation and more than
about 120 characters, or several sentences), the text has no headline: one is derived from the first
sentence, cut at a word boundary to at most 90 characters ("…" marks a cut).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from generator.cleaner import (
    has_letters,
    has_sentence_punct,
    is_breadcrumb,
    is_byline,
    is_date_line,
    words,
)

TITLE_MAX = 90
HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_CHARS = 200
PARAGRAPH_CHARS = 120
# Shorter lines count as running text only with several sentences and this many words
# (a headline may hold "..": "في مصر.. رئيس وزراء").
PARAGRAPH_WORDS = 15
ELLIPSIS = "…"

# A sentence ends at . ! ? ؟ … followed by a space or the end ("2.5" and "سي.بي.إس" do not end one).
# ".." inside a headline is punctuation ("بعد عمّان وبيروت.. وزير الخارجية"), not an end.
_SENTENCE_END = re.compile(r"(?:[!?؟…]+|(?<!\.)\.(?!\.)|\.{3,})(?=\s|$)")
_PAGE_TITLE_SEP = re.compile(r"\s+\|\s+")
_CREDIT = re.compile(r"^[^\s].{0,40}?\s+[-–—ـ]\s+.{1,30}$")
# Words a derived title should not end on (conjunctions, prepositions, particles).
_DANGLING = frozenset({
    "و", "أو", "او", "ثم", "في", "فى", "من", "إلى", "الى", "على", "عن", "مع", "ب", "ل", "ك", "أن", "ان",
    "إن", "لن", "لم", "قد", "التي", "الذي", "الذين", "اللذين", "اللتين", "ما", "لا", "بين", "حتى", "منذ",
    "عند", "بعد", "قبل", "خلال", "نحو", "ضد", "لدى", "بأن", "وأن", "كما", "بل", "لكن", "إلا", "الا",
})


@dataclass
class TitleResult:
    title: str
    derived: bool
    index: int | None


def pick_title(lines: list[str], keep: list[bool], headline: int | None = None) -> TitleResult:
    """The headline at `headline` when the header layout showed it (`byline.read_header`), else the
    first kept line that reads like one, else a title derived from the first paragraph."""
    if headline is not None:
        return TitleResult(strip_site_name(lines[headline].strip()), False, headline)
    for i, (line, kept) in enumerate(zip(lines, keep)):
        if not kept or not line:
            continue
        if is_title_paragraph(line):
            return TitleResult(derive_title(line), True, None)
        headline = headline_text(line)
        if headline:
            return TitleResult(headline, False, i)
    return TitleResult("", True, None)


def is_title_paragraph(line: str) -> bool:
    """Running text rather than a headline: punctuated and long, or several sentences."""
    if not has_sentence_punct(line):
        return False
    if len(line) > PARAGRAPH_CHARS:
        return True
    return len(sentences(line)) >= 2 and len(words(line)) >= PARAGRAPH_WORDS


def headline_text(line: str) -> str | None:
    """The headline a kept line gives, or None when the line cannot be one."""
    if len(line) > HEADLINE_MAX_CHARS or not has_letters(line):
        return None
    if is_date_line(line) or is_breadcrumb(line) or is_byline(line) or is_credit_line(line):
        return None
    text = strip_site_name(line)
    if text != line and (is_date_line(text) or is_byline(text)):
        return None
    if len(words(text)) < HEADLINE_MIN_WORDS:
        return None
    return text


def is_credit_line(line: str) -> bool:
    """"PLACE - AGENCY" and similar: two short parts around a spaced dash, no sentence."""
    if has_sentence_punct(line) or not _CREDIT.match(line):
        return False
    parts = re.split(r"\s+[-–—ـ]\s+", line)
    return len(parts) == 2 and all(len(words(p)) <= 3 for p in parts)


def strip_site_name(line: str) -> str:
    """"Headline | Section | Site" → the longest part (the headline)."""
    parts = [p.strip() for p in _PAGE_TITLE_SEP.split(line) if p.strip()]
    if len(parts) < 2:
        return line
    return max(parts, key=lambda p: (len(words(p)), len(p)))


def sentences(text: str) -> list[str]:
    """Split running text after sentence-ending punctuation (not inside numbers like 2.5)."""
    out: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        piece = text[start:m.end()].strip()
        if piece:
            out.append(piece)
        start = m.end()
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return [s for s in out if has_letters(s)]


def derive_title(paragraph: str, limit: int = TITLE_MAX) -> str:
    """A title from the first sentence of `paragraph`, cut at a word boundary to `limit` characters."""
    found = sentences(paragraph)
    first = found[0] if found else paragraph.strip()
    first = first.rstrip(".!؟?…").strip()
    if len(first) <= limit:
        return first
    room = limit - len(ELLIPSIS)
    cut = first[: room + 1]
    # prefer a clause boundary (Arabic or Latin comma) in the second half, else the last space
    clause = max(cut.rfind("،"), cut.rfind(","), cut.rfind("؛"))
    if clause >= room // 2:
        cut = cut[:clause]
    else:
        space = cut.rfind(" ")
        cut = cut[:space] if space > 0 else cut[:room]
    tokens = cut.split()
    while len(tokens) > 1 and tokens[-1].strip("،,؛:") in _DANGLING:
        tokens.pop()
    cut = " ".join(tokens).rstrip(" ،,؛:-–—")
    return cut + ELLIPSIS
