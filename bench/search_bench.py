"""Benchmark the site search on a synthetic archive (not a test: it prints figures).

    python bench/search_bench.py [N [WORK]] [--arshif-only]    default N = 10000, WORK = bench/out/search-N

1. Make a synthetic corpus of N articles (bench/make_corpus.py) and build the site with
   `python -m generator build --site` (Arshif's sharded index).
2. Build the same content/ again with Material's stock search (the theme without Arshif's search
   partial and scripts) for comparison.
3. Serve each site on 127.0.0.1 — gzip-encoding what the browser accepts, as GitHub Pages does —
   and, in headless Chromium, type queries into the header search box of the home page.

Printed for each site: total size of the search index, bytes the browser downloads for the first
query (from page load to results, search files only; as transferred and uncompressed), and the
milliseconds from the last keystroke to the results being on screen, for a cold first query and a
warm second one.
"""
from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_corpus import make  # noqa: E402

OUT = ROOT / "bench" / "out"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
QUERIES = ["داعش", "والرمادي", "60 دولة", "مركز معلوماتي", "الدوله"]
WARM_QUERY = "العبادي"
OURS = ("search-index/", "assets/javascripts/search/")
MATERIAL = ("search/search_index.json", "workers/search", "javascripts/lunr/")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-encoded when the client accepts it (as GitHub Pages serves them)."""

    _cache: dict[str, bytes] = {}

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass

    def send_head(self) -> Any:  # type: ignore[override]
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not os.path.isfile(path):
            return super().send_head()
        key = path
        if key not in self._cache:
            with open(path, "rb") as fh:
                self._cache[key] = gzip.compress(fh.read(), 6, mtime=0)
        data = self._cache[key]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        return io.BytesIO(data)


def serve(folder: Path) -> tuple[str, Any]:
    handler = functools.partial(GzipHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def folder_size(folder: Path) -> tuple[int, int, int]:
    """(bytes, gzip bytes, files) of everything under `folder`."""
    raw = gz = files = 0
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            data = p.read_bytes()
            raw += len(data)
            gz += len(gzip.compress(data, 6, mtime=0))
            files += 1
    return raw, gz, files


def build_ours(corpus: Path, work: Path) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "generator", "build", "--corpus", str(corpus), "--out",
                           str(work / "content"), "--site", "--site-dir", str(work / "site")],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    took = time.perf_counter() - t0
    print(f"  arshif build (generator + mkdocs + index): {took:.1f} s, exit {proc.returncode}: "
          f"{proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else proc.stderr[-300:]}")
    return took


def build_material(work: Path) -> float:
    """The same content/ with Material's stock search box and index."""
    tmp = Path(tempfile.mkdtemp(prefix="arshif-bench-"))
    # Beside mkdocs.yml, so that paths in it (hooks) resolve as they do for the real build.
    cfg = ROOT / f".bench-material-{os.getpid()}.yml"
    try:
        theme = tmp / "theme"
        shutil.copytree(ROOT / "site_config" / "theme", theme)
        (theme / "partials" / "search.html").unlink(missing_ok=True)
        shutil.rmtree(theme / "assets" / "javascripts" / "search", ignore_errors=True)
        cfg.write_text(yaml.safe_dump({
            "INHERIT": str((ROOT / "mkdocs.yml").resolve()),
            "docs_dir": str((work / "content").resolve()),
            "site_dir": str((work / "site-material").resolve()),
            "theme": {"name": "material", "custom_dir": str(theme)},
            # the project's hooks without the one that keeps pages out of Material's index
            "hooks": [str(ROOT / "generator" / "mkdocs_hooks.py")],
        }, allow_unicode=True), encoding="utf-8")
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(cfg)],
                              cwd=ROOT, env=env, capture_output=True, text=True)
        took = time.perf_counter() - t0
        print(f"  material build (mkdocs only): {took:.1f} s, exit {proc.returncode}"
              + (f": {proc.stderr.strip()[-400:]}" if proc.returncode else ""))
        return took
    finally:
        cfg.unlink(missing_ok=True)
        shutil.rmtree(tmp, ignore_errors=True)


_PROBE = """() => {
  window.__lastKey = 0; window.__resultAt = 0;
  const key = () => { window.__lastKey = performance.now(); window.__resultAt = 0; };
  /* Arabic letters are typed as text input, without keydown events. */
  document.addEventListener('keydown', key, true);
  document.addEventListener('input', key, true);
}"""

_OURS_DONE = """q => { const b = document.querySelector('[data-arshif-search]');
  return b && b.getAttribute('data-arshif-state') === 'done' && b.getAttribute('data-arshif-query') === q; }"""

_MATERIAL_WATCH = """() => {
  /* Material rewrites the result count and the list once the query's results are ready. */
  const result = document.querySelector('.md-search-result');
  new MutationObserver(() => {
    if (window.__lastKey && !window.__resultAt) window.__resultAt = performance.now();
  }).observe(result, { childList: true, subtree: true, characterData: true });
}"""

_OURS_WATCH = """() => {
  /* "done": the results are on screen, each with its title, date, outlet, byline, the snippet around
   * its best passage and, for a result matched through an entity's name, the why-line. */
  const box = document.querySelector('[data-arshif-search]');
  new MutationObserver(() => {
    if (box.getAttribute('data-arshif-state') === 'done') window.__resultAt = performance.now();
  }).observe(box, { attributes: true, attributeFilter: ['data-arshif-state'] });
}"""


def type_query(page: Any, text: str, delay_ms: int = 60) -> None:
    """Type like a keyboard would. Playwright enters Arabic letters as text input, without the
    key events a real keyboard sends, and Material's search box listens for keyup; so each
    letter is followed by a keyup on the focused element."""
    for ch in text:
        page.keyboard.type(ch)
        page.evaluate("ch => document.activeElement.dispatchEvent("
                      "new KeyboardEvent('keyup', {key: ch, bubbles: true}))", ch)
        page.wait_for_timeout(delay_ms)


def measure(browser: Any, site: Path, url: str, query: str, material: bool) -> dict[str, float]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar")
    page = context.new_page()
    responses: list[Any] = []
    page.on("requestfinished", lambda req: responses.append(req))
    page.goto(url, wait_until="load")
    page.evaluate(_PROBE)
    page.evaluate(_MATERIAL_WATCH if material else _OURS_WATCH)
    page.click(".md-search__input")
    type_query(page, query)
    if material:
        page.wait_for_function("() => window.__resultAt > 0", timeout=600_000)
    else:
        page.wait_for_function(_OURS_DONE, arg=query, timeout=120_000)
    ms = page.evaluate("() => window.__resultAt - window.__lastKey")
    marks = MATERIAL if material else OURS
    transferred = raw = 0
    for req in responses:
        if not any(m in req.url for m in marks):
            continue
        sizes = req.sizes()
        transferred += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        raw += (site / urlsplit(req.url).path.lstrip("/")).stat().st_size
    # A second query in the same page: index parts already loaded stay loaded.
    page.fill(".md-search__input", "")
    page.evaluate("() => { window.__resultAt = 0; }")
    type_query(page, WARM_QUERY)
    if material:
        page.wait_for_function("() => window.__resultAt > 0", timeout=600_000)
    else:
        page.wait_for_function(_OURS_DONE, arg=WARM_QUERY, timeout=120_000)
    warm = page.evaluate("() => window.__resultAt - window.__lastKey")
    outside = [r.url for r in responses if not r.url.startswith("http://127.0.0.1:")]
    context.close()
    return {"ms": ms, "transferred": transferred, "raw": raw, "warm_ms": warm,
            "outside": len(outside)}


def kb(n: float) -> str:
    return f"{n / 1000:.0f} KB"


def report(name: str, site: Path, index_paths: list[Path], browser: Any, material: bool) -> None:
    raw = gz = files = 0
    for p in index_paths:
        if p.is_dir():
            r, g, f = folder_size(p)
        elif p.is_file():
            data = p.read_bytes()
            r, g, f = len(data), len(gzip.compress(data, 6, mtime=0)), 1
        else:
            continue
        raw, gz, files = raw + r, gz + g, files + f
    print(f"{name}")
    print(f"  index size: {kb(raw)} in {files} files ({kb(gz)} gzipped)")
    url, server = serve(site)
    try:
        for q in QUERIES:
            m = measure(browser, site, url, q, material)
            print(f"  first query «{q}»: {kb(m['transferred'])} transferred ({kb(m['raw'])} uncompressed), "
                  f"{m['ms']:.0f} ms from last keystroke to results on screen (snippets included); "
                  f"then «{WARM_QUERY}»: {m['warm_ms']:.0f} ms"
                  + (f"; {m['outside']} requests left 127.0.0.1" if m["outside"] else ""))
            sys.stdout.flush()
    finally:
        server.shutdown()
        server.server_close()


def main(argv: list[str]) -> int:
    arshif_only = "--arshif-only" in argv
    argv = [a for a in argv if a != "--arshif-only"]
    n = int(argv[0]) if argv else 10000
    work = Path(argv[1]) if len(argv) > 1 else OUT / f"search-{n}"
    corpus = work / "corpus"
    if not corpus.is_dir():
        make(n, corpus)
    print(f"N={n}")
    build_ours(corpus, work)
    if not arshif_only:
        build_material(work)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            site = work / "site"
            report("arshif (sharded lunr index)", site,
                   [site / "search-index", site / "assets" / "javascripts" / "search"], browser, material=False)
            msite = work / "site-material"
            if arshif_only:
                return 0
            report("material 9 default search", msite,
                   [msite / "search" / "search_index.json"], browser, material=True)
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
