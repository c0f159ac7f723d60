"""Stage 2 — clean: mark page furniture.

Contract:
    load_furniture(config_dir: Path) -> tuple[Furniture, list[Problem]]   (site_config/furniture.yml)
    clean(text: str, furniture: Furniture) -> Cleaned
`Cleaned.lines` are the text's lines after stripping stray HTML tags/entities (same number of lines as
the input), `Cleaned.keep[i]` says whether line i belongs to the article. Blank lines are not kept.

Rules, in order (general shapes first, the phrase list in `site_config/furniture.yml` second):

- stray HTML tags, comments and entities are removed or decoded, a lone `&` / `&&` at a line's end
  is dropped, every kind of space becomes one ASCII space;
- furniture phrases (exact line, prefix, contained phrase) and furniture blocks ("page unavailable"
  and the short lines after it) are dropped wherever they are;
- lines that are not article text by their shape are dropped wherever they are: no letters at all
  ("&", "0 30", "×"), a breadcrumb ("سياسة ـ عربي ـ العراق", "الرئيسية > أخبار > دولية"), a short
  byline ("بقلم: …", "نص : …"), a line holding only a date, time and place (the dates stage still
  sees it);
- in the header (the lines before the first paragraph of running text) and in the footer (the lines
  after the last one), short lines without sentence punctuation are dropped: menus, section labels,
  bullet lists, signatures. Lines with sentence punctuation and long lines are never dropped by this
  rule, and the header keeps lines of four words or more, among them the headline (or, when there
  is none, a two- or three-word line standing right before the first paragraph);
- between paragraphs, short lines are article subheadings and stay.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.arabic import INVISIBLE, fold, is_arabic, repair, to_ascii_digits
from generator.config import LineList, Problem, check_mapping, load_yaml

FURNITURE_FILE = "furniture.yml"
FURNITURE_KINDS = ("exact", "prefix", "contains", "blocks")

# Furniture phrases only apply to lines up to this length.
PHRASE_LINE_MAX = 100
# Lines after a block phrase that belong to the block: at most this many, each at most this long.
BLOCK_LINES = 3
BLOCK_LINE_MAX = 160
# A line of running text: longer than this, or with sentence punctuation and at least PARAGRAPH_WORDS words.
PARAGRAPH_CHARS = 120
PARAGRAPH_WORDS = 6
# Header lines with at most this many words and no sentence punctuation are menu items and labels.
HEADER_SHORT_WORDS = 3
# Footer lines without sentence punctuation, up to these sizes, are signatures, tags and link lists.
FOOTER_SHORT_WORDS = 6
FOOTER_SHORT_CHARS = 60
# A byline is a marker and a name: at most this many words after the marker.
BYLINE_NAME_WORDS = 5
# A line is a date line when, without its date words, at most this many words remain (a place name).
DATE_LINE_LEFTOVER = 2
DATE_LINE_MAX = 160


@dataclass
class Furniture:
    lines: frozenset[str] = frozenset()  # exact phrases, as keys (see `phrase_key`)
    prefixes: tuple[str, ...] = ()
    contains: tuple[str, ...] = ()
    blocks: tuple[str, ...] = ()


@dataclass
class Cleaned:
    lines: list[str]
    keep: list[bool] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # why a line was dropped ("" when kept or blank)


# ---- text normalisation ---------------------------------------------------------------------------

_TAG = re.compile(r"<!--.*?-->|<!--.*$|</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>", re.DOTALL)
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_TRAILING_AMP = re.compile(r"\s*&{1,2}\s*$")
_SPACES = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_NON_LETTER = re.compile(r"[^\w\s]|[\d_]")
_NON_WORD = re.compile(r"[^\w\s]|_")
_LETTER = re.compile(r"[^\W\d_]")
SENTENCE_PUNCT = re.compile(r"[!?؟…]|[.؛](?!\d)|(?<!\d)[.؛]|،")
_BULLET = re.compile(r"^[•·▪▫◦●○■□►▶»›\-–—*+]\s")
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s")


def clean_line(line: str) -> str:
    """Remove stray HTML, normalise spaces and repair the line for showing (presentation forms as
    letters, no unbalanced bidi control: `generator.arabic.repair`); invisible format characters
    at either end (a zero-width space before a byline) go with the spaces."""
    if "<" in line:
        line = _TAG.sub(" ", line)
    if "&" in line:
        line = _ENTITY.sub(lambda m: html.unescape(m.group(0)), line)
        line = _TRAILING_AMP.sub("", line)
    return _SPACES.sub(" ", repair(line)).strip(" " + INVISIBLE)


def phrase_key(text: str) -> str:
    """Comparison form of a phrase: folded, letters and single spaces only."""
    return " ".join(_NON_LETTER.sub(" ", fold(text)).split())


def words(line: str) -> list[str]:
    """The tokens of a line that contain a letter or a digit."""
    return [w for w in line.split() if any(ch.isalnum() for ch in w)]


def has_sentence_punct(line: str) -> bool:
    return bool(SENTENCE_PUNCT.search(line))


def is_paragraph(line: str) -> bool:
    """Running text: a long line, or a sentence of several words."""
    return len(line) > PARAGRAPH_CHARS or (has_sentence_punct(line) and len(words(line)) >= PARAGRAPH_WORDS)


# ---- shapes of lines that are not article text ---------------------------------------------------

_BREADCRUMB_SEP = re.compile(r"\s+(?:ـ+|>|»|›|\||/|\\|-|–|—|•|·)\s+")


def is_breadcrumb(line: str) -> bool:
    """Three or more short parts joined by spaced separators, no sentence punctuation or colon."""
    parts = _BREADCRUMB_SEP.split(line)
    if len(parts) < 3 or has_sentence_punct(line) or ":" in line:
        return False
    return all(1 <= len(words(p)) <= 3 for p in parts)


_BYLINE = re.compile(
    r"^(?:(?:بقلم|كتب|كتبت|كتبه|by|par|von)(?:\s*[:\-–—ـ]\s*|\s+)"
    r"|(?:نص|إعداد|اعداد|تحرير|تقرير|حوار|متابعة|ترجمة|تصوير|author)\s*[:\-–—ـ]\s*)"
    r"(?P<name>[^:]+)$",
    re.IGNORECASE,
)


def is_byline(line: str) -> bool:
    m = _BYLINE.match(line)
    if not m or has_sentence_punct(line.rstrip(".")):
        return False
    return 1 <= len(words(m.group("name"))) <= BYLINE_NAME_WORDS


_MONTH_NAMES = frozenset(fold(w) for w in (
    "يناير فبراير مارس ابريل إبريل أبريل مايو يونيو يونيه يوليو يوليه أغسطس اغسطس سبتمبر أكتوبر اكتوبر "
    "نوفمبر ديسمبر كانون شباط آذار اذار نيسان أيار ايار حزيران تموز أيلول ايلول تشرين جانفي فيفري "
    "أفريل افريل جوان جويلية أوت يوليوز غشت شتنبر نونبر دجنبر محرم ربيع جمادى رجب شعبان رمضان شوال "
    "القعدة الحجة january february march april june july august september october november december"
).split())
_DATE_WORDS = _MONTH_NAMES | frozenset(fold(w) for w in (
    "الثاني الأول الاول الآخر الآخرة الاخرة الأولى الاولى ذو ذي آب اب ماي صفر may jan feb mar apr jun "
    "jul aug sep sept oct nov dec السبت الأحد الاحد الإثنين الاثنين الثلاثاء الأربعاء الاربعاء الخميس "
    "الجمعة يوم م هـ ه ص مساء مساءً صباحا صباحاً ظهرا الموافق ل ميلادي ميلادية هجري هجرية بتوقيت "
    "توقيت غرينتش gmt utc am pm بتاريخ تاريخ النشر نشر في نشرت أضيف اضيف آخر اخر تحديث published "
    "updated on at saturday sunday monday tuesday wednesday thursday friday st nd rd th الساعة"
).split())
_DATE_SHAPE = re.compile(r"\d{1,2}:\d{2}|\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}")
_TOKEN = re.compile(r"\d+|[^\W\d_]+")


def is_date_line(line: str) -> bool:
    """A line holding a date or time and little else (a weekday, a place): a dateline, not body text."""
    if len(line) > DATE_LINE_MAX or has_sentence_punct(line.replace("،", " ")):
        return False
    ascii_line = to_ascii_digits(line)
    tokens = _TOKEN.findall(fold(ascii_line))
    if not any(t.isdigit() for t in tokens):
        return False
    if not (_DATE_SHAPE.search(ascii_line) or any(t in _MONTH_NAMES for t in tokens)):
        return False
    leftover = [t for t in tokens if not t.isdigit() and t not in _DATE_WORDS
                and not (len(t) > 2 and t[0] in "بلو" and t[1:] in _DATE_WORDS)]
    return len(leftover) <= DATE_LINE_LEFTOVER


def has_letters(line: str) -> bool:
    return bool(_LETTER.search(line))


# ---- furniture phrases --------------------------------------------------------------------------

def match_furniture(
    line: str, furniture: Furniture, key: str | None = None, outside_body: bool = True
) -> str | None:
    """Which furniture rule the line matches ("exact", "prefix", "contains"), or None.

    `contains` phrases ("جميع الحقوق محفوظة") only count outside the body (`outside_body`), so a
    sentence of the article that quotes one stays."""
    if len(line) > PHRASE_LINE_MAX:
        return None
    key = phrase_key(line) if key is None else key
    if key and key in furniture.lines:
        return "exact"
    if key and key.startswith(furniture.prefixes):
        return "prefix"
    if not outside_body:
        return None
    return "contains" if matches_contains(line, key, furniture) else None


def matches_contains(line: str, key: str, furniture: Furniture) -> bool:
    if len(line) > PHRASE_LINE_MAX:
        return False
    folded = fold(line) if furniture.contains else ""
    for phrase in furniture.contains:
        symbol = phrase.startswith("\x00")  # a phrase without letters ("©"), compared on the folded line
        if (symbol and phrase[1:] in folded) or (not symbol and key and phrase in key):
            return True
    return False


def block_key(text: str) -> str:
    """Comparison form of a block phrase: folded, letters, digits and single spaces ("خطأ 404")."""
    return " ".join(_NON_WORD.sub(" ", fold(text)).split())


def starts_block(line: str, furniture: Furniture, key: str | None = None) -> bool:
    """The line opens with a whole block phrase: "خطأ 404" opens a block, "خطأ تحكيمي يحرم…" does not
    (phrases are compared word for word, digits included)."""
    if len(line) > PHRASE_LINE_MAX or not furniture.blocks:
        return False
    key = block_key(line)
    return any(key == b or key.startswith(b + " ") for b in furniture.blocks)


# ---- the cleaning pass ----------------------------------------------------------------------------

def clean(text: str, furniture: Furniture) -> Cleaned:
    lines = [clean_line(ln) for ln in text.split("\n")]
    n = len(lines)
    reasons = [""] * n
    keys = [phrase_key(ln) if ln and len(ln) <= PHRASE_LINE_MAX else ln for ln in lines]

    # 1. phrases, blocks and shapes, wherever they are
    i = 0
    while i < n:
        line = lines[i]
        if not line:
            i += 1
            continue
        if starts_block(line, furniture, keys[i]):
            reasons[i] = "furniture block"
            taken, j = 0, i + 1
            while j < n and taken < BLOCK_LINES:
                if lines[j]:
                    if len(lines[j]) > BLOCK_LINE_MAX:
                        break
                    reasons[j] = "furniture block"
                    taken += 1
                j += 1
            i = j
            continue
        reasons[i] = line_reason(line, furniture, keys[i])
        i += 1

    # 2. header and footer runs
    arabic_text = is_arabic(text)
    edge_phrase = [bool(ln) and not reasons[k] and matches_contains(ln, keys[k], furniture)
                   for k, ln in enumerate(lines)]
    paragraphs = [k for k in range(n) if lines[k] and not reasons[k] and not edge_phrase[k]
                  and is_paragraph(lines[k])]
    first_par = paragraphs[0] if paragraphs else n
    last_par = paragraphs[-1] if paragraphs else -1
    for k in range(n):
        if edge_phrase[k] and (k < first_par or k > last_par):
            reasons[k] = "furniture (contains)"
    seen: set[str] = set()
    for k in range(first_par):
        line = lines[k]
        if not line or reasons[k]:
            continue
        if keys[k] in seen:
            reasons[k] = "repeated header line"
        elif header_junk(line, arabic_text):
            reasons[k] = "header line"
        seen.add(keys[k])
    rescue_short_headline(lines, reasons, first_par)
    for k in range(n - 1, max(last_par, first_par - 1), -1):
        line = lines[k]
        if not line or reasons[k]:
            continue
        if footer_junk(line, arabic_text):
            reasons[k] = "footer line"
        else:
            break

    keep = [bool(ln) and not r for ln, r in zip(lines, reasons)]
    return Cleaned(lines, keep, reasons)


def rescue_short_headline(lines: list[str], reasons: list[str], first_par: int) -> None:
    """A header without any kept line may still have a short headline ("بوتين يهدد أوروبا"): the
    header line of two or three words standing right before the first paragraph, with only a
    dateline or byline between them."""
    if any(lines[k] and not reasons[k] for k in range(first_par)):
        return
    for k in range(first_par - 1, -1, -1):
        if not lines[k] or reasons[k] in ("date line", "byline"):
            continue
        if reasons[k] == "header line" and len(words(lines[k])) >= 2 and not _BULLET.match(lines[k]):
            reasons[k] = ""
        return


def line_reason(line: str, furniture: Furniture, key: str) -> str:
    """Why a line is not article text wherever it stands ("" when it may be)."""
    kind = match_furniture(line, furniture, key, outside_body=False)
    if kind:
        return f"furniture ({kind})"
    if is_date_line(line):
        return "date line"
    if not has_letters(line):
        return "no letters"
    if is_breadcrumb(line):
        return "breadcrumb"
    if is_byline(line):
        return "byline"
    return ""


def header_junk(line: str, arabic_text: bool) -> bool:
    """A header line that is a menu item, label or list entry rather than a headline or standfirst."""
    if _BULLET.match(line) or _NUMBERED.match(line):
        return not is_paragraph(line)
    if has_sentence_punct(line):
        return False
    if arabic_text and not is_arabic(line):
        return True
    return len(words(line)) <= HEADER_SHORT_WORDS


def footer_junk(line: str, arabic_text: bool) -> bool:
    if has_sentence_punct(line):
        return False
    if arabic_text and not is_arabic(line) and len(line) <= PARAGRAPH_CHARS:
        return True
    return len(words(line)) <= FOOTER_SHORT_WORDS and len(line) <= FOOTER_SHORT_CHARS


# ---- site_config/furniture.yml ------------------------------------------------------------------

def load_furniture(config_dir: Path) -> tuple[Furniture, list[Problem]]:
    path = config_dir / FURNITURE_FILE
    display = path.as_posix()
    if not path.is_file():
        return Furniture(), [Problem(display, None, None, "file is missing (page furniture phrases)")]
    data, problems = load_yaml(path, display)
    if data is None:
        return Furniture(), problems
    schema = {kind: _phrase_list for kind in FURNITURE_KINDS}
    problems += check_mapping(data, schema, (), display)
    if not isinstance(data, dict):
        return Furniture(), problems
    found: dict[str, tuple[str, int | None]] = {}
    lists: dict[str, list[str]] = {kind: [] for kind in FURNITURE_KINDS}
    for kind in FURNITURE_KINDS:
        items = data.get(kind)
        if not isinstance(items, list):
            continue
        for idx, phrase in enumerate(items):
            line = items.line(idx) if isinstance(items, LineList) else None
            if not isinstance(phrase, str) or not phrase.strip():
                continue  # reported by check_mapping
            key = block_key(phrase) if kind == "blocks" else phrase_key(phrase)
            if not key:
                folded = " ".join(fold(phrase).split())
                if kind != "contains":
                    problems.append(Problem(display, line, f"{kind}[{idx}]",
                                            f"'{phrase}' has no letters; symbols only work under 'contains'"))
                    continue
                key = "\x00" + folded
            if key in found:
                other_kind, other_line = found[key]
                where = f"line {other_line}" if other_line else other_kind
                problems.append(Problem(display, line, f"{kind}[{idx}]",
                                        f"'{phrase}' repeats a phrase already listed ({other_kind}, {where})"))
                continue
            found[key] = (kind, line)
            lists[kind].append(key)
    furniture = Furniture(
        lines=frozenset(lists["exact"]),
        prefixes=tuple(sorted(lists["prefix"])),
        contains=tuple(sorted(lists["contains"])),
        blocks=tuple(sorted(lists["blocks"])),
    )
    return furniture, problems


def _phrase_list(value: object) -> str | None:
    if not isinstance(value, list):
        return "must be a list of phrases"
    bad = [i for i, v in enumerate(value) if not isinstance(v, str) or not v.strip()]
    if bad:
        return "must be a list of non-empty strings (item " + ", ".join(str(i + 1) for i in bad) + ")"
    return None
