"""The cross-article stage: stories, versions of one text, shared quotations (after every article
is extracted and the entities are known, before any page is rendered).

    analyse(articles, entity_counts) -> Reuse

Runs generator.versions, generator.stories and generator.quotes over the same word lists and keeps
the lookups the pages need. `Reuse.seconds` records how long the stage took (the build's timing).
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.model import Article
from generator.quotes import AlignmentCache, Quotation, find_quotations, run_hashes, shingle_index, shingle_pairs
from generator.state import WorkCache
from generator.stories import Story, find_stories, oldest_first_key
from generator.textsim import content_keys, keys
from generator.versions import VersionPair, find_versions

if TYPE_CHECKING:
    import numpy as np


@dataclass
class Reuse:
    stories: list[Story] = field(default_factory=list)
    versions: list[VersionPair] = field(default_factory=list)
    quotations: list[Quotation] = field(default_factory=list)
    story_of: dict[str, Story] = field(default_factory=dict)  # article id → its story
    versions_of: dict[str, list[VersionPair]] = field(default_factory=dict)  # article id → pairs
    quotes_in: dict[str, list[Quotation]] = field(default_factory=dict)  # article id → quotations
    quotes_by: dict[str, list[Quotation]] = field(default_factory=dict)  # speaker entity id → quotations
    seconds: float = 0.0


class WordsCache(WorkCache):
    """Each body's comparison forms (`textsim.keys`), runs of words (`quotes.run_hashes`) and content
    words (`textsim.content_keys`) from
    earlier builds (`state.WorkCache`, kind "words"), by a digest of the body: they depend on the
    text alone, and computing them was half of this stage's time in a build after one article was
    added. The forms are interned, so the cache's pickles store each distinct word once."""

    def __init__(self, cache_dir: Path | None) -> None:
        super().__init__(cache_dir, "words")

    def of(self, body: str) -> tuple[list[str], "np.ndarray", frozenset[str]]:
        """(comparison forms of `body`, its runs' hashes, its content words), kept or computed."""
        def compute() -> tuple[list[str], "np.ndarray", frozenset[str]]:
            ks = [sys.intern(k) for k in keys(body)]
            return ks, run_hashes(ks), frozenset(content_keys(ks))

        return self.get(self.digest(body), compute)


def analyse(articles: list[Article], entity_counts: dict[str, int], cache_dir: Path | None = None) -> Reuse:
    """Stories, versions and quotations of `articles` (entity_counts: entity id → number of
    articles naming it). Deterministic: the result depends only on the articles, never on their
    order in the list, nor on `cache_dir` (where the alignments of pairs of texts are kept between
    builds, `quotes.AlignmentCache`)."""
    started = time.perf_counter()
    order = {a.id: i for i, a in enumerate(sorted(articles, key=oldest_first_key))}
    words = WordsCache(cache_dir)
    kept = {a.id: words.of(a.body) for a in articles}
    words.save()
    body: dict[str, list[str]] = {aid: ks for aid, (ks, _, _) in kept.items()}
    index = shingle_index(body, {aid: runs for aid, (_, runs, _) in kept.items()})
    counts = shingle_pairs(body, index)
    versions = find_versions(body, order, counts)
    vocab = {a.id: content_keys(keys(a.title)) | kept[a.id][2] for a in articles}
    stories = find_stories(articles, entity_counts, None, [(v.a, v.b) for v in versions], vocab)
    aligned = AlignmentCache(cache_dir)
    quotations = find_quotations(articles, body, order, {(v.a, v.b) for v in versions}, counts, index, aligned)
    aligned.save()
    out = Reuse(stories, versions, quotations)
    for s in stories:
        for a in s.articles:
            out.story_of[a.id] = s
    for v in versions:
        out.versions_of.setdefault(v.a, []).append(v)
        out.versions_of.setdefault(v.b, []).append(v)
    for q in quotations:
        for aid in dict.fromkeys(o.article.id for o in q.occurrences):
            out.quotes_in.setdefault(aid, []).append(q)
        if q.speaker:
            out.quotes_by.setdefault(q.speaker, []).append(q)
    out.seconds = time.perf_counter() - started
    return out
