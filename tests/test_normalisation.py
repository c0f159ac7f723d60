"""The one normalisation table: its content, its JavaScript copy, and the properties of folding and
repair (idempotent; Python and JavaScript agree on any string)."""
from __future__ import annotations

import json
import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import arabic
from generator.arabic import FOLD_MAP, fold, fold_with_map, repair, strip_unbalanced_bidi
from generator.search.analyzer import index_terms, query_words

ROOT = Path(__file__).resolve().parent.parent

_NODE_SERVER = """
const a = require(process.argv[1]);
const rl = require("readline").createInterface({ input: process.stdin });
rl.on("line", (line) => {
  const t = JSON.parse(line);
  process.stdout.write(JSON.stringify({ fold: a.fold(t), terms: a.indexTerms(t), query: a.queryWords(t) }) + "\\n");
});
"""


class NodeAnalyzer:
    """The JavaScript analyzer in one long-lived node process, asked one string at a time."""

    def __init__(self) -> None:
        node = shutil.which("node")
        if node is None:
            pytest.fail("node is needed to check the JavaScript analyzer")
        self.proc = subprocess.Popen([node, "-e", _NODE_SERVER, str(arabic.JS_PATH)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, encoding="utf-8")

    def __call__(self, text: str) -> dict:
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(json.dumps(text) + "\n")
        self.proc.stdin.flush()
        return json.loads(self.proc.stdout.readline())

    def close(self) -> None:
        assert self.proc.stdin
        self.proc.stdin.close()
        self.proc.wait(timeout=10)


@pytest.fixture(scope="module")
def js() -> Iterator[NodeAnalyzer]:
    node = NodeAnalyzer()
    yield node
    node.close()


# ---- the table ------------------------------------------------------------------------------------

def test_javascript_carries_the_compiled_table() -> None:
    """The analyzer.js block is exactly the table as Python compiles it (run
    `python -m generator.arabic --write-js` after editing generator/normalisation.json)."""
    assert arabic.js_block() == arabic.js_fold_map()


def test_every_format_character_is_removed() -> None:
    for cp in range(0x110000):
        ch = chr(cp)
        if unicodedata.category(ch) == "Cf":
            assert fold("ب" + ch + "ت") == "بت", hex(cp)
    for cp in (0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
               0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF):
        assert FOLD_MAP[chr(cp)] == ""


def test_every_presentation_form_folds_to_ordinary_letters() -> None:
    for lo, hi in ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF)):
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            if unicodedata.decomposition(ch).startswith("<"):
                folded = fold(ch)
                assert folded == fold(unicodedata.normalize("NFKC", ch)).strip(" "), hex(cp)
                assert not any(0xFB50 <= ord(c) <= 0xFEFF for c in folded), hex(cp)


def test_the_foldings_the_issue_names() -> None:
    assert fold("أإآٱا") == "ااااا"
    assert fold("مسئول") == fold("مسؤول") and fold("شئون") == fold("شؤون")
    assert fold("مستشفى") == fold("مستشفي")
    assert fold("المدرسة") == fold("المدرسه")
    assert fold("الحكـــومة") == fold("الحكومة")
    assert fold("عَسْكَرِيًّا") == "عسكريا"
    assert fold("٢٠١٥ ۲۰۱۵") == "2015 2015"
    assert fold("کرکوک علی") == fold("كركوك علي")
    assert fold("ﺍﻟﻤﻮﺻﻞ") == fold("الموصل")
    assert fold("ﻷﻥ") == fold("لأن")
    assert fold("ن\u061cي\u200fن\u2067و\u2069ى") == fold("نينوى")


# ---- repair (what is shown) -----------------------------------------------------------------------

def test_repair_turns_presentation_forms_into_letters_and_keeps_hamza() -> None:
    assert repair("ﺍﻟﻤﻮﺻﻞ ﺇﺻﻠﺎﺡ ﻷﻥ") == "الموصل إصلاح لأن"
    assert repair("عَسْكَرِيًّا مسؤول ى ة") == "عَسْكَرِيًّا مسؤول ى ة"  # letters are never folded
    assert repair("النبي ﷺ") == "النبي ﷺ"  # word ligatures are kept as written


def test_repair_strips_unbalanced_bidi_controls_only() -> None:
    assert repair("\u202eعنوان الخبر") == "عنوان الخبر"
    assert repair("خبر\u202c عاجل\u2069") == "خبر عاجل"
    balanced = "في \u2067حلب\u2069 و\u202bحمص\u202c اليوم"
    assert repair(balanced) == balanced
    # an embedding opened inside an isolate ends with it: it is unclosed, the isolate is kept
    assert strip_unbalanced_bidi("\u2068أ\u202eب\u2069") == "\u2068أب\u2069"
    # nothing carries over a line break
    assert repair("\u202bسطر\n\u202cسطر") == "سطر\nسطر"
    assert repair("\u200fعلامة") == "\u200fعلامة"  # marks are not embeddings: kept


# ---- properties -----------------------------------------------------------------------------------

_ARABIC_HEAVY = st.text(alphabet=st.one_of(
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
    st.characters(min_codepoint=0xFB50, max_codepoint=0xFDFF),
    st.characters(min_codepoint=0xFE70, max_codepoint=0xFEFF),
    st.sampled_from(list(" .،ـ0123456789Aa\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                         "\u2066\u2067\u2068\u2069\u2060\ufeff\u00ad\u0301")),
), max_size=40)
# Characters this Python knows (assigned in its Unicode database): node may know a newer Unicode, and
# a character unassigned here could fold differently there.
_ANY = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cn")), max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_ANY, _ARABIC_HEAVY))
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_ANY, _ARABIC_HEAVY))
def test_repair_is_idempotent_and_folds_the_same(text: str) -> None:
    assert repair(repair(text)) == repair(text)
    assert index_terms(repair(text)) == index_terms(text)


@settings(max_examples=200, deadline=None)
@given(_ARABIC_HEAVY)
def test_fold_with_map_points_back_into_the_source(text: str) -> None:
    folded, index = fold_with_map(text)
    assert len(folded) == len(index)
    assert all(0 <= i < len(text) for i in index)
    assert index == sorted(index)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(_ANY, _ARABIC_HEAVY))
def test_python_and_javascript_analyzers_agree(js: NodeAnalyzer, text: str) -> None:
    got = js(text)
    assert got["terms"] == index_terms(text)
    assert got["query"] == query_words(text)
    assert got["fold"] == fold(text)


def test_table_matches_the_unicode_database_it_names() -> None:
    """The Unicode-derived sections are what tools/make_normalisation_table.py gives (checked when
    this Python's Unicode database is the one the table was made from)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_table", ROOT / "tools" / "make_normalisation_table.py")
    assert spec and spec.loader
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    table = arabic.load_table()
    if table["unicode_version"] != unicodedata.unidata_version:
        pytest.skip(f"table made from Unicode {table['unicode_version']}, this Python has {unicodedata.unidata_version}")
    made = tool.derived()
    assert table["format_characters"] == made["format_characters"]
    assert table["compatibility"] == made["compatibility"]
