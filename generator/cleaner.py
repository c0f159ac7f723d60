"""Stage 2 — clean: mark page furniture.  [stub: owner = cleaning helper]

Contract:
    load_furniture(config_dir: Path) -> tuple[Furniture, list[Problem]]   (site_config/furniture.yml)
    clean(text: str, furniture: Furniture) -> Cleaned
`Cleaned.lines` are the text's lines after stripping stray HTML tags/entities (same number of lines as
the input), `Cleaned.keep[i]` says whether line i belongs to the article. Blank lines are not kept.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.config import Problem


@dataclass
class Furniture:
    lines: frozenset[str] = frozenset()


@dataclass
class Cleaned:
    lines: list[str]
    keep: list[bool] = field(default_factory=list)


def load_furniture(config_dir: Path) -> tuple[Furniture, list[Problem]]:
    return Furniture(), []


def clean(text: str, furniture: Furniture) -> Cleaned:
    lines = [ln.strip() for ln in text.split("\n")]
    return Cleaned(lines, [bool(ln) for ln in lines])
