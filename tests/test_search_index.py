"""The search index files: lunr's weights, shards that cover every term, determinism, and the
browser engine (run under node) giving the same ranking and scores as the whole lunr index."""
from __future__ import annotations

import gzip
import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.context import load_context
from generator.model import Article, EntityHit, OutletRef
from generator.search import article_urls, page_markdown, write_index
from generator.search.analyzer import query_words
from generator.search.indexer import (
    FIELDS, PRINTED_FIELDS, Doc, DocCache, analyse, analyzed, bm25_postings, build_files, decode_varints,
    docs_from_articles, document_record, encode_varints, index_files, shard_of, write_tree,
)
from lunr.builder import Builder
from lunr_reference import build_lunr, term_postings

ROOT = Path(__file__).resolve().parent.parent
JS = ROOT / "site_config" / "theme" / "assets" / "javascripts" / "search"

# Sentences written for these tests.
SENTENCES = [
    ("وصل الوزير إلى بغداد", "وصل وزير الخارجية إلى بغداد صباح الأحد في زيارة رسمية تستمر يومين."),
    ("اجتماع ببغداد لبحث الأمن", "عقد في بغداد اجتماع أمني، وقال مسؤول إن 60 دولة تشارك في التحالف."),
    ("معارك في الرمادي", "تواصلت المعارك في الرمادي والفلوجة، وأعلن الجيش تقدمه والرمادي محاصرة."),
    ("الدولة والمجتمع", "ناقش المؤتمر دور الدولة في حماية المجتمع وللدولة مسؤوليات كبيرة."),
    ("مركز للمعلومات", "افتتح مركز معلوماتي جديد لتبادل المعلومات بين الوزارات."),
    ("تدخل عسكري", "رفضت الحكومة تدخلًا عسكريًّا جديدًا وأكدت أن الحل ليس عسكريا."),
    ("أخبار إيران", "زار الرئيس الإيراني موسكو، وقالت إيران إن التعاون مستمر."),
    ("بلا تاريخ", "نص قصير عن الطقس في الصيف والمطر في الشتاء."),
]


def _articles() -> list[Article]:
    out = []
    for i, (title, body) in enumerate(SENTENCES):
        art = Article(source=f"t/{i}.txt", id=f"a{i}", title=title, body=body)
        art.date = None if i == 7 else f"201{i % 3 + 4}-0{i % 9 + 1}-1{i % 9}"
        art.outlet = OutletRef("o1", "وكالة الأنباء") if i % 2 else OutletRef("o2", "صحيفة المساء")
        if "بغداد" in body:
            art.entities = [EntityHit("baghdad", "بغداد", "place", 1, ["بغداد"])]
        out.append(art)
    return out


def _docs() -> list[Doc]:
    arts = _articles()
    return docs_from_articles(arts, {a.id: f"articles/{a.id}/" for a in arts})


def test_documents_are_numbered_newest_first_with_undated_last() -> None:
    dates = [d.date for d in _docs()]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True)
    assert dates[-1] == ""


def test_output_is_deterministic() -> None:
    a = build_files(_docs(), shard_bytes=600).files
    b = build_files(list(_docs()), shard_bytes=600).files
    assert a == b
    assert len([k for k in a if k.startswith("t/")]) > 3
    # every file but the manifest is gzipped, with no time stamp in it
    assert all(k.endswith(".json.gz") and v[:2] == b"\x1f\x8b" and v[4:8] == b"\0\0\0\0"
               for k, v in a.items() if k != "manifest.json")


def test_every_term_is_in_the_shard_the_manifest_points_to() -> None:
    files = build_files(_docs(), shard_bytes=600).files
    manifest = json.loads(files["manifest.json"])
    first = manifest["shards"]
    assert first == sorted(first)
    seen: set[str] = set()
    for k in range(len(first)):
        shard = json.loads(gzip.decompress(files[f"t/{k}.json.gz"]))
        for term in shard:
            assert shard_of(first, term) == k
            assert term not in seen
            seen.add(term)
    assert seen == set(build_lunr(_docs()).inverted_index)


def test_postings_carry_lunrs_own_weights() -> None:
    docs = _docs()
    index = build_lunr(docs)
    postings = term_postings(index)
    names = [n for n, _ in FIELDS]
    checked = 0
    for term, row in postings.items():
        for fi, encoded in enumerate(row[1:]):
            flat = decode_varints(encoded)
            n = 0
            for i in range(0, len(flat or []), 2):
                n += flat[i]
                vec = index.field_vectors[f"{names[fi]}/{n}"].elements
                weight = dict(zip(vec[::2], vec[1::2]))[row[0]]
                assert flat[i + 1] == round(weight * 1000)
                checked += 1
    assert checked > 100


def _many_docs(n: int) -> list[Doc]:
    """`n` documents whose fields are drawn from the sentences above (lengths and repeats vary)."""
    rng = random.Random(n)
    words = " ".join(title + " " + body for title, body in SENTENCES).split()
    docs = []
    for i in range(n):
        body = " ".join(rng.choice(words) for _ in range(rng.randint(0, 60)))
        docs.append(Doc(url=f"a/{i}/", title=" ".join(rng.sample(words, rng.randint(1, 6))),
                        date=f"2015-0{i % 9 + 1}-10" if i % 4 else "", outlet=rng.choice(["", "وكالة الأنباء"]),
                        body=body, byline=rng.choice(["", "مراسلنا", "رويترز أ ف ب"]),
                        entity_text=rng.choice(["", "بغداد", "داعش الدولة الإسلامية"]),
                        date_text="2015 10 أيلول سبتمبر" if i % 4 else ""))
    return docs


@pytest.mark.parametrize("n", [1, 8, 300])
def test_bm25_postings_are_lunrs_own_numbers(n: int) -> None:
    docs = _docs() if n == 8 else _many_docs(n)
    assert bm25_postings([analyse(d) for d in docs]) == term_postings(build_lunr(docs))


def test_the_document_cache_gives_the_same_files(tmp_path: Path) -> None:
    docs = _many_docs(40)
    plain = build_files(docs).files
    first = DocCache(tmp_path)
    assert build_files(docs, cache=first).files == plain
    first.save()
    again = DocCache(tmp_path)
    assert len(again.entries) == len({DocCache.key(d) for d in docs})
    more = docs + _many_docs(3)
    assert build_files(more, cache=again).files == build_files(more).files


def test_term_list_builder_leaves_lunr_in_the_same_state() -> None:
    docs = _docs()
    fast, stock = build_lunr(docs), build_lunr(docs, builder_class=Builder)
    assert {t: p["_index"] for t, p in fast.inverted_index.items()} == {
        t: p["_index"] for t, p in stock.inverted_index.items()}
    for term, posting in stock.inverted_index.items():
        for name, _ in FIELDS:
            assert set(fast.inverted_index[term][name]) == set(posting[name])
    assert {k: v.elements for k, v in fast.field_vectors.items()} == {
        k: v.elements for k, v in stock.field_vectors.items()}
    assert analyzed(docs[0], 0)["title"]


def test_varints_round_trip() -> None:
    rng = random.Random(7)
    values = [0, 1, 31, 32, 1023, 1024, 2**20, 2**31] + [rng.randrange(0, 10**rng.randint(1, 9)) for _ in range(500)]
    text = encode_varints(values)
    assert decode_varints(text) == values
    assert set(text) <= set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_")
    assert len(encode_varints([5, 700])) == 3
    with pytest.raises(ValueError):
        encode_varints([-1])


def test_texts_and_facets() -> None:
    docs = _docs()
    files = build_files(docs).files
    for n, doc in enumerate(docs):
        record = json.loads(gzip.decompress(files[f"x/{n}.json.gz"]))
        assert record == document_record(doc)
        assert record[0] == doc.title
        assert record[2:] == [doc.url, doc.date, doc.outlet, doc.byline]
        assert record[1] == [e[0] for e in doc.entities]  # ids: the names are in f/meta, once
        assert " ".join(doc.body.split()) not in json.dumps(record, ensure_ascii=False)  # the text: from the page
    assert not any(name.endswith(".js") for name in index_files(docs))  # the browser needs no lunr.js
    assert {name.split("/")[0] for name in files} == {"manifest.json", "t", "x", "f", "l"}  # no record chunks
    meta = json.loads(gzip.decompress(files["f/meta.json.gz"]))
    rows = json.loads(gzip.decompress(files["f/0.json.gz"]))
    for doc, row in zip(docs, rows):
        assert (meta["years"][row[0]] if row[0] >= 0 else "") == doc.year
        assert meta["outlets"][row[1]] == doc.outlet
        assert [meta["entities"][e][0] for e in row[2]] == [e[0] for e in doc.entities]
    assert meta["entities"] == [["baghdad", "بغداد", "place", []]]  # id, name, type, other names


def test_lists_hold_every_document_of_a_name_a_topic_and_an_outlet_newest_first() -> None:
    arts = _articles()
    for i, art in enumerate(arts):
        art.topics = ["iraq"] if i % 3 == 0 else []
    docs = docs_from_articles(arts, {a.id: f"articles/{a.id}/" for a in arts})
    files = build_files(docs, shard_bytes=40, topics={"iraq": "الشأن العراقي"}).files
    manifest = json.loads(files["manifest.json"])
    shards = [json.loads(gzip.decompress(files[f"l/{k}.json.gz"])) for k in range(len(manifest["lists"]))]
    assert len(shards) > 1 and manifest["lists"] == [min(s) for s in shards]
    lists: dict[str, list[int]] = {}
    for shard in shards:
        for key, gaps in shard.items():
            assert shard_of(manifest["lists"], key) == shards.index(shard)
            ns = decode_varints(gaps)
            lists[key] = [sum(ns[:i + 1]) for i in range(len(ns))]
    expected: dict[str, list[int]] = {}
    for n, doc in enumerate(docs):
        for key in [f"e:{e[0]}" for e in doc.entities] + [f"t:{t}" for t in doc.topics] + [f"o:{doc.outlet}"]:
            expected.setdefault(key, []).append(n)
    assert lists == expected
    assert lists["e:baghdad"] == [n for n, d in enumerate(docs) if "بغداد" in d.body]
    assert len(lists["t:iraq"]) == 3 and lists["t:iraq"] == sorted(lists["t:iraq"])
    assert json.loads(gzip.decompress(files["f/meta.json.gz"]))["topics"] == [["iraq", "الشأن العراقي"]]


def test_vectorised_rounding_and_varints_are_pythons() -> None:
    """`weights_x1000` gives Python's round(round(s, 3) * 1000) for every score, those a hair from a
    half included (where numpy's product and the exact decimal could disagree), and `varint_digits`
    the digits `encode_varints` writes."""
    import numpy as np

    from generator.search.indexer import varint_digits, weights_x1000

    rng = random.Random(7)
    scores = [rng.uniform(0, 60) for _ in range(20000)]
    scores += [k / 1000 + 0.0005 for k in range(0, 60000, 7)]  # halves, as near as floats get
    scores += [x + d for x in (0.0125, 1.0005, 2.2345, 13.9995) for d in (-1e-12, 0, 1e-12)]
    got = weights_x1000(np.array(scores)).tolist()
    assert got == [round(round(s, 3) * 1000) for s in scores]
    values = [0, 1, 31, 32, 1023, 1024, 32767, 32768, 10**9] + [rng.randrange(0, 10**6) for _ in range(2000)]
    digits, ends = varint_digits(np.array(values))
    cuts = [0] + ends.tolist()
    assert [digits[a:b].decode() for a, b in zip(cuts, cuts[1:])] == [encode_varints([v]) for v in values]


def test_write_tree_writes_only_changes_and_removes_stale_files(tmp_path: Path) -> None:
    files = {"a.json": b"1", "t/0.json": b"2"}
    assert write_tree(tmp_path, files) == 2
    assert write_tree(tmp_path, files) == 0
    (tmp_path / "t" / "9.json").write_bytes(b"old")
    assert write_tree(tmp_path, {"a.json": b"1", "t/0.json": b"3"}) == 1
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()) == [
        "a.json", "t/0.json"]


def test_write_index_over_the_fixture_corpus(tmp_path: Path) -> None:
    from fixture_corpus import write_fixture_corpus

    ctx = load_context(write_fixture_corpus(tmp_path / "corpus"), ROOT / "site_config")
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text("{}")
    assert write_index(ctx, ctx.urls, tmp_path) > 0
    assert write_index(ctx, ctx.urls, tmp_path) == 0
    assert not (tmp_path / "search" / "search_index.json").exists()
    manifest = json.loads((tmp_path / "search-index" / "manifest.json").read_text("utf-8"))
    assert manifest["docs"] == len(ctx.articles)
    urls = article_urls(ctx.articles, ctx.urls)
    assert all(u.startswith("articles/") for u in urls.values())


def test_search_page_markdown_holds_the_container() -> None:
    md = page_markdown()
    assert md.startswith("---\n") and 'id="arshif-search-page"' in md and 'name="q"' in md


_NODE_ENGINE = r"""
const fs = require("fs"), path = require("path");
const [dir, analyzerPath, searchPath] = process.argv.slice(1);
global.ArshifAnalyzer = require(analyzerPath);
global.window = global;
global.fetched = [];
global.fetch = (url) => {
  const rel = url.split("?")[0];
  fetched.push(rel);
  return Promise.resolve(new Response(fs.readFileSync(path.join(dir, rel))));  // inflated by DecompressionStream
};
require(searchPath);
const queries = JSON.parse(fs.readFileSync(0, "utf8"));
(async () => {
  const out = [];
  for (const q of queries) {
    const engine = new ArshifSearch.Engine("");
    fetched.length = 0;
    const res = await engine.search(q);
    out.push({ hits: res.hits, fetched: fetched.slice() });
  }
  process.stdout.write(JSON.stringify(out));
})();
"""

ENGINE_QUERIES = ["بغداد", "ببغداد", "والرمادي", "الدوله", "60 دولة", "مركز معلوماتي", "عسكريا", "ايران",
                  "الوزير", "المعلومات", "في", "غير موجود", "وكالة الانباء", "بغداد الرمادي"]


def _python_ranking(index, query: str) -> list[tuple[int, float]]:
    """The engine's ranking written again from lunr's Python index: a word matches in the printed
    fields or in `entities`; articles matched only through an entity's name last, then more words
    printed as typed, more words in the title, lunr's score, the document number."""
    words = query_words(query)
    printed = [f for f in PRINTED_FIELDS]

    def docs(forms: list[str], fields: list[str]) -> set[int]:
        return {int(ref) for t in forms if t in index.inverted_index
                for f in fields for ref in index.inverted_index[t][f]}

    allowed = None
    for forms in words:
        found = docs(forms, printed) | docs(forms, ["entities"])
        allowed = found if allowed is None else allowed & found
    if not allowed:
        return []
    q = index.create_query()
    for forms in words:
        for i, t in enumerate(forms):
            if t in index.inverted_index:
                q.term(t, use_pipeline=False, boost=4 if i == 0 else 1)
    scores = {int(r["ref"]): r["score"] for r in index.query(q) if int(r["ref"]) in allowed}

    def key(n: int) -> tuple[int, int, int, float, int]:
        named = any(n not in docs(forms, printed) for forms in words)
        literal = sum(n in docs(forms[:1], printed) for forms in words)
        title = sum(n in docs(forms, ["title"]) for forms in words)
        return (int(named), -literal, -title, -scores[n], n)

    return [(n, scores[n]) for n in sorted(scores, key=key)]


def test_browser_engine_ranks_like_the_whole_lunr_index(tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed to run the search engine script")
    docs = _docs()
    for rel, data in build_files(docs, shard_bytes=600).files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(data)
    proc = subprocess.run(  # no lunr.js: the engine scores from the postings itself
        [node, "-e", _NODE_ENGINE, str(tmp_path), str(JS / "analyzer.js"), str(JS / "search.js")],
        input=json.dumps(ENGINE_QUERIES), capture_output=True, text=True, encoding="utf-8", check=True,
    )
    got = json.loads(proc.stdout)
    index = build_lunr(docs)
    manifest = json.loads((tmp_path / "manifest.json").read_text("utf-8"))
    nonempty = 0
    for query, result in zip(ENGINE_QUERIES, got):
        expected = _python_ranking(index, query)
        assert [h["n"] for h in result["hits"]] == [n for n, _ in expected], query
        for h, (_, score) in zip(result["hits"], expected):
            assert h["score"] == pytest.approx(score, rel=1e-9), query
        nonempty += bool(expected)
        terms = {t for forms in query_words(query) for t in forms}
        wanted = {f"t/{shard_of(manifest['shards'], t)}.json.gz" for t in terms}
        assert set(result["fetched"]) == {"manifest.json"} | wanted, query
    assert nonempty >= 10


def test_mkdocs_hook_keeps_every_page_out_of_materials_index() -> None:
    from types import SimpleNamespace

    from generator.search.mkdocs_hook import on_page_markdown

    plain = SimpleNamespace(meta={"title": "x"})
    assert on_page_markdown("# x", plain, None, None) == "# x"
    assert plain.meta["search"] == {"exclude": True}
    boosted = SimpleNamespace(meta={"search": {"boost": 2}})
    on_page_markdown("", boosted, None, None)
    assert boosted.meta["search"] == {"boost": 2, "exclude": True}


def test_the_built_seed_site_has_no_material_index_even_before_cleanup(tmp_path: Path) -> None:
    """MkDocs with the project's hooks writes an empty Material index (write_index then deletes it)."""
    import os
    import sys

    from generator.build import mkdocs_config_for

    ctx_dir = ROOT / "content"
    cfg, tmp = mkdocs_config_for(ctx_dir, tmp_path / "site", ROOT)
    try:
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(cfg), "-d",
                        str(tmp_path / "site")], cwd=ROOT, env=env, check=True, capture_output=True)
    finally:
        if tmp is not None:
            shutil.rmtree(tmp)
    data = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text("utf-8"))
    assert data["docs"] == []


_NODE_SNIPPET = r"""
global.window = global;
global.ArshifAnalyzer = require(process.argv[1]);
require(process.argv[2]);
const [text, query, size] = JSON.parse(require("fs").readFileSync(0, "utf8"));
const terms = {};
ArshifAnalyzer.queryWords(query).forEach((f) => f.forEach((t) => { terms[t] = true; }));
const s = ArshifSearch.snippet(text, terms, size);
process.stdout.write(JSON.stringify([s, ArshifSearch.highlight(s, terms)]));
"""


@pytest.mark.parametrize("query, marked", [("الرمادي", "والرمادي"), ("ببغداد", "بغداد"), ("كوريا", None)])
def test_snippet_is_cut_around_the_first_matching_word(query: str, marked: str | None) -> None:
    filler = " ".join(s for _, s in SENTENCES[3:6])
    text = f"{filler} ثم وصل الوفد إلى بغداد قبل أن يتوجه والرمادي بعد ذلك. {filler}"
    proc = subprocess.run(
        [shutil.which("node") or "node", "-e", _NODE_SNIPPET, str(JS / "analyzer.js"), str(JS / "search.js")],
        input=json.dumps([text, query, 120]), capture_output=True, text=True, encoding="utf-8", check=True,
    )
    snippet, html = json.loads(proc.stdout)
    assert len(snippet) <= 120 + 40
    if marked is None:
        assert snippet.startswith(text.split()[0]) and "<mark>" not in html
    else:
        assert snippet.startswith("… ") and f"<mark>{marked}</mark>" in html
