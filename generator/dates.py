"""Stage 3b — publication date.  [stub: owner = dates helper]

Contract:
    find_date(lines: list[str], keep: list[bool], title_index: int | None) -> DateResult
`lines` are all lines of the text (furniture included: a dateline or save-date header may be there),
`keep` says which the cleaner kept, `title_index` is the headline's line.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class DateResult:
    date: str | None = None
    evidence: str | None = None
    not_before: str | None = None
    warnings: list[str] = field(default_factory=list)


def find_date(lines: list[str], keep: list[bool], title_index: int | None) -> DateResult:
    return DateResult(warnings=["no publication date stated"])
