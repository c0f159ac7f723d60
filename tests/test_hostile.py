"""Hostile text: markup, script, link and YAML syntax in an article or a sidecar is shown as text (or,
for raw HTML tags in the article file, dropped by the cleaner as stray page markup), never becomes
an element, never runs, never breaks the front matter and never makes a file outside content/.

All sentences here are written for these tests.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from conftest import ROOT, BuiltSite, run_build, serve_folder

# Lines the article body must show exactly as written (after the cleaner has decoded HTML entities).
LITERAL_LINES = [
    "# هذا السطر يبدأ بعلامة عنوان ولا يصير عنواناً.",
    "> وهذا السطر يبدأ بعلامة اقتباس ولا يصير اقتباساً.",
    "| عمود أول | عمود ثان | هذا ليس جدولاً.",
    "- وهذا ليس بنداً في قائمة بل جملة عادية.",
    "* ولا هذا بند، بل جملة تبدأ بنجمة.",
    "` وهذه علامة شيفرة في أول السطر لا تفتح شيفرة.",
    "1. وهذا رقم في أول السطر لا يبدأ قائمة مرقمة.",
    "وقال المهندس إن التفاصيل في [هذا الرابط](javascript:window.__pwned=3) وليست رابطاً.",
    "وكتب أحدهم <script>window.__pwned = 11</script> بترميز الكيانات في وسط الخبر.",
    "وكتب آخر <img src=x onerror=\"window.__pwned=12\"> بترميز الكيانات أيضاً.",
    "وهذه **نجمتان** و__شرطتان__ و~~خط~~ و{: .class} و$$ x $$ و{{ متغير }} كلها نص.",
]
ENCODED = {  # how two of them are written in the file: as HTML entities, which the cleaner decodes
    LITERAL_LINES[8]: "وكتب أحدهم &lt;script&gt;window.__pwned = 11&lt;/script&gt; بترميز الكيانات في وسط الخبر.",
    LITERAL_LINES[9]: "وكتب آخر &lt;img src=x onerror=&quot;window.__pwned=12&quot;&gt; بترميز الكيانات أيضاً.",
}
# Raw tags in the file: the cleaner drops stray page markup; what is left of the line stays.
RAW_TAG_LINES = [
    "افتتحت البلدية <img src=x onerror=\"window.__pwned=2\"> صباح اليوم جسراً جديداً فوق النهر.",
    "وفي الخبر <a href=\"javascript:window.__pwned=4\">رابط آخر</a> و<b>نص عريض</b> و<svg onload=\"window.__pwned=6\"></svg> أيضاً.",
    "<iframe src=\"javascript:window.__pwned=5\"></iframe><script>window.__pwned = 1</script> وانتهى الخبر هنا.",
]
_TAG = re.compile(r"<[^<>]*>")


def without_tags(line: str) -> str:
    """What must be left of a line once its tags are dropped: every word outside them."""
    return " ".join(_TAG.sub(" ", line).split())


HOSTILE_BODY = ("تحذير من نص برمجي في خبر عن الجسر الجديد\nالأحد 27 أيلول 2015\n"
                + "\n".join(RAW_TAG_LINES + [ENCODED.get(x, x) for x in LITERAL_LINES]) + "\n")

YAML_TITLE = "title: \"عنوان مزيف\": 'بين' علامات {a: b} [1, 2] & *x !tag"
YAML_ARTICLE = ("---\n" + YAML_TITLE + "\n---\nالأحد 27 أيلول 2015\n"
                "كتب المحرر أن سطر العنوان أعلاه مكتوب بصيغة تشبه ترويسة الملفات.\n"
                "وأضاف أن هذا لا ينبغي أن يغير شيئاً في الصفحة المولدة.\n")
# A headline written with HTML entities: the cleaner decodes them, so the title holds real markup.
ENCODED_TITLE = "<script>window.__pwned = 14</script> عنوان كتب بترميز الكيانات & \"علامات\""
ENCODED_ARTICLE = ("&lt;script&gt;window.__pwned = 14&lt;/script&gt; عنوان كتب بترميز الكيانات &amp; &quot;علامات&quot;\n"
                   "الأحد 27 أيلول 2015\n"
                   "نشر الموقع خبراً كتب عنوانه بترميز الكيانات فصار فيه وسم برمجي بعد فك الترميز.\n"
                   "ويجب أن يظهر العنوان نصاً كما هو في رأس الصفحة وفي عنوان النافذة.\n")
PLAIN = ("خبر عادي عن حديقة جديدة في المدينة\nالأحد 27 أيلول 2015\n"
         "افتتحت البلدية حديقة عامة جديدة قرب النهر بعد أشهر من العمل.\n"
         "وقال مسؤول إن الحديقة ستفتح أبوابها للجميع طوال أيام الأسبوع.\n")

# Sidecar values bypass the cleaner: they must be shown exactly as written.
SIDECAR_TITLE = "<script>window.__pwned = 7</script> <img src=x onerror=\"window.__pwned=8\"> عنوان من المحرر"
SIDECAR_AUTHOR = "\"><script>window.__pwned=9</script> [المحرر](javascript:window.__pwned=13)"
SIDECAR_URL = "https://example.com/a\"><script>window.__pwned=10</script>"
SIDECAR_TITLES = {
    "passwd": "../../etc/passwd",
    "dashes": "---",
    "keyvalue": "key: value",
    "quotes": "\"مقتبس\" و'مفرد' و`مائل`: نعم",
}


@dataclass
class Hostile:
    corpus: Path
    built: BuiltSite
    tmp: Path
    before: dict[str, int]


def write_corpus(corpus: Path) -> None:
    corpus.mkdir()
    (corpus / "hostile.txt").write_text(HOSTILE_BODY, encoding="utf-8")
    (corpus / "yaml-title.txt").write_text(YAML_ARTICLE, encoding="utf-8")
    (corpus / "encoded-title.txt").write_text(ENCODED_ARTICLE, encoding="utf-8")
    (corpus / "editor.txt").write_text(PLAIN, encoding="utf-8")
    (corpus / "editor.yml").write_text(yaml.safe_dump(
        {"title": SIDECAR_TITLE, "author": SIDECAR_AUTHOR, "source_url": SIDECAR_URL}, allow_unicode=True),
        encoding="utf-8")
    for n, (name, title) in enumerate(SIDECAR_TITLES.items()):
        (corpus / f"{name}.txt").write_text(PLAIN.replace("حديقة", f"حديقة رقم {n}", 1), encoding="utf-8")
        (corpus / f"{name}.yml").write_text(yaml.safe_dump({"title": title}, allow_unicode=True), encoding="utf-8")


def snapshot(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns
            for p in folder.rglob("*") if not p.is_symlink()}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Hostile:
    tmp = tmp_path_factory.mktemp("hostile")
    write_corpus(tmp / "corpus")
    before = snapshot(tmp)
    passwd = os.stat("/etc/passwd").st_mtime_ns
    built = run_build(tmp / "corpus", ROOT / "site_config", tmp / "work" / "content", tmp / "work" / "site")
    assert os.stat("/etc/passwd").st_mtime_ns == passwd
    return Hostile(tmp / "corpus", built, tmp, before)


def front_and_body(md: Path) -> tuple[dict, str]:
    text = md.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    end = text.index("\n---\n", 3)
    return yaml.safe_load(text[4:end + 1]), text[end + 5:]


def page_md(h: Hostile, name: str) -> Path:
    return h.tmp / "work" / "content" / "articles" / f"{name}.md"


def test_build_succeeds_and_site_builds_with_mkdocs_strict(hostile: Hostile) -> None:
    assert hostile.built.returncode == 0, hostile.built.stderr
    assert (hostile.tmp / "work" / "site" / "articles" / "hostile" / "index.html").is_file()


def test_no_file_written_outside_content_and_site(hostile: Hostile) -> None:
    after = snapshot(hostile.tmp)
    outside = {p: t for p, t in after.items() if not p.startswith("work")}
    assert outside == hostile.before
    assert set(os.listdir(hostile.tmp / "work")) == {"content", "site"}
    for md in (hostile.tmp / "work" / "content").rglob("*"):
        assert re.fullmatch(r"[a-z0-9./_-]+", md.relative_to(hostile.tmp / "work" / "content").as_posix()), md
    for name in SIDECAR_TITLES:
        assert page_md(hostile, name).is_file()


@pytest.mark.parametrize("name, title", [("yaml-title", YAML_TITLE), ("editor", SIDECAR_TITLE),
                                         ("encoded-title", ENCODED_TITLE)]
                         + list(SIDECAR_TITLES.items()))
def test_front_matter_round_trips_hostile_titles(hostile: Hostile, name: str, title: str) -> None:
    fm, body = front_and_body(page_md(hostile, name))
    assert fm["title"] == title and fm["kind"] == "article" and fm["id"] == name
    assert fm["source"] == f"{name}.txt"  # the path inside the corpus, never the builder's
    assert body.split("</nav>", 1)[1].lstrip("\n").startswith("# ") and "\n---\n" not in body  # crumbs, then the title


def test_sidecar_author_and_url_round_trip(hostile: Hostile) -> None:
    fm, _ = front_and_body(page_md(hostile, "editor"))
    assert fm["author"] == SIDECAR_AUTHOR and fm["source_url"] == SIDECAR_URL


def test_markdown_has_no_raw_markup(hostile: Hostile) -> None:
    for md in (hostile.tmp / "work" / "content").rglob("*.md"):
        _, body = front_and_body(md)
        body = re.sub(r'<figure class="arshif-chart">.*?</figure>', "", body)  # the generator's own charts
        assert not re.search(r"<\s*(script|img|iframe|svg|a|b)\b", body, re.I), md
        assert not re.search(r"(?<!\\)\]\(\s*javascript", body, re.I), md


# ---- in the browser ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def hostile_url(hostile: Hostile) -> Iterator[str]:
    with serve_folder(hostile.tmp / "work" / "site") as url:
        yield url


ARTICLE_ELEMENTS = ("article script, article img, article iframe, article svg, article object, article embed, "
                    "article form, article table, article blockquote, article pre, article code, article hr")


def open_article(page: Any, url: str, name: str) -> list[str]:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{url}articles/{name}/", wait_until="load")
    page.wait_for_timeout(300)
    return dialogs


def visible_paragraphs(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        "article.md-content__inner p", "els => els.map(e => e.textContent.replace(/\\s+/g, ' ').trim())")


@pytest.mark.parametrize("name", ["hostile", "editor", "yaml-title", "encoded-title", "passwd"])
def test_no_script_runs_and_no_element_is_injected(page: Any, hostile_url: str, name: str) -> None:
    dialogs = open_article(page, hostile_url, name)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert dialogs == []
    assert page.eval_on_selector_all(ARTICLE_ELEMENTS, "els => els.map(e => e.outerHTML)") == []
    injected = page.eval_on_selector_all(
        "script, img, iframe, svg, object, embed, base, style",
        "els => els.map(e => e.outerHTML).filter(h => h.includes('__pwned'))")
    assert injected == []
    hrefs = page.eval_on_selector_all("[href], [src], [action], [formaction]", """els => els.flatMap(
        e => ['href', 'src', 'action', 'formaction'].map(a => e.getAttribute(a) || ''))""")
    assert [h for h in hrefs if re.match(r"\s*(javascript|data|vbscript):", h, re.I)] == []
    handlers = page.evaluate("""() => [...document.querySelectorAll('article *')].flatMap(
        e => [...e.attributes].filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name))""")
    assert handlers == []
    assert page.locator("article h1").count() == 1


def test_hostile_lines_are_shown_as_text(page: Any, hostile_url: str) -> None:
    open_article(page, hostile_url, "hostile")
    paragraphs = visible_paragraphs(page)
    for line in LITERAL_LINES:
        assert line in paragraphs, line
    for line in RAW_TAG_LINES:
        assert without_tags(line) in paragraphs, line
    assert page.locator("article blockquote, article table, article li p").count() == 0


def test_hostile_titles_author_and_url_are_shown_as_text(page: Any, hostile_url: str) -> None:
    open_article(page, hostile_url, "editor")
    assert page.locator("article h1").text_content().strip() == SIDECAR_TITLE
    assert page.title().startswith(SIDECAR_TITLE)
    text = page.locator("article").text_content()
    assert SIDECAR_AUTHOR in text
    hrefs = page.eval_on_selector_all("article a[href^='https://example.com']", "els => els.map(e => e.href)")
    assert len(hrefs) == 1 and "<" not in hrefs[0] and '"' not in hrefs[0]
    assert page.locator("article a[href^='https://example.com']").text_content() == "الصفحة الأصلية"
    for name, title in [("yaml-title", YAML_TITLE), ("encoded-title", ENCODED_TITLE)] + list(SIDECAR_TITLES.items()):
        page.goto(f"{hostile_url}articles/{name}/", wait_until="load")
        assert page.locator("article h1").text_content().strip() == title
        assert page.title().startswith(title)
        assert page.locator(".md-header__topic .md-ellipsis").last.text_content().strip() == title
