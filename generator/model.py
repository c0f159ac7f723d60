"""The small records passed between pipeline stages.

read → clean → extract (title, date, outlet, entities, topics) → overrides → build.
Every stage takes plain values and returns one of these records; none of them touches the disk.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class OutletRef:
    id: str
    name: str

    def to_json(self) -> dict[str, str]:
        return {"id": self.id, "name": self.name}


@dataclass
class EntityHit:
    """One gazetteer entity found in an article."""

    id: str
    name: str  # canonical Arabic name
    type: str  # person | place | organization
    count: int
    surfaces: list[str]  # the forms as written in the article, sorted, deduplicated
    first_offset: int = 0  # character offset of first mention in the body (for linking)
    found: bool = False  # found by the recogniser (generator/recognise.py), not in the gazetteer
    strong: bool = False  # found with full evidence (a given name and a family part, a head and a name…)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "name": self.name, "type": self.type,
                               "count": self.count, "surfaces": list(self.surfaces)}
        if self.found:
            out["found"] = True
            out["strong"] = self.strong
        return out


@dataclass
class Candidate:
    """A name that looks like an entity but is not in the gazetteer."""

    name: str
    type_guess: str
    evidence: str

    def to_json(self) -> dict[str, str]:
        return {"name": self.name, "type_guess": self.type_guess, "evidence": self.evidence}


@dataclass
class Article:
    source: str  # path as given, POSIX, relative to the project when possible: "corpus/000_x.txt"
    id: str = ""  # stable ASCII id (from the source file name), set by urls.article_id
    encoding: str = ""
    title: str = ""
    title_derived: bool = False
    date: str | None = None  # ISO YYYY-MM-DD
    date_evidence: str | None = None
    date_not_before: str | None = None
    outlet: OutletRef | None = None
    author: str | None = None
    wire: list[str] = field(default_factory=list)
    source_url: str | None = None
    entities: list[EntityHit] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    overrides: list[str] = field(default_factory=list)  # keys set by a sidecar
    body: str = ""
    sha256: str = ""  # of the raw bytes
    # where a value came from when it was not read from the text: key → "page metadata" (a saved
    # page's own tags), "export" (a field of an export row) or "capture" (a WARC record's URL)
    given: dict[str, str] = field(default_factory=dict)

    def provenance(self) -> dict[str, str]:
        """Where each value that is set came from, for the keys title, date, outlet, author and
        source_url: "sidecar" (a curator's override, also a Markdown file's front matter), one of
        `given`'s sources, or "text" (read from the article's text by the extraction stages)."""
        values = {"title": self.title, "date": self.date, "outlet": self.outlet, "author": self.author,
                  "source_url": self.source_url}
        out: dict[str, str] = {}
        for key, value in values.items():
            if key in self.overrides:
                out[key] = "sidecar"
            elif key in self.given:
                out[key] = self.given[key]
            elif value:
                out[key] = "text"
        return out

    def to_json(self, with_body: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "source": self.source,
            "id": self.id,
            "encoding": self.encoding,
            "title": self.title,
            "title_derived": self.title_derived,
            "date": self.date,
            "date_evidence": self.date_evidence,
            "date_not_before": self.date_not_before,
            "outlet": self.outlet.to_json() if self.outlet else None,
            "author": self.author,
            "wire": list(self.wire),
            "source_url": self.source_url,
            "entities": [e.to_json() for e in self.entities],
            "topics": list(self.topics),
            "candidates": [c.to_json() for c in self.candidates],
            "removed": list(self.removed),
            "warnings": list(self.warnings),
            "overrides": list(self.overrides),
            "provenance": self.provenance(),
        }
        if with_body:
            out["body"] = self.body
        return out
