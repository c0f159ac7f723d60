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
import datetime
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
from dataclasses import dataclass
from typing import Any, Callable, Iterator, Mapping

import yaml

from generator.config import escape_controls
from generator.context import Context, code_version, load_context
from generator.forked import Forked
from generator.data_export import configured_site_url
from generator.pages import PageCache, render_site
from generator.progress import plain_lines_only
from generator.state import (FileRecord, Snapshot, changed_paths, docs_files, hardlink_tree, inputs_digest, listing_digest,
                             site_fingerprint)
from generator.writer import OutputConflict, UnsafePath, WriteResult, write_outputs

MKDOCS_CONFIG = "mkdocs.yml"
DIRTY_ENV = "ARSHIF_DIRTY_LIST"  # read by generator/mkdocs_hooks.py
SHARD_ENV = "ARSHIF_SHARD"  # read by generator/mkdocs_hooks.py: "k/K", this process's share of the pages
PROCESSES_ENV = "ARSHIF_MKDOCS_PROCESSES"  # how many MkDocs processes a whole build runs (default: see below)
PAGES_PER_PROCESS = 400  # a whole build starts one more MkDocs process per this many pages, up to the cores
CHANGED_BYTES_PER_PROCESS = 500_000  # an incremental build: one more MkDocs process per this much changed Markdown
MAX_PROCESSES = 8
# files MkDocs writes in every build, dirty or not (sitemap.xml.gz with a plain open()): removed from
# the hard-linked copy first, so that writing them makes new files
ALWAYS_WRITTEN = ("sitemap.xml", "sitemap.xml.gz", "404.html")
# extraction results of unchanged inputs, the build state and the search index's per-document work
# (ARSHIF_CACHE=0 turns it off; ARSHIF_CACHE_DIR puts it elsewhere)
CACHE_DIR = ".arshif-cache"


def _overlaps(a: Path, b: Path) -> bool:
    a, b = a.resolve(), b.resolve()
    return a == b or a in b.parents or b in a.parents


def summary_head(ctx: Context) -> str:
    """The summary line up to the file counts: articles, warnings, skipped (with reasons), ignored
    inputs, config problems."""
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
            f"{len(ctx.problems)} config problems")


def file_counts(written: int, removed: int, unchanged: int) -> str:
    return f"{written} files written, {removed} removed, {unchanged} unchanged"


def summary_line(ctx: Context, result: WriteResult) -> str:
    """The line a build prints on stdout (before the site part and the time)."""
    return f"{summary_head(ctx)}; {file_counts(len(result.written), len(result.removed), result.unchanged)}"


def say(line: str) -> None:
    """Print one message line on stderr, its control characters escaped: nothing from an input (a
    file name holding a line break and "::error …") can start a line of its own in a CI log."""
    print(escape_controls(line), file=sys.stderr)


def report_lines(ctx: Context) -> list[str]:
    """The message lines of a build (config problems, input notes, skipped, duplicate and ignored
    inputs, warnings), control characters escaped (see `say`)."""
    lines = [f"config error: {p}" for p in ctx.problems]
    lines += [f"read {note.source}: {note.text()}" for note in ctx.inputs]
    lines += [f"skipped {s.source}: {s.reason}" for s in ctx.skipped]
    lines += [f"skipped {d.source}: duplicate of {d.original}" for d in ctx.duplicates]
    lines += [f"ignored {s.source}: {s.reason}" for s in ctx.ignored]
    for a in sorted(ctx.articles, key=lambda a: a.source):
        lines += [f"warning {a.source}: {w}" for w in a.warnings]
    return [escape_controls(line) for line in lines]


def report_details(ctx: Context) -> list[str]:
    """Print `report_lines` on stderr; returns them."""
    lines = report_lines(ctx)
    for line in lines:
        print(line, file=sys.stderr)
    return lines


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


def usable_cores() -> int:
    """The CPU cores this process may run on (its affinity, where the system has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def mkdocs_processes(pages: int, changed_bytes: int | None = None) -> int:
    """How many MkDocs processes a build runs: the environment's ARSHIF_MKDOCS_PROCESSES when set,
    else for a whole build of `pages` Markdown pages one per PAGES_PER_PROCESS pages, and for an
    incremental build whose changed pages hold `changed_bytes` bytes of Markdown one per
    CHANGED_BYTES_PER_PROCESS bytes; at most one per usable core and MAX_PROCESSES. MkDocs renders
    pages one after another in one process; at 10,000 articles that is most of a build, and on a
    machine with more cores the pages split into shares that render side by side (`mkdocs_hooks`:
    each process renders its share into the same folder). Each process reads the whole docs folder
    first (a second or two at 10,000 articles), which a few changed pages do not repay."""
    forced = os.environ.get(PROCESSES_ENV, "").strip()
    if forced:
        return max(1, int(forced))
    units = pages // PAGES_PER_PROCESS if changed_bytes is None else changed_bytes // CHANGED_BYTES_PER_PROCESS
    return max(1, min(usable_cores(), MAX_PROCESSES, units))


def run_mkdocs(out_dir: Path, site_dir: Path, project: Path, dirty_list: Path | None = None,
               processes: int = 1, during: Callable[[], None] | None = None) -> int:
    """Run `mkdocs build --strict` of `out_dir` into `site_dir`; returns its exit code (the first
    failing process's). With `dirty_list` (a file naming, one per line, the docs files that changed),
    a `--dirty` build that renders only those pages into a `site_dir` holding the previous site (see
    `mkdocs_hooks`). Without it, `site_dir` must be empty and the whole site is built into it.
    Either way `processes` MkDocs processes (`--dirty`, each told its share of the pages to render,
    one SOURCE_DATE_EPOCH for all) share the work.
    `during` runs in this process while MkDocs works (the search index); the processes are stopped
    when it raises, and the exception propagates."""
    cfg, tmp = mkdocs_config_for(out_dir, site_dir, project)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    for name in (DIRTY_ENV, SHARD_ENV):
        env.pop(name, None)
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(cfg), "-d", str(site_dir.resolve()),
           "--dirty"]
    if dirty_list is not None:
        env[DIRTY_ENV] = str(dirty_list)
    env.setdefault("SOURCE_DATE_EPOCH", str(int(time.time())))
    runs = [dict(env, **{SHARD_ENV: f"{k}/{processes}"}) for k in range(max(1, processes))]
    procs: list[subprocess.Popen[bytes]] = []
    try:
        procs = [subprocess.Popen(cmd, env=run, cwd=project) for run in runs]
        if during is not None:
            during()
        codes = [p.wait() for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
        if tmp is not None:
            for f in tmp.iterdir():
                f.unlink()
            tmp.rmdir()
    return next((c for c in codes if c != 0), 0)


def _search_module() -> Any:
    """The search package (generator.search), or None when it is not installed."""
    if importlib.util.find_spec("generator.search") is None:
        return None
    return importlib.import_module("generator.search")


def drop_material_index(site_dir: Path) -> None:
    """Remove Material's own search index, which its search plugin writes at the end of every MkDocs
    build (empty: every page is excluded from it; Arshif's index replaces it)."""
    search = _search_module()
    if search is not None:
        (site_dir / search.MATERIAL_INDEX).unlink(missing_ok=True)


def run_search_hook(ctx: Context, site_dir: Path, cache_dir: Path | None = None,
                    files: Mapping[str, bytes] | None = None) -> None:
    """Build the site's search index when the search module is installed (`cache_dir`: the build's
    cache folder, where the index keeps per-document work between builds; `files`: the index
    already computed, by `start_search_index`)."""
    write_index = getattr(_search_module(), "write_index", None)
    if write_index is not None:
        write_index(ctx, ctx.urls, site_dir, cache_dir, files)


def start_search_index(ctx: Context, cache_dir: Path | None) -> Forked[dict[str, bytes]] | None:
    """Start computing the search index of `ctx` in a forked process (`generator.forked`), so that
    it runs on the other core while this one renders and writes the pages; None when the search
    module is not installed. Its progress is shown as plain lines (a second bar would be drawn over
    the first)."""
    index_for = getattr(_search_module(), "index_for", None)
    if index_for is None:
        return None

    def compute() -> dict[str, bytes]:
        plain_lines_only()
        return index_for(ctx, ctx.urls, cache_dir)

    return Forked(compute)


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
TRASH = ".trash-"  # sibling folder of site/: the previous site, being deleted (`discard`)


def _siblings(site_dir: Path, kind: str) -> list[Path]:
    parent = site_dir.parent
    prefix = f".{site_dir.name}{kind}"
    return sorted(p for p in parent.iterdir() if p.name.startswith(prefix) and p.is_dir()) if parent.is_dir() else []


def recover_site(site_dir: Path) -> None:
    """Clean up after a site build that was killed: a half-built new site is removed; a previous
    site moved aside just before the swap is put back when no site stands in its place. A previous
    site still being deleted (`discard`) is left to its deleter, or deleted again if there is none."""
    for p in _siblings(site_dir, NEW):
        shutil.rmtree(p, ignore_errors=True)
    for p in _siblings(site_dir, OLD):
        if not site_dir.exists():
            os.rename(p, site_dir)
        else:
            shutil.rmtree(p, ignore_errors=True)
    for p in _siblings(site_dir, TRASH):
        _delete_in_background(p)


_DELETERS: list[subprocess.Popen[bytes]] = []  # kept until they end (a Popen dropped early warns)


def discard(folder: Path, site_dir: Path) -> None:
    """Delete `folder` (the previous site, once the new one is in its place) without waiting: it is
    renamed to a sibling `.site.trash-<pid>-<time>` and deleted by a detached process, so the build ends
    when the site is ready (deleting the 22,000 files of a 10,000-article site took two seconds
    of a build after one article was added). A deleter killed half-way leaves the sibling to the
    next build (`recover_site`). Where the rename fails, `folder` is deleted here."""
    trash = site_dir.parent / f".{site_dir.name}{TRASH}{os.getpid()}-{time.time_ns()}"
    try:
        os.rename(folder, trash)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
        return
    _delete_in_background(trash)


def _delete_in_background(folder: Path) -> None:
    _DELETERS[:] = [d for d in _DELETERS if d.poll() is None]
    try:
        _DELETERS.append(subprocess.Popen(
            [sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)", str(folder)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True, close_fds=True))
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)


@dataclass
class SiteResult:
    """What `build_site` did: `error` (None when the site was built), `pages` the Markdown files
    MkDocs rendered again (None for a whole build, [] when nothing needed building)."""

    error: str | None = None
    pages: list[str] | None = None


def build_site(ctx: Context | Callable[[], Context], out: Path, site_dir: Path, project: Path,
               snap: Snapshot | None = None, version: str = "",
               index: Forked[dict[str, bytes]] | None = None) -> SiteResult:
    """Build the site into a new folder beside `site_dir` (MkDocs, then the search index, its
    manifest last) and swap it in by renaming only when both finished; the previous site stays
    whole and served until then, and stays as it was when either fails.

    With the build state `snap` (and the code `version`), a site whose record says it was built with
    the same theme, mkdocs.yml, site_url, code and package versions (`state.site_fingerprint`) and
    that nobody touched since (`state.listing_digest`) is not built again: when no Markdown changed
    nothing is done; when files were only added or changed (none removed) the new folder starts as
    hard links to the previous site and MkDocs (`--dirty`, told by `mkdocs_hooks` which files
    changed) renders only the pages whose Markdown changed; every file is replaced, never written
    into, so the previous site is untouched (checked afterwards). A removed file, or a file system
    without hard links, makes a whole build. `ctx` may be a function giving
    the build context, called only when the search index has to be written; `index` is that index
    already being computed (`start_search_index`), used instead."""
    site_dir = site_dir.absolute()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    recover_site(site_dir)
    record = snap.site if snap else {}
    fingerprint = site_fingerprint(project, site_dir, version, configured_site_url(project)) if snap and snap.path else ""
    docs = snap.content if snap is not None and fingerprint else {}  # the docs files as this build left them
    base: dict[str, str] | None = None
    if (fingerprint and record.get("fingerprint") == fingerprint and site_dir.is_dir()
            and record.get("listing") == listing_digest(site_dir)):
        base = dict(record.get("content") or {})
    changed, removed = changed_paths(base or {}, docs)
    if base is not None and not changed and not removed:
        return SiteResult(None, [])
    if removed:  # a page that links to a removed one is checked (--strict) only when it is rendered
        base = None
    fresh = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}{NEW}", dir=site_dir.parent))
    dirty_list: Path | None = None
    try:
        os.chmod(fresh, 0o777 & ~_umask())
        if base is not None:
            try:
                hardlink_tree(site_dir, fresh)
            except OSError:  # a file system without hard links (or out of them): a whole build
                shutil.rmtree(fresh)
                fresh.mkdir()
                os.chmod(fresh, 0o777 & ~_umask())
                base = None
        if base is not None:
            for always in ALWAYS_WRITTEN:  # MkDocs writes these even in a dirty build, some with open()
                with contextlib.suppress(FileNotFoundError):
                    (fresh / always).unlink()
            fd, name = tempfile.mkstemp(prefix="arshif-changed-", suffix=".txt")
            dirty_list = Path(name)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write("".join(f"{c}\n" for c in changed))
        index_error: list[Exception] = []

        def search_index() -> None:  # while MkDocs renders: it never writes into search-index/
            try:
                context = ctx if isinstance(ctx, Context) else ctx()
                run_search_hook(context, fresh, snap.cache_dir if snap else None,
                                index.result() if index is not None else None)
            except Exception as exc:  # reported like any other build failure, with its cause
                index_error.append(exc)

        if base is not None:
            processes = mkdocs_processes(0, sum(_size(out / path) for path in changed if path.endswith(".md")))
        else:
            processes = mkdocs_processes(sum(1 for path in docs if path.endswith(".md")) if docs
                                         else sum(1 for _ in out.rglob("*.md")))
        rc = run_mkdocs(out, fresh, project, dirty_list, processes, during=search_index)
        if rc != 0:
            return SiteResult(f"mkdocs build failed (exit {rc})")
        if index_error:
            exc = index_error[0]
            return SiteResult(f"search index failed: {type(exc).__name__}: {exc}")
        drop_material_index(fresh)
        if base is not None and listing_digest(site_dir) != record.get("listing"):
            return SiteResult(f"the previous site in {site_dir} changed while the new one was built "
                              "from it; run the build again (it will build the whole site)")
        if not site_dir.exists():
            os.rename(fresh, site_dir)
        elif _exchange(fresh, site_dir):  # `fresh` now holds the previous site
            discard(fresh, site_dir)
        else:  # no atomic exchange here: two renames
            old = site_dir.parent / f".{site_dir.name}{OLD}{os.getpid()}"
            os.rename(site_dir, old)
            os.rename(fresh, site_dir)
            discard(old, site_dir)
        if snap is not None and fingerprint:
            snap.site = {"dir": str(site_dir), "fingerprint": fingerprint,
                         "content": {k: v[2] for k, v in docs.items()}, "listing": listing_digest(site_dir)}
            snap.save()
        return SiteResult(None, None if base is None else changed)
    finally:
        if dirty_list is not None:
            dirty_list.unlink(missing_ok=True)
        if fresh.exists():
            shutil.rmtree(fresh, ignore_errors=True)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


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
    """Generate content/ (nothing when the build state says no input changed), then the site."""
    project = Path(__file__).resolve().parent.parent
    started = time.perf_counter()
    cache = None if os.environ.get("ARSHIF_CACHE", "1") == "0" else Path(os.environ.get("ARSHIF_CACHE_DIR") or CACHE_DIR)
    snap = Snapshot.load(cache, out)
    version = code_version(config)
    strict = getattr(args, "strict", False)
    options = {"strict": strict, "publish": getattr(args, "publish", False),
               "reuse": os.environ.get("ARSHIF_REUSE", "1"), "site_url": configured_site_url(project),
               # sidecar and export dates are checked against today (a date in the future is refused)
               "today": datetime.date.today().isoformat()}
    record = FileRecord()
    inputs = inputs_digest(corpus, config, version, options, snap.corpus, record) if cache is not None else ""
    ctx: Context | None = None
    index: Forked[dict[str, bytes]] | None = None  # the search index, computed beside the pages
    try:
        if inputs and snap.unchanged(inputs, out):
            for message in snap.report["stderr"]:
                print(message, file=sys.stderr)
            line = f"{snap.report['head']}; {file_counts(0, 0, snap.report['files'])}"
            status = int(snap.report["status"])
        else:
            def start_index(early: Context) -> None:  # before the cross-article analysis, which it does not need
                nonlocal index
                index = start_search_index(early, cache)

            ctx = load_context(corpus, config, cache, start_index if getattr(args, "site", False) else None)
            try:
                result = write_outputs(out, render_site(ctx, PageCache(cache) if cache is not None else None))
            except (OutputConflict, UnsafePath) as exc:
                report_details(ctx)
                print(f"error: {exc}", file=sys.stderr)
                return 1
            messages = report_details(ctx)
            status = 0
            if (ctx.skipped or ctx.duplicates or ctx.problems) and (strict or not getattr(args, "publish", False)):
                status = 1
            if strict and ctx.warnings:
                status = 1
            line = summary_line(ctx, result)
            if snap.path is not None:  # kept only with a cache
                snap.inputs, snap.content, snap.corpus = inputs, docs_files(out, snap.content), record
                snap.report = {"head": summary_head(ctx), "stderr": messages, "status": status,
                               "files": len(result.written) + result.unchanged}
                snap.save()
        if getattr(args, "site", False):
            def context() -> Context:
                return ctx if ctx is not None else load_context(corpus, config, cache)

            built = build_site(context, out, site_dir, project, snap if cache is not None else None, version, index)
            if built.error:
                say(f"error: {built.error} (the previous site in {site_dir} was left as it was)")
                status = 1
            elif built.pages == []:
                line += f"; site in {site_dir} unchanged"
            elif built.pages is not None:
                line += f"; site built in {site_dir} ({len(built.pages)} pages changed)"
            else:
                line += f"; site built in {site_dir}"
    finally:
        if index is not None:  # a build that stopped early, or a site with nothing to build
            index.cancel()
    print(f"{line} ({time.perf_counter() - started:.1f} s)")
    return status
