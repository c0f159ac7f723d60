"""The search analyzer: Python and JavaScript give the same tokens, and the tokens are the right ones."""
from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.search.analyzer import forms, index_terms, query_words, tokenize

ROOT = Path(__file__).resolve().parent.parent
VECTORS = json.loads((ROOT / "tests" / "analyzer_vectors.json").read_text(encoding="utf-8"))
ANALYZER_JS = ROOT / "site_config" / "theme" / "assets" / "javascripts" / "search" / "analyzer.js"

_NODE_RUNNER = """
const a = require(process.argv[1]);
let data = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (c) => { data += c; });
process.stdin.on("end", () => {
  const out = JSON.parse(data).map((t) => ({ terms: a.indexTerms(t), query: a.queryWords(t) }));
  process.stdout.write(JSON.stringify(out));
});
"""


def run_js(texts: list[str]) -> list[dict[str, list]]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed to check the JavaScript analyzer")
    proc = subprocess.run(
        [node, "-e", _NODE_RUNNER, str(ANALYZER_JS)],
        input=json.dumps(texts), capture_output=True, text=True, encoding="utf-8", check=True,
    )
    return json.loads(proc.stdout)


@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_python_matches_vector(vector: dict) -> None:
    assert index_terms(vector["input"]) == vector["terms"]
    assert query_words(vector["input"]) == vector["query"]


def test_javascript_matches_vectors() -> None:
    got = run_js([v["input"] for v in VECTORS])
    for vector, result in zip(VECTORS, got):
        assert result["terms"] == vector["terms"], vector["name"]
        assert result["query"] == vector["query"], vector["name"]


def _random_texts(n: int, seed: int) -> list[str]:
    """Strings drawn from the characters the analyzer treats specially, plus neighbours of them."""
    alphabet = (
        [chr(c) for c in range(0x0600, 0x0700)]
        + [chr(c) for c in range(0x0041, 0x007B)]
        + list("0123456789 .,:؛،؟!-«»“”\u200c\u200d\u200e\u200f\ufeffÉéßÀİ")
        + ["و", "ف", "ب", "ك", "ل", "ال", "لل", "وال", "بال", " "] * 8
    )
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(n)]


def test_python_and_javascript_agree_on_random_text() -> None:
    texts = _random_texts(1500, seed=20150927)
    got = run_js(texts)
    for text, result in zip(texts, got):
        assert result["terms"] == index_terms(text), repr(text)
        assert result["query"] == query_words(text), repr(text)


def test_vectors_file_is_not_trivial() -> None:
    """The vectors exercise every rule: folding, digits, each proclitic kind, guards, no suffixes."""
    flat = {t for v in VECTORS for t in v["terms"]}
    for expected in ("60", "2015", "ايران", "دوله", "عبادي", "بغداد", "رمادي", "معلوماتي", "عسكريا"):
        assert expected in flat


def test_readers_spellings_meet_the_texts() -> None:
    def meet(query: str, text: str) -> bool:
        [q] = query_words(query)
        return bool(set(q) & set(index_terms(text)))

    assert meet("عبادي", "قال حيدر العبادي")
    assert meet("الدوله", "رئيس الدولة")
    assert meet("ببغداد", "في بغداد")
    assert meet("بغداد", "اجتماع ببغداد")
    assert meet("والرمادي", "معارك الرمادي")
    assert meet("الرمادي", "والرمادي")
    assert meet("ايران", "إيرانُ")
    assert meet("اوباما", "قال أوباما")
    assert meet("عسكريا", "تدخلاً عسكريًا")
    assert meet("للدولة", "دولة")


def test_different_words_stay_apart() -> None:
    def meet(query: str, text: str) -> bool:
        [q] = query_words(query)
        return bool(set(q) & set(index_terms(text)))

    assert not meet("معلوماتي", "المعلومات")
    assert not meet("المعلومات", "معلوم")
    assert not meet("سوريا", "سوري")
    assert not meet("اله", "وكالة")
    assert not meet("بكر", "كر")
    assert not meet("دوله", "دولتين")
    assert not meet("البحرين", "البحر")
    assert not meet("البحر", "مملكة البحرين")
    assert not meet("زيتون", "زيت")
    # a name's first letters are no proclitic: the reader typing كيري or الله gets no short words
    assert not meet("كيري", "وقال إنه يرى حلا")
    assert not meet("الله", "وقال له")
    assert not meet("يري", "قال كيري")
    assert meet("مصر", "وصل بمصر")  # a three-letter stem after ب is still read
    assert meet("وزير", "الوزير")


def test_hamza_seats_and_plurals_meet() -> None:
    def meet(query: str, text: str) -> bool:
        return all(set(q) & set(index_terms(text)) for q in query_words(query))

    for query in ("مسئول", "مسؤول", "مسئولين", "المسؤولون", "شئون", "الشؤون"):
        assert meet(query, "صرّح مسؤول عن شؤون البلدية"), query
        assert meet(query, "صرّح مسئول عن شئون البلدية"), query


def test_forms_starts_with_the_word_itself() -> None:
    for word in tokenize("والرمادي ببغداد الاسد 60 reuters"):
        assert forms(word)[0] == word
