"""An interrupted build: the generator killed (SIGKILL) while it writes content/ leaves every file
either as it was or complete in its new form, leaves nothing MkDocs would read, and the next build
completes and gives exactly what a clean build gives.

The corpus is made of sentences written for these tests, with place names so that entity pages are
written too.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT

PLACES = ["بغداد", "دمشق", "القاهرة", "عمان", "بيروت", "الرياض", "تونس", "الجزائر", "الخرطوم", "صنعاء"]
TOPICS = ["افتتاح سوق جديدة", "مهرجان للكتاب", "سباق للدراجات", "معرض للصور", "حملة لزراعة الأشجار"]


def article(i: int, version: int) -> str:
    place, other = PLACES[i % len(PLACES)], PLACES[(i * 3 + 1) % len(PLACES)]
    topic = TOPICS[i % len(TOPICS)]
    day = i % 28 + 1
    text = (f"{topic} في {place} رقم {i}\n"
            f"الأحد {day} أيلول 2015\n"
            f"أعلنت البلدية في {place} عن {topic} رقم {i} يشارك فيه زوار من {other}.\n"
            f"وقال المنظمون إن الاستعدادات بدأت منذ أسابيع وإن الدخول مجاني للجميع.\n"
            f"وأضافوا أن الفعاليات تستمر ثلاثة أيام وتختتم بحفل في الساحة العامة.\n")
    if version == 2:
        text += f"وفي تحديث لاحق قال المنظمون إن عدد الزوار تجاوز التوقعات في اليوم الأول رقم {i}.\n"
    return text


def write_corpus(corpus: Path, version: int, n: int) -> None:
    """Version 2 changes every article, drops the first tenth and adds as many new ones."""
    if corpus.exists():
        for p in corpus.glob("*.txt"):
            p.unlink()
    corpus.mkdir(parents=True, exist_ok=True)
    ids = range(n) if version == 1 else range(n // 10, n + n // 10)
    for i in ids:
        (corpus / f"{i:04d}.txt").write_text(article(i, version), encoding="utf-8")


def build(corpus: Path, out: Path, cache: bool = True) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, ARSHIF_CACHE="1" if cache else "0", PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run(build_cmd(corpus, out), cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)


def build_cmd(corpus: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "generator", "build", "--corpus", str(corpus),
            "--config", str(ROOT / "site_config"), "--out", str(out)]


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def inodes(folder: Path) -> dict[Path, int]:
    return {p: p.stat().st_ino for p in folder.rglob("*.md")}


def check_interrupted(out: Path, old: dict[str, bytes], new: dict[str, bytes]) -> tuple[int, int, list[str]]:
    """Every file is either its old bytes or its new bytes; nothing the old build made is missing
    unless the new one no longer makes it. Returns (files still waiting for their new bytes, files
    with their new bytes, leftovers)."""
    now = tree(out)
    n_old = n_new = 0
    leftovers = []
    for rel, data in now.items():
        if rel in old and data == old[rel]:
            n_old += rel in new and new[rel] != data
        elif rel in new and data == new[rel]:
            n_new += 1
        else:
            leftovers.append(rel)
    for rel in old:
        assert rel in now or rel not in new, f"{rel} was lost"
    for rel in leftovers:  # a temporary file: hidden, so MkDocs never reads it (it skips dot files)
        assert Path(rel).name.startswith("."), f"{rel} is neither old nor new and not hidden"
    return n_old, n_new, leftovers


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes], dict[str, bytes], int]:
    """The old and new content/ of a corpus, each from a clean build without the extraction cache."""
    tmp = tmp_path_factory.mktemp("interrupted")
    n = 400
    corpus = tmp / "corpus"
    write_corpus(corpus, 1, n)
    assert build(corpus, tmp / "old", cache=False).returncode == 0
    write_corpus(corpus, 2, n)
    assert build(corpus, tmp / "new", cache=False).returncode == 0
    old, new = tree(tmp / "old"), tree(tmp / "new")
    assert len([r for r in new if r in old and old[r] != new[r]]) >= n - n // 10  # every kept article changes
    return tmp, old, new, n


def test_killed_while_writing_leaves_old_or_new_files_and_next_build_equals_a_clean_build(versions) -> None:
    tmp, old, new, n = versions
    corpus = tmp / "corpus"
    out = tmp / "killed"
    write_corpus(corpus, 1, n)
    assert build(corpus, out).returncode == 0
    assert tree(out) == old
    write_corpus(corpus, 2, n)
    caught_mid_write = False
    for fraction in (0.3, 0.1, 0.02, 0.0):
        before = inodes(out)
        proc = subprocess.Popen(build_cmd(corpus, out), cwd=ROOT, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
        paths = [p for p in before if p.parent.name == "articles"]
        killed = False
        while proc.poll() is None:
            changed = 0
            for p in paths:
                try:
                    changed += p.stat().st_ino != before[p]
                except FileNotFoundError:
                    changed += 1
            if changed > fraction * len(paths):
                proc.send_signal(signal.SIGKILL)
                killed = True
                break
            time.sleep(0.001)
        proc.wait()
        n_old, n_new, _ = check_interrupted(out, old, new)
        if killed and proc.returncode == -signal.SIGKILL and n_old > 0 and n_new > 0:
            caught_mid_write = True
            break
        # The build finished before the kill: start again from the previous content.
        write_corpus(corpus, 1, n)
        assert build(corpus, out).returncode == 0
        write_corpus(corpus, 2, n)
    assert caught_mid_write, "the build always finished before it could be killed while writing"
    again = build(corpus, out)
    assert again.returncode == 0, again.stderr
    assert "waiting for another build" not in again.stderr  # the killed build's workers hold no lock
    assert tree(out) == new


def kill_on_replace(condition: str) -> str:
    """Python code that runs the command line (its argv: a target, kill_at, then the arguments) and
    kills itself with SIGKILL just before the kill_at-th `os.replace` whose destination `dst` meets
    `condition` (an expression of `dst` and `target`)."""
    return (
        "import os, signal, sys\n"
        "target, kill_at = sys.argv[1], int(sys.argv[2])\n"
        "real_replace = os.replace\n"
        "moved = 0\n"
        "def replace(src, dst, *a, **kw):\n"
        "    global moved\n"
        "    dst = os.fspath(dst)\n"
        f"    if {condition}:\n"
        "        moved += 1\n"
        "        if moved == kill_at:\n"
        "            os.kill(os.getpid(), signal.SIGKILL)\n"
        "    return real_replace(src, dst, *a, **kw)\n"
        "os.replace = replace\n"
        "from generator.cli import main\n"
        "sys.exit(main(sys.argv[3:]))\n"
    )


@pytest.mark.parametrize("kill_at", [1, 150, 399])
def test_killed_between_writing_a_temporary_file_and_moving_it_into_place(versions, kill_at: int) -> None:
    """The worst moment, made certain: the process kills itself just before its `kill_at`-th file is
    moved into content/, with the new bytes complete in a temporary file beside it."""
    tmp, old, new, n = versions
    corpus = tmp / "corpus"
    out = tmp / f"killed-at-{kill_at}"
    write_corpus(corpus, 1, n)
    assert build(corpus, out).returncode == 0
    write_corpus(corpus, 2, n)
    hook = kill_on_replace("os.path.realpath(dst).startswith(os.path.realpath(target) + os.sep)")
    cmd = [sys.executable, "-c", hook, str(out), str(kill_at)] + build_cmd(corpus, out)[3:]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=900,
                          env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    n_old, n_new, leftovers = check_interrupted(out, old, new)
    assert n_new == kill_at - 1  # the files moved into place before the kill
    assert len(leftovers) == 1 and Path(leftovers[0]).name.startswith(".tmp-")
    assert (out / ".arshif-manifest.json").read_bytes() == old[".arshif-manifest.json"]
    again = build(corpus, out)
    assert again.returncode == 0, again.stderr
    assert tree(out) == new
