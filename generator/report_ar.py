"""The build report's notes in Arabic.

The extraction stages write their warnings and the reasons a file was not built in English (they are
also printed on the command line and read in tests). The report a curator reads on the site gives
them in Arabic: `translate(text)` gives the Arabic of the known messages (patterns below, the quoted
parts kept as they are), and None for any other, which the report shows as a labelled technical note
in English, isolated left to right. ISO dates inside a note are written as Arabic dates.
"""
from __future__ import annotations

import re

from generator.dates_ar import shown, short_date

# (pattern of an English message, Arabic template using the pattern's named groups)
NOTES: list[tuple[re.Pattern[str], str]] = [(re.compile(p), a) for p, a in [
    (r"^no publication date stated$", "لا يذكر المقال تاريخ نشره"),
    (r"^publication day stated without a year: '(?P<q>.*)'$", "يذكر المقال يوم النشر دون سنة: «{q}»"),
    (r"^date not used \((?P<why>.*)\): '(?P<q>.*)'$", "تاريخ لم يُستعمل ({why}): «{q}»"),
    (r"^date (?P<q>.*) read as month/day/year \(the day is above 12\)$",
     "التاريخ {q} قُرئ شهراً/يوماً/سنة (اليوم أكبر من 12)"),
    (r"^publication date (?P<a>\S+) is later than the page-header date (?P<b>\S+)$",
     "تاريخ النشر {a} بعد تاريخ رأس الصفحة {b}"),
    (r"^weekday (?P<w>.*) does not match (?P<d>\S+) \(a (?P<real>\w+)\) in '(?P<q>.*)'$",
     "اسم اليوم «{w}» لا يوافق التاريخ {d} في «{q}»"),
    (r"^converted from a saved HTML page: only its visible text was kept$",
     "حُوّل من صفحة ويب محفوظة: بقي نصها الظاهر وحده"),
    (r"^not a text file$", "ليس ملفاً نصياً"),
    (r"^no article text \(empty or only page furniture\)$", "لا نص مقال فيه (فارغ أو حواشي صفحة فقط)"),
    (r"^cannot read: (?P<why>.*)$", "تعذرت قراءته: {why}"),
    (r"^cannot read folder: (?P<why>.*)$", "تعذرت قراءة المجلد: {why}"),
    (r"^broken symbolic link$", "رابط رمزي معطوب"),
    (r"^symbolic link pointing outside the corpus \(refused\)$", "رابط رمزي إلى خارج مجلد المقالات (رُفض)"),
    (r"^symbolic link to a folder outside the corpus \(refused\)$", "رابط رمزي إلى مجلد خارج مجلد المقالات (رُفض)"),
    (r"^not a regular file \(refused\)$", "ليس ملفاً عادياً (رُفض)"),
    (r"^not a WARC file \(no record in it\)$", "ليس ملف WARC (لا سجل فيه)"),
]]

_ISO = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")


def arabic_dates(text: str) -> str:
    """`text` with every ISO date (2015-09-27) written as an Arabic date (27 أيلول/سبتمبر 2015)."""
    return _ISO.sub(lambda m: short_date(m.group(1)), text)


def translate(text: str) -> str | None:
    """The Arabic of a known English message (quoted parts kept, ISO dates as Arabic dates), or
    None when the message is not one of NOTES."""
    for pattern, template in NOTES:
        m = pattern.match(text)
        if m:
            # the template's own digits follow the site's; the quoted parts stay as the text has them
            return shown(template).format(**{k: arabic_dates(v or "") for k, v in m.groupdict().items()})
    return None
