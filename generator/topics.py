"""Stage 3e — topics.  [stub: owner = entities helper]

Contract:
    load_topics(config_dir: Path, gazetteer: Gazetteer) -> tuple[dict[str, Topic], list[Problem]]
    assign_topics(title: str, body: str, entities: list[EntityHit], topics: dict[str, Topic]) -> list[str]
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.config import Problem
from generator.entities import Gazetteer
from generator.model import EntityHit


@dataclass
class Topic:
    id: str
    name: str
    description: str = ""
    entities: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)


def load_topics(config_dir: Path, gazetteer: Gazetteer) -> tuple[dict[str, Topic], list[Problem]]:
    return {}, []


def assign_topics(title: str, body: str, entities: list[EntityHit], topics: dict[str, Topic]) -> list[str]:
    return []
