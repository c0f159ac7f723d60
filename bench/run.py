"""Benchmark the site build on synthetic corpora (not a test: it prints figures).

    python bench/run.py [N ...]        default: 1000 10000

For each N, in one run: make the corpus (bench/make_corpus.py) and, with a cache folder of its own
(ARSHIF_CACHE_DIR, empty at the start),
1. a cold `build --site` (extraction, pages, MkDocs, search index);
2. `mkdocs build --strict` alone of the same content/ into another folder: the floor for this stack;
3. nothing changed: `build` (generator only) and `build --site`;
4. one article added (written below, the project's own sentences): `build --site`;
then the ratios the scale issue asks for, the sizes of content/ and site/, the average and largest
article page and the largest file. Timings vary with the machine's load; ratios less.
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
from generator.build import mkdocs_config_for  # noqa: E402

OUT = ROOT / "bench" / "out"
ADDED = """افتتاح مكتبة عامة جديدة في وسط المدينة
الأحد 4 تشرين الأول 2015
افتتحت البلدية صباح اليوم مكتبة عامة جديدة في وسط المدينة تضم آلاف الكتب.
وقال مدير المكتبة إن أبوابها ستفتح للزوار كل يوم حتى المساء.
وأضاف أن المكتبة ستنظم ورشاً للقراءة للأطفال في عطلة نهاية الأسبوع.
"""


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


def breakdown(site: Path, n: int) -> list[str]:
    """Where the site's bytes go: KB per article by top folder (largest first), the numbered list
    pages among them, and the theme chrome of an article page (its bytes outside <article>)."""
    by: dict[str, int] = {}
    numbered = 0
    for p in site.rglob("*"):
        if p.is_file():
            rel, size_ = p.relative_to(site).parts, p.stat().st_size
            key = rel[0] if len(rel) > 1 else "(top)"
            if key == "search-index" and len(rel) > 2:
                key = f"search-index/{rel[1]}"
            by[key] = by.get(key, 0) + size_
            if any(part.startswith("page-") for part in rel):
                numbered += size_
    parts = [f"{k} {v / n / 1000:.2f}" for k, v in sorted(by.items(), key=lambda kv: -kv[1]) if v / n >= 5]
    lines = ["  KB per article by folder: " + ", ".join(parts),
             f"  of which numbered list pages (page-N): {numbered / n / 1000:.2f} KB per article"]
    pages = sorted((site / "articles").glob("*/index.html"))[::10]
    if pages:
        chrome = 0
        for pg in pages:
            html = pg.read_text(encoding="utf-8")
            start, end = html.find("<article"), html.find("</article>")
            chrome += len((html[:start] + html[end:]).encode("utf-8")) if start >= 0 <= end else 0
        lines.append(f"  article page chrome (outside <article>): {chrome / len(pages) / 1000:.1f} KB on average")
    return lines


def mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    return time.perf_counter() - t0, proc


def run(n: int) -> None:
    work = OUT / str(n)
    shutil.rmtree(work, ignore_errors=True)
    corpus, content, site = work / "corpus", work / "content", work / "site"
    make(n, corpus)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", ARSHIF_CACHE_DIR=str(work / "cache"),
               ARSHIF_PROGRESS="0")
    gen = [sys.executable, "-m", "generator", "build", "--corpus", str(corpus), "--out", str(content)]
    full = gen + ["--site", "--site-dir", str(site)]
    print(f"N={n}")

    t_cold, cold = timed(full, env)
    print(f"  cold build --site: {t_cold:.1f} s (exit {cold.returncode}) — {cold.stdout.strip()}")
    cfg, tmp = mkdocs_config_for(content, work / "site-mkdocs-only", ROOT)
    t_mk, mk = timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(cfg)], env)
    if tmp:
        shutil.rmtree(tmp)
    print(f"  mkdocs build --strict alone: {t_mk:.1f} s (exit {mk.returncode})")
    t_gen0, _ = timed(gen, env)
    t_site0, same = timed(full, env)
    print(f"  nothing changed: generator {t_gen0:.1f} s; build --site {t_site0:.1f} s — {same.stdout.strip()}")
    (corpus / "added-article.txt").write_text(ADDED, encoding="utf-8")
    t_add, add = timed(full, env)
    print(f"  one article added: build --site {t_add:.1f} s (exit {add.returncode}) — {add.stdout.strip()}")
    print(f"  ratios to MkDocs alone: cold {t_cold / t_mk:.2f} (≤ 1.3), nothing changed {t_site0 / t_mk:.3f}"
          f" (≤ 0.1), one added {t_add / t_mk:.2f} (≤ 0.25); generator with nothing changed {t_gen0:.1f} s (≤ 2)")
    for proc in (cold, add):
        if proc.returncode:
            print("  " + "\n  ".join(proc.stderr.strip().splitlines()[-5:]))

    c_total, c_files, c_big = size(content)
    s_total, s_files, s_big = size(site) if site.exists() else (0, 0, None)
    print(f"  content/: {mb(c_total)} in {c_files} files; largest {c_big.relative_to(content) if c_big else '-'}"
          f" ({mb(c_big.stat().st_size) if c_big else '-'})")
    print(f"  site/: {mb(s_total)} in {s_files} files, {s_total / max(n, 1) / 1000:.1f} KB per article;"
          f" largest {s_big.relative_to(site) if s_big else '-'} ({mb(s_big.stat().st_size) if s_big else '-'})")
    pages = sorted((site / "articles").glob("*/index.html")) if site.exists() else []
    if pages:
        sizes = [pg.stat().st_size for pg in pages]
        print(f"  article pages: {len(pages)}, average {sum(sizes) / len(sizes) / 1000:.1f} KB,"
              f" largest {max(sizes) / 1000:.1f} KB")
    if site.exists():
        print("\n".join(breakdown(site, max(n, 1))))
    sys.stdout.flush()


def main(argv: list[str]) -> int:
    for n in [int(a) for a in argv] or [1000, 10000]:
        run(n)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
