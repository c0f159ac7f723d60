"""Shared text: quoted speech and long verbatim passages printed by two or more articles, with the
speaker when the text says who spoke.

    shingle_index(keys) -> {run hash: [id, ...]}  rare runs of words and the articles printing them
    shingle_pairs(keys) -> Counter[(id, id)]   pairs of articles sharing rare runs of words
    find_quotations(articles, keys, order) -> list[Quotation]
    speaker_of(body, start, hits) -> entity id | None

1. Candidates: every run of SHINGLE words (in their folded form, generator.textsim) is indexed; a
   run found in 2..MAX_ARTICLES_PER_SHINGLE articles is shared by each pair of them (a run printed by
   more articles is page furniture or a stock phrase, not a quotation); a pair sharing at least
   MIN_SHARED_SHINGLES distinct runs is a candidate (a ten-word passage makes five); of an article's
   candidates only enough to align each of its shared runs with COVER partners are kept (`_candidates`).
2. Each candidate pair is aligned with difflib's SequenceMatcher around the runs it shares; aligned runs separated by at most
   MAX_GAP differing words on both sides (a word cut, a spelling kept apart by folding) are joined
   within one paragraph, and joined runs of at least MIN_WORDS shared words are passages shared by
   the pair (without the function words they may open with: إن، أن …). A passage
   that no article prints within quotation marks must also hold MIN_CORE words in a row unchanged
   (a long verbatim passage, not a string of stock phrases).
3. Passages that mostly overlap in an article (half of the shorter one) are one node; the connected
   groups of nodes across articles are the quotations. Each occurrence is marked `quoted` when it lies within quotation marks
   («…», “…”, "…") in its article.
4. Speaker: in the sentence that leads to the occurrence, the last speech verb (قال، أكد، أضاف،
   أوضح، تابع، أشار، ذكر، صرح، أعلن، شدد … with their feminine forms) and then the person or
   organisation named right after the verb (within AFTER_VERB words), else the first one named
   between the sentence start and the verb ("سعد الحديثي … أكد أن"). The recogniser's names
   (Article.entities) are the only names used. A quotation's speaker is the one most occurrences name
   (ties: the earliest occurrence's).
"""
from __future__ import annotations

import difflib
import functools
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    import numpy as np

from generator.arabic import fold
from generator.model import Article, EntityHit
from generator.state import WorkCache
from generator.textsim import STOPWORDS, WORD, word_key

SHINGLE = 6
MAX_ARTICLES_PER_SHINGLE = 12
MAX_GAP = 3
MIN_WORDS = 10
MIN_CORE = 12  # a passage never within quotation marks needs this many words in a row unchanged
MIN_SHARED_SHINGLES = 3  # a pair is aligned only when it shares this many distinct runs
MAX_PAIRS_PER_ARTICLE = 24  # candidate partners looked at per article (those sharing the most runs)
COVER = 2  # kept partners that share each run of an article (see `_candidates`)
SEED = 3  # words of the runs that mark where two texts are aligned
MARGIN = SHINGLE + MAX_GAP  # words aligned around them
AFTER_VERB = 3
LEAD_INSIDE = 12  # words of the shared text itself read for a verb and a name
SPEAKER_TYPES = ("person", "organization")

SPEECH_VERBS = frozenset(word_key(v) for v in """
قال قالت أكد أكدت أضاف أضافت أوضح أوضحت تابع تابعت أشار أشارت ذكر ذكرت صرح صرحت أعلن أعلنت شدد شددت
أفاد أفادت اعتبر اعتبرت لفت لفتت نقل نقلت بين بينت أكدت قائلا قائلة مؤكدا مؤكدة مضيفا مضيفة
""".split())
_QUOTED = re.compile(r"«[^»\n]+»|“[^”\n]+”|„[^“”\n]+[“”]|\"[^\"\n]+\"")
_SENTENCE_END = re.compile(r"[.!؟?\n]")


@dataclass
class Occurrence:
    article: Article
    start: int  # character span in the article's body
    end: int
    speaker: str | None = None  # entity id, when this article says who spoke
    quoted: bool = False  # within quotation marks in this article


@dataclass
class Quotation:
    id: str  # "q-" + id of the first article + "-" + the occurrence's start word there
    text: str  # as printed by the first article (`display_text`)
    occurrences: list[Occurrence] = field(default_factory=list)  # first appearance first
    speaker: str | None = None  # entity id

    @property
    def quoted(self) -> bool:
        return any(o.quoted for o in self.occurrences)


_OPEN_MARK = re.compile(r"[«“„\"]")
LEAD_WORDS_SHOWN = 6  # words before an opening quotation mark dropped from the text shown


def display_text(passage: str) -> str:
    """The passage as shown: white space folded; when it opens with a few words and then a
    quotation mark (the speaker's name and a verb: "خالد الدليمي إن «…"), only what follows the mark,
    without quotation marks at either end (pages put their own around it)."""
    text = " ".join(passage.split())
    m = _OPEN_MARK.search(text)
    if m and len(text[:m.start()].split()) <= LEAD_WORDS_SHOWN and len(text[m.end():].split()) >= MIN_WORDS // 2:
        text = text[m.end():]
    return text.strip(" \"«»“”„").strip()


def quoted_spans(body: str) -> list[tuple[int, int]]:
    """Character spans of the text inside quotation marks in `body` (marks excluded)."""
    return [(m.start() + 1, m.end() - 1) for m in _QUOTED.finditer(body)]


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when at least half of [start, end) lies inside the quoted spans."""
    covered = sum(max(0, min(end, e) - max(start, s)) for s, e in spans)
    return covered * 2 >= end - start


def mention_positions(body: str, hits: list[EntityHit]) -> list[tuple[int, int, str]]:
    """(start, end, entity id) of every mention of a person or organisation in `body`, found by
    the surfaces the recogniser recorded (whole words, a proclitic allowed before), sorted."""
    out = []
    for hit in hits:
        if hit.type not in SPEAKER_TYPES:
            continue
        for s in sorted({x for x in hit.surfaces if x} or {hit.name}):
            i = body.find(s)
            while i != -1:
                end = i + len(s)
                before = body[i - 1] if i > 0 else " "
                before2 = body[i - 2] if i > 1 else " "
                if (end >= len(body) or not body[end].isalnum()) and (
                        not before.isalnum() or (before in "وفبل" and not before2.isalnum())):
                    out.append((i, end, hit.id))
                i = body.find(s, i + 1)
    out.sort()
    return out


def speaker_of(body: str, start: int, mentions: list[tuple[int, int, str]], end: int | None = None) -> str | None:
    """The entity id of who said the text that starts at `start` in `body`, or None (rules in the
    module docstring). `mentions` is `mention_positions(body, hits)`. When the shared text itself
    opens with the verb and the name ("قال مصدر … إن"), its words up to the first quotation mark
    (at most LEAD_INSIDE words, never past `end`) are read as well."""
    sent_start = 0
    for m in _SENTENCE_END.finditer(body, 0, start):
        sent_start = m.end()
    limit = start
    inside = list(re.finditer(r"\w+", body[start:end if end is not None else len(body)]))[:LEAD_INSIDE]
    if inside:
        stop = start + inside[-1].end()
        mark = re.search(r"[«“\"„]", body[start:stop])
        limit = start + mark.start() if mark else stop
    verb_start = verb_end = None
    for m in re.finditer(r"\w+", body[sent_start:limit]):
        if word_key(m.group()) in SPEECH_VERBS:
            verb_start, verb_end = sent_start + m.start(), sent_start + m.end()
    if verb_end is None or verb_start is None:
        return None
    after = [m for m in mentions if verb_end <= m[0] and m[1] <= limit]
    if after:
        gap = len(re.findall(r"\w+", body[verb_end:after[0][0]]))
        if gap <= AFTER_VERB:
            return after[0][2]
    before = [m for m in mentions if sent_start <= m[0] and m[1] <= verb_start]
    return before[0][2] if before else None


RUN_MULTIPLIER = 0x9E3779B97F4A7C15  # odd: the runs' hashes combine their words' hashes as a polynomial


@functools.lru_cache(maxsize=1 << 18)
def _word_hash(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


def run_hashes(ks: list[str]) -> "np.ndarray":
    """The distinct runs of SHINGLE words of `ks` (comparison forms, `textsim.keys`), each as a
    64-bit hash, sorted (uint64 array). The hash is the same in every process (each word's from
    blake2b, combined as a polynomial modulo 2^64), so it can be kept between builds
    (`reuse.WordsCache`); two different runs share one with a chance of about 10^-7 in an archive of
    ten million runs, and a pair they bring together is only aligned, never taken as shared."""
    import numpy as np  # here, not with the module: a build with nothing changed never needs it

    n = len(ks) - SHINGLE + 1
    if n <= 0:
        return np.empty(0, dtype=np.uint64)
    words = np.fromiter(map(_word_hash, ks), dtype=np.uint64, count=len(ks))
    out = np.zeros(n, dtype=np.uint64)
    multiplier = np.uint64(RUN_MULTIPLIER)
    with np.errstate(over="ignore"):  # modulo 2^64 is meant
        for j in range(SHINGLE):
            out = out * multiplier + words[j:j + n]
    return np.unique(out)


def shingle_index(keys: dict[str, list[str]], runs: dict[str, "np.ndarray"] | None = None) -> dict[int, list[str]]:
    """Every run of SHINGLE words (by its hash, `run_hashes`) printed by 2..MAX_ARTICLES_PER_SHINGLE
    articles → the sorted ids of those articles, in order of hash. `keys` maps each article id to
    its comparison forms (`textsim.keys` of the body); `runs`, when given, maps it to
    `run_hashes` of those (kept between builds by the caller)."""
    import numpy as np

    if runs is None:
        runs = {aid: run_hashes(ks) for aid, ks in keys.items()}
    ids = sorted(runs)
    if not ids:
        return {}
    hashes = np.concatenate([runs[aid] for aid in ids])
    owner = np.repeat(np.arange(len(ids)), [len(runs[aid]) for aid in ids])
    _, inverse, counts = np.unique(hashes, return_inverse=True, return_counts=True)
    printed_by = counts[inverse]
    rare = (printed_by >= 2) & (printed_by <= MAX_ARTICLES_PER_SHINGLE)  # most runs are in one article
    hashes, owner = hashes[rare], owner[rare]
    order = np.lexsort((owner, hashes))
    hashes, owner = hashes[order].tolist(), owner[order].tolist()
    index: dict[int, list[str]] = {}
    for h, o in zip(hashes, owner):
        lst = index.get(h)
        if lst is None:
            index[h] = [ids[o]]
        else:
            lst.append(ids[o])
    return index


def shingle_pairs(keys: dict[str, list[str]], index: dict[int, list[str]] | None = None
                  ) -> Counter[tuple[str, str]]:
    """For each pair of articles (ids in sorted order) that share a run of SHINGLE words printed by
    at most MAX_ARTICLES_PER_SHINGLE articles, the number of distinct such runs they share.
    `keys` maps each article id to its comparison forms (`textsim.keys` of the body); `index` is
    `shingle_index(keys)` when the caller has it already."""
    counts: Counter[tuple[str, str]] = Counter()
    for lst in (index if index is not None else shingle_index(keys)).values():
        for i, a in enumerate(lst):
            for b in lst[i + 1:]:
                counts[(a, b) if a < b else (b, a)] += 1
    return counts


def _candidates(counts: Counter[tuple[str, str]], index: dict[int, list[str]]) -> list[tuple[str, str]]:
    """The pairs to align, sorted. Of the pairs sharing MIN_SHARED_SHINGLES runs, each article looks
    at its partners, those sharing the most runs first (ties by id; at most MAX_PAIRS_PER_ARTICLE),
    and keeps one only while it shares a run that fewer than COVER kept partners share: every
    passage an article shares is aligned with COVER of the articles printing it, not with all of
    them. A passage printed by many articles is then found through a chain of pairs (the groups
    are connected components), and the number of pairs grows with the archive, not with its square."""
    adjacent: dict[str, list[tuple[int, str]]] = {}
    for (a, b), c in counts.items():
        if c >= MIN_SHARED_SHINGLES:
            adjacent.setdefault(a, []).append((-c, b))
            adjacent.setdefault(b, []).append((-c, a))
    runs_of: dict[str, set[int]] = {}
    for h, lst in index.items():
        for aid in lst:
            runs_of.setdefault(aid, set()).add(h)
    keep: set[tuple[str, str]] = set()
    for aid in sorted(adjacent):
        mine = runs_of.get(aid, set())
        need = dict.fromkeys(mine, COVER)
        for _, other in sorted(adjacent[aid])[:MAX_PAIRS_PER_ARTICLE]:
            shared = mine & runs_of.get(other, set())
            if any(need[h] > 0 for h in shared):
                keep.add((min(aid, other), max(aid, other)))
                for h in shared:
                    need[h] -= 1
    return sorted(keep)


def shared_runs(a: list[str], b: list[str], pa: list[int] | None = None,
                pb: list[int] | None = None) -> list[tuple[int, int, int, int, int]]:
    """Passages two word lists share: (a_start, a_end, b_start, b_end, longest unchanged run), word
    indexes, from difflib's matching blocks joined across gaps of at most MAX_GAP words, each with at
    least MIN_WORDS shared words. `pa` and `pb` give each word's paragraph number: a passage never
    runs from one paragraph into the next."""
    pa = pa or [0] * len(a)
    pb = pb or [0] * len(b)
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    blocks = []
    for blk in sm.get_matching_blocks():
        start = 0
        for k in range(1, blk.size + 1):  # cut a block where either text starts a new paragraph
            if k == blk.size or pa[blk.a + k] != pa[blk.a + k - 1] or pb[blk.b + k] != pb[blk.b + k - 1]:
                if k - start >= 2:
                    blocks.append(difflib.Match(blk.a + start, blk.b + start, k - start))
                start = k
    runs: list[list[int]] = []
    for blk in blocks:
        if runs:
            r = runs[-1]
            if (0 <= blk.a - r[1] <= MAX_GAP and 0 <= blk.b - r[3] <= MAX_GAP
                    and pa[blk.a] == pa[r[1] - 1] and pb[blk.b] == pb[r[3] - 1]):
                r[1], r[3], r[4], r[5] = blk.a + blk.size, blk.b + blk.size, r[4] + blk.size, max(r[5], blk.size)
                continue
        runs.append([blk.a, blk.a + blk.size, blk.b, blk.b + blk.size, blk.size, blk.size])
    out = []
    for a0, a1, b0, b1, n, core in runs:
        while a0 < a1 and b0 < b1 and a[a0] == b[b0] and a[a0] in STOPWORDS:  # no leading "إن"، "أن"
            a0, b0, n = a0 + 1, b0 + 1, n - 1
        if n >= MIN_WORDS:
            out.append((a0, a1, b0, b1, core))
    return out


def _paragraphs(body: str) -> list[int]:
    """The paragraph number (newlines before it) of each word of `body` (as `textsim.keys` counts them)."""
    out: list[int] = []
    for n, line in enumerate(body.split("\n")):
        out += [n] * len(WORD.findall(line))
    return out


def _seed_positions(ks: list[str]) -> dict[tuple[str, ...], list[int]]:
    """Where each run of SEED words starts (a passage reworded here and there still shares these)."""
    out: dict[tuple[str, ...], list[int]] = {}
    for i, run in enumerate(zip(*(ks[k:] for k in range(SEED)))):
        out.setdefault(run, []).append(i)
    return out


def _regions(px: dict[tuple[str, ...], list[int]], py: dict[tuple[str, ...], list[int]], nx: int, ny: int
             ) -> list[tuple[int, int, int, int]]:
    """Windows (x0, x1, y0, y1) of the two texts around the runs of SEED words they share, MARGIN
    words wide on each side: only these are aligned, not the whole texts."""
    pts = sorted((i, j) for h, js in py.items() for j in js for i in px.get(h, ()))
    out: list[list[int]] = []
    for i, j in pts:
        if out and i - out[-1][1] <= MARGIN:
            r = out[-1]
            r[1], r[2], r[3] = i, min(r[2], j), max(r[3], j)
        else:
            out.append([i, i, j, j])
    return [(max(0, a0 - MARGIN), min(nx, a1 + SEED + MARGIN), max(0, b0 - MARGIN), min(ny, b1 + SEED + MARGIN))
            for a0, a1, b0, b1 in out if a1 - a0 + SEED >= MIN_WORDS // 2]


def find_quotations(articles: list[Article], keys: dict[str, list[str]], order: dict[str, int],
                    skip: set[tuple[str, str]] | None = None,
                    counts: Counter[tuple[str, str]] | None = None,
                    index: dict[int, list[str]] | None = None,
                    aligned: "AlignmentCache | None" = None) -> list[Quotation]:
    """Shared passages across `articles` (rules in the module docstring).

    `keys` maps each article id to the comparison forms of its body (`textsim.keys(article.body)`),
    `order` each id to its place from oldest to newest; `counts` is `shingle_pairs(keys)` and
    `index` is `shingle_index(keys)` when the caller has them already; `aligned` keeps the
    alignment of each pair of texts between builds (`AlignmentCache`); `skip` holds (id, id) pairs not to compare (versions
    of one text share everything: their page shows the difference instead). Returns quotations sorted by first appearance, each
    with occurrences in order of appearance (oldest article first)."""
    by_id = {a.id: a for a in articles}
    keys = {aid: ks for aid, ks in keys.items() if aid in by_id}
    tokens: dict[str, list[tuple[int, int]]] = {}

    def toks(aid: str) -> list[tuple[int, int]]:  # each word's (start, end) in the body
        if aid not in tokens:
            tokens[aid] = [m.span() for m in WORD.finditer(by_id[aid].body)]
        return tokens[aid]
    spans: dict[str, list[tuple[int, int]]] = {}
    links: list[tuple[tuple[str, int, int], tuple[str, int, int]]] = []
    quoted: dict[str, list[tuple[int, int]]] = {}

    def is_quoted(aid: str, w0: int, w1: int) -> bool:
        if aid not in quoted:
            quoted[aid] = quoted_spans(by_id[aid].body)
        ws = toks(aid)
        return _inside(quoted[aid], ws[w0][0], ws[w1 - 1][1])

    skip = {(min(p), max(p)) for p in (skip or set())}
    paras: dict[str, list[int]] = {}

    def para(aid: str) -> list[int]:
        if aid not in paras:
            paras[aid] = _paragraphs(by_id[aid].body)
        return paras[aid]

    positions: dict[str, dict[tuple[str, ...], list[int]]] = {}

    def where(aid: str) -> dict[tuple[str, ...], list[int]]:
        if aid not in positions:
            positions[aid] = _seed_positions(keys[aid])
        return positions[aid]

    def align(x: str, y: str) -> list[tuple[int, int, int, int, int]]:
        kx, ky, px, py = keys[x], keys[y], para(x), para(y)
        return [(a0 + x0, a1 + x0, b0 + y0, b1 + y0, core)
                for x0, x1, y0, y1 in _regions(where(x), where(y), len(kx), len(ky))
                for a0, a1, b0, b1, core in shared_runs(kx[x0:x1], ky[y0:y1], px[x0:x1], py[y0:y1])]

    def runs(x: str, y: str) -> list[tuple[int, int, int, int, int]]:
        if aligned is None:
            return align(x, y)
        return aligned.pair(by_id[x].body, by_id[y].body, lambda: align(x, y))

    index = index if index is not None else shingle_index(keys)
    for (x, y) in _candidates(counts if counts is not None else shingle_pairs(keys, index), index):
        if (x, y) in skip:
            continue
        for a0, a1, b0, b1, core in runs(x, y):
            if core < MIN_CORE and not (is_quoted(x, a0, a1) or is_quoted(y, b0, b1)):
                continue
            spans.setdefault(x, []).append((a0, a1))
            spans.setdefault(y, []).append((b0, b1))
            links.append(((x, a0, a1), (y, b0, b1)))
    # spans of one article that mostly overlap (half of the shorter one) are one node
    node_of: dict[tuple[str, int, int], tuple[str, int, int]] = {}
    nodes: dict[str, list[tuple[int, int]]] = {}
    for aid, lst in spans.items():
        merged: list[list[int]] = []
        members: list[list[tuple[int, int]]] = []
        for s, e in sorted(set(lst)):
            if merged:
                ms, me = merged[-1]
                if min(e, me) - s >= 0.5 * min(e - s, me - ms):
                    merged[-1][1] = max(me, e)
                    members[-1].append((s, e))
                    continue
            merged.append([s, e])
            members.append([(s, e)])
        nodes[aid] = [(s, e) for s, e in merged]
        for (ms, me), group in zip(merged, members):
            for s, e in group:
                node_of[(aid, s, e)] = (aid, ms, me)
    parent: dict[tuple[str, int, int], tuple[str, int, int]] = {}

    def find(n: tuple[str, int, int]) -> tuple[str, int, int]:
        while parent.get(n, n) != n:
            n = parent[n]
        return n

    for p, q in links:
        rp, rq = find(node_of[p]), find(node_of[q])
        if rp != rq:
            parent[max(rp, rq)] = min(rp, rq)
    groups: dict[tuple[str, int, int], list[tuple[str, int, int]]] = {}
    for aid in sorted(nodes):
        for s, e in nodes[aid]:
            groups.setdefault(find((aid, s, e)), []).append((aid, s, e))
    quotes: list[Quotation] = []
    mentions_cache: dict[str, list[tuple[int, int, str]]] = {}
    for members in groups.values():
        if len({aid for aid, _, _ in members}) < 2:
            continue
        members.sort(key=lambda m: (order[m[0]], m[1]))
        occs = []
        for aid, s, e in members:
            art = by_id[aid]
            ws = toks(aid)
            c0, c1 = ws[s][0], ws[e - 1][1]
            if aid not in mentions_cache:
                mentions_cache[aid] = mention_positions(art.body, art.entities)
            occs.append(Occurrence(art, c0, c1, speaker_of(art.body, c0, mentions_cache[aid], c1),
                                   _inside(quoted_spans(art.body), c0, c1)))
        first = occs[0]
        text = display_text(first.article.body[first.start:first.end])
        q = Quotation(f"q-{first.article.id}-{members[0][1]}", text, occs)
        said = Counter(o.speaker for o in occs if o.speaker)
        if said:
            best = max(said.values())
            q.speaker = next(o.speaker for o in occs if o.speaker and said[o.speaker] == best)
        quotes.append(q)
    quotes.sort(key=lambda q: (order[q.occurrences[0].article.id], q.occurrences[0].start))
    return quotes


def folded(text: str) -> str:
    """The comparison form of a passage (for tests and the benchmark)."""
    return " ".join(word_key(w) for w in re.findall(r"\w+", fold(text)))


class AlignmentCache(WorkCache):
    """The shared runs of each pair of texts aligned by earlier builds (`state.WorkCache`, kind
    "reuse"), by the digests of the two bodies: the alignment depends on the two texts and this
    module's rules only, so after one article is added only its own pairs are aligned."""

    def __init__(self, cache_dir: Path | None) -> None:
        super().__init__(cache_dir, "reuse")

    def pair(self, body_x: str, body_y: str, compute: Callable[[], list[tuple[int, int, int, int, int]]]
             ) -> list[tuple[int, int, int, int, int]]:
        """The runs shared by the two bodies (word indexes, see `shared_runs`), kept or computed."""
        return self.get((self.digest(body_x), self.digest(body_y)), compute)
