"""A corpus written for the tests (invented news in Arabic), so no test depends on the seed articles
in corpus/: hand-written articles in nested folders, with sidecars naming their outlets, and a run
of short generated bulletins, so some lists are longer than one page (more than 100 articles name
البصرة) and the charts span many months.

    write_fixture_corpus(folder) -> folder
"""
from __future__ import annotations

from pathlib import Path

HAND = {
    "2015/09/abadi-bridge.txt": """العبادي يفتتح جسراً جديداً فوق دجلة في بغداد
2015-09-29
افتتح رئيس الوزراء حيدر العبادي صباح الثلاثاء جسراً جديداً فوق نهر دجلة في بغداد بعد عامين من العمل.
وقال العبادي إن الجسر يربط حيين كبيرين ويخفف الزحام في وسط العاصمة.
وأضاف أن الحكومة ستواصل بناء الطرق في الرمادي بعد طرد تنظيم داعش منها ومن مناطق على حدود سوريا، وأن المعلومات عن الأضرار جُمعت عسكريا ومدنياً.
""",
    "2015/09/abadi-bridge.yml": "outlet: alittihad\nauthor: سلمى يوسف\nsource_url: https://example.org/news/bridge\n",
    "2015/09/moscow-talks.txt": """محادثات في موسكو حول تنسيق الجهود ضد داعش
2015-09-27
استضافت موسكو يوم الأحد محادثات بين وفود من روسيا وسوريا وإيران حول تبادل المعلومات عن تنظيم داعش.
وقال وزير الخارجية الروسي إن بلاده تريد مركز معلوماتي مشترك في بغداد يجمع المعلومات من 60 دولة.
وردّت واشنطن بأن التحالف الدولي سيواصل غاراته في سوريا والعراق.
""",
    "2015/09/moscow-talks.yml": "outlet: france24\n",
    "2015/10/ramadi-return.txt": """عودة أولى العائلات إلى أحياء الرمادي
2015-10-05
عادت أولى العائلات إلى أحياء الرمادي بعد أشهر من النزوح، وسط أعمال لإزالة الأنقاض.
وقال محافظ الأنبار إن الدولة ستعيد الماء والكهرباء خلال أسابيع، وإن العبادي وعد بتمويل إضافي.
""",
    "2015/10/ramadi-return.yml": "outlet: alittihad\n",
    "2014/obama-washington.txt": """أوباما يستقبل وفداً عراقياً في واشنطن
2014-06-12
استقبل الرئيس الأمريكي باراك أوباما في واشنطن وفداً عراقياً لبحث التعاون الأمني والاقتصادي.
وتناولت المحادثات أوضاع اللاجئين والحدود مع سوريا، ووعد الجانبان بلقاء آخر في بغداد.
""",
    "2014/obama-washington.yml": "outlet: elaph\n",
    "undated/book-festival.txt": """مهرجان للكتاب في شارع المتنبي
يستضيف شارع المتنبي في بغداد مهرجاناً للكتاب يشارك فيه عشرات الناشرين من العراق وسوريا.
ويقدم المهرجان أمسيات شعرية وورشاً للأطفال طوال أيامه، بحسب المنظمين.
""",
    "undated/assad-statement.txt": """بيان منسوب إلى بشار الأسد عن المعارك في الشمال
نقلت وسائل إعلام عن الرئيس السوري بشار الأسد قوله إن المعارك في شمال سوريا ستستمر حتى طرد داعش.
ولم يتسنّ التحقق من البيان من مصدر مستقل.
""",
}

BULLETINS = 105  # short generated articles that all name البصرة (more than one page of 100)


def bulletin(i: int) -> str:
    """The text of generated bulletin number `i`: dated across 30 months, every tenth undated."""
    title = f"نشرة بلدية البصرة رقم {i}: أعمال صيانة في الشوارع"
    body = (f"أعلنت بلدية البصرة في نشرتها رقم {i} عن أعمال صيانة في {i % 7 + 2} شوارع من المدينة.\n"
            f"وقال متحدث باسم الأمانة إن الأعمال تنتهي خلال {i % 5 + 1} أيام.\n")
    if i % 10 == 9:
        return f"{title}\n{body}"
    year, month = 2014 + (i % 30) // 12, (i % 30) % 12 + 1
    return f"{title}\n{year}-{month:02d}-{i % 27 + 1:02d}\n{body}"


def write_fixture_corpus(folder: Path) -> Path:
    """Write the fixture corpus under `folder` (nested folders and sidecars); returns `folder`."""
    files = dict(HAND)
    files.update({f"bulletins/{i // 50}/b{i:03d}.txt": bulletin(i) for i in range(BULLETINS)})
    for rel, text in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder
