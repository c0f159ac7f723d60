"""The one place that makes slugs, ids and URLs.

Article ids come from the source file's path relative to `corpus/` (never from its title or date), so
re-extracting an article or correcting its date never moves its page. Ids are ASCII: Arabic letters
are transliterated, anything else becomes "-", and a short hash of the full relative path is added
when the readable part had to drop characters, so two different names never share an id.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

_TRANSLIT = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "aa", "ٱ": "a", "ء": "", "ؤ": "w", "ئ": "y", "ب": "b", "ت": "t",
    "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s",
    "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "gh", "ف": "f", "ق": "q",
    "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ة": "a", "و": "w", "ي": "y", "ى": "a",
}
for _i in range(10):
    _TRANSLIT[chr(0x0660 + _i)] = str(_i)
    _TRANSLIT[chr(0x06F0 + _i)] = str(_i)

_SAFE = re.compile(r"[^a-z0-9]+")


def slugify(text: str, max_len: int = 60) -> str:
    """ASCII slug: lower-case letters, digits and single hyphens; may be empty."""
    out = []
    for ch in unicodedata.normalize("NFKD", text):
        if ch in _TRANSLIT:
            out.append(_TRANSLIT[ch])
        elif unicodedata.combining(ch):
            continue
        else:
            out.append(ch.lower())
    slug = _SAFE.sub("-", "".join(out)).strip("-")
    return slug[:max_len].strip("-")


def short_hash(text: str, n: int = 8) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


def article_id(rel_path: str) -> str:
    """Stable id for a corpus file, from its path relative to corpus/ ("a/b.txt" → "a-b")."""
    stem = re.sub(r"\.[^./]*$", "", rel_path)
    slug = slugify(stem.replace("/", "-"), max_len=80)
    plain = re.fullmatch(r"[A-Za-z0-9_\-/]+", stem) is not None
    if not slug:
        return "a-" + short_hash(rel_path)
    if not plain:
        slug = f"{slug}-{short_hash(rel_path, 6)}"
    return slug
