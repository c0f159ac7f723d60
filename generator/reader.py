"""Stage 1 — read: raw bytes → Unicode text (NFC, LF line endings).

Contract:
    decode(data: bytes) -> Decoded
Pure: bytes in, value out; never raises. `Decoded.text` is None when the bytes are not text, and
`Decoded.warning` then says why (the pipeline prefixes the file name).

Order of the checks:

1. known binary signatures (images, PDF, archives, executables) → not text;
2. byte-order marks: UTF-8, UTF-16 LE/BE;
3. UTF-16 without a BOM, recognised by its zero bytes falling on every other position (such a file
   is often "valid" UTF-8 full of NULs, so this comes before UTF-8);
4. strict UTF-8; a file that is UTF-8 apart from a few bad bytes is decoded with U+FFFD in their
   place and a warning giving the byte offset and line of the first one;
5. many control bytes → not text;
6. legacy code pages through charset-normalizer, restricted to windows-1256, ISO-8859-6 (Arabic)
   and windows-1252; the two Arabic code pages decode much of each other's bytes, so the candidate
   giving more Arabic letters and fewer stray symbols wins.

A saved HTML page is converted to its visible text (`html_to_text`), with a warning saying so.
The result is NFC, has LF line endings, and holds no C0/C1 control characters other than \\n and \\t.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser

from charset_normalizer import from_bytes


@dataclass
class Decoded:
    text: str | None
    encoding: str
    warning: str | None = None


# (prefix, description) of formats that are certainly not text.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh9", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "executable"),
    (b"MZ\x90\x00", "Windows executable"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x00\x00\x01\x00", "icon image"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Microsoft Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
)

LEGACY_CANDIDATES: tuple[str, ...] = ("cp1256", "iso8859_6", "cp1252")
ENCODING_NAMES: dict[str, str] = {
    "cp1256": "windows-1256",
    "iso8859_6": "iso-8859-6",
    "cp1252": "windows-1252",
}

# Control bytes that never occur in text files (tab, LF, VT, FF, CR and ESC are tolerated).
_CONTROL_BYTES = frozenset(set(range(0x00, 0x09)) | {0x0E, 0x0F} | set(range(0x10, 0x1B)) | set(range(0x1C, 0x20)) | {0x7F})
_CONTROL_TABLE = bytes(sorted(_CONTROL_BYTES))
_HIGH_BYTES = bytes(range(0x80, 0x100))
# Share of control bytes above which a file is taken for binary.
BINARY_CONTROL_SHARE = 0.02
# A file with invalid UTF-8 is still read as UTF-8 when at most this share of its non-ASCII bytes is bad.
UTF8_DAMAGE_SHARE = 0.05
# Encoding guesses look at most this many bytes from the start of the file.
SAMPLE_BYTES = 200_000
# A UTF-16 reading must be at least this plausible (share of ordinary characters).
UTF16_PLAUSIBLE = 0.97

_STRIP_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ARABIC_LETTER = re.compile(r"[\u0621-\u063A\u0641-\u064A]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]")
_ESCAPED = re.compile(r"[\udc80-\udcff]+")
_ESCAPED_CHAR = re.compile(r"[\udc80-\udcff]")
_HTML_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>])", re.IGNORECASE | re.DOTALL)


def decode(data: bytes) -> Decoded:
    """Decode one file's bytes (see the module docstring for the order of the checks)."""
    kind = binary_signature(data)
    if kind:
        return Decoded(None, "", f"not a text file ({kind})")
    text, encoding, warning = _decode_text(data)
    if text is None:
        return Decoded(None, encoding, warning)
    warnings = [warning] if warning else []
    if looks_like_html(text):
        text = html_to_text(text)
        warnings.append("converted from a saved HTML page: only its visible text was kept")
    return Decoded(normalise(text), encoding, "; ".join(warnings) or None)


def decode_markup(data: bytes) -> Decoded:
    """Decode a saved page's bytes like a text file, but keep its markup (for the HTML reader).

    Returns `Decoded` with `text` None (and the reason in `warning`) when the bytes are not text."""
    kind = binary_signature(data)
    if kind:
        return Decoded(None, "", f"not a text file ({kind})")
    text, encoding, warning = _decode_text(data)
    return Decoded(normalise(text) if text is not None else None, encoding, warning)


def binary_signature(data: bytes) -> str | None:
    for magic, kind in MAGIC:
        if data.startswith(magic):
            return kind
    return None


def _decode_text(data: bytes) -> tuple[str | None, str, str | None]:
    """Return (text, encoding name, warning) before normalisation."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig", _utf8_damage_warning(data[3:], 3)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        codec = "utf-16-le" if data.startswith(b"\xff\xfe") else "utf-16-be"
        body = data[2:]
        warning = "odd number of bytes in a UTF-16 file: the last byte was dropped" if len(body) % 2 else None
        return body[: len(body) - len(body) % 2].decode(codec, errors="replace"), "utf-16", warning
    utf16 = guess_utf16(data)
    if utf16:
        body = data[: len(data) - len(data) % 2]
        return body.decode(utf16, errors="replace"), utf16, None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        if _control_share(data) > BINARY_CONTROL_SHARE:
            return None, "", "not a text file (binary data: control bytes)"
        return text, "utf-8", None
    if _control_share(data) > BINARY_CONTROL_SHARE:
        return None, "", "not a text file (binary data: control bytes)"
    sample = _head(data)
    non_ascii = len(sample) - len(sample.translate(None, _HIGH_BYTES))
    bad_bytes = len(_ESCAPED_CHAR.findall(sample.decode("utf-8", errors="surrogateescape")))
    if non_ascii and bad_bytes <= UTF8_DAMAGE_SHARE * non_ascii:
        return data.decode("utf-8", errors="replace"), "utf-8", _utf8_damage_warning(data, 0)
    return _decode_legacy(data)


def _head(data: bytes) -> bytes:
    """The first SAMPLE_BYTES of a file, ending at a line break so no character is cut."""
    if len(data) <= SAMPLE_BYTES:
        return data
    head = data[:SAMPLE_BYTES]
    cut = head.rfind(b"\n")
    return head[: cut + 1] if cut > 0 else head


def _control_share(data: bytes) -> float:
    """Share of control bytes, not counting NUL padding at the end of the file."""
    data = data.rstrip(b"\x00")
    if not data:
        return 0.0
    return (len(data) - len(data.translate(None, _CONTROL_TABLE))) / len(data)


def invalid_utf8_spans(data: bytes) -> list[tuple[int, int]]:
    """Byte ranges [start, end) that are not valid UTF-8 (runs of bad bytes)."""
    text = data.decode("utf-8", errors="surrogateescape")
    spans: list[tuple[int, int]] = []
    byte_pos = 0
    char_pos = 0
    for m in _ESCAPED.finditer(text):
        byte_pos += len(text[char_pos:m.start()].encode("utf-8", errors="surrogateescape"))
        length = m.end() - m.start()
        spans.append((byte_pos, byte_pos + length))
        byte_pos += length
        char_pos = m.end()
    return spans


def _utf8_damage_warning(data: bytes, base: int) -> str | None:
    spans = invalid_utf8_spans(data)
    if not spans:
        return None
    first = spans[0][0]
    line = data.count(b"\n", 0, first) + 1
    more = f" and {len(spans) - 1} more place(s)" if len(spans) > 1 else ""
    return (f"invalid UTF-8 bytes at byte offset {first + base} (line {line}){more}: "
            "replaced with U+FFFD, the rest of the text was kept")


def guess_utf16(data: bytes) -> str | None:
    """Recognise BOM-less UTF-16 by where its zero bytes fall; return the codec name or None.

    ASCII characters (spaces, digits, line breaks) give a zero high byte, and Arabic letters a 0x06
    high byte, so in UTF-16 LE the odd positions are dominated by a few values while the even ones
    vary, and the other way round for BE. The reading must also give ordinary text.
    """
    if len(data) < 4:
        return None
    even, odd = data[0::2], data[1::2]
    zeros_even, zeros_odd = even.count(0), odd.count(0)
    if max(zeros_even, zeros_odd) < max(1, len(odd) // 20):
        return None
    codec = "utf-16-le" if zeros_odd > zeros_even else "utf-16-be"
    sample = data[:SAMPLE_BYTES]
    text = sample[: len(sample) - len(sample) % 2].decode(codec, errors="replace")
    return codec if plausibility(text) >= UTF16_PLAUSIBLE else None


def _ordinary(ch: str) -> bool:
    cp = ord(ch)
    if ch in "\n\r\t":
        return True
    if cp < 0x20 or 0x7F <= cp < 0xA0:
        return False
    return (cp < 0x0250 or 0x0370 <= cp < 0x0530 or 0x0600 <= cp < 0x0780 or 0x08A0 <= cp < 0x0900
            or 0x2000 <= cp < 0x2070 or 0x20A0 <= cp < 0x20D0 or 0x2100 <= cp < 0x2150
            or 0xFB50 <= cp < 0xFE00 or 0xFE70 <= cp < 0xFF00)


def plausibility(text: str) -> float:
    """Share of characters that are ordinary in Arabic or Western text (letters, digits, punctuation)."""
    if not text:
        return 1.0
    return sum(1 for ch in text if _ordinary(ch)) / len(text)


def legacy_score(text: str) -> int:
    """Higher is better: Arabic letters in Arabic words count; words mixing Arabic letters with
    accented Latin ones, replacement characters and unusual symbols (what a wrong Arabic code page
    makes of the other's bytes) cost."""
    score = 0
    for token in text.split():
        arabic = len(_ARABIC_LETTER.findall(token))
        latin = len(_LATIN_LETTER.findall(token))
        if arabic and latin:
            score -= 2 * (arabic + latin)
        else:
            score += arabic
        score -= 3 * sum(1 for ch in token if not _ordinary(ch) or ch in "\u00d7\u00f7\ufffd")
    return score


def _decode_legacy(data: bytes) -> tuple[str | None, str, str | None]:
    names: list[str] = []
    sample = _head(data)
    try:
        for match in from_bytes(sample, cp_isolation=list(LEGACY_CANDIDATES)):
            name = match.encoding
            if name in LEGACY_CANDIDATES and name not in names:
                names.append(name)
    except Exception:  # noqa: BLE001 - the detector is a hint; the scoring below decides
        names = []
    for name in LEGACY_CANDIDATES:  # the Arabic code pages are always compared with each other
        if name not in names:
            names.append(name)
    best: tuple[float, int, str, str] | None = None
    for rank, name in enumerate(names):
        text = sample.decode(name, errors="replace")
        score = legacy_score(text)
        if best is None or (score, -rank) > (best[0], -best[1]):
            best = (score, rank, name, text)
    assert best is not None
    _, _, name, text = best
    if plausibility(text) < 0.8:
        return None, "", "not a text file (no known text encoding reads it)"
    return data.decode(name, errors="replace"), ENCODING_NAMES[name], None


def normalise(text: str) -> str:
    """NFC, LF line endings, no control characters other than \\n and \\t, no leading BOM."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _STRIP_CONTROLS.sub("", text)
    if text.startswith("\ufeff"):
        text = text[1:]
    return unicodedata.normalize("NFC", text)


# ---- saved HTML pages ---------------------------------------------------------------------------

def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text.lstrip("\ufeff")))


_SKIP_TAGS = frozenset({"script", "style", "nav", "header", "footer", "noscript", "template", "head",
                        "svg", "iframe", "button", "select", "object", "canvas"})
_BLOCK_TAGS = frozenset({"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr",
                         "table", "section", "article", "main", "blockquote", "pre", "dd", "dt", "dl",
                         "figure", "figcaption", "hr", "aside", "address", "form", "fieldset", "td",
                         "th", "caption", "body", "html", "title", "details", "summary"})
_VOID_TAGS = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed",
                        "source", "track", "wbr", "param"})


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.skip_stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS and tag not in _VOID_TAGS:
            self.skip_stack.append(tag)
            return
        if tag in _BLOCK_TAGS and not self.skip_stack:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS and not self.skip_stack:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.skip_stack:
            if tag in self.skip_stack:
                while self.skip_stack and self.skip_stack.pop() != tag:
                    pass
            return
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_stack:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Visible text of an HTML page, one line per block element (scripts, menus, header and footer dropped)."""
    parser = _TextExtractor()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # noqa: BLE001 - html.parser is lenient; keep what was read so far
        pass
    raw = "".join(parser.parts)
    lines = [" ".join(line.split()) for line in raw.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip("\n") + "\n"
