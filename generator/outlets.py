"""Stage 3c — outlet, wire agencies, author.

Contract:
    load_registry(config_dir: Path) -> tuple[Registry, list[Problem]]   (site_config/outlets.yml)
    detect(lines: list[str], keep: list[bool], title_index: int | None, registry: Registry) -> Attribution

`lines` are ALL lines of the article, page furniture included (copyright footers, newsletter boxes and
"page unavailable" blocks are the strongest fingerprints of a site), `keep[i]` says whether the cleaner
kept line i as article text and `title_index` is the headline's line (None for a derived title).

Outlet — the signals, strongest first (each names the outlet through the registry's names, aliases,
short names or fingerprints):

    100  copyright line   "جميع الحقوق محفوظة لـ…", "© …", "All rights reserved": the named holder
    90   domain           a web address of the outlet, on a short line (not cited inside a sentence)
    85   page title       a saved page's title line "<headline> | <section> | <outlet>"
    80   dateline         "لندن - «الشرق الأوسط»", "موسكو — سبوتنيك.", "واشنطن (CNN) --"
    75   outlet first     "السومرية نيوز/ بغداد", "<outlet> - <text>", a brand line "<outlet>:"
    70   closing line     the last line is only a quoted outlet name: 'الاتحاد'; or, among the last three
                          lines, the outlet's own sign-off ("// انتهى //"); an agency's own dateline
                          with its credit after the date ("تبوك 12 ذو القعدة 1436 هـ … 2015 م واس")
    60   self-mention     a quoted name after a self-referring phrase: قال لـ«…», اطلعت على نصه «…», علمت «…»,
                          or a headline quoting someone to the outlet: مسؤول لـ«…»: …
    50   furniture        a site's own furniture phrase (newsletter box label, error page text)
    30   byline style     a site's byline label ("نص :"); never enough on its own

A name met only as a source inside a sentence ("ذكرت صحيفة «…»", "لفرانس برس") is not a signal. When
the two best outlets tie, the outlet stays null with a warning; a weaker contrary signal is reported
as a warning. A name shared by several outlets (الوطن, الشروق, الصباح…) only counts when another signal
picks one of them. An agency is the outlet only by its own copyright line or domain; otherwise its
name is a wire credit.

Wire — agencies credited for the page, as their canonical short names (وكالة فرانس برس → "أ ف ب"),
in order of first appearance, without repeats. A credit is: a line made only of credits
("أ ف ب", "(رويترز)", "المصدر: واس", "أ ف ب، رويترز" — photo credits included), a dateline credit
("بيروت (أ ف ب) -", "الرياض - واس", "القاهرة /أ ش أ/") or a parenthesised credit closing a line.
Reported speech such as "قال … لفرانس برس" or "نقلت وكالة رويترز" is NOT a credit: it says an agency
interviewed or reported something, not that the text is the agency's, and it is just as common in
articles written from scratch. The outlet's own agency name is not repeated in `wire`.

Author — a byline: "بقلم: X", "كتب: X", "كتبت X", "X يكتب:", "نص : X", "إعداد: X", "تقرير: X",
"<outlet> - X", "X - <city>", a header line (before the first paragraph) that is only a name, or
"X: قال …" opening the first body paragraph. X must be a 2–4 word personal name: Arabic words only,
no function words, titles, organisation heads or outlet names; honorifics (الكاتب، د.) and trailing
punctuation are dropped. The two forms without any marker ("X - <city>" and a bare name line) also
need X to open with a known given name (the `given_names` lexicon, generator/lexicons/).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from generator import lexicons
from generator.arabic import fold
from generator.config import (
    id_problem,
    LineDict,
    LineList,
    Problem,
    check_mapping,
    is_bool,
    is_str,
    is_str_list,
    load_yaml,
    one_of,
)
from generator.model import OutletRef

if TYPE_CHECKING:
    from generator.byline import Byline, Header

KINDS = ("newspaper", "tv", "website", "agency", "radio")
FINGERPRINT_KINDS = ("copyright", "signoff", "self_mention", "dateline", "furniture", "byline")

STRENGTH = {
    "copyright": 100,
    "domain": 90,
    "page-title": 85,
    "byline": 80,
    "dateline": 80,
    "outlet-first": 75,
    "closing": 70,
    "signoff": 70,
    "agency-dateline": 70,
    "self-mention": 60,
    "furniture": 50,
    "byline-style": 30,
}
MIN_STRENGTH = 40  # a signal weaker than this (a byline style) only supports others


# ---- registry ---------------------------------------------------------------------------------


@dataclass
class Fingerprints:
    copyright: list[str] = field(default_factory=list)
    signoff: list[str] = field(default_factory=list)
    self_mention: list[str] = field(default_factory=list)
    dateline: list[str] = field(default_factory=list)
    furniture: list[str] = field(default_factory=list)
    byline: list[str] = field(default_factory=list)


@dataclass
class Outlet:
    id: str
    name: str
    name_latin: str = ""
    country: str = ""
    domains: list[str] = field(default_factory=list)
    kind: str = "website"
    aliases: list[str] = field(default_factory=list)
    short_names: list[str] = field(default_factory=list)  # may be shared by several outlets
    plain_names: list[str] = field(default_factory=list)  # also ordinary words: quoted in datelines
    wire_name: str = ""  # agencies: the canonical short credit ("أ ف ب")
    credits: list[str] = field(default_factory=list)  # agencies: credit forms
    credit_alone: bool = True  # agencies: a bare credit form on a line of its own counts
    fingerprints: Fingerprints = field(default_factory=Fingerprints)

    @property
    def is_agency(self) -> bool:
        return self.kind == "agency"


@dataclass
class Registry:
    outlets: dict[str, Outlet] = field(default_factory=dict)
    given_names: frozenset[str] = frozenset()  # folded; a header line starting with one is a byline

    @cached_property
    def index(self) -> "_Index":
        return _Index.build(self.outlets)


def load_registry(config_dir: Path) -> tuple[Registry, list[Problem]]:
    """Load and validate `outlets.yml`. A missing file is an empty registry (no outlet is detected)."""
    path = Path(config_dir) / "outlets.yml"
    if not path.is_file():
        return Registry(), []
    display = path.as_posix()
    data, problems = load_yaml(path, display)
    if data is None:
        return Registry(), problems
    outlets, more = parse_registry(data, display)
    return Registry(outlets, lexicons.words("given_names")), problems + more


_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")
_COUNTRY = re.compile(r"[A-Z]{2}")
_DOMAIN = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/[\w./-]*)?")


def _is_id(v: Any) -> str | None:
    if isinstance(v, str) and _ID.fullmatch(v):
        return id_problem(v)
    return "must be an ASCII id: lower-case letters, digits, '-' or '_'"


def _is_country(v: Any) -> str | None:
    return None if isinstance(v, str) and _COUNTRY.fullmatch(v) else "must be a two-letter country code (ISO 3166)"


def _is_domain_list(v: Any) -> str | None:
    msg = is_str_list(v)
    if msg:
        return msg
    bad = [d for d in v if not _DOMAIN.fullmatch(d)]
    return f"not a domain name: {', '.join(bad)}" if bad else None


def _is_mapping(v: Any) -> str | None:
    return None if isinstance(v, dict) else "must be a mapping of key: value"


OUTLET_SCHEMA = {
    "id": _is_id,
    "name": is_str,
    "name_latin": is_str,
    "country": _is_country,
    "domains": _is_domain_list,
    "kind": one_of(*KINDS),
    "aliases": is_str_list,
    "short_names": is_str_list,
    "plain_names": is_str_list,
    "wire_name": is_str,
    "credits": is_str_list,
    "credit_alone": is_bool,
    "fingerprints": _is_mapping,
}
OUTLET_REQUIRED = ("id", "name", "name_latin", "country", "kind")
FINGERPRINT_SCHEMA = {k: is_str_list for k in FINGERPRINT_KINDS}


def _line(data: Any, key: Any) -> int | None:
    if isinstance(data, (LineDict, LineList)):
        return data.line(key)
    return None


def parse_registry(data: Any, file: str) -> tuple[dict[str, Outlet], list[Problem]]:
    """Validate the parsed YAML and build the outlets. Every problem is reported, none stops the rest."""
    problems = check_mapping(data, {"outlets": lambda v: None if isinstance(v, list) else "must be a list"},
                             ("outlets",), file)
    if not isinstance(data, dict) or not isinstance(data.get("outlets"), list):
        return {}, problems
    items = data["outlets"]
    outlets: dict[str, Outlet] = {}
    id_lines: dict[str, int | None] = {}
    owner: dict[str, tuple[str, int | None]] = {}  # name form -> (outlet id, line)
    for i, item in enumerate(items):
        oid = item.get("id") if isinstance(item, dict) else None
        where = oid if isinstance(oid, str) and _ID.fullmatch(oid) else f"outlets[{i}]"
        if not isinstance(item, dict):
            problems.append(Problem(file, _line(items, i), where, "must be a mapping of key: value"))
            continue
        item_problems = check_mapping(item, OUTLET_SCHEMA, OUTLET_REQUIRED, file, where)
        fp = item.get("fingerprints")
        if isinstance(fp, dict):
            item_problems += check_mapping(fp, FINGERPRINT_SCHEMA, (), file, f"{where}.fingerprints")
        kind = item.get("kind")
        if kind == "agency" and not isinstance(item.get("wire_name"), str):
            item_problems.append(Problem(file, item.line("kind") if isinstance(item, LineDict) else None,
                                         f"{where}.wire_name", "an agency needs a wire_name (its short credit)"))
        if kind != "agency":
            for key in ("wire_name", "credits", "credit_alone"):
                if key in item:
                    item_problems.append(Problem(file, _line(item, key), f"{where}.{key}",
                                                 "only agencies (kind: agency) have wire credits"))
        problems += item_problems
        if not (isinstance(oid, str) and _ID.fullmatch(oid) and isinstance(item.get("name"), str)) \
                or id_problem(oid):
            continue
        if oid in outlets:
            first = id_lines.get(oid)
            problems.append(Problem(file, _line(item, "id"), f"{where}.id",
                                    f'duplicate id "{oid}" (first used on line {first})'))
            continue
        outlet = _make_outlet(item)
        # names and aliases must each point at one outlet (short_names may be shared)
        for key, values in (("name", [outlet.name]), ("aliases", outlet.aliases)):
            for j, value in enumerate(values):
                form = name_key(value)
                line = _line(item, key) if key == "name" else _line(item.get("aliases"), j)
                other = owner.get(form)
                if other and other[0] != oid:
                    problems.append(Problem(file, line, f"{where}.{key}",
                                            f'"{value}" is already a name or alias of "{other[0]}" (line {other[1]})'))
                elif not other:
                    owner[form] = (oid, line)
        outlets[oid] = outlet
        id_lines[oid] = _line(item, "id")
    return outlets, problems


def _str_list(v: Any) -> list[str]:
    return [x for x in v if isinstance(x, str) and x.strip()] if isinstance(v, list) else []


def _make_outlet(item: dict[str, Any]) -> Outlet:
    fp = item.get("fingerprints") if isinstance(item.get("fingerprints"), dict) else {}
    return Outlet(
        id=item["id"],
        name=item["name"].strip(),
        name_latin=item.get("name_latin", "") if isinstance(item.get("name_latin"), str) else "",
        country=item.get("country", "") if isinstance(item.get("country"), str) else "",
        domains=[d.lower() for d in _str_list(item.get("domains"))],
        kind=item.get("kind") if item.get("kind") in KINDS else "website",
        aliases=_str_list(item.get("aliases")),
        short_names=_str_list(item.get("short_names")),
        plain_names=_str_list(item.get("plain_names")),
        wire_name=item.get("wire_name", "") if isinstance(item.get("wire_name"), str) else "",
        credits=_str_list(item.get("credits")),
        credit_alone=item.get("credit_alone", True) is not False,
        fingerprints=Fingerprints(**{k: _str_list(fp.get(k)) for k in FINGERPRINT_KINDS}),
    )


# ---- normalisation ----------------------------------------------------------------------------

_QUOTES = str.maketrans({"'": '"', "`": '"', "“": '"', "”": '"', "«": '"', "»": '"',
                         "–": "-", "—": "-", "−": "-", "‒": "-", "―": "-", "ـ": "-", "|": "|"})
_LONE_TATWEEL = re.compile(r"(?<!\S)ـ+(?!\S)")
_LETTER_DOT = re.compile(r"(?<=\b[\u0621-\u064A])\s?\.\s?(?=[\u0621-\u064A]\b)")


@lru_cache(maxsize=8192)
def norm(text: str) -> str:
    """Comparison form of a line: Arabic folding, one quote mark ("), one dash (-), single spaces.

    A tatweel standing alone between spaces is a dash ("سوريا ـ العراق"); inside a word it is dropped.
    Dots between single Arabic letters become spaces ("أ.ف.ب" → "ا ف ب").
    """
    if "ـ" in text:
        text = _LONE_TATWEEL.sub("-", text)
    text = fold(text).translate(_QUOTES)
    if "." in text:
        text = _LETTER_DOT.sub(" ", text)
    return " ".join(text.split())


def name_key(text: str) -> str:
    """Key of a name form: normalised, without surrounding quotes, brackets or punctuation."""
    return norm(text).strip(' "()[].,:،؛;-')


def _strip_dative(key: str) -> str:
    """"لـ«إيلاف»" → "ايلاف": drop a leading preposition ل from a quoted self-mention form."""
    k = norm(key)
    k = re.sub(r'^ل\s*(?=")', "", k)
    return name_key(k)


def _alternation(forms: Iterable[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(set(forms), key=lambda f: (-len(f), f)) if f)


@dataclass
class _Index:
    """Lookup tables built once per registry."""

    forms: dict[str, tuple[str, ...]]  # name key -> outlet ids (more than one: a shared short name)
    plain: set[str]  # name keys that are also ordinary words: they count in a dateline only quoted
    agencies: frozenset[str]  # ids of the wire agencies
    name_rx: re.Pattern[str] | None  # any outlet name form, longest first
    credits: dict[str, tuple[str, bool]]  # credit key -> (agency id, counts alone on a line)
    credit_rx: re.Pattern[str] | None
    copyright: list[tuple[str, str]]  # (normalised fingerprint, outlet id)
    signoff: dict[str, str]  # sign-off without spaces -> outlet id
    dateline: list[tuple[str, str]]
    furniture: list[tuple[str, str]]  # (fingerprint without spaces, outlet id)
    byline: list[tuple[str, str]]
    domains: list[tuple[str, str, str]]  # (host, path prefix, outlet id)

    @classmethod
    def build(cls, outlets: dict[str, Outlet]) -> "_Index":
        forms: dict[str, set[str]] = {}
        plain: set[str] = set()
        credits: dict[str, tuple[str, bool]] = {}
        copyright_fp: list[tuple[str, str]] = []
        signoff: dict[str, str] = {}
        dateline: list[tuple[str, str]] = []
        furniture: list[tuple[str, str]] = []
        byline: list[tuple[str, str]] = []
        domains: list[tuple[str, str, str]] = []
        for oid in sorted(outlets):
            o = outlets[oid]
            names = [o.name, *o.aliases, *o.short_names]
            if o.name_latin:
                names.append(o.name_latin)
            names += [_strip_dative(s) for s in o.fingerprints.self_mention]
            if o.is_agency:
                names += [o.wire_name, *o.credits]
            for n in names:
                k = name_key(n)
                if len(k) >= 2:
                    forms.setdefault(k, set()).add(oid)
                if " " not in k and k.startswith("ال"):
                    plain.add(k)
            plain.update(name_key(n) for n in o.plain_names)
            if o.is_agency:
                for c in [o.wire_name, *o.credits]:
                    k = name_key(c)
                    if k:
                        credits[k] = (oid, o.credit_alone)
                for n in [o.name, *o.aliases]:
                    credits.setdefault(name_key(n), (oid, True))
            copyright_fp += [(name_key(s), oid) for s in o.fingerprints.copyright]
            signoff.update({name_key(s).replace(" ", ""): oid for s in o.fingerprints.signoff})
            dateline += [(norm(s), oid) for s in o.fingerprints.dateline]
            furniture += [(norm(s).replace(" ", ""), oid) for s in o.fingerprints.furniture]
            byline += [(norm(s).replace(" ", ""), oid) for s in o.fingerprints.byline]
            for d in o.domains:
                host, _, path = d.partition("/")
                domains.append((host, "/" + path if path else "", oid))
        name_alt = _alternation(forms)
        credit_alt = _alternation(credits)
        return cls(
            forms={k: tuple(sorted(v)) for k, v in forms.items()},
            plain=plain,
            agencies=frozenset(oid for oid, o in outlets.items() if o.is_agency),
            name_rx=re.compile(rf"(?<!\w)(?:{name_alt})(?!\w)") if name_alt else None,
            credits=credits,
            credit_rx=re.compile(rf"(?<!\w)(?:{credit_alt})(?!\w)") if credit_alt else None,
            copyright=copyright_fp,
            signoff=signoff,
            dateline=dateline,
            furniture=[f for f in furniture if f],
            byline=[b for b in byline if b],
            domains=domains,
        )


# ---- signals ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Signal:
    kind: str
    ids: tuple[str, ...]  # more than one: a name shared by several outlets
    line: int
    text: str

    @property
    def strength(self) -> int:
        return STRENGTH[self.kind]


@dataclass
class Attribution:
    outlet: OutletRef | None = None
    wire: list[str] = field(default_factory=list)
    author: str | None = None
    evidence: str | None = None
    warnings: list[str] = field(default_factory=list)


_RIGHTS = re.compile(r"جميع الحقوق محفوظه|الحقوق محفوظه|حقوق (?:النشر|الطبع|الملكيه)[^|]{0,20}?محفوظه"
                     r"|all rights reserved|copyright|©|\(c\)")
_RIGHTS_RAW = re.compile(r"حقوق|©|copyright|rights|\(c\)", re.IGNORECASE)
_EXPLICIT_RIGHTS = re.compile(r"حقوق|rights reserved|copyright")
_HOLDER_TYPES = {"صحيفه", "جريده", "موقع", "قناه", "شبكه", "مؤسسه", "مجموعه", "دار", "شركه", "مركز",
                 "وكاله", "اذاعه", "تلفزيون", "راديو", "مجله", "بوابه"}
_HOLDER_SUFFIXES = {"الاعلاميه", "للاعلام", "الاعلامي", "للصحافه", "والطباعه", "والنشر", "والتوزيع",
                    "والاعلان", "للنشر", "للاخبار", "الاخباريه", "الالكترونيه", "الالكتروني", "نت",
                    "اونلاين", "ltd", "inc", "llc", "fz", "media", "network", "group", "the", "sa", "de",
                    "جميع", "الحقوق", "محفوظه", "لدى", "ش", "م", "ذ", "والبث"}


def _holder_ids(chunk: str, index: _Index) -> tuple[str, ...]:
    """Resolve a copyright holder ("لمركز الاتحاد للأخبار") to outlet ids, or ().

    The holder, without a leading ل and organisation words (صحيفة، مؤسسة، مركز…), must be an outlet's
    name form, optionally followed by generic words (للصحافة والنشر، الإعلامية…) or another form of
    the same outlet ("وكالة الأنباء الكويتية (كونا)").
    """
    for fp, oid in index.copyright:
        if fp and fp in chunk:
            return (oid,)
    tokens = [t for t in re.split(r"[\s\"()\[\].,:،;|/-]+", chunk) if t and not t.isdigit()]
    if not tokens:
        return ()
    variants = [tokens]
    first = tokens[0]
    if first.startswith("لل") and len(first) > 3:
        variants.append(["ال" + first[2:], *tokens[1:]])
    if first.startswith("ل") and len(first) > 2:
        variants.append([first[1:], *tokens[1:]])
    for toks in list(variants):
        while toks and toks[0] in _HOLDER_TYPES:
            toks = toks[1:]
            variants.append(toks)
    for toks in variants:
        for k in range(len(toks), 0, -1):
            ids = index.forms.get(" ".join(toks[:k]))
            if ids and all(t in _HOLDER_SUFFIXES or index.forms.get(t) == ids for t in toks[k:]):
                return ids
    return ()


def copyright_signals(lines: list[str], index: _Index) -> tuple[list[Signal], list[tuple[int, str]]]:
    """Copyright lines → outlet signals; a bare "© agency" (a photo credit) → wire credits instead."""
    signals: list[Signal] = []
    photo_credits: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        if not _RIGHTS_RAW.search(line):
            continue  # a quick test on the line as written before folding it
        s = norm(line)
        if not s or not _RIGHTS.search(s):
            continue
        rest = _RIGHTS.sub("|", s)
        rest = re.sub(r"\b(?:19|20)\d\d\b|\d+", " ", rest)
        for chunk in re.split(r"[|.]", rest):
            chunk = chunk.strip(" -،,:")
            if not chunk:
                continue
            ids = _holder_ids(chunk, index)
            if not ids:
                continue
            outlet_ids = tuple(x for x in ids if not _is_agency_id(x, index) or _EXPLICIT_RIGHTS.search(s))
            if outlet_ids:
                signals.append(Signal("copyright", outlet_ids, i, line.strip()))
            elif ids:
                photo_credits.append((i, ids[0]))
            break
    return signals, photo_credits


def _is_agency_id(oid: str, index: _Index) -> bool:
    return oid in index.agencies


# A web address starts where a host name starts, never inside one: the lookbehinds keep finditer
# from retrying the pattern at every letter of a long dotted run (which made it quadratic).
_URL = re.compile(r"(?<![a-z0-9-])(?<![a-z0-9-]\.)(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})"
                  r"(/[^\s\"'<>)]*)?", re.I)
_SOURCE_PREFIX = re.compile(r"^(?:المصدر|المصادر|مصدر|نقلا عن|نقلا|عن|source|via|من موقع|اقرا ايضا|اقرا المزيد)\b")


_HOST_RAW = re.compile(r"[A-Za-z0-9-]\.[A-Za-z]{2,}")


def domain_signals(lines: list[str], keep: list[bool], index: _Index) -> list[Signal]:
    """A web address of an outlet on a short line (site furniture, a signature), not one cited in a sentence."""
    signals: list[Signal] = []
    for i, line in enumerate(lines):
        if "." not in line or not _HOST_RAW.search(line):
            continue  # no web address: the usual paragraph, not folded at all
        if keep[i] and len(line.split()) > 12:
            continue
        if _SOURCE_PREFIX.match(norm(line)):
            continue
        for m in _URL.finditer(line.lower()):
            host, path = m.group(1), m.group(2) or ""
            for dhost, dpath, oid in index.domains:
                if (host == dhost or host.endswith("." + dhost)) and path.startswith(dpath):
                    signals.append(Signal("domain", (oid,), i, line.strip()))
                    break
    return signals


_SEP = r"[-:،,/]"
_LEAD = re.compile(rf"^(?P<lead>[^-:،,/()\"]{{2,45}}?)\s*{_SEP}+\s*")
_LEAD_PAREN = re.compile(r"^(?P<lead>[^-:/()\"]{0,45}?)\s*\(")
_AFTER_NAME = re.compile(r"\s*[\")]?\s*(?:$|[-:.،,/])")


# Words that make the text before a bracket a sentence, not a dateline: "وقالت وكالة الأنباء (واس)".
_LEAD_STOP = {fold(w) for w in """
قال قالت ذكر ذكرت نقل نقلت افاد افادت اعلن اعلنت اكد اكدت اوضح اوضحت اضاف اضافت كشف كشفت نشر نشرت
بث بثت وكاله صحيفه قناه موقع شبكه حسب بحسب وفق وفقا نقلا عن مع في من على الى ان إن أن
""".split()}


def _lead_ok(lead: str) -> bool:
    """The text before a dateline's separator: a place (and date), 1 to 5 words, not a sentence."""
    words = lead.split()
    if not 1 <= len(words) <= 5:
        return False
    return not any(w in _LEAD_STOP or (w[:1] in "وف" and w[1:] in _LEAD_STOP) for w in words)


def _name_at(s: str, pos: int, index: _Index, quoted: bool = True) -> tuple[tuple[str, ...], int] | None:
    """The outlet name form starting at `pos` in normalised text `s`: (outlet ids, end) or None.

    With `quoted=False` a form that is also an ordinary word (الاتحاد، الشرق الأوسط) does not count.
    """
    if index.name_rx is None:
        return None
    m = index.name_rx.match(s, pos)
    if not m or (not quoted and m.group(0) in index.plain):
        return None
    return index.forms[m.group(0)], m.end()


def dateline_signals(lines: list[str], index: _Index) -> list[Signal]:
    """City + separator + outlet name at the start of a line ("لندن - «الشرق الأوسط»"), the outlet's
    own dateline forms, and the outlet-first form ("السومرية نيوز/ بغداد")."""
    signals: list[Signal] = []
    for i, line in enumerate(lines):
        s = norm(line)
        if not s or _SOURCE_PREFIX.match(s):
            continue
        found = False
        m = _LEAD.match(s)
        if m and _lead_ok(m.group("lead")) and s[m.end() - 1:m.end()] != "/" and "/" not in s[:m.end()]:
            pos = m.end()
            quoted = s.startswith('"', pos) or s.startswith("(", pos)
            hit = _name_at(s, pos + 1 if quoted else pos, index, quoted)
            if hit and _AFTER_NAME.match(s, hit[1]):
                signals.append(Signal("dateline", hit[0], i, line.strip()))
                found = True
        if not found:
            m = _LEAD_PAREN.match(s)
            if m and (not m.group("lead").strip() or _lead_ok(m.group("lead"))):
                hit = _name_at(s, m.end(), index)
                if hit and re.match(r"\s*\)\s*(?:[-:]|$)", s[hit[1]:]):
                    signals.append(Signal("dateline", hit[0], i, line.strip()))
                    found = True
        if not found:
            head = s[:70]
            for fp, oid in index.dateline:
                if fp and fp in head:
                    signals.append(Signal("dateline", (oid,), i, line.strip()))
                    found = True
                    break
        if not found:
            quoted = s.startswith('"')
            hit = _name_at(s, 1 if quoted else 0, index, quoted)
            # "<outlet> - …", "<outlet>/ بغداد", a brand line "<outlet>:"; not "<outlet>: …", a headline
            # quoting another outlet ("CNN: …")
            if hit and re.match(r'\s*"?\s*(?:[-/]\s*\S|:\s*$)', s[hit[1]:]):
                signals.append(Signal("outlet-first", hit[0], i, line.strip()))
                found = True
        if not found and " | " in s:
            ids = _page_title_brand(s, index)
            if ids:
                signals.append(Signal("page-title", ids, i, line.strip()))
    return signals


def _page_title_brand(s: str, index: _Index) -> tuple[str, ...] | None:
    """A saved page's title: "<headline> | <section> | <outlet>" with an optional trailing date.

    The first segment must read as a headline (4 words or more): a menu ("الرئيسية | الخليج") is not a
    page title.
    """
    segments = [seg.strip() for seg in s.split(" | ")]
    if len(segments) < 2 or len(segments[0].split()) < 4:
        return None
    if len(segments) > 2 and not re.search(r"[^\W\d_]", segments[-1]):  # a trailing date
        segments = segments[:-1]
    return index.forms.get(name_key(segments[-1]))


# An agency's own dateline: place, full date, then its credit with no separator before it
# ("تبوك 12 ذو القعدة 1436 هـ الموافق 27 اغسطس 2015 م واس"); a paper reprinting the copy writes
# "تبوك - واس" instead.
_AGENCY_DATELINE = re.compile(r"(?:19|20|14)\d\d\s*(?:م|هـ|ه)?\s+(?P<c>[^\d\-:()/]{2,20}?)\s*$")
HEAD_LINES = 5  # non-empty lines at the top where an agency's own dateline stands


def agency_dateline_signals(lines: list[str], index: _Index) -> list[Signal]:
    """The agency's own dateline at the top of its copy (see _AGENCY_DATELINE)."""
    signals: list[Signal] = []
    top = [i for i, ln in enumerate(lines) if ln.strip()][:HEAD_LINES]
    for i in top:
        s = norm(lines[i])
        if len(s) > 120:
            continue
        m = _AGENCY_DATELINE.search(s)
        credit = index.credits.get(m.group("c").strip()) if m else None
        if credit:
            signals.append(Signal("agency-dateline", (credit[0],), i, lines[i].strip()))
    return signals


SIGNOFF_LINES = 3  # a sign-off is looked for among the last lines of the page (a time stamp may follow)
SIGNOFF_MAX_CHARS = 60  # a sign-off line is short
_CLOSING = re.compile(r'^["(\[]\s*(?P<name>[^"()\[\]]+?)\s*[")\]]\s*\.{0,3}$')


def _last_nonempty(lines: list[str], keep: list[bool] | None = None) -> int | None:
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].strip() and (keep is None or keep[i]):
            return i
    return None


def closing_signals(lines: list[str], keep: list[bool], index: _Index) -> list[Signal]:
    """The last line (of the page, and of the kept text) is only a quoted outlet name; or one of the
    last lines of the page is an outlet's own sign-off ("// انتهى //" closes the Saudi Press Agency's
    copy, followed by its time stamp)."""
    signals: list[Signal] = []
    seen: set[int] = set()
    tail = [i for i in range(len(lines) - 1, -1, -1) if lines[i].strip()][:SIGNOFF_LINES]
    for i in tail:
        if len(lines[i]) > SIGNOFF_MAX_CHARS:
            continue
        key = name_key(norm(lines[i])).replace(" ", "")  # "// انتهى//" = "//انتهى//" = "// انتهى //"
        oid = index.signoff.get(key) or next((o for k, o in index.signoff.items() if key.startswith(k)), None)
        if oid:
            signals.append(Signal("signoff", (oid,), i, lines[i].strip()))
            seen.add(i)
            break
    for i in (_last_nonempty(lines, keep), _last_nonempty(lines)):
        if i is None or i in seen:
            continue
        seen.add(i)
        m = _CLOSING.match(norm(lines[i]))
        if m and name_key(m.group("name")) in index.forms:
            signals.append(Signal("closing", index.forms[name_key(m.group("name"))], i, lines[i].strip()))
    return signals


# "قال لـ«X»", "في تصريح لـ«X»": told to the outlet; the dative ل sits right on the quote.
_SPEECH = re.compile(
    r"(?<!\w)(?:[وف])?(?:قال|قالت|يقول|تقول|اكد|اكدت|يؤكد|صرح|صرحت|اوضح|اوضحت|كشف|كشفت|افاد|افادت|اضاف|اضافت"
    r"|اعلن|اعلنت|ذكر|ذكرت|تحدث|تحدثت|اشار|اشارت|شدد|شددت|لفت|لفتت|اعتبر|اعتبرت|نفى|نفت|روى|روت|اعرب|اعربت"
    r"|يضيف|يوضح|حديث|حديثه|حديثها|تصريح|تصريحات|تصريحه|تصريحها|مقابله|حوار|اتصال)(?!\w)")
_DATIVE_QUOTE = re.compile(r'(?<!\w)(?:ل|(?:في تصريح|في حديث|في اتصال|في مقابله)?\s*الي)\s*"')
# What follows a quote told to the outlet: "قال … لـ«X» إن …", "… لـ«X»، أن …", "لـ«X» أمس أن".
_TOLD_THAT = re.compile(r'\s*[،,]?\s*(?:ان|انه|انها|انهم|امس|اليوم|:)(?!\w)')
# The outlet as the subject of a verb of learning, reading or talking: "علمت «X»", "علمت مصادر «X»",
# "اطلعت على نصه «X»", "وتحدثت «X» مع …".
_SELF_SUBJECT = re.compile(
    r'(?<!\w)[وف]?(?:علمت(?:\s+مصادر)?|اطلعت(?:\s+\S+){0,3}?|تنفرد|انفردت|تلقت|تحدثت|التقت|حاورت|رصدت'
    r'|سالت|زارت)\s+"')


def self_mention_signals(lines: list[str], index: _Index) -> list[Signal]:
    signals: list[Signal] = []
    for i, line in enumerate(lines):
        if not any(q in line for q in ('"', "«", "»", "“", "”", "'")):
            continue
        s = norm(line)
        starts: list[int] = []
        for m in _DATIVE_QUOTE.finditer(s):
            before = s[max(0, m.start() - 120):m.start()]
            before = re.split(r"[.!?؟:]", before)[-1]
            hit = _name_at(s, m.end(), index)
            # a speech verb before it, "… إن/أن" after it, or the headline form 'مسؤول لـ«…»: …'
            if hit and s.startswith('"', hit[1]) and (
                    _SPEECH.search(before) or _TOLD_THAT.match(s, hit[1] + 1) or re.match(r'"\s*:', s[hit[1]:])):
                starts.append(m.end())
        starts += [m.end() for m in _SELF_SUBJECT.finditer(s)]
        for pos in starts:
            hit = _name_at(s, pos, index)
            if hit and s.startswith('"', hit[1]):
                ids = tuple(x for x in hit[0] if not _is_agency_id(x, index))
                if ids:
                    signals.append(Signal("self-mention", ids, i, line.strip()))
    return signals


def furniture_signals(lines: list[str], index: _Index) -> list[Signal]:
    signals: list[Signal] = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        compact = norm(line).replace(" ", "")
        for fp, oid in index.furniture:
            if fp in compact:
                signals.append(Signal("furniture", (oid,), i, line.strip()))
        for fp, oid in index.byline:
            if compact.startswith(fp):
                signals.append(Signal("byline-style", (oid,), i, line.strip()))
    return signals


def decide_outlet(signals: list[Signal], index: _Index, outlets: dict[str, Outlet] | None = None,
                  countries: frozenset[str] = frozenset()) -> tuple[str | None, Signal | None, list[str]]:
    """Pick the outlet from the signals: (outlet id, deciding signal, warnings).

    A name several outlets share (الوطن) counts for the one another signal supports, else for the one
    whose country (`outlets[id].country`) is among `countries`, the ISO codes of the places the
    article's bylines name ("جدة: الوطن" → the Saudi paper); otherwise it is left out with a warning.
    """
    warnings: list[str] = []
    support: dict[str, list[Signal]] = {}
    for sig in signals:
        if len(sig.ids) == 1:
            support.setdefault(sig.ids[0], []).append(sig)
    for sig in signals:
        if len(sig.ids) > 1:
            known = [x for x in sig.ids if x in support]
            local = [x for x in sig.ids if outlets and countries and outlets[x].country in countries]
            if len(known) == 1:
                support[known[0]].append(sig)
            elif not known and len(local) == 1:
                support[local[0]] = [sig]
            else:
                warnings.append(f"outlet name shared by several outlets ({', '.join(sig.ids)}), not used: "
                                f"{_short(sig.text)}")
    if not support:
        return None, None, warnings
    ranked = sorted(support.items(), key=lambda kv: (-max(s.strength for s in kv[1]), -len(kv[1]), kv[0]))
    best_id, best_sigs = ranked[0]
    best = max(best_sigs, key=lambda s: (s.strength, -s.line))
    if best.strength < MIN_STRENGTH:
        return None, None, warnings
    for other_id, other_sigs in ranked[1:]:
        other = max(other_sigs, key=lambda s: (s.strength, -s.line))
        if other.strength >= MIN_STRENGTH and other.strength == best.strength:
            warnings.append(f"conflicting outlet signals: {best_id} ({best.kind}) and {other_id} ({other.kind});"
                            " outlet left empty")
            return None, None, warnings
        if other.strength >= MIN_STRENGTH:
            warnings.append(f"weaker outlet signal ignored: {other_id} ({other.kind}: {_short(other.text)})")
    return best_id, best, warnings


def _short(text: str, n: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


# ---- wire -------------------------------------------------------------------------------------

_CREDIT_PREFIX = re.compile(r"^(?:المصدر|المصادر|مصدر|source|الصوره|صوره|تصوير|photo|©)\s*[:\-]?\s*")
_CREDIT_JOIN = re.compile(r'[\s()"/\[\]،,&+\-.]*')


def _credits_in(s: str, index: _Index) -> list[tuple[int, str, bool]] | None:
    """If `s` is made only of credits (and separators), return [(pos, agency id, counts alone)]."""
    if index.credit_rx is None:
        return None
    out: list[tuple[int, str, bool]] = []
    pos = 0
    while True:
        j = _CREDIT_JOIN.match(s, pos)
        pos = j.end() if j else pos
        if pos >= len(s):
            return out or None
        if s.startswith("وكالات", pos):
            pos += len("وكالات")
            continue
        m = index.credit_rx.match(s, pos)
        if not m and s.startswith("و", pos):  # "رويترز وأ ف ب"
            m = index.credit_rx.match(s, pos + 1) or index.credit_rx.match(s, pos + 2)
        if not m:
            return None
        oid, alone = index.credits[m.group(0)]
        out.append((m.start(), oid, alone))
        pos = m.end()


def wire_credits(
    lines: list[str], index: _Index, extra: Sequence[tuple[int, str]] = ()
) -> list[tuple[int, int, str]]:
    """All wire credits as (line, position, agency id)."""
    found: list[tuple[int, int, str]] = [(i, 0, oid) for i, oid in extra]
    if index.credit_rx is None:
        return found
    for i, line in enumerate(lines):
        s = norm(line)
        if not s:
            continue
        # a line made only of credits
        body = _CREDIT_PREFIX.sub("", s)
        prefixed = body != s
        credits = _credits_in(body, index) if len(body) <= 80 else None
        if credits:
            bracketed = bool(re.search(r"[()/\[\]]", body))
            for pos, oid, alone in credits:
                if alone or prefixed or bracketed or len(credits) > 1:
                    found.append((i, pos, oid))
            continue
        # dateline credits: "بيروت (أ ف ب) -", "القاهرة /أ ش أ/", "الرياض - واس", "(رويترز) -"
        m = re.match(r"^(?P<lead>[^()/\"\-:]{0,50}?)\s*(?P<open>[(/])\s*(?P<c>[^()/]{1,40}?)\s*[)/]", s)
        if m and (not m.group("lead").strip() or _lead_ok(m.group("lead"))):
            credits = _credits_in(m.group("c"), index)
            if credits:
                found += [(i, m.start("c") + p, oid) for p, oid, _ in credits]
                continue
        m = _LEAD.match(s)
        if m and _lead_ok(m.group("lead")):
            c = index.credit_rx.match(s, m.end())
            if c and re.match(r"\s*(?:$|[-:.،,)])", s[c.end():]):
                found.append((i, c.start(), index.credits[c.group(0)][0]))
                continue
        # a parenthesised credit closing the line: "… الأسبوع الماضي. (رويترز)"
        m = re.search(r"[(/]\s*(?P<c>[^()/]{1,40}?)\s*[)/]\s*\.?$", s)
        if m:
            credits = _credits_in(m.group("c"), index)
            if credits:
                found += [(i, m.start("c") + p, oid) for p, oid, _ in credits]
    return found


# ---- author -----------------------------------------------------------------------------------

_AR_WORD = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u064B-\u0652\u0670\u0640]+")
_CONNECTORS = {"بن", "ابن", "بنت", "ابو", "ابي", "عبد", "ال", "ام", "ولد"}
_HONORIFICS = {"الكاتب", "الكاتبه", "الصحفي", "الصحفيه", "الصحافي", "الصحافيه", "الزميل", "الزميله",
               "الدكتور", "الدكتوره", "د", "الاستاذ", "الاستاذه", "أ", "ا", "الاعلامي", "الاعلاميه",
               "المهندس", "م", "الشيخ", "بقلم", "كتب", "كتبت"}
_NOT_NAME_WORDS = set("""
في من على الى الي عن مع ان او ثم كما لا لم لن ما هل قد وقد تم يتم هذا هذه ذلك تلك التي الذي الذين هو هي هم
كان كانت يكون عبر حول بعد قبل منذ خلال ضد بين عند لدى حتى اذا اليوم امس غدا الان ايضا فقط جدا كل بعض غير
قال قالت يقول تقول اكد اكدت اعلن اعلنت اضاف اضافت اشار اشارت ذكر ذكرت كشف كشفت افاد افادت اوضح اوضحت
الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت صباح مساء
يناير فبراير مارس ابريل مايو يونيو يوليو اغسطس سبتمبر اكتوبر نوفمبر ديسمبر يونيه يوليه
كانون شباط اذار نيسان ايار حزيران تموز اب ايلول تشرين
وكاله صحيفه جريده موقع قناه شبكه مركز وزاره وزير وزيره حزب هيئه مجلس فريق قسم تحرير التحرير المحرر محرر
مكتب اداره مؤسسه منظمه جمعيه شركه جامعه نيوز مراسل مراسلنا مراسله مراسلو مندوب وكالات خاص الخاص بوابه
اخبار الاخبار نت تقرير الرئيس رئيس الامين المتحدث متحدث مصدر مصادر مسؤول مسؤولون السيد السيده الملك الامير
الشيخ النائب الحكومه الجيش الشرطه القوات الدوله الولايات المتحده الامم العالم المنطقه البلاد دقائق دقيقه
ساعه ساعات اعلان فيديو صور صوره شارك مشاركه تابعونا اقرا المزيد الرئيسيه الصفحه المحتوى الاخباريه
الوزير الوزيره المسؤول المتحدث الناطق السفير النائب القائد الجنرال العقيد اللواء العميد المدير المحافظ
الامين الحاكم العاهل ولي رئيسه مديره حرب ازمه قضيه ملف تقرير حوار مقال مقالات راي اراء عاجل
""".split())
# compared folded; "علي" (the name) folds like "على" (on), so only the written "على" is refused
_NOT_NAME = {fold(w) for w in _NOT_NAME_WORDS} - {"علي"}
_BYLINE = re.compile(
    r"^\s*(?P<mark>بقلم|كتب|كتبت|كتبه|كتبها|نص|إعداد|اعداد|تقرير|تحرير)\s*(?P<sep>[:：\-–—]|\s)\s*(?P<rest>.+)$")
_WRITES = re.compile(r"^\s*(?P<name>[^:،,.\d]{3,50}?)\s+(?:يكتب|تكتب)\s*:")
_NEEDS_SEP = {"نص", "تقرير", "تحرير", "إعداد", "اعداد"}
_REPORT_VERBS = set("""
قال قالت اعلن اعلنت اكد اكدت كشف كشفت افاد افادت ذكر ذكرت اشار اشارت نفى نفت دعا دعت بحث بحثت
اعرب اعربت شدد شددت طالب طالبت حذر حذرت رفض رفضت وافق وافقت اعتبر اعتبرت راى رات قرر قررت اصدر اصدرت
اجرى اجرت التقى استقبل استقبلت تلقى تلقت وصل وصلت شهد شهدت تشهد يشهد انطلقت انطلق اختتم اختتمت افتتح
افتتحت نشر نشرت اتهم اتهمت اوضح اوضحت صرح صرحت تواصل يواصل تواصلت
""".split())


def _clean_name(raw: str, allow_article_first: bool = True) -> str | None:
    """Return the personal name in `raw` (as written, trailing punctuation stripped) or None."""
    raw = raw.strip().strip(".,،:;؛-–—|/\"'«»()[] ")
    tokens = [t.strip(".,،:;؛\"'«»()") for t in raw.split()]
    tokens = [t for t in tokens if t]
    while tokens and fold(tokens[0]).rstrip(".") in _HONORIFICS:
        tokens = tokens[1:]
    folded = [fold(t) for t in tokens]
    if not 2 <= len([f for f in folded if f not in _CONNECTORS]) <= 4 or len(tokens) > 7:
        return None
    if not all(_AR_WORD.fullmatch(t) for t in tokens):
        return None
    if any(f in _NOT_NAME or t in _NOT_NAME_WORDS for f, t in zip(folded, tokens)):
        return None
    if not allow_article_first and folded[0].startswith("ال"):
        return None
    if folded[-1] in _CONNECTORS:
        return None
    return " ".join(tokens)


def _not_outlet(name: str, index: _Index) -> bool:
    if index.name_rx is None:
        return True
    return not index.name_rx.search(name_key(name))


def _name_from(rest: str, index: _Index, allow_article_first: bool = True) -> str | None:
    part = re.split(r"[-–—:|/(،,\d]|\s[-–—]\s", rest, maxsplit=1)[0]
    name = _clean_name(part, allow_article_first)
    if name and _not_outlet(name, index):
        return name
    return None


def find_author(lines: list[str], keep: list[bool], title_index: int | None, index: _Index,
                given_names: frozenset[str] = frozenset()) -> str | None:
    """The byline's personal name (see the module docstring for the forms), or None."""
    candidates = [i for i, ln in enumerate(lines) if ln.strip() and i != title_index]
    # 1. explicit byline markers, anywhere
    for i in candidates:
        m = _WRITES.match(lines[i])
        if m:  # "خالد محمود يكتب: …"
            name = _clean_name(m.group("name"), allow_article_first=False)
            if name and _not_outlet(name, index):
                return name
        m = _BYLINE.match(lines[i])
        if not m:
            continue
        mark, sep, rest = m.group("mark"), m.group("sep"), m.group("rest")
        if sep.isspace():
            if mark in _NEEDS_SEP:
                continue
            # "كتبت سارة محمد": without a colon the line must be the byline alone
            name = _clean_name(rest, allow_article_first=False)
            if name and _not_outlet(name, index) and len(rest.split()) <= 5:
                return name
            continue
        name = _name_from(rest, index)
        if name:
            return name
    # the top of the page: up to the first long paragraph
    top: list[int] = []
    for i in candidates:
        top.append(i)
        if keep[i] and len(lines[i].split()) >= 15:
            break
    # 2. "<outlet> - X" and "X - <city>" lines
    for i in top:
        s = norm(lines[i])
        hit = _name_at(s, 1 if s.startswith('"') else 0, index)
        if hit:
            tail = re.match(r'\s*"?\s*[-/]\s*(?P<rest>[^-:،,/()"]+?)\s*$', s[hit[1]:])
            if tail:
                original = re.split(r"\s*[-–—/ـ]\s*", lines[i].strip(), maxsplit=1)
                if len(original) == 2:
                    name = _clean_name(original[1], allow_article_first=False)
                    if name and _not_outlet(name, index):
                        return name
            continue
        parts = re.split(r"\s+[-–—ـ]\s+|\s*[–—]\s*", lines[i].strip())
        if (len(parts) == 2 and len(parts[1].split()) == 1 and 2 <= len(parts[0].split()) <= 4
                and fold(parts[0].split()[0]) in given_names):
            name = _clean_name(parts[0], allow_article_first=False)
            if name and _not_outlet(name, index) and _AR_WORD.fullmatch(parts[1].strip(".:")):
                return name
    # 3. a header line that is only a personal name starting with a known given name
    for i in top[:-1]:
        line = lines[i].strip()
        if not 2 <= len(line.split()) <= 4 or re.search(r"[^\w\s]", line):
            continue
        folded = [fold(t) for t in line.split()]
        if folded[0] in given_names and not any(re.match(r"(?:لل|بال|وال|فال|كال)", f) for f in folded[1:]):
            name = _clean_name(line, allow_article_first=False)
            if name and _not_outlet(name, index):
                return name
    # 4. "X: قال …" opening the first body paragraphs
    body = [i for i in candidates if keep[i] and len(lines[i].split()) >= 6][:2]
    for i in body:
        m = re.match(r"^\s*(?P<name>[^:،,.\d]{3,60}?)\s*(?:من\s+\S+\s*)?:\s*(?P<verb>\S+)", lines[i])
        if not m:
            continue
        verb = fold(m.group("verb")).strip(".,،")
        if verb[:1] in "وف" and verb[1:] in _REPORT_VERBS:
            verb = verb[1:]
        if verb in _REPORT_VERBS:
            name = _clean_name(m.group("name"), allow_article_first=False)
            if name and _not_outlet(name, index):
                return name
    return None


def _byline_countries(bylines: "list[Byline]") -> frozenset[str]:
    """ISO codes of the places the bylines name (the `places` lexicon's country sections)."""
    if not bylines or not lexicons.exists("places"):
        return frozenset()
    table = lexicons.countries("places")
    return frozenset(c for b in bylines for p in b.places if (c := table.get(" ".join(fold(p).split()))))


_QUOTED = re.compile(r'[«"“]([^«»"“”\n]{2,40})[»"”]')


def quoted_outlet_mentions(text: str, registry: Registry, plain_only: bool = True) -> list[tuple[int, int]]:
    """Spans of quoted outlet names («عكاظ»، «الشرق الأوسط»); with `plain_only`, only those that are
    also ordinary words or places (الشرق الأوسط، الرياض، اليوم). Entity matching leaves the plain ones
    out, and no place is taken from any of them, so that the paper is not taken for the region, the
    city or the old market of the same name. The article's text itself is not changed."""
    index = registry.index
    if not any(q in text for q in '«"“'):
        return []
    wanted = index.plain if plain_only else index.forms
    return [(m.start(1), m.end(1)) for m in _QUOTED.finditer(text) if name_key(m.group(1)) in wanted]


# ---- detect -----------------------------------------------------------------------------------


def detect(lines: list[str], keep: list[bool], title_index: int | None, registry: Registry,
           header: "Header | None" = None) -> Attribution:
    """Outlet, wire and author of one article (see the module docstring).

    `header` is what `byline.read_header` found at the top: its bylines are the first evidence of
    the author, and an outlet or agency they name is a credit like a dateline's.
    """
    index = registry.index
    keep = list(keep) + [False] * (len(lines) - len(keep))
    bylines = header.bylines if header else []
    byline_lines = {b.line for b in bylines}
    copy_signals, photo_credits = copyright_signals(lines, index)
    signals = [
        *copy_signals,
        *domain_signals(lines, keep, index),
        *[Signal("byline", ids, b.line, b.text) for b in bylines for ids in b.outlets],
        *[sig for sig in dateline_signals(lines, index) if sig.line not in byline_lines],
        *closing_signals(lines, keep, index),
        *agency_dateline_signals(lines, index),
        *self_mention_signals(lines, index),
        *furniture_signals(lines, index),
    ]
    # An agency's name in a dateline, closing line or self-mention is a credit, not the page's owner.
    outlet_signals: list[Signal] = []
    for sig in signals:
        if sig.kind in ("copyright", "domain", "signoff", "agency-dateline"):  # an agency's own page
            outlet_signals.append(sig)
            continue
        ids = tuple(x for x in sig.ids if not _is_agency_id(x, index))
        if ids:
            outlet_signals.append(Signal(sig.kind, ids, sig.line, sig.text))
    outlet_id, deciding, warnings = decide_outlet(outlet_signals, index, registry.outlets, _byline_countries(bylines))
    att = Attribution(warnings=warnings)
    if outlet_id is not None and deciding is not None:
        o = registry.outlets[outlet_id]
        att.outlet = OutletRef(o.id, o.name)
        att.evidence = f"{deciding.kind}: {_short(deciding.text)}"

    seen: set[str] = set()
    extra = photo_credits + [(b.line, oid) for b in bylines for oid in b.agencies]
    for _, _, oid in sorted(wire_credits(lines, index, extra)):
        if oid == outlet_id or oid in seen:
            continue
        seen.add(oid)
        att.wire.append(registry.outlets[oid].wire_name or registry.outlets[oid].name)

    people = header.people if header else []
    if people:
        att.author = "، ".join(people)
    else:
        att.author = find_author(lines, keep, title_index, index, registry.given_names)
    return att
