"""Words of an article for comparing texts: shared by the stories, versions and quotations stages.

    words(text) -> list[Word]            every word with its span in `text` and its comparison form
    keys(text) -> list[str]              the comparison forms alone
    minhash(tokens, num_perm) -> MinHash a datasketch MinHash of a set of strings

The comparison form is `generator.arabic.fold` (hamza forms, ى/ي, ة/ه, diacritics, digits) with a
leading conjunction و or ف dropped from words of four letters or more, so "وأكد" and "أكد", "الأشهر"
and "الاشهر" compare equal. Nothing here decides what is similar: that is the stages' business.
"""
from __future__ import annotations

import re
import zlib
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from datasketch import MinHash

from generator.arabic import fold

WORD = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]+")  # letters with their marks

# Function words left out of the word sets that measure how alike two articles' vocabularies are
# (folded forms). They carry no topic; leaving them in makes every pair of articles look alike.
STOPWORDS = frozenset(fold(w) for w in """
في من على إلى الى عن مع أن ان إن أو او ما لا لم لن قد كان كانت يكون هذا هذه ذلك تلك الذي التي الذين
بين بعد قبل حتى كل أي اي هو هي هم وقال قال قالت إنه انه أنه كما حيث عند منذ خلال ضد غير بعض أكثر ثم
و ب ل ف يوم اليوم الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت أيضا فيما وقد لقد إذا اذا
""".split())


class Word(NamedTuple):
    start: int  # character offsets into the text the word was read from
    end: int
    key: str  # comparison form


@lru_cache(maxsize=1 << 16)
def word_key(word: str) -> str:
    """The comparison form of one word (see the module docstring)."""
    f = fold(word)
    if len(f) >= 4 and f[0] in "وف":
        f = f[1:]
    return f


def words(text: str) -> list[Word]:
    """Every word (a run of letters, digits or "_") of `text`, in order, with its span."""
    return [Word(m.start(), m.end(), word_key(m.group())) for m in WORD.finditer(text)]


def keys(text: str) -> list[str]:
    """The comparison forms of the words of `text`, in order (`words` without the spans: cheaper)."""
    return [word_key(w) for w in WORD.findall(text)]


def content_keys(ks: list[str]) -> set[str]:
    """The set of comparison forms that carry content (no function words, no one- or two-letter
    words) among `ks` (from `keys`)."""
    return {k for k in ks if len(k) > 2 and k not in STOPWORDS}


def _crc32(data: bytes) -> int:
    return zlib.crc32(data)


@lru_cache(maxsize=8)
def _permutations(num_perm: int):
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, seed=1).permutations


def minhash(tokens: set[str] | list[str], num_perm: int = 64) -> MinHash:
    """A MinHash (datasketch, seed 1) of the set of `tokens`; an empty set gives an empty MinHash.
    Tokens are hashed with CRC-32 (zlib: fast, and the same in every process, unlike `hash`), and
    the permutations are made once per `num_perm`, so the same tokens give the same signature.
    datasketch is imported here, not with the module: importing it takes a second (it loads scipy),
    which a build that reuses every cached story never needs."""
    from datasketch import MinHash

    m = MinHash(num_perm=num_perm, seed=1, hashfunc=_crc32, permutations=_permutations(num_perm),
                scheme="affine32")
    if tokens:
        m.update_batch([t.encode("utf-8") for t in sorted(tokens)])
    return m
