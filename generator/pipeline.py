"""Read everything into a context first, then hand it to the writers (as Pelican does).

    load_site_config(config_dir) -> (SiteConfig, problems)
    extract_bytes(data, source, cfg) -> Article | Skipped      one article, pure apart from config
    extract_file(path, cfg, display) -> Article | Skipped
"""
from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from generator import byline, cleaner, dates, dates_ar, entities, outlets, reader, recognise, titles, topics
from generator import sidecar as side_module
from generator.config import Problem, escape_controls
from generator.ingest import mapping
from generator.model import Article, EntityHit
from generator.entities import normalise_form
from generator.urls import article_id, found_entity_id


SCAN_CHARS = 10_000  # characters of each line the attribution readers look at
TEXT_MAX = 1_000_000  # characters of one article; the rest is cut (a long feature is under 100,000)
TITLE_MAX = 300  # characters of a headline (as in a sidecar)
WORD_MAX = 40  # letters of a word the search index holds (generator.search.indexer.MAX_TERM)
_LONG_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_]{%d,}|(?<![0-9a-zA-Z])[0-9a-zA-Z]{%d,}" % (WORD_MAX + 1, WORD_MAX + 1))


@dataclass
class SiteConfig:
    config_dir: Path
    furniture: cleaner.Furniture
    registry: outlets.Registry
    gazetteer: entities.Gazetteer
    topics: dict[str, topics.Topic]
    curation: recognise.Curation = field(default_factory=recognise.Curation)
    exports: list[mapping.ExportMapping] = field(default_factory=list)  # site_config/exports.yml
    digits: str = dates_ar.WESTERN  # site_config/display.yml: how the pages write numbers

    @cached_property
    def place_names(self) -> frozenset[str]:
        """Folded place names bylines and datelines may hold: the gazetteer's places (names and
        aliases) and the `places` lexicon the package ships."""
        gazetteer = {entities.normalise_form(n) for e in self.gazetteer.entities.values()
                     if e.type == "place" for n in (e.name, *e.aliases)}
        return frozenset(gazetteer) | byline.lexicon_places()


@dataclass
class Skipped:
    """An input that did not become an article, and why (shown in the build report)."""

    source: str
    reason: str


def load_site_config(config_dir: Path) -> tuple[SiteConfig, list[Problem]]:
    """Load and validate every curated file; all problems are returned together."""
    problems: list[Problem] = []
    furniture, p = cleaner.load_furniture(config_dir)
    problems += p
    registry, p = outlets.load_registry(config_dir)
    problems += p
    gazetteer, p = entities.load_gazetteer(config_dir)
    problems += p
    topic_map, p = topics.load_topics(config_dir, gazetteer)
    problems += p
    curation, p = recognise.load_curation(config_dir, gazetteer)
    problems += p
    exports, p = mapping.load_mappings(config_dir, registry)
    problems += p
    digits, p = dates_ar.load_display(config_dir)
    problems += p
    return (SiteConfig(config_dir, furniture, registry, gazetteer, topic_map, curation, exports, digits),
            sorted(problems))


def extract_text(text: str, source: str, cfg: SiteConfig) -> Article:
    """Run the extraction stages over decoded text. Linear in the text's length whatever it holds:
    the attribution readers and the name finders see each line's first SCAN_CHARS characters (with a
    warning naming the line when one is longer). Never raises for any text."""
    art = Article(source=source)
    cleaned = cleaner.clean(text, cfg.furniture)
    full, keep = cleaned.lines, list(cleaned.keep)
    # The headline, dateline, byline and credit readers see each line's first SCAN_CHARS only (the
    # longest paragraph of real articles is far shorter), so no line costs them more than that.
    lines = [ln if len(ln) <= SCAN_CHARS else ln[:SCAN_CHARS] for ln in full]
    long_lines = [i for i, ln in enumerate(full) if len(ln) > SCAN_CHARS]
    if long_lines:
        more = f" (and {len(long_lines) - 1} more line(s))" if len(long_lines) > 1 else ""
        art.warnings.append(f"line {long_lines[0] + 1} is {len(full[long_lines[0]]):,} characters long{more}: "
                            f"its date, credits, names and topics were read in its first {SCAN_CHARS:,} characters only")
    header = byline.read_header(lines, cleaned.reasons, cfg.registry, cfg.place_names)
    for b in header.bylines:  # a byline is read for its credits, then kept out of the body
        keep[b.line] = False
    if header.headline is not None:
        keep[header.headline] = True
    title = titles.pick_title(lines, keep, header.headline)
    art.title, art.title_derived = title.title, title.derived
    if len(art.title) > TITLE_MAX:
        art.warnings.append(f"the headline is {len(art.title):,} characters long: "
                            f"only its first {TITLE_MAX} are shown")
        art.title = art.title[:TITLE_MAX].rstrip() + "…"

    found = dates.find_date(lines, keep, title.index)
    art.date, art.date_evidence, art.date_not_before = found.date, found.evidence, found.not_before
    art.warnings += found.warnings

    attribution = outlets.detect(lines, keep, title.index, cfg.registry, header)
    art.outlet, art.wire, art.author = attribution.outlet, attribution.wire, attribution.author
    art.warnings += attribution.warnings

    body_lines = [ln for i, (ln, k) in enumerate(zip(full, keep)) if k and i != title.index]
    art.body = "\n\n".join(body_lines)
    art.removed = [ln for ln, k in zip(full, keep) if ln and not k]

    long_word = _LONG_WORD.search(art.body) if len(max(art.body.split(), key=len, default="")) > WORD_MAX else None
    if long_word:
        art.warnings.append(f"a word of {len(long_word.group(0)):,} letters at character {long_word.start() + 1} "
                            f"of the text is longer than {WORD_MAX}: it is not indexed for search")
    searchable = art.title + "\n" + art.body
    # names and topics are read in each line's first SCAN_CHARS, like the attribution (the warning
    # above says so)
    scanned = mask(searchable, line_tails(searchable, SCAN_CHARS))
    matchable = mask(scanned, outlets.quoted_outlet_mentions(scanned, cfg.registry))
    quoted_outlets = outlets.quoted_outlet_mentions(scanned, cfg.registry, plain_only=False)
    found = recognise.recognise_all(matchable, cfg.gazetteer, cfg.place_names)
    if found.inside:  # a gazetteer name inside a longer found name is not an entity on its own
        matchable = mask(matchable, found.inside)
    # the article's own author (a byline repeated in the text) is not a name it reports on
    authors = {normalise_form(a).replace(" ", "") for a in (art.author or "").split("،") if a.strip()}
    reported = [f for f in recognise.apply_curation(found.found, cfg.curation, cfg.gazetteer)
                if not (f.type == "person" and f.key.replace(" ", "") in authors)
                and not (f.type == "place" and overlaps_any(quoted_outlets, f.start, f.end))]
    curated_hits = entities.find_entities(matchable, cfg.gazetteer)
    for a, b in found.extended:  # a gazetteer person named more fully: one more form of that entity
        fuller = " ".join(searchable[a:b].split())
        for hit in curated_hits:
            if hit.type == "person" and any(fuller.startswith(s) for s in hit.surfaces) and fuller not in hit.surfaces:
                hit.surfaces = sorted({*hit.surfaces, fuller})
    art.entities = merge_hits(curated_hits, found_hits(reported), cfg)
    art.candidates = []
    art.topics = topics.assign_topics(art.title, scanned[len(art.title) + 1:], art.entities, cfg.topics)
    return art


def line_tails(text: str, limit: int) -> list[tuple[int, int]]:
    """Spans of `text` beyond the first `limit` characters of each of its lines (empty when no line
    is longer), in order."""
    spans: list[tuple[int, int]] = []
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start > limit:
            spans.append((start + limit, end))
        start = end + 1
    return spans


def overlaps_any(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of `spans` ([a, b) pairs, sorted and not overlapping each
    other, as regex matches are): a binary search, so a text with many spans stays linear."""
    k = bisect.bisect_left(spans, (end,)) - 1
    return k >= 0 and spans[k][1] > start


def mask(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the characters of `spans` replaced by spaces (offsets unchanged)."""
    if not spans:
        return text
    parts: list[str] = []
    pos = 0
    for a, b in sorted(spans):  # slices, not a list of characters: a megabyte text stays cheap
        a, b = max(a, pos), min(b, len(text))
        if a >= b:
            continue
        parts += [text[pos:a], " " * (b - a)]
        pos = b
    parts.append(text[pos:])
    return "".join(parts)


def merge_hits(curated: list[EntityHit], found: list[EntityHit], cfg: SiteConfig) -> list[EntityHit]:
    """Gazetteer hits, then found ones; a found name a curator merged into a gazetteer entity adds to
    that entity's hit (its count and surfaces) instead of standing apart."""
    by_id = {h.id: h for h in curated}
    out = list(curated)
    for h in found:
        if h.found:
            out.append(h)
            continue
        known = by_id.get(h.id)
        if known is None:
            ent = cfg.gazetteer.entities[h.id]
            known = by_id[h.id] = EntityHit(ent.id, ent.name, ent.type, 0, [], h.first_offset)
            out.append(known)
        known.count += h.count
        known.first_offset = min(known.first_offset, h.first_offset)
        known.surfaces = sorted(set(known.surfaces) | set(h.surfaces))
    return sorted(out, key=lambda e: (e.found, e.id))


def found_hits(found: list[recognise.Found]) -> list[EntityHit]:
    """The recogniser's names as entity hits, one per (type, folded name), sorted by id; a name merged
    into a gazetteer entity becomes a hit of that entity (found=False)."""
    hits: dict[str, EntityHit] = {}
    surfaces: dict[str, set[str]] = {}
    for f in found:
        if f.entity is not None:
            eid = f.entity
            hit = hits.get(eid)
            if hit is None:
                hit = hits[eid] = EntityHit(eid, f.name, f.type, 0, [], f.start)
            hit.count += 1
            surfaces.setdefault(eid, set()).update([f.name, *f.surfaces])
            continue
        eid = found_entity_id(f.type, f.key)
        hit = hits.get(eid)
        if hit is None:
            hit = hits[eid] = EntityHit(eid, f.name, f.type, 0, [], f.start, found=True)
        hit.count += 1
        hit.strong = hit.strong or f.strong
        surfaces.setdefault(eid, set()).update([f.name, *f.surfaces])
    for eid, hit in hits.items():
        hit.surfaces = sorted(surfaces[eid])
    return [hits[k] for k in sorted(hits)]


def extract_bytes(data: bytes, source: str, cfg: SiteConfig) -> Article | Skipped:
    decoded = reader.decode(data)
    if decoded.text is None:
        return Skipped(source, decoded.warning or "not a text file")
    text, cut = decoded.text, None
    if len(text) > TEXT_MAX:
        end = text.rfind("\n", 0, TEXT_MAX)
        end = end if end > TEXT_MAX // 2 else TEXT_MAX
        cut = (f"the text is {len(text):,} characters long: only its first {end:,} were kept "
               f"(an article may have {TEXT_MAX:,})")
        text = text[:end]
    art = extract_text(text, source, cfg)
    art.encoding = decoded.encoding
    if cut:
        art.warnings.insert(0, cut)
    if decoded.warning:
        art.warnings.insert(0, decoded.warning)
    art.sha256 = hashlib.sha256(data).hexdigest()
    if not art.title and not art.body:
        return Skipped(source, "no article text (empty or only page furniture)")
    return art


BESIDE = object()  # extract_file's default sidecar: NAME.yml beside the file, when there is one
_UNDECODED = re.compile(r"[\udc80-\udcff]")


def extract_file(
    path: Path, cfg: SiteConfig, display: str | None = None, rel: str | None = None,
    sidecar: Any = BESIDE,
) -> tuple[Article | Skipped, list[Problem]]:
    """Extract one file and apply its sidecar. Returns (article or skipped, sidecar problems).

    `display` is the name shown to users ("corpus/x.txt"); `rel` is the path relative to the corpus
    folder, from which the article's permanent id is made (the file name when not given). `sidecar`
    is the sidecar's path, None for none, and by default NAME.yml beside NAME.txt when it exists.
    Never raises: an unreadable file is Skipped, a sidecar that cannot be used is a problem.
    """
    source = display or escape_controls(path.as_posix())
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Skipped(source, f"cannot read: {exc.strerror or exc}"), []
    result = extract_bytes(data, source, cfg)
    if isinstance(result, Article):
        result.id = article_id(rel or escape_controls(path.name))
        if _UNDECODED.search(str(path)):
            result.warnings.insert(0, "the file name is not valid UTF-8: each byte that is not is shown as \\xNN")
    problems: list[Problem] = []
    side = path.with_suffix(".yml") if sidecar is BESIDE else sidecar
    if isinstance(result, Article) and side is not None and side.is_file():
        side_display = str(Path(source).with_suffix(".yml").as_posix())
        try:
            overrides, problems = side_module.load_sidecar(side, side_display, cfg)
            if overrides is not None:
                side_module.apply_overrides(result, overrides, cfg)
        except Exception as exc:  # noqa: BLE001 - a sidecar never stops the build
            problems = [Problem(side_display, None, None,
                                f"cannot use this sidecar: {type(exc).__name__}: {escape_controls(str(exc))[:200]}")]
    return result, problems
