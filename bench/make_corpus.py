"""Make a synthetic corpus of N articles from the project's own text, for benchmarks.

    python bench/make_corpus.py N OUT

Sentences come from two places inside the project: the seed articles in corpus/ and the sentences
written below for this script. They are recombined with a fixed random seed, so the same N gives the
same files. Each article has a headline, a date line in one of several written forms, optionally an
outlet credit line, and 6 to 30 body sentences.
"""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

OWN_SENTENCES = [
    "وقال مسؤول محلي إن الاجتماع تناول سبل تحسين الخدمات في المدينة.",
    "وأضاف أن اللجنة ستعقد جلسة ثانية في الأسبوع المقبل لمتابعة ما اتفق عليه.",
    "وأشار بيان رسمي إلى أن المشروع يهدف إلى توفير فرص عمل للشباب.",
    "ولم يصدر حتى الآن أي تعليق من الجهات المعنية على هذه التصريحات.",
    "وتأتي هذه الخطوة بعد أشهر من المفاوضات بين الأطراف المختلفة.",
    "وأكد المتحدث أن الحكومة ماضية في تنفيذ خطتها رغم الصعوبات.",
    "ويرى محللون أن الاتفاق قد يفتح الباب أمام تعاون أوسع في المنطقة.",
    "وشهدت الأسواق المحلية ارتفاعاً في أسعار المواد الغذائية خلال الشهر الماضي.",
    "وقالت مصادر مطلعة إن الوفد سيصل إلى العاصمة مساء الخميس.",
    "ودعا ناشطون إلى حماية المواقع الأثرية من الإهمال والتخريب.",
    "وأعلنت وزارة التربية عن موعد بدء العام الدراسي الجديد.",
    "وتستمر أعمال الصيانة في الطريق السريع حتى نهاية الشهر.",
    "وذكر التقرير أن عدد الزوار ارتفع بنسبة كبيرة مقارنة بالعام السابق.",
    "ونفى المكتب الإعلامي صحة الأنباء التي تداولتها مواقع التواصل.",
    "وتعهد المشاركون في المؤتمر بمواصلة الحوار حتى التوصل إلى حل.",
    "وأوضح الخبير أن ارتفاع درجات الحرارة يؤثر في المحاصيل الزراعية.",
]
OWN_TITLES = [
    "اجتماع موسع لبحث الخدمات العامة", "اتفاق جديد على تبادل المعلومات", "افتتاح مشروع للطاقة الشمسية",
    "جولة مفاوضات جديدة في العاصمة", "تقرير عن أوضاع الأسواق المحلية", "مؤتمر دولي لمكافحة الإرهاب",
    "خطة حكومية لدعم المزارعين", "زيارة رسمية تبحث التعاون الأمني", "بيان مشترك بعد القمة",
]
MONTHS = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
          "تشرين الأول", "تشرين الثاني", "كانون الأول"]
GULF = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
        "نوفمبر", "ديسمبر"]
CREDITS = ["بغداد (أ ف ب) -", "المصدر: وكالات", "بيروت - رويترز", ""]


def seed_sentences() -> tuple[list[str], list[str]]:
    sentences: list[str] = []
    titles: list[str] = []
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        if lines:
            titles.append(lines[0])
        for ln in lines[1:]:
            for s in re.split(r"(?<=[.!؟])\s+", ln):
                if len(s) > 40 and s.endswith((".", "؟", "!")):
                    sentences.append(s)
    return sentences, titles


def date_line(rng: random.Random) -> str:
    y, m, d = rng.randint(2011, 2016), rng.randint(1, 12), rng.randint(1, 28)
    form = rng.randint(0, 3)
    if form == 0:
        return f"{y:04d}-{m:02d}-{d:02d}"
    if form == 1:
        return f"{d} {MONTHS[m - 1]} {y}"
    if form == 2:
        return f"{d} {GULF[m - 1]} {y}"
    return f"{d}/{m}/{y}"


def make(n: int, out: Path, seed: int = 2015) -> None:
    rng = random.Random(seed)
    seed_s, seed_t = seed_sentences()
    pool = OWN_SENTENCES + seed_s
    titles = OWN_TITLES + seed_t
    out.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        title = rng.choice(titles)
        if rng.random() < 0.5:
            title = f"{title} ({i})"
        body = rng.sample(pool, k=min(len(pool), rng.randint(6, 30)))
        lines = [title, date_line(rng)]
        credit = rng.choice(CREDITS)
        if credit:
            lines.append(credit)
        paragraphs: list[str] = []
        while body:
            k = rng.randint(1, 3)
            paragraphs.append(" ".join(body[:k]))
            body = body[k:]
        lines += paragraphs
        folder = out / f"{2011 + i % 6}"
        folder.mkdir(exist_ok=True)
        (folder / f"bench_{i:06d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not argv[0].isdigit():
        print("usage: python bench/make_corpus.py N OUT", file=sys.stderr)
        return 2
    make(int(argv[0]), Path(argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
