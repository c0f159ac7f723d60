"""Stories: articles about one event, across outlets, within a time window, grouped together.

    find_stories(articles, entities, tokens, versions) -> list[Story]

Two articles are linked when
- their dates are at most WINDOW_DAYS apart (an undated article may link to any date at or after
  its earliest possible date), and
- they share at least one specific entity (named in at most SPECIFIC_SHARE of the archive's
  articles, and never in more than MAX_ENTITY_ARTICLES), and
- their score passes THRESHOLD (ONE_ENTITY_THRESHOLD when they share a single entity): the estimated Jaccard similarity of their content words (datasketch
  MinHash, 128 permutations) plus ENTITY_WEIGHT × the weighted Jaccard of their entity sets, each
  entity weighted 1/√(articles naming it), as `context.build_related` weighs them;
or when they are versions of one text (generator.versions). Stories are the connected groups of
linked articles with at least two articles. Candidates are only pairs that share a specific entity,
found through each entity's date-sorted article list, so the cost grows with the archive, not its square.
The thresholds were set on the seed corpus and on bench/make_stories.py's planted stories (README).
"""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field

from generator.dates_ar import parse_iso
from generator.model import Article
from generator.textsim import content_keys, minhash

WINDOW_DAYS = 3
MIN_SHARED_ENTITIES = 1
ONE_ENTITY_THRESHOLD = 0.25  # the score needed when the pair shares a single entity
SPECIFIC_SHARE = 0.02  # of all articles (at least MAX_SMALL articles, for a small archive)
MAX_SMALL = 50
MAX_ENTITY_ARTICLES = 2000
ENTITY_WEIGHT = 0.5
THRESHOLD = 0.17
NUM_PERM = 128
COMMON_SHARE = 0.05  # words in more than this share of the articles (and more than COMMON_MIN) say
COMMON_MIN = 20  # nothing about one event and are left out of the comparison (as max_df in TF-IDF)


@dataclass
class Story:
    id: str  # the id of its first article (oldest, then smallest id): stable while that one stays
    articles: list[Article] = field(default_factory=list)  # oldest first, undated last
    shared: list[str] = field(default_factory=list)  # entity ids named by every version, sorted

    def own_entities(self, article_id: str) -> list[str]:
        """Entity ids that the article names and no other version of the story names, sorted."""
        others: set[str] = set()
        mine: set[str] = set()
        for a in self.articles:
            ids = {e.id for e in a.entities}
            if a.id == article_id:
                mine = ids
            else:
                others |= ids
        return sorted(mine - others)


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        root = x
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while x != root:
            self.parent[x], x = root, self.parent.get(x, x)
        return root

    def union(self, a: str, b: str) -> None:
        self.parent.setdefault(a, a)
        self.parent.setdefault(b, b)
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def oldest_first_key(a: Article) -> tuple:
    """Dated articles oldest first, then undated ones; ties by id."""
    d = parse_iso(a.date)
    return (0, d.toordinal(), a.id) if d else (1, 0, a.id)


def _day(a: Article) -> int | None:
    d = parse_iso(a.date)
    return d.toordinal() if d else None


def _not_before(a: Article) -> int | None:
    d = parse_iso(a.date_not_before)
    return d.toordinal() if d else None


def within_window(a: Article, b: Article, days: int = WINDOW_DAYS) -> bool:
    """True when the two articles can be reports of one event by their dates (see module docstring)."""
    da, db = _day(a), _day(b)
    if da is not None and db is not None:
        return abs(da - db) <= days
    for undated, other in ((a, b), (b, a)):
        if _day(undated) is None:
            lower, od = _not_before(undated), _day(other)
            if lower is not None and od is not None and od + days < lower:
                return False
    return True


def find_stories(articles: list[Article], entity_articles: dict[str, int],
                 tokens: dict[str, list[str]] | None, version_pairs: list[tuple[str, str]] = (),
                 vocab: dict[str, set[str] | frozenset[str]] | None = None) -> list[Story]:
    """Group `articles` into stories (see the module docstring for the rules).

    `entity_articles` maps each entity id to the number of articles naming it; `tokens` maps each
    article id to its words (title and body, `textsim.keys`), or `vocab` to the content words of
    those (`textsim.content_keys`) when the caller has them; `version_pairs` are (id, id) pairs
    already known to be versions of one text. Returns stories of two or more articles, sorted by
    their first article (oldest first)."""
    n = len(articles)
    by_id = {a.id: a for a in articles}
    specific_cap = min(MAX_ENTITY_ARTICLES, max(MAX_SMALL, int(SPECIFIC_SHARE * n)))
    weight = {eid: 1.0 / c ** 0.5 for eid, c in entity_articles.items() if c > 0}
    ents = {a.id: frozenset(e.id for e in a.entities if e.id in weight) for a in articles}
    lists: dict[str, list[Article]] = {}
    for a in articles:
        for eid in ents[a.id]:
            if entity_articles[eid] <= specific_cap:
                lists.setdefault(eid, []).append(a)
    candidates: set[tuple[str, str]] = set()
    for eid in sorted(lists):
        lst = sorted(lists[eid], key=oldest_first_key)
        dated = [a for a in lst if _day(a) is not None]
        days = [_day(a) for a in dated]
        undated = [a for a in lst if _day(a) is None]
        for i, a in enumerate(dated):
            j = bisect.bisect_right(days, days[i] + WINDOW_DAYS)
            for b in dated[i + 1:j]:
                candidates.add((a.id, b.id))
        for u in undated:
            for b in lst:
                if b.id != u.id:
                    candidates.add((min(u.id, b.id), max(u.id, b.id)))
    if vocab is None:
        assert tokens is not None
        vocab = {a.id: content_keys(tokens[a.id]) for a in articles}
    df: Counter[str] = Counter()
    for keys in vocab.values():
        df.update(keys)
    common = {k for k, c in df.items() if c > max(COMMON_MIN, COMMON_SHARE * n)}
    sigs: dict[str, object] = {}

    def sig(aid: str):
        if aid not in sigs:
            sigs[aid] = minhash(vocab[aid] - common, NUM_PERM)
        return sigs[aid]

    union = _Union()
    for x, y in sorted(candidates):
        a, b = by_id[x], by_id[y]
        shared = ents[x] & ents[y]
        if len(shared) < MIN_SHARED_ENTITIES or not within_window(a, b):
            continue
        ent_j = sum(weight[e] for e in shared) / sum(weight[e] for e in ents[x] | ents[y])
        score = sig(x).jaccard(sig(y)) + ENTITY_WEIGHT * ent_j
        if score >= (THRESHOLD if len(shared) > 1 else ONE_ENTITY_THRESHOLD):
            union.union(x, y)
    for x, y in version_pairs:
        union.union(x, y)
    groups: dict[str, list[Article]] = {}
    for aid in sorted(union.parent):
        groups.setdefault(union.find(aid), []).append(by_id[aid])
    stories = []
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=oldest_first_key)
        common = set.intersection(*({e.id for e in m.entities} for m in members))
        stories.append(Story(members[0].id, members, sorted(common)))
    stories.sort(key=lambda s: oldest_first_key(s.articles[0]))
    return stories


def days_after_first(story: Story, art: Article) -> int | None:
    """Whole days between the story's first dated article and `art`, or None when either is undated."""
    first = next((a for a in story.articles if _day(a) is not None), None)
    d = _day(art)
    if first is None or d is None:
        return None
    return d - (_day(first) or 0)

