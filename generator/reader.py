"""Stage 1 — read: raw bytes → Unicode text (NFC, LF line endings).  [stub: owner = reader helper]

Contract:
    decode(data: bytes) -> Decoded
Pure: bytes in, value out; never raises. `Decoded.text` is None when the bytes are not text, and
`Decoded.warning` then says why (the pipeline prefixes the file name).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass
class Decoded:
    text: str | None
    encoding: str
    warning: str | None = None


def decode(data: bytes) -> Decoded:
    text = data.decode("utf-8-sig", errors="replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Decoded(unicodedata.normalize("NFC", text), "utf-8")
