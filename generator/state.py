"""The build state: what the last build of an output folder was made from.

Kept beside the extraction cache, one JSON file per output folder
(`<cache>/state/<sha256 of the output folder's absolute path>.json`):

    {"format": 1,
     "inputs": digest of everything the generator reads (see `inputs_digest`),
     "content": {path inside content/: [size, mtime_ns, sha256]} of every file MkDocs reads,
     "report": {"head": summary line up to the file counts, "stderr": [lines], "status": exit code,
                "files": number of files the generator made},
     "site": {"dir": absolute site folder, "fingerprint": `site_fingerprint`,
              "content": {path: sha256} the site was built from,
              "listing": digest of the site folder's (path, size, mtime_ns)},
     "corpus": {"at": ns, "files": {path inside corpus/: [size, mtime_ns, ctime_ns, inode, sha256]}}
               (`FileRecord`: what the corpus digest read, so an unchanged file is not read again)}

It lets a build do work in proportion to the change (issue "builds that keep up"):
- when `inputs` and the output folder are as recorded, the generator does nothing and repeats the
  previous report (`Snapshot.unchanged`);
- a site build compares the Markdown it is given with what the recorded site was built from and has
  MkDocs rebuild only the pages whose Markdown changed (`generator.build.build_site`).

Inputs are compared by content. A docs file whose size and modification time (nanoseconds) equal the
record keeps its recorded digest; any other is hashed again, so a CI checkout, which gives every file
a new time, costs hashing, never a wrong answer. The state is a cache: a missing, unreadable or foreign file means a full build.
"""
from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import os
import pickle
import re
import shutil
import stat
import sys
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

FORMAT = 1
STATE_DIR = "state"
HIDDEN = "."  # files and folders MkDocs skips (its default exclude_docs) and the generator's own


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_HEX64 = re.compile(r"[0-9a-f]{64}")
RACY_NS = 2_000_000_000  # a file changed this close to the record's time is hashed again (see FileRecord)


@dataclass
class FileRecord:
    """Digests of the files under a folder from an earlier `tree_digest`, each with what `stat` said
    of the file then: {posix path: [size, mtime_ns, ctime_ns, inode, sha256]}, and `at`, the time
    (ns since the epoch) the record was begun.

    A file whose size, modification and change times and inode all equal the record keeps its
    recorded digest instead of being read again (at 50,000 articles, reading the whole corpus was
    5.7 of the 6.4 s of a build with nothing changed). Two guards, as git's index has: the change
    time (ctime) is set by the kernel on every write and every `touch`, so a file rewritten with its
    old modification time put back still differs; and a file modified less than RACY_NS before the
    record was begun is hashed again every time ("racily clean": it may have been written again
    within the same clock tick after it was hashed); the later of its modification and change times
    is compared, so a file whose old modification time was put back (`touch -r`, `cp -p`) counts
    from when that was done. A CI checkout gives every file new times, so there every file is read,
    never wrongly trusted. A damaged record entry is dropped, not trusted."""

    at: int = 0
    files: dict[str, list[Any]] = field(default_factory=dict)

    def digest(self, rel: str, st: os.stat_result, read: Callable[[], bytes]) -> bytes:
        """The sha256 of the file at `rel` (`st`: its stat), from the record when it is there and
        trustworthy, else `read()` and hashed."""
        key = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
        was = self.files.get(rel)
        if was is not None and was[:4] == key and max(st.st_mtime_ns, st.st_ctime_ns) < self.at - RACY_NS:
            return bytes.fromhex(was[4])
        return hashlib.sha256(read()).digest()

    def to_json(self) -> dict[str, Any]:
        return {"at": self.at, "files": self.files}

    @classmethod
    def from_json(cls, raw: Any) -> "FileRecord":
        """A record as `to_json` wrote it; an empty one for anything else."""
        if isinstance(raw, dict) and isinstance(raw.get("at"), int) and isinstance(raw.get("files"), dict):
            return cls(raw["at"], {k: v for k, v in raw["files"].items()
                                   if isinstance(v, list) and len(v) == 5 and _HEX64.fullmatch(str(v[4]))})
        return cls()


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def tree_digest(root: Path, known: FileRecord | None = None, record: FileRecord | None = None) -> str:
    """A digest of everything under `root`: every path (sorted), its kind, a regular file's bytes, a
    symbolic link's target (and the bytes it leads to when it leads to a file). '' when `root` is not
    a folder. Reads every file (~0.3 s for 10,000 articles when the system has them cached), except
    those `known` vouches for (`FileRecord.digest`); `record`, when given, is filled with what this
    pass saw, for the next one."""
    if not root.is_dir():
        return ""
    known = known or FileRecord()
    if record is not None:
        record.at, record.files = time.time_ns(), {}
    h = hashlib.sha256()
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        base = Path(folder)
        rel_base = base.relative_to(root).as_posix()
        h.update(b"D" + os.fsencode(rel_base) + b"\0")
        for name in sorted(files) + [d for d in dirs if (base / d).is_symlink()]:
            p = base / name
            h.update(b"F" + os.fsencode(name) + b"\0")
            try:
                if p.is_symlink():
                    h.update(b"L" + os.fsencode(os.readlink(p)) + b"\0")
                    if p.is_file():
                        h.update(hashlib.sha256(p.read_bytes()).digest())
                    continue
                st = p.stat()
                if stat.S_ISREG(st.st_mode):
                    rel = name if rel_base == "." else f"{rel_base}/{name}"
                    digest = known.digest(rel, st, p.read_bytes)
                    h.update(digest)
                    if record is not None and _utf8(rel):  # the state is JSON: a name that is not
                        # UTF-8 (its bytes are surrogate escapes here) is not recorded, only read
                        record.files[rel] = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, digest.hex()]
            except OSError as exc:
                h.update(f"error {exc.errno}".encode())
    return h.hexdigest()


def inputs_digest(corpus: Path, config: Path, code_version: str, options: Mapping[str, Any],
                  known: FileRecord | None = None, record: FileRecord | None = None) -> str:
    """The digest of everything a generator run depends on: the corpus folder (its absolute path,
    which messages print, and `tree_digest`, with `known` and `record`), the configuration and code
    (`code_version`, the extraction cache's version key, which hashes generator/ and site_config/)
    and the run's `options` (flags and environment switches, as JSON)."""
    h = hashlib.sha256()
    for part in (str(corpus.absolute()), str(config.absolute()), code_version,
                 json.dumps(dict(options), sort_keys=True), tree_digest(corpus, known, record)):
        h.update(part.encode("utf-8", "surrogateescape") + b"\0")
    return h.hexdigest()


def installed_versions() -> str:
    """Every installed distribution with its version, sorted ("name==version;…"): an upgraded
    package (an extractor, MkDocs, Material, a minifier) may change the output, so it counts as a
    changed input. Takes ~50 ms."""
    found = {(d.metadata["Name"] or "").lower(): d.version for d in importlib.metadata.distributions()}
    return ";".join(f"{name}=={version}" for name, version in sorted(found.items()))


@functools.lru_cache(maxsize=1)
def generator_digest() -> str:
    """A digest of the generator itself: its code (generator/**/*.py), the lexicons and tables it
    ships (*.txt, *.json), the installed packages (`installed_versions`) and Python's version. Every
    cache keys its results with it (extraction, search index, shared-text alignments), so an upgraded
    package or a changed rule never serves an old result. Computed once per process."""
    h = hashlib.sha256(f"{sys.version}\0{installed_versions()}\0".encode())
    code = Path(__file__).resolve().parent
    for pattern in ("*.py", "*.txt", "*.json"):
        for p in sorted(code.rglob(pattern)):
            if p.is_file() and "__pycache__" not in p.parts:
                h.update(p.relative_to(code).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def site_fingerprint(project: Path, site_dir: Path, code_version: str, site_url: str | None = None) -> str:
    """What every page of the site depends on besides its own Markdown: mkdocs.yml, the theme
    overrides (site_config/theme), `code_version` (the build's `context.code_version`, which holds
    `generator_digest`: the generator's code — its hooks and the search index —, the installed
    packages' versions and Python's), the site's address (`site_url`, which mkdocs.yml may take from
    the environment) and the site folder's absolute path. When it changes, the whole site is built
    again."""
    h = hashlib.sha256()
    for part in (str(site_dir.absolute()), code_version, str(site_url),
                 _sha((project / "mkdocs.yml").read_bytes()) if (project / "mkdocs.yml").is_file() else "-",
                 tree_digest(project / "site_config" / "theme")):
        h.update(part.encode("utf-8", "surrogateescape") + b"\0")
    return h.hexdigest()


def docs_files(docs_dir: Path, known: Mapping[str, list[Any]] | None = None) -> dict[str, list[Any]]:
    """Every file MkDocs reads from `docs_dir` (none under a hidden name): {posix path: [size,
    mtime_ns, sha256]}. A file whose size and modification time equal `known`'s keeps its recorded
    digest; any other is read and hashed."""
    known = known or {}
    out: dict[str, list[Any]] = {}
    if not docs_dir.is_dir():
        return out
    for folder, dirs, files in os.walk(docs_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith(HIDDEN))
        base = Path(folder)
        rel_base = base.relative_to(docs_dir).as_posix()
        for name in sorted(files):
            if name.startswith(HIDDEN):
                continue
            p = base / name
            rel = name if rel_base == "." else f"{rel_base}/{name}"
            try:
                st = p.stat()
            except OSError:
                continue
            if not stat.S_ISREG(st.st_mode):
                continue
            was = known.get(rel)
            if was and was[0] == st.st_size and was[1] == st.st_mtime_ns:
                out[rel] = [st.st_size, st.st_mtime_ns, was[2]]
            else:
                try:
                    out[rel] = [st.st_size, st.st_mtime_ns, _sha(p.read_bytes())]
                except OSError:
                    continue
    return out


def listing_digest(folder: Path) -> str:
    """A digest of every path under `folder` with its size and modification time (whole seconds:
    a cache restored from a tar archive keeps those): a site folder that anything but a build
    touched differs from its record. '' when `folder` is missing."""
    if not folder.is_dir():
        return ""
    h = hashlib.sha256()
    root = os.fspath(folder)
    for base, dirs, files in os.walk(root):
        dirs.sort()
        prefix = "" if base == root else os.path.relpath(base, root) + os.sep
        for name in sorted(files):
            try:
                st = os.lstat(os.path.join(base, name))
            except OSError:
                continue
            h.update(f"{prefix}{name}\0{st.st_size}\0{st.st_mtime_ns // 10**9}\n"
                     .encode("utf-8", "surrogateescape"))
    return h.hexdigest()


def changed_paths(before: Mapping[str, Any], after: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    """(paths added or whose digest differs, paths removed) between two {path: sha256 or [size,
    mtime_ns, sha256]} maps."""
    def digest(v: Any) -> str:
        return v[2] if isinstance(v, list) else v

    changed = sorted(p for p in after if p not in before or digest(before[p]) != digest(after[p]))
    removed = sorted(p for p in before if p not in after)
    return changed, removed


@dataclass
class Snapshot:
    """The build state of one output folder (see the module docstring), as loaded or to be saved."""

    path: Path | None  # where it is kept; None when there is no cache
    inputs: str = ""
    content: dict[str, list[Any]] = field(default_factory=dict)
    report: dict[str, Any] = field(default_factory=dict)
    site: dict[str, Any] = field(default_factory=dict)
    corpus: FileRecord = field(default_factory=FileRecord)  # the corpus files' digests (`tree_digest`)

    @property
    def cache_dir(self) -> Path | None:
        """The cache folder the state is kept in (None without a cache)."""
        return self.path.parent.parent if self.path is not None else None

    @classmethod
    def load(cls, cache_dir: Path | None, out_dir: Path) -> "Snapshot":
        """The state recorded for `out_dir` under `cache_dir` (an empty one when there is none or
        it cannot be read). Never raises for a missing or damaged file."""
        if cache_dir is None:
            return cls(None)
        key = _sha(str(out_dir.absolute()).encode("utf-8", "surrogateescape"))
        path = cache_dir / STATE_DIR / f"{key}.json"
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls(path)
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            return cls(path)
        try:
            return cls(path, str(raw.get("inputs", "")), dict(raw.get("content") or {}),
                       dict(raw.get("report") or {}), dict(raw.get("site") or {}),
                       FileRecord.from_json(raw.get("corpus")))
        except (TypeError, ValueError):
            return cls(path)

    def unchanged(self, inputs: str, out_dir: Path) -> bool:
        """True when the recorded run had these `inputs` and every file it wrote into `out_dir` still
        holds the bytes it wrote (and no other file MkDocs would read was added). When True,
        `content` is refreshed with the files' present sizes and times (the site step reads it)."""
        if not self.inputs or self.inputs != inputs or not self.report:
            return False
        now = docs_files(out_dir, self.content)
        if {k: v[2] for k, v in now.items()} != {k: v[2] for k, v in self.content.items()}:
            return False
        self.content = now
        return True

    def save(self) -> None:
        """Write the state atomically; a cache that cannot be written only makes the next build slower."""
        if self.path is None:
            return
        data = json.dumps({"format": FORMAT, "inputs": self.inputs, "content": self.content,
                           "report": self.report, "site": self.site, "corpus": self.corpus.to_json()},
                          ensure_ascii=False, sort_keys=True)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.part")
            tmp.write_text(data, encoding="utf-8")
            os.replace(tmp, self.path)
        except (OSError, ValueError):  # ValueError: text that cannot be written (never expected)
            pass


def hardlink_tree(src: Path, dst: Path) -> int:
    """Make `dst` a copy of the folder `src` whose files are hard links to `src`'s (folders are new).
    Returns the number of files linked. Whoever writes into `dst` afterwards must replace a file
    (write a new one and rename it over), never write into it, or `src` changes too."""
    n = 0
    for folder, dirs, files in os.walk(src):
        rel = os.path.relpath(folder, src)
        target = dst if rel == "." else dst / rel
        target.mkdir(parents=True, exist_ok=True)
        for name in files:
            os.link(os.path.join(folder, name), target / name, follow_symlinks=False)
            n += 1
    return n


class WorkCache:
    """Results of earlier builds for one kind of work, kept in BUCKETS pickle files
    (`<cache>/<kind>/<generator_digest>/<bb>.pickle`, each {key: value} for the keys of bucket bb,
    see `bucket`): the search index's per-document analysis (kind "search"), the shared-text
    alignments (kind "reuse"). A changed generator or package names a new folder, and older ones are
    removed when it is saved; keys not looked up by this build are dropped then, and only the buckets
    whose keys changed are written again (the search cache is 140 MB at 10,000 articles: rewriting
    it whole took seconds of every build). Without a cache folder nothing is kept. Never raises for a
    missing, damaged or unwritable file: a cache only makes builds faster."""

    BUCKETS = 64

    def __init__(self, cache_dir: Path | None, kind: str) -> None:
        self.folder: Path | None = None
        self.entries: dict[Any, Any] = {}
        self.used: set[Any] = set()
        self.loaded: dict[int, set[Any]] = {}  # bucket → the keys its file held
        if cache_dir is None:
            return
        self.folder = cache_dir / kind / generator_digest()[:24]
        for b in range(self.BUCKETS):
            try:
                with (self.folder / f"{b:02x}.pickle").open("rb") as fh:
                    entries = pickle.load(fh)
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
                continue
            if isinstance(entries, dict):
                self.entries.update(entries)
                self.loaded[b] = set(entries)

    @staticmethod
    def digest(data: str | bytes) -> bytes:
        """A 16-byte key for `data` (text as UTF-8, lone surrogates kept): what the caches key
        texts and pickled values by."""
        raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
        return hashlib.blake2b(raw, digest_size=16).digest()

    @classmethod
    def bucket(cls, key: Any) -> int:
        """The bucket of `key`: from its first byte when it is a digest (bytes), else from a digest
        of its repr (never Python's hash(), which changes from one process to the next)."""
        if isinstance(key, bytes) and key:
            return key[0] % cls.BUCKETS
        return hashlib.blake2b(repr(key).encode("utf-8", "surrogatepass"), digest_size=1).digest()[0] % cls.BUCKETS

    def get(self, key: Any, compute: Callable[[], Any]) -> Any:
        """The value kept for `key`, or `compute()` (then kept)."""
        self.used.add(key)
        if key not in self.entries:
            self.entries[key] = compute()
        return self.entries[key]

    def save(self) -> None:
        """Write the buckets whose keys this build changed (added or no longer looked up),
        atomically; remove the folders of other generator versions."""
        if self.folder is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for old in self.folder.parent.iterdir():
                if old == self.folder:
                    continue
                if old.is_dir():
                    shutil.rmtree(old, ignore_errors=True)
                else:
                    old.unlink()
            kept: dict[int, set[Any]] = {}
            for key in self.used:
                kept.setdefault(self.bucket(key), set()).add(key)
            for b in range(self.BUCKETS):
                keys = kept.get(b, set())
                path = self.folder / f"{b:02x}.pickle"
                if keys == self.loaded.get(b, set()) and (path.is_file() or not keys):
                    continue
                if not keys:
                    path.unlink(missing_ok=True)
                    continue
                tmp = path.with_name(f"{path.name}.{os.getpid()}.part")
                with tmp.open("wb") as fh:
                    pickle.dump({k: self.entries[k] for k in keys}, fh, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, path)
                self.loaded[b] = keys
        except OSError:
            pass
