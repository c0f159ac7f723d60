"""An interrupted or failing site build never wrecks the previous site, and two builds never run at once.

The site is built into a new folder beside `site/` and swapped in only when MkDocs and the search
index both finished; until then the previous site stays whole, byte for byte, with a working search
index. The corpus is the one of `test_interrupted` (sentences written for these tests).
"""
from __future__ import annotations

import fcntl
import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT
from test_interrupted import kill_on_replace, tree, write_corpus

N = 24  # articles: enough for MkDocs to take a few seconds, few enough to build often


@dataclass
class Project:
    tmp: Path
    corpus: Path
    content: Path
    site: Path
    old: dict[str, bytes]  # the previous site, whole
    seconds: float  # how long one site build takes here


def site_cmd(p: Project) -> list[str]:
    return [sys.executable, "-m", "generator", "build", "--corpus", str(p.corpus), "--config",
            str(ROOT / "site_config"), "--out", str(p.content), "--site", "--site-dir", str(p.site)]


def env(**extra: str) -> dict[str, str]:
    return dict(os.environ, PYTHONDONTWRITEBYTECODE="1", NO_MKDOCS_2_WARNING="1", **extra)


def build(p: Project) -> subprocess.CompletedProcess[str]:
    return subprocess.run(site_cmd(p), cwd=ROOT, env=env(), capture_output=True, text=True, timeout=900)


def search_works(site: Path) -> bool:
    """The index a search reads: the manifest, every term and list shard it lists, the text of every
    doc, the facets."""
    folder = site / "search-index"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    shards = all((folder / "t" / f"{k}.json.gz").is_file() for k in range(len(manifest["shards"])))
    lists = all((folder / "l" / f"{k}.json.gz").is_file() for k in range(len(manifest["lists"])))
    texts = all((folder / "x" / f"{n}.json.gz").is_file() for n in range(manifest["docs"]))
    return shards and lists and texts and (folder / "f" / "meta.json.gz").is_file()


def leftovers(p: Project) -> list[str]:
    return sorted(x.name for x in p.tmp.iterdir() if x.name.startswith((".site.new-", ".site.old-")))


@pytest.fixture()
def project(tmp_path: Path) -> Project:
    """A site built from version 1 of the corpus; the corpus then holds version 2."""
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 1, N)
    p = Project(tmp_path, corpus, tmp_path / "content", tmp_path / "site", {}, 0.0)
    started = time.perf_counter()
    first = build(p)
    p.seconds = time.perf_counter() - started
    assert first.returncode == 0, first.stderr
    p.old = tree(p.site)
    assert search_works(p.site)
    write_corpus(corpus, 2, N)
    return p


def assert_next_build_completes(p: Project) -> None:
    again = build(p)
    assert again.returncode == 0, again.stderr
    assert leftovers(p) == []
    assert search_works(p.site)
    now = tree(p.site)
    assert now != p.old and "articles/0025/index.html" in now  # an article only version 2 has


def test_killed_at_random_points_the_previous_site_stays_whole(project: Project) -> None:
    rng = random.Random(11)
    killed = 0
    # the kills land within the time a build from version 1 to version 2 takes with both versions
    # already extracted, as every build below is (the fixture's cold build, and the first build of
    # version 2, take longer: kills timed on them would often come after the end)
    assert build(project).returncode == 0
    write_corpus(project.corpus, 1, N)
    assert build(project).returncode == 0
    write_corpus(project.corpus, 2, N)
    started = time.perf_counter()
    assert build(project).returncode == 0
    project.seconds = time.perf_counter() - started
    write_corpus(project.corpus, 1, N)
    assert build(project).returncode == 0
    project.old = tree(project.site)
    write_corpus(project.corpus, 2, N)
    for _ in range(12):  # until four kills landed: a build may finish before its kill on a busy machine
        if killed >= 4:
            break
        proc = subprocess.Popen(site_cmd(project), cwd=ROOT, env=env(), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(rng.uniform(0.1, 0.9) * project.seconds)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            killed += 1
        proc.wait()
        now = tree(project.site)
        if proc.returncode != 0 and now != project.old:
            # Killed after the swap (while the folder moved aside was being removed): the site must
            # then be the whole new one, byte for byte what a completed build of version 2 gives.
            assert build(project).returncode == 0
            assert tree(project.site) == now
        if proc.returncode == 0 or now != project.old:  # the new site is whole; start again from version 1
            write_corpus(project.corpus, 1, N)
            assert build(project).returncode == 0
            project.old = tree(project.site)
            write_corpus(project.corpus, 2, N)
            continue
        assert search_works(project.site)
    assert killed >= 2, "the build always finished before it could be killed"
    assert_next_build_completes(project)


def test_killed_during_mkdocs_the_previous_site_stays_whole(project: Project) -> None:
    proc = subprocess.Popen(site_cmd(project), cwd=ROOT, env=env(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    caught = False
    while proc.poll() is None:
        fresh = [x for x in project.tmp.iterdir() if x.name.startswith(".site.new-")]
        if fresh and len(list(fresh[0].rglob("*.html"))) >= 5:  # MkDocs is writing pages
            os.killpg(proc.pid, signal.SIGKILL)
            caught = True
            break
        time.sleep(0.005)
    proc.wait()
    assert caught, "MkDocs finished before it could be killed"
    assert tree(project.site) == project.old
    assert search_works(project.site)
    assert_next_build_completes(project)


@pytest.mark.parametrize("kill_at", [1, 4])
def test_killed_while_writing_the_search_index_the_previous_site_stays_whole(project: Project,
                                                                            kill_at: int) -> None:
    hook = kill_on_replace("'/search-index/' in dst")
    cmd = [sys.executable, "-c", hook, "-", str(kill_at)] + site_cmd(project)[3:]
    proc = subprocess.run(cmd, cwd=ROOT, env=env(), capture_output=True, text=True, timeout=900)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert tree(project.site) == project.old
    assert search_works(project.site)
    assert len(leftovers(project)) == 1  # the half-built site, removed by the next build
    assert_next_build_completes(project)


def test_a_failing_mkdocs_leaves_the_previous_site_as_it_was(project: Project) -> None:
    (project.content / "broken.md").write_text("[a link to nowhere](no-such-page.md)\n", encoding="utf-8")
    failed = build(project)
    assert failed.returncode == 1
    assert (f"error: mkdocs build failed (exit 1) (the previous site in {project.site} was left as it was)"
            in failed.stderr.splitlines())
    assert tree(project.site) == project.old and leftovers(project) == []
    (project.content / "broken.md").unlink()
    assert_next_build_completes(project)


def test_a_site_moved_aside_just_before_the_swap_is_put_back(tmp_path: Path) -> None:
    from generator.build import recover_site

    aside = tmp_path / ".site.old-123"
    (aside / "articles").mkdir(parents=True)
    (aside / "index.html").write_text("<p>previous</p>", encoding="utf-8")
    (tmp_path / ".site.new-abc").mkdir()
    recover_site(tmp_path / "site")
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "<p>previous</p>"
    assert sorted(x.name for x in tmp_path.iterdir()) == ["site"]


# ---- two builds at once --------------------------------------------------------------------------

def test_two_builds_at_once_both_finish_and_the_site_is_whole(project: Project) -> None:
    procs = [subprocess.Popen(site_cmd(project), cwd=ROOT, env=env(), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [p.communicate(timeout=900) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    waited = [err for _out, err in results if "waiting for another build to finish" in err]
    assert len(waited) == 1
    assert (f"waiting for another build to finish (it holds {project.content / '.arshif-build.lock'})"
            in waited[0].splitlines())
    assert leftovers(project) == [] and search_works(project.site)


def test_a_second_build_stops_with_a_message_when_the_first_holds_the_lock_too_long(project: Project) -> None:
    lock = project.content / ".arshif-build.lock"
    with lock.open("a+") as fh:
        fcntl.lockf(fh, fcntl.LOCK_EX)
        proc = subprocess.run(site_cmd(project), cwd=ROOT, env=env(ARSHIF_LOCK_WAIT="0.5"),
                              capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [
        f"waiting for another build to finish (it holds {lock})",
        f"error: another build is still running (it holds {lock}); run this one again when it has finished",
    ]
    assert tree(project.site) == project.old
