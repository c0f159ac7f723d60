"""The search analyzer: text → index terms, identical in Python (build time) and JavaScript (query time).

The JavaScript twin is `site_config/theme/assets/javascripts/search/analyzer.js`; both are checked
against the shared vectors in `tests/analyzer_vectors.json`, so neither can change alone.

Steps, in order:

1. `generator.arabic.fold`, the table `generator/normalisation.json`: presentation forms decomposed,
   format characters, diacritics and tatweel dropped, alef forms → ا, ؤ ئ → ء, ى → ي, ة → ه,
   Arabic-Indic and Persian digits → ASCII, Latin lower case.
2. Tokenise: a token is a run of letters (Arabic, Latin) and digits; a change between digits and
   Arabic letters also splits ("2015م" → "2015", "م").
3. Forms: a word written with proclitics can be read more than one way ("ببغداد" is ب + "بغداد",
   while "بغداد" itself starts with a ب), so no single stripped form is right. Every word gives the
   set of its readings: the word as written plus the word without each proclitic prefix the grammar
   allows — an optional conjunction (و ف), an optional preposition (ب ك ل) and an optional article
   (ال; ل + ال is written لل). A reading must keep at least `MIN_STEM_AFTER_ARTICLE` letters after
   the article ("الله" is not read as ال + "له"), and after a bare conjunction/preposition `MIN_STEM`
   letters plus one for each further letter removed ("وكالة" is not read as وك + "اله") and one more
   after ك ("كيري" is not read as ك + "يري").
   Two words match when their reading sets share a member: "عبادي" and "العبادي" share "عبادي",
   "ببغداد" and "بغداد" share "بغداد", "والرمادي" and "الرمادي" share "الرمادي".

4. Sound plural: when the shortest reading ends in the masculine plural (or dual) ending ين / ون
   and keeps at least `MIN_PLURAL_STEM` letters without it, every reading also gives the reading
   without the ending ("مسئولين" and "مسؤولون" meet "مسؤول"; "الموظفين" meets "موظف"). The guard
   keeps short words whole ("البحرين" is not "البحر", "زيتون" is not "زيت").

No other suffix is removed and nothing is reduced to a root: suffix rules merge different words
("معلومات" → "معلوم", "سوريا" → "سوري"), which the readings above never do. Digits are kept.
There is no stopword list.
"""
from __future__ import annotations

import functools
import re

from generator.arabic import fold

CONJUNCTIONS = ("", "و", "ف")
PREPOSITIONS = ("", "ب", "ك", "ل")
MIN_STEM = 3
MIN_STEM_AFTER_ARTICLE = 3
PLURAL_ENDINGS = ("ين", "ون")
MIN_PLURAL_STEM = 4

_ARABIC_LETTERS = ("\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06fa-\u06fc"
                   "\ufb50-\ufbb1\ufbd3-\ufd3d\ufd50-\ufd8f\ufd92-\ufdc7\ufdf0-\ufdfb\ufe70-\ufe74\ufe76-\ufefc")
_LATIN_LETTERS = "a-z\u00df-\u00f6\u00f8-\u00ff"
_TOKEN = re.compile(f"[{_ARABIC_LETTERS}]+|[{_LATIN_LETTERS}0-9]+")


def _prefixes() -> tuple[tuple[str, bool], ...]:
    """Every proclitic prefix with whether it ends in the article, longest first."""
    out: set[tuple[str, bool]] = set()
    for conj in CONJUNCTIONS:
        for prep in PREPOSITIONS:
            for article in (False, True):
                if article:
                    prefix = conj + ("لل" if prep == "ل" else prep + "ال")
                else:
                    prefix = conj + prep
                if prefix:
                    out.add((prefix, article))
    return tuple(sorted(out, key=lambda p: (-len(p[0]), p[0], p[1])))


PREFIXES = _prefixes()


def min_stem(prefix: str, article: bool) -> int:
    """Fewest letters a reading must keep once `prefix` is removed: `MIN_STEM_AFTER_ARTICLE` after
    the article (الله is not ال + له); after a conjunction or preposition `MIN_STEM` plus one for
    each further letter removed, and one more after ك, which starts far more words and names than it
    is a preposition before one (كيري is not ك + يري, while بمصر is ب + مصر)."""
    if article:
        return MIN_STEM_AFTER_ARTICLE
    return MIN_STEM + len(prefix) - 1 + (1 if prefix.endswith("ك") else 0)


def tokenize(text: str) -> list[str]:
    """Folded words of `text`, in order (repeats kept)."""
    return _TOKEN.findall(fold(text))


def forms(word: str) -> list[str]:
    """The readings of one folded word: itself first, then shorter readings, longest first."""
    out = [word]
    for prefix, article in PREFIXES:
        if not word.startswith(prefix):
            continue
        stem = word[len(prefix):]
        if len(stem) >= min_stem(prefix, article) and stem not in out:
            out.append(stem)
    base = min(out, key=len)
    if base.endswith(PLURAL_ENDINGS) and len(base) - 2 >= MIN_PLURAL_STEM:
        for reading in list(out):
            if reading[:-2] not in out:
                out.append(reading[:-2])
    return [out[0]] + sorted(out[1:], key=lambda s: (-len(s), s))


@functools.lru_cache(maxsize=1 << 18)
def _readings(word: str) -> tuple[str, ...]:
    """`forms(word)`, remembered: an archive prints the same words again and again, and `forms`
    tries every prefix on each (the 10,000 texts of the synthetic benchmark hold 5.1 million words,
    6,071 distinct; indexing them took four times as long without this). At most 2^18 words are
    kept, a few tens of MB."""
    return tuple(forms(word))


def index_terms(text: str) -> list[str]:
    """Index terms of `text`: every reading of every word, in text order (repeats kept)."""
    terms: list[str] = []
    for word in tokenize(text):
        terms.extend(_readings(word))
    return terms


def query_words(text: str) -> list[list[str]]:
    """A query as a list of words, each the list of its readings; repeated words dropped."""
    out: list[list[str]] = []
    seen: set[str] = set()
    for word in tokenize(text):
        if word not in seen:
            seen.add(word)
            out.append(forms(word))
    return out
