"""Extraction speed: read + clean + title + date + outlet + entities + topics for N synthetic articles.

    python bench/extract_bench.py [N ...]        (default: 1000)
    python bench/extract_bench.py DIR            every .txt under DIR (real articles, e.g. ../shared/devset-real)

Prints, per N: time to load the curated config, total extraction time, articles per second and
milliseconds per article, and the peak memory of the process. A benchmark, not a test: figures vary
with the machine and its load (the load average is printed beside them).
"""
from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_corpus import make as make_corpus  # noqa: E402
from generator.pipeline import extract_bytes, load_site_config  # noqa: E402


def run(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        make_corpus(n, Path(tmp))
        files = sorted(Path(tmp).rglob("*.txt"))
        measure([(p.name, p.read_bytes()) for p in files])


def measure(datas: list[tuple[str, bytes]]) -> None:
    t0 = time.perf_counter()
    cfg, _ = load_site_config(ROOT / "site_config")
    extract_bytes(datas[0][1], datas[0][0], cfg)  # builds the lazy indexes: counted as config load
    t1 = time.perf_counter()
    for name, data in datas:
        extract_bytes(data, name, cfg)
    t2 = time.perf_counter()
    size = sum(len(d) for _, d in datas)
    per = (t2 - t1) / max(len(datas), 1)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"N={len(datas):>6}  input {size / 1e6:6.1f} MB  config load {t1 - t0:5.2f} s  "
          f"per 1000 {per * 1000:5.2f} s  "
          f"extract {t2 - t1:6.2f} s  ({1 / per:6.0f} articles/s, {per * 1000:5.2f} ms each)  "
          f"peak RSS {peak:5.0f} MB  load avg {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    for arg in sys.argv[1:] or ["1000"]:
        if Path(arg).is_dir():
            measure([(p.name, p.read_bytes()) for p in sorted(Path(arg).rglob("*.txt"))])
        else:
            run(int(arg))
