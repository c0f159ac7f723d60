"""Read everything first: every corpus file extracted, every curated file loaded, every
cross-reference (entity → articles, topic → articles, outlet → articles, related articles) computed,
before a single page is rendered (as Pelican does). Nothing here writes to disk.

    discover(corpus_dir, extensions) -> Survey         every entry: input, refused, ignored or problem
    load_context(corpus_dir, config_dir) -> Context
"""
from __future__ import annotations

import functools
import hashlib
import os
import pickle
import shutil
from concurrent.futures import ProcessPoolExecutor
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from generator.config import Problem, escape_controls
from generator.dates_ar import parse_iso
from generator.ingest import registry as ingest
from generator.ingest.base import InputNote, Unit
from generator.model import Article, Candidate
from generator.pipeline import BESIDE, SiteConfig, Skipped, extract_file, load_site_config
from generator.progress import track
from generator.reuse import Reuse, analyse
from generator.state import generator_digest
from generator.urls import Urls, resolve_clashes, safe_slug

RELATED_LIMIT = 5
NEIGHBOURS_PER_ENTITY = 40  # candidates for "related" taken around an article in each entity's list
RARE_ENTITIES = 8  # ... of its rarest entities (the most telling ones), more while candidates are few
BROAD_SHARE = 0.05  # an entity named in more than this share of the articles is broad (a country, a war) ...
BROAD_MIN = 3  # ... once it is named in more than this many articles


def specific_entities(entities: dict[str, EntityInfo], total: int) -> frozenset[str]:
    """The entities specific enough to relate two articles: named in at most BROAD_MIN articles,
    or in at most BROAD_SHARE of all `total` articles. A broad one (Iraq in an archive about Iraq)
    still adds to the score of an article that shares a specific one, but never relates two
    articles on its own."""
    limit = max(BROAD_MIN, BROAD_SHARE * total)
    return frozenset(eid for eid, info in entities.items() if len(info.articles) <= limit)


@dataclass
class Duplicate:
    source: str  # the input not built
    original: str  # the input whose page it would have repeated


@dataclass
class EntityInfo:
    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    latin: str = ""
    wikidata: str = ""
    description: str = ""
    curated: bool = True
    found: bool = False  # found by the recogniser, not reviewed by a curator
    mentions: int = 0
    articles: list[Article] = field(default_factory=list)  # newest first
    cooccurring: list[tuple[str, int]] = field(default_factory=list)  # (entity id, shared articles)

    @property
    def first_seen(self) -> str | None:
        dates = [a.date for a in self.articles if parse_iso(a.date)]
        return min(dates) if dates else None

    @property
    def last_seen(self) -> str | None:
        dates = [a.date for a in self.articles if parse_iso(a.date)]
        return max(dates) if dates else None


@dataclass
class TopicInfo:
    id: str
    name: str
    description: str = ""
    articles: list[Article] = field(default_factory=list)


@dataclass
class OutletInfo:
    id: str
    name: str
    name_latin: str = ""
    country: str = ""
    domains: list[str] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    top_entities: list[tuple[str, int]] = field(default_factory=list)  # (entity id, articles)


@dataclass
class Context:
    corpus_dir: Path
    config_dir: Path
    cfg: SiteConfig
    articles: list[Article]  # newest first, undated last
    skipped: list[Skipped]
    duplicates: list[Duplicate]
    problems: list[Problem]  # curated config and sidecars
    entities: dict[str, EntityInfo]
    topics: dict[str, TopicInfo]
    outlets: dict[str, OutletInfo]
    related: dict[str, list[Article]]  # article id → related articles
    urls: Urls
    ignored: list[Skipped] = field(default_factory=list)  # entries of the corpus that are no input
    inputs: list[InputNote] = field(default_factory=list)  # how each non-text input file was read
    reuse: Reuse = field(default_factory=Reuse)  # stories, versions of one text, shared quotations

    @property
    def warnings(self) -> int:
        return sum(len(a.warnings) for a in self.articles)


# ---- discovery -----------------------------------------------------------------------------------

def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
        return True
    except ValueError:
        return False


@dataclass
class Input:
    """One article to extract: its real path, its path relative to the corpus as shown to users
    (undecodable bytes and control characters escaped), and its sidecar (None when there is none
    or it was refused)."""

    path: Path
    rel: str
    sidecar: Path | None = None


@dataclass
class Survey:
    """Every entry under the corpus folder, each in exactly one list."""

    inputs: list[Input] = field(default_factory=list)
    refused: list[Skipped] = field(default_factory=list)  # not built: an article or sidecar refused
    ignored: list[Skipped] = field(default_factory=list)  # not an input: hidden, a kind not read
    problems: list[Problem] = field(default_factory=list)  # misnamed or orphaned sidecars


def _link_problem(p: Path, root: Path) -> str | None:
    """Why the file at `p` may not be read as an input (a link leading outside the corpus, a broken
    link, not a regular file), or None."""
    if p.is_symlink():
        target = p.resolve()
        if not _inside(target, root):
            return "symbolic link pointing outside the corpus (refused)"
        if not target.exists():
            return "broken symbolic link"
    if not p.is_file():
        return "not a regular file (refused)"
    return None


# Input kinds that take a sidecar NAME.yml beside them (the others carry their own metadata).
SIDECAR_KINDS = ("text", "html")


def discover(corpus_dir: Path, extensions: tuple[str, ...] = (".txt",)) -> Survey:
    """Survey `corpus_dir`: every file whose name ends with one of `extensions` (any case, any folder
    depth) is an input, sorted by its relative path, with its sidecar `NAME.yml` when its kind takes
    one (`SIDECAR_KINDS`); every other entry is refused, ignored or a problem, with the reason. Symbolic links leading outside the corpus are refused, articles and sidecars alike;
    hidden files and folders are ignored (and listed); a `NAME.yaml` or a sidecar without its
    article is a problem. Names are shown with `escape_controls` (a byte that is not UTF-8 as \\xNN)."""
    root = corpus_dir.resolve()
    out = Survey()
    display_root = escape_controls(corpus_dir.as_posix().rstrip("/"))

    def shown(p: Path) -> str:
        return f"{display_root}/{escape_controls(p.relative_to(corpus_dir).as_posix())}"

    def unreadable(err: OSError) -> None:
        name = Path(err.filename or corpus_dir)
        try:
            where = shown(name)
        except ValueError:
            where = escape_controls(name.as_posix())
        out.refused.append(Skipped(where, f"cannot read folder: {err.strerror or err}"))

    for dirpath, dirnames, filenames in os.walk(corpus_dir, onerror=unreadable, followlinks=False):
        here = Path(dirpath)
        keep_dirs = []
        for d in sorted(dirnames):
            p = here / d
            if d.startswith("."):
                out.ignored.append(Skipped(shown(p), "hidden folder: its files are not read"))
            elif p.is_symlink():
                if not _inside(p.resolve(), root):
                    out.refused.append(Skipped(shown(p), "symbolic link to a folder outside the corpus (refused)"))
                else:  # its files are found where they really are
                    out.ignored.append(Skipped(shown(p), "symbolic link to a folder inside the corpus: "
                                                         "its files are read where they are"))
            else:
                keep_dirs.append(d)
        dirnames[:] = keep_dirs
        names = set(filenames)
        articles = {n for n in names if n.lower().endswith(extensions) and not n.startswith(".")}
        takes_sidecar = {n for n in articles if (ingest.kind_of(n) or "text") in SIDECAR_KINDS}
        sidecars = {str(Path(n).with_suffix(".yml")) for n in takes_sidecar}
        stems = {Path(n).stem for n in takes_sidecar}
        for name in sorted(names):
            p = here / name
            if name.startswith("."):
                out.ignored.append(Skipped(shown(p), "hidden file (not read)"))
            elif name in articles:
                why = _link_problem(p, root)
                if why:
                    out.refused.append(Skipped(shown(p), why))
                    continue
                side: Path | None = p.with_suffix(".yml")
                assert side is not None
                if name not in takes_sidecar or not os.path.lexists(side):
                    side = None
                elif _link_problem(side, root):
                    out.refused.append(Skipped(shown(side), f"sidecar: {_link_problem(side, root)}"))
                    side = None
                out.inputs.append(Input(p, escape_controls(p.relative_to(corpus_dir).as_posix()), side))
            elif name in sidecars:
                continue  # read with its article
            elif name.lower().endswith((".yml", ".yaml")):
                stem = Path(name).stem
                if stem in stems:
                    msg = f"a sidecar must be named {escape_controls(stem)}.yml: this file is not read"
                else:
                    msg = (f"sidecar without an article: there is no {escape_controls(stem)}.txt "
                           f"(or {escape_controls(stem)}.html) beside it")
                out.problems.append(Problem(shown(p), None, None, msg))
            else:
                out.ignored.append(Skipped(shown(p), "not an input: the kinds read are " + ", ".join(extensions)))
    out.inputs.sort(key=lambda t: t.rel)
    out.refused.sort(key=lambda s: s.source)
    out.ignored.sort(key=lambda s: s.source)
    return out


# ---- ordering ------------------------------------------------------------------------------------

def newest_first_key(a: Article) -> tuple:
    """Dated articles newest first, then undated ones (latest lower bound first); ties by id."""
    if parse_iso(a.date):
        return (0, _neg_date(a.date or ""), a.id)
    if parse_iso(a.date_not_before):
        return (1, _neg_date(a.date_not_before or ""), a.id)
    return (2, "", a.id)


@functools.lru_cache(maxsize=1 << 16)
def _neg_date(iso: str) -> str:
    d = parse_iso(iso)
    assert d is not None
    return f"{99999999 - int(d.strftime('%Y%m%d')):08d}"


# ---- assembly ------------------------------------------------------------------------------------

PARALLEL_FROM = 64  # inputs; below this a process pool costs more than it saves

_WORKER_CFG: SiteConfig | None = None


def _init_worker(config_dir: str) -> None:
    global _WORKER_CFG
    _WORKER_CFG, _ = load_site_config(Path(config_dir))


_Job = tuple[str, str, str, "str | None"]  # path, display, rel, sidecar path


def _extract_job(job: "_Job | Unit", cfg: SiteConfig) -> tuple[Article | Skipped, list[Problem]]:
    """A text file (path, display, rel, sidecar) with its sidecar, or a unit of another kind of input."""
    if isinstance(job, Unit):
        return ingest.extract_unit(job, cfg)
    path, display, rel, side = job
    return extract_file(Path(path), cfg, display, rel=rel, sidecar=Path(side) if side else None)


def _extract_one(job: "_Job | Unit") -> tuple[Article | Skipped, list[Problem]]:
    assert _WORKER_CFG is not None
    return _extract_job(job, _WORKER_CFG)


def _extract_all(
    files: list[Input], cfg: SiteConfig, corpus_dir: Path, jobs: int | None = None,
    cache: ExtractionCache | None = None, units: list[Unit] | None = None,
) -> tuple[list[Article], list[Skipped], list[Problem]]:
    """Extract every text input and every unit of the other inputs (`ingest.expand`), in a pool of
    processes when there are many (results keep input order, so the output does not depend on the
    number of processes). With a cache, inputs whose bytes, sidecar, generator code and
    configuration are unchanged are not extracted again."""
    display_root = escape_controls(corpus_dir.as_posix().rstrip("/"))
    work: list[_Job | Unit] = [(str(f.path), f"{display_root}/{f.rel}", f.rel, str(f.sidecar) if f.sidecar else None)
                               for f in files]
    work += units or []
    keys = [(cache.unit_key(w) if isinstance(w, Unit)
             else cache.key(Path(w[0]), w[1], w[2], Path(w[3]) if w[3] else None)) if cache else None
            for w in work]
    results: list[tuple[Article | Skipped, list[Problem]] | None] = [
        cache.get(k) if cache and k else None for k in keys]
    todo = [i for i, r in enumerate(results) if r is None]
    jobs = jobs if jobs is not None else (os.cpu_count() or 1)
    if jobs > 1 and len(todo) >= PARALLEL_FROM:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker,
                                 initargs=(str(cfg.config_dir),)) as pool:
            fresh = list(track(pool.map(_extract_one, [work[i] for i in todo], chunksize=32),
                               "extracting", "inputs", total=len(todo)))
    else:
        fresh = [_extract_job(work[i], cfg) for i in track(todo, "extracting", "inputs")]
    for i, res in zip(todo, fresh):
        results[i] = res
        if cache and keys[i]:
            cache.put(keys[i], res)
    articles: list[Article] = []
    skipped: list[Skipped] = []
    problems: list[Problem] = []
    for item in results:
        assert item is not None
        result, side_problems = item
        problems += side_problems
        if isinstance(result, Article):
            articles.append(result)
        else:
            skipped.append(result)
    return articles, skipped, problems


class ExtractionCache:
    """Extraction results on disk, keyed by everything they depend on: the input's bytes and name,
    its sidecar, every generator source file and every curated configuration file. A change to any
    of these makes a new key, so a cached result is never stale; results of older code or
    configuration are removed when the cache is opened."""

    def __init__(self, root: Path, config_dir: Path) -> None:
        self.version = code_version(config_dir)
        self.root = root
        # <cache>/extract/<version>/: the cache folder also holds the build state (state/), the
        # search index's (search/) and the shared-text analysis's (reuse/) work, never removed here
        self.folder = root / "extract" / self.version[:24]
        if self.folder.parent.is_dir():
            for old in self.folder.parent.iterdir():
                if old.is_dir() and old.name != self.folder.name:
                    shutil.rmtree(old, ignore_errors=True)

    def key(self, path: Path, display: str, rel: str, side: Any = BESIDE) -> str | None:
        """The cache key of one input (None when it cannot be read): `side` is its sidecar's path,
        None for none, by default NAME.yml beside it."""
        if side is BESIDE:
            side = path.with_suffix(".yml")
        try:
            data = path.read_bytes()
            side_data = side.read_bytes() if side is not None and side.is_file() else b"-"
        except OSError:
            return None
        return self._hash(display.encode(), rel.encode(), hashlib.sha256(data).digest(),
                          hashlib.sha256(side_data).digest())

    def unit_key(self, unit: Unit) -> str | None:
        """The key of a unit of a non-text input: its kind, names, bytes, values and sidecar."""
        side = unit.meta.get("sidecar")
        try:
            side_data = Path(side).read_bytes() if side else b"-"
        except OSError:
            return None
        meta = "\0".join(f"{k}={v}" for k, v in sorted(unit.meta.items()))
        return self._hash(unit.kind.encode(), unit.source.encode(), unit.rel.encode(),
                          hashlib.sha256(unit.data).digest(), meta.encode(), hashlib.sha256(side_data).digest())

    def _hash(self, *parts: bytes) -> str:
        h = hashlib.sha256()
        for part in (self.version.encode(), *parts):
            h.update(len(part).to_bytes(8, "big") + part)
        return h.hexdigest()

    def get(self, key: str) -> tuple[Article | Skipped, list[Problem]] | None:
        try:
            with (self.folder / key[:2] / key).open("rb") as fh:
                value = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            return None
        return value if isinstance(value, tuple) and len(value) == 2 else None

    def put(self, key: str, value: tuple[Article | Skipped, list[Problem]]) -> None:
        target = self.folder / key[:2] / key
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(f".{os.getpid()}.part")
            tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(tmp, target)
        except OSError:
            pass  # a cache that cannot be written only makes the next build slower


def code_version(config_dir: Path) -> str:
    """A digest of the generator (`state.generator_digest`: its code, the lexicons and table it
    ships, the installed packages, Python's version) and every file of the configuration folder
    but the theme: what every extraction result and page depends on."""
    h = hashlib.sha256(generator_digest().encode())
    for p in sorted(config_dir.rglob("*")):
        if p.is_file() and "theme" not in p.relative_to(config_dir).parts:
            h.update(p.relative_to(config_dir).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def drop_duplicates(articles: list[Article]) -> tuple[list[Article], list[Duplicate]]:
    """Keep one article per distinct raw content (sha256); the first source in sorted order wins."""
    seen: dict[str, Article] = {}
    kept: list[Article] = []
    dups: list[Duplicate] = []
    for art in sorted(articles, key=lambda a: a.source):
        if art.sha256 and art.sha256 in seen:
            dups.append(Duplicate(art.source, seen[art.sha256].source))
            continue
        if art.sha256:
            seen[art.sha256] = art
        kept.append(art)
    return kept, dups


def assign_article_ids(articles: list[Article], corpus_prefix: str = "") -> None:
    """Make article ids distinct (two inputs whose ids clash both keep a page, at distinct URLs).
    Keys are paths relative to the corpus, so "x.txt" keeps the id "x" and "X.txt" gets a suffix."""
    prefix = corpus_prefix.rstrip("/") + "/" if corpus_prefix else ""

    def rel(a: Article) -> str:
        return a.source[len(prefix):] if prefix and a.source.startswith(prefix) else a.source

    wanted = {rel(a): a.id or "a" for a in articles}
    final = resolve_clashes(wanted)
    for a in articles:
        a.id = final[rel(a)]


FOUND_MIN_ARTICLES = 2  # a weak found name is published once it is seen in this many articles


def publish_found(articles: list[Article]) -> None:
    """Keep in each article the found names that get an entity page: strong ones (a person with a
    given name and a family part, an organisation with a head and a name, a lexicon place) and the
    others seen in at least FOUND_MIN_ARTICLES articles. The rest become candidates for curators
    (listed in the build report). Changes `articles` in place."""
    seen: Counter[str] = Counter()
    for art in articles:
        seen.update({e.id for e in art.entities if e.found})
    for art in articles:
        kept = []
        for e in art.entities:
            if not e.found or e.strong or seen[e.id] >= FOUND_MIN_ARTICLES:
                kept.append(e)
            else:
                art.candidates.append(Candidate(e.name, e.type, "found once, without full evidence"))
        art.entities = kept


def build_entities(articles: list[Article], cfg: SiteConfig) -> dict[str, EntityInfo]:
    """Entities that occur in at least one article (curated entities without articles get no page)."""
    out: dict[str, EntityInfo] = {}
    gaz = cfg.gazetteer.entities
    pair_counts: dict[str, Counter[str]] = {}
    for art in articles:
        ids = sorted({e.id for e in art.entities})
        for hit in art.entities:
            info = out.get(hit.id)
            if info is None:
                cur = gaz.get(hit.id)
                if cur is not None:
                    info = EntityInfo(cur.id, cur.type, cur.name, list(cur.aliases), cur.latin,
                                      cur.wikidata, cur.description, curated=True)
                else:
                    info = EntityInfo(hit.id, hit.type, hit.name, curated=False, found=hit.found)
                out[hit.id] = info
            info.mentions += hit.count
            if not info.articles or info.articles[-1] is not art:
                info.articles.append(art)
        for i in ids:  # every id of the article, its own included (taken out below): counted in C
            c = pair_counts.get(i)
            if c is None:
                c = pair_counts[i] = Counter()
            c.update(ids)
    for eid, info in out.items():
        info.articles.sort(key=newest_first_key)
        pairs = pair_counts.get(eid, Counter())
        pairs.pop(eid, None)
        info.cooccurring = sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))
    return dict(sorted(out.items()))


def build_topics(articles: list[Article], cfg: SiteConfig) -> dict[str, TopicInfo]:
    out: dict[str, TopicInfo] = {}
    for tid, topic in cfg.topics.items():
        out[tid] = TopicInfo(tid, topic.name, topic.description)
    for art in articles:
        for tid in art.topics:
            if tid not in out:
                out[tid] = TopicInfo(tid, tid)
            out[tid].articles.append(art)
    for info in out.values():
        info.articles.sort(key=newest_first_key)
    return dict(sorted(out.items()))


def build_outlets(articles: list[Article], cfg: SiteConfig) -> dict[str, OutletInfo]:
    """Outlets that have at least one article."""
    out: dict[str, OutletInfo] = {}
    registry = cfg.registry.outlets
    for art in articles:
        if art.outlet is None:
            continue
        oid = art.outlet.id or art.outlet.name
        info = out.get(oid)
        if info is None:
            cur = registry.get(oid)
            if cur is not None:
                info = OutletInfo(oid, cur.name, cur.name_latin, cur.country, list(cur.domains))
            else:
                info = OutletInfo(oid, art.outlet.name)
            out[oid] = info
        info.articles.append(art)
    for info in out.values():
        info.articles.sort(key=newest_first_key)
        counts: Counter[str] = Counter()
        for art in info.articles:
            counts.update({e.id for e in art.entities})
        info.top_entities = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:20]
    return dict(sorted(out.items()))


def build_related(articles: list[Article], entities: dict[str, EntityInfo]) -> dict[str, list[Article]]:
    """For each article, up to RELATED_LIMIT others sharing at least one specific entity
    (`specific_entities`): score = shared entities (each weighted by how rare it is) + 0.5 for the
    same day; ties go to the newer article.
    Candidates are the neighbours of the article in the lists of its rarest entities (more
    entities while candidates are few) and its day, so the cost stays linear in the archive's size. `articles` must be newest first."""
    rank = {a.id: i for i, a in enumerate(articles)}
    own_sets = {a.id: frozenset(e.id for e in a.entities if e.id in entities) for a in articles}
    weight = {eid: 1.0 / len(info.articles) ** 0.5 for eid, info in entities.items()}
    position = {eid: {a.id: i for i, a in enumerate(info.articles)} for eid, info in entities.items()}
    by_day: dict[str, list[Article]] = {}
    for a in articles:
        if parse_iso(a.date):
            by_day.setdefault(a.date or "", []).append(a)
    half = NEIGHBOURS_PER_ENTITY // 2
    specific = specific_entities(entities, len(articles))
    out: dict[str, list[Article]] = {}
    for art in articles:
        own = own_sets[art.id]
        shared_somewhere = [e for e in own if len(entities[e].articles) > 1]
        by_rarity = sorted(shared_somewhere, key=lambda e: (len(entities[e].articles), e))
        pool: dict[str, Article] = {}
        for n, eid in enumerate(by_rarity):
            if n >= RARE_ENTITIES and len(pool) > NEIGHBOURS_PER_ENTITY:
                break
            lst = entities[eid].articles
            i = position[eid][art.id]
            for other in lst[max(0, i - half):i + half + 1]:
                pool[other.id] = other
        dated = bool(parse_iso(art.date))
        if dated:
            for other in by_day.get(art.date or "", [])[:NEIGHBOURS_PER_ENTITY]:
                pool[other.id] = other
        pool.pop(art.id, None)
        scores: dict[str, float] = {}
        for oid, other in pool.items():
            shared = own & own_sets[oid]
            if not shared & specific:
                continue
            score = sum(weight[e] for e in shared)
            if dated and other.date == art.date:
                score += 0.5
            if score > 0:
                scores[oid] = round(score, 9)
        ranked = sorted(scores, key=lambda oid: (-scores[oid], rank[oid]))
        out[art.id] = [pool[oid] for oid in ranked[:RELATED_LIMIT]]
    return out


def make_urls(articles: list[Article], entities: dict[str, EntityInfo], topics: dict[str, TopicInfo],
              outlets: dict[str, OutletInfo]) -> Urls:
    ent_by_folder: dict[str, dict[str, str]] = {}
    for eid, info in entities.items():
        ent_by_folder.setdefault(info.type, {})[eid] = safe_slug(eid)
    ent_slugs: dict[str, str] = {}
    for wanted in ent_by_folder.values():
        ent_slugs.update(resolve_clashes(wanted))
    return Urls(
        articles={a.id: a.id for a in articles},
        entities=ent_slugs,
        topics=resolve_clashes({t: safe_slug(t) for t in topics}),
        outlets=resolve_clashes({o: safe_slug(o) for o in outlets}),
    )


def assemble(
    corpus_dir: Path,
    config_dir: Path,
    cfg: SiteConfig,
    articles: list[Article],
    skipped: list[Skipped],
    problems: list[Problem],
    cache_dir: Path | None = None,
    before_reuse: Callable[[Context], None] | None = None,
) -> Context:
    """The build context from the extracted `articles`: duplicates dropped, ids assigned, entities,
    topics, outlets, URLs, related articles and the reuse analysis (`cache_dir`: the build's cache
    folder, where that analysis keeps its pair alignments). `before_reuse`, when given, is called
    with the context as it stands before the related articles and that analysis, the longest parts
    of this stage (the build starts the search index there, in a forked process: it needs neither)."""
    kept, dups = drop_duplicates(articles)
    assign_article_ids(kept, corpus_dir.as_posix())
    kept.sort(key=newest_first_key)
    publish_found(kept)
    entities = build_entities(kept, cfg)
    topics = build_topics(kept, cfg)
    outlets = build_outlets(kept, cfg)
    urls = make_urls(kept, entities, topics, outlets)
    ctx = Context(corpus_dir, config_dir, cfg, kept, sorted(skipped, key=lambda s: s.source), dups,
                  sorted(set(problems)), entities, topics, outlets, {}, urls)
    if before_reuse is not None:
        before_reuse(ctx)
    ctx.related = build_related(kept, entities)
    if os.environ.get("ARSHIF_REUSE", "1") != "0":  # 0: no stories, versions, quotations
        ctx.reuse = analyse(kept, {eid: len(info.articles) for eid, info in entities.items()}, cache_dir)
    return ctx


def load_context(corpus_dir: Path, config_dir: Path, cache_dir: Path | None = None,
                 before_reuse: Callable[[Context], None] | None = None) -> Context:
    """Everything the pages need. With `cache_dir`, unchanged inputs are not extracted again.
    `before_reuse`: see `assemble`."""
    cfg, problems = load_site_config(config_dir)
    survey = discover(corpus_dir, ingest.EXTENSIONS)
    texts = [f for f in survey.inputs if ingest.kind_of(f.rel) == "text"]
    display_root = escape_controls(corpus_dir.as_posix().rstrip("/"))
    units: list[Unit] = []
    notes: list[InputNote] = []
    for f in survey.inputs:
        if ingest.kind_of(f.rel) != "text":
            expansion = ingest.expand(f.path, f"{display_root}/{f.rel}", f.rel, cfg)
            units += expansion.units
            survey.refused += expansion.skipped
            if expansion.note is not None:
                notes.append(expansion.note)
    cache = ExtractionCache(cache_dir, config_dir) if cache_dir is not None else None
    articles, skipped, side_problems = _extract_all(texts, cfg, corpus_dir, cache=cache, units=units)
    ctx = assemble(corpus_dir, config_dir, cfg, articles, survey.refused + skipped,
                   problems + survey.problems + side_problems, cache_dir, before_reuse)
    ctx.ignored = survey.ignored
    ctx.inputs = notes
    return ctx
