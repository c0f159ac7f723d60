"""Stage 3e — topics.

Contract:
    load_topics(config_dir: Path, gazetteer: Gazetteer) -> tuple[dict[str, Topic], list[Problem]]
    assign_topics(title: str, body: str, entities: list[EntityHit], topics: dict[str, Topic]) -> list[str]

`site_config/topics.yml` holds `topics:`, a list of
    {id, name, description, rules: {entities: [entity ids], keywords: [words or phrases], min_hits,
                                     requires: [some of the keywords]}}.

An article gets a topic when its hits reach `min_hits` (default 2). Hits are the mentions of the
rule's entities (their `count`) plus the occurrences of its keywords; a mention in the title counts
once more. Keywords are matched on folded text (`generator.arabic.fold`) at word boundaries, after
optional proclitics and the article (و ف ب ك ل، ال، لل: "بالإرهاب" matches "إرهاب"); a keyword
ending in `*` also matches longer words ("إرهابي*" matches الإرهابيين). The result is the sorted list of
topic ids, so the same article always gets the same topics.

`requires` lists keywords of which at least one (or one of the topic's entities) must occur for the
topic to be given: the other keywords only support it. It is for keywords with a second meaning (مرشح: a candidate in an election, or
"likely" in "الرقم مرشح للارتفاع"; مخيمات: refugee camps, or pilgrims' camps), which must not make
the topic alone.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ahocorasick

from generator.arabic import fold
from generator.config import id_problem, LineDict, LineList, Problem, check_mapping, is_str, is_str_list, load_yaml
from generator.entities import Gazetteer
from generator.model import EntityHit

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class Topic:
    id: str
    name: str
    description: str = ""
    entities: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    min_hits: int = 2
    requires: list[str] = field(default_factory=list)  # at least one of these keywords must occur


# ---- loading --------------------------------------------------------------------------------------

def _is_id(v: Any) -> str | None:
    if not isinstance(v, str) or not _ID.match(v):
        return "must be an ASCII id: lower-case letters, digits and single hyphens"
    return id_problem(v)


def _is_positive_int(v: Any) -> str | None:
    if isinstance(v, bool) or not isinstance(v, int) or v < 1:
        return "must be a whole number of at least 1"
    return None


def _is_mapping(v: Any) -> str | None:
    return None if isinstance(v, dict) else "must be a mapping (entities, keywords, min_hits)"


TOPIC_SCHEMA = {"id": _is_id, "name": is_str, "description": is_str, "rules": _is_mapping}
RULE_SCHEMA = {"entities": is_str_list, "keywords": is_str_list, "min_hits": _is_positive_int,
               "requires": is_str_list}


@lru_cache(maxsize=4096)
def keyword_key(keyword: str) -> tuple[str, bool]:
    """Folded match form of a keyword and whether it is a prefix (`*`); a leading ال is dropped."""
    word = keyword.strip()
    prefix = word.endswith("*")
    folded = re.sub(r"\s+", " ", fold(word.rstrip("*"))).strip()
    folded = re.sub(r"[\"'`]", "", folded)
    if folded.startswith("ال") and len(folded) > 4:
        folded = folded[2:]
    return folded, prefix


def load_topics(config_dir: Path, gazetteer: Gazetteer) -> tuple[dict[str, Topic], list[Problem]]:
    """Read and validate `topics.yml`; every problem is returned, naming file, line and key."""
    path = config_dir / "topics.yml"
    name = path.as_posix()
    if not path.is_file():
        return {}, []
    data, problems = load_yaml(path, name)
    if data is None:
        return {}, problems
    top = check_mapping(data, {"topics": lambda v: None if isinstance(v, list) else "must be a list"},
                        ("topics",), name)
    if top:
        return {}, problems + top
    topics: dict[str, Topic] = {}
    items = data["topics"]
    for i, item in enumerate(items):
        where = f"topics[{i}]"
        item_problems = check_mapping(item, TOPIC_SCHEMA, ("id", "name", "rules"), name, where)
        rules = item.get("rules") if isinstance(item, dict) else None
        if isinstance(rules, dict):
            item_problems += check_mapping(rules, RULE_SCHEMA, (), name, f"{where}.rules")
        problems += item_problems
        if item_problems:
            continue
        line_of = item.line if isinstance(item, LineDict) else (lambda k: None)
        if item["id"] in topics:
            problems.append(Problem(name, line_of("id"), f"{where}.id", f"duplicate topic id {item['id']!r}"))
            continue
        ent_ids = list(rules.get("entities", []))
        ent_lines = rules.get("entities")
        for k, ent in enumerate(ent_ids):
            if ent not in gazetteer.entities:
                line = ent_lines.line(k) if isinstance(ent_lines, LineList) else line_of("rules")
                problems.append(Problem(name, line, f"{where}.rules.entities[{k}]",
                                        f"unknown entity id {ent!r} (not in the gazetteer)"))
        keywords = list(rules.get("keywords", []))
        kw_lines = rules.get("keywords")
        for k, kw in enumerate(keywords):
            if len(keyword_key(kw)[0]) < 2:
                line = kw_lines.line(k) if isinstance(kw_lines, LineList) else line_of("rules")
                problems.append(Problem(name, line, f"{where}.rules.keywords[{k}]",
                                        f"keyword {kw!r} is too short to match reliably"))
        requires = list(rules.get("requires", []))
        req_lines = rules.get("requires")
        for k, kw in enumerate(requires):
            if kw not in keywords:
                line = req_lines.line(k) if isinstance(req_lines, LineList) else line_of("rules")
                problems.append(Problem(name, line, f"{where}.rules.requires[{k}]",
                                        f"{kw!r} is not one of the topic's keywords"))
        if not ent_ids and not keywords:
            problems.append(Problem(name, line_of("rules"), f"{where}.rules",
                                    "a topic needs at least one entity or keyword"))
        topics[item["id"]] = Topic(
            id=item["id"], name=item["name"].strip(), description=item.get("description", "").strip(),
            entities=ent_ids, keywords=keywords, min_hits=int(rules.get("min_hits", 2)),
            requires=[kw for kw in requires if kw in keywords],
        )
    return topics, problems


# ---- assignment -----------------------------------------------------------------------------------

# Proclitic chains allowed before a keyword: و/ف, then ب/ك/ل, then ال; or و/ف then لل.
_PREFIXES = frozenset(
    [a + b + c for a in ("", "و", "ف") for b in ("", "ب", "ك", "ل") for c in ("", "ال")]
    + [a + "لل" for a in ("", "و", "ف")]
)

_CACHE: list[tuple[tuple[tuple[str, tuple[str, ...]], ...], Any]] = []


def _automaton(topics: dict[str, Topic]) -> Any:
    """One automaton over every keyword of every topic, built once per topic set."""
    signature = tuple((t.id, tuple(t.keywords)) for t in sorted(topics.values(), key=lambda t: t.id))
    if _CACHE and _CACHE[0][0] == signature:
        return _CACHE[0][1]
    table: dict[str, set[bool]] = {}
    for topic in topics.values():
        for kw in topic.keywords:
            key, prefix = keyword_key(kw)
            if key:
                table.setdefault(key, set()).add(prefix)
    automaton = ahocorasick.Automaton()
    for key in sorted(table):
        automaton.add_word(key, (len(key), tuple(sorted(table[key]))))
    if table:
        automaton.make_automaton()
    _CACHE[:] = [(signature, automaton if table else None)]
    return _CACHE[0][1]


def _prepare(text: str) -> str:
    folded = fold(text)
    folded = re.sub(r"[\"'`]", "", folded)
    return re.sub(r"[ \t\u00a0]+", " ", folded)


def keyword_counts(text: str, topics: dict[str, Topic]) -> dict[tuple[str, bool], int]:
    """Occurrences of each (keyword key, is prefix) in `text`."""
    automaton = _automaton(topics)
    counts: dict[tuple[str, bool], int] = {}
    if automaton is None or not text:
        return counts
    folded = _prepare(text)
    n = len(folded)
    for end_idx, (length, kinds) in automaton.iter(folded):
        start = end_idx + 1 - length
        ws = start
        while ws > 0 and folded[ws - 1].isalnum() and start - ws < 4:
            ws -= 1
        if ws > 0 and folded[ws - 1].isalnum():
            continue
        if folded[ws:start] not in _PREFIXES:
            continue
        whole = end_idx + 1 >= n or not folded[end_idx + 1].isalnum()
        key = folded[start:end_idx + 1]
        for prefix in kinds:
            if prefix or whole:
                counts[(key, prefix)] = counts.get((key, prefix), 0) + 1
    return counts


def topic_hits(title: str, body: str, entities: list[EntityHit], topic: Topic,
               title_counts: dict[tuple[str, bool], int],
               body_counts: dict[tuple[str, bool], int]) -> int:
    """Hits of one topic (see module docstring)."""
    hits = 0
    wanted = set(topic.entities)
    title_end = len(title)
    for hit in entities:
        if hit.id in wanted:
            hits += hit.count + (1 if title and hit.first_offset <= title_end else 0)
    for kw in dict.fromkeys(keyword_key(k) for k in topic.keywords):
        hits += 2 * title_counts.get(kw, 0) + body_counts.get(kw, 0)
    return hits


def assign_topics(title: str, body: str, entities: list[EntityHit], topics: dict[str, Topic]) -> list[str]:
    """Sorted ids of the topics whose rules the article meets."""
    if not topics:
        return []
    title_counts = keyword_counts(title, topics)
    body_counts = keyword_counts(body, topics)
    return sorted(t.id for t in topics.values()
                  if topic_hits(title, body, entities, t, title_counts, body_counts) >= t.min_hits
                  and _required_present(t, entities, title_counts, body_counts))


def _required_present(topic: Topic, entities: list[EntityHit], title_counts: dict[tuple[str, bool], int],
                      body_counts: dict[tuple[str, bool], int]) -> bool:
    """No `requires`, or one of its keywords in the title or the body, or one of the topic's entities."""
    if not topic.requires or any(hit.id in topic.entities for hit in entities):
        return True
    return any(title_counts.get(keyword_key(k), 0) + body_counts.get(keyword_key(k), 0) for k in topic.requires)
