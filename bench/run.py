"""Benchmark the site build on synthetic corpora (not a test: it prints figures).

    python bench/run.py [N ...]        default: 1000 10000

For each N: make the corpus (bench/make_corpus.py), time `python -m generator build` into a fresh
content folder, time `mkdocs build --strict` of that content, then print the output sizes and the
largest file of each.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_corpus import make  # noqa: E402
from generator.build import CACHE_DIR, mkdocs_config_for, run_search_hook  # noqa: E402
from generator.context import load_context  # noqa: E402

OUT = ROOT / "bench" / "out"


def size(folder: Path) -> tuple[int, int, Path | None]:
    total, files, largest, largest_size = 0, 0, None, -1
    for p in folder.rglob("*"):
        if p.is_file():
            s = p.stat().st_size
            total += s
            files += 1
            if s > largest_size:
                largest, largest_size = p, s
    return total, files, largest


def mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def run(n: int) -> None:
    work = OUT / str(n)
    shutil.rmtree(work, ignore_errors=True)
    corpus, content, site = work / "corpus", work / "content", work / "site"
    make(n, corpus)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    t0 = time.perf_counter()
    gen = subprocess.run([sys.executable, "-m", "generator", "build", "--corpus", str(corpus),
                          "--out", str(content)], cwd=ROOT, env=env, capture_output=True, text=True)
    t_gen = time.perf_counter() - t0
    cfg, tmp = mkdocs_config_for(content, site, ROOT)
    t0 = time.perf_counter()
    mk = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(cfg)],
                        cwd=ROOT, env=env, capture_output=True, text=True)
    t_mk = time.perf_counter() - t0
    if tmp:
        shutil.rmtree(tmp)
    t0 = time.perf_counter()
    ctx = load_context(corpus, ROOT / "site_config", ROOT / CACHE_DIR)  # extraction cached by now
    t_ctx = time.perf_counter() - t0
    t0 = time.perf_counter()
    run_search_hook(ctx, site)  # as `build --site` does after MkDocs
    t_search = time.perf_counter() - t0
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "generator", "build", "--corpus", str(corpus), "--out", str(content)],
                   cwd=ROOT, env=env, capture_output=True, text=True)
    t_again = time.perf_counter() - t0
    c_total, c_files, c_big = size(content)
    s_total, s_files, s_big = size(site) if site.exists() else (0, 0, None)
    print(f"N={n}")
    print(f"  generator: {t_gen:.1f} s (exit {gen.returncode}) — {gen.stdout.strip()}")
    print(f"  generator, second run (nothing changed: extraction cached, nothing written): {t_again:.1f} s")
    print(f"  mkdocs build --strict: {t_mk:.1f} s (exit {mk.returncode})")
    print(f"  search index (generator.search, when present): {t_search:.1f} s"
          f" (context from cache: {t_ctx:.1f} s)")
    if mk.returncode:
        print("  " + (mk.stderr.strip().splitlines() or [""])[-1])
    print(f"  content/: {mb(c_total)} in {c_files} files; largest {c_big.relative_to(content) if c_big else '-'}"
          f" ({mb(c_big.stat().st_size) if c_big else '-'})")
    print(f"  site/: {mb(s_total)} in {s_files} files; largest {s_big.relative_to(site) if s_big else '-'}"
          f" ({mb(s_big.stat().st_size) if s_big else '-'})")
    pages = sorted((site / "articles").glob("*/index.html")) if site.exists() else []
    if pages:
        sizes = [pg.stat().st_size for pg in pages]
        print(f"  article pages: {len(pages)}, average {sum(sizes) / len(sizes) / 1000:.1f} KB,"
              f" largest {max(sizes) / 1000:.1f} KB")
    sys.stdout.flush()


def main(argv: list[str]) -> int:
    for n in [int(a) for a in argv] or [1000, 10000]:
        run(n)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
