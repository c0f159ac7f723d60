"""Write the machine-made sections of generator/normalisation.json from Python's Unicode database.

    python tools/make_normalisation_table.py

The hand-written sections of the table (`letters`, `punctuation`, `remove`, `display_keep`) are kept
as they are; this script rewrites only `format_characters` (every code point of general category Cf)
and `compatibility` (the NFKC mapping of every Arabic presentation form, U+FB50–U+FDFF and
U+FE70–U+FEFF). Run it after moving to a Python with a newer Unicode database, then
`python -m generator.arabic --write-js` to carry the table into the JavaScript analyzer.
"""
from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

TABLE = Path(__file__).resolve().parent.parent / "generator" / "normalisation.json"
PRESENTATION = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


def _ranges(cps: list[int]) -> list[list[str]]:
    out: list[list[int]] = []
    for cp in cps:
        if out and out[-1][1] == cp - 1:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return [[f"{a:04X}", f"{b:04X}"] for a, b in out]


def derived() -> dict:
    """The Unicode-derived sections of the table, from this Python's Unicode database:
    {"format_characters": [[lo, hi], ...], "compatibility": {hex: NFKC}, "unicode_version": str}."""
    compat: dict[str, str] = {}
    for lo, hi in PRESENTATION:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            if unicodedata.category(ch) == "Cf":
                continue  # U+FEFF: a format character, removed
            nfkc = unicodedata.normalize("NFKC", ch)
            if nfkc != ch:
                compat[f"{cp:04X}"] = nfkc
    return {
        "format_characters": _ranges([cp for cp in range(0x110000) if unicodedata.category(chr(cp)) == "Cf"]),
        "compatibility": compat,
        "unicode_version": unicodedata.unidata_version,
    }


def main() -> int:
    table = json.loads(TABLE.read_text(encoding="utf-8"))
    table.update(derived())
    TABLE.write_text(json.dumps(table, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
