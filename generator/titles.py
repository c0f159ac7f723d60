"""Stage 3a — title.  [stub: owner = cleaning helper]

Contract:
    pick_title(lines: list[str], keep: list[bool]) -> TitleResult
`index` is the line the headline came from (None when derived from the first sentence; a derived
title does not remove its line from the body).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class TitleResult:
    title: str
    derived: bool
    index: int | None


def pick_title(lines: list[str], keep: list[bool]) -> TitleResult:
    for i, (ln, k) in enumerate(zip(lines, keep)):
        if k:
            return TitleResult(ln, False, i)
    return TitleResult("", True, None)
