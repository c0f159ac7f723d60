"""Stage 3b — the header block: which line is the headline, which lines are bylines, and what each
byline credits (the people who wrote the article, the outlet, the wire agency, the dateline city).

Contract:
    read_header(lines: list[str], reasons: list[str], registry: Registry, places: frozenset[str]) -> Header
    parse_byline(text: str, registry: Registry, places: frozenset[str], line: int = 0, strict: bool = False)
        -> Byline | None

`reasons[i]` is the cleaner's reason for dropping line i ("" for a kept line); `places` holds folded
place names (`SiteConfig.place_names`: the gazetteer's places and the shipped `places` lexicon).

A byline is a short line cut by separators (dash, colon, brackets, comma, "من") into parts, each of
which is one of: a person (a 2–4 word name), an outlet named in the registry, a wire agency's credit,
a place (the `places` lexicon and the gazetteer's places), or a desk word (وكالات، متابعة، تقرير،
عواصم…). Every part must be one of these for the line to be a byline. The forms read, whatever the
order of the parts: "City: Name", "Name (City)", "Name - City", "City - Name", "Name- Outlet- City:",
"Outlet (City)", "Outlet - City", "«Outlet» من City", "Name من City", "كتب - Name", "بقلم: Name",
"City - Agency", "Agency ـ City", several names joined by و or ، and a name alone on its line.

A person part needs evidence: it opens with a known given name (the `given_names` lexicon), or a
byline marker (كتب، بقلم…) precedes it, or it stands beside a recognised place, outlet or agency part
("المنامة – مشعي البريكان"). A part that is both a place and an outlet's plain name (الرياض، المدينة)
is the place, unless it is quoted, or opens the line before a place ("المدينة ـ جدة": the paper).
A byline naming only a city, a desk or the outlet has no person.

The header block is the top of the text down to the first paragraph of running text. Its first
non-empty line is the headline, however short ("ليبرالية"), when the line after it is a byline or a
blank line and it is not itself a byline, a date line or furniture (rule of the copy-paste layout:
headline, byline, blank line, body). Otherwise the headline is left to `titles.pick_title`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from generator import lexicons
from generator.arabic import fold
from generator.cleaner import has_letters, is_breadcrumb, is_date_line, is_paragraph, words

if TYPE_CHECKING:
    from generator.outlets import Registry

BYLINE_MAX_WORDS = 14
HEADER_MAX_LINES = 8  # non-empty lines looked at for bylines below the headline
NAME_MIN_WORDS, NAME_MAX_WORDS = 2, 5

# Words that open a byline and are not part of the name: "كتب - خالد", "بقلم: سارة".
MARKERS = frozenset(fold(w) for w in "كتب كتبت كتبه بقلم إعداد اعداد تقرير تحرير متابعة حوار ترجمة تحقيق نص".split())
# Parts that stand where a name or city stands but name neither: a desk, unnamed agencies, "capitals"
# (the `dateline_words` lexicon, and the report-type words a byline may carry).
DESK_WORDS = lexicons.words("dateline_words") | frozenset(fold(w) for w in """تقرير تحقيق حوار محرر التحرير
    فريق قسم مراسلنا مندوبنا""".split())
# Honorifics before a name in a byline: dropped from the author.
HONORIFICS = frozenset(fold(w) for w in """د د. الدكتور الدكتورة دكتور أ أ. الأستاذ الأستاذة م م. المهندس
    الكاتب الكاتبة الزميل الزميلة الصحفي الصحفية الصحافي الصحافية الإعلامي الإعلامية الشيخ""".split())
# Suffixes and heads of an outlet's name in a byline: "الرياض الإلكتروني", "مكتب المدينة".
OUTLET_SUFFIXES = ("الالكترونيه", "الالكتروني", "اونلاين", "نت", "نيوز")
OUTLET_HEADS = ("مكتب", "صحيفه", "جريده", "موقع", "قناه", "مراسل")
PHOTO = re.compile(r"(?<!\w)(?:تصوير|عدسة|عدسه)(?!\w)")

_SEPARATORS = re.compile(r"\s*(?:[-–—:()\[\]،,/|]|(?<!\S)ـ+|ـ+(?!\S))\s*")
_QUOTES = re.compile(r"[\"'«»“”‘’]")
_AR_WORD = re.compile(r"[\u0621-\u063A\u0641-\u064A]+")
_SENTENCE = re.compile(r"[!?؟]|(?<=\S\S)\.\s+\S|\.\S{2,}")


@dataclass
class Byline:
    """What one byline line credits. Ids are registry ids; people are written as in the text."""

    line: int
    text: str
    people: list[str] = field(default_factory=list)
    outlets: list[tuple[str, ...]] = field(default_factory=list)  # several ids: a shared short name
    agencies: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)


@dataclass
class Header:
    headline: int | None = None  # the line the headline is on, when the header layout shows it
    bylines: list[Byline] = field(default_factory=list)

    @property
    def people(self) -> list[str]:
        """The people of every byline, in order, each once (عبد الكريم = عبدالكريم)."""
        out: dict[str, str] = {}
        for b in self.bylines:
            for p in b.people:
                out.setdefault(fold(p).replace(" ", ""), p)
        return list(out.values())


@lru_cache(maxsize=1)
def lexicon_places() -> frozenset[str]:
    """The `places` lexicon (empty when the package does not ship one)."""
    return lexicons.words("places") if lexicons.exists("places") else frozenset()


@dataclass
class _Part:
    text: str  # as written, quotes and honorifics dropped
    kind: str  # person | outlet | agency | place | desk | name? (a name without a given name) | other
    key: str
    ids: tuple[str, ...] = ()
    quoted: bool = False
    marked: bool = False  # a byline marker preceded it


def _key(text: str) -> str:
    return " ".join(_QUOTES.sub(" ", fold(text)).split()).strip(" .")


def _outlet_ids(key: str, registry: "Registry") -> tuple[str, ...]:
    index = registry.index
    ids = index.forms.get(key)
    if ids:
        return ids
    tokens = key.split()
    if len(tokens) >= 2 and tokens[-1] in OUTLET_SUFFIXES:
        ids = index.forms.get(" ".join(tokens[:-1]))
        if ids:
            return ids
    if len(tokens) >= 2 and tokens[0] in OUTLET_HEADS:
        ids = index.forms.get(" ".join(tokens[1:]))
        if ids:
            return ids
    return ()


def _person_shape(text: str, registry: "Registry") -> str | None:
    """The name in `text` if it is shaped like a personal name: 2–5 Arabic words (connectors such as
    بن، أبو، عبد not counted), honorifics dropped, no function word, and no word inside it that
    opens with the conjunction و ("سامي وسنوات الضياع") unless that word is a given name ("محمد
    وليد الخطيب")."""
    from generator.outlets import _clean_name  # the shared name shape check

    tokens = text.split()
    while tokens and fold(tokens[0]).rstrip(".") in HONORIFICS:
        tokens = tokens[1:]
    folded = [fold(t) for t in tokens]
    if not tokens or not all(_AR_WORD.fullmatch(f) for f in folded):
        return None
    if any(f.startswith("و") and f not in registry.given_names for f in folded[1:-1]):
        return None
    # a title word that is also a family name, after a given name: "أحمد السيد", "محمد الشيخ"
    if len(tokens) >= 2 and folded[-1] in FAMILY_TITLES and _is_given(tokens[0], registry):
        head = _clean_name(" ".join(tokens[:-1])) if len(tokens) > 2 else tokens[0]
        return f"{head} {tokens[-1]}" if head else None
    return _clean_name(" ".join(tokens))


def _is_given(name: str, registry: "Registry") -> bool:
    tokens = [fold(t) for t in name.split()]
    given = registry.given_names
    if tokens[0] in given:
        return True
    if len(tokens) >= 2 and tokens[0] in ("عبد", "ابو", "ام") and (tokens[0] + tokens[1]) in given:
        return True
    return len(tokens) >= 2 and f"{tokens[0]} {tokens[1]}" in given


def _classify(raw: str, registry: "Registry", marked: bool, places: frozenset[str]) -> _Part:
    quoted = bool(_QUOTES.search(raw))
    text = " ".join(_QUOTES.sub(" ", raw).split()).strip(" .")
    key = _key(text)
    index = registry.index
    part = _Part(text, "other", key, quoted=quoted, marked=marked)
    if not key:
        part.kind = "empty"
        return part
    tokens = key.split()
    if key in DESK_WORDS or (len(tokens) <= 2 and all(t in DESK_WORDS for t in tokens)):
        part.kind = "desk"
        return part
    credit = index.credits.get(key)
    ids = _outlet_ids(key, registry)
    if credit or (ids and all(x in index.agencies for x in ids)):
        part.kind, part.ids = "agency", (credit[0],) if credit else ids[:1]
        return part
    is_place = key in places
    if ids and (quoted or not is_place):  # «الشرق الأوسط» quoted is the paper, not the region
        part.ids = tuple(x for x in ids if x not in index.agencies)
        part.kind = "outlet" if part.ids else "other"
        return part
    if is_place:
        part.kind = "outlet-or-place" if ids else "place"
        part.ids = tuple(x for x in ids if x not in index.agencies)
        return part
    name = _person_shape(text, registry)
    if name and len(name.split()) >= 3 and _key(name.split()[-1]) in places:
        name = name.rsplit(None, 1)[0]  # "دلشاد عبد الله لندن": the city after the name
    if name:
        part.text = name
        part.kind = "person" if (marked or _is_given(name, registry)) else "name?"
    elif len(tokens) == 1 and _AR_WORD.fullmatch(key):
        part.kind = "word"  # a short unknown word: a place the lexicon lacks, or a label
    return part


FAMILY_TITLES = frozenset(fold(w) for w in ("السيد", "الشيخ", "الأمير", "الملا"))
FAMILY_CONNECTORS = frozenset(("بن", "ابن", "بنت", "ابو", "ال", "ولد"))


def family_shaped(key: str) -> bool:
    """A folded name whose family part shows: a nisba last (الغامدي، العنزي) or a connector
    (بن، أبو، آل) inside it."""
    tokens = key.split()
    if len(tokens) < 2 or tokens[0].startswith("ال"):
        return False
    last = tokens[-1]
    return (last.startswith("ال") and last.endswith("ي") and len(last) > 4) or \
        any(t in FAMILY_CONNECTORS for t in tokens[1:-1])


def _split_names(part: str) -> list[str]:
    """"فارس السبيعي وعبد الله الهلابي" → two names (each of two words or more)."""
    m = re.match(r"^(\S+(?:\s+\S+)+?)\s+و(\S+(?:\s+\S+)+)$", part)
    if m and not fold(m.group(2)).startswith(("ال", "ل")):
        return [m.group(1), m.group(2)]
    return [part]


def parse_byline(text: str, registry: "Registry", places: frozenset[str] = frozenset(), line: int = 0,
                 strict: bool = False, layout: bool = False) -> Byline | None:
    """Read one line as a byline (see the module docstring), or None when it is not one.

    With `strict`, a name needs a known given name or a marker even beside a place (used for the
    first line of a text, which is more often a headline such as "جدة: افتتاح معرض الكتاب").
    With `layout`, the line stands where the copy-paste layout puts a byline (right under the
    headline, a blank line after it): a name alone without a known given name is then accepted when
    it has a family-name shape: a nisba (الـ…ي) last, or a nasab/kunya/family connector (بن، أبو، آل).
    """
    s = " ".join(text.split())
    m = PHOTO.search(s)
    if m:  # the photographer is not the author
        s = s[: m.start()]
    s = s.strip(" :.-–—ـ")
    if not s or len(s.split()) > BYLINE_MAX_WORDS or _SENTENCE.search(s):
        return None
    marked = False
    first = fold(s.split()[0]).rstrip(":")
    if first in MARKERS:
        marked = True
        s = re.sub(r"^\S+?\s*[:\-–—ـ]?\s*", "", s, count=1) if ":" not in s.split()[0] else s.split(None, 1)[-1]
    pieces: list[str] = []
    for chunk in _SEPARATORS.split(s):
        chunk = chunk.strip()
        if not chunk:
            continue
        # "Name من City", "«Outlet» من City"
        sub = re.split(r"\s+(?:من|في)\s+", chunk)
        for piece in sub:
            pieces += _split_names(piece)
    parts = [_classify(p, registry, marked, places) for p in pieces]
    parts = [p for p in parts if p.kind != "empty"]
    if not parts:
        return None
    known = [p for p in parts if p.kind in ("outlet", "agency", "place", "outlet-or-place", "desk")]
    # a part shaped like a name, beside a recognised place/outlet/agency, is the person
    for p in parts:
        if p.kind == "name?" and (known or marked) and not strict and not p.key.startswith("ال"):
            p.kind = "person"
        elif p.kind == "name?" and layout and len(parts) == 1 and family_shaped(p.key):
            p.kind = "person"
            marked = True
    # "المدينة ـ جدة": an outlet's plain name opening the line before a place is the outlet
    if len(parts) >= 2 and parts[0].kind == "outlet-or-place" and parts[1].kind in ("place", "outlet-or-place", "word") \
            and not any(p.kind == "outlet" for p in parts):
        parts[0].kind = "outlet"
    for p in parts:
        if p.kind == "outlet-or-place":
            p.kind = "place"
    strong = [p for p in parts if p.kind in ("person", "outlet", "agency")]
    # beside a person, an unknown phrase with the article cannot be a name: a place ("الحد الجنوبي")
    if any(p.kind == "person" for p in parts) and not strict:
        for p in parts:
            if p.kind in ("name?", "other") and p.key.startswith("ال") and len(p.key.split()) <= 3 \
                    and all(_AR_WORD.fullmatch(t) for t in p.key.split()):
                p.kind = "place"
    # one unknown short word beside a person/outlet/agency: a city the lexicon lacks ("بارق- سبق")
    for p in parts:
        if p.kind == "word" and strong and not strict:
            p.kind = "place"
    if any(p.kind not in ("person", "outlet", "agency", "place", "desk") for p in parts):
        return None
    if not strong:
        return None
    if len(parts) == 1 and parts[0].kind == "person" and (strict or not (marked or _is_given(parts[0].text, registry))):
        return None  # a first line that is only a name is a headline ("خالد ومواسم الانتظار")
    out = Byline(line, text.strip())
    for p in parts:
        if p.kind == "person" and p.text not in out.people:
            out.people.append(p.text)
        elif p.kind == "outlet":
            out.outlets.append(p.ids)
        elif p.kind == "agency" and p.ids[0] not in out.agencies:
            out.agencies.append(p.ids[0])
        elif p.kind == "place":
            out.places.append(p.text)
    return out


# Cleaner reasons that do not stop a first line from being the headline (a short line is dropped as a
# "header line" by the cleaner, which cannot see the byline under it).
HEADLINE_REASONS = ("", "header line")


def read_header(lines: list[str], reasons: list[str], registry: "Registry",
                places: frozenset[str] = frozenset()) -> Header:
    """Find the headline line and the bylines at the top of the text (see the module docstring)."""
    header = Header()
    nonempty = [i for i, ln in enumerate(lines) if ln.strip()]
    if not nonempty:
        return header
    first = nonempty[0]
    parsed: dict[int, Byline | None] = {}
    for i in nonempty:
        if len(parsed) > HEADER_MAX_LINES:
            break
        parsed[i] = parse_byline(lines[i], registry, places, i, strict=i == first)
        if parsed[i] is None and i != first and is_paragraph(lines[i]):
            break  # the first paragraph ends the header ("جدة: رامي، سعاد" is a byline, not one)
    second = first + 1
    if (second in parsed and parsed[second] is None and second + 1 < len(lines) and not lines[second + 1].strip()
            and headline_shaped(lines[first])):
        parsed[second] = parse_byline(lines[second], registry, places, second, layout=True)
    header.bylines = [b for b in parsed.values() if b is not None]
    line = lines[first]
    if parsed.get(first) is None and reasons[first] in HEADLINE_REASONS and has_letters(line) \
            and not is_date_line(line) and not is_breadcrumb(line) and headline_shaped(line):
        after = first + 1
        blank_after = after < len(lines) and not lines[after].strip()
        nxt = nonempty[1] if len(nonempty) > 1 else None
        if blank_after or (nxt is not None and parsed.get(nxt) is not None):
            header.headline = first
    return header


def headline_shaped(line: str) -> bool:
    """A line that can be a headline of any length: at most HEADLINE_MAX_CHARS, one sentence at most
    (".." inside a headline is punctuation, not an end), not closed by a full stop, and with a word
    of two letters or more."""
    from generator.titles import HEADLINE_MAX_CHARS, sentences

    stripped = line.rstrip()
    if len(stripped) > HEADLINE_MAX_CHARS or len(sentences(stripped)) > 1:
        return False
    if stripped.endswith(".") and not stripped.endswith(".."):
        return False
    return any(len(w) > 1 for w in words(line))
