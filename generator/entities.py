"""Stage 3d — named entities from the gazetteer, and candidates.  [stub: owner = entities helper]

Contract:
    load_gazetteer(config_dir: Path) -> tuple[Gazetteer, list[Problem]]   (site_config/entities.yml)
    find_entities(text: str, gazetteer: Gazetteer) -> list[EntityHit]     (sorted by id)
    find_candidates(text: str, gazetteer: Gazetteer) -> list[Candidate]
`text` is the title and cleaned body joined by newlines.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.config import Problem
from generator.model import Candidate, EntityHit


@dataclass
class Entity:
    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    short: list[str] = field(default_factory=list)
    latin: str = ""
    wikidata: str = ""
    description: str = ""


@dataclass
class Gazetteer:
    entities: dict[str, Entity] = field(default_factory=dict)


def load_gazetteer(config_dir: Path) -> tuple[Gazetteer, list[Problem]]:
    return Gazetteer(), []


def find_entities(text: str, gazetteer: Gazetteer) -> list[EntityHit]:
    return []


def find_candidates(text: str, gazetteer: Gazetteer) -> list[Candidate]:
    return []
