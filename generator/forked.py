"""Work done beside the build in a forked process: the search index while the pages are rendered.

    job = Forked(lambda: index_for(ctx, ...))   # the child starts now
    ...                                          # the parent goes on (rendering pages)
    files = job.result()                         # waits; the child's value, or its error raised here

A forked child sees the parent's memory as it is at the fork, copy-on-write: the build context is
neither pickled nor sent, and the two processes use both cores. Only the result travels back,
pickled through a pipe (`multiprocessing.Pipe`). Objects alive at the fork are moved to the
collector's permanent generation first (`gc.freeze`, as Python's documentation advises before a
fork), so a collection in the child does not touch, and copy, every page of the parent's heap.

Where the system cannot fork (`multiprocessing.get_all_start_methods()` without "fork"), or with
ARSHIF_FORK=0, the work runs in the parent when `result()` is called: same value, no overlap.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import traceback
from multiprocessing.connection import Connection
from typing import Any, Callable, Generic, TypeVar

T = TypeVar("T")


class ForkedError(RuntimeError):
    """The child failed in a way that cannot be raised as it was (its exception could not be
    pickled, or the child died): the message holds its traceback or its exit code."""


def _child(fn: Callable[[], Any], conn: Connection) -> None:
    try:
        value: tuple[bool, Any] = (True, fn())
    except BaseException as exc:  # sent back and raised in the parent
        value = (False, exc)
    try:
        conn.send(value)
    except Exception:  # an exception (or value) that cannot be pickled
        conn.send((False, ForkedError("".join(traceback.format_exception(value[1])) if not value[0]
                                      else "the result could not be sent back")))
    finally:
        conn.close()


class Forked(Generic[T]):
    """`fn()` computed in a child process forked when this object is made (see the module
    docstring). `result()` returns its value, or raises the exception `fn` raised (or
    `ForkedError` when the child died without a word: its exit code); `cancel()` stops the child
    when its value is no longer wanted. `fn` must not write what the parent also writes."""

    def __init__(self, fn: Callable[[], T]) -> None:
        self._fn: Callable[[], T] | None = fn
        self._proc: Any = None
        self._conn: Connection | None = None
        if os.environ.get("ARSHIF_FORK", "1") == "0" or "fork" not in multiprocessing.get_all_start_methods():
            return
        mp = multiprocessing.get_context("fork")
        receive, send = mp.Pipe(duplex=False)
        gc.freeze()
        try:
            self._proc = mp.Process(target=_child, args=(fn, send), daemon=True)
            self._proc.start()
        finally:
            gc.unfreeze()
            send.close()
        self._conn, self._fn = receive, None

    def result(self) -> T:
        """The value of `fn()` (waits for the child). Call it once."""
        if self._proc is None:
            assert self._fn is not None
            return self._fn()
        assert self._conn is not None
        try:
            ok, value = self._conn.recv()
        except EOFError:
            self._proc.join()
            raise ForkedError(f"the process computing it ended with exit code {self._proc.exitcode}") from None
        finally:
            self._conn.close()
        self._proc.join()
        self._proc = None
        if ok:
            return value
        raise value

    def cancel(self) -> None:
        """Stop the child (nothing when it has already been waited for)."""
        if self._proc is not None:
            self._proc.kill()
            self._proc.join()
            self._proc = None
            if self._conn is not None:
                self._conn.close()
