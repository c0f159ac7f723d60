"""Stage 3b — publication date.

Contract:
    find_date(lines: list[str], keep: list[bool], title_index: int | None) -> DateResult
`lines` are all lines of the text (furniture included: a dateline or save-date header may be there),
`keep` says which the cleaner kept, `title_index` is the headline's line.

Two pure parts:

* the *finder*, `find_mentions(text)`, returns every date mention in one string with its span as
  written, its precision (`date`, `day-month`, `month-year`, `year`), whether a time goes with it,
  whether it is Hijri, and the weekday stated before it. It matches on `arabic.fold`ed text, so
  alef/hamza/ta marbuta spellings and Arabic-Indic or Persian digits need no variants of their own.
  Month names of every regional convention are known (Egyptian/Gulf يناير…, Levantine/Iraqi
  كانون الثاني…, also numbered: كانون 2 = January, تشرين 1 = October…, Maghrebi جانفي…, Moroccan يوليوز/غشت/شتنبر/نونبر/دجنبر, English), as are the combined
  forms (`27 سبتمبر/ أيلول 2015`, `حزيران (يونيو) 2014`: both names must agree), numeric forms
  (ISO with or without a time, DD/MM/YYYY, DD-MM-YYYY, DD.MM.YYYY, YYYY/MM/DD; DD/MM is read first,
  MM/DD only when the day makes it certain) and Hijri dates (converted with hijridate). A month name
  counts only next to a day number and/or a year, so the verb مارس, the word آب or a bare ماي are
  never dates.

* the *chooser*, `find_date`, decides which mention is the publication date from where it stands:

  1. a date introduced by a publication label (تاريخ النشر، نشر في، أضيف بتاريخ، Published…) on a
     line (or a `|`/dash-separated part of a line) of its own, above the article, in it or right
     after it (further down such lines date the other stories of a "related news" list);
  2. a dateline near the headline: a date-only line (weekday, time, city, label allowed) among the
     lines between the headline and the first paragraph, a date-only part of the headline line
     (`… | outlet | 25.08.2017`), a date opening the first paragraph before a dash
     (`بغداد - 27 أيلول 2015 - …`), or a date-only line right before the headline when it is
     neither the page's first line nor carries a weekday;
  3. a date-only line inside or right after the article body (a date with a time first);
  4. the news-in-the-present rule: when the very first sentence of the article states a full date
     with a weekday that matches it, and that is the first date in the article, the article reports
     that day's news (`اتفق … الأحد 27 سبتمبر 2015، على …`);
  5. a full date the article itself calls today (`اليوم (الجمعة 25 أغسطس 2017)`) in its first
     paragraphs.

  Within a level a date whose stated weekday matches is preferred to one whose weekday does not
  (the mismatch is a warning), then the one nearest after the headline, then a Gregorian date
  over the Hijri date beside it. A Hijri date is converted with the Umm al-Qura tables; when a
  weekday is stated and falls one day off (the month was sighted a day earlier or later), the
  weekday settles the day. When the headline is unknown, the last line of three words or more
  above the first paragraph stands in for it.

  Never taken: anything above the headline other than the case in 2 (a saved page's "today"
  header — weekday + date + city, often with the Hijri date — is the date the page was saved, and
  a publication date later than it is reported), copyright years, dates after an "updated" label,
  and dates inside body sentences (event dates such as `منذ حزيران 2014`). Only a full date can be
  the publication date: a day and month without a year is reported in a warning, never completed.

  When no publication date is found, `date` is None, a warning says so and `not_before` is the
  latest date the article mentions: a month-year counts as its first day; a day-month takes the
  year of the nearest full date when that date is on the same line or the weekday stated with the
  day-month falls on the completed date (a bare `25 يناير` may be an anniversary). Page-header
  dates, copyright years, "updated" dates and dates in furniture the cleaner removed are left out.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field, replace

from hijridate import Hijri

from generator.arabic import UNEVEN, fold, fold_with_map

# --------------------------------------------------------------------------------------------
# Vocabulary (written as people write it; folded once at import)
# --------------------------------------------------------------------------------------------

_GREGORIAN_NAMES: dict[int, tuple[str, ...]] = {
    1: ("يناير", "ينايِر", "كانون الثاني", "كانون ثاني", "كانون 2", "جانفي", "جانفييه", "january", "jan"),
    2: ("فبراير", "فبرايِر", "فبرير", "شباط", "فيفري", "فيفرى", "february", "feb"),
    3: ("مارس", "آذار", "march", "mar"),
    4: ("أبريل", "إبريل", "ابريل", "أفريل", "إفريل", "نيسان", "april", "apr"),
    5: ("مايو", "ماي", "أيار", "مايس", "may"),
    6: ("يونيو", "يونيه", "يونية", "حزيران", "جوان", "june", "jun"),
    7: ("يوليو", "يوليه", "يولية", "تموز", "جويلية", "جويليه", "جويلييه", "يوليوز", "july", "jul"),
    8: ("أغسطس", "اغسطس", "أغسطُس", "آب", "أوت", "غشت", "أغشت", "august", "aug"),
    9: ("سبتمبر", "سپتمبر", "سيبتمبر", "أيلول", "شتنبر", "september", "sept", "sep"),
    10: ("أكتوبر", "اكتوبر", "أوكتوبر", "تشرين الأول", "تشرين أول", "تشرين 1", "october", "oct"),
    11: ("نوفمبر", "نوڤمبر", "تشرين الثاني", "تشرين ثاني", "تشرين 2", "نونبر", "november", "nov"),
    12: ("ديسمبر", "دیسمبر", "كانون الأول", "كانون أول", "كانون 1", "دجنبر", "december", "dec"),
}

_HIJRI_NAMES: dict[int, tuple[str, ...]] = {
    1: ("محرم", "المحرم"),
    2: ("صفر",),
    3: ("ربيع الأول", "ربيع أول"),
    4: ("ربيع الآخر", "ربيع الثاني", "ربيع آخر", "ربيع ثاني"),
    5: ("جمادى الأولى", "جمادى الأول", "جمادى أولى"),
    6: ("جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "جمادى الثاني", "جمادى آخرة"),
    7: ("رجب",),
    8: ("شعبان",),
    9: ("رمضان",),
    10: ("شوال",),
    11: ("ذو القعدة", "ذي القعدة"),
    12: ("ذو الحجة", "ذي الحجة"),
}

# Monday first, as datetime.date.weekday() counts.
_WEEKDAY_NAMES: tuple[tuple[str, ...], ...] = (
    ("الاثنين", "الإثنين", "الأثنين"),
    ("الثلاثاء", "الثلثاء"),
    ("الأربعاء", "الاربعاء"),
    ("الخميس",),
    ("الجمعة",),
    ("السبت",),
    ("الأحد",),
)
WEEKDAY_LABELS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")

# Words before a date that make it an event date rather than the day of the news.
_EVENT_WORDS = frozenset(fold(w) for w in (
    "منذ", "قبل", "بعد", "حتى", "منتصف", "أواخر", "أوائل", "مطلع", "نهاية", "بداية", "خلال",
    "ليلة", "مساء", "صباح", "فجر", "ظهر", "عصر", "أمس", "غداة", "عشية",
))

# Words a date-only line may carry besides the date (era markers, "corresponding to", time zones).
_LINE_NOISE = frozenset(fold(w) for w in (
    "الموافق", "الموافق لـ", "م", "ميلادي", "ميلادية", "هجري", "هجرية", "هـ", "ص",
    "الساعة", "بتوقيت", "مكة", "المكرمة", "غرينتش", "جرينتش", "gmt", "utc", "am", "pm",
    "بتاريخ", "تاريخ", "في", "يوم", "اليوم", "آخر", "تحديث",
))


def _folded_alternation(names: list[str]) -> str:
    """A regex alternation of the folded names, longest first; a numbered month (كانون 2) is not
    followed by another digit."""
    forms = sorted({fold(n) for n in names}, key=lambda s: (-len(s), s))
    return "|".join(r"\s+".join(re.escape(p) for p in f.split()) + (r"(?!\d)" if f[-1].isdigit() else "")
                    for f in forms)


def _lookup(table: dict[int, tuple[str, ...]]) -> dict[str, int]:
    return {" ".join(fold(n).split()): month for month, names in table.items() for n in names}


_G_LOOKUP = _lookup(_GREGORIAN_NAMES)
_H_LOOKUP = _lookup(_HIJRI_NAMES)
_WD_LOOKUP = {fold(n): i for i, names in enumerate(_WEEKDAY_NAMES) for n in names}

_G_ALT = _folded_alternation([n for names in _GREGORIAN_NAMES.values() for n in names])
_H_ALT = _folded_alternation([n for names in _HIJRI_NAMES.values() for n in names])
_WD_ALT = _folded_alternation([n for names in _WEEKDAY_NAMES for n in names])

# Not next to a letter (Arabic or Latin): a word boundary that also treats digits as a boundary.
_NL_BEFORE = r"(?<![^\W\d_])"
_NL_AFTER = r"(?![^\W\d_])"
_DAY = r"(?<![\d.:/\-])(?P<day>[0-3]?\d)(?:st|nd|rd|th|er)?(?!\d)"
_DAY_SEP = r"[\s,،/.\-]*(?:من\s+)?(?:شهر\s+)?"
_G_ERA = r"(?:\s*(?:م|ميلادي|ميلاديه|للميلاد)" + _NL_AFTER + ")?"
_H_ERA = r"(?:\s*(?:ه|هجري|هجريه|للهجره)" + _NL_AFTER + ")?"

_TEXTUAL = re.compile(
    rf"(?:{_DAY}{_DAY_SEP})?"
    rf"{_NL_BEFORE}(?P<m1>{_G_ALT}){_NL_AFTER}"
    rf"(?:\s*[/\-–—(|،,]?\s*{_NL_BEFORE}(?P<m2>{_G_ALT}){_NL_AFTER}\s*\)?)?"
    rf"(?:[\s,،/.\-]*(?:من\s+)?(?:(?:عام|سنه|العام)\s+)?(?<!\d)(?P<year>\d{{4}})(?!\d){_G_ERA})?"
)
# Month first, then a comma before the year: "سبتمبر 29, 2015", "June 8, 2024".
_MONTH_DAY_YEAR = re.compile(
    rf"{_NL_BEFORE}(?P<m1>{_G_ALT}){_NL_AFTER}\.?\s+"
    r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)\s*[,،]\s*(?P<year>\d{4})(?!\d)"
)
_HIJRI = re.compile(
    rf"(?:{_DAY}{_DAY_SEP})?"
    rf"{_NL_BEFORE}(?P<hm>{_H_ALT}){_NL_AFTER}"
    rf"[\s,،/.\-]*(?:(?:من\s+)?(?:عام|سنه)\s+)?(?P<year>1[34]\d\d)(?!\d){_H_ERA}"
)
_SEP = r"[-/.\u060d]"
_YMD = re.compile(
    rf"(?<![\d/.\-\u060d])(?P<year>(?:1[34]|19|20)\d\d)\s?(?P<sep>{_SEP})\s?(?P<a>\d{{1,2}})\s?(?P=sep)\s?"
    rf"(?P<b>\d{{1,2}})(?!\d|{_SEP}\d)"
)
_DMY = re.compile(
    rf"(?<![\d/.\-\u060d])(?P<a>\d{{1,2}})\s?(?P<sep>{_SEP})\s?(?P<b>\d{{1,2}})\s?(?P=sep)\s?"
    rf"(?P<year>(?:1[34]|19|20)\d\d)(?!\d|{_SEP}\d)"
)
_HIJRI_MARK = re.compile(rf"\s*(?:ه|هجري|هجريه|للهجره){_NL_AFTER}")
_YEAR_ONLY = re.compile(
    r"(?:(?:©|\(c\)|copyright|" + _NL_BEFORE + r"(?:عام|العام|لعام|للعام|سنه|لسنه))\s*"
    r"(?P<y1>(?:19|20)\d\d)(?!\d))|(?<!\d)(?P<y2>(?:19|20)\d\d)\s*©"
)

_TIME_AFTER = re.compile(
    r"(?:\s*[\-–—|،,(@t]\s*|\s*)(?:الساعه\s*)?(?<!\d)(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\.\d+)?"
    r"(?:z|[+\-]\d\d:?\d\d)?(?!\d)(?:\s*(?:ص|م|am|pm|gmt|utc|صباحا|مساء|مساءا)" + _NL_AFTER + ")?"
)
_TIME_BEFORE = re.compile(
    r"(?<!\d)(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\s*(?:ص|م|am|pm|gmt|utc)" + _NL_AFTER + r")?"
    r"[\s\-–—|،,]*$"
)
_WEEKDAY_BEFORE = re.compile(
    rf"(?:{_NL_BEFORE}(?P<pre>اليوم|يوم|{'|'.join(sorted(_EVENT_WORDS, key=len, reverse=True))})[\s(]+)?"
    rf"{_NL_BEFORE}(?P<wd>{_WD_ALT}){_NL_AFTER}"
    r"[\s,،(\-–\"']*(?:(?:الموافق|الماضي|المقبل|القادم|المنصرم)[\s,،(]*)?$"
)
_TODAY_BEFORE = re.compile(r"(?<![^\W\d_])اليوم[\s,،(\-–]*$")
_PREV_WORD = re.compile(r"([^\W\d_]+)[^\w]*$")
_DIGIT = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]")
# Characters `fold` drops or expands (or that NFC may recompose): a line holding none folds one-to-one.
_UNEVEN = UNEVEN

_PUB_LABEL = re.compile(
    r"(?:تاريخ\s+(?:ال)?نشر|(?:تم\s+)?نشر(?:ت)?\s+(?:في|بتاريخ|يوم)|تم\s+النشر|نشر\s*:|"
    r"اضيف\s+(?:بتاريخ|في|يوم)|تاريخ\s+الاضافه|date\s+published|publication\s+date|"
    r"published(?:\s+on)?|posted(?:\s+on)?)"
    r"[\s:：\-–—|,،]*$"
)
_UPDATE_LABEL = re.compile(
    r"(?:اخر\s+تحديث|تم\s+التحديث|تحديث|محدث|updated(?:\s+on)?|last\s+update[d]?|modified)"
    r"(?:\s+(?:في|بتاريخ|يوم))?[\s:：\-–—|,،]*$"
)
_COPYRIGHT = re.compile(r"©|\(c\)|copyright|حقوق|all rights reserved")
_SEGMENT_SEP = re.compile(r"\s[|\-–—ـ]+\s|\|")
# A sentence ends at . ! ? ؟ before a space, except after a one-letter abbreviation (د. م. أ.).
_SENTENCE_END = re.compile(r"(?<!\s[^\W\d_])(?<!^[^\W\d_])[.!?؟](?=\s|$)")
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")

DATE, DAY_MONTH, MONTH_YEAR, YEAR = "date", "day-month", "month-year", "year"


# --------------------------------------------------------------------------------------------
# Finder
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Mention:
    """One date mention in a string.

    `start`/`end` span the mention as written (stated weekday and time included); `year`, `month`,
    `day` are Gregorian (a Hijri mention is converted). `problem` is set when the text is a date
    form but not a usable date (names that disagree, a day that does not exist).
    """

    start: int
    end: int
    text: str
    precision: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    has_time: bool = False
    hijri: bool = False
    weekday: int | None = None  # stated weekday, Monday = 0
    weekday_text: str | None = None
    today: bool = False  # introduced by اليوم ("today")
    prev_word: str = ""  # folded word just before the mention
    problem: str | None = None

    @property
    def iso(self) -> str | None:
        if self.precision != DATE or self.year is None or self.month is None or self.day is None:
            return None
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def weekday_ok(self) -> bool | None:
        """True/False when a weekday is stated with a full date, else None."""
        iso = self.iso
        if self.weekday is None or iso is None:
            return None
        return _dt.date.fromisoformat(iso).weekday() == self.weekday


@dataclass
class _Raw:
    start: int  # in folded text
    end: int
    precision: str
    year: int | None
    month: int | None
    day: int | None
    hijri: bool = False
    problem: str | None = None
    mmdd: bool = False  # a numeric date that could only be read month-first


def _valid(year: int, month: int, day: int) -> bool:
    try:
        _dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _hijri_to_gregorian(year: int, month: int, day: int) -> _dt.date | None:
    try:
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return _dt.date(g.year, g.month, g.day)


def _g_month(name: str) -> int:
    return _G_LOOKUP[" ".join(name.split())]


def _textual(folded: str) -> list[_Raw]:
    out: list[_Raw] = []
    for m in _TEXTUAL.finditer(folded):
        day_s, year_s = m.group("day"), m.group("year")
        if day_s is None and year_s is None:
            continue  # a month name alone is not a date (مارس the verb, آب, ماي…)
        start, end = m.start(), m.end()
        month = _g_month(m.group("m1"))
        problem = None
        if m.group("m2"):
            other = _g_month(m.group("m2"))
            if other != month:
                problem = f"month names disagree: {m.group('m1')} / {m.group('m2')}"
        year = int(year_s) if year_s else None
        day = int(day_s) if day_s else None
        if year is not None and not 1800 <= year <= 2199:
            continue
        if day is not None and not 1 <= day <= 31:
            if year is None:
                continue
            day, start = None, m.start("m1")
        if day is not None and year is not None:
            if not _valid(year, month, day) and problem is None:
                problem = "no such day"
            out.append(_Raw(start, end, DATE, year, month, day, problem=problem))
        elif day is not None:
            if not _valid(2000, month, day) and problem is None:
                problem = "no such day"
            out.append(_Raw(start, end, DAY_MONTH, None, month, day, problem=problem))
        else:
            out.append(_Raw(start, end, MONTH_YEAR, year, month, None, problem=problem))
    for m in _MONTH_DAY_YEAR.finditer(folded):
        year, day, month = int(m.group("year")), int(m.group("day")), _g_month(m.group("m1"))
        if 1800 <= year <= 2199:
            problem = None if _valid(year, month, day) else "no such day"
            out.append(_Raw(m.start(), m.end(), DATE, year, month, day, problem=problem))
    return out


def _hijri(folded: str) -> list[_Raw]:
    out: list[_Raw] = []
    for m in _HIJRI.finditer(folded):
        hy, hm = int(m.group("year")), _H_LOOKUP[" ".join(m.group("hm").split())]
        if m.group("day") is None:
            g = _hijri_to_gregorian(hy, hm, 1)
            if g is not None:
                out.append(_Raw(m.start("hm"), m.end(), MONTH_YEAR, g.year, g.month, None, hijri=True))
            continue
        g = _hijri_to_gregorian(hy, hm, int(m.group("day")))
        if g is None:
            out.append(_Raw(m.start(), m.end(), DATE, None, None, None, True, "not a convertible Hijri date"))
        else:
            out.append(_Raw(m.start(), m.end(), DATE, g.year, g.month, g.day, hijri=True))
    return out


def _numeric(folded: str) -> list[_Raw]:
    out: list[_Raw] = []
    for regex in (_YMD, _DMY):
        for m in regex.finditer(folded):
            year, a, b = int(m.group("year")), int(m.group("a")), int(m.group("b"))
            is_hijri = year < 1900
            if is_hijri and not _HIJRI_MARK.match(folded, m.end()):
                continue  # 13xx/14xx with no Hijri marker: not a date we can read
            end = m.end()
            if is_hijri:
                mark = _HIJRI_MARK.match(folded, end)
                assert mark is not None
                end = mark.end()
            if regex is _YMD:
                month, day, problem = a, b, None
            elif a > 12 >= b or a <= 12 and b <= 12:
                day, month, problem = a, b, None  # DD/MM, the Arabic convention
            elif b > 12 >= a:
                month, day, problem = a, b, None  # only MM/DD can be right
            else:
                continue
            if is_hijri:
                g = _hijri_to_gregorian(year, month, day)
                if g is None:
                    continue
                out.append(_Raw(m.start(), end, DATE, g.year, g.month, g.day, hijri=True))
                continue
            if not _valid(year, month, day):
                problem = "no such day"
            mmdd = regex is _DMY and b > 12 >= a
            out.append(_Raw(m.start(), end, DATE, year, month, day, problem=problem, mmdd=mmdd))
    return out


def _years(folded: str) -> list[_Raw]:
    out: list[_Raw] = []
    for m in _YEAR_ONLY.finditer(folded):
        y = int(m.group("y1") or m.group("y2"))
        out.append(_Raw(m.start(), m.end(), YEAR, y, None, None))
    return out


def _scan(folded: str) -> list[_Raw]:
    return _textual(folded) + _hijri(folded) + _numeric(folded) + _years(folded)


def _resolve(raws: list[_Raw]) -> list[_Raw]:
    """Drop overlapping mentions: the earlier wins, then the more precise, then the longer."""
    real = list(raws)
    rank = {DATE: 0, DAY_MONTH: 1, MONTH_YEAR: 1, YEAR: 2}
    real.sort(key=lambda r: (r.start, rank[r.precision], -(r.end - r.start)))
    kept: list[_Raw] = []
    for r in real:
        if kept and r.start < kept[-1].end:
            if rank[r.precision] < rank[kept[-1].precision] and r.end >= kept[-1].end:
                kept[-1] = r
            continue
        kept.append(r)
    return kept


def find_mentions(text: str) -> list[Mention]:
    """Every date mention in `text`, in order of position (see module docstring)."""
    if not _DIGIT.search(text):
        return []
    folded = fold(text)
    raws = _scan(folded)
    if not raws:
        return []
    index: list[int] | None = None  # None: folded[i] came from text[i]
    if len(folded) != len(text) or _UNEVEN.search(text):
        folded, index = fold_with_map(text)  # slower, only for lines that hold a date
        raws = _scan(folded)
    mentions = [_decorate(text, folded, index, r) for r in _resolve(raws)]
    return _check_calendars(mentions)


def _to_source(index: list[int] | None, text: str, start: int, end: int) -> tuple[int, int]:
    """Map a folded span back to the source, taking in marks `fold` dropped at its end."""
    if index is None:
        s, e = start, end
    elif start >= len(index):
        return len(text), len(text)
    else:
        s = index[start]
        e = index[end - 1] + 1 if end > 0 else s
    while e < len(text) and _UNEVEN.match(text, e):
        e += 1
    return s, e


def _decorate(text: str, folded: str, index: list[int] | None, r: _Raw) -> Mention:
    start, end = r.start, r.end
    has_time = False
    weekday: int | None = None
    weekday_text: str | None = None
    today = False
    pre_word = ""
    if r.precision != YEAR:
        t = _TIME_AFTER.match(folded, end)
        if t and t.end() > end:
            end, has_time = t.end(), True
        window_start = max(0, start - 40)
        w = _WEEKDAY_BEFORE.search(folded, window_start, start)
        if w and w.end() == start:
            weekday = _WD_LOOKUP[w.group("wd")]
            ws, we = _to_source(index, text, w.start("wd"), w.end("wd"))
            weekday_text = text[ws:we]
            pre = w.group("pre")
            if pre == "اليوم":
                today = True
            elif pre:
                pre_word = pre
            start = w.start("wd")
        elif _TODAY_BEFORE.search(folded, window_start, start):
            today = True
        if not has_time:
            tb = _TIME_BEFORE.search(folded, max(0, start - 30), start)
            if tb:
                has_time = True
                start = tb.start()
    if not pre_word:
        p = _PREV_WORD.search(folded, max(0, start - 30), start)
        if p:
            pre_word = p.group(1)
    s, e = _to_source(index, text, start, end)
    problem = r.problem or (_MMDD_NOTE if r.mmdd else None)
    year, month, day = r.year, r.month, r.day
    if r.hijri and weekday is not None and year and month and day:
        # Tabular conversion can be a day off the locally sighted month: the weekday settles it.
        base = _dt.date(year, month, day)
        for delta in (0, -1, 1):
            d = base + _dt.timedelta(days=delta)
            if d.weekday() == weekday:
                year, month, day = d.year, d.month, d.day
                break
    return Mention(
        start=s, end=e, text=text[s:e], precision=r.precision, year=year, month=month, day=day,
        has_time=has_time, hijri=r.hijri, weekday=weekday, weekday_text=weekday_text, today=today,
        prev_word=pre_word, problem=problem,
    )


# A US-order numeric date is still usable: its note is a warning, not a reason to drop it.
_MMDD_NOTE = "read as month/day/year (the day is above 12)"


def _usable(m: Mention) -> bool:
    return m.problem is None or m.problem == _MMDD_NOTE


def _check_calendars(mentions: list[Mention]) -> list[Mention]:
    """A Hijri and a Gregorian date given side by side must agree within a day."""
    out = list(mentions)
    for i, h in enumerate(out):
        if not (h.hijri and h.iso and _usable(h)):
            continue
        partners = [g for g in out if not g.hijri and g.iso and _usable(g)
                    and (0 <= h.start - g.end <= 40 or 0 <= g.start - h.end <= 40)]
        if not partners:
            continue
        g = min(partners, key=lambda g: min(abs(h.start - g.end), abs(g.start - h.end)))
        gap = abs((_dt.date.fromisoformat(h.iso) - _dt.date.fromisoformat(g.iso or "")).days)
        if gap > 1:
            out[i] = replace(h, problem=f"Hijri date ({h.iso}) disagrees with {g.iso}")
    return out


# --------------------------------------------------------------------------------------------
# Chooser
# --------------------------------------------------------------------------------------------

@dataclass
class DateResult:
    date: str | None = None
    evidence: str | None = None
    not_before: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Line:
    index: int
    text: str
    kept: bool
    words: int
    mentions: list[Mention]
    copyright: bool
    date_only: bool  # the whole line is a date (plus weekday, time, label, a few words)
    seg_date_only: list[bool]  # per mention: its part of the line (between | or dashes) is a date
    seg_first: list[bool]  # per mention: that part opens the line (after a place name at most)
    pub_label: list[bool]
    upd_label: list[bool]


def _residual_words(folded: str) -> list[str]:
    return [w for w in _LETTER_WORD.findall(folded) if w not in _LINE_NOISE]


def _segments(text: str, mentions: list[Mention]) -> list[tuple[int, int]]:
    cuts = [0]
    for m in _SEGMENT_SEP.finditer(text):
        if any(x.start <= m.start() < x.end for x in mentions):
            continue
        cuts += [m.start(), m.end()]
    cuts.append(len(text))
    return [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]


def _blank(text: str, spans: list[tuple[int, int]], lo: int, hi: int) -> str:
    parts: list[str] = []
    pos = lo
    for s, e in spans:
        s, e = max(s, lo), min(e, hi)
        if s >= e:
            continue
        if s > pos:
            parts.append(text[pos:s])
        parts.append(" ")
        pos = e
    if pos < hi:
        parts.append(text[pos:hi])
    return "".join(parts)


_LABELS_ANYWHERE = re.compile(
    "|".join(r.pattern.removesuffix("$") for r in (_PUB_LABEL, _UPDATE_LABEL))
)
_MAX_EXTRA = 100  # characters besides the dates beyond which a line is never "date-only"


def _strip_labels(folded: str) -> str:
    return _LABELS_ANYWHERE.sub(" ", folded)


def _date_only(text: str, lo: int, hi: int, mentions: list[Mention], m: Mention | None) -> bool:
    spans = [(x.start, x.end) for x in mentions]
    inside = sum(max(0, min(e, hi) - max(s, lo)) for s, e in spans)
    if hi - lo - inside > _MAX_EXTRA:
        return False
    if m is None:
        words = _residual_words(_strip_labels(fold(_blank(text, spans, lo, hi))))
        return len(words) <= 3
    before = _residual_words(_strip_labels(fold(_blank(text, spans, lo, m.start))))
    after = _residual_words(_strip_labels(fold(_blank(text, spans, m.end, hi))))
    return (not before or not after) and len(before) + len(after) <= 3


def _label_before(regex: re.Pattern[str], text: str, m: Mention) -> bool:
    head = fold(text[max(0, m.start - 40):m.start])
    return bool(regex.search(head))


MAX_MENTIONS = 32  # dates read per line: a line holding more is a table, and each costs the others


def _analyse(i: int, text: str, kept: bool) -> _Line:
    mentions = find_mentions(text)[:MAX_MENTIONS]
    folded_line = fold(text) if mentions else ""
    copyright = bool(mentions) and bool(_COPYRIGHT.search(folded_line))
    segs = _segments(text, mentions) if mentions else []
    seg_only: list[bool] = []
    seg_first: list[bool] = []
    for m in mentions:
        lo, hi = next(((a, b) for a, b in segs if a <= m.start < b), (0, len(text)))
        seg_only.append(_date_only(text, lo, hi, mentions, m))
        seg_first.append(len(_residual_words(fold(text[:lo]))) <= 3)
    date_only = bool(mentions) and _date_only(text, 0, len(text), mentions, None)
    return _Line(
        index=i, text=text, kept=kept, words=len(text.split()), mentions=mentions,
        copyright=copyright, date_only=date_only, seg_date_only=seg_only, seg_first=seg_first,
        pub_label=[_label_before(_PUB_LABEL, text, m) for m in mentions],
        upd_label=[_label_before(_UPDATE_LABEL, text, m) for m in mentions],
    )


_LONG = 12  # words: a line this long is a paragraph, not a headline or a widget


def _is_paragraph(ln: _Line) -> bool:
    return ln.words >= _LONG and not ln.date_only


def _anchor(info: list[_Line], title_index: int | None) -> int | None:
    """The headline line, skipped forward past a "headline" that is only a date."""
    if title_index is None or not 0 <= title_index < len(info):
        return None
    i = title_index
    while i < len(info) and (not info[i].text.strip() or info[i].date_only):
        i += 1
    return i if i < len(info) else None


def _paragraphs(info: list[_Line], start: int) -> list[int]:
    paras = [ln.index for ln in info[start:] if ln.kept and _is_paragraph(ln)]
    return paras or [ln.index for ln in info[start:] if _is_paragraph(ln)]


def _headline_like(info: list[_Line]) -> int | None:
    """Without a headline: the last short line of three words or more above the first paragraph.

    It stands in for the headline so that a dateline under it is still found; chrome such as
    "share" or "live" rarely has three words.
    """
    paras = _paragraphs(info, 0)
    if not paras:
        return None
    for ln in reversed(info[:paras[0]]):
        if ln.text.strip() and not ln.date_only and len(_LETTER_WORD.findall(ln.text)) >= 3:
            return ln.index
    return None


@dataclass(frozen=True)
class _Cand:
    level: int
    order: tuple[int, ...]
    line: int
    mention: Mention


def _nonempty_after(info: list[_Line], start: int, limit: int) -> list[int]:
    out: list[int] = []
    for ln in info[start:]:
        if ln.text.strip():
            out.append(ln.index)
            if len(out) >= limit:
                break
    return out


def _weekday_warning(m: Mention) -> str:
    actual = _dt.date.fromisoformat(m.iso or "").weekday()
    return (f"weekday {m.weekday_text} does not match {m.iso} (a {WEEKDAY_LABELS[actual]}) "
            f"in '{m.text}'")


def find_date(lines: list[str], keep: list[bool], title_index: int | None) -> DateResult:
    keep = list(keep) + [True] * (len(lines) - len(keep))
    info = [_analyse(i, ln, keep[i]) for i, ln in enumerate(lines)]
    nonempty = [ln.index for ln in info if ln.text.strip()]
    first_line = nonempty[0] if nonempty else None
    anchor = _anchor(info, title_index)
    if anchor is None:
        anchor = _headline_like(info)

    # Article paragraphs: long kept lines after the headline (or from the top without one).
    start = 0 if anchor is None else anchor + 1
    paras = _paragraphs(info, start)
    if anchor is not None and info[anchor].words >= 20 and not paras[:1] == [anchor]:
        paras = [anchor] + paras  # the "headline" is the first paragraph (derived title)
    first_para = paras[0] if paras else None
    last_para = paras[-1] if paras else None
    # Everything above this line is page header.
    top = anchor if anchor is not None else (first_para if first_para is not None else 0)

    head_zone: list[int] = []
    if anchor is not None and (first_para is None or first_para > anchor):
        for j in _nonempty_after(info, anchor + 1, 10):
            head_zone.append(j)
            if j == first_para:
                break

    warnings: list[str] = []
    cands: list[_Cand] = []
    partial: list[Mention] = []

    def add(level: int, order: tuple[int, ...], ln: _Line, k: int) -> None:
        m = ln.mentions[k]
        if not _usable(m) or ln.copyright or ln.upd_label[k]:
            return
        if m.precision == DAY_MONTH:
            partial.append(m)
            return
        if m.precision != DATE:
            return
        cands.append(_Cand(level, order, ln.index, m))

    adjacent_before = None
    if anchor is not None:
        prev = [j for j in nonempty if j < anchor]
        if prev and prev[-1] != first_line:
            adjacent_before = prev[-1]

    # The article ends two non-empty lines after its last paragraph (a closing date line).
    article_end = _line_after(nonempty, last_para, 2) if last_para is not None else len(info)

    for ln in info:
        if not ln.mentions:
            continue
        for k, m in enumerate(ln.mentions):
            # 1. labelled publication date on a date-only line (or part of a line); far below the
            #    article it belongs to a list of other stories
            if ln.pub_label[k] and ln.seg_date_only[k]:
                if ln.index <= article_end:
                    add(1, (ln.index,), ln, k)
                continue
            # 2. dateline near the headline
            lead = ln.index == first_para and k == 0 and ln.seg_first[k] and m.start < 60
            if ln.index == anchor and ln.index != first_para and ln.seg_date_only[k]:
                add(2, (0, ln.index), ln, k)  # `headline | outlet | date`
            elif ln.index == first_para and lead and ln.seg_date_only[k]:
                add(2, (0, ln.index), ln, k)  # `city - date - first sentence…`
            elif ln.index in head_zone and ln.index != first_para and ln.seg_date_only[k]:
                add(2, (0, ln.index), ln, k)
            elif ln.index == adjacent_before and ln.date_only and all(
                x.weekday is None for x in ln.mentions
            ):
                add(2, (1, ln.index), ln, k)
            # 3. a date-only line in or right after the article
            elif last_para is not None and top < ln.index <= article_end and ln.date_only:
                add(3, (0 if m.has_time else 1, ln.index), ln, k)

    # 4. news in the present: the first sentence of the article states the day with its weekday.
    if first_para is not None:
        p = info[first_para]
        sentence_end = _SENTENCE_END.search(p.text)
        end = sentence_end.end() if sentence_end else len(p.text)
        if p.mentions and p.kept:
            m = p.mentions[0]
            if (m.start < end and m.precision == DATE and m.weekday_ok is True
                    and m.prev_word not in _EVENT_WORDS and _usable(m) and not p.copyright):
                cands.append(_Cand(4, (first_para,), first_para, m))
    # 5. a full date the article calls today, in its first paragraphs.
    for j in paras[:3]:
        ln = info[j]
        if not ln.kept or ln.copyright:
            continue
        for m in ln.mentions:
            if m.today and _usable(m):
                if m.precision == DATE and m.weekday_ok is not False:
                    cands.append(_Cand(5, (j, m.start), j, m))
                elif m.precision == DAY_MONTH:
                    partial.append(m)

    # Lines whose dates are the article's own: below the page header, not copyright, kept by
    # the cleaner (or a date-only line it dropped, within the article).
    own = [ln for ln in info if ln.mentions and ln.index >= top and not ln.copyright
           and (ln.kept or ln.index == anchor or ln.date_only and ln.index <= article_end)]
    for ln in own:
        for m in ln.mentions:
            if m.problem and m.problem != _MMDD_NOTE:
                warnings.append(f"date not used ({m.problem}): '{m.text}'")

    result = DateResult()
    if cands:
        best = min(cands, key=lambda c: (c.level, c.mention.weekday_ok is False, c.order,
                                         c.mention.hijri, c.mention.start))
        m = best.mention
        result.date, result.evidence = m.iso, m.text
        if m.problem == _MMDD_NOTE:
            warnings.append(f"date {m.text} {_MMDD_NOTE}")
        saved = [x.iso for ln in info[:top] if ln.date_only and not ln.copyright
                 for x in ln.mentions if x.iso and _usable(x)]
        if saved and max(saved) < (m.iso or ""):  # ISO strings compare as dates
            warnings.append(f"publication date {m.iso} is later than the page-header date {max(saved)}")
    else:
        warnings.append("no publication date stated")
        for m in partial[:1]:
            warnings.append(f"publication day stated without a year: '{m.text}'")
        result.not_before = _not_before(own)
    for ln in own:
        for m in ln.mentions:
            if m.weekday_ok is False:
                w = _weekday_warning(m)
                if w not in warnings:
                    warnings.append(w)
    result.warnings = warnings
    return result


def _line_after(nonempty: list[int], line: int, n: int) -> int:
    later = [j for j in nonempty if j > line]
    return later[min(n, len(later)) - 1] if later else line


def _complete(m: Mention, line: int, full: list[tuple[int, int, _dt.date]]) -> _dt.date | None:
    """A day-month in the year of the nearest full date, when that reading can be trusted.

    Trusted when the full date is on the same line, or when the weekday stated with the day-month
    falls on the completed date; a bare `25 يناير` far from any year may name an anniversary.
    """
    near = min(full, key=lambda f: (abs(f[0] - line), abs(f[1] - m.start)))
    if m.month is None or m.day is None or not _valid(near[2].year, m.month, m.day):
        return None
    d = _dt.date(near[2].year, m.month, m.day)
    if m.weekday is not None:
        return d if d.weekday() == m.weekday else None
    return d if near[0] == line else None


# Words that make a date in the same clause an announced or scheduled one ("ستعقد في 3 نوفمبر",
# "من المقرر أن تجري في …", "حتى نهاية 2030"): a lower bound for the publication date only comes
# from dates the article reports as past.
_FUTURE_WORDS = """سوف المقرر مقرر المزمع مزمع المرتقب مرتقب المنتظر المتوقع متوقع يتوقع تتوقع موعد موعدا
    حتى بحلول اعتبارا ابتداء المقبل المقبلة القادم القادمة تبدأ يبدأ تنطلق ينطلق تنتهي ينتهي تستمر يستمر
    خطة رؤية هدف تهدف يهدف قبل""".split()
_FUTURE_CUES = re.compile(r"(?<!\w)(?:و|ف)?(?:س[يتن]\w{3,}|"
                          + "|".join(sorted({fold(w) for w in _FUTURE_WORDS}, key=len, reverse=True))
                          + r")(?!\w)")
# Nouns that look like a future verb (س + imperfect prefix): not cues.
_NOT_FUTURE = frozenset(fold(w) for w in """سنوات سيارة سيارات سياسة سياسات سياسي سياسية سياسيين سيدة سيدات
    ستين سنوي سنوية سيطرة سياحة سياحي سياحية سيول سيناء سيناريو سيادة سيادي سيادية""".split())
_CLAUSE_END = re.compile(r"[.!?؟؛،,]\s")
FUTURE_WINDOW = 80  # characters of the clause before a date searched for a cue


def _announced(text: str, start: int, end: int, lo: int = 0) -> bool:
    """Whether the date at text[start:end] is announced for later: a future cue in its clause before
    it (within FUTURE_WINDOW characters, after `lo`, the end of the previous date, and after the last
    comma or sentence end) or "المقبل/القادم" right after it."""
    before = fold(text[max(lo, start - FUTURE_WINDOW):start])
    clause = _CLAUSE_END.split(before)[-1]
    if any(m.group(0).lstrip("وف") not in _NOT_FUTURE and m.group(0) not in _NOT_FUTURE
           for m in _FUTURE_CUES.finditer(clause)):
        return True
    return bool(re.match(r"\s*(?:المقبل|المقبله|القادم|القادمه)(?!\w)", fold(text[end:end + 20])))


def _announced_on(ln: _Line, k: int) -> bool:
    """`_announced` for mention k of a line; a date restated right after another ("1/11/1436هـ
    الموافق 16/8/2015م") shares the other's status."""
    m = ln.mentions[k]
    if k and m.start - ln.mentions[k - 1].end <= SAME_DATE_GAP:
        return _announced_on(ln, k - 1)
    lo = ln.mentions[k - 1].end if k else 0
    return _announced(ln.text, m.start, m.end, lo)


SAME_DATE_GAP = 12  # characters between two mentions of one date in two calendars


def _not_before(eligible: list[_Line]) -> str | None:
    """The latest date mentioned on the article's own lines, announced dates left out."""
    full: list[tuple[int, int, _dt.date]] = []  # (line, offset, date)
    for ln in eligible:
        for k, m in enumerate(ln.mentions):
            if _usable(m) and m.iso and not ln.upd_label[k]:
                full.append((ln.index, m.start, _dt.date.fromisoformat(m.iso)))
    best: _dt.date | None = None
    for ln in eligible:
        for k, m in enumerate(ln.mentions):
            if not _usable(m) or ln.upd_label[k] or _announced_on(ln, k):
                continue
            d: _dt.date | None = None
            if m.iso:
                d = _dt.date.fromisoformat(m.iso)
            elif m.precision == MONTH_YEAR and m.year and m.month:
                d = _dt.date(m.year, m.month, 1)
            elif m.precision == DAY_MONTH and m.month and m.day and full:
                d = _complete(m, ln.index, full)
            if d is not None and (best is None or d > best):
                best = d
    return best.isoformat() if best else None
