"""Make a synthetic archive with planted stories, planted shared quotations and planted agency
copies, and the truth about them, for measuring generator.stories, generator.quotes and
generator.versions (bench/reuse_eval.py).

    python bench/make_stories.py N OUT        OUT/corpus/*.txt and OUT/truth.json

All text is written here (invented sentences, invented family names); place names come from the
project's own lexicon. With a fixed seed the same N gives the same files. About 40% of the articles
belong to planted stories (2 to 6 reports of one event by different outlets within three days,
sharing the event's place and people, each report written from different sentences); the others
are unrelated reports. Each planted quotation is printed word for word by 2 to 4 articles (within
a story or weeks apart), attributed ("وقال فلان إن «…»") in most of them; one agency copy in ten
stories is republished with a paragraph cut and a few words changed.
"""
from __future__ import annotations

import datetime as dt
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

GIVEN = ["محمد", "أحمد", "علي", "حسن", "خالد", "عمر", "يوسف", "إبراهيم", "سامي", "كريم", "طارق", "ماجد",
         "وليد", "نبيل", "هشام", "رامي", "فادي", "زياد", "باسم", "جمال", "منصور", "صالح", "عادل", "مروان"]
ROOT_LETTERS = "بتجدرزسشصطعغفقكلمنهو"
OUTLETS = ["الاتحاد", "الحياة", "الشرق الأوسط", "الجزيرة", "العربية", "النهار", "الشروق", "الرأي",
           "القدس العربي", "الغد", "المدى", "السفير"]
EVENTS = [
    ("افتتاح", "مستشفى جديد", "افتتح"), ("انهيار", "جسر قديم", "انهار"), ("توقيع", "اتفاق للمياه", "وقّع"),
    ("إضراب", "عمال الموانئ", "أضرب"), ("فيضان", "نهر صغير", "فاض"), ("حريق", "سوق شعبي", "اندلع"),
    ("مؤتمر", "الاستثمار الزراعي", "انعقد"), ("انتخاب", "مجلس بلدي", "جرى"), ("احتجاج", "سكان الأحياء", "خرج"),
    ("زيارة", "وفد تجاري", "وصل"), ("إغلاق", "معبر حدودي", "أغلق"), ("إطلاق", "قمر صناعي", "أطلق"),
]
# Sentences about the event; {P} place, {A} {B} people, {N} a number, {E} event noun, {O} its object.
EVENT_SENTENCES = [
    "شهدت مدينة {P} صباح اليوم {E} {O} بحضور عدد من المسؤولين المحليين والسكان.",
    "وذكر شهود في {P} أن {E} {O} جاء بعد {N} أسبوعاً من التحضيرات والنقاشات.",
    "وأوضح {A} في تصريح مقتضب أن {E} {O} يمثل مرحلة جديدة للمنطقة كلها.",
    "وقدّرت مصادر رسمية عدد المتأثرين بما حدث في {P} بنحو {N} شخص حتى مساء الأمس.",
    "من جهته دعا {B} إلى متابعة ملف {O} عن قرب ومحاسبة المقصرين إن وجدوا.",
    "وتداولت مواقع التواصل {N} صورة من {P} تظهر حجم {E} {O}.",
    "وكان {A} قد التقى {B} قبل يومين في {P} لبحث ترتيبات {E} {O}.",
    "وتعد هذه المرة الأولى منذ {N} عاماً التي تشهد فيها {P} {E} {O}.",
    "ونقل مراسلون من {P} أن الحركة عادت إلى {N} شارعاً بعد {E} {O}.",
    "وأشار تقرير أولي إلى أن كلفة {O} بلغت قرابة {N} مليون دولار.",
    "واعتبر {B} أن {E} {O} اختبار حقيقي لقدرة المؤسسات في {P} على الاستجابة.",
    "وطالب {N} نائباً عن {P} الحكومة بتوضيح ملابسات {E} {O}.",
    "وأعلن {A} تشكيل لجنة لمتابعة آثار {E} {O} ترفع تقريرها خلال {N} يوماً.",
    "ورحّب سكان {P} بالخطوة لكن {N} منهم أبدوا تحفظات على {E} {O}.",
    "وفي اتصال هاتفي أكد {B} أن فرقاً ميدانية تعمل في {P} منذ ساعات الصباح الأولى.",
    "ويرتبط {E} {O} بخطة أوسع أعلن عنها {A} مطلع العام الجاري.",
    "وتوقع خبراء أن تنعكس نتائج {E} {O} على أسعار السلع في {P} والبلدات المجاورة.",
    "ولم تعلق الجهات الرسمية في {P} على ما نشرته {N} صحيفة محلية بشأن {O}.",
]
HEADLINES = ["{E} {O} في {P}", "{P}: {E} {O} وسط اهتمام واسع", "{A} يعلق على {E} {O} في {P}",
             "تفاصيل {E} {O} في {P}", "بعد {E} {O}.. {P} تترقب", "{B} يطالب بمتابعة {E} {O}"]
# Background sentences: a lead, a subject, a qualifier and a closing phrase, each from its own list,
# so two unrelated articles almost never print the same ten words in a row.
LEADS = ["وتبحث البلدية", "ويراجع المسؤولون", "ولاحظ مراقبون تأخر", "وتسعى الوزارة لتطوير", "ويطالب ناشطون بمراجعة",
         "وتشير الأرقام لتراجع", "ويأمل السكان تحسين", "وتواصل الفرق صيانة", "ويطالب الأهالي بتوسيع",
         "وأعلنت خطة لتجديد", "وناقش المجلس ملف", "وكشفت دراسة ضعف", "وتعهدت الإدارة بتسريع",
         "وانتقد ناشطون بطء", "ورصدت تقارير نقص", "وبدأت ورش تأهيل"]
SUBJECTS = ["الموارد المائية", "المشاريع الصغيرة", "شبكات الكهرباء", "المدارس الابتدائية", "الطرق الزراعية",
            "المراكز الصحية", "محطات الوقود", "فرص العمل", "المكتبات العامة", "الحدائق العامة", "النقل العام",
            "الأسواق الشعبية", "الملاعب الرياضية", "المخابز", "شبكات الصرف", "الجسور الفرعية", "المعاهد المهنية",
            "دور الرعاية", "المتاحف المحلية", "الموانئ الصغيرة"]
QUALIFIERS = ["في الأحياء القديمة", "في المناطق الريفية", "على أطراف المدن", "في البلدات الجبلية",
              "على الطرق الساحلية", "في القرى الحدودية", "داخل المدن الكبرى", "في المحافظات الجنوبية",
              "في المحافظات الشمالية", "قرب المناطق الصناعية", "حول الجامعات", "في المخيمات"]
CLOSINGS = ["قبل نهاية العام", "خلال الأشهر المقبلة", "بتمويل من جهات مانحة", "ضمن برنامج وطني",
            "بالتعاون مع البلديات", "رغم الانتقادات المتكررة", "بعد تأجيل متكرر", "دون تحديد موعد نهائي",
            "وفق جدول زمني معلن", "بمشاركة خبراء محليين", "لمواجهة ارتفاع الأسعار", "على مراحل متتالية",
            "بكلفة لم يعلن عنها", "تلبية لمطالب السكان"]
CHUNKS = LEADS + SUBJECTS  # headline words of unrelated articles
QUOTE_WORDS = [
    "نحن", "لن", "نقبل", "بأي", "حال", "أن", "تبقى", "الأمور", "على", "ما", "هي", "عليه", "لأن", "الناس",
    "ينتظرون", "نتائج", "ملموسة", "وسنعمل", "مع", "الجميع", "دون", "استثناء", "حتى", "نصل", "إلى", "حل",
    "يرضي", "كل", "الأطراف", "والمسؤولية", "مشتركة", "بيننا", "وبين", "المواطنين", "الذين", "صبروا",
    "طويلاً", "والوقت", "لم", "يعد", "في", "صالحنا", "ولذلك", "قررنا", "المضي", "قدماً", "بخطوات",
    "واضحة", "وعلنية", "ونحن", "مستعدون", "للمساءلة", "عن", "كل", "قرار", "نتخذه", "اليوم", "أو", "غداً",
]
SPEECH = ["وقال {S} إن «{Q}».", "وأكد {S} أن «{Q}».", "وأضاف {S} أن «{Q}».", "وقال {S}: «{Q}».",
          "وأوضح {S} في كلمته أن «{Q}»."]
UNATTRIBUTED = ["ونقلت وسائل إعلام محلية عبارة «{Q}» التي تداولها المتابعون.",
                "وجاء في نص متداول: «{Q}»."]


def family_name(rng: random.Random) -> str:
    return "ال" + "".join(rng.choice(ROOT_LETTERS) for _ in range(3)) + rng.choice(["ي", "اوي", "اني"])


def lexicon_places(rng: random.Random, n: int) -> list[str]:
    lines = [ln.strip() for ln in (ROOT / "generator" / "lexicons" / "places.txt").read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#") and " " not in ln.strip() and "\t" not in ln]
    return rng.sample(sorted(set(lines)), n)


def chunk_sentence(rng: random.Random) -> str:
    n = [rng.randint(2, 99999) for _ in range(3)]
    return (f"{rng.choice(LEADS)} {rng.choice(SUBJECTS)} منذ {n[0]} يوماً {rng.choice(QUALIFIERS)} "
            f"بكلفة {n[1]} دولار {rng.choice(CLOSINGS)} ({n[2]} مشروعاً).")


def make(n: int, out: Path, seed: int = 1616) -> dict:
    rng = random.Random(seed)
    corpus = out / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    places = lexicon_places(rng, 600)
    people = sorted({f"{rng.choice(GIVEN)} {family_name(rng)}" for _ in range(4 * max(50, n // 10))})
    rng.shuffle(people)
    start = dt.date(2014, 1, 1)
    articles: list[dict] = []  # {"name", "date", "outlet", "title", "paras": [...]}
    truth: dict = {"stories": [], "quotations": [], "copies": []}
    n_story_articles = int(0.4 * n)
    person_i = 0
    while sum(len(s) for s in truth["stories"]) < n_story_articles:
        k = rng.randint(2, 6)
        ev, obj, _verb = rng.choice(EVENTS)
        head, _, rest = obj.partition(" ")
        obj = f"{head} {family_name(rng)[2:]} {rest}"  # this event's own name comes second
        place = rng.choice(places)
        a_name, b_name = people[person_i % len(people)], people[(person_i + 1) % len(people)]
        person_i += 2
        day0 = start + dt.timedelta(days=rng.randint(0, 3 * 365))
        outlets = rng.sample(OUTLETS, k)
        pool = rng.sample(EVENT_SENTENCES, len(EVENT_SENTENCES))
        per = max(3, len(pool) // k)
        members = []
        for j in range(k):
            fill = {"P": place, "A": a_name, "B": b_name, "E": ev, "O": obj}
            own = pool[(j * per) % len(pool):(j * per) % len(pool) + per] or pool[:per]
            paras = [s.format(N=rng.randint(3, 9999), **fill) for s in own]
            paras += [chunk_sentence(rng) for _ in range(rng.randint(2, 6))]
            rng.shuffle(paras)
            art = {"name": f"s{len(articles):06d}.txt", "date": day0 + dt.timedelta(days=rng.randint(0, 2)),
                   "outlet": outlets[j], "title": rng.choice(HEADLINES).format(N=0, **fill), "paras": paras}
            articles.append(art)
            members.append(art["name"])
        if rng.random() < 0.1:  # an agency copy republished: a paragraph cut, two words changed
            src = articles[-1]
            paras = list(src["paras"])
            if len(paras) > 3:
                paras.pop(rng.randrange(len(paras)))
            p = rng.randrange(len(paras))
            paras[p] = paras[p].replace(" في ", " داخل ", 1)
            copy = {"name": f"s{len(articles):06d}.txt", "date": src["date"] + dt.timedelta(days=1),
                    "outlet": rng.choice([o for o in OUTLETS if o != src["outlet"]]),
                    "title": src["title"], "paras": paras}
            articles.append(copy)
            members.append(copy["name"])
            truth["copies"].append([src["name"], copy["name"]])
        truth["stories"].append(members)
    while len(articles) < n:
        paras = [chunk_sentence(rng) for _ in range(rng.randint(6, 14))]
        # unrelated reports name places and people too (some the stories' own): the stage must
        # not group them with a story on a shared name alone
        paras.insert(rng.randint(0, len(paras)), f"وفي {rng.choice(places)} تحدث {rng.choice(people)} "
                     f"عن {rng.choice(SUBJECTS)} {rng.choice(QUALIFIERS)} قبل {rng.randint(2, 99999)} يوم.")
        articles.append({"name": f"s{len(articles):06d}.txt", "outlet": rng.choice(OUTLETS),
                         "date": start + dt.timedelta(days=rng.randint(0, 3 * 365)),
                         "title": f"{rng.choice(SUBJECTS)} {rng.choice(QUALIFIERS)}", "paras": paras})
    # planted quotations: about one for every 12 articles, each in 2 to 4 articles
    for _ in range(max(3, n // 12)):
        words = [rng.choice(QUOTE_WORDS) for _ in range(rng.randint(12, 22))]
        q = " ".join(words)
        speaker = rng.choice(people)
        hosts = rng.sample(range(len(articles)), rng.randint(2, 4))
        attributed = []
        for h in hosts:
            if rng.random() < 0.8:
                line = rng.choice(SPEECH).format(S=speaker, Q=q)
                attributed.append(articles[h]["name"])
            else:
                line = rng.choice(UNATTRIBUTED).format(Q=q)
            paras = articles[h]["paras"]
            paras.insert(rng.randint(1, len(paras)), line)
        truth["quotations"].append({"text": q, "speaker": speaker,
                                    "articles": sorted(articles[h]["name"] for h in hosts),
                                    "attributed_in": sorted(attributed)})
    for art in articles:
        lines = [art["title"], art["date"].isoformat(), f"المصدر: {art['outlet']}", *art["paras"]]
        (corpus / art["name"]).write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return truth


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not argv[0].isdigit():
        print("usage: python bench/make_stories.py N OUT", file=sys.stderr)
        return 2
    make(int(argv[0]), Path(argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
