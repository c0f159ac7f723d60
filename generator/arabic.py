"""Arabic text normalisation shared by every stage that compares text, and the repair of shown text.

The rules are data: `generator/normalisation.json` is the one table of what folds to what. This
module compiles it for Python; the JavaScript search analyzer carries the same compiled map, written
into it by `python -m generator.arabic --write-js` (a test fails when the two differ), and
`tests/analyzer_vectors.json` checks both sides. What the table folds:

- presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) → their compatibility decomposition, folded on;
- every format character (Unicode category Cf: U+061C, U+200B–U+200F, U+202A–U+202E,
  U+2060–U+2069, U+FEFF …) → removed;
- diacritics (tashkeel), Quranic marks and tatweel → removed;
- alef forms أ إ آ ٱ → ا; both hamza seats ؤ ئ → ء (مسئول = مسؤول); ى ی → ي; ة → ه; ک → ك;
- Arabic-Indic and Persian digits → ASCII digits;
- typographic quotes and guillemets → " and ', Latin letters → lower case.

`fold` is for comparing only: shown text keeps its letters. `repair` is for showing: it turns
presentation forms back into ordinary letters and removes bidi controls that are not closed (or not
opened) within their line, so an article's text can never change the direction of what surrounds it.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

TABLE_PATH = Path(__file__).resolve().parent / "normalisation.json"


def _span(lo: str, hi: str) -> range:
    return range(int(lo, 16), int(hi, 16) + 1)


def load_table(path: Path = TABLE_PATH) -> dict:
    """The normalisation table as stored (see `generator/normalisation.json` and its notes)."""
    return json.loads(path.read_text(encoding="utf-8"))


def compile_fold_map(table: dict) -> dict[str, str]:
    """One entry per character that folds: character → its folded text ("" when removed).

    Every value is already fully folded (folding it again changes nothing), so one pass of
    `str.translate` is enough. Raises KeyError/ValueError on a malformed table.
    """
    base: dict[str, str] = {}
    base.update(table["letters"])
    base.update(table["punctuation"])
    for lo, hi, *_ in table["remove"]:
        for cp in _span(lo, hi):
            base[chr(cp)] = ""
    for lo, hi in table["format_characters"]:
        for cp in _span(lo, hi):
            base[chr(cp)] = ""
    out = dict(base)
    for cp, decomposition in table["compatibility"].items():
        folded = "".join(base.get(c, c) for c in decomposition)
        out[chr(int(cp, 16))] = folded.strip(" ")
    return out


def compile_compat_map(table: dict, for_display: bool = False) -> dict[str, str]:
    """Presentation form → the ordinary letters it stands for (its compatibility decomposition,
    without the space an isolated haraka form carries).

    With `for_display`, the word ligatures listed in `display_keep` (ﷲ ﷺ ﷽ …) are left out: shown
    text keeps them as written. Comparison decomposes them all.
    """
    keep = {cp for lo, hi, *_ in table["display_keep"] for cp in _span(lo, hi)} if for_display else set()
    return {chr(int(cp, 16)): decomposition.strip(" ") for cp, decomposition in table["compatibility"].items()
            if int(cp, 16) not in keep}


_TABLE = load_table()
FOLD_MAP: dict[str, str] = compile_fold_map(_TABLE)
# Applied before NFC: presentation forms decomposed and format characters removed, so that what
# they stood between composes as it would have without them.
PRE_MAP: dict[str, str] = compile_compat_map(_TABLE) | {
    chr(cp): "" for lo, hi in _TABLE["format_characters"] for cp in _span(lo, hi)}
REPAIR_MAP: dict[str, str] = compile_compat_map(_TABLE, for_display=True)
_PRE = str.maketrans(PRE_MAP)
def char_class(chars: Iterable[str]) -> str:
    """A regular-expression character class ("[…]") matching exactly `chars` (single characters),
    written as runs of consecutive code points: Python's `re` tests a character against a class of
    ranges several times faster than against the same class of hundreds of single characters (the
    presentation forms here: 1.1 ms against 0.15 ms on a 5,700-character text)."""
    points = sorted({ord(c) for c in chars})
    runs: list[tuple[int, int]] = []
    for cp in points:
        if runs and cp == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], cp)
        else:
            runs.append((cp, cp))
    return "[" + "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
                         for a, b in runs) + "]"


_PRE_NEEDED = re.compile(char_class(PRE_MAP))
_FOLD = str.maketrans(FOLD_MAP)
_REPAIR = str.maketrans(REPAIR_MAP)

# Format characters other than the bidi embeddings, overrides and isolates (zero-width space and
# joiners, direction marks, word joiner, soft hyphen, BOM …): invisible, so stray at a line's edges.
INVISIBLE = "".join(chr(cp) for lo, hi in _TABLE["format_characters"] for cp in _span(lo, hi)
                    if not (0x202A <= cp <= 0x202E or 0x2066 <= cp <= 0x2069))

DIGITS = str.maketrans({c: d for c, d in _TABLE["letters"].items() if d.isdigit()})

# Characters that fold to nothing (or that NFC may recompose onto the letter before them): text
# holding none of them folds one character to one character.
UNEVEN = re.compile(char_class([c for c, v in FOLD_MAP.items() if len(v) != 1]
                               + [chr(cp) for cp in range(0x300, 0x370)]))

# Single-letter proclitics (conjunctions and prepositions) and the article.
PROCLITIC_LETTERS = "وفبكل"
ARTICLES = ("ال", "لل")

ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\uFB50-\uFDFF\uFE70-\uFEFC]")

_PRESENTATION = re.compile(r"[\uFB50-\uFDFF\uFE70-\uFEFE]")
_BIDI = re.compile(r"[\u202A-\u202E\u2066-\u2069]")
_EMBED_OPEN = frozenset("\u202A\u202B\u202D\u202E")  # LRE RLE LRO RLO, closed by PDF U+202C
_ISOLATE_OPEN = frozenset("\u2066\u2067\u2068")  # LRI RLI FSI, closed by PDI U+2069


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Return the comparison form of `text` (see the module docstring and the table): presentation
    forms decomposed and format characters removed (PRE_MAP), NFC, the fold map, lower case, NFC.

    str → str; never raises. Idempotent: fold(fold(t)) == fold(t). Memoised: every stage folds
    the same lines of an article (cleaner, dates, bylines, outlets, entities), so each line is
    folded once.
    """
    if _PRE_NEEDED.search(text):
        text = text.translate(_PRE)
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).translate(_FOLD).lower())


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Fold `text` and return (folded, index) where folded[i] came from text[index[i]].

    Character by character (no NFC across characters), so a match found in the folded text can be
    reported as written.
    """
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        rep = ch.translate(_FOLD).lower()
        for r in rep:
            out.append(r)
            index.append(i)
    return "".join(out), index


def to_ascii_digits(text: str) -> str:
    """Replace Arabic-Indic and Persian digits with ASCII digits, leaving everything else."""
    return text.translate(DIGITS)


def is_arabic(text: str) -> bool:
    """True when `text` holds an Arabic letter (presentation forms included)."""
    return bool(ARABIC_LETTER.search(text))


def strip_unbalanced_bidi(line: str) -> str:
    """Remove the bidi embeddings, overrides and isolates of `line` that are not closed in it, and
    the closers that close nothing; balanced pairs are kept. A PDI also closes the embeddings
    opened inside its isolate (Unicode Bidirectional Algorithm, UAX #9, rules X6a and X7), so
    those count as unclosed. One line is one paragraph: nothing carries over a line break.
    """
    if not _BIDI.search(line):
        return line
    drop: set[int] = set()
    stack: list[tuple[int, str]] = []
    for i, ch in enumerate(line):
        if ch in _EMBED_OPEN or ch in _ISOLATE_OPEN:
            stack.append((i, ch))
        elif ch == "\u202C":
            if stack and stack[-1][1] in _EMBED_OPEN:
                stack.pop()
            else:
                drop.add(i)
        elif ch == "\u2069":
            at = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][1] in _ISOLATE_OPEN), None)
            if at is None:
                drop.add(i)
            else:
                drop.update(pos for pos, _ in stack[at + 1:])
                del stack[at:]
    drop.update(pos for pos, _ in stack)
    return "".join(ch for i, ch in enumerate(line) if i not in drop)


def repair(text: str) -> str:
    """Text as it should be shown: presentation forms as ordinary letters (NFC), and in each line
    only balanced bidi controls. Letters, hamza, diacritics and digits are kept as written.
    str → str; never raises; repair(repair(t)) == repair(t).
    """
    if _BIDI.search(text):
        text = "\n".join(strip_unbalanced_bidi(line) for line in text.split("\n"))
    if _PRESENTATION.search(text):
        text = unicodedata.normalize("NFC", text.translate(_REPAIR))
    return text


# ---- the JavaScript copy ----------------------------------------------------------------------------

JS_PATH = Path(__file__).resolve().parent.parent / "site_config" / "theme" / "assets" / "javascripts" / "search" / "analyzer.js"
JS_BEGIN = "/* BEGIN FOLD MAP: generated from generator/normalisation.json by python -m generator.arabic --write-js */"
JS_END = "/* END FOLD MAP */"


def js_fold_map() -> str:
    """The JavaScript statements that define the compiled maps (ASCII only, one line each):
    PRE (presentation forms and format characters, applied before NFC) and FOLD."""
    pre = json.dumps(dict(sorted(PRE_MAP.items())), ensure_ascii=True, separators=(",", ":"))
    # the PRE keys never reach FOLD (PRE has replaced them), so the JavaScript copy leaves them out
    body = json.dumps({k: v for k, v in sorted(FOLD_MAP.items()) if k not in PRE_MAP},
                      ensure_ascii=True, separators=(",", ":"))
    return f"var PRE = {pre};\n  var FOLD = {body};"


def write_js(path: Path = JS_PATH) -> bool:
    """Rewrite the generated block of the JavaScript analyzer; True when the file changed.
    Raises ValueError when the file has no generated block."""
    text = path.read_text(encoding="utf-8")
    start, end = text.find(JS_BEGIN), text.find(JS_END)
    if start < 0 or end < start:
        raise ValueError(f"{path}: no generated fold map block")
    new = text[:start] + JS_BEGIN + "\n  " + js_fold_map() + "\n  " + text[end:]
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


def js_block(path: Path = JS_PATH) -> str:
    """The fold map statement currently in the JavaScript analyzer ("" when it has none)."""
    text = path.read_text(encoding="utf-8")
    start, end = text.find(JS_BEGIN), text.find(JS_END)
    return text[start + len(JS_BEGIN):end].strip() if 0 <= start < end else ""


if __name__ == "__main__":
    if sys.argv[1:] == ["--write-js"]:
        print("written" if write_js() else "unchanged")
        sys.exit(0)
    print("usage: python -m generator.arabic --write-js", file=sys.stderr)
    sys.exit(2)
