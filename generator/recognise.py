"""Stage 3e — names beyond the gazetteer: the people, organisations and places nobody curated.

Contract:
    recognise(text: str, gazetteer: Gazetteer, places: frozenset[str]) -> list[Found]
    recognise_all(text, gazetteer, places) -> Recognised      (found names, gazetteer spans inside them)
    load_curation(config_dir: Path, gazetteer: Gazetteer) -> tuple[Curation, list[Problem]]
    apply_curation(found: list[Found], curation: Curation, gazetteer: Gazetteer) -> list[Found]
`text` is the title and cleaned body joined by newlines (as for `entities.find_entities`); `places`
is `SiteConfig.place_names` (folded). Found names never overlap a gazetteer match: the gazetteer runs
first and what it covers is left alone.

A grammar of Arabic names over the shipped lexicons (`generator/lexicons/`):

- Person: a given name (the `given_names` lexicon; an ambiguous one such as سعيد or أمل only right
  after a title), or any name word right after a title (الرئيس، الوزير، الشيخ، الدكتور، المتحدث
  باسم …, which are evidence, not part of the name); then the family part: further given names,
  nasab chains (بن، ابن، بنت، ولد + name), kunya (أبو/أم + name), compounds (عبد + name), آل + name,
  nisbas and family names (الغامدي، العنزي), Turkish and Persian endings (أوغلو، زاده). The name
  stops at punctuation, a verb, a preposition or particle, a word with a pronoun suffix, a
  conjunction opening a new phrase, or a gazetteer match. A person is strong with a given name and a
  family part.
- Organisation: a head noun (وزارة، هيئة، مجلس، حزب، جامعة، نادي، شركة …) and the name phrase after
  it: definite nouns and adjectives (وزارة الشؤون البلدية والقروية), or a proper noun right after the
  head (حركة حماس، شركة سيمنز); a definite head with a nationality adjective (الجيش اليمني، الحكومة
  التركية). A phrase that ends on a title word (مركز الأمير) is cut off there; without a name word
  after the head there is no organisation.
- Place: a name of the `places` lexicon (one to three words, after proclitics و ف ب ل ك), except the
  places that are also everyday words in running text (PLAIN_PLACES); or a place trigger (محافظة،
  مدينة، حي، مخيم …) and the name after it.

Curators decide in `site_config/found_names.yml` (`load_curation`, `apply_curation`): names to hide,
to retype, or to merge into a gazetteer entity or another found name.

Containment: the longest name wins, and a name inside it is not found on its own (نيويورك inside
نيويورك تايمز is the gazetteer's business; سلمان بن عبدالعزيز inside محمد بن سلمان بن عبدالعزيز: the
person named is the son, never the father).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from generator import lexicons
from generator.arabic import fold
from pathlib import Path

from generator.config import Problem, check_mapping, is_str_list, load_yaml
from generator.entities import Gazetteer, _analyse, _Coverage, _entity_spans, normalise_form

# ---- the grammar's word lists (folded) -------------------------------------------------------

# Titles before a personal name (folded). Longer titles are tried first.
PERSON_TITLES = tuple(sorted({fold(t) for t in {
    "الرئيس", "رئيس الوزراء", "رئيس الحكومه", "رئيس الجمهوريه", "رئيس البرلمان", "رئيس مجلس النواب",
    "رئيس مجلس الوزراء", "رئيس مجلس الشعب", "رئيس مجلس الشوري", "رئيس الاركان", "رئيس المخابرات",
    "نائب الرئيس", "رئيس الدوله", "رئيس الوفد", "رئيس حزب", "رئيس حركه", "رئيس لجنه",
    "وزير", "وزيره", "الوزير", "الوزيره", "المتحدث باسم", "المتحدثه باسم", "الناطق باسم",
    "الناطقه باسم", "المتحدث الرسمي باسم", "الامين العام", "الامين العام المساعد", "المبعوث",
    "المبعوث الخاص", "الموفد", "الملك", "الملكه", "الامير", "ولي العهد", "الشيخ", "السلطان",
    "السفير", "السفيره", "النائب", "النائبه", "اللواء", "العميد", "العقيد", "المقدم", "الفريق",
    "الفريق اول", "المشير", "الجنرال", "العماد", "الاميرال", "القائد", "زعيم", "الزعيم", "المرشد",
    "اية الله", "اية الله العظمي", "اية الله العظمي السيد", "الدكتور", "الدكتوره", "د", "المستشار",
    "المستشاره", "السيناتور", "عضو الكونغرس", "الحاكم", "حاكم", "محافظ", "المحافظ", "قائد",
    "مدير", "المدير", "المدير العام", "رئيسه الوزراء", "المرشح", "المرشحه", "القاضي", "المدعي العام",
    "البابا", "الكاردينال", "المطران", "الامام", "المفتي", "السيد", "السيده", "الاستاذ", "المهندس",
    "الناشط", "الناشطه", "الصحفي", "الصحفيه", "الكاتب", "الكاتبه", "المحلل", "الخبير", "المعارض",
    "السير", "سير", "الليدي", "اللورد", "لورد", "البارون", "الحاخام", "القس", "الأب", "الأخ", "الحاج",
}}, key=lambda t: (-len(t), t)))

# Titles whose complement (وزير الخارجية، المتحدث باسم الجيش) comes before the name.
_TAKES_COMPLEMENT = {fold(t) for t in {"وزير", "وزيره", "الوزير", "الوزيره", "المتحدث باسم", "المتحدثه باسم",
                     "الناطق باسم", "الناطقه باسم", "المتحدث الرسمي باسم", "رئيس حزب", "رئيس حركه",
                     "رئيس لجنه", "محافظ", "المحافظ", "حاكم", "الحاكم", "مدير", "المدير", "قائد",
                     "القائد", "زعيم", "الزعيم", "رئيس الوفد", "الامين العام", "المبعوث",
                     "المبعوث الخاص", "رئيس المخابرات", "المدير العام", "عضو الكونغرس"}}

_MINISTER_TITLES = {fold(t) for t in ("وزير", "وزيره", "الوزير", "الوزيره")}

# Words that end a name (folded): prepositions, particles, frequent news verbs and time words.
STOP_WORDS = frozenset(fold(w) for w in """
في من الي الى علي على عن مع ان إن انه انها قد لقد لم لن لا ما ماذا كما كان كانت يكون تكون هو هي
هم هذا هذه ذلك تلك الذي التي الذين اللذين اللتين او أو ثم بل لكن لكنه حيث حين عند عندما بعد قبل
منذ خلال بين حول ضد دون غير امام أمام وراء لدي لدى الا إلا اي أي كل بعض جميع يوم اليوم امس أمس غدا
الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت صباح مساء ليله مطلع نهايه الاسبوع الشهر
العام عام سنه قال قالت يقول تقول اكد اكدت يؤكد يوكد تؤكد اعلن اعلنت يعلن تعلن اشار اشارت يشير تشير
اوضح اوضحت يوضح توضح دعا دعت يدعو تدعو اعتبر اعتبرت يعتبر تعتبر شدد شددت يشدد تشدد كشف كشفت يكشف
تكشف وصف وصفت يصف بحث بحثت يبحث تبحث التقي التقى يلتقي استقبل استقبلت يستقبل اضاف اضافت يضيف
تضيف ذكر ذكرت يذكر تذكر نفي نفت ينفي تنفي طالب طالبت يطالب تطالب حذر حذرت يحذر تحذر رحب رحبت يرحب
ترحب زار زارت يزور تزور وصل وصلت يصل تصل غادر غادرت اجري أجرى اجرت يجري تجري عقد عقدت يعقد تعقد
تلقي تلقى اتصالا اتصال هاتفيا هاتفي بيان بيانا تصريح تصريحات كلمه خطاب مؤتمر موتمر لقاء اجتماع
انه إنه ان نحو عبر وفق وفقا بحسب حسب لدي بان بأن لان لأن اذا إذا اذ إذ سوف قبيل عقب اثر إثر
الرسمي الرسميه رسميا ايضا أيضا كذلك نفسه نفسها اليوم حاليا سابقا مرة مره مجددا ثانية أخرى لاحقا
بسبب عدم جراء رغم وسط نتيجة لدى إزاء حيال تجاه
توفي توفيت قتل قتلت أصيب أصيبت فاز فازت خسر خسرت رحل اعتقل عاد عادت بدأ بدأت انتقل سجل لعب قاد حصل
حصلت نجا سقط
""".split())

# Adjectives that may sit between a title and the name (beyond nationality adjectives in -ي).
_TITLE_ADJECTIVES = frozenset(fold(w) for w in """
السابق السابقة الأسبق الحالي الحالية الراحل الراحلة المخلوع المنتخب المنتخبة الجديد الجديدة
المكلف المكلفة الأول الأولى العام العامة المساعد المساعدة الخاص الخاصة الأعلى الأممي الأممية
المؤقت المؤقتة المستقيل المستقيلة الفخري المنتهية ولايته الأسبق المقال
""".split())

@dataclass(slots=True)
class _Token:
    folded: str  # folded, proclitic not removed
    start: int  # offsets in the original text
    end: int
    broken: bool  # punctuation or a line break sits between the previous token and this one
    fend: int  # end offset in the folded text


def _strip_proclitic(word: str) -> str:
    """The word without a leading و/ف (used to find a title like "وقال الرئيس" or "ووزير")."""
    if len(word) > 3 and word[0] in "وف":
        return word[1:]
    return word


def _is_nisba(word: str) -> bool:
    """Definite nationality/relational adjective: الروسي، الأمريكية، العراقيين."""
    return word.startswith("ال") and (word.endswith("ي") or word.endswith("يه")) and len(word) > 4


_TITLES_BY_FIRST: dict[str, list[list[str]]] = {}
for _t in PERSON_TITLES:  # longest first, as PERSON_TITLES is sorted
    _TITLES_BY_FIRST.setdefault(_t.split(" ")[0], []).append(_t.split(" "))


def _match_title(tokens: list[_Token], i: int) -> tuple[str, int] | None:
    """The title starting at token i: (title, number of tokens), longest first."""
    first = tokens[i].folded
    options = _TITLES_BY_FIRST.get(first) or _TITLES_BY_FIRST.get(_strip_proclitic(first))
    if not options:
        return None
    for parts in options:
        n = len(parts)
        if i + n > len(tokens):
            continue
        if all(tokens[i + k].folded == parts[k] and not tokens[i + k].broken for k in range(1, n)):
            return " ".join(parts), n
    return None


_MINISTRY_WORDS = frozenset(fold(w) for w in """
خارجية داخلية دفاع مالية عدل اقتصاد صحة تعليم نفط طاقة إعلام ثقافة زراعة نقل سياحة عمل تجارة
خزانة خزانه شؤون دولة أمن استخبارات مخابرات جيش حكومة
""".split())


def _skip_title_modifiers(tokens: list[_Token], j: int, title: str,
                          covered: _Coverage, lex: "_Lex") -> int:
    """Step over the title's complement and adjectives: وزير [خارجية روسيا] [الروسي] [السابق]."""
    if title in _TAKES_COMPLEMENT:
        steps = 0
        while j < len(tokens) and steps < 5 and not tokens[j].broken:
            w = tokens[j].folded
            if w in lex.given or w in lex.ambiguous:
                break  # "وزيرة المهجرين أليس شبطيني": أليس folds like a definite noun
            if (w.startswith("ال") or w.startswith("لل") or w in _MINISTRY_WORDS
                    or w in ("مكتب", "وزاره", "باسم")
                    or _overlaps(tokens[j], covered, ("place", "organization"))):
                j += 1
                steps += 1
                continue
            break
    while j < len(tokens) and not tokens[j].broken and (
            _is_nisba(tokens[j].folded) or tokens[j].folded in _TITLE_ADJECTIVES
            or _overlaps(tokens[j], covered, ("place",))):
        j += 1
    return j


def _overlaps(tok: _Token, covered: _Coverage, kinds: tuple[str, ...] = ()) -> bool:
    return covered.any(tok.start, tok.end, kinds)


MAX_NAME_WORDS = 7  # words of one person's name, connectors included
MAX_ORG_WORDS = 7  # words after an organisation's head
QUOTED_NAME_CHARS = 60  # a quoted name after a head closes within this many characters
_OPEN_QUOTES = ("«", '"', "“")

# Organisation heads (folded); with a proclitic they are still heads (بوزارة، والمجلس).
ORG_HEADS = frozenset(fold(w) for w in """وزارة هيئة مجلس حزب حركة جبهة جهاز مؤسسة شركة جامعة كلية
    نادي منتخب بنك مصرف محكمة قوات جيش لواء فرقة كتائب كتيبة تنظيم اتحاد منظمة وكالة صحيفة جريدة قناة
    إذاعة مركز معهد غرفة بلدية أمانة إدارة مديرية نقابة جمعية رابطة تحالف ائتلاف لجنة رئاسة أكاديمية
    مدارس مدرسة مستشفى صندوق مجموعة برنامج مفوضية دائرة جماعة سلاح الرئاسة الإدارة حكومة صحة
    تعليم""".split())
# Heads that as often name a room, a unit or a programme as an institution (مركز التدريب، إدارة
# الجمعية): the name after them needs two words or more.
WEAK_HEADS = frozenset(fold(w) for w in """مركز إدارة الإدارة غرفة برنامج جهاز مجموعة مدارس مدرسة مستشفى
    دائرة مديرية قوات جيش فرقة كلية معهد أكاديمية لجنة تنظيم""".split())
# Heads that after ب or ل say who leads or what is sought (برئاسة فلان "chaired by", بإدارة "run by",
# لرئاسة "for the presidency of"; but لإدارة is also "to the department of"), not an institution.
LED_BY = frozenset(fold(w) for w in "رئاسة إدارة قيادة".split())
# Heads that say "the forces of": before a definite head (قوات الجيش الوطني) the organisation is the latter.
FORCE_HEADS = frozenset((fold("قوات"),))
# Words after a head that make a board or an office, not an institution: مجلس الإدارة، مجلس الأمناء;
# or that name no one place (مجلس المحافظة is the council of whichever governorate the article is about).
GENERIC_NAMES = frozenset(fold(w) for w in """الإدارة إدارة الأمناء الأعضاء المديرين السير المرور الملاحة
    الطيران الرياح التجارة الأسعار المحافظة المنطقة المدينة الولاية الدولة القرية البلدة""".split())
# Heads that are a common noun before a proper name (صحيفة تلغراف، شركة سيمنز): the name is the
# proper noun; the form with the head is kept as another surface.
GENERIC_HEADS = frozenset(fold(w) for w in "صحيفة جريدة قناة إذاعة شركة مجموعة وكالة موقع مجلة بنك مصرف".split())
# Heads whose name is often a place: "أمانة جازان", "جامعة القاهرة", "نادي حائل".
LOCAL_HEADS = frozenset(fold(w) for w in """أمانة بلدية جامعة إمارة شرطة نادي غرفة صحة تعليم حكومة رئاسة
    أكاديمية كلية معهد""".split())
# Heads that name an organisation only with a place after them: "صحة تبوك", "حكومة أنقرة".
PLACE_ONLY_HEADS = frozenset(fold(w) for w in "صحة تعليم حكومة".split())
# Definite heads that name one organisation with a nationality adjective: الجيش اليمني.
NATIONAL_HEADS = frozenset(fold(w) for w in """الجيش الحكومة المنتخب القوات الشرطة البرلمان الأمن
    الاستخبارات المخابرات البحرية الخارجية الداخلية التلفزيون السفارة الكشاف""".split())
# Definite heads named by an adjective of their own (الدفاع المدني، اللجنة الوطنية للحج والعمرة،
# الجهاز المركزي للإحصاء): head + a nisba or fixed adjective, and what goes on the name after it.
DEFINITE_HEADS = frozenset(fold(w) for w in """الدفاع الحرس اللجنة الجهاز الهيئة المجلس الاتحاد الإدارة
    المقاومة الجيش الحزب الهلال الصندوق المركز المؤسسة المخابرات الاستخبارات الكشاف الشرطة
    الأمن""".split())
# Words after which an organisation's name does not go on: titles (مركز الأمير … is not a name yet).
TITLE_WORDS = frozenset(fold(w) for w in """الأمير الملك الشيخ الرئيس الدكتور السيد الإمام السلطان
    الوزير""".split())
# Place triggers (folded): the name after one is a place.
PLACE_TRIGGERS = frozenset(fold(w) for w in """مدينة محافظة منطقة ولاية إقليم بلدة قرية مخيم حي ريف
    جزيرة نهر جبل مطار ميناء قضاء ناحية واحة وادي""".split())
# Places of the lexicon that are also everyday words in running text; they count after a trigger only.
PLAIN_PLACES = frozenset(fold(w) for w in """المدينة العين الشرقية البيضاء العقبة الوسطى الشمالية
    الجنوبية الغربية الشمال الجنوب الشرق الغرب الوسط المركز الساحل الخليج البلاد الدولة العاصمة
    المملكة الجزيرة الريف الصحراء الحدود الجبل الوادي القرية المنطقة المحافظة البحر النهر المتوسط
    الصليبية الهلالية مالي العاصمة المقدسة الظهر الفجر العصر المغرب العشاء""".split())
# Words that are never part of a personal name: titles and roles, and nouns that follow a name.
NOT_NAME = frozenset(fold(w) for w in """رئيس الرئيس وزير الوزير نائب عضو مدير المدير المدرب مدرب لاعب
    اللاعب قائد القائد أمين الأمين سفير السفير مستشار المستشار الأمير الملك الشيخ الدكتور المهندس
    الفني الرياضي التنفيذي العام المساعد السابق الحالي الراحل حتى بثقة ضمن خلال بعد قبل بشأن بينما
    المسؤول المتحدث الناطق المستشار المحافظ الوكيل المشرف
    المشروع المشاريع الوفد الحفل المؤتمر الاجتماع الجلسة المعرض الملتقى الفعاليات البرنامج الاتفاقية
    الموقع العمل الجائزة المباراة الفريق اللقاء الندوة الدورة القمة الزيارة الاحتفال المهرجان المبنى
    المركز المدينة المنطقة الخطة القرار الأمر الملف الحادث الهجوم الخبر التقرير البيان الرسالة
    أهالي الأهالي أهل سكان المواطنين المرشح المرشحة الحارس المهاجم المدافع النائب الناشط الكاتب
    المحلل الخبير المعارض المختص المختصة المعني المعنية المذكور الشهير المعروف""".split())
# A one-word place that is also a feminine adjective (السلمية = Salamiyah or "peaceful") counts only
# after one of these or with a proclitic (بالسلمية).
PLACE_PREPOSITIONS = frozenset(fold(w) for w in "في من إلى الى نحو قرب داخل حول شمال جنوب شرق غرب".split())
# Triggers that are also common nouns or verbal nouns (منطقة الإغلاق، قضاء حوائجهم): the name after
# them must be a place of the lexicon.
REGION_TRIGGERS = frozenset(fold(w) for w in "منطقة ولاية إقليم قضاء ناحية جزيرة نهر جبل وادي واحة".split())
PHOTO_CREDITS = frozenset(fold(w) for w in "تصوير عدسة بعدسة تصوير: صور".split())
DIRECTIONS = frozenset(fold(w) for w in "شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي أقصى".split())
# Connectors inside a personal name (folded).
# Nouns that take a family (آل سعود) as their complement, so that the word before آل is no given name.
FAMILY_HOLDERS = frozenset(fold(w) for w in """أسرة عائلة بيت قبيلة عشيرة حكم نظام أبناء بنات أحفاد
شيوخ أمراء ملوك دولة مملكة عهد عرش زمن عصر حكومة قصر جيل أفراد نساء رجال كبار قصور ديوان مجلس
قبائل عشائر أسر عائلات بيوت مشايخ منازل ديار أرض أملاك شركات مؤسسة
""".split())
NASAB = frozenset(("بن", "ابن", "بنت", "ولد"))
KUNYA = frozenset(("ابو", "ام", "ابي", "ابا"))
FAMILY = frozenset(("ال",))  # آل سعود (folded آل → ال)
ENDINGS = ("اوغلو", "زاده")
PROCLITICS = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل")

_WORD = re.compile(r"[\u0621-\u064A]+|[A-Za-z][A-Za-z.&-]*|\d+")
_BREAK = re.compile(r"[.,;:!?()\[\]{}،؛؟\"'«»“”\n\-–—/|]")
_PRONOUN = re.compile(r"(?:ته|تها|تهم|تهما|هم|هما|كم|ها)$")
_VERB = re.compile(r"^(?:[يتن]ت|[يتن]ست|ست|سي)\w{2,}")


@dataclass
class Found:
    """A name the recogniser found: its surface as written, folded key, type and evidence."""

    name: str
    key: str
    type: str  # person | organization | place
    start: int
    end: int
    strong: bool
    evidence: str
    surfaces: list[str] = field(default_factory=list)  # other forms of this mention (with its trigger)
    entity: str | None = None  # a gazetteer id the curator merged this name into


@dataclass
class _Words:
    toks: list[_Token]
    text: str
    swallowed: list[tuple[int, int]] = field(default_factory=list)  # gazetteer spans inside found names
    # start offset of a one-word gazetteer person match (a surname alias: مدبولي) -> (its end, the
    # words of that person's names and aliases, folded)
    surnames: dict[int, tuple[int, frozenset[str]]] = field(default_factory=dict)

    def raw(self, i: int) -> str:
        t = self.toks[i]
        return self.text[t.start:t.end]


def _tokens(text: str, folded: str, index: list[int]) -> list[_Token]:
    """The words of the folded text, each with its span in `text` and whether punctuation or a line
    break stands between it and the previous word."""
    out: list[_Token] = []
    prev = 0
    for m in _WORD.finditer(folded):
        a, b = m.span()
        gap = folded[prev:a]
        broken = not out or (gap != " " and bool(_BREAK.search(gap)))
        out.append(_Token(m.group(), index[a], index[b - 1] + 1, broken, b))
        prev = b
    return out


@lru_cache(maxsize=1 << 16)
def _bare(word: str) -> tuple[str, ...]:
    """The word and its forms without proclitics: وبالرياض → بالرياض، الرياض; للأمم → الامم."""
    out = [word]
    for p in PROCLITICS:
        if word.startswith(p) and len(word) - len(p) >= 3:
            rest = word[len(p):]
            out.append(rest)
            if p.endswith("ل") and rest.startswith("ل") and len(rest) > 3:
                out.append("ا" + rest)  # للأمم → الأمم
    if word.startswith("لل") and len(word) > 4:
        out.append("ا" + word[1:])
    return tuple(out)


class _Lex:
    def __init__(self) -> None:
        self.given = lexicons.words("given_names")
        self.ambiguous = lexicons.words("given_names_ambiguous")


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    return _Lex()


def _name_word(w: str, raw: str) -> bool:
    """A word that may stand in a personal name (not a particle, verb, title or pronoun-suffixed noun)."""
    if not re.fullmatch(r"[\u0621-\u064A]{2,}", w) or raw == "على":
        return False
    if w == "علي":
        return True  # the name علي (written with ي) folds like the preposition على
    if any(x in STOP_WORDS or x in NOT_NAME for x in _bare(w)):
        return False
    if _VERB.match(w) or "\u064b" in raw:  # present-tense verbs, tanween fath (رسمياً)
        return False
    if raw.endswith("ه") and not raw.endswith("الله") and len(raw) >= 4:
        return False  # a pronoun suffix: تصريحه، قوله (a name's ة is written ة)
    return True


def _family_noun(w: str, raw: str) -> bool:
    """An ال-word that may be a family name: not a feminine noun (الأزمة، written with ة) nor a
    verbal noun of the تفعيل form (التنظيم، التطوير), which are common nouns after a given name."""
    if raw.endswith("ة") or re.fullmatch(r"الت\w\wي\w|الت\wا\w\w", w):  # التنظيم، التعامل
        return False
    return True


def _family_word(w: str, raw: str, lex: "_Lex") -> bool:
    """A family name without the article, after the given names (رضا، كيري، مبارك): not a word with
    a proclitic (بقرار، لنصرة), a past verb (دفعت، أصيب), a feminine plural or a feminine noun."""
    if w in lex.given or w in lex.ambiguous:
        return True
    if w[0] in "بلكف" and (w[1:2] not in ("ا", "و") or raw[1:2] in ("إ", "أ")):
        return False  # بقرار، لنصرة، بإصلاح; but the family names باصمد، بوجبارة
    if w[0] in "وي":  # a conjunction-led word, an imperfect verb (يكتب)
        return False
    if re.fullmatch(r"ا\w{3}", w) or w.endswith(("ت", "نا")):  # verbs: دفعت، أصبحت، رأينا; ات plurals
        return False
    if w in ORG_HEADS or re.fullmatch(r"م\w\wو\w", w):  # "مجموعة", "مصدوم"
        return False
    if w[0] == "م" and not w.endswith("ي"):  # nouns of place and participles: موقع، مسؤول، مدير
        return False
    return True


def _role_accusative(w: str) -> bool:
    """A role noun in the indefinite accusative after a name, its tanween alif left (اختير منصور
    أميرا، عُيّن خالد مدربا): the stem without the alif is a role (NOT_NAME, a title)."""
    if not w.endswith("ا") or len(w) < 4:
        return False
    stem = w[:-1]
    return any(x in NOT_NAME or x in _TITLES_BY_FIRST for x in (stem, "ال" + stem))


def _person_from(w: _Words, i: int, covered: _Coverage, lex: _Lex, titled: bool, extending: bool = False,
                 single: bool = False) -> int:
    """End (exclusive token index) of the personal name starting at token i, or i when none. With
    `extending`, token i is the last word of a gazetteer person and the name goes on after it."""
    toks = w.toks
    n = len(toks)
    if extending:
        end = _person_from(w, i + 1, covered, lex, titled=True) if toks[i + 1].folded in NASAB else i + 1
        return end
    j = i
    words = 0
    family = False
    bare_family_ok = False
    taken: list[int] = []  # gazetteer surnames taken into this name as another person's family name
    while j < n and j - i < MAX_NAME_WORDS:
        t = toks[j]
        if j > i and (t.broken or covered.any(t.start, t.end)):
            if t.broken or family or not _another_bearer(w, i, j, lex):
                break
            taken.append(j)
        f = t.folded
        raw = w.raw(j)
        if f in NASAB and j > i and j + 1 < n and not toks[j + 1].broken \
                and covered.any(toks[j + 1].start, toks[j + 1].end, ("person",)):
            # "نواف بن سلمان بن عبدالعزيز": the son is named; the father's name (a gazetteer
            # person) is part of his, and is not tagged on its own
            k = j + 1
            while k < n and not toks[k].broken and covered.any(toks[k].start, toks[k].end, ("person",)):
                k += 1
            w.swallowed.append((toks[j + 1].start, toks[k - 1].end))
            j = k
            words += 1
            family = True
            if j >= n or toks[j].broken or toks[j].folded not in NASAB | FAMILY:
                break  # the father's name closes the son's unless the chain goes on
            continue
        if f in NASAB | KUNYA | FAMILY or f == "عبد":
            if j + 1 < n and not toks[j + 1].broken \
                    and (_name_word(toks[j + 1].folded, w.raw(j + 1)) or f in NASAB and w.raw(j + 1) == "على") \
                    and not covered.any(toks[j + 1].start, toks[j + 1].end):
                j += 2
                words += 1
                family = family or f != "عبد" or j - i > 2
                bare_family_ok = f in NASAB  # "وليد بن صالح باصمد": a family name may close the chain
                if f in FAMILY and (j >= n or toks[j].folded not in NASAB):
                    break  # "آل سعود" closes the name
                continue
            break
        if not _name_word(f, raw) and not (j == i and titled and raw == "على" and j + 1 < n
                                           and not toks[j + 1].broken and toks[j + 1].folded in lex.given):
            break  # "المقدم على عمير الشهراني": after a title and before a given name, على is علي
        if j > i:
            if f.startswith("و") and f not in lex.given:
                break  # "خالد وسعاد": a new phrase
            if _PRONOUN.search(f) and f not in lex.given and not f.endswith("الله"):
                break
        pair = f"{f} {toks[j + 1].folded}" if j + 1 < n and not toks[j + 1].broken else ""
        if pair in lex.given:  # "عز الدين", "عبد الله" written apart
            j += 2
            words += 1
            continue
        is_given = f in lex.given or f.endswith(ENDINGS)
        if j == i:
            connector_next = j + 1 < n and toks[j + 1].folded in NASAB | KUNYA | FAMILY
            given_next = j + 1 < n and not toks[j + 1].broken and toks[j + 1].folded in lex.given
            if not (is_given or titled and (f in lex.ambiguous or (connector_next or given_next)
                                             and _family_word(f, raw, lex))):
                return i
            j += 1
            words += 1
            continue
        if is_given or f in lex.ambiguous:
            j += 1
            words += 1
            continue
        if f.startswith("ال"):
            # a family name or nisba ends the name, unless a connector or another nisba follows;
            # a feminine nisba (الإرهابية) is an adjective, not a family name
            if f.endswith("يه") or (not _is_nisba(f) and (f in STOP_WORDS or len(f) < 4)) or not _family_noun(f, raw):
                break
            j += 1
            words += 1
            family = True
            nxt = toks[j].folded if j < n and not toks[j].broken else ""
            if nxt not in NASAB | FAMILY:
                break  # "عبدالعزيز الثنيان التربوي": an adjective after the family name is not in it
            continue
        # a family name without the article: only right after the given names (نذير رضا، جون كيري)
        if not _family_word(f, raw, lex) or (family and not bare_family_ok) or _role_accusative(f):
            break
        j += 1
        words += 1
        family = True
        nxt = toks[j].folded if j < n and not toks[j].broken else ""
        # "كمال مدبولي نصار": a second family word only where the name then ends
        after = toks[j + 1] if j + 1 < n else None
        bare_family_ok = bool(nxt) and words < 3 and (after is None or after.broken or after.folded in STOP_WORDS
                                                     or _VERB.match(after.folded) is not None)
        if not (nxt in NASAB | KUNYA | FAMILY or (nxt.startswith("ال") and _is_nisba(nxt)) or bare_family_ok):
            break
    if words < 2 and not extending and not (single and toks[i].folded in lex.given):
        return i  # one word is no name to publish: which عبدالله is "الملك عبدالله"?
    for k in taken:
        if k < j:
            w.swallowed.append((toks[k].start, toks[k].end))
    return j


def _another_bearer(w: _Words, i: int, j: int, lex: _Lex) -> bool:
    """Whether token j, a gazetteer person's one-word surname alias (مدبولي), is the family name of
    another person here: the given names before it (tokens i..j-1) are in the lexicon and none of
    them is one of that person's names ("كمال مدبولي نصار" is not "مصطفى مدبولي")."""
    t = w.toks[j]
    hit = w.surnames.get(t.start)
    if hit is None or hit[0] != t.end:
        return False
    given = [w.toks[k].folded for k in range(i, j)]
    return all(g in lex.given for g in given) and not any(g.replace(" ", "") in hit[1] for g in given)


def _proper_after_head(w: str, raw: str, places: frozenset[str]) -> bool:
    """A bare proper noun right after an organisation's head (حركة حماس، شركة سيمنز), not an
    indefinite adjective or noun: no participle (مناهضة، معينة), no verbal noun of the تفعيل form
    (تطوير، تركيب), no feminine or nisba ending, not a place (شركة برلين)."""
    if not _name_word(w, raw) or w in places or _PRONOUN.search(w) or w[0] in "ولب":
        return False
    if w.endswith("ت") and len(w) <= 5:  # a past verb: ضمنت، أعلنت
        return False
    if re.fullmatch(r"\w\wي\w", w):  # an adjective of the فعيل form: دقيق، كبير، جديد
        return False
    if w.endswith(("ي", "يه", "ه", "ات")) or (w[0] == "م" and len(w) >= 4) or re.fullmatch(r"ت\w{4}", w):
        return False
    return True


# Adjectives that make a definite head one institution: الدفاع المدني، الجهاز المركزي، اللجنة الوطنية.
INSTITUTIONAL = frozenset(fold(w) for w in """المدني الوطني الوطنية المركزي المركزية العام العامة الأعلى
    العليا الاتحادي الاتحادية الملكي الملكية الثوري الثورية الشعبي الشعبية العسكري العسكرية التشريعي
    التشريعية الدستوري الدستورية الإسلامي الإسلامية الدولي الدولية الأحمر المحلي المحلية الحربي الحربية
    الجوي الجوية البحري البحرية الدبلوماسي الأهلي الأهلية الخيري الخيرية""".split())
# Nisba adjectives that describe an event or a time, never part of a name: جلسة مجلس الوزراء الأسبوعية.
NOT_NAME_NISBAS = frozenset(fold(w) for w in """الأسبوعية الأسبوعي اليومية اليومي الشهرية الشهري السنوية
    السنوي الحالية الحالي الماضية الماضي الرسمية الرسمي الأولية الأولي النهائية النهائي الثانية الثاني
    الأولى الثالثة الثالث الرابعة الرابع الخامسة الخامس الفني الفنية الإداري الإدارية الصحفي الصحفية
    الاستثنائية الاستثنائي الطارئة التالية الحقيقي الحقيقية""".split())
ORG_ADJECTIVES = frozenset(fold(w) for w in """العام العامة العليا الأعلى الكبرى المتحدة الموحد الموحدة
    المشتركة المشترك الأحمر المستقلة المستقل الدائمة الدائم الموسعة الحرام الشريف الشريفين الأقصى
    المبارك المقدسة المقدس""".split())


def _name_continues(w: str, places: frozenset[str]) -> bool:
    """A definite word that goes on an organisation's name after its first word: a nisba adjective
    (البلدية، الوطنية، السعودية), a ل-phrase (للإحصاء، لشؤون), a coordinated noun (والقروية), a place
    (بالأحساء), or a fixed adjective (العامة، العليا، المتحدة)."""
    if w in NOT_NAME_NISBAS:
        return False
    if w.startswith(("لل", "ول")) or _is_nisba(w) or w in ORG_ADJECTIVES:
        return True
    if w.startswith("وال"):
        return _is_nisba(w[1:])  # "والقروية", not "واللاعبين"
    return any(x in places for x in _bare(w))


def _nationality(w: str, places: frozenset[str]) -> bool:
    """A nationality adjective (اليمني، الصينية، الأمريكية، السعودية): a nisba of a place."""
    if not (_is_nisba(w)):
        return False
    stem = w[2:-2] if w.endswith("يه") else w[2:-1]
    return any(x in places for x in (stem, "ال" + stem, stem + "ا", stem + "يا", "ال" + stem + "يه",
                                       stem + "ان", "ال" + stem + "ي"))


def _org_from(w: _Words, i: int, covered: _Coverage, head: str, places: frozenset[str], lex: "_Lex") -> int:
    """End of the organisation named by the head at token i (its name phrase), or i when none."""
    toks = w.toks
    n = len(toks)
    j = i + 1
    names = 0
    lphrases = 0  # ل-phrases taken (للحج، لتنمية الشباب)
    if j >= n or toks[j].broken:
        return i
    if covered.any(toks[j].start, toks[j].end):
        # "تنظيم داعش": the name is the gazetteer's; but "حكومة أنقرة", "رئاسة إقليم كردستان": a local
        # head and a gazetteer place name an organisation that contains the place
        if head not in LOCAL_HEADS or not covered.any(toks[j].start, toks[j].end, ("place",)):
            return i
        k = j
        while k < n and not toks[k].broken and covered.any(toks[k].start, toks[k].end, ("place",)):
            k += 1
        return k
    if any(q in w.text[toks[i].end:toks[j].start] for q in _OPEN_QUOTES):
        # a quoted name: صحيفة «ميل أون صنداي»، شركة "آفجين ليمتد"
        close = re.search(r'[»"”]', w.text[toks[j].start:toks[j].start + QUOTED_NAME_CHARS])
        if close is None:
            return i
        limit = toks[j].start + close.start()
        k = j
        while k < n and toks[k].end <= limit:
            k += 1
        return k if k > j else i
    while j < n and j - i <= MAX_ORG_WORDS:
        t = toks[j]
        if t.broken or covered.any(t.start, t.end, ("person", "organization")):
            break
        f = t.folded
        forms = _bare(f)
        if any(x in STOP_WORDS for x in forms) or _VERB.match(f):
            break
        if f in TITLE_WORDS and names == 0:
            # "مستشفى الملك فهد", "مركز الأمير فهد لتنمية الشباب": a title and a person's name
            end = _person_from(w, j + 1, covered, lex, titled=True, single=True) if j + 1 < n else j + 1
            if end <= j + 1:
                break
            j = end
            names += 2
            continue
        if names == 0 and f.startswith(("لل", "ل")) and not f.startswith("ال"):
            break  # "منظمة للجهود …": a ل-phrase is no name
        definite = f.startswith(("ال", "لل", "بال")) or (f.startswith(("وال", "ول")) and names > 0)
        prev = toks[j - 1].folded
        pair = f"{_bare(f)[-1]} {toks[j + 1].folded}" if j + 1 < n and not toks[j + 1].broken else ""
        if f.startswith("ل") and not f.startswith("ال"):
            if lphrases:
                break  # one ل-phrase names the purpose: "الاتحاد الليبيري لكرة القدم [لرئاسة الفيفا]"
            lphrases += 1
        if names and f.startswith("ل") and not definite and j + 1 < n and not toks[j + 1].broken \
                and toks[j + 1].folded.startswith("ال") and _name_word(f, w.raw(j)):
            j += 2  # "… لتنمية الشباب"
            names += 1
            continue
        if definite and pair in places:
            j += 2  # "أمانة العاصمة المقدسة", "… بالعاصمة المقدسة"
            names += 1
            continue
        if definite and (names == 0 or _name_continues(f, places) or prev == "ذوي"
                         or (f.startswith("وال") and prev.startswith(("لل", "ل")))
                         # "جمعية الثقافة والفنون", "وزارة الاقتصاد والتخطيط"; not "وزارة الدفاع والجيش"
                         or (names == 1 and f.startswith("وال") and f[1:] not in NATIONAL_HEADS
                             and f[1:] not in DEFINITE_HEADS and f[2:] not in ORG_HEADS
                             and f[1:] not in NOT_NAME)):
            j += 1
            names += 1
            continue
        if definite:
            break  # "وزارة الصحة الضخمة": a descriptive adjective is not part of the name
        if names == 0 and j == i + 1 and head in LOCAL_HEADS and any(x in places for x in _bare(f)):
            j += 1  # "أمانة جازان", "جامعة القاهرة", "نادي حائل الأدبي"
            names += 2
            if j < n and not toks[j].broken and _is_nisba(toks[j].folded) and toks[j].folded not in NOT_NAME_NISBAS:
                j += 1
            break
        after = toks[j + 1] if j + 1 < n else None
        # a bare noun followed by another word (not a nisba, a verb or a particle) is the first term of a
        # genitive phrase ("وكالة أنباء فارس", "هيئة أعضاء التدريس"), not a proper name
        nxt_def = after is not None and not after.broken and not (
            _is_nisba(after.folded) or after.folded in STOP_WORDS or _VERB.match(after.folded)
            or after.folded[0] in "يت" or covered.any(after.start, after.end, ("organization",)))
        # "صحيفة تلغراف البريطانية", "مجموعة واعد التطوعية": a bare word between a head and a definite
        # adjective agreeing with the head is the organisation's proper name
        described = after is not None and not after.broken and _is_nisba(after.folded) \
            and (head in GENERIC_HEADS or _nationality(after.folded, places)) and f not in GENERIC_NAMES \
            and after.folded not in NOT_NAME_NISBAS and _name_word(f, w.raw(j)) and f not in places \
            and not _PRONOUN.search(f) and not f.endswith(("ي", "يه", "ات")) and len(f) >= 3
        if names == 0 and j == i + 1 and (described or _proper_after_head(f, w.raw(j), places) and not nxt_def
                                          and not (f[0] in "يت" and f not in lex.given)):
            j += 1
            names += 2  # a proper name is enough even after a weak head: "مجموعة واعد"
            if not described and j < n and not toks[j].broken and _is_nisba(toks[j].folded):
                j += 1  # the adjective that made it a name describes it and is not in it
            break
        if f in ("ذوي",) and names:
            j += 1
            continue
        break
    # an organisation does not end on a title
    while j > i + 1 and toks[j - 1].folded in TITLE_WORDS:
        j -= 1
        names -= 1
    if names == 0 or (head in WEAK_HEADS and names < 2) or (head in PLACE_ONLY_HEADS and names < 2):
        return i
    if names == 1 and toks[i + 1].folded in GENERIC_NAMES:
        return i
    return j


_OPENERS: list[tuple[frozenset[str], frozenset[str]]] = []
_OPENS: dict[int, dict[str, bool]] = {}  # id of an openers set -> word -> can open a name


def _openers(lex: "_Lex", places: frozenset[str]) -> frozenset[str]:
    """Every word that can open a name: a title's first word, a head, a place trigger, the first
    word of a place or of a given name. Kept for the last place set seen (compared by identity)."""
    if not _OPENERS or _OPENERS[0][0] is not places:
        words = set(_TITLES_BY_FIRST) | ORG_HEADS | NATIONAL_HEADS | DEFINITE_HEADS | PLACE_TRIGGERS
        words |= _first_words(places) | {g.split(" ", 1)[0] for g in lex.given}
        _OPENERS[:] = [(places, frozenset(words))]
        _OPENS.clear()
    return _OPENERS[0][1]


_FIRST_WORDS: list[tuple[frozenset[str], frozenset[str]]] = []


def _first_words(places: frozenset[str]) -> frozenset[str]:
    """The first words of the place names (a quick test before looking up whole names), kept for the
    last place set seen: compared by identity, as comparing two equal sets costs their size."""
    if not _FIRST_WORDS or _FIRST_WORDS[0][0] is not places:
        _FIRST_WORDS[:] = [(places, frozenset(p.split(" ", 1)[0] for p in places))]
    return _FIRST_WORDS[0][1]


def _place_at(w: _Words, i: int, places: frozenset[str], covered: _Coverage) -> tuple[int, int] | None:
    """A lexicon place starting at token i: (end token, characters of proclitic to skip)."""
    toks = w.toks
    firsts = _first_words(places)
    if not any(form in firsts for form in _bare(toks[i].folded)):
        return None
    for size in (3, 2, 1):
        if i + size > len(toks) or any(toks[k].broken for k in range(i + 1, i + size)):
            continue
        rest = " ".join(t.folded for t in toks[i + 1:i + size])
        for form in _bare(toks[i].folded):
            key = (form + " " + rest).strip()
            if key in places and key not in PLAIN_PLACES and len(key) >= 3 \
                    and not (size == 1 and form == toks[i].folded and _is_nisba(form) and form.endswith("يه")
                             and not (i and toks[i - 1].folded in PLACE_PREPOSITIONS)):
                if covered.any(toks[i].start, toks[i + size - 1].end):
                    return None
                raw = w.raw(i + size - 1)
                if raw.endswith("ه") and len(raw) >= 4:
                    return None  # "مصيره" (his fate) folds like the island مصيرة
                skip = len(toks[i].folded) - len(form)
                return i + size, max(skip, 0)
    return None


@dataclass
class Recognised:
    found: list[Found]
    # spans (start, end) of gazetteer names that a found name contains ("سلمان بن عبدالعزيز" inside
    # "نواف بن سلمان بن عبدالعزيز"): the caller matches the gazetteer again without them
    inside: list[tuple[int, int]]
    # spans (start, end) of a gazetteer person's name written more fully (its nasab after it): the
    # caller adds the longer form to that entity's surfaces
    extended: list[tuple[int, int]] = field(default_factory=list)


def _after_letters(text: str, start: int, end: int, skip: int) -> int:
    """Offset in text[start:end] after its first `skip` letters that fold to something (a proclitic
    written with a diacritic or tatweel is skipped whole)."""
    while skip > 0 and start < end:
        if fold(text[start]):
            skip -= 1
        start += 1
    return start


def recognise(text: str, gazetteer: Gazetteer, places: frozenset[str]) -> list[Found]:
    """Names in `text` that the gazetteer does not hold (see the module docstring)."""
    return recognise_all(text, gazetteer, places).found


def recognise_all(text: str, gazetteer: Gazetteer, places: frozenset[str]) -> Recognised:
    """`recognise`, and the gazetteer names found inside longer found names."""
    if not text:
        return Recognised([], [])
    analysis = _analyse(text, gazetteer)
    covered = _Coverage(text, _entity_spans(text, gazetteer))
    w = _Words(_tokens(text, analysis.folded, analysis.index), text)
    for a, b, ent in analysis.resolved:
        e = gazetteer.entities.get(ent)
        if e is not None and e.type == "person" and " " not in analysis.folded[a:b].strip():
            names = {x for form in (e.name, *e.aliases) for x in fold(form).split()}
            w.surnames[analysis.index[a]] = (analysis.index[b - 1] + 1, frozenset(names))
    toks = w.toks
    lex = _lex()
    out: list[Found] = []
    i = 0
    n = len(toks)

    def begin(a: int, skip: int) -> int:
        """Offset of token a without its first `skip` (folded) letters: بالرياض → الرياض."""
        start = _after_letters(text, toks[a].start, toks[a].end, skip)
        # and what stands between the proclitic and the name: "لـ«عكاظ»" → عكاظ
        while start < toks[a].end and (text[start] in _OPEN_QUOTES or not fold(text[start]).strip()):
            start += 1
        return start

    def add(a: int, b: int, kind: str, strong: bool, evidence: str, skip: int = 0,
            also: tuple[int, int] | None = None) -> None:
        start = begin(a, skip)
        name = re.sub(r"\s+", " ", re.sub(r'[«»"“”]', " ", text[start:toks[b - 1].end])).strip()
        if toks[a].folded.startswith("لل") and skip == 0 and kind != "person":
            name = "ا" + name[1:]  # "للإدارة العامة" → "الإدارة العامة"
        found = Found(name, normalise_form(name), kind, start, toks[b - 1].end, strong, evidence)
        if also is not None:  # the form with its trigger word ("محافظة أبين") as a second surface
            found.surfaces.append(re.sub(r"\s+", " ", text[begin(*also):toks[b - 1].end]))
        out.append(found)

    openers = _openers(lex, places)
    opens = _OPENS.setdefault(id(openers), {})
    extended: list[tuple[int, int]] = []
    while i < n:
        t = toks[i]
        f = t.folded
        if f in NASAB and i and not t.broken and covered.any(toks[i - 1].start, toks[i - 1].end, ("person",)):
            # "محمد بن نايف بن عبدالعزيز آل سعود": the gazetteer's person named more fully
            end = _person_from(w, i - 1, covered, lex, titled=True, extending=True)
            if end > i + 1:
                start = i - 1
                while start and not toks[start].broken and covered.any(toks[start - 1].start, toks[start - 1].end,
                                                                       ("person",)):
                    start -= 1
                extended.append((toks[start].start, toks[end - 1].end))
                i = end
                continue
        can = opens.get(f)
        if can is None:
            can = opens[f] = f in openers or any(x in openers for x in _bare(f)) or _strip_proclitic(f) in openers
        if not can and i + 2 < n and toks[i + 1].folded in FAMILY and not toks[i + 1].broken \
                and not covered.any(t.start, t.end) and f not in FAMILY_HOLDERS \
                and _name_word(f, w.raw(i)) and _family_word(f, w.raw(i), lex):
            # "دواس آل منصور": a word before آل + a family name is a given name
            end = _person_from(w, i, covered, lex, titled=True)
            if end > i + 2:
                add(i, end, "person", False, "family name with آل")
                i = end
                continue
        if not can or covered.any(t.start, t.end):
            i += 1  # a word that can open no name (most words): nothing to do
            continue
        # a title, then a name
        m = _match_title(toks, i) if not f.startswith(("ب", "ل")) or f[1:2] != "ا" else None
        if m:
            title, size = m
            j = _skip_title_modifiers(toks, i + size, title, covered, lex)
            # "النائب الأول للرئيس …": a role of the title's holder (ل + title) goes with the title
            while j < n and not toks[j].broken and toks[j].folded.startswith("ل") \
                    and ("ا" + toks[j].folded[1:] in _TITLES_BY_FIRST or toks[j].folded[1:] in _TITLES_BY_FIRST):
                j = _skip_title_modifiers(toks, j + 1, title, covered, lex)
            if j < n and not toks[j].broken and not covered.any(toks[j].start, toks[j].end) \
                    and _match_title(toks, j) is None:
                end = _person_from(w, j, covered, lex, titled=True)
                if end > j:
                    strong = end - j >= 2 and toks[j].folded in lex.given
                    add(j, end, "person", strong, f"title {title}")
                    i = end
                    continue
            # no name after the title: the complement of a title other than a minister's may name an
            # organisation ("مدير المخابرات الحربية"); a minister's is a portfolio (وزير الدفاع الأمريكي)
            i = j if title in _MINISTER_TITLES or j <= i else i + size
            continue
        # an organisation head
        heads = [x for x in _bare(f) if x in ORG_HEADS]
        if heads and f != heads[-1] and heads[-1] in LED_BY and (f[0] == "ب" or f[0] == "ل" and heads[-1] != "اداره"):
            heads = []  # "برئاسة الأمير فهد": chaired by; "لرئاسة الاتحاد": for the presidency of
        if heads and heads[-1] in FORCE_HEADS and i + 1 < n and not toks[i + 1].broken \
                and toks[i + 1].folded in NATIONAL_HEADS | DEFINITE_HEADS:
            i += 1  # "قوات الجيش الوطني": the forces of an organisation named after them
            continue
        if heads:
            end = _org_from(w, i, covered, heads[-1], places, lex)
            if end > i:
                skip = len(f) - len(heads[-1])
                if heads[-1] in GENERIC_HEADS and not toks[i + 1].folded.startswith("ال"):
                    # "صحيفة «ميل أون صنداي»", "شركة سيمنز": the name is the proper noun
                    add(i + 1, end, "organization", True, f"head {heads[0]}", also=(i, skip))
                else:
                    add(i, end, "organization", True, f"head {heads[0]}", skip=skip)
                i = end
                continue
        dhead = next((x for x in _bare(f) if x in NATIONAL_HEADS or x in DEFINITE_HEADS), "")
        dskip = len(f) - len(dhead) if dhead and f.endswith(dhead[1:]) else 0
        if f.startswith("لل") and dhead:
            dskip = 0  # "للجيش" is ل + الجيش; the name keeps its article (restored by `add`)
        if dhead in NATIONAL_HEADS and i + 1 < n and not toks[i + 1].broken and _nationality(toks[i + 1].folded, places) \
                and not covered.any(toks[i + 1].start, toks[i + 1].end):
            add(i, i + 2, "organization", True, f"head {dhead}", skip=dskip)
            i += 2
            continue
        if dhead in DEFINITE_HEADS and i + 1 < n and not toks[i + 1].broken \
                and not covered.any(toks[i + 1].start, toks[i + 1].end) \
                and (_nationality(toks[i + 1].folded, places) or toks[i + 1].folded in INSTITUTIONAL):
            end = i + 2
            lphrases = 0
            while end < n and not toks[end].broken and end - i <= MAX_ORG_WORDS \
                    and not (lphrases and toks[end].folded.startswith("ل")) \
                    and not covered.any(toks[end].start, toks[end].end) \
                    and (_name_continues(toks[end].folded, places)
                         or toks[end].folded.startswith("وال") and toks[end - 1].folded.startswith("ل")
                         or toks[end].folded.startswith("ل") and end + 1 < n and not toks[end + 1].broken
                         and toks[end + 1].folded.startswith("ال")):  # "الاتحاد الدولي لكرة القدم"
                if toks[end].folded.startswith("ل"):
                    lphrases += 1  # one ل-phrase: "الاتحاد الليبيري لكرة القدم [لرئاسة الفيفا]"
                    if not toks[end].folded.startswith("لل") and not _name_continues(toks[end].folded, places):
                        end += 1
                end += 1
            add(i, end, "organization", True, f"head {dhead}", skip=dskip)
            i = end
            continue
        # a place trigger, then its name
        trig = [x for x in _bare(f) if x in PLACE_TRIGGERS]
        if trig and i + 1 < n and not toks[i + 1].broken:
            nxt = toks[i + 1]
            raw_next = w.raw(i + 1)
            name_ok = nxt.folded in places or (
                trig[0] not in REGION_TRIGGERS and _name_word(nxt.folded, raw_next)
                and not nxt.folded.endswith(("ه", "ي")) and not _PRONOUN.search(nxt.folded)
                and nxt.folded not in DIRECTIONS and not _is_nisba(nxt.folded))
            if not covered.any(nxt.start, nxt.end) and nxt.folded not in PLAIN_PLACES and name_ok:
                end = i + 2
                if end < n and not toks[end].broken and toks[end].folded in places \
                        and f"{nxt.folded} {toks[end].folded}" not in places and nxt.folded not in places:
                    end += 1  # "خان شيخون"
                add(i + 1, end, "place", True, f"trigger {trig[0]}", also=(i, len(f) - len(trig[-1])))
                i = end
                continue
        # a lexicon place
        hit = _place_at(w, i, places, covered)
        if hit:
            end, skip = hit
            add(i, end, "place", True, "places lexicon", skip=skip)
            i = end
            continue
        if i and toks[i - 1].folded in PHOTO_CREDITS and not t.broken:
            i += 1  # "عدسة عدي البستنجي": the photographer credited, not a name in the story
            continue
        # a given name, then the family part
        if i + 1 < n and not toks[i + 1].broken and f"{f} {toks[i + 1].folded}" in lex.given:
            end = _person_from(w, i, covered, lex, titled=False)  # "عز الدين الأصبحي"
            if end > i + 2:
                add(i, end, "person", True, "given name")
                i = end
                continue
        # "ومحمد"; not "وجود" (و + جود) or "لدينا" (ل + دينا)
        forms = [x for x in _bare(f) if x in lex.given
                 and (x == f or (len(x) >= 4 and len(f) - len(x) == 1 and f[0] in "وف"))]
        for form in forms:
            toks[i] = _Token(form, t.start, t.end, t.broken, t.fend)  # the name without its و/ف
            end = _person_from(w, i, covered, lex, titled=False)
            toks[i] = t
            if end > i:
                add(i, end, "person", True, "given name", skip=len(f) - len(form))
                i = end
                break
        else:
            i += 1
    out += _short_names(w, out, covered)
    out += _surnames_alone(w, out, covered, lex)
    inside = [(a, b) for a, b in w.swallowed if any(f.start <= a and b <= f.end for f in out)]
    return Recognised(out, inside, extended)


# A short name in quotes or brackets right after an organisation's name: «ناسا»، (WHO)، "أوفيد".
_SHORT_NAME = re.compile(r'\s*[«"“(]\s*([\u0621-\u064AA-Za-z][\u0621-\u064AA-Za-z .&-]{1,18}?)\s*[»"”)]')
MAX_SHORT_NAME_WORDS = 2


def _short_names(w: _Words, found: list[Found], covered: _Coverage) -> list[Found]:
    """The short name an organisation is given in quotes or brackets right after its full name
    ("وكالة الفضاء الأمريكية «ناسا»", "منظمة الصحة العالمية (WHO)"), and its later mentions in the
    article, as more mentions of that organisation: [Found] with the organisation's name and key, the
    short form as the surface. A short name that is a gazetteer name, a stop word or longer than
    MAX_SHORT_NAME_WORDS words is left alone."""
    text = w.text
    taken = [(f.start, f.end) for f in found]
    shorts: dict[str, Found] = {}
    more: list[Found] = []
    for org in found:
        if org.type != "organization":
            continue
        m = _SHORT_NAME.match(text, org.end)
        if m is None:
            continue
        short = m.group(1).strip()
        key = fold(short)
        if len(short.split()) > MAX_SHORT_NAME_WORDS or key in STOP_WORDS or len(key) < 3 \
                or covered.any(m.start(1), m.end(1)) or (short.isascii() and not short[:1].isupper()):
            continue
        shorts.setdefault(key, org)
        more.append(Found(org.name, org.key, "organization", m.start(1), m.start(1) + len(short), org.strong,
                          "short name after the full name", [short]))
        taken.append((m.start(1), m.start(1) + len(short)))
    if not shorts:
        return more
    for t in w.toks:  # later mentions of a one-word short name
        for form in _bare(t.folded):
            org = shorts.get(form)
            if org is None or t.start <= org.end or covered.any(t.start, t.end) \
                    or any(a <= t.start < b for a, b in taken):
                continue
            start = _after_letters(text, t.start, t.end, len(t.folded) - len(form))  # "في ناسا", "لناسا"
            more.append(Found(org.name, org.key, "organization", start, t.end, org.strong,
                              "short name after the full name", [text[start:t.end]]))
            break
    return more


def _surnames_alone(w: _Words, found: list[Found], covered: _Coverage, lex: _Lex) -> list[Found]:
    """Later mentions of a found person by the family name alone ("… وأضاف الغامدي"), as more
    mentions of that person: only after the full name, only for a family name of one word that is no
    given name, and only when one person of the article has it."""
    owners: dict[str, list[Found]] = {}
    for f in found:
        parts = f.key.split()
        if f.type == "person" and len(parts) >= 2:
            last = parts[-1]
            if len(last) >= 4 and last not in lex.given and last not in lex.ambiguous and last not in STOP_WORDS:
                owners.setdefault(last, []).append(f)
    if not owners:
        return []
    spans = [(f.start, f.end) for f in found]
    more: list[Found] = []
    for t in w.toks:
        for form in _bare(t.folded):
            people = owners.get(form)
            if not people or len({p.key for p in people}) != 1:
                continue
            person = people[0]
            if t.start <= person.start or covered.any(t.start, t.end) \
                    or any(a <= t.start < b for a, b in spans):
                break
            raw = w.text[t.start:t.end]
            more.append(Found(person.name, person.key, "person", t.start, t.end, person.strong,
                              "family name alone after the full name", [raw] if form == t.folded else []))
            break
    return more


# ---- the curator's decisions on found names (site_config/found_names.yml) -------------------------

CURATION_FILE = "found_names.yml"


@dataclass
class Curation:
    """What a curator decided about found names, by folded name (`normalise_form`).

    promote: names that get an entity page even when found once without full evidence (a
            candidate in the build report); to give one a curated id and description, add it to
            the gazetteer, `site_config/entities/*.yml`, instead
    hide:   names that are never entities (nor candidates): a word the grammar takes for a name
    retype: name -> person | place | organization
    merge:  name -> the gazetteer id it is a form of, or another found name it is a variant of
    """

    promote: frozenset[str] = frozenset()
    hide: frozenset[str] = frozenset()
    retype: dict[str, str] = field(default_factory=dict)
    merge: dict[str, str] = field(default_factory=dict)


def load_curation(config_dir: Path, gazetteer: Gazetteer) -> tuple[Curation, list[Problem]]:
    """Read `site_config/found_names.yml` (optional). Every problem names its file, line and key; a
    bad entry is left out and the rest applies. Merge targets must be gazetteer ids or found names
    (any name: it is checked against the articles at build time, not here)."""
    path = Path(config_dir) / CURATION_FILE
    if not path.is_file():
        return Curation(), []
    display = path.as_posix()
    data, problems = load_yaml(path, display)
    if data is None:
        return Curation(), problems
    schema = {"promote": is_str_list, "hide": is_str_list, "retype": _is_mapping_of_str,
              "merge": _is_mapping_of_str}
    problems += check_mapping(data, schema, (), display)
    if not isinstance(data, dict):
        return Curation(), problems
    hide = data.get("hide") if is_str_list(data.get("hide")) is None else []
    promote = data.get("promote") if is_str_list(data.get("promote")) is None else []
    retype: dict[str, str] = {}
    for name, kind in (data.get("retype") or {}).items() if isinstance(data.get("retype"), dict) else ():
        if kind not in ("person", "place", "organization"):
            line = data["retype"].line(name) if hasattr(data["retype"], "line") else None
            problems.append(Problem(display, line, f"retype.{name}", "must be one of: person, place, organization"))
            continue
        retype[normalise_form(str(name))] = kind
    merge = {normalise_form(str(k)): str(v).strip() for k, v in (data.get("merge") or {}).items()} \
        if isinstance(data.get("merge"), dict) else {}
    return Curation(frozenset(normalise_form(x) for x in promote or ()),
                    frozenset(normalise_form(h) for h in hide or ()), retype, merge), problems


def _is_mapping_of_str(v: object) -> str | None:
    if not isinstance(v, dict) or not all(isinstance(k, str) and isinstance(x, str) and x.strip()
                                          for k, x in v.items()):
        return "must be a mapping of name: value"
    return None


def apply_curation(found: list[Found], curation: Curation, gazetteer: Gazetteer) -> list[Found]:
    """The found names after the curator's decisions: hidden ones dropped, promoted ones strong
    (published), retyped ones retyped, merged ones renamed to their target (a gazetteer id is kept
    in `Found.entity`)."""
    out: list[Found] = []
    for f in found:
        if f.key in curation.hide:
            continue
        if f.key in curation.promote:
            f.strong = True
        if f.key in curation.retype:
            f.type = curation.retype[f.key]
        target = curation.merge.get(f.key)
        if target is not None:
            if target in gazetteer.entities:
                f.entity = target
            else:
                f.key = normalise_form(target)
                f.name = target
        out.append(f)
    return out
