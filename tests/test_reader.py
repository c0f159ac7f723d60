"""Reading: encodings, damaged and binary input, saved HTML pages, normalisation.

The encoding matrix saves seed articles in every supported encoding and checks that the whole
extraction (title, date, outlet, entities, body…) is identical to the UTF-8 original.
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from conftest import seed_file, seed_paths
from generator import reader
from generator.pipeline import Skipped, extract_bytes, load_site_config
from generator.reader import decode

ROOT = Path(__file__).resolve().parent.parent
SEEDS = seed_paths()

# Written for these tests.
SAMPLE = (
    "افتتح المجلس البلدي مكتبة عامة جديدة في وسط المدينة\n"
    "قال رئيس المجلس إن المكتبة تضم أكثر من عشرين ألف كتاب، وتفتح أبوابها كل يوم.\n"
    "وأضاف أن الدخول مجاني للطلاب والباحثين.\n"
)

# Characters that ISO-8859-6 cannot hold, replaced by their nearest ASCII form.
ISO_SUBSTITUTES = {"“": '"', "”": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "\u00a0": " ",
                   "…": "...", "–": "-", "—": "-", "©": "(c)", "\u064b": "", "\u064c": "", "\u064d": "",
                   "\u064e": "", "\u064f": "", "\u0650": "", "\u0651": "", "\u0652": ""}


def iso_representable(text: str) -> str:
    for a, b in ISO_SUBSTITUTES.items():
        text = text.replace(a, b)
    return text


@pytest.fixture(scope="module")
def cfg():
    config, problems = load_site_config(ROOT / "site_config")
    return config


def record(data: bytes, cfg) -> dict:
    art = extract_bytes(data, "corpus/x.txt", cfg)
    assert not isinstance(art, Skipped), art
    out = art.to_json()
    out.pop("encoding")
    return out


# ---- decode(): one function, one value ------------------------------------------------------------

def test_plain_utf8() -> None:
    d = decode(SAMPLE.encode("utf-8"))
    assert (d.text, d.encoding, d.warning) == (SAMPLE, "utf-8", None)


@pytest.mark.parametrize("codec,bom,name", [
    ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"),
    ("utf-16-le", b"\xff\xfe", "utf-16"),
    ("utf-16-be", b"\xfe\xff", "utf-16"),
])
def test_byte_order_marks(codec: str, bom: bytes, name: str) -> None:
    d = decode(bom + SAMPLE.encode(codec))
    assert d.text == SAMPLE and d.encoding == name and d.warning is None


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_not_taken_for_utf8(codec: str) -> None:
    data = SAMPLE.encode(codec)
    d = decode(data)
    assert d.encoding == codec
    assert d.text == SAMPLE
    assert "\x00" not in d.text


def test_utf16_without_bom_of_latin_text() -> None:
    text = "Plain English text, saved as UTF-16.\n"
    d = decode(text.encode("utf-16-le"))
    assert (d.text, d.encoding) == (text, "utf-16-le")


@pytest.mark.parametrize("codec,name", [("cp1256", "windows-1256"), ("iso8859_6", "iso-8859-6")])
def test_arabic_code_pages_are_told_apart(codec: str, name: str) -> None:
    d = decode(SAMPLE.encode(codec))
    assert d.encoding == name
    assert d.text == SAMPLE


def test_western_code_page_is_not_read_as_arabic() -> None:
    text = "Le comité a décidé à l'unanimité de reporter la séance à vendredi.\n"
    d = decode(text.encode("cp1252"))
    assert d.text == text and d.encoding == "windows-1252"


def test_invalid_utf8_in_the_middle_keeps_the_text_and_names_offset_and_line() -> None:
    good = SAMPLE.encode("utf-8")
    second_line = good.index(b"\n") + 1
    data = good[:second_line] + b"\xff\xfe" + good[second_line:]
    d = decode(data)
    assert d.encoding == "utf-8"
    assert "\ufffd" in d.text
    assert d.warning is not None
    assert f"byte offset {second_line}" in d.warning and "line 2" in d.warning
    assert d.text.replace("\ufffd", "") == SAMPLE


def test_invalid_utf8_after_a_bom_gives_the_offset_in_the_file() -> None:
    data = b"\xef\xbb\xbf" + "سطر أول\n".encode() + b"\xc0" + "سطر ثان\n".encode()
    d = decode(data)
    assert d.warning is not None
    assert f"byte offset {3 + len('سطر أول'.encode()) + 1}" in d.warning
    assert "سطر ثان" in d.text


@pytest.mark.parametrize("data,kind", [
    (b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG"),
    (b"\xff\xd8\xff\xe0" + bytes(200), "JPEG"),
    (b"GIF89a" + bytes(50), "GIF"),
    (b"%PDF-1.7\n" + bytes(100), "PDF"),
    (b"PK\x03\x04" + bytes(100), "ZIP"),
])
def test_known_binary_formats(data: bytes, kind: str) -> None:
    d = decode(data)
    assert d.text is None
    assert d.warning is not None and d.warning.startswith("not a text file (") and kind in d.warning


def test_random_bytes_are_not_text() -> None:
    data = bytes((i * 7919 + i // 3) % 256 for i in range(4096))
    d = decode(data)
    assert d.text is None and d.warning is not None and d.warning.startswith("not a text file")


def test_valid_utf8_full_of_control_bytes_is_not_text() -> None:
    data = bytes(range(1, 32)) * 20
    d = decode(data)
    assert d.text is None


def test_mixed_line_endings_become_lf() -> None:
    data = "سطر أول\r\nسطر ثان\rسطر ثالث\nسطر رابع".encode()
    assert decode(data).text == "سطر أول\nسطر ثان\nسطر ثالث\nسطر رابع"


def test_control_characters_are_stripped_but_tab_and_newline_kept() -> None:
    data = ("كلمة\x00 أخرى\x07\tهنا\x1b\nو\x7fبعد\n" + SAMPLE * 3).encode()
    assert decode(data).text == "كلمة أخرى\tهنا\nوبعد\n" + SAMPLE * 3


def test_nul_padding_at_the_end_is_dropped() -> None:
    d = decode(SAMPLE.encode() + bytes(4096))
    assert d.text == SAMPLE


def test_text_is_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "إيران وآسيا café")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    text = decode(decomposed.encode()).text
    assert text == unicodedata.normalize("NFC", decomposed)


def test_empty_and_whitespace_files_are_text() -> None:
    assert decode(b"").text == ""
    assert decode(b"  \n\t\n").text == "  \n\t\n"


def test_saved_html_page_gives_visible_text_and_a_warning() -> None:
    page = (
        "<!DOCTYPE html><html><head><title>عنوان الصفحة</title><style>p{color:red}</style></head>"
        "<body><header>شعار الموقع</header><nav><a href='/'>الرئيسية</a></nav>"
        "<h1>افتتاح مكتبة عامة جديدة</h1><p>قال رئيس المجلس إن المكتبة تفتح&nbsp;أبوابها اليوم.<br>"
        "وأضاف أن الدخول مجاني &amp; مفتوح للجميع.</p><script>var x = '<p>لا</p>';</script>"
        "<footer>جميع الحقوق محفوظة</footer></body></html>"
    )
    d = decode(page.encode())
    assert d.warning is not None and "HTML" in d.warning
    lines = [ln for ln in d.text.split("\n") if ln.strip()]
    assert lines == ["افتتاح مكتبة عامة جديدة",
                     "قال رئيس المجلس إن المكتبة تفتح أبوابها اليوم.",
                     "وأضاف أن الدخول مجاني & مفتوح للجميع."]


def test_html_detection_needs_the_document_start() -> None:
    text = "مقال يذكر وسم <html> في وسطه وليس صفحة محفوظة.\n"
    d = decode(text.encode())
    assert d.text == text and d.warning is None


def test_guess_utf16_ignores_ordinary_text() -> None:
    assert reader.guess_utf16(SAMPLE.encode("utf-8")) is None
    assert reader.guess_utf16(SAMPLE.encode("cp1256")) is None


# ---- the same article in every encoding extracts identically ---------------------------------

@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
@pytest.mark.parametrize("variant", ["windows-1256", "utf-16-bom", "utf-16-le", "utf-16-be", "utf-8-bom",
                                     "crlf"])
def test_seed_extracts_identically_in_every_encoding(seed: Path, variant: str, cfg) -> None:
    text = seed.read_text(encoding="utf-8")
    original = record(text.encode("utf-8"), cfg)
    if variant == "windows-1256":
        for ch in set(text):
            try:
                ch.encode("cp1256")
            except UnicodeEncodeError:
                pytest.skip(f"{ch!r} has no windows-1256 byte")
        data = text.encode("cp1256")
    elif variant == "utf-16-bom":
        data = text.encode("utf-16")
    elif variant == "utf-8-bom":
        data = b"\xef\xbb\xbf" + text.encode("utf-8")
    elif variant == "crlf":
        data = text.replace("\n", "\r\n").encode("utf-8")
    else:
        data = text.encode(variant)
    assert record(data, cfg) | {"sha256": ""} == original | {"sha256": ""}


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seed_extracts_identically_in_iso_8859_6(seed: Path, cfg) -> None:
    text = iso_representable(seed.read_text(encoding="utf-8"))
    data = text.encode("iso8859_6")  # raises if a character is still not representable
    assert decode(data).encoding == "iso-8859-6"
    assert record(data, cfg) | {"sha256": ""} == record(text.encode("utf-8"), cfg) | {"sha256": ""}


def test_windows_1256_seed_reports_its_encoding(cfg) -> None:
    art = extract_bytes(seed_file("000").read_bytes().decode("utf-8").encode("cp1256"), "corpus/x.txt", cfg)
    assert not isinstance(art, Skipped) and art.encoding == "windows-1256"


def test_binary_file_is_skipped_with_its_reason(cfg) -> None:
    result = extract_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100), "corpus/picture.txt", cfg)
    assert isinstance(result, Skipped) and "not a text file (PNG image)" in result.reason


def test_large_file_damaged_after_the_sampled_start_is_still_utf8() -> None:
    good = (SAMPLE * 2000).encode()  # well over the sampled start of the file
    assert len(good) > reader.SAMPLE_BYTES
    cut = good.index(b"\n", len(good) - 5000) + 1
    data = good[:cut] + b"\xff" + good[cut:]
    d = decode(data)
    assert d.encoding == "utf-8"
    assert d.text.replace("\ufffd", "") == SAMPLE * 2000
    line = good[:cut].count(b"\n") + 1
    assert d.warning is not None and f"byte offset {cut} (line {line})" in d.warning


@pytest.mark.parametrize("codec,name", [("cp1256", "windows-1256"), ("utf-16-le", "utf-16-le")])
def test_large_legacy_files(codec: str, name: str) -> None:
    text = SAMPLE * 3000
    d = decode(text.encode(codec))
    assert d.encoding == name and d.text == text


# ---- properties over arbitrary input ----------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_decode_never_raises_and_gives_clean_text(data: bytes) -> None:
    d = decode(data)
    if d.text is None:
        assert d.warning and d.warning.startswith("not a text file")
    else:
        assert "\r" not in d.text
        assert not any(ord(c) < 32 and c not in "\n\t" for c in d.text)
        assert unicodedata.is_normalized("NFC", d.text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=500))
def test_utf8_text_round_trips(text: str) -> None:
    d = decode(text.encode("utf-8", errors="surrogatepass"))
    if d.text is not None and d.warning is None:
        assert d.text == reader.normalise(text)


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", b"\xef\xbb\xbf", "\u00a0\n\u200f\n".encode()])
def test_empty_or_blank_file_is_skipped_with_a_reason(data: bytes, cfg) -> None:
    result = extract_bytes(data, "corpus/empty.txt", cfg)
    assert isinstance(result, Skipped) and "no article text" in result.reason


def test_saved_html_page_extracts_like_its_text(cfg) -> None:
    seed = seed_file("000").read_text(encoding="utf-8")
    lines = [ln for ln in seed.split("\n") if ln.strip()]
    page = ("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\"><title>x</title></head>"
            "<body><nav><ul><li>الرئيسية</li><li>أخبار</li></ul></nav><article><h1>" + lines[0] + "</h1>"
            + "".join(f"<p>{ln}</p>\n" for ln in lines[1:]) + "</article><footer>© 2024</footer></body></html>")
    art = extract_bytes(page.encode("utf-8"), "corpus/page.txt", cfg)
    plain = extract_bytes("\n".join(lines).encode("utf-8"), "corpus/page.txt", cfg)
    assert not isinstance(art, Skipped) and not isinstance(plain, Skipped)
    assert art.warnings[0].startswith("converted from a saved HTML page")
    assert (art.title, art.body, art.date) == (plain.title, plain.body, plain.date)
