"""Loading and validating the curated YAML in `site_config/` and sidecars in `corpus/`.

Every problem is collected as a `Problem` naming the file, the line and the key; loaders never stop at
the first one, so a curator sees every error in one run (as MkDocs does for mkdocs.yml).

`load_yaml` keeps the line of every mapping key and sequence item: mappings come back as `LineDict`,
sequences as `LineList`, and `.line(key)` gives the 1-based line of that key or item.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import yaml


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int | None
    key: str | None
    message: str

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        key = f" [{self.key}]" if self.key else ""
        return f"{where}:{key} {self.message}"


class LineDict(dict):
    """A dict that remembers the line of each key (1-based); `start_line` is the mapping's own."""

    start_line: int | None = None

    def __init__(self, *a: Any, **kw: Any) -> None:
        super().__init__(*a, **kw)
        self.lines: dict[Any, int] = {}

    def line(self, key: Any) -> int | None:
        return self.lines.get(key, self.start_line)


class LineList(list):
    start_line: int | None = None

    def __init__(self, *a: Any) -> None:
        super().__init__(*a)
        self.lines: list[int] = []

    def line(self, i: int) -> int | None:
        return self.lines[i] if 0 <= i < len(self.lines) else self.start_line


class _Loader(yaml.SafeLoader):
    pass


def _duplicate_key_problems(loader: "_Loader") -> list[tuple[int, str]]:
    return loader.__dict__.setdefault("_dups", [])


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    out = LineDict()
    out.start_line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in out:
            _duplicate_key_problems(loader).append((key_node.start_mark.line + 1, str(key)))
        out[key] = loader.construct_object(value_node, deep=True)
        out.lines[key] = key_node.start_mark.line + 1
    return out


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    out = LineList()
    out.start_line = node.start_mark.line + 1
    for child in node.value:
        out.append(loader.construct_object(child, deep=True))
        out.lines.append(child.start_mark.line + 1)
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
# Dates stay strings: "2015-02-30" must reach the validator, not crash the loader.
_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(path: Path, display: str | None = None) -> tuple[Any, list[Problem]]:
    """Parse one YAML file. Returns (data or None, problems). Never raises for bad content."""
    name = display or path.as_posix()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(name, None, None, f"cannot read file: {exc}")]
    return parse_yaml(text, name)


def parse_yaml(text: str, name: str) -> tuple[Any, list[Problem]]:
    """Parse YAML text (mappings as `LineDict`, sequences as `LineList`); problems name `name` and
    the line in `text`. Returns (data or None, problems); never raises for bad content."""
    loader = _Loader(text)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        msg = f"YAML syntax error: {exc.problem or exc}"
        start = exc.context_mark
        if exc.context and start is not None and mark is not None and start.line != mark.line:
            msg += f" ({exc.context} that starts at line {start.line + 1})"
        return None, [Problem(name, line, None, msg)]
    except yaml.YAMLError as exc:
        return None, [Problem(name, None, None, f"YAML error: {exc}")]
    finally:
        loader.dispose()
    problems = [Problem(name, line, key, "duplicate key (the later value wins)")
                for line, key in _duplicate_key_problems(loader)]
    return data, problems


# ---- small validation helpers, shared by the loaders of each config file -------------------------

Check = Callable[[Any], str | None]


def is_str(v: Any) -> str | None:
    return None if isinstance(v, str) and v.strip() else "must be a non-empty string"


def is_str_list(v: Any) -> str | None:
    if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
        return "must be a list of non-empty strings"
    return None


def is_bool(v: Any) -> str | None:
    return None if isinstance(v, bool) else "must be true or false"


def one_of(*choices: str) -> Check:
    def check(v: Any) -> str | None:
        return None if v in choices else "must be one of: " + ", ".join(choices)
    return check


def check_mapping(
    data: Any,
    schema: dict[str, Check],
    required: tuple[str, ...],
    file: str,
    where: str = "",
) -> list[Problem]:
    """Validate one mapping against `schema` (key → check). Names unknown, missing and bad keys."""
    prefix = f"{where}." if where else ""
    if not isinstance(data, dict):
        line = getattr(data, "start_line", None)
        return [Problem(file, line, where or None, "must be a mapping of key: value")]
    problems: list[Problem] = []
    line_of = data.line if isinstance(data, LineDict) else (lambda k: None)
    for key in data:
        if key not in schema:
            known = ", ".join(sorted(schema))
            problems.append(Problem(file, line_of(key), f"{prefix}{key}", f"unknown key (known keys: {known})"))
            continue
        msg = schema[key](data[key])
        if msg:
            problems.append(Problem(file, line_of(key), f"{prefix}{key}", msg))
    for key in required:
        if key not in data:
            problems.append(Problem(file, getattr(data, "start_line", None), f"{prefix}{key}", "required key is missing"))
    return problems
