"""Measure extraction against a labelled development set: `make eval` / `python -m generator.evaluate DIR`.

DIR holds `labels.yaml` and `articles/NAME.txt`. Prints, per file and in total: date accuracy (a
missing date is right only when the label has none), outlet accuracy (null is right only when the
label has none; wrong outlets are counted apart, since a wrong outlet is worse than none), author
accuracy, and entity precision / recall / F1 over people, places and organisations. Labels in
`other_entities` are neutral (neither rewarded nor punished); `chrome_entities` (names in page
furniture only) count as false positives when extracted.
"""
from __future__ import annotations

import argparse
import html
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.arabic import fold
from generator.model import Article
from generator.context import publish_found
from generator.pipeline import SiteConfig, extract_file, load_site_config

_QUOTES = re.compile(r"[\"'«»“”‘’()]")
_PREFIX = re.compile(r"^(?:و|ف)?(?:ب|ل|ك)?(?=ال)|^(?:و|ف)?(?:ب|ل|ك)(?=[^ا])")


def norm_name(name: str) -> str:
    """Comparison form of a name: folded, no quotes, single spaces."""
    return " ".join(_QUOTES.sub(" ", fold(name)).split())


TYPES = ("person", "place", "organization")
GOLD_TYPES = (("people", "person"), ("places", "place"), ("organizations", "organization"))

# "وكالات" (agencies, unnamed) is labelled as a credit but names no agency the registry could hold.
GENERIC_WIRE = {norm_name("وكالات"), norm_name("الوكالات")}


def same_text(a: str, b: str) -> bool:
    """Equal after folding and collapsing spaces (a title must be the headline, word for word)."""
    return " ".join(fold(a).split()) == " ".join(fold(b).split())


def name_key(name: str) -> str:
    """Comparison form of a personal name: `norm_name` without spaces (عبد الله = عبدالله)."""
    return norm_name(name).replace(" ", "")


def split_authors(author: str | None) -> list[str]:
    """An article's `author` field as a list of names (several are joined by "، ")."""
    return [a.strip() for a in (author or "").split("،") if a.strip()]


def _variants(name: str) -> set[str]:
    base = norm_name(name)
    out = {base}
    if base.startswith("ال") and len(base) > 4:
        out.add(base[2:])
    return out


def _flatten(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [x for v in value.values() for x in _flatten(v)]
    if isinstance(value, list):
        return [x for v in value for x in _flatten(v)]
    return [value] if isinstance(value, str) else []


@dataclass
class Score:
    files: int = 0
    date_ok: int = 0
    date_wrong: int = 0  # a date was given and it is not the labelled one
    outlet_ok: int = 0
    outlet_wrong: int = 0  # an outlet was given and it is not the labelled one
    outlet_missing: int = 0  # no outlet given where the text names one
    author_ok: int = 0
    author_wrong: int = 0  # an author was given and it is not the labelled one
    author_missing: int = 0  # no author given where the label has one
    title_ok: int = 0
    wire_gold: int = 0  # agencies in the labels
    wire_found: int = 0  # of those, listed in `wire`
    wire_extra: int = 0  # listed in `wire` but not labelled
    dates_given: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    rows: list[str] = field(default_factory=list)
    # per type: gold, found (gold of the type matched by a name of the type), given, right
    by_type: dict[str, Counter[str]] = field(default_factory=lambda: {t: Counter() for t in TYPES})
    # per source (gazetteer, recogniser): names given, and how many match a labelled name
    by_source: dict[str, Counter[str]] = field(
        default_factory=lambda: {s: Counter() for s in ("gazetteer", "recogniser")})

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def _outlet_names(art: Article, cfg: SiteConfig) -> set[str]:
    if art.outlet is None:
        return set()
    names = {norm_name(art.outlet.name)}
    outlet = cfg.registry.outlets.get(art.outlet.id)
    for attr in ("name_latin", "aliases"):
        value = getattr(outlet, attr, None) if outlet else None
        names |= {norm_name(v) for v in _flatten(value)}
    return names


def score_one(art: Article, label: dict[str, Any], cfg: SiteConfig, score: Score, name: str) -> None:
    score.files += 1
    gold_date = label.get("date")
    gold_date = str(gold_date) if gold_date else None
    score.dates_given += art.date is not None
    gold_title = label.get("title")
    # no headline in the excerpt: a title derived from the first sentence is the right answer
    if (gold_title is None and art.title_derived) or (gold_title is not None and same_text(art.title, str(gold_title))):
        score.title_ok += 1
    if art.date == gold_date:
        score.date_ok += 1
    elif art.date is not None:
        score.date_wrong += 1

    gold_outlets = {norm_name(x) for x in _flatten([label.get("outlet"), label.get("outlet_acceptable")])}
    # "not-in-text" / "url-only": the text never names its outlet, so no outlet is right (and so is
    # the labelled one, should some evidence have been found)
    unnamed = str(label.get("outlet_evidence") or "").startswith(("not-in-text", "url-only"))
    got = _outlet_names(art, cfg)
    if (not got and (not gold_outlets or unnamed)) or (got & gold_outlets):
        score.outlet_ok += 1
    elif got:
        score.outlet_wrong += 1
    else:
        score.outlet_missing += 1

    gold_author = label.get("author")
    gold_set = {name_key(a) for a in _flatten(gold_author)}
    got_set = {name_key(a) for a in split_authors(art.author)}
    if gold_set == got_set or (got_set and got_set <= gold_set):  # one name of several is right
        score.author_ok += 1
    elif got_set:
        score.author_wrong += 1
    else:
        score.author_missing += 1

    if "wire" in label:
        gold_wire = {norm_name(w) for w in _flatten(label.get("wire")) if norm_name(w) not in GENERIC_WIRE}
        got_wire = {norm_name(w) for w in art.wire}
        score.wire_gold += len(gold_wire)
        score.wire_found += len(gold_wire & got_wire)
        score.wire_extra += len(got_wire - gold_wire)

    gold = [(g, t) for key, t in GOLD_TYPES for g in _flatten(label.get(key))]
    aliases = label.get("aliases") if isinstance(label.get("aliases"), dict) else {}
    neutral = {v for x in _flatten(label.get("other_entities")) for v in _variants(x)}
    predicted = [e for e in art.entities if e.type in TYPES]
    forms = [{v for s in [e.name, *e.surfaces] for v in _variants(s)} for e in predicted]
    matched_pred: set[int] = set()
    typed_ok: set[int] = set()
    missed: list[str] = []
    for g, gtype in gold:
        gv = {v for x in [g, *_flatten(aliases.get(g))] for v in _variants(x)}
        hit = [i for i, f in enumerate(forms) if f & gv]
        score.by_type[gtype]["gold"] += 1
        if hit:
            score.tp += 1
            matched_pred.update(hit)
            same = [i for i in hit if predicted[i].type == gtype]
            typed_ok.update(same)
            if same:
                score.by_type[gtype]["found"] += 1
        else:
            score.fn += 1
            missed.append(g)
    false = [predicted[i].name for i, f in enumerate(forms) if i not in matched_pred and not (f & neutral)]
    score.fp += len(false)
    for i, e in enumerate(predicted):
        if i in matched_pred or not (forms[i] & neutral):
            score.by_type[e.type]["given"] += 1
            score.by_type[e.type]["right"] += i in typed_ok
            src = score.by_source["recogniser" if e.found else "gazetteer"]
            src["given"] += 1
            src["right"] += i in matched_pred
    score.rows.append(
        f"{name}: date {art.date} (gold {gold_date}) | outlet {art.outlet.name if art.outlet else None}"
        f" (gold {label.get('outlet')}) | author {art.author} (gold {gold_author})\n"
        f"    missed: {', '.join(missed) or '-'}\n    false: {', '.join(false) or '-'}"
    )


def evaluate(devset: Path, config_dir: Path) -> Score:
    cfg, problems = load_site_config(config_dir)
    for p in problems:
        print(f"config error: {p}", file=sys.stderr)
    labels = yaml.safe_load((devset / "labels.yaml").read_text(encoding="utf-8"))
    score = Score()
    for name in sorted(labels):
        result, _ = extract_file(devset / "articles" / name, cfg, name)
        if not isinstance(result, Article):
            score.files += 1
            score.rows.append(f"{name}: skipped ({result.reason})")
            continue
        score_one(result, labels[name], cfg, score, name)
    return score


# ---- whole real articles with their metadata (truth.jsonl) ------------------------------------------

# Byline pieces that name no person: a newsroom, a desk or an unnamed source.
_DESK_WORDS = {norm_name(w) for w in """وكالات الوكالات متابعة متابعات تقرير مكتب خاص عواصم المحرر محرر
    التحرير فريق قسم الإلكتروني الالكتروني الإلكترونية الالكترونية أونلاين اونلاين نت""".split()}
_BYLINE_SPLIT = re.compile(r"\s*(?:[-–—ـ:()،,/|]|&nbsp;|\s(?:من|في)\s)\s*")
_PHOTO = re.compile(r"(?<!\w)(?:تصوير|عدسة)(?!\w).*$")


def byline_people(byline: str | None, cfg: SiteConfig, places: frozenset[str]) -> list[str]:
    """The persons a printed byline names, for scoring (not for extraction).

    The byline is cut at separators (dash, colon, brackets, comma, "من"/"في") and at "و" between two
    names of two words or more; the photographer's credit (تصوير …) is dropped; a piece is a person
    when it has 2–6 Arabic words, none of them a newsroom word (وكالات، متابعة…), and it is neither an
    outlet or agency name (the registry) nor a place (the gazetteer and the places lexicon). The
    pieces are printed with `-v` so that a reader can check them.
    """
    if not byline:
        return []
    text = _PHOTO.sub("", byline)
    text = re.sub(r"(?<!\S)د\.\s*|\bالدكتور\s+", "", text)
    index = cfg.registry.index
    people: list[str] = []
    for piece in _BYLINE_SPLIT.split(text):
        piece = " ".join(_QUOTES.sub(" ", piece).split())
        parts = [piece]
        m = re.search(r"^(\S+\s+\S+.*?)\s+و(\S+\s+\S+.*)$", piece)
        if m:
            parts = [m.group(1), m.group(2)]
        for part in parts:
            while part.split() and norm_name(part.split()[-1]) in places and len(part.split()) > 2:
                part = part.rsplit(None, 1)[0]  # "دلشاد عبد الله  لندن"
            key = norm_name(part)
            words = key.split()
            if not 2 <= len(words) <= 6 or not all(_AR_LETTERS.fullmatch(w) for w in words):
                continue
            if any(w in _DESK_WORDS for w in words) or key in places or key in index.forms:
                continue
            if index.name_rx is not None and index.name_rx.fullmatch(key):
                continue
            people.append(part)
    return people


_AR_LETTERS = re.compile(r"[\u0621-\u064A]+")


@dataclass
class RealScore:
    files: int = 0
    title_ok: int = 0
    credited: int = 0  # articles whose text credits their own outlet
    outlet_ok: int = 0  # of the credited, the right outlet
    outlet_missing: int = 0  # of the credited, no outlet
    outlet_wrong: int = 0  # anywhere, an outlet that is not the publisher
    outlet_uncredited_given: int = 0  # right outlet given although the text does not credit it
    with_person: int = 0  # bylines naming a person
    author_ok: int = 0
    author_missing: int = 0
    author_wrong: int = 0
    without_person: int = 0
    author_invented: int = 0  # an author given where the byline names no person
    wire_gold: int = 0  # bylines crediting an agency
    wire_found: int = 0
    dates_given: int = 0
    dates_late: int = 0  # later than the crawl day: certainly wrong
    not_before_late: int = 0
    found_published: Counter[str] = field(default_factory=Counter)  # found names with a page, per type
    candidates: int = 0  # names offered to curators (build report)
    rows: list[str] = field(default_factory=list)


def _publisher(row: dict[str, Any], cfg: SiteConfig) -> str | None:
    """The registry id of the article's publisher: by the page's host, else by the outlet's name."""
    host = str(row.get("url") or "").split("/")[2:3]
    host = host[0].lower().removeprefix("www.") if host else ""
    for o in cfg.registry.outlets.values():
        if any(host == d or host.endswith("." + d) for d in o.domains):
            return o.id
    ids = cfg.registry.index.forms.get(norm_name(str(row.get("outlet") or "")))
    return ids[0] if ids and len(ids) == 1 else None


def credits_outlet(text: str, byline: str | None, outlet_id: str | None, cfg: SiteConfig) -> str | None:
    """How the article's text credits its own outlet, or None: its name in the byline (a name that
    is also an ordinary word or place, الرياض، المدينة، الوطن, only when it is not the byline's city,
    i.e. not the part before or after the name), a quoted form anywhere («عكاظ»), a name that is not
    an ordinary word anywhere (سبق، الميادين نت), its domain, or, for an agency, its credit ("… م واس")."""
    if outlet_id is None:
        return None
    o = cfg.registry.outlets[outlet_id]
    index = cfg.registry.index
    forms = {k for k, ids in index.forms.items() if outlet_id in ids}
    folded = " ".join(_QUOTES.sub(lambda m: ' " ', fold(text)).split())
    bare = " ".join(_QUOTES.sub(" ", fold(text)).split())
    quoted_byline = " ".join(_QUOTES.sub(lambda m: ' " ', fold(byline or "")).split())
    byline_parts = {norm_name(p) for p in _BYLINE_SPLIT.split(byline or "")}
    for f in sorted(forms):
        rx = re.compile(rf"(?<!\w){re.escape(f)}(?!\w)")
        if f in index.plain:
            # "الرياض: الوطن": the paper is the part that is not the city
            if re.search(rf'"\s*{re.escape(f)}\s*"', quoted_byline) or (
                    f in byline_parts and _plain_credit(f, byline_parts, cfg)):
                return f"byline: {byline}"
        elif rx.search(norm_name(byline or "")):
            return f"byline: {byline}"
        if re.search(rf'"\s*{re.escape(f)}\s*"', folded):
            return f'quoted: "{f}"'
        if f not in index.plain and len(f) > 2 and rx.search(bare):
            return f"named: {f}"
    return next((f"domain: {d}" for d in o.domains if d in text.lower()), None)


def _plain_credit(form: str, parts: set[str], cfg: SiteConfig) -> bool:
    """A plain outlet name among byline parts is the outlet when it is not a place or another part
    of the byline is the place ("اليوم - الرياض", "الرياض: الوطن")."""
    places = cfg.place_names
    if form not in places:
        return True
    return any(p != form and p in places for p in parts)


def evaluate_real(folder: Path, config_dir: Path) -> RealScore:
    """Score extraction on whole articles listed in `folder/truth.jsonl` (see ../shared/devset-real)."""
    import json

    cfg, problems = load_site_config(config_dir)
    for p in problems:
        print(f"config error: {p}", file=sys.stderr)
    places = cfg.place_names
    score = RealScore()
    arts: list[Article] = []
    for line in (folder / "truth.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        path = folder / "articles" / f"{row['id']}.txt"
        result, _ = extract_file(path, cfg, path.name)
        score.files += 1
        if not isinstance(result, Article):
            score.rows.append(f"{row['id']}: skipped ({result.reason})")
            continue
        art = result
        text = path.read_text(encoding="utf-8", errors="replace")
        notes: list[str] = []
        if same_text(art.title, html.unescape(row["title"])):  # the crawl kept "&quot;" in some titles
            score.title_ok += 1
        else:
            notes.append(f"title {art.title!r} (gold {row['title']!r})")
        pub = _publisher(row, cfg)
        credited = credits_outlet(text, row.get("byline"), pub, cfg)
        if credited:
            notes_credit = f"credited by {credited}"
        got = art.outlet.id if art.outlet else None
        if got is not None and got != pub:
            score.outlet_wrong += 1
            notes.append(f"WRONG outlet {got} (publisher {pub})")
        if credited:
            score.credited += 1
            if got == pub:
                score.outlet_ok += 1
            elif got is None:
                score.outlet_missing += 1
                notes.append(f"outlet missing ({notes_credit})")
        elif got == pub and got is not None:
            score.outlet_uncredited_given += 1
        people = byline_people(row.get("byline"), cfg, places)
        gold = {name_key(p) for p in people}
        given = {name_key(a) for a in split_authors(art.author)}
        if gold:
            score.with_person += 1
            if given and given <= gold:
                score.author_ok += 1
            elif given:
                score.author_wrong += 1
                notes.append(f"WRONG author {art.author!r} (byline {row.get('byline')!r} -> {people})")
            else:
                score.author_missing += 1
                notes.append(f"author missing (byline {row.get('byline')!r} -> {people})")
        else:
            score.without_person += 1
            if given:
                score.author_invented += 1
                notes.append(f"INVENTED author {art.author!r} (byline {row.get('byline')!r})")
        agencies = _agencies_in(row.get("byline"), cfg)
        if agencies and pub not in agencies:
            score.wire_gold += 1
            if any(cfg.registry.outlets[a].wire_name in art.wire for a in agencies):
                score.wire_found += 1
            else:
                notes.append(f"wire missing {agencies} (got {art.wire})")
        crawled = str(row.get("crawled") or "")
        if art.date:
            score.dates_given += 1
            if crawled and art.date > crawled:
                score.dates_late += 1
                notes.append(f"LATE date {art.date} (crawled {crawled})")
        if art.date_not_before and crawled and art.date_not_before > crawled:
            score.not_before_late += 1
            notes.append(f"LATE date_not_before {art.date_not_before} (crawled {crawled})")
        if notes:
            score.rows.append(f"{row['id']} [{pub}]: " + "\n    ".join(notes))
        arts.append(art)
    publish_found(arts)
    published = {e.id: e for a in arts for e in a.entities if e.found}
    score.found_published = Counter(e.type for e in published.values())
    score.candidates = len({(c.name, c.type_guess) for a in arts for c in a.candidates})
    return score


def _agencies_in(byline: str | None, cfg: SiteConfig) -> list[str]:
    """Agencies a byline credits ("واس - الرياض", "بيروت : رويترز"), as registry ids."""
    if not byline:
        return []
    index = cfg.registry.index
    found = []
    for piece in _BYLINE_SPLIT.split(byline):
        key = norm_name(piece)
        for oid in index.forms.get(key, ()):
            if oid in index.agencies and oid not in found:
                found.append(oid)
        if key in index.credits and index.credits[key][0] not in found:
            found.append(index.credits[key][0])
    return found


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} = {a / b:.2f}" if b else f"{a}/0"


def print_real(s: RealScore) -> None:
    print(f"articles              {s.files}")
    print(f"title = headline      {_pct(s.title_ok, s.files)}")
    print(f"outlet (credited)     right {_pct(s.outlet_ok, s.credited)}, missing {s.outlet_missing},"
          f" wrong anywhere {s.outlet_wrong}/{s.files}; right but uncredited {s.outlet_uncredited_given}")
    print(f"author (person)       right {_pct(s.author_ok, s.with_person)}, missing {s.author_missing},"
          f" wrong {s.author_wrong}")
    print(f"author (no person)    invented {_pct(s.author_invented, s.without_person)}")
    print(f"wire (agency bylines) {_pct(s.wire_found, s.wire_gold)}")
    print(f"dates                 given {s.dates_given}, later than the crawl day {s.dates_late},"
          f" date_not_before later than the crawl day {s.not_before_late}")
    found = ", ".join(f"{t} {s.found_published[t]}" for t in TYPES)
    print(f"found names published {sum(s.found_published.values())} ({found}); candidates {s.candidates}")


def print_labelled(s: Score) -> None:
    p, r, f = s.prf()
    print(f"files            {s.files}")
    print(f"title            {_pct(s.title_ok, s.files)}")
    print(f"dates            right {_pct(s.date_ok, s.files)}, given {s.dates_given}, wrong {s.date_wrong}")
    print(f"outlet           right {_pct(s.outlet_ok, s.files)}, missing {s.outlet_missing}, wrong {s.outlet_wrong}")
    print(f"author           right {_pct(s.author_ok, s.files)}, missing {s.author_missing}, wrong {s.author_wrong}")
    print(f"wire             found {_pct(s.wire_found, s.wire_gold)}, unlabelled agencies given {s.wire_extra}")
    print(f"entities         P {p:.2f}  R {r:.2f}  F1 {f:.2f}   (tp {s.tp}, fp {s.fp}, fn {s.fn})")
    for t in TYPES:
        c = s.by_type[t]
        tp_, tr_ = (c["right"] / c["given"] if c["given"] else 0.0), (c["found"] / c["gold"] if c["gold"] else 0.0)
        f1 = 2 * tp_ * tr_ / (tp_ + tr_) if tp_ + tr_ else 0.0
        print(f"  {t:<13}  P {tp_:.2f}  R {tr_:.2f}  F1 {f1:.2f}   (given {c['given']}, gold {c['gold']}; type must match)")
    for src, c in s.by_source.items():
        print(f"  from {src:<10} {c['given']} names, {_pct(c['right'], c['given'])} match a labelled name")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", type=Path, nargs="+",
                        help="a labelled set (labels.yaml) or a set of whole articles (truth.jsonl)")
    parser.add_argument("--config", type=Path, default=Path("site_config"))
    parser.add_argument("-v", "--verbose", action="store_true", help="print each file's differences")
    args = parser.parse_args(argv)
    status = 0
    for folder in args.folders:
        print(f"== {folder}")
        if (folder / "labels.yaml").is_file():
            s = evaluate(folder, args.config)
            if args.verbose:
                print("\n".join(s.rows))
            print_labelled(s)
        elif (folder / "truth.jsonl").is_file():
            real = evaluate_real(folder, args.config)
            if args.verbose:
                print("\n".join(real.rows))
            print_real(real)
        else:
            print(f"{folder}: no labels.yaml or truth.jsonl here", file=sys.stderr)
            status = 2
    return status


if __name__ == "__main__":
    sys.exit(main())
