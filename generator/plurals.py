"""Arabic counted phrases by the CLDR plural rules (through Babel), never by hand thresholds.

Arabic has six plural categories (CLDR): zero (0), one (1), two (2), few (3–10, 103–110, …),
many (11–99, 111–199, …) and other (100–102, 200–202, …). Each counted noun below gives its phrase
for every category; `count_phrase(n, noun)` picks the one Babel's rules give for `n`. The browser
does the same with `Intl.PluralRules("ar")` (site_config/theme/assets/javascripts/search/search.js).
"""
from __future__ import annotations

from functools import lru_cache

from babel import Locale

from generator.dates_ar import shown

# noun → {CLDR category: phrase}; "{n}" stands for the number (written by dates_ar.shown, in the
# digits site_config/display.yml chooses).
NOUNS: dict[str, dict[str, str]] = {
    "article": {"zero": "لا مقالات", "one": "مقال واحد", "two": "مقالان", "few": "{n} مقالات",
                "many": "{n} مقالاً", "other": "{n} مقال"},
    "person": {"zero": "لا أشخاص", "one": "شخص واحد", "two": "شخصان", "few": "{n} أشخاص",
               "many": "{n} شخصاً", "other": "{n} شخص"},
    "place": {"zero": "لا أماكن", "one": "مكان واحد", "two": "مكانان", "few": "{n} أماكن",
              "many": "{n} مكاناً", "other": "{n} مكان"},
    "organization": {"zero": "لا منظمات", "one": "منظمة واحدة", "two": "منظمتان", "few": "{n} منظمات",
                     "many": "{n} منظمة", "other": "{n} منظمة"},
    "outlet": {"zero": "لا مصادر", "one": "مصدر واحد", "two": "مصدرين", "few": "{n} مصادر",
               "many": "{n} مصدراً", "other": "{n} مصدر"},
    "version": {"zero": "لا نسخ", "one": "نسخة واحدة", "two": "نسختان", "few": "{n} نسخ",
                "many": "{n} نسخة", "other": "{n} نسخة"},
    "story": {"zero": "لا قصص", "one": "قصة واحدة", "two": "قصتان", "few": "{n} قصص",
              "many": "{n} قصة", "other": "{n} قصة"},
    "quotation": {"zero": "لا نصوص", "one": "نص واحد", "two": "نصان", "few": "{n} نصوص",
                  "many": "{n} نصاً", "other": "{n} نص"},
    "row": {"zero": "لا أسطر", "one": "سطر واحد", "two": "سطران", "few": "{n} أسطر",
            "many": "{n} سطراً", "other": "{n} سطر"},
    # after a preposition («على صفحتين»): the dual in the genitive
    "page": {"zero": "لا صفحات", "one": "صفحة واحدة", "two": "صفحتين", "few": "{n} صفحات",
             "many": "{n} صفحة", "other": "{n} صفحة"},
    "result": {"zero": "لا توجد نتائج", "one": "نتيجة واحدة", "two": "نتيجتان", "few": "{n} نتائج",
               "many": "{n} نتيجة", "other": "{n} نتيجة"},
}


@lru_cache(maxsize=1)
def _arabic() -> Locale:
    return Locale("ar")


def plural_category(n: int) -> str:
    """The CLDR plural category of the integer `n` in Arabic ("zero", "one", "two", "few", "many"
    or "other"), from Babel's copy of the CLDR rules. Raises ValueError for a negative `n`."""
    if n < 0:
        raise ValueError(f"a count cannot be negative: {n}")
    return _arabic().plural_form(n)


def count_phrase(n: int, noun: str) -> str:
    """`n` with the Arabic form of `noun` (a key of NOUNS) its category takes:
    count_phrase(103, "result") == "103 نتائج", count_phrase(11, "article") == "11 مقالاً" (with
    Arabic-Indic digits chosen, "١٠٣ نتائج"). Raises KeyError for an unknown noun, ValueError for a
    negative `n`."""
    return shown(NOUNS[noun][plural_category(n)].format(n=n))
