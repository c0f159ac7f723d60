"""Build the site's search index and split it into files fetched on demand.

The browser downloads nothing until the reader starts searching. A query then fetches the small
manifest, the term shards holding the query's terms, and the texts of the results shown.

Layout under `<site>/search-index/` (deterministic bytes). The manifest is JSON; every other file
is gzipped JSON (`.json.gz`, no time stamp: a half to a seventh of the bytes on disk, which is what
GitHub Pages counts; the browser inflates it with DecompressionStream, or with fflate where there
is none):

    manifest.json      fields, boosts, document count, first term of every shard, first key of
                       every list shard
    t/<k>.json.gz      term shard k: {term: [term_index, postings of field 0, postings of field 1, ...]}
                       postings of a field are one string of varints (see `encode_varints`): doc
                       delta, weight × 1000, doc delta, weight × 1000, ... ("" when the term is not
                       in that field); the weights are lunr's BM25 field-vector entries
                       (`bm25_postings`, tested equal to lunr's Builder), which lunr rounds to three
                       decimals, so × 1000 they are exact integers
    x/<n>.json.gz      document n's record, [title, [entity id, …], url, date, outlet, byline]:
                       what a result shows but its snippet, one file per result (a result matched
                       through an entity's name says which: the names are in f/meta.json.gz). The
                       snippet comes from the article page itself (`url`, its `.arshif-text`):
                       search.js cuts it around the best passage and checks quoted phrases there.
                       The site keeps each text once: the texts here were a ninth of the site.
    f/meta.json.gz     facet labels: years, outlets [name], entities [id, name, type, [its other
                       names: aliases, short forms, Latin]], topics [id, name]
    f/<k>.json.gz      facets of documents k·F … k·F+F-1: [year index, outlet index, [entity indexes]]
    l/<k>.json.gz      list shard k: {key: the numbers of the documents it lists, ascending (so
                       newest first), as varint gaps}, for "e:<entity id>", "t:<topic id>" and
                       "o:<outlet name>". The search page opened with a name, a topic or an outlet
                       and no words (`search/?entity=baghdad`) lists all its articles from here: an
                       entity's, a topic's and an outlet's own page lists only its newest
                       (`generator.pages.LIST_LIMIT`) and links there for the rest

Documents are numbered newest first. lunr scores a document for a query as the sum, over fields,
of the query vector's dot product with the field vector, divided by the query vector's length;
only the query's own terms count, so the browser computes the score from the postings of those
terms alone (search.js, Engine.rank) and gets what the whole lunr index would give.
"""
from __future__ import annotations

import bisect
import hashlib
import json
import math
import os
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from generator import dates_ar
from generator.context import newest_first_key
from generator.entities import Gazetteer
from generator.model import Article
from generator.progress import track
from generator.state import WorkCache
from generator.search.analyzer import index_terms
from generator.writer import gzipped

FORMAT_VERSION = 7
INDEX_DIR = "search-index"
# (field, boost). Every field but `entities` holds words the article prints: its title, its text, its
# byline (author and wire agencies), its outlet's name and its date (year, day, month names in both
# calendars' spellings). `entities` holds the names of the entities it mentions as the gazetteer
# gives them (canonical name, aliases, Latin name), which the article may never print: a query word
# matched only there ranks after every article that prints it, and the result says why it matched.
FIELDS: tuple[tuple[str, int], ...] = (("title", 10), ("body", 1), ("byline", 3), ("outlet", 2), ("date", 2),
                                       ("entities", 3))
PRINTED_FIELDS = tuple(name for name, _ in FIELDS if name != "entities")
SHARD_BYTES = 16_000  # target size of a term shard; a single larger term gets a shard of its own
FACET_CHUNK = 1000  # facet rows per file


@dataclass(frozen=True)
class Doc:
    """One article as the search index sees it."""

    url: str
    title: str
    date: str
    outlet: str
    body: str
    entities: tuple[tuple[str, str, str], ...] = ()  # (id, name, type)
    entity_text: str = ""
    byline: str = ""  # author and wire agencies
    date_text: str = ""  # year, day and month names of `date`
    topics: tuple[str, ...] = ()  # topic ids
    # per entity: its name, then the other names it is indexed under (aliases, short forms, Latin)
    entity_names: tuple[tuple[str, ...], ...] = ()
    entity_ids: tuple[str, ...] = ()  # the id of each entity of `entity_names`, in its order

    @property
    def year(self) -> str:
        return self.date[:4] if self.date else ""


@dataclass
class IndexFiles:
    """Every file of the index, by path relative to the index folder."""

    files: dict[str, bytes] = field(default_factory=dict)

    def total_bytes(self) -> int:
        return sum(len(b) for b in self.files.values())


def _dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False).encode("utf-8")


def _gz(value: Any, level: int = 6) -> bytes:
    """`value` as gzipped JSON (`_dumps`, `writer.gzipped`): the same value gives the same bytes."""
    return gzipped(_dumps(value), level)


def date_words(date: str | None) -> str:
    """The words a reader may type for an ISO date: "2015-09-27" → "2015 27 أيلول سبتمبر" (year, day,
    the Levantine and the Egyptian/Gulf month name, from `generator.dates_ar`); "" when undated."""
    d = dates_ar.parse_iso(date)
    if d is None:
        return ""
    return f"{d.year} {d.day} {dates_ar.LEVANTINE[d.month - 1]} {dates_ar.GREGORIAN[d.month - 1]}"


def docs_from_articles(articles: Iterable[Article], urls: Mapping[str, str],
                       gazetteer: Gazetteer | None = None) -> list[Doc]:
    """Documents in index order, the order of the site's lists (`context.newest_first_key`): dated
    newest first, then undated ones (latest lower bound first), ties by id; a name's page and the
    search page listing all its articles then agree. `gazetteer` (optional) gives the entities'
    aliases and Latin names (ISIS finds the articles on داعش)."""
    docs: list[Doc] = []
    known = gazetteer.entities if gazetteer is not None else {}
    for art in sorted(articles, key=newest_first_key):
        entities = tuple(sorted({(e.id, e.name, e.type) for e in art.entities}))
        names: set[str] = set()
        named: list[tuple[str, ...]] = []
        ids: list[str] = []
        for e in sorted(art.entities, key=lambda e: (e.name, e.id)):
            curated = known.get(e.id)
            others = [*curated.aliases, *curated.short, curated.latin] if curated is not None else []
            forms = tuple(dict.fromkeys(n for n in (e.name, *others) if n))
            names.update(forms)
            named.append(forms)
            ids.append(e.id)
        doc = Doc(
            url=urls[art.id],
            title=art.title,
            date=art.date or "",
            outlet=art.outlet.name if art.outlet else "",
            body=art.body,
            entities=entities,
            entity_text=" ".join(sorted(n for n in names if n)),
            byline=" ".join([art.author or "", *art.wire]).strip(),
            date_text=date_words(art.date),
            entity_names=tuple(named),
            entity_ids=tuple(ids),
            topics=tuple(sorted(art.topics)),
        )
        docs.append(doc)
    return docs


MAX_TERM = 40  # letters: a longer "word" (a URL, a run of one letter) is not indexed


def _terms(text: str) -> list[str]:
    """Index terms of `text` no longer than MAX_TERM: the manifest holds the first term of every
    shard, so one 4-million-letter word would be downloaded by every search."""
    return [t for t in index_terms(text) if len(t) <= MAX_TERM]


def analyzed(doc: Doc, n: int) -> dict[str, Any]:
    """The lunr document for `doc` numbered `n`: every field as its list of index terms."""
    return {
        "n": str(n),
        "title": _terms(doc.title),
        "body": _terms(doc.body),
        "byline": _terms(doc.byline),
        "outlet": _terms(doc.outlet),
        "date": _terms(doc.date_text),
        "entities": _terms(doc.entity_text),
    }


K1, B = 1.2, 0.75  # lunr's BM25 constants (lunr.Builder's defaults, which Arshif never changes)


@dataclass(frozen=True)
class Analysed:
    """One document's index terms: per field (FIELDS order), each distinct term with its frequency,
    in order of first occurrence, and the field's length in terms."""

    fields: tuple[tuple[tuple[str, int], ...], ...]
    lengths: tuple[int, ...]


def analyse(doc: Doc) -> Analysed:
    """The terms of every field of `doc` (`analyzed`, lower-cased as lunr's builder does), counted."""
    fields, lengths = [], []
    row = analyzed(doc, 0)
    for name, _ in FIELDS:
        terms = [str(t).lower() for t in row[name]]
        counts: dict[str, int] = {}
        for t in terms:
            counts[t] = counts.get(t, 0) + 1
        fields.append(tuple(counts.items()))
        lengths.append(len(terms))
    return Analysed(tuple(fields), tuple(lengths))


def weights_x1000(score: "np.ndarray") -> "np.ndarray":
    """`round(round(s, 3) * 1000)` of every score, as Python computes it for one (lunr keeps three
    decimals): numpy's rint of s × 1000 wherever that is not within 1e-6 of a half (s × 1000 is off
    from the exact product by far less, so both round the same way there); Python's own rounding for
    the rest. int64 array."""
    scaled = score * 1000
    out = np.rint(scaled)
    for i in np.nonzero(np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6)[0].tolist():
        out[i] = round(round(float(score[i]), 3) * 1000)
    return out.astype(np.int64)


def varint_digits(values: "np.ndarray") -> tuple[bytes, "np.ndarray"]:
    """Every value's varint digits as `encode_varints` writes them, all in one ASCII string, and the
    offset where each value's digits end (int64 array, cumulative)."""
    v = values.astype(np.int64)
    count = np.ones(len(v), dtype=np.int64)
    rest = v >> 5
    while rest.any():
        count += rest > 0
        rest >>= 5
    ends = np.cumsum(count)
    out = np.empty(int(ends[-1]) if len(ends) else 0, dtype=np.uint8)
    terminal = np.frombuffer(TERMINAL.encode("ascii"), dtype=np.uint8)
    continuation = np.frombuffer(CONTINUATION.encode("ascii"), dtype=np.uint8)
    for k in range(int(count.max()) if len(count) else 0):  # the k-th digit from the end
        has = count > k
        digit = (v[has] >> (5 * k)) & 31
        out[ends[has] - 1 - k] = terminal[digit] if k == 0 else continuation[digit]
    return out.tobytes(), ends


def bm25_postings(analysed: Sequence[Analysed]) -> dict[str, list[Any]]:
    """term → [term index, flat postings per field] (the shard rows, see `term_postings`) computed
    directly: the numbers lunr's Builder gives (term indexes in order of first occurrence, doc by
    doc and field by field; idf and BM25 with K1, B and the field boosts, rounded to three
    decimals), with the same floating-point operations in the same order (numpy's element-wise
    arithmetic on float64 is IEEE's, as Python's is; the rounding is `weights_x1000`), without
    building lunr's vectors and token set. A test compares the two on documents written for it;
    on the 10,000-article benchmark the result is the same as the plain-Python loop this replaced,
    in half the time."""
    if not analysed:
        return {}
    n_docs = len(analysed)
    n_fields = len(FIELDS)
    names = range(n_fields)
    averages = [sum(a.lengths[f] for a in analysed) / n_docs for f in names]
    # every posting as columns, doc by doc and field by field (lunr's order of first occurrence)
    terms_seen: list[str] = []
    field_col: list[int] = []
    doc_col: list[int] = []
    tf_col: list[int] = []
    for n, a in enumerate(analysed):
        for f in names:
            pairs = a.fields[f]
            if pairs:
                terms, tfs = zip(*pairs)
                terms_seen += terms
                tf_col += tfs
                field_col += [f] * len(pairs)
                doc_col += [n] * len(pairs)
    if not terms_seen:
        return {}
    term_index = {t: i for i, t in enumerate(dict.fromkeys(terms_seen))}
    term = np.array(list(map(term_index.__getitem__, terms_seen)), dtype=np.int64)
    fld = np.array(field_col, dtype=np.int64)
    doc = np.array(doc_col, dtype=np.int64)
    tf = np.array(tf_col, dtype=np.float64)
    df = np.bincount(term, minlength=len(term_index)).tolist()
    idf = np.array([math.log(1 + abs((n_docs - d + 0.5) / (d + 0.5))) for d in df])
    lengths = np.array([a.lengths for a in analysed], dtype=np.float64)
    # the part of BM25's denominator that depends on the document and field only (the same
    # operations as lunr's, so the same float); a field no document has gets no postings
    norms = np.zeros_like(lengths)
    for f in names:
        if averages[f]:
            norms[:, f] = K1 * (1 - B + B * (lengths[:, f] / averages[f]))
    score = idf[term] * ((K1 + 1) * tf) / (norms[doc, fld] + tf)
    score = score * np.array([boost for _, boost in FIELDS], dtype=np.float64)[fld]  # a document's boost is 1
    weight = weights_x1000(score)
    # by term, then field; a stable sort keeps each group's documents ascending
    group = term * n_fields + fld
    order = np.argsort(group, kind="stable")
    group, doc, weight = group[order], doc[order], weight[order]
    starts = np.r_[0, np.nonzero(np.diff(group))[0] + 1]
    gaps = doc.copy()
    gaps[1:] -= doc[:-1]
    gaps[starts] = doc[starts]
    flat = np.empty(2 * len(doc), dtype=np.int64)
    flat[0::2], flat[1::2] = gaps, weight
    digits, ends = varint_digits(flat)
    text = digits.decode("ascii")
    posting_end = ends[1::2]
    last = np.r_[starts[1:], len(doc)] - 1
    group_to = posting_end[last].tolist()
    group_from = [0] + group_to[:-1]
    by_term = list(term_index)
    rows: dict[str, list[Any]] = {}
    for g, a, b in zip(group[starts].tolist(), group_from, group_to):
        t, f = divmod(g, n_fields)
        row = rows.get(by_term[t])
        if row is None:
            row = rows[by_term[t]] = [t] + [""] * n_fields
        row[f + 1] = text[a:b]
    return {t: rows[t] for t in sorted(rows)}


class DocCache(WorkCache):
    """Per-document work of earlier builds (`state.WorkCache`, kind "search"): the analysed terms
    and the gzipped record (x/<n>.json.gz) of each document, by a digest of the document, so a build
    after one article was added analyses and compresses one document."""

    def __init__(self, cache_dir: Path | None) -> None:
        super().__init__(cache_dir, "search")

    @staticmethod
    def key(doc: Doc) -> bytes:
        return hashlib.sha256(repr(doc).encode("utf-8", "surrogatepass")).digest()

    def of(self, doc: Doc) -> tuple[Analysed, bytes]:
        """(analysed terms, gzipped record) of `doc`, kept or computed."""
        return self.get(self.key(doc), lambda: (
            analyse(doc), _gz(document_record(doc), 9)))


# Varint digits: 5 bits each; a terminal digit ends a number, a continuation digit does not.
TERMINAL = "0123456789abcdefghijklmnopqrstuv"
CONTINUATION = "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"


def _varint(v: int) -> str:
    if v < 0:
        raise ValueError(f"cannot encode a negative number: {v}")
    digits = [v & 31]
    v >>= 5
    while v:
        digits.append(v & 31)
        v >>= 5
    return "".join(CONTINUATION[d] for d in reversed(digits[1:])) + TERMINAL[digits[0]]


_VARINTS: dict[int, str] = {}  # small numbers (document gaps, weights × 1000) recur across postings


def encode_varints(values: Iterable[int]) -> str:
    """`values` (non-negative ints) as one string of varint digits: 5 bits a digit, most significant
    first, continuation digits then one terminal digit per number. ValueError for a negative value."""
    known = _VARINTS
    out = []
    for v in values:
        code = known.get(v)
        if code is None:
            code = _varint(v)
            if len(known) < 1_000_000:
                known[v] = code
        out.append(code)
    return "".join(out)


def decode_varints(text: str) -> list[int]:
    out: list[int] = []
    acc = 0
    for ch in text:
        d = TERMINAL.find(ch)
        if d >= 0:
            out.append(acc * 32 + d)
            acc = 0
        else:
            acc = acc * 32 + CONTINUATION.index(ch)
    if acc:
        raise ValueError("truncated varint string")
    return out


def shard_terms(postings: Mapping[str, list[Any]], budget: int = SHARD_BYTES) -> list[list[str]]:
    """Cut the sorted terms into consecutive runs of about `budget` bytes each."""
    shards: list[list[str]] = []
    current: list[str] = []
    size = 0
    for term in sorted(postings):
        cost = len(_dumps(term)) + len(_dumps(postings[term])) + 2
        if current and size + cost > budget:
            shards.append(current)
            current, size = [], 0
        current.append(term)
        size += cost
    if current:
        shards.append(current)
    return shards


def shard_of(first_terms: Sequence[str], term: str) -> int:
    """Which shard holds `term` (the JavaScript side does the same binary search)."""
    return max(0, bisect.bisect_right(first_terms, term) - 1)


def document_record(doc: Doc) -> list[Any]:
    """What the browser shows of a result but its snippet (x/<n>.json.gz, see the module
    docstring): [title, [entity id, …] (their names are in f/meta.json.gz, which a result matched
    through an entity's name fetches to say which), url (of the article page, relative to the site
    root: the snippet is read from there), ISO date or "", outlet or "", byline or ""]."""
    return [doc.title, list(doc.entity_ids), doc.url, doc.date, doc.outlet, doc.byline]


def list_keys(doc: Doc) -> list[str]:
    """The keys of the lists (l/) that hold `doc`: "e:<entity id>" for each entity it names,
    "t:<topic id>" for each topic, "o:<outlet name>" for its outlet."""
    keys = [f"e:{e[0]}" for e in doc.entities] + [f"t:{t}" for t in doc.topics]
    return keys + ([f"o:{doc.outlet}"] if doc.outlet else [])


def document_lists(docs: Sequence[Doc]) -> dict[str, str]:
    """{list key (`list_keys`): the numbers of its documents, ascending, as varint gaps (the first
    number itself, then the difference to the one before)}."""
    members: dict[str, list[int]] = defaultdict(list)
    for n, doc in enumerate(docs):
        for key in dict.fromkeys(list_keys(doc)):
            members[key].append(n)
    return {key: encode_varints([ns[0]] + [b - a for a, b in zip(ns, ns[1:])]) for key, ns in members.items()}


def build_files(docs: Sequence[Doc], shard_bytes: int = SHARD_BYTES, digits: str = "western",
                cache: DocCache | None = None, topics: Mapping[str, str] | None = None) -> IndexFiles:
    """Every index file for `docs`, as bytes. `cache` keeps each document's analysed terms and
    gzipped record between builds (`DocCache`); the bytes are the same with or without it. `topics`
    ({topic id: name}) names the topics the lists hold (f/meta.json.gz), for the search page's heading."""
    out = IndexFiles()
    cache = cache if cache is not None else DocCache(None)
    work = [cache.of(d) for d in track(docs, "indexing articles for search", "articles")]
    postings = bm25_postings([a for a, _ in work])
    shards = shard_terms(postings, shard_bytes)
    for k, terms in enumerate(shards):
        out.files[f"t/{k}.json.gz"] = _gz({t: postings[t] for t in terms})

    for n, (_, record) in enumerate(work):
        out.files[f"x/{n}.json.gz"] = record

    years = sorted({d.year for d in docs if d.year}, reverse=True)
    outlets = sorted({d.outlet for d in docs if d.outlet})
    entities = sorted({e for d in docs for e in d.entities}, key=lambda e: (e[2], e[1], e[0]))
    year_ix = {y: i for i, y in enumerate(years)}
    outlet_ix = {o: i for i, o in enumerate(outlets)}
    entity_ix = {e: i for i, e in enumerate(entities)}
    topic_ids = sorted({t for d in docs for t in d.topics})
    others = {i: list(forms[1:]) for d in docs for i, forms in zip(d.entity_ids, d.entity_names)}
    out.files["f/meta.json.gz"] = _gz({"years": years, "outlets": outlets,
                                       "entities": [[*e, others.get(e[0], [])] for e in entities],
                                       "topics": [[t, (topics or {}).get(t, t)] for t in topic_ids]})
    for k in range(0, len(docs), FACET_CHUNK):
        rows = [
            [year_ix.get(d.year, -1), outlet_ix.get(d.outlet, -1), sorted(entity_ix[e] for e in d.entities)]
            for d in docs[k: k + FACET_CHUNK]
        ]
        out.files[f"f/{k // FACET_CHUNK}.json.gz"] = _gz(rows)
    lists = document_lists(docs)
    list_shards = shard_terms(lists, shard_bytes)
    for k, keys in enumerate(list_shards):
        out.files[f"l/{k}.json.gz"] = _gz({key: lists[key] for key in keys})

    digest = hashlib.sha256()
    for name in sorted(out.files):
        digest.update(name.encode() + b"\0" + out.files[name])
    manifest = {
        "version": FORMAT_VERSION,
        "build": digest.hexdigest()[:16],
        "fields": [name for name, _ in FIELDS],
        "printed": list(PRINTED_FIELDS),
        "boosts": {name: boost for name, boost in FIELDS},
        "docs": len(docs),
        "facetChunk": FACET_CHUNK,
        "shards": [terms[0] for terms in shards],
        "lists": [keys[0] for keys in list_shards],
        "digits": digits,  # how the results print numbers (site_config/display.yml)
    }
    out.files["manifest.json"] = _dumps(manifest)
    return out


def write_tree(root: Path, files: Mapping[str, bytes]) -> int:
    """Write `files` under `root` (only those whose bytes changed) and drop files not listed.

    Returns the number of files written.
    """
    written = 0
    # the manifest last: a search reads it first, and must find every shard it lists
    for rel, data in sorted(files.items(), key=lambda kv: (kv[0] == "manifest.json", kv[0])):
        path = root / rel
        try:  # a file of another size differs: not read
            if path.stat().st_size == len(data) and path.is_file() and path.read_bytes() == data:
                continue
        except OSError:
            pass
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        written += 1
    if root.is_dir():
        for path in sorted(root.rglob("*"), reverse=True):
            rel = path.relative_to(root).as_posix()
            if path.is_file() and rel not in files:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return written


def index_files(docs: Sequence[Doc], digits: str = "western", cache: DocCache | None = None,
                topics: Mapping[str, str] | None = None) -> dict[str, bytes]:
    """The complete index folder, {path relative to it: bytes}. `digits` ("western" or "arabic-indic",
    site_config/display.yml) goes into the manifest: the search script prints counts and dates with
    it. `cache` and `topics`: see `build_files`."""
    return dict(build_files(docs, digits=digits, cache=cache, topics=topics).files)


def group_by_shard(first_terms: Sequence[str], terms: Iterable[str]) -> dict[int, list[str]]:
    groups: dict[int, list[str]] = defaultdict(list)
    for t in terms:
        groups[shard_of(first_terms, t)].append(t)
    return dict(groups)
