"""Stories, versions of one text and shared quotations (generator/stories.py, versions.py, quotes.py):
on the seed corpus (the issue's acceptance checks) and on small invented archives."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import all_seeds, write_files
from generator.context import load_context
from generator.model import Article, EntityHit
from generator.quotes import mention_positions, quoted_spans, speaker_of
from generator.stories import within_window
from generator.versions import word_diff

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "site_config"


# ---- the seed corpus ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_ctx(tmp_path_factory: pytest.TempPathFactory):
    """The five seed reports alone (skipped when one was removed from corpus/): articles a user
    adds to corpus/ must not change what these tests check."""
    corpus = tmp_path_factory.mktemp("seeds") / "corpus"
    corpus.mkdir()
    for path in all_seeds():
        shutil.copy(path, corpus / path.name)
    return load_context(corpus, CONFIG)


def seed(ctx, prefix: str) -> str:
    return next(a.id for a in ctx.articles if a.id.startswith(prefix))


def test_the_five_seed_reports_form_one_story(seed_ctx) -> None:
    stories = seed_ctx.reuse.stories
    assert len(stories) == 1
    assert {a.id[:3] for a in stories[0].articles} == {"000", "001", "002", "003", "004"}


def test_no_pair_of_seeds_is_one_agency_copy(seed_ctx) -> None:
    assert seed_ctx.reuse.versions == []


def _shared(ctx, a: str, b: str, words: str):
    """The quotation printed by both seeds whose text holds `words` (folded comparison)."""
    from generator.quotes import folded

    ida, idb = seed(ctx, a), seed(ctx, b)
    for q in ctx.reuse.quotations:
        ids = {o.article.id for o in q.occurrences}
        texts = " ".join(folded(o.article.body[o.start:o.end]) for o in q.occurrences)
        if {ida, idb} <= ids and folded(words) in texts:
            return q
    return None


def test_joint_operations_statement_shared_by_000_and_001_is_attributed(seed_ctx) -> None:
    q = _shared(seed_ctx, "000", "001", "عدة لجان للتعاون في المجالين")
    assert q is not None
    assert q.speaker == "iraqi-joint-operations-command"
    assert q.quoted
    # 001 printed it two days before 000: first appearance first
    assert q.occurrences[0].article.id.startswith("001")


def test_spokesman_words_shared_by_000_and_001_are_attributed(seed_ctx) -> None:
    q = _shared(seed_ctx, "000", "001", "لجنة مشتركة")
    assert q is not None
    assert q.speaker == "saad-al-hadithi"


def test_joint_operations_statement_shared_by_000_and_003_is_attributed(seed_ctx) -> None:
    q = _shared(seed_ctx, "000", "003", "تعاون استخباري وامني في بغداد")
    assert q is not None
    assert q.speaker == "iraqi-joint-operations-command"
    by_000 = next(o for o in q.occurrences if o.article.id.startswith("000"))
    assert by_000.speaker == "iraqi-joint-operations-command" and by_000.quoted


# ---- invented archives ----------------------------------------------------------------------------

EVENT_A = """افتتاح جسر جديد على نهر دجلة في الموصل
2021-03-10
المصدر: الاتحاد
افتتح محافظ نينوى صباح الأربعاء جسراً حديداً جديداً يربط ضفتي الموصل بعد عامين من العمل المتواصل.
وقال المهندس خالد الدليمي إن «الجسر سيخفف الزحام عن الجسور القديمة ويختصر الطريق بين الساحلين الأيمن والأيسر».
وحضر الافتتاح عدد من أهالي الموصل الذين عبروا الجسر سيراً على الأقدام في أول ساعة من فتحه.
وبلغت كلفة المشروع ثمانية ملايين دولار بحسب ما ذكرته دائرة الطرق والجسور في المحافظة.
ويأمل سكان الموصل أن تكتمل قريباً بقية الجسور التي تضررت خلال السنوات الماضية.
"""
EVENT_B = """الموصل تحتفل بجسرها الجديد
2021-03-11
المصدر: الحياة
احتفل سكان الموصل أمس بافتتاح الجسر الحديدي الجديد الذي يصل بين ساحلي المدينة على دجلة.
وأكد خالد الدليمي أن «الجسر سيخفف الزحام عن الجسور القديمة ويختصر الطريق بين الساحلين الأيمن والأيسر».
ورأى أصحاب المحال القريبة أن حركة البيع ستنشط بعد أن صار عبور النهر أسهل وأقصر.
"""
UNRELATED = """موسم قطاف التمور في البصرة
2021-09-20
المصدر: الحياة
بدأ مزارعو البصرة قطاف التمور في بساتين أبي الخصيب مع اعتدال الحرارة في الأسابيع الأخيرة.
ويشكو المزارعون من ارتفاع كلفة النقل وقلة الأيدي العاملة في البساتين الصغيرة.
"""


def _copy_of_a() -> str:
    lines = EVENT_A.splitlines()
    lines[2] = "المصدر: النهار"
    lines[1] = "2021-03-12"
    del lines[5]  # a paragraph cut
    lines[6] = lines[6].replace("قريباً", "سريعاً")  # a word changed
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def invented(tmp_path_factory: pytest.TempPathFactory):
    corpus = write_files(tmp_path_factory.mktemp("reuse") / "corpus", {
        "a.txt": EVENT_A, "b.txt": EVENT_B, "c.txt": UNRELATED, "d.txt": _copy_of_a()})
    return load_context(corpus, CONFIG)


def test_reports_of_one_event_form_a_story_and_the_unrelated_report_does_not(invented) -> None:
    stories = invented.reuse.stories
    assert [sorted(a.id for a in s.articles) for s in stories] == [["a", "b", "d"]]
    assert stories[0].id == "a"  # the first report names the story
    assert "c" not in invented.reuse.story_of


def test_agency_copy_is_a_version_with_a_word_diff(invented) -> None:
    [pair] = invented.reuse.versions
    assert (pair.a, pair.b) == ("a", "d")
    a = next(x for x in invented.articles if x.id == "a")
    d = next(x for x in invented.articles if x.id == "d")
    ops = word_diff(a.body, d.body)
    cut = " ".join(t for op, t in ops if op == "-")
    added = " ".join(t for op, t in ops if op == "+")
    assert "عبروا الجسر سيراً على الأقدام" in cut
    assert "قريباً" in cut and "سريعاً" in added
    from generator.textsim import keys
    assert [k for op, t in ops if op != "-" for k in keys(t)] == keys(d.body)  # "=" and "+" make d


def test_shared_quotation_is_found_with_its_speaker_first_appearance_first(invented) -> None:
    quotes = [q for q in invented.reuse.quotations if "الزحام" in q.text]
    assert len(quotes) == 1
    q = quotes[0]
    assert [o.article.id for o in q.occurrences][:2] == ["a", "b"]
    assert {o.article.id for o in q.occurrences} == {"a", "b", "d"}
    speaker = invented.entities[q.speaker]
    assert speaker.type == "person" and speaker.name == "خالد الدليمي"
    assert all(o.quoted for o in q.occurrences)
    assert q in invented.reuse.quotes_by[q.speaker]


def test_analysis_is_independent_of_article_order(invented) -> None:
    from generator.reuse import analyse

    counts = {eid: len(info.articles) for eid, info in invented.entities.items()}
    again = analyse(list(reversed(invented.articles)), counts)
    assert [[a.id for a in s.articles] for s in again.stories] == \
        [[a.id for a in s.articles] for s in invented.reuse.stories]
    assert [(q.id, q.text) for q in again.quotations] == [(q.id, q.text) for q in invented.reuse.quotations]


# ---- the rules, one at a time ---------------------------------------------------------------------

def hit(eid: str, etype: str, *surfaces: str) -> EntityHit:
    return EntityHit(eid, surfaces[0], etype, 1, list(surfaces))


@pytest.mark.parametrize("body, quote_start, expected", [
    ("وقال سامي الخطيب إن «الموسم جيد هذا العام».", "«", "p1"),
    ("سامي الخطيب، مدير الغرفة، أكد أن الموسم جيد هذا العام.", "الموسم", "p1"),
    ("وأضافت غرفة التجارة في بيان أن «الموسم جيد».", "«", "o1"),
    ("الموسم جيد هذا العام بحسب التقديرات.", "الموسم", None),
    ("تحدث سامي الخطيب عن السوق. وقال مصدر إن «الموسم جيد».", "«", None),
])
def test_speaker_rules(body: str, quote_start: str, expected: str | None) -> None:
    hits = [hit("p1", "person", "سامي الخطيب"), hit("o1", "organization", "غرفة التجارة"),
            hit("pl", "place", "البصرة")]
    start = body.index(quote_start)
    assert speaker_of(body, start, mention_positions(body, hits)) == expected


def test_quoted_spans_cover_the_three_kinds_of_marks() -> None:
    body = 'قال «أول» ثم “ثانٍ” ثم "ثالث" انتهى'
    assert [body[s:e] for s, e in quoted_spans(body)] == ["أول", "ثانٍ", "ثالث"]


def test_time_window() -> None:
    a = Article("a", id="a", date="2020-01-01")
    b = Article("b", id="b", date="2020-01-04")
    c = Article("c", id="c", date="2020-01-05")
    undated = Article("u", id="u", date_not_before="2020-02-01")
    assert within_window(a, b) and not within_window(a, c)
    assert within_window(undated, Article("x", id="x", date="2020-02-03"))
    assert not within_window(undated, a)  # it cannot be older than 1 February


def test_display_text_drops_the_speaker_before_a_quotation_mark() -> None:
    from generator.quotes import display_text

    assert display_text("خالد الدليمي إن «الجسر سيخفف الزحام عن الجسور القديمة»") == \
        "الجسر سيخفف الزحام عن الجسور القديمة"
    plain = "العراق شكل خلال الأشهر الماضية عدة لجان للتعاون"
    assert display_text(plain) == plain


# ---- long lists stay short on every page ---------------------------------------------------------

def test_a_passage_many_reports_carry_lists_a_few_others_and_counts_the_rest(tmp_path: Path) -> None:
    from generator.quotes import Occurrence, Quotation
    from generator.plurals import count_phrase
    from generator.reuse_pages import PASSAGE_OTHERS_LISTED as OCCURRENCES_LISTED, _quotation_lines

    # short notices written for this test, each distinct
    notices = {f"n{i:02d}.txt": f"إعلان رقم {i} عن موعد السوق الأسبوعي\n2017-03-{i + 1:02d}\n"
               f"أعلنت البلدية أن السوق الأسبوعي رقم {i} يفتح صباح السبت في الساحة.\n" for i in range(15)}
    ctx = load_context(write_files(tmp_path / "corpus", notices), CONFIG)
    arts = sorted(ctx.articles, key=lambda a: a.id)
    q = Quotation("q-test", "نص مشترك", [Occurrence(a, 0, 5) for a in arts])
    here = ctx.urls.article(arts[3].id)
    lines = [ln for ln in _quotation_lines(ctx, here, q, arts[3].id) if ln.startswith("- ")]
    assert len(lines) == OCCURRENCES_LISTED + 1
    assert lines[0].endswith("— أول ظهور") and arts[3].id not in "".join(lines)
    rest = 15 - 1 - OCCURRENCES_LISTED  # 15 reports: this one, the listed, the rest
    counted = f"- وغيرها: {count_phrase(rest, 'article')}"
    assert lines[-1] == counted
    first = [ln for ln in _quotation_lines(ctx, here, q, arts[0].id) if ln.startswith("- ")]
    assert first[0] == "- هذا المقال أول من نشره" and first[-1] == counted


def test_a_shared_passage_is_shown_by_its_opening_words_on_the_page_whose_text_holds_it(tmp_path: Path) -> None:
    from generator.quotes import Occurrence, Quotation
    from generator.reuse_pages import QUOTE_CHARS, QUOTE_CHARS_OWN_PAGE, _quotation_lines

    notices = {f"n{i}.txt": f"إعلان رقم {i} عن السوق\n2017-03-0{i + 1}\nأعلنت البلدية أن السوق يفتح.\n"
               for i in range(3)}
    ctx = load_context(write_files(tmp_path / "corpus", notices), CONFIG)
    arts = sorted(ctx.articles, key=lambda a: a.id)
    passage = " ".join(f"كلمة{i}" for i in range(120))  # 800 characters
    q = Quotation("q-test", passage, [Occurrence(a, 0, 5) for a in arts])
    own = _quotation_lines(ctx, ctx.urls.article(arts[1].id), q, arts[1].id)[0]
    listed = _quotation_lines(ctx, "people/x.md", q, None)[0]
    assert own.startswith("> «كلمة0 كلمة1 ") and own.endswith(" …»")
    assert QUOTE_CHARS_OWN_PAGE - 10 < len(own) - len("> «» …") <= QUOTE_CHARS_OWN_PAGE
    assert QUOTE_CHARS - 10 < len(listed) - len("> «» …") <= QUOTE_CHARS  # elsewhere, the longer cut


def test_quotations_index_goes_on_numbered_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.quotes import Occurrence, Quotation
    from generator.reuse_pages import render_quotations_index

    notices = {f"n{i}.txt": f"إعلان رقم {i} عن السوق\n2017-03-0{i + 1}\nأعلنت البلدية موعد السوق رقم {i}.\n"
               for i in range(3)}
    ctx = load_context(write_files(tmp_path / "corpus", notices), CONFIG)
    arts = sorted(ctx.articles, key=lambda a: a.id)
    ctx.reuse.quotations[:] = [Quotation(f"q{i}", f"نص مشترك رقم {i}", [Occurrence(a, 0, 5) for a in arts])
                               for i in range(5)]
    monkeypatch.setattr("generator.reuse_pages.LIST_LIMIT", 2)
    outs = {o.path: o.text for o in render_quotations_index(ctx)}
    assert sorted(outs) == ["quotations/index.md", "quotations/page-2.md", "quotations/page-3.md"]
    shown = [t.count("- «نص مشترك رقم") for t in outs.values()]
    assert sorted(shown) == [1, 2, 2] and "**3**" in outs["quotations/page-3.md"]
    assert "](../articles/n0.md)" in outs["quotations/page-2.md"]


def _ten_printing_one_passage() -> list[Article]:

    passage = ("إن المدينة ستستقبل الزوار في ساحتها العامة طوال أيام المهرجان "
               "وإن الدخول سيكون مجانيا للأطفال والطلاب وكبار السن")
    fillers = ["افتتحت البلدية حديقة", "زار وفد من الجامعة", "عقد مجلس الحي جلسة", "نظمت المدرسة رحلة",
               "أعلن النادي عن مباراة", "استقبل المتحف معرضا", "بدأت الورشة عملها", "أغلق السوق أبوابه",
               "وصل القطار متأخرا", "انتهى السباق مساء"]
    arts = []
    for i, filler in enumerate(fillers):
        body = f"{filler} صباح اليوم رقم {i}.\nوقال المنظمون «{passage}».\nوتستمر الفعاليات {i} أيام."
        arts.append(Article(id=f"a{i}", source=f"a{i}.txt", title=filler, body=body, date=f"2015-09-{i + 10:02d}"))
    return arts


def test_a_passage_printed_by_many_articles_is_aligned_through_few_pairs() -> None:
    """Ten articles print one passage: the pairs aligned are a few per article, not all 45, and the
    quotation still has all ten occurrences."""
    from generator.quotes import COVER, _candidates, find_quotations, shingle_index, shingle_pairs
    from generator.textsim import keys

    arts = _ten_printing_one_passage()
    ks = {a.id: keys(a.body) for a in arts}
    index = shingle_index(ks)
    pairs = _candidates(shingle_pairs(ks, index), index)
    assert len(pairs) <= COVER * len(arts) < 45
    found = find_quotations(arts, ks, {a.id: i for i, a in enumerate(arts)}, index=index)
    assert [sorted(o.article.id for o in q.occurrences) for q in found] == [sorted(a.id for a in arts)]


def test_alignments_kept_between_builds_give_the_same_quotations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import quotes
    from generator.textsim import keys

    arts = _ten_printing_one_passage()
    ks = {a.id: keys(a.body) for a in arts}
    order = {a.id: i for i, a in enumerate(arts)}

    def summary(found: list) -> list:
        return [(q.id, q.text, [(o.article.id, o.start, o.end, o.quoted) for o in q.occurrences]) for q in found]

    plain = summary(quotes.find_quotations(arts, ks, order))
    first = quotes.AlignmentCache(tmp_path)
    assert summary(quotes.find_quotations(arts, ks, order, aligned=first)) == plain
    first.save()
    again = quotes.AlignmentCache(tmp_path)
    assert again.entries
    monkeypatch.setattr(quotes, "shared_runs", lambda *a: pytest.fail("aligned again"))
    assert summary(quotes.find_quotations(arts, ks, order, aligned=again)) == plain
