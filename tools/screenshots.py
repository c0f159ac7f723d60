"""Screenshots of every page type of a built site, at desktop and phone sizes, light and dark.

    python tools/screenshots.py SITE_DIR OUT_DIR [--prefix before]

Writes OUT_DIR/<prefix>-<page type>-<width>x<height>-<light|dark>.png. The browser tests call
`shoot` on a site built from their own corpus; run by hand it documents a change (before/after).
Uses Debian's /usr/bin/chromium through Playwright (never downloads a browser).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Iterable

VIEWPORTS = ((1366, 900), (390, 844))
SCHEMES = (("light", "light"), ("dark", "dark"))
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def page_types(site: Path) -> dict[str, str]:
    """Page type → URL path (relative to the site root) of one page of that type in `site`."""
    def first(folder: str, pattern: str = "*/index.html", skip: Iterable[str] = ("index.html",)) -> str | None:
        for p in sorted((site / folder).glob(pattern)):
            rel = p.relative_to(site).as_posix()
            if p.parent.name not in ("page",) and not any(rel == f"{folder}/{s}" for s in skip):
                return rel[: -len("index.html")]
        return None

    out: dict[str, str] = {"home": ""}
    candidates = {
        "article": first("articles"),
        "person": first("people"),
        "place": first("places"),
        "organization": first("organizations"),
        "topic": first("topics"),
        "outlet": first("outlets"),
        "timeline": "timeline/",
        "month": next((p for p in (f"timeline/{d.name}/" for d in sorted((site / "timeline").glob("[0-9]*"))
                                   if d.is_dir()) ), None) if (site / "timeline").is_dir() else None,
        "undated": "timeline/undated/" if (site / "timeline/undated").is_dir() else None,
        "people-index": "people/",
        "topics-index": "topics/",
        "outlets-index": "outlets/",
        "report": "report/",
        "search": "search/",
        "404": "404.html",
    }
    out.update({k: v for k, v in candidates.items() if v is not None})
    return out


def shoot(browser: Any, base_url: str, site: Path, out: Path, prefix: str,
          types: dict[str, str] | None = None) -> list[Path]:
    """Screenshot each page type at each viewport and colour scheme; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for (w, h) in VIEWPORTS:
        for name, scheme in SCHEMES:
            ctx = browser.new_context(viewport={"width": w, "height": h}, locale="ar", color_scheme=scheme)
            pg = ctx.new_page()
            for kind, path in (types or page_types(site)).items():
                pg.goto(base_url + path, wait_until="load")
                pg.wait_for_load_state("networkidle")
                pg.evaluate("document.fonts.ready")
                target = out / f"{prefix}-{kind}-{w}x{h}-{name}.png"
                pg.screenshot(path=str(target), full_page=False)
                written.append(target)
            ctx.close()
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line: serve SITE_DIR and write the screenshots to OUT_DIR."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("site", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--prefix", default="shot")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from conftest import serve_folder  # noqa: E402
    from playwright.sync_api import sync_playwright

    with serve_folder(args.site) as url, sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            files = shoot(b, url, args.site, args.out, args.prefix)
        finally:
            b.close()
    for f in files:
        print(f)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
