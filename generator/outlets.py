"""Stage 3c — outlet, wire agencies, author.  [stub: owner = outlets helper]

Contract:
    load_registry(config_dir: Path) -> tuple[Registry, list[Problem]]   (site_config/outlets.yml)
    detect(lines: list[str], keep: list[bool], title_index: int | None, registry: Registry) -> Attribution
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.config import Problem
from generator.model import OutletRef


@dataclass
class Outlet:
    id: str
    name: str
    name_latin: str = ""
    country: str = ""
    domains: list[str] = field(default_factory=list)


@dataclass
class Registry:
    outlets: dict[str, Outlet] = field(default_factory=dict)


@dataclass
class Attribution:
    outlet: OutletRef | None = None
    wire: list[str] = field(default_factory=list)
    author: str | None = None
    evidence: str | None = None
    warnings: list[str] = field(default_factory=list)


def load_registry(config_dir: Path) -> tuple[Registry, list[Problem]]:
    return Registry(), []


def detect(lines: list[str], keep: list[bool], title_index: int | None, registry: Registry) -> Attribution:
    return Attribution()
