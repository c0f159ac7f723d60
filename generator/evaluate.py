"""Measure extraction against a labelled development set: `make eval` / `python -m generator.evaluate DIR`.

DIR holds `labels.yaml` and `articles/NAME.txt`. Prints, per file and in total: date accuracy (a
missing date is right only when the label has none), outlet accuracy (null is right only when the
label has none; wrong outlets are counted apart, since a wrong outlet is worse than none), author
accuracy, and entity precision / recall / F1 over people, places and organisations. Labels in
`other_entities` are neutral (neither rewarded nor punished); `chrome_entities` (names in page
furniture only) count as false positives when extracted.
"""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.arabic import fold
from generator.model import Article
from generator.pipeline import SiteConfig, extract_file, load_site_config

_QUOTES = re.compile(r"[\"'«»“”‘’()]")
_PREFIX = re.compile(r"^(?:و|ف)?(?:ب|ل|ك)?(?=ال)|^(?:و|ف)?(?:ب|ل|ك)(?=[^ا])")


def norm_name(name: str) -> str:
    """Comparison form of a name: folded, no quotes, single spaces."""
    return " ".join(_QUOTES.sub(" ", fold(name)).split())


def _variants(name: str) -> set[str]:
    base = norm_name(name)
    out = {base}
    if base.startswith("ال") and len(base) > 4:
        out.add(base[2:])
    return out


def _flatten(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [x for v in value.values() for x in _flatten(v)]
    if isinstance(value, list):
        return [x for v in value for x in _flatten(v)]
    return [value] if isinstance(value, str) else []


@dataclass
class Score:
    files: int = 0
    date_ok: int = 0
    date_wrong: int = 0  # a date was given and it is not the labelled one
    outlet_ok: int = 0
    outlet_wrong: int = 0  # an outlet was given and it is not the labelled one
    author_ok: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    rows: list[str] = field(default_factory=list)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def _outlet_names(art: Article, cfg: SiteConfig) -> set[str]:
    if art.outlet is None:
        return set()
    names = {norm_name(art.outlet.name)}
    outlet = cfg.registry.outlets.get(art.outlet.id)
    for attr in ("name_latin", "aliases"):
        value = getattr(outlet, attr, None) if outlet else None
        names |= {norm_name(v) for v in _flatten(value)}
    return names


def score_one(art: Article, label: dict[str, Any], cfg: SiteConfig, score: Score, name: str) -> None:
    score.files += 1
    gold_date = label.get("date")
    gold_date = str(gold_date) if gold_date else None
    if art.date == gold_date:
        score.date_ok += 1
    elif art.date is not None:
        score.date_wrong += 1

    gold_outlets = {norm_name(x) for x in _flatten([label.get("outlet"), label.get("outlet_acceptable")])}
    got = _outlet_names(art, cfg)
    if (not gold_outlets and not got) or (got & gold_outlets):
        score.outlet_ok += 1
    elif got:
        score.outlet_wrong += 1

    gold_author = label.get("author")
    if (art.author or None) == (gold_author or None) or (
        art.author and gold_author and norm_name(art.author) == norm_name(gold_author)
    ):
        score.author_ok += 1

    gold = [g for key in ("people", "places", "organizations") for g in _flatten(label.get(key))]
    neutral = {v for x in _flatten(label.get("other_entities")) for v in _variants(x)}
    predicted = [e for e in art.entities if e.type in ("person", "place", "organization")]
    forms = [{v for s in [e.name, *e.surfaces] for v in _variants(s)} for e in predicted]
    matched_pred: set[int] = set()
    missed: list[str] = []
    for g in gold:
        gv = _variants(g)
        hit = [i for i, f in enumerate(forms) if f & gv]
        if hit:
            score.tp += 1
            matched_pred.update(hit)
        else:
            score.fn += 1
            missed.append(g)
    false = [predicted[i].name for i, f in enumerate(forms) if i not in matched_pred and not (f & neutral)]
    score.fp += len(false)
    score.rows.append(
        f"{name}: date {art.date} (gold {gold_date}) | outlet {art.outlet.name if art.outlet else None}"
        f" (gold {label.get('outlet')}) | author {art.author} (gold {gold_author})\n"
        f"    missed: {', '.join(missed) or '-'}\n    false: {', '.join(false) or '-'}"
    )


def evaluate(devset: Path, config_dir: Path) -> Score:
    cfg, problems = load_site_config(config_dir)
    for p in problems:
        print(f"config error: {p}", file=sys.stderr)
    labels = yaml.safe_load((devset / "labels.yaml").read_text(encoding="utf-8"))
    score = Score()
    for name in sorted(labels):
        result, _ = extract_file(devset / "articles" / name, cfg, name)
        if not isinstance(result, Article):
            score.files += 1
            score.rows.append(f"{name}: skipped ({result.reason})")
            continue
        score_one(result, labels[name], cfg, score, name)
    return score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("devset", type=Path)
    parser.add_argument("--config", type=Path, default=Path("site_config"))
    parser.add_argument("-v", "--verbose", action="store_true", help="print each file's differences")
    args = parser.parse_args(argv)
    if not (args.devset / "labels.yaml").is_file():
        print(f"{args.devset}: no labels.yaml here", file=sys.stderr)
        return 2
    s = evaluate(args.devset, args.config)
    if args.verbose:
        print("\n".join(s.rows))
    p, r, f = s.prf()
    n = s.files or 1
    print(f"files            {s.files}")
    print(f"date accuracy    {s.date_ok}/{s.files} = {s.date_ok / n:.2f}   (wrong dates given: {s.date_wrong})")
    print(f"outlet accuracy  {s.outlet_ok}/{s.files} = {s.outlet_ok / n:.2f}   (wrong outlets given: {s.outlet_wrong})")
    print(f"author accuracy  {s.author_ok}/{s.files} = {s.author_ok / n:.2f}")
    print(f"entities         P {p:.2f}  R {r:.2f}  F1 {f:.2f}   (tp {s.tp}, fp {s.fp}, fn {s.fn})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
