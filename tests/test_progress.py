"""Progress of long builds (generator/progress.py): plain lines in a log, a bar on a terminal,
nothing for a small build; the summary line on stdout stays as it was."""
from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from conftest import ROOT, run_build, write_files
from generator import progress

LINE = re.compile(r"^progress: (.+) (\d+)/(\d+) (\w+) \((\d+) s\)$")
DONE = re.compile(r"^progress: (.+) (\d+)/(\d+) (\w+), done in \d+\.\d s$")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _run(total: int, stream: io.StringIO) -> str:
    with progress.stage("counting", total, "things", stream=stream) as bar:
        for _ in range(total):
            bar.update()
    return stream.getvalue()


def test_a_small_stage_prints_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARSHIF_PROGRESS_FROM", raising=False)
    monkeypatch.delenv("ARSHIF_PROGRESS", raising=False)
    assert _run(progress.PROGRESS_FROM - 1, io.StringIO()) == ""
    assert _run(progress.PROGRESS_FROM - 1, _Terminal()) == ""
    assert list(progress.track(range(3), "counting", "things", stream=io.StringIO())) == [0, 1, 2]


def test_plain_lines_at_each_tenth_and_a_last_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARSHIF_PROGRESS_FROM", raising=False)
    monkeypatch.delenv("ARSHIF_PROGRESS", raising=False)
    lines = _run(1000, io.StringIO()).splitlines()
    assert [LINE.match(ln).group(2) for ln in lines[:-1]] == [str(n) for n in range(100, 1000, 100)]
    assert all(LINE.match(ln).group(1, 3, 4) == ("counting", "1000", "things") for ln in lines[:-1])
    assert DONE.match(lines[-1]) and DONE.match(lines[-1]).group(2, 3) == ("1000", "1000")
    assert "\r" not in "".join(lines)


def test_a_terminal_gets_a_bar_and_progress_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARSHIF_PROGRESS_FROM", raising=False)
    monkeypatch.setenv("ARSHIF_PROGRESS", "1")
    shown = _run(600, _Terminal())
    assert "\r" in shown and "600/600" in shown and "counting" in shown and "progress: " not in shown
    monkeypatch.setenv("ARSHIF_PROGRESS", "0")
    assert _run(600, io.StringIO()) == "" and _run(600, _Terminal()) == ""
    monkeypatch.setenv("ARSHIF_PROGRESS", "1")
    monkeypatch.setenv("ARSHIF_PROGRESS_FROM", "5")
    assert len(_run(10, io.StringIO()).splitlines()) == 10  # 9 tenths and the last line


# Short reports written for this test (invented, no outlet's text), each distinct.
def _report(i: int) -> str:
    return (f"لجنة الحي رقم {i} تنظف الحديقة العامة\n"
            f"2016-{i % 12 + 1:02d}-{i % 27 + 1:02d}\n"
            f"نظمت لجنة الحي رقم {i} حملة لتنظيف الحديقة العامة شارك فيها {i + 3} متطوعين.\n"
            f"وقالت اللجنة إن الحملة المقبلة ستكون بعد {i % 6 + 2} أسابيع.\n")


REPORTS = 30


def test_a_large_build_logs_plain_progress_and_keeps_its_summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARSHIF_PROGRESS", raising=False)
    corpus = write_files(tmp_path / "corpus", {f"r{i:03d}.txt": _report(i) for i in range(REPORTS)})
    config = ROOT / "site_config"
    # the same build twice: with the default threshold (a small build: no progress at all), and
    # with a threshold below its size (stands for a build of thousands), stderr not a terminal
    monkeypatch.delenv("ARSHIF_PROGRESS_FROM", raising=False)
    quiet = run_build(corpus, config, tmp_path / "a" / "content", tmp_path / "a" / "site")
    monkeypatch.setenv("ARSHIF_PROGRESS_FROM", "20")
    monkeypatch.setenv("ARSHIF_CACHE", "0")  # extract again (the first build filled the cache)
    loud = run_build(corpus, config, tmp_path / "b" / "content", tmp_path / "b" / "site")
    assert quiet.returncode == 0 and loud.returncode == 0, loud.stderr
    assert not [ln for ln in quiet.stderr.splitlines() if ln.startswith("progress: ")]
    said = loud.stderr.splitlines()
    shown = [ln for ln in said if ln.startswith("progress: ")]
    done = {DONE.match(ln).group(1): DONE.match(ln).group(2, 3, 4) for ln in shown if DONE.match(ln)}
    assert done["extracting"] == (str(REPORTS), str(REPORTS), "inputs")
    assert done["rendering articles"] == (str(REPORTS), str(REPORTS), "articles")
    assert done["indexing articles for search"] == (str(REPORTS), str(REPORTS), "articles")
    written, total, _ = done["writing pages"]
    assert written == total and int(total) > REPORTS
    pages, total, _ = done["building site pages"]
    assert pages == total and int(total) > REPORTS
    counts = [LINE.match(ln) for ln in shown if not DONE.match(ln)]
    assert counts and all(counts), shown
    assert ("extracting", "3", "30", "inputs") in [m.group(1, 2, 3, 4) for m in counts]
    # everything else on stderr (but MkDocs' own lines, which name the folder and the time taken)
    # and the summary on stdout are what the quiet build said
    def ours(lines: list[str]) -> list[str]:
        return [ln for ln in lines if not ln.startswith(("progress: ", "INFO    -  "))]

    assert ours(said) == ours(quiet.stderr.splitlines())
    assert len(said) - len(shown) == len(quiet.stderr.splitlines())

    def plain(out: str) -> str:
        return re.sub(r" \(\d+\.\d s\)$", "", out.strip()).replace(str(tmp_path / "b"), str(tmp_path / "a"))

    assert plain(loud.stdout) == plain(quiet.stdout)
    assert plain(quiet.stdout).startswith(f"built {REPORTS} articles, 0 warnings, 0 skipped")
