"""Shared fixtures.

- `project_root`: the repository folder.
- `build_site(corpus, config, tmp)`: run `python -m generator build --site` into a temporary folder.
- `seed_site` (session): the tests' own corpus (tests/fixture_corpus.py, never the articles in
  corpus/) built once into a temporary folder (corpus/, content/ and site/).
- `site_url` (session): that site served on 127.0.0.1 by a threaded http.server.
- `browser` (session): headless Debian chromium driven by Playwright (never downloads a browser).
- `page`: a fresh browser page whose every request URL is recorded in `page.requests`.
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import os
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


# The seed articles shipped in corpus/. A few tests check extraction on them by name (regression
# checks of real-world text); they skip when a seed is removed, and articles added to corpus/ never
# change what they see. Every other test builds a corpus of its own (tests/fixture_corpus.py).
SEED_NAMES = ("000_4f119960287c4d94.txt", "001_9d8ced74e5524e3c.txt", "002_8e3dcd4a3ee56e18.txt",
              "003_54c09e60c242992e.txt", "004_16b0dbefb5d91086.txt")


def seed_paths() -> list[Path]:
    """The seed articles still present in corpus/, in order."""
    return [ROOT / "corpus" / n for n in SEED_NAMES if (ROOT / "corpus" / n).is_file()]


def all_seeds() -> list[Path]:
    """All the seed articles, or skip the calling test when one of them was removed."""
    paths = seed_paths()
    if len(paths) < len(SEED_NAMES):
        pytest.skip("the seed articles are not all in corpus/ (this test checks extraction on them)")
    return paths


def seed_file(prefix: str) -> Path:
    """The seed article whose name starts with `prefix` ("001"), or skip the calling test."""
    for name in SEED_NAMES:
        if name.startswith(prefix + "_") and (ROOT / "corpus" / name).is_file():
            return ROOT / "corpus" / name
    pytest.skip(f"seed article {prefix} is not in corpus/")


@dataclass
class BuiltSite:
    content: Path
    site: Path
    returncode: int
    stdout: str
    stderr: str
    corpus: Path | None = None


def write_files(folder: Path, files: dict[str, str]) -> Path:
    """Write {relative path: text} under `folder` (UTF-8, folders created); returns `folder`."""
    for rel, text in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def run_build(corpus: Path, config: Path, out: Path, site: Path | None = None,
              extra: list[str] | None = None) -> BuiltSite:
    """Run the generator as a user would (a subprocess from the project folder); paths inside the
    project are passed relative to it, as a user typing the command would."""
    cmd = [sys.executable, "-m", "generator", "build", "--corpus", _arg(corpus), "--config", _arg(config),
           "--out", str(out)]
    if site is not None:
        cmd += ["--site", "--site-dir", str(site)]
    cmd += extra or []
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    return BuiltSite(out, site or out.parent / "site", proc.returncode, proc.stdout, proc.stderr, corpus)


def _arg(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def build_site() -> Callable[..., BuiltSite]:
    return run_build


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    from fixture_corpus import write_fixture_corpus

    tmp = tmp_path_factory.mktemp("seed-site")
    corpus = write_fixture_corpus(tmp / "corpus")
    built = run_build(corpus, ROOT / "site_config", tmp / "content", tmp / "site")
    assert (tmp / "site" / "index.html").is_file(), f"site build failed:\n{built.stdout}\n{built.stderr}"
    return built


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass


@contextlib.contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 (a free port) for the duration; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(seed_site: BuiltSite) -> Iterator[str]:
    with serve_folder(seed_site.site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package (.ci/run does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A page in a fresh context; `page.requests` lists the URL of every request it made."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar")
    pg = context.new_page()
    requests: list[str] = []
    context.on("request", lambda req: requests.append(req.url))
    pg.requests = requests
    try:
        yield pg
    finally:
        context.close()


@pytest.fixture(scope="session")
def test_output() -> Path:
    out = ROOT / "test-output"
    out.mkdir(exist_ok=True)
    return out
