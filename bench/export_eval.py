"""Read ../shared/devset-real as a scraper's export and score what the archive takes from its fields.

    python bench/export_eval.py [DEVSET] [--keep OUT]      default DEVSET: ../shared/devset-real

Converts the 300 articles into one JSON Lines export as a research crawl distributes them: per row
`id`, `title`, `byline` (as the site printed it, or null), `text` (the body, below the header
block) and `url` — no outlet field. The export is written to a temporary folder (never into the
project: the text is third-party) and read with the export reader and its default field names;
the outlet is then mapped from each row's `url` by the domains of site_config/outlets.yml. Prints
title, outlet and author right out of N, scored as `generator.evaluate` scores them (the author is
the person the printed byline names, no author where it names none), and lists each miss.
"""
from __future__ import annotations

import html
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.evaluate import _publisher, byline_people, name_key, same_text, split_authors  # noqa: E402
from generator.ingest import registry as ingest  # noqa: E402
from generator.model import Article  # noqa: E402
from generator.pipeline import load_site_config  # noqa: E402


def convert(devset: Path, out: Path) -> list[dict]:
    """Write `out` (JSON Lines) from devset/truth.jsonl and devset/articles/*.txt; return the truth rows."""
    truth = [json.loads(ln) for ln in (devset / "truth.jsonl").read_text(encoding="utf-8").splitlines() if ln.strip()]
    with out.open("w", encoding="utf-8") as fh:
        for row in truth:
            raw = (devset / "articles" / f"{row['id']}.txt").read_text(encoding="utf-8")
            _, _, body = raw.partition("\n\n")  # headline, the byline when printed, a blank line, the body
            fh.write(json.dumps({"id": row["id"], "title": row["title"], "byline": row.get("byline"),
                                 "text": body.strip(), "url": row["url"]}, ensure_ascii=False) + "\n")
    return truth


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    devset = Path(args[0]) if args else ROOT.parent / "shared" / "devset-real"
    keep = argv[argv.index("--keep") + 1] if "--keep" in argv else None
    cfg, problems = load_site_config(ROOT / "site_config")
    for p in problems:
        print(f"config error: {p}", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="arshif-export-") as tmp:
        folder = Path(keep) if keep else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        export = folder / "devset-real.jsonl"
        truth = convert(devset, export)
        started = time.perf_counter()
        expansion = ingest.expand(export, export.name, export.name, cfg)
        arts = {}
        for unit in expansion.units:
            art, _ = ingest.extract_unit(unit, cfg)
            if isinstance(art, Article):
                arts[unit.meta["key"]] = art
        elapsed = time.perf_counter() - started
    places = cfg.place_names
    title_ok = outlet_ok = author_ok = 0
    misses: list[str] = []
    for row in truth:
        art = arts.get(row["id"])
        if art is None:
            misses.append(f"{row['id']}: not built")
            continue
        if same_text(art.title, html.unescape(row["title"])):
            title_ok += 1
        else:
            misses.append(f"{row['id']}: title {art.title!r}")
        pub = _publisher(row, cfg)
        if art.outlet is not None and art.outlet.id == pub:
            outlet_ok += 1
        else:
            misses.append(f"{row['id']}: outlet {art.outlet and art.outlet.id} (publisher {pub})")
        gold = {name_key(p) for p in byline_people(row.get("byline"), cfg, places)}
        given = {name_key(a) for a in split_authors(art.author)}
        if (gold and given and given <= gold) or (not gold and not given):
            author_ok += 1
        else:
            misses.append(f"{row['id']}: author {art.author!r} (byline {row.get('byline')!r})")
    n = len(truth)
    print(f"{n} rows read from one JSON Lines export ({len(arts)} articles, {elapsed:.1f} s); "
          f"outlet mapped from each row's url by the domains in outlets.yml")
    print(f"title right {title_ok}/{n}, outlet right {outlet_ok}/{n}, author right {author_ok}/{n}")
    for line in misses:
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
