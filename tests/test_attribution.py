"""Headline, byline, outlet, wire and announced dates on whole articles, one failure kind per test.

Each text is written for these tests, in the shapes real articles take (headline on the first line,
the byline as the site printed it, a blank line, the body); none is copied from an article.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from generator.byline import parse_byline
from generator.model import Article
from generator.pipeline import SiteConfig, extract_text, load_site_config

ROOT = Path(__file__).resolve().parent.parent

PARA = ("شهدت قاعات المعرض إقبالا واسعا من الزوار منذ ساعات الصباح الأولى، واستمرت الفعاليات حتى المساء "
        "بمشاركة عدد من الجهات الحكومية والخاصة التي عرضت أحدث خدماتها.")
PARA2 = "وأوضح المنظمون أن عدد الزوار تجاوز التوقعات، وأن برنامج الأيام المقبلة يتضمن ورش عمل للأطفال."


@pytest.fixture(scope="module")
def cfg() -> SiteConfig:
    config, problems = load_site_config(ROOT / "site_config")
    assert problems == []
    return config


def article(cfg: SiteConfig, *header: str, body: tuple[str, ...] = (PARA, PARA2)) -> Article:
    return extract_text("\n".join([*header, "", *body]) + "\n", "t.txt", cfg)


def outlet(art: Article) -> str | None:
    return art.outlet.id if art.outlet else None


# ---- headlines ---------------------------------------------------------------------------------


@pytest.mark.parametrize("headline", ["ليبرالية", "الصيف الطويل", "موجز الأخبار"])
def test_short_headline_is_the_title(cfg: SiteConfig, headline: str) -> None:
    art = article(cfg, headline)
    assert (art.title, art.title_derived) == (headline, False)
    art = article(cfg, headline, "سامر الخطيب - حائل")
    assert (art.title, art.title_derived, art.author) == (headline, False, "سامر الخطيب")


def test_headline_opening_with_an_error_word_is_kept(cfg: SiteConfig) -> None:
    art = article(cfg, "خطأ في التحكيم يحرم الفريق من الفوز", "جدة - نبيل السهلي")
    assert (art.title, art.author) == ("خطأ في التحكيم يحرم الفريق من الفوز", "نبيل السهلي")
    # a sub-heading with the same word does not drop the lines after it
    art = article(cfg, "عنوان الخبر عن المعرض الدولي", body=(PARA, "خطأ في التنظيم", PARA2))
    assert PARA2 in art.body
    # the error page itself still goes
    art = article(cfg, "عنوان الخبر عن المعرض الدولي", body=(PARA, "خطأ 404", "الصفحة غير موجودة"))
    assert "404" not in art.body


def test_headline_with_double_dots_is_whole(cfg: SiteConfig) -> None:
    headline = "بعد القاهرة وعمّان.. وزير الخارجية يبحث في أثينا سبل التعاون لمواجهة الهجرة غير النظامية عبر البحر"
    art = article(cfg, headline, "الميادين نت")
    assert art.title == headline and not art.title_derived


def test_byline_is_never_the_headline_and_a_headline_with_a_name_is_not_the_author(cfg: SiteConfig) -> None:
    art = article(cfg, "تكريم الموظفين", "وليد الشمري (الرياض)")
    assert (art.title, art.author, outlet(art)) == ("تكريم الموظفين", "وليد الشمري", None)
    art = article(cfg, "خالد وانتظار المواسم", "ماجد القحطاني")
    assert (art.title, art.author) == ("خالد وانتظار المواسم", "ماجد القحطاني")


# ---- bylines -----------------------------------------------------------------------------------


@pytest.mark.parametrize("line, people", [
    ("جدة: رامي الحربي", ["رامي الحربي"]),
    ("رامي الحربي (جدة)", ["رامي الحربي"]),
    ("رامي الحربي - جدة", ["رامي الحربي"]),
    ("جدة - رامي الحربي", ["رامي الحربي"]),
    ("كتب - رامي الحربي", ["رامي الحربي"]),
    ("بقلم: رامي الحربي", ["رامي الحربي"]),
    ("رامي الحربي من جدة", ["رامي الحربي"]),
    ("جدة: رامي الحربي وسعاد الزهراني", ["رامي الحربي", "سعاد الزهراني"]),
    ("جدة: رامي الحربي، سعاد الزهراني", ["رامي الحربي", "سعاد الزهراني"]),
    ("الرياض: د. سعاد الزهراني", ["سعاد الزهراني"]),
    ("أحمد السيد (القاهرة)", ["أحمد السيد"]),
    ("المنطقة الشمالية: رامي الحربي", ["رامي الحربي"]),
    ("رامي الحربي وسعاد الزهراني - جدة، الطائف", ["رامي الحربي", "سعاد الزهراني"]),
    ("كابول: رامي الحربي، أ ف ب", ["رامي الحربي"]),
    ("جدة: الوطن", []),
    ("الرياض - واس", []),
])
def test_byline_forms(cfg: SiteConfig, line: str, people: list[str]) -> None:
    b = parse_byline(line, cfg.registry, cfg.place_names)
    assert b is not None and b.people == people


@pytest.mark.parametrize("line", [
    "وزير الطاقة: خطة لخفض الاستهلاك",
    "أسعار النفط ترتفع في الأسواق",
    "الرئيسية",
])
def test_not_bylines(cfg: SiteConfig, line: str) -> None:
    assert parse_byline(line, cfg.registry, cfg.place_names) is None


def test_byline_with_commas_is_not_the_first_paragraph(cfg: SiteConfig) -> None:
    art = article(cfg, "رسامو الخط العربي يعرضون أعمالهم", "رامي الحربي وسعاد الزهراني - جدة، الطائف، أبها")
    assert art.author == "رامي الحربي، سعاد الزهراني"


def test_byline_with_outlet_and_city(cfg: SiteConfig) -> None:
    art = article(cfg, "البلدية تزيل مواقع عشوائية في الأحياء", "نادر العمري- سبق- تبوك:")
    assert (art.author, outlet(art)) == ("نادر العمري", "sabq")
    assert "نادر العمري" not in art.body  # read, then kept out of the body


@pytest.mark.parametrize("line, oid", [
    ("عكاظ (الدمام)", "okaz"),
    ("المدينة ـ جدة", "almadina"),
    ("اليوم - الدمام", "alyaum"),
    ("«الاقتصادية» من الرياض", "aleqtisadiah"),
    ("الميادين نت", "almayadeen"),
])
def test_outlet_credited_in_the_byline(cfg: SiteConfig, line: str, oid: str) -> None:
    art = article(cfg, "هيئة السوق تحيل مستثمرا إلى التحقيق", line)
    assert (outlet(art), art.author) == (oid, None)


def test_two_cities_and_a_quoted_outlet(cfg: SiteConfig) -> None:
    art = article(cfg, "النفط يتجه لخسارة أسبوعية", "الرياض - بغداد: «الشرق الأوسط»")
    assert (outlet(art), art.author) == ("asharq-alawsat", None)


@pytest.mark.parametrize("city, oid", [("جدة", "alwatan-sa"), ("مسقط", "alwatan-om"), ("الدوحة", "alwatan-qa")])
def test_namesakes_told_apart_by_the_byline_city(cfg: SiteConfig, city: str, oid: str) -> None:
    art = article(cfg, "ارتفاع أسعار الوقود في الأسواق المحلية", f"{city}: الوطن")
    assert outlet(art) == oid
    said = "وقال مسؤول في الوزارة لـ«الوطن» إن الأسعار ستراجع كل شهر بحسب الأسواق العالمية."
    art = article(cfg, "ارتفاع أسعار الوقود في الأسواق المحلية", f"{city}: رامي الحربي", body=(PARA, said))
    assert outlet(art) == oid
    # no place, no way to tell which الوطن: none, and a warning
    art = article(cfg, "ارتفاع أسعار الوقود في الأسواق المحلية", body=(PARA, said))
    assert outlet(art) is None and any("shared by several outlets" in w for w in art.warnings)


def test_city_in_brackets_is_not_the_paper_of_that_name(cfg: SiteConfig) -> None:
    art = article(cfg, "افتتاح مركز جديد لخدمة المراجعين", "فهد العتيبي (الرياض)")
    assert outlet(art) is None and art.author == "فهد العتيبي"
    said = "وقال لـ«عكاظ» مدير المركز إن الخدمات ستتاح إلكترونيا خلال الأشهر المقبلة لكل المراجعين."
    art = article(cfg, "افتتاح مركز جديد لخدمة المراجعين", "فهد العتيبي (الرياض)", body=(PARA, said))
    assert outlet(art) == "okaz"


def test_quote_told_to_the_outlet_counts_however_far_the_verb(cfg: SiteConfig) -> None:
    said = ("وأكد رئيس اللجنة الوطنية للمقاولين في الغرفة التجارية المهندس سامي الحربي لـ«عكاظ» أن القرار "
            "خطوة أولى نحو التنظيم.")
    art = article(cfg, "اعتماد تصنيف المقاولين", "جدة: رامي الحربي", body=(PARA, said))
    assert outlet(art) == "okaz"
    # an outlet cited as a source is not the publisher
    cited = "وذكرت صحيفة «عكاظ» في عددها الصادر أمس أن القرار خطوة أولى نحو التنظيم."
    art = article(cfg, "اعتماد تصنيف المقاولين", "جدة: رامي الحربي", body=(PARA, cited))
    assert outlet(art) is None


# ---- agencies ----------------------------------------------------------------------------------


@pytest.mark.parametrize("line", ["الرياض - واس", "واس ـ الرياض", "الرياض (واس)"])
def test_agency_in_the_byline_is_the_wire(cfg: SiteConfig, line: str) -> None:
    art = article(cfg, "انطلاق برنامج تدريبي للدفاع المدني", line)
    assert art.wire == ["واس"] and outlet(art) is None and art.author is None


def test_agency_own_copy_is_its_outlet(cfg: SiteConfig) -> None:
    text = ("عام / انطلاق برنامج تدريبي للدفاع المدني\n\n"
            " تبوك 12 ذو القعدة 1436 هـ الموافق 27 اغسطس 2015 م واس\n"
            f" {PARA}\n // انتهى //\n 14:20 ت م\n")
    art = extract_text(text, "t.txt", cfg)
    assert outlet(art) == "spa" and art.wire == []
    assert art.title == "عام / انطلاق برنامج تدريبي للدفاع المدني"
    for signoff in ("//انتهى//", "// انتهى//"):
        assert outlet(extract_text(text.replace("// انتهى //", signoff), "t.txt", cfg)) == "spa"
    # its own dateline (credit after the date) is enough without the sign-off
    assert outlet(extract_text(text.replace("// انتهى //", ""), "t.txt", cfg)) == "spa"
    # the same copy reprinted under a paper's byline names the agency as its wire only
    reprint = f"انطلاق برنامج تدريبي للدفاع المدني\nتبوك - واس\n\n{PARA}\n"
    art = extract_text(reprint, "t.txt", cfg)
    assert outlet(art) is None and art.wire == ["واس"]


# ---- announced dates ---------------------------------------------------------------------------


def test_announced_date_is_not_a_lower_bound(cfg: SiteConfig) -> None:
    body = (PARA, "ومن المقرر أن تجري الانتخابات في 3 تشرين الثاني/نوفمبر 2030، فيما بدأت الحملات في "
                  "12 آذار 2029 بمشاركة واسعة.")
    art = article(cfg, "المرشحون يستعدون لمناظرة ثانية", "الميادين نت", body=body)
    assert art.date is None and art.date_not_before == "2029-03-12"
    body = (PARA, "وستعقد القمة المقبلة في 5 مايو 2031 بحضور القادة.")
    assert article(cfg, "القمة المقبلة", body=body).date_not_before is None
