"""generator.forked: work computed in a forked child, its value or its error back in the parent."""
from __future__ import annotations

import os

import pytest

from generator.forked import Forked, ForkedError


class Refused(ValueError):
    pass


def test_the_child_computes_from_the_parents_memory_and_sends_back_its_value() -> None:
    big = {f"k{i}": "ن" * i for i in range(2000)}  # never sent to the child: it sees it by the fork
    job = Forked(lambda: (os.getpid(), sum(len(v) for v in big.values())))
    child, total = job.result()
    assert total == sum(range(2000))
    assert child != os.getpid()


def test_the_childs_exception_is_raised_in_the_parent() -> None:
    def fails() -> None:
        raise Refused("no index for an empty archive")

    with pytest.raises(Refused, match="no index for an empty archive"):
        Forked(fails).result()


def test_a_child_that_dies_without_a_word_is_an_error_naming_its_exit_code() -> None:
    with pytest.raises(ForkedError, match="exit code 3"):
        Forked(lambda: os._exit(3)).result()


def test_a_value_that_cannot_be_sent_back_is_an_error() -> None:
    with pytest.raises(ForkedError, match="could not be sent back"):
        Forked(lambda: (lambda: None)).result()


def test_without_fork_the_work_runs_in_the_parent_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARSHIF_FORK", "0")
    calls: list[int] = []
    job = Forked(lambda: calls.append(os.getpid()) or "done")
    assert calls == []  # nothing before result()
    assert job.result() == "done" and calls == [os.getpid()]


def test_cancel_stops_a_child_whose_value_is_not_wanted(tmp_path) -> None:
    started = tmp_path / "pid"

    def slow() -> None:
        import time
        started.write_text(str(os.getpid()))
        time.sleep(60)

    job = Forked(slow)
    for _ in range(500):
        if started.exists() and started.read_text():
            break
        import time
        time.sleep(0.01)
    pid = int(started.read_text())
    os.kill(pid, 0)  # running
    job.cancel()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # gone (and reaped)
    job.cancel()  # a second time: nothing


def test_what_the_parent_had_not_yet_written_is_written_once(tmp_path) -> None:
    """Text the parent printed before the fork but had not flushed is not written a second time by
    the child, which starts with a copy of the parent's buffers (multiprocessing flushes them before
    it forks; a plain os.fork would not)."""
    import subprocess
    import sys

    script = ("import sys\nfrom generator.forked import Forked\n"
              "print('before the fork')\n"
              "assert Forked(lambda: 7).result() == 7\n"
              "print('after')\n")
    from conftest import ROOT
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout == "before the fork\nafter\n"
