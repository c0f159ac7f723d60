"""Command line: `python -m generator` (also the console script `arshif`).

    arshif extract FILE... [--config site_config] [--no-body]   JSON array, one object per article
                                                  (a capture or an export gives one per page or row)
    arshif build [--corpus corpus] [--config site_config] [--out content] [--site] [--site-dir site] [--strict]
                 [--publish]

Exit codes: 0 every input became an article (warnings allowed); 1 an input was skipped or a config
error occurred (or, with --strict, a warning was raised); 2 usage error.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from typing import Iterator

from generator.config import Problem
from generator.ingest import registry as ingest
from generator.model import Article
from generator.pipeline import SiteConfig, Skipped, extract_file, load_site_config


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def cmd_extract(args: argparse.Namespace) -> int:
    cfg, problems = load_site_config(Path(args.config))
    for p in problems:
        print(f"config error: {p}", file=sys.stderr)
    out: list[dict] = []
    status = 1 if problems else 0
    for result, side_problems in _extract_each(args.files, cfg):
        for p in side_problems:
            print(f"config error: {p}", file=sys.stderr)
            status = 1
        if isinstance(result, Skipped):
            print(f"skipped {result.source}: {result.reason}", file=sys.stderr)
            out.append({"source": result.source, "skipped": result.reason})
            status = 1
            continue
        assert isinstance(result, Article)
        for w in result.warnings:
            print(f"warning {result.source}: {w}", file=sys.stderr)
        if args.strict and result.warnings:
            status = 1
        out.append(result.to_json(with_body=not args.no_body))
    json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return status


def _extract_each(names: list[str], cfg: SiteConfig) -> Iterator[tuple[Article | Skipped, list[Problem]]]:
    """Each file's article (a text file) or articles (a page, a capture, an export, Markdown), in
    order, with the problems of its sidecar or front matter; a record that is skipped as Skipped."""
    for name in names:
        path = Path(name)
        if ingest.kind_of(name) in (None, "text"):
            yield extract_file(path, cfg, _display(path))
            continue
        expansion = ingest.expand(path, _display(path), path.name, cfg)
        if expansion.note is not None:
            print(f"read {expansion.note.source}: {expansion.note.text()}", file=sys.stderr)
        for skipped in expansion.skipped:
            yield skipped, []
        for unit in expansion.units:
            yield ingest.extract_unit(unit, cfg)


def cmd_build(args: argparse.Namespace) -> int:
    from generator import build  # imported lazily: extraction alone needs none of the site code

    return build.run(args)


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="arshif", description="Arshif: an Arabic news archive generator.")
    sub = parser.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="extract articles and print them as JSON")
    ex.add_argument("files", nargs="+", metavar="FILE")
    ex.add_argument("--config", default="site_config", help="curated configuration folder")
    ex.add_argument("--no-body", action="store_true", help="leave the cleaned text out of the JSON")
    ex.add_argument("--strict", action="store_true", help="exit 1 when any warning is raised")
    ex.set_defaults(func=cmd_extract)

    b = sub.add_parser("build", help="generate content/ (and with --site, the site)")
    b.add_argument("--corpus", default="corpus")
    b.add_argument("--config", default="site_config")
    b.add_argument("--out", default="content", help="generated Markdown folder (MkDocs docs_dir)")
    b.add_argument("--site", action="store_true", help="also run `mkdocs build --strict` into site/")
    b.add_argument("--site-dir", default="site", help="where --site builds the site")
    b.add_argument("--strict", action="store_true", help="exit 1 when any warning is raised")
    b.add_argument("--publish", action="store_true",
                   help="skipped inputs and configuration problems are listed, not a failure: exit 0 "
                        "when the site was built (--strict still fails on them)")
    b.set_defaults(func=cmd_build)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 on --help
        return int(exc.code or 0)
    return int(args.func(args))
