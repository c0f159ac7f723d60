"""Extraction time of a one-line article of 1 MB for each pattern's worst case (issue 11).

    python bench/worst_lines.py [MEGABYTES]      (default: 1)

Prints, per worst case, the seconds `extract_text` takes for an article whose second line is that
many megabytes of it; each must stay under 2 s. A benchmark, not a test: figures vary with the
machine and its load (the load average is printed beside them). tests/test_contributor_faults.py
feeds the same lines and only checks that extraction finishes.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.pipeline import extract_text, load_site_config  # noqa: E402

MB = 1024 * 1024
# (name, unit repeated to fill the line)
WORST = [
    ("URL-like dotted host names", "a."),
    ("textual dates", "14 أيلول 2015 "),
    ("ISO dates", "2015-09-14 "),
    ("numeric dates", "14/9/2015 "),
    ("Hijri dates", "3 ذو الحجة 1436 هـ "),
    ("repeated names", "محمد بن سلمان "),
    ("quoted outlet credits", "قال لـ«عكاظ» "),
    ("family names", "آل "),
    ("organisation heads", "وزارة "),
    ("outlet names", "عكاظ "),
    ("pipes", "|"),
]


def main() -> None:
    size = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    cfg, _ = load_site_config(ROOT / "site_config")
    extract_text("عنوان\nنص قصير.\n", "warm-up", cfg)  # builds the lazy indexes
    worst = 0.0
    for name, unit in WORST:
        line = (unit * (int(size * MB) // len(unit) + 1))[: int(size * MB)]
        if name.startswith("URL"):
            line = "ab.cd " + line
        started = time.perf_counter()
        extract_text("خبر تجريبي عن السوق\nالاثنين 14 أيلول 2015\n" + line + "\n", name, cfg)
        took = time.perf_counter() - started
        worst = max(worst, took)
        print(f"{name:28s} {len(line) / MB:5.2f} MB line  {took:6.2f} s{'  OVER 2 s' if took >= 2 else ''}")
    print(f"slowest {worst:.2f} s  load avg {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
