"""Write generated pages into content/ safely and only when something changed.

    write_outputs(out_dir, outputs) -> WriteResult

- every path is checked to stay inside `out_dir` (no absolute path, no "..", no symlink escaping);
- two outputs for one path are refused, naming both sources (`OutputConflict`);
- a file is written only when its bytes differ, through a temporary file in the same folder and
  `os.replace`, so an interrupted build leaves each file either old or new, never half-written; the
  temporary files (hidden, so MkDocs skips them) that a killed build leaves are removed by the next;
- a manifest (`.arshif-manifest.json`) lists the files the generator made; files it listed before and
  no longer makes are removed (only those, only inside `out_dir`), and folders left empty go too.
  Files a person put in `out_dir` by hand are never touched.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Iterable, Protocol

from generator.progress import track


def gzipped(data: bytes, level: int = 9) -> bytes:
    """`data` gzipped the same way everywhere (every .gz file the build makes: the data's JSON Lines,
    the search index): no time stamp and no name, so the same bytes give the same file, and the
    header written by Python's GzipFile ("unknown" system), not by zlib (`gzip.compress`), whose
    header names the system zlib was built for. `level`: zlib's, 1–9."""
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=level, mtime=0, filename="") as fh:
        fh.write(data)
    return buf.getvalue()

MANIFEST = ".arshif-manifest.json"
TMP_PREFIX, TMP_SUFFIX = ".tmp-", ".part"  # temporary files, moved into place when complete


def _file_mode() -> int:
    """The mode a plain `open(..., "w")` would give (mkstemp makes files readable by the owner only)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


FILE_MODE = _file_mode()


class _Out(Protocol):
    path: str
    text: str
    source: str


class OutputConflict(ValueError):
    """Two outputs want the same path."""


class UnsafePath(ValueError):
    """An output path would land outside the output folder."""


@dataclass
class WriteResult:
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0


def check_path(rel: str) -> str:
    """Return `rel` when it is a clean relative POSIX path inside the output folder; else raise."""
    p = PurePosixPath(rel)
    if not rel or rel != p.as_posix() or p.is_absolute() or "\\" in rel or "\x00" in rel:
        raise UnsafePath(f"refusing output path {rel!r}: not a clean relative path")
    if any(part in ("", ".", "..") or part.startswith(".") for part in p.parts):
        raise UnsafePath(f"refusing output path {rel!r}: hidden or parent folder")
    return rel


def plan(outputs: Iterable[_Out]) -> dict[str, bytes]:
    """Map each path to its bytes (text as UTF-8 with LF line ends, bytes as they are), refusing
    unsafe paths and two outputs for one path."""
    data: dict[str, bytes] = {}
    owner: dict[str, str] = {}
    for out in outputs:
        rel = check_path(out.path)
        key = rel.casefold()  # two names differing only in case collide on some file systems
        if key in owner:
            raise OutputConflict(
                f"two outputs for {rel}: from {owner[key]} and from {out.source}")
        owner[key] = out.source
        text = out.text
        data[rel] = text if isinstance(text, bytes) else text.replace("\r\n", "\n").encode("utf-8")
    return data


def read_manifest(out_dir: Path) -> list[str]:
    try:
        raw = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    files = raw.get("files") if isinstance(raw, dict) else None
    if not isinstance(files, list):
        return []
    safe = []
    for f in files:
        try:
            safe.append(check_path(f))
        except (UnsafePath, TypeError):
            continue
    return safe


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
        return True
    except ValueError:
        return False


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write `data` to `path` atomically unless the file already holds exactly these bytes."""
    try:
        if path.is_file() and not path.is_symlink() and path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=TMP_PREFIX, suffix=TMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, FILE_MODE)
        if path.is_symlink():
            path.unlink()
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return True


def write_outputs(out_dir: Path, outputs: Iterable[_Out]) -> WriteResult:
    """Write `outputs` (each with a relative `path`, its `text` and the `source` it came from) into
    `out_dir`: only files whose bytes changed, then remove the files of the previous manifest that
    are no longer made, and write the new manifest. Returns what was written, removed and left
    unchanged. Raises `OutputConflict` (two outputs for one path) or `UnsafePath` (a path leading
    outside `out_dir`) before anything is written for the bad path. Shows progress (see
    `generator.progress`) on a large build."""
    data = plan(outputs)
    out_dir.mkdir(parents=True, exist_ok=True)
    root = out_dir.resolve()
    result = WriteResult()
    remove_leftovers(out_dir, root)
    safe: set[Path] = set()  # folders already checked (an archive's pages share a few dozen)
    for rel in track(sorted(data), "writing pages", "files"):
        target = out_dir / rel
        existing = target.parent
        while not existing.exists() and existing != out_dir:
            existing = existing.parent
        if existing not in safe:
            if not _inside(existing, root):
                raise UnsafePath(f"refusing output path {rel!r}: its folder leads outside {out_dir}")
            safe.add(existing)
        if write_if_changed(target, data[rel]):
            result.written.append(rel)
        else:
            result.unchanged += 1
    for rel in sorted(set(read_manifest(out_dir)) - set(data)):
        target = out_dir / rel
        if (target.is_file() or target.is_symlink()) and _inside(target.parent, root):
            target.unlink()
            result.removed.append(rel)
            _prune_empty(target.parent, root)
    manifest = json.dumps({"generator": "arshif", "files": sorted(data)}, ensure_ascii=False, indent=1) + "\n"
    write_if_changed(out_dir / MANIFEST, manifest.encode("utf-8"))
    return result


def remove_leftovers(out_dir: Path, root: Path) -> None:
    """Remove the temporary files an interrupted build left in `out_dir`."""
    for tmp in sorted(out_dir.rglob(f"{TMP_PREFIX}*{TMP_SUFFIX}")):
        if tmp.is_file() and not tmp.is_symlink() and _inside(tmp.parent, root):
            tmp.unlink()


def _prune_empty(folder: Path, root: Path) -> None:
    while folder.resolve() != root and _inside(folder, root):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
