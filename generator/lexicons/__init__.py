"""Word lists that ship with the package (data files beside this module).

    words(name: str) -> frozenset[str]     the folded entries of `NAME.txt`

A lexicon file holds one entry per line, as written (hamza, taa marbuta and spacing as usual in
print); blank lines and lines starting with "#" are ignored. Entries are returned folded with
`generator.arabic.fold` and with single spaces, so callers compare them with folded text.

Lexicons here:
    given_names   Arabic given names from across the Arab world with their spelling variants (عبد and
                  ـ الدين compounds joined and spaced), Turkish, Persian, Kurdish and Amazigh given names,
                  and transliterated foreign given names, used to recognise bylines and personal names:
                  a line opening with one of them is taken for a name. Compiled by the project from
                  general knowledge of names.
    given_names_ambiguous
                  given names that are also everyday words (أمل، نور، سلام، سعيد، السيد، أمير، رمضان…):
                  a name only with other evidence, such as a title before or a family name after. Never
                  in both files; the rule is in the file's header.

Raises FileNotFoundError for a lexicon that does not exist (a packaging error, not user input).
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from generator.arabic import fold


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    text = resources.files(__name__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    out = set()
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.add(" ".join(fold(line).split()))
    return frozenset(out)
