"""Progress of the long stages of a build, on stderr: one small module that the stages call.

    with stage("extracting", total, "inputs") as bar:   # or: for x in track(items, "writing", "files")
        for ...:
            bar.update()

The rule (the same for every stage):
- a stage with fewer than `PROGRESS_FROM` items (500; the environment variable ARSHIF_PROGRESS_FROM
  sets another) prints nothing at all, so a small build says exactly what it said before;
  ARSHIF_PROGRESS=0 turns progress off for every build;
- when stderr is a terminal, a tqdm bar: counts, elapsed time, rate and time left, redrawn in place
  and left on screen when the stage is done;
- otherwise (CI logs, a file, a pipe) plain lines, never redrawn:
      progress: extracting 300/1000 inputs (12 s)
  one each time another tenth of the items is done, or after `LINE_SECONDS` (30 s) without a line,
  and a last line when the stage is done:
      progress: extracting 1000/1000 inputs, done in 40.1 s
  Every line starts with "progress: ", so a reader (or a test) can set them apart from the build's
  messages; the summary line on stdout is never changed.
"""
from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator, Sized
from typing import Any, TextIO, TypeVar

T = TypeVar("T")

PROGRESS_FROM = 500  # items: a stage with fewer prints no progress
LINE_SECONDS = 30.0  # a plain line at least this often while a stage goes on
STEPS = 10  # plain lines at each tenth of the items
PREFIX = "progress: "
_PLAIN_ONLY = False  # set by `plain_lines_only`


def plain_lines_only() -> None:
    """From now on, in this process, show progress as plain lines even on a terminal: for a process
    working beside another that draws its bar on the same terminal (`generator.forked`)."""
    global _PLAIN_ONLY
    _PLAIN_ONLY = True


def threshold() -> int | None:
    """The number of items from which a stage shows progress (ARSHIF_PROGRESS_FROM, else
    `PROGRESS_FROM`), or None when progress is off (ARSHIF_PROGRESS=0). A value that is not a
    whole number is ignored (the default applies)."""
    if os.environ.get("ARSHIF_PROGRESS", "1") == "0":
        return None
    try:
        return max(1, int(os.environ.get("ARSHIF_PROGRESS_FROM", PROGRESS_FROM)))
    except ValueError:
        return PROGRESS_FROM


class Stage:
    """The progress of one stage of `total` items named `label` (counted in `unit`), written to
    `stream` (stderr by default). Silent when `total` is below the threshold (see `threshold`);
    a tqdm bar when `stream` is a terminal; plain lines otherwise. Use it as a context manager,
    or call `close()` when the stage is done."""

    def __init__(self, label: str, total: int, unit: str = "items", stream: TextIO | None = None) -> None:
        self.label, self.total, self.unit = label, total, unit
        self.stream = stream if stream is not None else sys.stderr
        self.done = 0
        self.started = time.monotonic()
        self._last_line = self.started
        self._next_step = 1
        self._closed = False
        self._bar: Any = None
        start_from = threshold()
        self.active = start_from is not None and total >= start_from
        if self.active and not _PLAIN_ONLY and _is_terminal(self.stream):
            from tqdm import tqdm

            self._bar = tqdm(total=total, desc=label, unit=f" {unit}", unit_scale=False, file=self.stream,
                             mininterval=0.5, dynamic_ncols=True, leave=True)

    def update(self, n: int = 1) -> None:
        """Count `n` more items done."""
        if not self.active or self._closed:
            return
        self.done += n
        if self._bar is not None:
            self._bar.update(n)
            return
        now = time.monotonic()
        step = self.done * STEPS // self.total if self.total else STEPS
        if self.done < self.total and (step >= self._next_step or now - self._last_line >= LINE_SECONDS):
            self._next_step = step + 1
            self._last_line = now
            self._line(f"{self.done}/{self.total} {self.unit} ({now - self.started:.0f} s)")

    def close(self) -> None:
        """End the stage: the bar stays as it is; in plain mode a last line with the elapsed time.
        Calling it again does nothing."""
        if not self.active or self._closed:
            return
        self._closed = True
        if self._bar is not None:
            self._bar.close()
            return
        self._line(f"{self.done}/{self.total} {self.unit}, done in {time.monotonic() - self.started:.1f} s")

    def _line(self, text: str) -> None:
        print(f"{PREFIX}{self.label} {text}", file=self.stream, flush=True)

    def __enter__(self) -> "Stage":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def stage(label: str, total: int, unit: str = "items", stream: TextIO | None = None) -> Stage:
    """A `Stage` of `total` items: `with stage("writing", n, "files") as bar: ... bar.update()`."""
    return Stage(label, total, unit, stream)


def track(items: Iterable[T], label: str, unit: str = "items", total: int | None = None,
          stream: TextIO | None = None) -> Iterator[T]:
    """Yield `items` unchanged, counting each one in a `Stage` (closed when the items run out).
    `total` defaults to `len(items)`; an iterable without a length and no `total` shows nothing."""
    if total is None:
        total = len(items) if isinstance(items, Sized) else 0
    with Stage(label, total, unit, stream) as bar:
        for item in items:
            yield item
            bar.update()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
