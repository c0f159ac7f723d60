"""Alphabetical order of names: the Unicode Collation Algorithm (pyuca, DUCET), with the definite
article ignored only where it is the article.

    collation_key(name)   the sort key of a name (total: ties are broken by the written form)
    index_letter(name)    the letter heading a name is filed under in an alphabetical index
    sort_form(name)       the name as it is collated: without a leading definite article

The article is the bare alef and lam (ال, or ٱل with alef wasla) at the start of a name followed
by at least two letters: الجزائر is filed under ج, but ألمانيا (hamza on the alef) and إلينوي are
names that begin with أ and إ, filed under those letters. The letters and their order are the
collation library's: DUCET gives آ أ ؤ إ ئ ا their own primary weights, in that order, before ب, so
each of them heads its own section, as in Arabic dictionaries that file by the written letter.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pyuca import Collator

_MARKS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARTICLE = re.compile(r"^[\u0627\u0671]\u0644(?=\w\w)")


@lru_cache(maxsize=1)
def _collator() -> Collator:
    """The DUCET collator, loaded on first use (reading its table takes about half a second)."""
    return Collator()


def sort_form(name: str) -> str:
    """`name` as it is collated: trimmed, presentation forms and format characters out of the way
    (NFKC), and without a leading definite article (see the module docstring)."""
    text = unicodedata.normalize("NFKC", name).strip()
    bare = _MARKS.sub("", text)
    if _ARTICLE.match(bare) and len(bare) > 3:
        return bare[2:]
    return bare


@lru_cache(maxsize=1 << 14)
def collation_key(name: str) -> tuple:
    """Sort key of `name`: the UCA key of its sort form, then of the whole name, then the name
    itself, so the order is total and the same on every machine (pyuca ships its DUCET table)."""
    return (_collator().sort_key(sort_form(name)), _collator().sort_key(name), name)


def primary(ch: str) -> int:
    """The first non-zero primary weight the collation gives `ch` (0 when it has none)."""
    key = _collator().sort_key(ch)
    return key[0] if key and key[0] != 0 else 0


@lru_cache(maxsize=1)
def _labels() -> dict[int, str]:
    """Primary weight → the letter shown as its heading: Arabic letters, Latin capitals, digits."""
    out: dict[int, str] = {}
    for ch in [chr(c) for c in range(0x0621, 0x064B)] + [chr(c) for c in range(0x41, 0x5B)] + list("0123456789"):
        if unicodedata.category(ch).startswith(("L", "N")):
            out.setdefault(primary(ch), ch)
    return out


def index_letter(name: str) -> str:
    """The heading `name` is filed under: the letter of the first character of its sort form that
    has a primary weight, as the collation groups letters ("#" when it has none)."""
    for ch in sort_form(name):
        p = primary(ch)
        if p and (ch.isalpha() or ch.isdigit()):
            return _labels().get(p, ch.upper())
    return "#"
