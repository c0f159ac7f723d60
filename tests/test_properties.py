"""Properties over arbitrary Unicode text: extraction never raises, and the front matter of the page
made from whatever it extracts always reads back (yaml.safe_load) to the article's own values."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from generator.context import assemble
from generator.model import Article, OutletRef
from generator.pages import render_article
from generator.pipeline import SiteConfig, Skipped, extract_bytes, extract_text, load_site_config

# Arabic letters, digits of both kinds, punctuation, Markdown and YAML syntax, line breaks and
# control characters, so arbitrary text often looks like a headline, a dateline or front matter.
ARABIC = [chr(c) for c in range(0x0621, 0x064B)] + ["ة", "ى", "ً", "ٌ", "ّ", "ـ", "،", "؛", "؟"]
DIGITS = list("0123456789") + [chr(0x0660 + i) for i in range(10)]
SYNTAX = list("#>|-*`_[](){}<>!&:;'\"\\/.,=+~^$%@?") + ["---", "key: value", "<script>", "](javascript:"]
SPACING = [" ", "\n", "\r\n", "\r", "\t", "\u200f", "\u200e", "\u00a0", "\u2028", "\u0085", "\ufeff"]
CONTROL = [chr(c) for c in range(0x00, 0x20)] + ["\x7f", "\x9b"]
WORDS = ["أيلول", "سبتمبر", "2015", "الأحد", "وكالة", "رويترز", "بغداد", "كتب", "المصدر:", "(أ ف ب)"]

pieces = st.one_of(
    st.sampled_from(ARABIC + DIGITS + SYNTAX + SPACING + CONTROL + WORDS),
    st.characters(blacklist_categories=("Cs",)),  # any code point that UTF-8 can encode
)
texts = st.lists(pieces, max_size=120).map("".join)
lines = st.lists(texts, max_size=12).map("\n".join)

_CFG: SiteConfig | None = None


def cfg() -> SiteConfig:
    global _CFG
    if _CFG is None:
        _CFG, problems = load_site_config(ROOT / "site_config")
        assert problems == []
    return _CFG


def front_matter(md: str) -> dict[str, Any]:
    assert md.startswith("---\n")
    end = md.index("\n---\n", 3)
    data = yaml.safe_load(md[4:end + 1])
    assert isinstance(data, dict)
    return data


def expected_front(art: Article) -> dict[str, Any]:
    """What the article page's front matter must say, from the article record alone."""
    want: dict[str, Any] = {"title": art.title or art.id, "kind": "article", "id": art.id,
                            "source": art.source.removeprefix("corpus/"),  # inside the corpus
                            "hide": ["toc"]}
    if art.date:
        want["date"] = art.date
    elif art.date_not_before:
        want["date_not_before"] = art.date_not_before
    if art.outlet:
        want["outlet"] = art.outlet.name
        want["outlet_id"] = art.outlet.id
    if art.author:
        want["author"] = art.author
    if art.wire:
        want["wire"] = list(art.wire)
    if art.source_url:
        want["source_url"] = art.source_url
    if art.topics:
        want["topics"] = list(art.topics)
    if art.entities:
        want["entities"] = [e.id for e in art.entities]
    return want


def rendered_front(art: Article) -> dict[str, Any]:
    c = cfg()
    ctx = assemble(Path("corpus"), ROOT / "site_config", c, [art], [], [])
    out = render_article(ctx, ctx.articles[0])
    assert out.path.startswith("articles/") and out.path.endswith(".md") and "/.." not in out.path
    return front_matter(out.text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines)
def test_extract_text_never_raises_and_its_front_matter_round_trips(text: str) -> None:
    art = extract_text(text, "corpus/x.txt", cfg())
    art.id = "x"
    assert rendered_front(art) == expected_front(art)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1256", "iso8859_6"]))
def test_extract_bytes_never_raises_and_its_front_matter_round_trips(text: str, codec: str) -> None:
    data = text.encode(codec, errors="replace") if codec not in ("utf-8", "utf-8-sig", "utf-16", "utf-16-le") \
        else text.encode(codec, errors="surrogatepass")
    result = extract_bytes(data, "corpus/x.txt", cfg())
    if isinstance(result, Skipped):
        assert result.source == "corpus/x.txt" and result.reason
        return
    result.id = "x"
    assert result.title or result.body
    assert rendered_front(result) == expected_front(result)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=3000))
def test_extract_bytes_of_arbitrary_bytes_never_raises(data: bytes) -> None:
    result = extract_bytes(data, "corpus/x.txt", cfg())
    if isinstance(result, Article):
        result.id = "x"
        assert rendered_front(result) == expected_front(result)


one_line = st.lists(st.one_of(st.sampled_from(ARABIC + SYNTAX + WORDS + [" ", "\u200f", "\u00a0"]),
                              st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"))),
                    min_size=1, max_size=60).map("".join).filter(lambda s: s.strip() != "")


@settings(max_examples=150, deadline=None)
@given(title=one_line, author=one_line, source=one_line)
def test_front_matter_of_any_title_author_and_file_name_round_trips(title: str, author: str, source: str) -> None:
    """A sidecar may set any one-line title or author, and a file may have any name."""
    art = Article(source=f"corpus/{source}.txt", id="x", title=title, author=author,
                  outlet=OutletRef("x", author), date="2015-09-27", body="نص قصير للتجربة.")
    assert rendered_front(art) == expected_front(art)


@pytest.mark.parametrize("title", ["---", "key: value", "'quoted'", '"double" and \'single\'', "- item",
                                   "? complex", "! tag", "&anchor", "*alias", "{a: b}", "[1, 2]", "null",
                                   "yes", "0x1F", "2015-09-27", "...", "# comment", "| literal",
                                   "> folded", "%YAML 1.2", "@reserved", "`tick`", "../../etc/passwd"])
def test_front_matter_of_yaml_syntax_titles(title: str) -> None:
    art = Article(source="corpus/x.txt", id="x", title=title, body="نص")
    front = rendered_front(art)
    assert front["title"] == title and isinstance(front["title"], str)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["title", "author", "outlet", "wire", "topics"]),
                          st.one_of(texts, st.lists(texts, max_size=3), st.integers())), max_size=6))
def test_front_matter_is_the_pure_python_emitters_and_reads_back(fields: list[tuple[str, Any]]) -> None:
    """The page writer uses libyaml's emitter where PyYAML has it (pages._DUMPER); the front matter
    is byte for byte what PyYAML's own emitter writes (whether that reads back is checked above, on
    the values extraction gives: PyYAML's emitter itself turns a raw NEL into a space)."""
    from generator.pages import front_matter

    text = front_matter(fields)
    data = {k: v for k, v in fields}
    pure = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=1000)
    assert text == "---\n" + pure + "---\n\n"


keys = st.from_regex(r"[a-z_]{1,12}", fullmatch=True)  # front matter keys are the generator's own names
values = st.recursive(st.one_of(texts, st.integers(), st.booleans(), st.none()),
                      lambda inner: st.one_of(st.lists(inner, max_size=3),
                                              st.dictionaries(keys, inner, max_size=3)), max_leaves=8)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(keys, values), max_size=5), st.booleans())
def test_front_matter_nodes_write_what_yaml_dump_writes(fields: list[tuple[str, Any]], shared: bool) -> None:
    """front_matter builds PyYAML's nodes itself (`pages.yaml_node`); nested lists and dicts,
    booleans and nulls come out as yaml.safe_dump writes them, and a list met twice (which PyYAML
    writes as an anchor and an alias) falls back to yaml.dump."""
    from generator.pages import front_matter

    if shared:
        same = ["أ", "ب"]
        fields = fields + [("first", same), ("second", same)]
    data = {k: v for k, v in fields if v is not None}
    pure = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=1000)
    assert front_matter(fields) == "---\n" + pure + "---\n\n"
