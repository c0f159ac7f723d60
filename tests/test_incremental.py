"""Incremental builds: a build whose inputs did not change does nothing, and a site build after an
article was added, changed or removed renders only the pages whose Markdown changed, giving the
site a cold build of the same corpus gives, byte for byte (MkDocs' sitemap dates aside).

The corpus is the one of `test_interrupted` (sentences written for these tests).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from test_interrupted import article, tree

N = 12
SITE_LINE = re.compile(r"; site built in (\S+) \((\d+) pages changed\) \(")
SITEMAPS = ("sitemap.xml", "sitemap.xml.gz")


def build(tmp: Path, cache: bool = True, site: bool = True, processes: int | None = None
          ) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "generator", "build", "--corpus", str(tmp / "corpus"), "--config",
           str(ROOT / "site_config"), "--out", str(tmp / "content")]
    if site:
        cmd += ["--site", "--site-dir", str(tmp / "site")]
    env = dict(os.environ, ARSHIF_CACHE="1" if cache else "0", PYTHONDONTWRITEBYTECODE="1",
               NO_MKDOCS_2_WARNING="1")
    if processes is not None:
        env["ARSHIF_MKDOCS_PROCESSES"] = str(processes)
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)


def site_tree(site: Path) -> dict[str, bytes]:
    return {k: v for k, v in tree(site).items() if k not in SITEMAPS}


@pytest.fixture()
def archive(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(N):
        (corpus / f"{i:04d}.txt").write_text(article(i, 1), encoding="utf-8")
    first = build(tmp_path)
    assert first.returncode == 0, first.stderr
    return tmp_path


def test_nothing_changed_writes_nothing_even_with_new_modification_times(archive: Path) -> None:
    before = tree(archive / "site")
    inodes = {p: p.stat().st_ino for p in (archive / "site").rglob("*") if p.is_file()}
    for p in list((archive / "corpus").rglob("*")) + list((archive / "content").rglob("*.md")):
        os.utime(p, ns=(p.stat().st_atime_ns, p.stat().st_mtime_ns + 10**9))  # as a checkout does
    again = build(archive)
    assert again.returncode == 0, again.stderr
    line = again.stdout.strip()
    assert re.search(r"; 0 files written, 0 removed, \d+ unchanged; site in \S+ unchanged \(", line), line
    assert tree(archive / "site") == before
    assert {p: p.stat().st_ino for p in (archive / "site").rglob("*") if p.is_file()} == inodes


def test_the_repeated_report_is_the_first_one(archive: Path) -> None:
    (archive / "corpus" / "undated.txt").write_text("عنوان بلا تاريخ\nنص قصير كتب لهذا الاختبار.\n",
                                                    encoding="utf-8")
    first = build(archive, site=False)
    again = build(archive, site=False)
    assert first.stderr == again.stderr and "warning" in first.stderr
    assert first.returncode == again.returncode
    strip = re.compile(r"\d+ files written, \d+ removed, \d+ unchanged \(.*$")
    assert strip.sub("", first.stdout) == strip.sub("", again.stdout)


@pytest.mark.parametrize("change", ["added", "changed", "removed"])
def test_an_incremental_site_equals_a_cold_build(archive: Path, change: str) -> None:
    corpus = archive / "corpus"
    untouched = archive / "site" / "articles" / "0005" / "index.html"
    inode = untouched.stat().st_ino
    if change == "added":
        (corpus / f"{N:04d}.txt").write_text(article(N, 1), encoding="utf-8")
    elif change == "changed":
        (corpus / "0003.txt").write_text(article(3, 2), encoding="utf-8")
    else:
        (corpus / "0003.txt").unlink()
    incremental = build(archive)
    assert incremental.returncode == 0, incremental.stderr
    m = SITE_LINE.search(incremental.stdout)
    if change == "removed":  # a removed page makes a whole build (links to it are checked everywhere)
        assert m is None and "; site built in " in incremental.stdout, incremental.stdout
    else:
        assert m, incremental.stdout
        pages = int(m.group(2))
        assert 0 < pages < len(list((archive / "content").rglob("*.md")))  # not all: 39 pages, ~19 change
        assert untouched.stat().st_ino == inode  # not rendered again: the same file
    assert ((archive / "site" / "articles" / "0003" / "index.html").exists()) == (change != "removed")
    after = site_tree(archive / "site")

    shutil.rmtree(archive / "site")
    cold = build(archive, cache=False)
    assert cold.returncode == 0, cold.stderr
    assert "pages changed" not in cold.stdout
    assert site_tree(archive / "site") == after


def test_an_incremental_build_split_across_processes_equals_a_cold_build(archive: Path) -> None:
    """The changed pages of an incremental build split across three MkDocs processes (each renders
    its share of the changed-files list into the same new folder): the site a cold build gives."""
    corpus = archive / "corpus"
    (corpus / f"{N:04d}.txt").write_text(article(N, 1), encoding="utf-8")
    (corpus / "0003.txt").write_text(article(3, 2), encoding="utf-8")
    incremental = build(archive, processes=3)
    assert incremental.returncode == 0, incremental.stderr
    m = SITE_LINE.search(incremental.stdout)
    assert m and int(m.group(2)) >= 3, incremental.stdout
    after = site_tree(archive / "site")
    shutil.rmtree(archive / "site")
    cold = build(archive, cache=False)
    assert cold.returncode == 0, cold.stderr
    assert site_tree(archive / "site") == after


def test_an_incremental_build_leaves_every_file_of_the_previous_site_as_it_was(archive: Path) -> None:
    """The previous site's files, hard-linked into the new one, keep their bytes (sitemap.xml.gz,
    which MkDocs writes with a plain open(), included) after an incremental build that succeeds and
    after one that fails."""
    keep = archive / "kept"
    shutil.copytree(archive / "site", keep, copy_function=os.link)  # the same files (inodes)
    before = tree(keep)
    (archive / "corpus" / f"{N:04d}.txt").write_text(article(N, 1), encoding="utf-8")  # a new page: a new sitemap
    assert SITE_LINE.search(build(archive).stdout)
    assert tree(keep) == before
    shutil.rmtree(keep)
    shutil.copytree(archive / "site", keep, copy_function=os.link)
    before = tree(keep)
    (archive / "corpus" / "0004.txt").write_text(article(4, 2), encoding="utf-8")
    (archive / "content" / "broken.md").write_text("[nowhere](no-such-page.md)\n", encoding="utf-8")
    failed = build(archive)
    assert failed.returncode == 1 and "mkdocs build failed" in failed.stderr
    assert tree(keep) == before


def test_a_whole_build_split_across_processes_is_the_one_process_build(tmp_path: Path) -> None:
    """MkDocs' pages split across three processes (ARSHIF_MKDOCS_PROCESSES, `mkdocs_hooks` shares):
    the same site, byte for byte, sitemaps included (one SOURCE_DATE_EPOCH), as one process gives;
    and a page that fails --strict in any share fails the build."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(N):
        (corpus / f"{i:04d}.txt").write_text(article(i, 1), encoding="utf-8")
    sites = {}
    for processes in (1, 3):
        env = dict(os.environ, ARSHIF_CACHE="0", NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1700000000",
                   ARSHIF_MKDOCS_PROCESSES=str(processes))
        proc = subprocess.run([sys.executable, "-m", "generator", "build", "--corpus", str(corpus),
                               "--config", str(ROOT / "site_config"), "--out", str(tmp_path / "content"),
                               "--site", "--site-dir", str(tmp_path / f"site{processes}")],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
        assert proc.returncode == 0, proc.stderr
        sites[processes] = tree(tmp_path / f"site{processes}")
    assert len(sites[1]) > 3 * N and sites[3] == sites[1]

    from generator.build import run_mkdocs

    content = tmp_path / "content"
    broken = sorted((content / "articles").glob("*.md"))[-1]
    broken.write_text(broken.read_text(encoding="utf-8") + "\n[رابط](لا-يوجد.md)\n", encoding="utf-8")
    assert run_mkdocs(content, tmp_path / "broken-site", ROOT, processes=3) != 0


def test_the_previous_site_is_deleted_after_the_swap_and_a_killed_deleters_leftovers_next_time(archive: Path) -> None:
    """After an incremental build the previous site (its folder, now holding hard links to the
    files that did not change) is renamed aside and deleted by a detached process; the next build
    finds nothing of it, or deletes what a killed deleter left."""
    import time

    (archive / "corpus" / f"{N:04d}.txt").write_text(article(N, 1), encoding="utf-8")
    assert SITE_LINE.search(build(archive).stdout)
    deadline = time.monotonic() + 60
    while [p for p in archive.iterdir() if ".trash-" in p.name] and time.monotonic() < deadline:
        time.sleep(0.2)
    assert sorted(p.name for p in archive.iterdir() if p.name.startswith(".site")) == []
    left = archive / ".site.trash-1-2"  # as a deleter killed half-way leaves it
    shutil.copytree(archive / "site" / "articles", left / "articles")
    (archive / "corpus" / "0004.txt").write_text(article(4, 2), encoding="utf-8")
    assert SITE_LINE.search(build(archive).stdout)
    deadline = time.monotonic() + 60
    while left.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not left.exists()
