"""Versions of one text: two articles that are largely the same text (an agency copy republished by
several outlets, one cutting or adding a paragraph), and the word-level difference between them.

    find_versions(keys, order, counts) -> list[VersionPair]
    word_diff(a_text, b_text) -> list[tuple[str, str]]

Candidates are the pairs that share many rare runs of six words (`quotes.shingle_pairs`, the index
the quotation stage builds anyway: at least CANDIDATE_SHARE of the shorter text's runs); each
candidate is then aligned word by word with difflib's SequenceMatcher, and the pair is kept only when the shared words cover most of both texts (see
SHORT_COVER and LONG_COVER). A short article quoted whole inside a long one is not a version of it.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass

from collections import Counter

from generator.textsim import Word, words

SHINGLE = 6  # words per run (as quotes.SHINGLE)
CANDIDATE_SHARE = 0.3  # share of the shorter text's runs the pair must share to be aligned
MIN_BLOCK = 3  # aligned runs shorter than this many words do not count as shared text
SHORT_COVER = 0.8  # share of the shorter text's words found, in order, in the longer one
LONG_COVER = 0.5  # ... and share of the longer text's words
MIN_WORDS = 40  # texts shorter than this are never called versions (too little to judge)


@dataclass(frozen=True)
class VersionPair:
    a: str  # article id of the earlier version (by date, then id)
    b: str  # article id of the later one
    shared: float  # share of the longer text's words that both versions have, 0..1


def shared_words(a: list[str], b: list[str]) -> int:
    """Words of `a` matched, in order, in `b` by difflib (runs of at least MIN_BLOCK words)."""
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(blk.size for blk in sm.get_matching_blocks() if blk.size >= MIN_BLOCK)


def find_versions(keys: dict[str, list[str]], order: dict[str, int],
                  counts: Counter[tuple[str, str]]) -> list[VersionPair]:
    """Pairs of articles that are versions of one text.

    `keys` maps each article id to the comparison forms of its body (`textsim.keys`); `order` maps
    each id to its place from oldest to newest (the pair's `a` is the older); `counts` is
    `quotes.shingle_pairs(keys)`. Returns pairs sorted by (a's place, b's place). Cost: one
    alignment per candidate."""
    out: list[VersionPair] = []
    for (x, y), shared in sorted(counts.items()):
        kx, ky = keys[x], keys[y]
        short, long_ = (kx, ky) if len(kx) <= len(ky) else (ky, kx)
        if len(short) < MIN_WORDS or shared < CANDIDATE_SHARE * (len(short) - SHINGLE + 1):
            continue
        n = shared_words(short, long_)
        if n >= SHORT_COVER * len(short) and n >= LONG_COVER * len(long_):
            a, b = (x, y) if order[x] < order[y] else (y, x)
            out.append(VersionPair(a, b, round(n / len(long_), 3)))
    out.sort(key=lambda v: (order[v.a], order[v.b]))
    return out


def word_diff(a_text: str, b_text: str) -> list[tuple[str, str]]:
    """Word-level difference from `a_text` to `b_text` as a list of (op, text) where op is "=" (in
    both, as written in b), "-" (only in a: cut) or "+" (only in b: added). Words are compared in
    their folded form (generator.textsim), so a spelling variant is not shown as a change."""
    wa, wb = words(a_text), words(b_text)
    sm = difflib.SequenceMatcher(None, [w.key for w in wa], [w.key for w in wb], autojunk=False)
    out: list[tuple[str, str]] = []

    def span(text: str, ws: list[Word], i: int, j: int) -> str:
        return text[ws[i].start:ws[j - 1].end] if j > i else ""

    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            out.append(("=", span(b_text, wb, j1, j2)))
            continue
        if i2 > i1:
            out.append(("-", span(a_text, wa, i1, i2)))
        if j2 > j1:
            out.append(("+", span(b_text, wb, j1, j2)))
    return [(op, t) for op, t in out if t]
