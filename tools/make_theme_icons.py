"""Write the theme's shared icon sprite and palette script from the installed Material package.

    python tools/make_theme_icons.py            write the files
    python tools/make_theme_icons.py --check    exit 1 when a written file differs (tests run this)

Material draws every icon of its chrome as an inline `<svg>` with the whole path (300–450 bytes each,
ten on every page) and inlines its palette script (770 bytes) in every page. At tens of thousands of
pages that is tens of megabytes of the same bytes. This script writes, from the Material version
installed (so an upgrade is carried over by running it again):

- `site_config/theme/assets/images/icons.svg`: one `<symbol>` per icon of ICONS, Material's own paths;
- `site_config/theme/.icons/<icon>.svg`: an override of Material's icon template (the theme's custom
  directory comes first), an `<svg>` that points at the symbol: Material's CSS (`.md-icon svg`,
  `svg:first-child`) applies as before;
- `site_config/theme/partials/javascripts/base-script.html`: Material's base script
  (`partials/javascripts/base.html`: the reader's stored choices, scoped to the site), its scope the
  site's root as chrome.js finds it (`root`) instead of each page's relative path;
- `site_config/theme/partials/javascripts/palette-script.html`: Material's palette script
  (`partials/javascripts/palette.html`) without its `<script>` tags, which the page chrome script
  (`assets/javascripts/chrome.js`, a template MkDocs renders once per build) includes, so that no
  page carries it.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
THEME = ROOT / "site_config" / "theme"
SPRITE = THEME / "assets" / "images" / "icons.svg"
PALETTE_JS = THEME / "partials" / "javascripts" / "palette-script.html"
BASE_JS = THEME / "partials" / "javascripts" / "base-script.html"
_SCOPE = re.compile(r'new URL\("\{\{[^}]*\}\}",location\)')
# Every icon the site's chrome includes: the logo, the drawer, search (magnify, arrow-left, close),
# back-to-top, and the two palette toggles of mkdocs.yml.
ICONS = ("material/library", "material/menu", "material/magnify", "material/arrow-left", "material/close",
         "material/arrow-up", "material/moon-waning-crescent", "material/brightness-5")
OVERRIDE = ('<svg viewBox="{view}" aria-hidden="true">'
            "<use href=\"{{{{ 'assets/images/icons.svg' | url }}}}#{id}\"/></svg>\n")


def material_templates() -> Path:
    import material

    return Path(material.__file__).parent / "templates"


def symbol_id(icon: str) -> str:
    return icon.replace("/", "-")


def outputs() -> dict[Path, str]:
    """Every file this script writes: path → text."""
    templates = material_templates()
    symbols, out = [], {}
    for icon in ICONS:
        svg = (templates / ".icons" / f"{icon}.svg").read_text(encoding="utf-8")
        view = re.search(r'viewBox="([^"]+)"', svg)
        inner = re.search(r"<svg[^>]*>(.*)</svg>", svg, re.S)
        if view is None or inner is None:
            raise ValueError(f"{icon}: not an <svg> with a viewBox")
        symbols.append(f'<symbol id="{symbol_id(icon)}" viewBox="{view.group(1)}">{inner.group(1).strip()}</symbol>')
        out[THEME / ".icons" / f"{icon}.svg"] = OVERRIDE.format(view=view.group(1), id=symbol_id(icon))
    out[SPRITE] = ('<svg xmlns="http://www.w3.org/2000/svg">' + "".join(symbols) + "</svg>\n")
    for name, path in (("palette.html", PALETTE_JS), ("base.html", BASE_JS)):
        partial = (templates / "partials" / "javascripts" / name).read_text(encoding="utf-8")
        script = re.search(r"<script>(.*)</script>", partial, re.S)
        if script is None:
            raise ValueError(f"Material's partials/javascripts/{name} holds no <script>")
        body = script.group(1).strip()
        if path == BASE_JS:
            body, found = _SCOPE.subn("new URL(root)", body)
            if found != 1:
                raise ValueError("Material's base script no longer sets __md_scope as expected")
        if "{{" in body or "{%" in body or "{#" in body:
            raise ValueError(f"Material's {name} script reads as a Jinja template: include it another way")
        out[path] = (f"{{#- Material's {name[:-5]} script (written by tools/make_theme_icons.py: do not edit), "
                     "included by assets/javascripts/chrome.js. -#}\n" + body + "\n")
    return out


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for path, text in outputs().items():
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current == text:
            continue
        stale.append(path.relative_to(ROOT).as_posix())
        if not check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if check and stale:
        print("out of date (run python tools/make_theme_icons.py): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
