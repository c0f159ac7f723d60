"""Which reader reads which kind of input file, by its extension.

Contract:
    EXTENSIONS: tuple[str, ...]                      every extension the build reads (lower case)
    kind_of(name: str) -> str | None                 "text", "html", "markdown", "warc", "export"
    expand(path, display, rel, cfg) -> Expansion      a file of another kind than text → units
    extract_unit(unit, cfg) -> tuple[Article | Skipped, list[Problem]]

| extension            | kind      | reader                                       |
| .txt                 | text      | pipeline.extract_file (not here)             |
| .html .htm           | html      | ingest/html.py (one page; NAME.yml applies)  |
| .md                  | markdown  | ingest/markdown.py (front matter = sidecar)  |
| .warc .warc.gz       | warc      | ingest/warc.py (one unit per HTML page)      |
| .jsonl .json .csv    | export    | ingest/export.py (one unit per row)          |
"""
from __future__ import annotations

from pathlib import Path

from generator.config import Problem
from generator.ingest.base import Expansion, Unit
from generator.model import Article
from generator.pipeline import SiteConfig, Skipped

READERS: dict[str, str] = {
    ".txt": "text", ".html": "html", ".htm": "html", ".md": "markdown",
    ".warc.gz": "warc", ".warc": "warc", ".jsonl": "export", ".json": "export", ".csv": "export",
}
EXTENSIONS: tuple[str, ...] = tuple(READERS)


def kind_of(name: str) -> str | None:
    """The reader of a file, by the end of its name (any case); None for a file no reader takes."""
    lower = name.lower()
    for ext, kind in READERS.items():  # .warc.gz comes before any shorter ending of it
        if lower.endswith(ext):
            return kind
    return None


def expand(path: Path, display: str, rel: str, cfg: SiteConfig) -> Expansion:
    """Cut one input file that is not plain text into units, one per article to be (a saved page
    or Markdown file is one unit; a WARC one per captured page; an export one per row).

    `display` is the name users see ("corpus/a/b.warc.gz"), `rel` the path inside the corpus.
    Never raises: a file that cannot be read comes back as `Expansion.skipped`."""
    kind = kind_of(rel)
    if kind == "warc":
        from generator.ingest.warc import expand_warc

        return expand_warc(path, display, rel)
    if kind == "export":
        from generator.ingest.export import expand_export
        from generator.ingest.mapping import mapping_for

        return expand_export(path, display, rel, mapping_for(rel, cfg.exports))
    try:  # a page or a Markdown file is one article: listed in the report like a text file
        data = path.read_bytes()
    except OSError as exc:
        return Expansion([], [Skipped(display, f"cannot read: {exc.strerror or exc}")])
    side = path.with_name(path.name.rsplit(".", 1)[0] + ".yml")
    meta = {"sidecar": str(side)} if kind == "html" and side.is_file() else {}
    return Expansion([Unit(kind or "html", display, rel, data, meta)])


def extract_unit(unit: Unit, cfg: SiteConfig) -> tuple[Article | Skipped, list[Problem]]:
    """Extract one unit with the reader of its kind; the article's id is made from `unit.rel`.
    Returns the article (or Skipped with the reason) and the problems of its sidecar or front
    matter."""
    from generator import sidecar
    from generator.urls import article_id

    problems: list[Problem] = []
    if unit.kind == "markdown":
        from generator.ingest.markdown import read_markdown

        result, problems = read_markdown(unit.data, unit.source, cfg)
    elif unit.kind == "row":
        from generator.ingest.export import extract_row

        result = extract_row(unit, cfg)
    else:
        from generator.ingest.html import read_page

        result = read_page(unit.data, unit.source, cfg, unit.meta.get("url"), unit.meta.get("captured"))
    if isinstance(result, Article):
        result.id = article_id(unit.rel)
        side = unit.meta.get("sidecar")
        if side:
            shown = unit.source.rsplit(".", 1)[0] + ".yml"
            overrides, problems = sidecar.load_sidecar(Path(side), shown, cfg)
            if overrides is not None:
                sidecar.apply_overrides(result, overrides, cfg)
    return result, problems
