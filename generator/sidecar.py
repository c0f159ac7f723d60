"""Stage 4 — curator overrides from a sidecar `corpus/NAME.yml` beside `corpus/NAME.txt`.  [stub]

Contract:
    load_sidecar(path: Path, display: str, cfg: SiteConfig) -> tuple[Overrides | None, list[Problem]]
    apply_overrides(article: Article, overrides: Overrides, cfg: SiteConfig) -> None
Keys: title, date, outlet (an outlet id), author, source_url, topics, add_entities, remove_entities.
Overrides win; each key applied is recorded in `article.overrides`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.config import Problem
from generator.model import Article


@dataclass
class Overrides:
    values: dict[str, Any] = field(default_factory=dict)


def load_sidecar(path: Path, display: str, cfg: Any) -> tuple[Overrides | None, list[Problem]]:
    return None, []


def apply_overrides(article: Article, overrides: Overrides, cfg: Any) -> None:
    return None
