"""Loading and validating the curated YAML in `site_config/` and sidecars in `corpus/`.

Every problem is collected as a `Problem` naming the file, the line and the key; loaders never stop at
the first one, so a curator sees every error in one run (as MkDocs does for mkdocs.yml).

`load_yaml` keeps the line of every mapping key and sequence item: mappings come back as `LineDict`,
sequences as `LineList`, and `.line(key)` gives the 1-based line of that key or item.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import yaml


@dataclass(frozen=True)
class Problem:
    """One problem of a curated file: `str()` gives the line users see, "FILE:LINE: [key] message"."""

    file: str
    line: int | None
    key: str | None
    message: str

    def _order(self) -> tuple[str, int, str, str]:
        return (self.file, self.line or 0, self.key or "", self.message)

    def __lt__(self, other: "Problem") -> bool:  # by file, line, key, message (None first)
        return self._order() < other._order()

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


MAX_DEPTH = 16  # nesting of mappings and sequences; the curated files need four levels at most
MAX_FILE_BYTES = 8 * 1024 * 1024  # one curated YAML file (outlets.yml is under 100 KB)
TEXT_MAX = 500  # characters of one string value (a name, a phrase, a one-line description)
LIST_MAX = 2000  # items of one list of strings
_SCALARS = (str, int, float, bool, type(None))
# Characters no curated value may hold: C0 and C1 controls (tab and line break apart) and the
# bidirectional overrides and isolates, which would reorder the text around them on a page.
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps lines (LineDict/LineList), refuses nesting deeper than MAX_DEPTH and
    mapping keys that are not plain values, and turns any value a constructor cannot make (a
    5,000-digit integer, `!!float abc`, `!!timestamp 2016-02-30`) into a ConstructorError at that
    value's line, so that no exception other than yaml.YAMLError leaves `get_single_data`."""

    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise yaml.composer.ComposerError(
                    None, None, f"nested more than {MAX_DEPTH} levels deep", mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except yaml.YAMLError as exc:
            if not hasattr(exc, "key_path"):
                exc.key_path = self.key_path()  # type: ignore[attr-defined]
            raise
        except (ValueError, TypeError, OverflowError, ArithmeticError, LookupError) as exc:
            err = yaml.constructor.ConstructorError(None, None, _unreadable(node, exc), node.start_mark)
            err.key_path = self.key_path()  # type: ignore[attr-defined]
            raise err from None

    def key_path(self) -> str | None:
        """The key being read, as validation messages write it ("entities[3].aliases")."""
        keys: list[str] = self.__dict__.get("_keys", [])
        return "".join(k if k.startswith("[") or not i else "." + k for i, k in enumerate(keys)) or None

    def push_key(self, key: str) -> None:
        self.__dict__.setdefault("_keys", []).append(key)

    def pop_key(self) -> None:
        self.__dict__["_keys"].pop()


_AS = {"int": "a whole number", "float": "a number", "bool": "true or false", "timestamp": "a date"}


def _unreadable(node: yaml.Node, exc: Exception) -> str:
    """The message for a value its tag's constructor could not make."""
    value = node.value if isinstance(node.value, str) else ""
    shown = repr(value if len(value) <= 40 else value[:40] + "…")
    tag = node.tag.rsplit(":", 1)[-1]
    if tag == "int" and len(value) > 40:
        return f"cannot read {shown} as a whole number: it has {len(value):,} characters"
    if tag == "timestamp":
        return f"cannot read {shown} as a date: {_one_line(str(exc))}"
    return f"cannot read {shown} as {_AS.get(tag, '!!' + tag)}"


def _one_line(text: str) -> str:
    """`text` on one line, at most 200 characters, control characters escaped."""
    text = escape_controls(" ".join(text.split()))
    return text if len(text) <= 200 else text[:200] + "…"


def escape_controls(text: str) -> str:
    """`text` with control characters and lone surrogates (the bytes of a file name that are not
    UTF-8) written as escapes (\\n, \\x1b, \\xe9), so that a name or value shown in a message is one
    line and cannot forge another (a CI log reads "::error" at a line start)."""
    return _ESCAPE.sub(_escape_one, text) if _ESCAPE.search(text) else text


_ESCAPE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\udc80-\udcff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_one(m: re.Match[str]) -> str:
    ch = m.group(0)
    if ch in _NAMED:
        return _NAMED[ch]
    cp = ord(ch)
    if 0xDC80 <= cp <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
        return f"\\x{cp - 0xDC00:02x}"
    return f"\\x{cp:02x}" if cp <= 0xFF else f"\\u{cp:04x}"


def _duplicate_key_problems(loader: "_Loader") -> list[tuple[int, str]]:
    return loader.__dict__.setdefault("_dups", [])


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    out = LineDict()
    out.start_line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, _SCALARS):
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a plain value (a word), not a list or a mapping",
                key_node.start_mark)
        if key in out:
            _duplicate_key_problems(loader).append((key_node.start_mark.line + 1, str(key)))
        loader.push_key(str(key))
        try:
            out[key] = loader.construct_object(value_node, deep=True)
        finally:
            loader.pop_key()
        out.lines[key] = key_node.start_mark.line + 1
    return out


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    out = LineList()
    out.start_line = node.start_mark.line + 1
    for i, child in enumerate(node.value):
        loader.push_key(f"[{i}]")
        try:
            out.append(loader.construct_object(child, deep=True))
        finally:
            loader.pop_key()
        out.lines.append(child.start_mark.line + 1)
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
# Dates stay strings: "2015-02-30" must reach the validator, not crash the loader.
_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(path: Path, display: str | None = None,
              max_bytes: int = MAX_FILE_BYTES) -> tuple[Any, list[Problem]]:
    """Parse one YAML file of at most `max_bytes`. Returns (data or None, problems); data is None
    when the file cannot be read at all (one problem then says why, with its line when known).
    Never raises, whatever the file holds: every failure, of any exception type, is a Problem."""
    name = display or path.as_posix()
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return None, [Problem(name, None, None,
                                  f"file is {size:,} bytes: more than the {max_bytes:,} a curated file may have")]
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = exc.object[:exc.start].count(b"\n") + 1
        return None, [Problem(name, line, None, f"not UTF-8: byte 0x{exc.object[exc.start]:02x} at "
                                                f"offset {exc.start} cannot be read (save the file as UTF-8)")]
    except OSError as exc:
        return None, [Problem(name, None, None, f"cannot read file: {_one_line(exc.strerror or str(exc))}")]
    return parse_yaml(text, name)


def parse_yaml(text: str, name: str) -> tuple[Any, list[Problem]]:
    """Parse YAML text (mappings as `LineDict`, sequences as `LineList`); problems name `name` and
    the line in `text`. Returns (data or None, problems); never raises, whatever the text holds:
    every failure, of any exception type, is a Problem."""
    loader = None
    try:
        loader = _Loader(text)  # its reader refuses some characters (NUL) at once
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        syntax = not isinstance(exc, yaml.constructor.ConstructorError) and not (
            isinstance(exc, yaml.composer.ComposerError) and exc.problem and "nested" in exc.problem)
        msg = f"YAML syntax error: {_one_line(exc.problem or str(exc))}" if syntax else _one_line(exc.problem or "")
        start = exc.context_mark
        if exc.context and start is not None and mark is not None and start.line != mark.line:
            msg += f" ({_one_line(exc.context)} that starts at line {start.line + 1})"
        return None, [Problem(name, line, getattr(exc, "key_path", None), msg)]
    except yaml.YAMLError as exc:
        return None, [Problem(name, None, None, f"YAML error: {_one_line(str(exc))}")]
    except RecursionError:
        return None, [Problem(name, None, None, f"nested more than {MAX_DEPTH} levels deep")]
    except Exception as exc:  # noqa: BLE001 - whatever the file holds, it is reported, never raised
        return None, [Problem(name, None, None, f"cannot read this YAML: {type(exc).__name__}: "
                                                f"{_one_line(str(exc))}")]
    finally:
        if loader is not None:
            loader.dispose()
    assert loader is not None
    problems = [Problem(name, line, key, "duplicate key (the later value wins)")
                for line, key in _duplicate_key_problems(loader)]
    return data, problems


# ---- small validation helpers, shared by the loaders of each config file -------------------------

Check = Callable[[Any], str | None]


def text_problem(v: str, limit: int = TEXT_MAX) -> str | None:
    """Why the string `v` may not be a curated value (too long, a forbidden character), or None."""
    if len(v) > limit:
        return f"must be at most {limit:,} characters (it has {len(v):,})"
    bad = _FORBIDDEN.search(v)
    if bad:
        return (f"must not contain the control character U+{ord(bad.group(0)):04X} "
                f"(at character {bad.start() + 1})")
    return None


def is_str(v: Any, limit: int = TEXT_MAX) -> str | None:
    """None when `v` is a non-empty string of at most `limit` characters without control
    characters; else the reason."""
    if not (isinstance(v, str) and v.strip()):
        return "must be a non-empty string"
    return text_problem(v, limit)


def is_str_list(v: Any) -> str | None:
    """None when `v` is a list (at most LIST_MAX items) of strings `is_str` accepts; else the reason."""
    if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
        return "must be a list of non-empty strings"
    if len(v) > LIST_MAX:
        return f"must have at most {LIST_MAX:,} items (it has {len(v):,})"
    for i, x in enumerate(v):
        msg = text_problem(x)
        if msg:
            return f"item {i + 1} {msg}"
    return None


# Ids that name a generated page of every kind's folder ("people/index.md" lists the people): a
# curated entity, topic or outlet with such an id would give two pages one file.
RESERVED_IDS = frozenset({"index"})
ID_MAX = 100


def id_problem(v: str) -> str | None:
    """Why an otherwise well-formed curated id cannot be used (reserved, too long), or None."""
    if v in RESERVED_IDS:
        return f"'{v}' is reserved: it is the name of the list page (choose another id)"
    if len(v) > ID_MAX:
        return f"must be at most {ID_MAX} characters (it has {len(v):,})"
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
