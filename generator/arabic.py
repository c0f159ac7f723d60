"""Arabic text normalisation shared by every stage that compares text.

`fold` maps the spelling variants readers and writers mix freely onto one form, character for
character where possible so that offsets in the folded text point back into the original:

- diacritics (tashkeel), Quranic marks and tatweel are dropped;
- alef forms أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي;
- Arabic-Indic and Persian digits → ASCII digits;
- typographic quotes and guillemets → ", Latin letters → lower case.

`fold_with_map` also returns, for every folded character, the index of the source character it
came from, so a match found in folded text can be reported as written.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Harakat, tanween, shadda, sukun, superscript alef, Quranic annotation signs, tatweel.
_DROP = set(range(0x064B, 0x0660)) | {0x0670, 0x0640} | set(range(0x06D6, 0x06EE)) | set(range(0x0610, 0x061B))
_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ئ": "ي",
    "ة": "ه", "ۀ": "ه", "ە": "ه",
    "ؤ": "و",
    "ک": "ك", "ڪ": "ك",
    "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‹": '"', "›": '"',
    "\u200c": "", "\u200d": "", "\u200e": "", "\u200f": "", "\ufeff": "",
}
for _i in range(10):
    _MAP[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic
    _MAP[chr(0x06F0 + _i)] = str(_i)  # Persian (Extended Arabic-Indic)
for _cp in _DROP:
    _MAP[chr(_cp)] = ""

_TABLE = str.maketrans(_MAP)

DIGITS = str.maketrans({chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)})

# Single-letter proclitics (conjunctions and prepositions) and the article.
PROCLITIC_LETTERS = "وفبكل"
ARTICLES = ("ال", "لل")

ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Return the comparison form of `text` (see module docstring).

    Memoised: every stage folds the same lines of an article (cleaner, dates, bylines, outlets,
    entities), so each line is folded once.
    """
    return unicodedata.normalize("NFC", text).translate(_TABLE).lower()


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Fold `text` and return (folded, index) where folded[i] came from text[index[i]]."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        rep = ch.translate(_TABLE).lower()
        for r in rep:
            out.append(r)
            index.append(i)
    return "".join(out), index


def to_ascii_digits(text: str) -> str:
    """Replace Arabic-Indic and Persian digits with ASCII digits, leaving everything else."""
    return text.translate(DIGITS)


def is_arabic(text: str) -> bool:
    return bool(ARABIC_LETTER.search(text))
