"""`arshif build`: corpus/ + site_config/ → content/ (and with --site, the MkDocs site).

Prints one summary line on stdout; details (each warning, skipped input, config problem) go to stderr
and to the build report page. Exit codes: 0 every input became an article (warnings allowed); 1 an
input was skipped, a duplicate was dropped, a config problem was found, the site build failed, or (with
--strict) a warning was raised; 2 usage error (missing corpus folder, output folder overlapping the
corpus or the configuration). With --publish (the publish workflow) skipped inputs, duplicates and
configuration problems are listed but do not make the exit 1 (unless --strict too).

The site is built beside the previous one and swapped in whole (`build_site`); a lock file in the
output folder keeps two builds of one project from running at once (`build_lock`).
"""
from __future__ import annotations

import argparse
import contextlib
import ctypes
import errno
import fcntl
import importlib
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterator

import yaml

from generator.config import escape_controls
from generator.context import Context, load_context
from generator.pages import render_site
from generator.writer import OutputConflict, UnsafePath, WriteResult, write_outputs

MKDOCS_CONFIG = "mkdocs.yml"
CACHE_DIR = ".arshif-cache"  # extraction results of unchanged inputs (ARSHIF_CACHE=0 turns it off)


def _overlaps(a: Path, b: Path) -> bool:
    a, b = a.resolve(), b.resolve()
    return a == b or a in b.parents or b in a.parents


def summary_line(ctx: Context, result: WriteResult) -> str:
    reasons: dict[str, int] = {}
    for s in ctx.skipped:
        reasons[s.reason] = reasons.get(s.reason, 0) + 1
    if ctx.duplicates:
        reasons["duplicate"] = len(ctx.duplicates)
    skipped = len(ctx.skipped) + len(ctx.duplicates)
    why = ""
    if reasons:
        why = " (" + "; ".join(f"{n} {r}" for r, n in sorted(reasons.items())) + ")"
    ignored = ""
    if ctx.ignored:
        kinds: dict[str, int] = {}
        for s in ctx.ignored:
            kinds[s.reason] = kinds.get(s.reason, 0) + 1
        ignored = f"{len(ctx.ignored)} ignored (" + "; ".join(f"{n} {r}" for r, n in sorted(kinds.items())) + "), "
    return (f"built {len(ctx.articles)} articles, {ctx.warnings} warnings, {skipped} skipped{why}, {ignored}"
            f"{len(ctx.problems)} config problems; {len(result.written)} files written, "
            f"{len(result.removed)} removed, {result.unchanged} unchanged")


def say(line: str) -> None:
    """Print one message line on stderr, its control characters escaped: nothing from an input (a
    file name holding a line break and "::error …") can start a line of its own in a CI log."""
    print(escape_controls(line), file=sys.stderr)


def report_details(ctx: Context) -> None:
    for p in ctx.problems:
        say(f"config error: {p}")
    for note in ctx.inputs:
        say(f"read {note.source}: {note.text()}")
    for s in ctx.skipped:
        say(f"skipped {s.source}: {s.reason}")
    for d in ctx.duplicates:
        say(f"skipped {d.source}: duplicate of {d.original}")
    for s in ctx.ignored:
        say(f"ignored {s.source}: {s.reason}")
    for a in sorted(ctx.articles, key=lambda a: a.source):
        for w in a.warnings:
            say(f"warning {a.source}: {w}")


def mkdocs_config_for(out_dir: Path, site_dir: Path, project: Path) -> tuple[Path, Path | None]:
    """The MkDocs config to build with: the project's own when it already points at `out_dir`,
    else a temporary one inheriting it with absolute docs_dir/site_dir/custom_dir."""
    base = project / MKDOCS_CONFIG
    with base.open(encoding="utf-8") as fh:
        raw = fh.read()
    docs_dir = "docs"
    for line in raw.splitlines():
        if line.startswith("docs_dir:"):
            docs_dir = line.split(":", 1)[1].strip().strip("'\"")
    if (project / docs_dir).resolve() == out_dir.resolve():
        return base, None
    tmp = Path(tempfile.mkdtemp(prefix="arshif-mkdocs-"))
    derived = {
        "INHERIT": str(base.resolve()),
        "docs_dir": str(out_dir.resolve()),
        "site_dir": str(site_dir.resolve()),
        "theme": {"name": "material", "custom_dir": str((project / "site_config" / "theme").resolve())},
        "hooks": [str((project / "generator" / hook).resolve())
                  for hook in ("mkdocs_hooks.py", "search/mkdocs_hook.py")],
    }
    cfg = tmp / "mkdocs.yml"
    cfg.write_text(yaml.safe_dump(derived, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return cfg, tmp


def run_mkdocs(out_dir: Path, site_dir: Path, project: Path) -> int:
    cfg, tmp = mkdocs_config_for(out_dir, site_dir, project)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(cfg), "-d", str(site_dir.resolve())]
    try:
        proc = subprocess.run(cmd, env=env, cwd=project)
    finally:
        if tmp is not None:
            for f in tmp.iterdir():
                f.unlink()
            tmp.rmdir()
    return proc.returncode


def run_search_hook(ctx: Context, site_dir: Path) -> None:
    """Build the site's search index when the search module is installed."""
    if importlib.util.find_spec("generator.search") is None:
        return
    search = importlib.import_module("generator.search")
    write_index = getattr(search, "write_index", None)
    if write_index is not None:
        write_index(ctx, ctx.urls, site_dir)


LOCK_NAME = ".arshif-build.lock"
LOCK_WAIT = float(os.environ.get("ARSHIF_LOCK_WAIT", "600"))  # seconds a second build waits


@contextlib.contextmanager
def build_lock(folder: Path, wait: float = LOCK_WAIT) -> Iterator[bool]:
    """Hold the build lock of the output folder `folder`: a POSIX record lock (`lockf`) on the
    hidden file `folder/.arshif-build.lock`, which MkDocs skips. The kernel releases it when the
    build ends, even killed, and the extraction processes it forks never hold it (a `flock` would
    stay held by them). A second build waits up to `wait` seconds, saying so on stderr; yields
    False when it never got the lock."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_NAME
    with path.open("a+") as fh:
        deadline = time.monotonic() + wait
        told = False
        while True:
            try:
                fcntl.lockf(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EACCES, errno.EAGAIN):
                    raise
                if time.monotonic() >= deadline:
                    yield False
                    return
                if not told:
                    say(f"waiting for another build to finish (it holds {path})")
                    told = True
                time.sleep(0.2)
        try:
            yield True
        finally:
            fcntl.lockf(fh, fcntl.LOCK_UN)


NEW, OLD = ".new-", ".old-"  # sibling folders of site/ while a site is built and swapped in


def _siblings(site_dir: Path, kind: str) -> list[Path]:
    parent = site_dir.parent
    prefix = f".{site_dir.name}{kind}"
    return sorted(p for p in parent.iterdir() if p.name.startswith(prefix) and p.is_dir()) if parent.is_dir() else []


def recover_site(site_dir: Path) -> None:
    """Clean up after a site build that was killed: a half-built new site is removed; a previous
    site moved aside just before the swap is put back when no site stands in its place."""
    for p in _siblings(site_dir, NEW):
        shutil.rmtree(p, ignore_errors=True)
    for p in _siblings(site_dir, OLD):
        if not site_dir.exists():
            os.rename(p, site_dir)
        else:
            shutil.rmtree(p, ignore_errors=True)


def build_site(ctx: Context, out: Path, site_dir: Path, project: Path) -> str | None:
    """Build the site into a new folder beside `site_dir` (MkDocs, then the search index, its
    manifest last) and swap it in by renaming only when both finished; the previous site stays
    whole and served until then, and stays as it was when either fails. Returns the error, or None."""
    site_dir = site_dir.absolute()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    recover_site(site_dir)
    fresh = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}{NEW}", dir=site_dir.parent))
    try:
        os.chmod(fresh, 0o777 & ~_umask())
        rc = run_mkdocs(out, fresh, project)
        if rc != 0:
            return f"mkdocs build failed (exit {rc})"
        try:
            run_search_hook(ctx, fresh)
        except Exception as exc:  # report it like any other build failure, with its cause
            return f"search index failed: {type(exc).__name__}: {exc}"
        if not site_dir.exists():
            os.rename(fresh, site_dir)
        elif not _exchange(fresh, site_dir):  # no atomic exchange here: two renames
            old = site_dir.parent / f".{site_dir.name}{OLD}{os.getpid()}"
            os.rename(site_dir, old)
            os.rename(fresh, site_dir)
            shutil.rmtree(old, ignore_errors=True)
        return None
    finally:
        if fresh.exists():
            shutil.rmtree(fresh, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux `renameat2(RENAME_EXCHANGE)`); False where the system or
    file system cannot, and the caller then renames twice (`recover_site` covers the moment between)."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def run(args: argparse.Namespace) -> int:
    """`arshif build`: check the folders (exit 2 on a usage error), take the build lock (held in the
    output folder), then build (`_build`). Returns the exit code."""
    corpus = Path(args.corpus)
    config = Path(args.config)
    out = Path(args.out)
    site_dir = Path(getattr(args, "site_dir", None) or "site")
    if not corpus.is_dir():
        print(f"error: corpus folder not found: {corpus}", file=sys.stderr)
        return 2
    if not config.is_dir():
        print(f"error: configuration folder not found: {config}", file=sys.stderr)
        return 2
    if out.exists() and not out.is_dir():
        print(f"error: output folder {out} exists and is not a folder", file=sys.stderr)
        return 2
    for name, other in (("corpus", corpus), ("configuration", config)):
        if _overlaps(out, other):
            print(f"error: output folder {out} overlaps the {name} folder {other}", file=sys.stderr)
            return 2
    if getattr(args, "site", False) and (_overlaps(site_dir, corpus) or _overlaps(site_dir, out)):
        print(f"error: site folder {site_dir} overlaps the corpus or content folder", file=sys.stderr)
        return 2
    with build_lock(out) as locked:
        if not locked:
            say(f"error: another build is still running (it holds {out / LOCK_NAME}); "
                "run this one again when it has finished")
            return 1
        return _build(args, corpus, config, out, site_dir)


def _build(args: argparse.Namespace, corpus: Path, config: Path, out: Path, site_dir: Path) -> int:
    project = Path(__file__).resolve().parent.parent
    started = time.perf_counter()
    cache = None if os.environ.get("ARSHIF_CACHE", "1") == "0" else Path(CACHE_DIR)
    ctx = load_context(corpus, config, cache)
    try:
        result = write_outputs(out, render_site(ctx))
    except (OutputConflict, UnsafePath) as exc:
        report_details(ctx)
        print(f"error: {exc}", file=sys.stderr)
        return 1
    report_details(ctx)
    status = 0
    strict = getattr(args, "strict", False)
    if (ctx.skipped or ctx.duplicates or ctx.problems) and (strict or not getattr(args, "publish", False)):
        status = 1
    if strict and ctx.warnings:
        status = 1
    line = summary_line(ctx, result)
    if getattr(args, "site", False):
        error = build_site(ctx, out, site_dir, project)
        if error:
            say(f"error: {error} (the previous site in {site_dir} was left as it was)")
            status = 1
        else:
            line += f"; site built in {site_dir}"
    print(f"{line} ({time.perf_counter() - started:.1f} s)")
    return status
