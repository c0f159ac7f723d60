"""Build time from a WARC capture of N generated pages against the same N articles as text files.

    python bench/warc_bench.py [N]          default 1000

Makes N articles with bench/make_corpus.py (the project's own text), writes them as text files in
one corpus and as N saved pages (headline as <title> and <h1>, site menus and footer around the
article) in one gzipped WARC in another, with warcio's writer: a request and a response record per
page, as crawlers write them. Then times `python -m generator build` (no cache, no site) on each,
alternately, ROUNDS times, and prints every figure, the best of each and their ratio.
"""
from __future__ import annotations

import html
import io
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_corpus import make  # noqa: E402

OUT = ROOT / "bench" / "out" / "warc"
ROUNDS = 2

PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title} | أخبار اليوم</title>
<meta property="og:title" content="{title}"></head>
<body><header><nav><a href="/">الرئيسية</a> <a href="/local">محليات</a> <a href="/world">دوليات</a></nav></header>
<main><article><h1>{title}</h1>
{paragraphs}
</article><aside><h2>الأكثر قراءة</h2><ul><li><a href="/1">خبر آخر</a></li></ul></aside></main>
<footer><p>جميع الحقوق محفوظة</p></footer></body></html>
"""


def page_of(text: str) -> bytes:
    """A saved page holding one generated article: its first line as the title, the rest as paragraphs."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    paragraphs = "\n".join(f"<p>{html.escape(ln)}</p>" for ln in lines[1:])
    return PAGE.format(title=html.escape(lines[0]), paragraphs=paragraphs).encode("utf-8")


def write_warc(texts: list[Path], target: Path) -> None:
    """One gzipped WARC with a request and a response record for each article's page."""
    with target.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i, path in enumerate(texts):
            url = f"https://news.example/{path.parent.name}/{path.stem}"
            body = page_of(path.read_text(encoding="utf-8"))
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                  ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            date = f"2017-01-{1 + i % 28:02d}T12:00:00Z"  # after every date the texts state
            request = writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                                warc_headers_dict={"WARC-Date": date},
                                                http_headers=StatusAndHeaders(f"GET /{path.stem} HTTP/1.1", [("Host", "news.example")],
                                                                              is_http_request=True))
            response = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                                 warc_headers_dict={"WARC-Date": date})
            writer.write_record(request)
            writer.write_record(response)


def timed_build(corpus: Path, out: Path) -> tuple[float, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", ARSHIF_CACHE="0")
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "generator", "build", "--corpus", str(corpus), "--out", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    return time.perf_counter() - t0, proc.stdout.strip()


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 1000
    shutil.rmtree(OUT, ignore_errors=True)
    text_corpus, warc_corpus = OUT / "text", OUT / "warc"
    make(n, text_corpus)
    warc_corpus.mkdir(parents=True)
    write_warc(sorted(text_corpus.rglob("*.txt")), warc_corpus / "capture.warc.gz")
    size = (warc_corpus / "capture.warc.gz").stat().st_size
    runs: dict[str, list[tuple[float, str]]] = {"text": [], "warc": []}
    for r in range(ROUNDS):  # alternated, the best of each kept: the machine is shared
        for kind, corpus in (("text", text_corpus), ("warc", warc_corpus)):
            out = OUT / f"content-{kind}"
            shutil.rmtree(out, ignore_errors=True)
            runs[kind].append(timed_build(corpus, out))
    (t_text, line_text), (t_warc, line_warc) = min(runs["text"]), min(runs["warc"])
    print(f"N={n} articles, best of {ROUNDS} runs each "
          f"(text {', '.join(f'{t:.1f}' for t, _ in runs['text'])} s; WARC {', '.join(f'{t:.1f}' for t, _ in runs['warc'])} s)")
    print(f"  text files: {t_text:.1f} s — {line_text}")
    print(f"  one WARC ({size / 1e6:.1f} MB, {2 * n} records): {t_warc:.1f} s — {line_warc}")
    print(f"  WARC / text: {t_warc / t_text:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
