"""URLs and slugs: ASCII, permanent, distinct, and relative links that resolve."""
from __future__ import annotations

import posixpath
import re

from hypothesis import given, strategies as st

from generator.urls import Urls, article_id, resolve_clashes, safe_slug


def resolve(from_path: str, link: str) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(from_path), link))


def test_link_between_folders_and_from_root() -> None:
    assert Urls.link("articles/a.md", "people/b.md") == "../people/b.md"
    assert Urls.link("index.md", "people/b.md") == "people/b.md"
    assert Urls.link("people/b.md", "index.md") == "../index.md"
    assert Urls.link("people/b.md", "people/index.md") == "index.md"
    assert Urls.link("timeline/2015-09.md", "timeline/index.md") == "index.md"


@given(st.lists(st.sampled_from(["index.md", "report.md", "articles/x.md", "people/y.md",
                                 "timeline/index.md", "timeline/2015-09.md", "a/b/c.md"]), min_size=2, max_size=2))
def test_link_always_resolves_to_target(pair: list[str]) -> None:
    src, dst = pair
    assert resolve(src, Urls.link(src, dst)) == dst


def test_page_url_uses_directory_urls() -> None:
    assert Urls.page_url("index.md") == ""
    assert Urls.page_url("people/index.md") == "people/"
    assert Urls.page_url("articles/x-1.md") == "articles/x-1/"


def test_every_page_kind_has_its_folder() -> None:
    u = Urls(articles={"a1": "a1"}, entities={"haider": "haider"})
    assert u.article("a1") == "articles/a1.md"
    assert u.entity("person", "haider") == "people/haider.md"
    assert u.entity("place", "haider") == "places/haider.md"
    assert u.entity("organization", "haider") == "organizations/haider.md"
    assert u.topic("security") == "topics/security.md"
    assert u.outlet("aletihad") == "outlets/aletihad.md"
    assert u.month(2015, 9) == "timeline/2015-09.md"
    assert u.index("people") == "people/index.md"


@given(st.text(min_size=1, max_size=40))
def test_safe_slug_is_ascii_and_stable(curated: str) -> None:
    slug = safe_slug(curated)
    assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug)
    assert slug == safe_slug(curated)


def test_safe_slug_keeps_clean_ids_and_separates_others() -> None:
    assert safe_slug("haider-al-abadi") == "haider-al-abadi"
    assert safe_slug("Haider") != safe_slug("haider")
    assert safe_slug("العبادي") != safe_slug("العبادى")


def test_resolve_clashes_is_order_independent_and_distinct() -> None:
    wanted = {"A.txt": "a", "a.txt": "a", "b/a.txt": "b-a", "b-a.txt": "b-a", "c.txt": "c"}
    one = resolve_clashes(wanted)
    two = resolve_clashes(dict(reversed(list(wanted.items()))))
    assert one == two
    assert len(set(one.values())) == len(one)
    assert one["a.txt"] == "a" and one["b-a.txt"] == "b-a" and one["c.txt"] == "c"
    assert one["A.txt"].startswith("a-") and one["b/a.txt"].startswith("b-a-")


def test_clash_suffix_never_takes_another_inputs_slug() -> None:
    first = resolve_clashes({"x.txt": "x", "X.txt": "x"})
    taken = first["X.txt"]
    again = resolve_clashes({"x.txt": "x", "X.txt": "x", taken + ".txt": taken})
    assert len(set(again.values())) == 3


def test_article_ids_from_nested_and_arabic_names_are_ascii() -> None:
    assert article_id("2015/09/a.txt") == "2015-09-a"
    ar = article_id("مقال عن بغداد.txt")
    assert re.fullmatch(r"[a-z0-9-]+", ar) and ar != article_id("مقال عن البصرة.txt")
