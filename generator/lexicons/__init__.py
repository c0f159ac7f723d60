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
    places        place names as printed in datelines and bylines (countries, capitals, the cities,
                  regions and towns of every Arab country, world cities). Lines `#@country XX` (ISO
                  3166 code) mark the sections of one country: `countries("places")` maps each entry
                  of such a section to its country. Compiled by the project from general geographic
                  knowledge.
    places_ambiguous  places left out of `places` because, printed alone, they are overwhelmingly a
                  personal name or an ordinary word (حمد، سلوى، صور، الخبر); never in both files.
    dateline_words  words that stand where a dateline city stands without being places (عواصم،
                  وكالات، متابعات، خاص).

    countries(name: str) -> dict[str, str]  folded entry -> ISO 3166 code, from `#@country` sections

Raises FileNotFoundError for a lexicon that does not exist (a packaging error, not user input).
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from generator.arabic import fold


def _entries(name: str) -> list[tuple[str, str | None]]:
    """(folded entry, country of its section or None) for every entry of NAME.txt."""
    text = resources.files(__name__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    out: list[tuple[str, str | None]] = []
    country: str | None = None
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("#@country"):
            code = line.split()[1:2]
            country = code[0] if code else None
        elif line.startswith("# ----"):
            country = None  # a new section: its own marker, if any, follows
        elif line and not line.startswith("#"):
            out.append((" ".join(fold(line).split()), country))
    return out


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    return frozenset(entry for entry, _ in _entries(name))


@lru_cache(maxsize=None)
def countries(name: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for entry, country in _entries(name):
        if country and entry not in out:
            out[entry] = country
    return out


@lru_cache(maxsize=None)
def exists(name: str) -> bool:
    """Whether the package ships the lexicon NAME.txt."""
    return resources.files(__name__).joinpath(f"{name}.txt").is_file()
