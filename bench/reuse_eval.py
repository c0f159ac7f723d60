"""Measure story grouping, shared-quotation finding and agency-copy detection on a synthetic archive
with planted stories, quotations and copies (bench/make_stories.py). Prints figures; asserts nothing.

    python bench/reuse_eval.py [N ...]           default: 2000
    python bench/reuse_eval.py --timing N        also time the content build (no cache) and the stage's
                                                 share of it in one in-process run, then two builds
                                                 with and without the stage (ARSHIF_REUSE=0)

Stories: pairwise precision and recall (a pair of articles is in one found story / in one planted
story) and the share of planted stories found exactly. Quotations: a planted quotation is found when
one found quotation covers at least 80% of its words in at least two of its articles (recall); a
found quotation is right when at least half of its words are a planted quotation printed by its
first article (precision);
speaker accuracy is over the found occurrences whose article attributes the planted quotation.
Words are compared in order (difflib), in their folded form.
Copies: pairwise precision and recall.
"""
from __future__ import annotations

import difflib
import itertools
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_stories import make  # noqa: E402
from generator.context import load_context  # noqa: E402
from generator.quotes import folded  # noqa: E402

OUT = ROOT / "bench" / "out" / "reuse"


def pairs(groups: list[list[str]]) -> set[tuple[str, str]]:
    return {tuple(sorted(p)) for g in groups for p in itertools.combinations(sorted(set(g)), 2)}  # type: ignore[misc]


def cover(planted: list[str], found: list[str]) -> float:
    """Share of the planted words found, in order, in the found text (difflib)."""
    sm = difflib.SequenceMatcher(None, planted, found, autojunk=False)
    return sum(b.size for b in sm.get_matching_blocks()) / max(1, len(planted))


def pr(found: set, truth: set) -> tuple[float, float]:
    tp = len(found & truth)
    return (tp / len(found) if found else 1.0, tp / len(truth) if truth else 1.0)


def evaluate(n: int) -> dict:
    work = OUT / str(n)
    shutil.rmtree(work, ignore_errors=True)
    truth = make(n, work)
    t0 = time.perf_counter()
    ctx = load_context(work / "corpus", ROOT / "site_config")
    t_ctx = time.perf_counter() - t0
    name = {a.id: Path(a.source).name for a in ctx.articles}
    r = ctx.reuse
    s_p, s_r = pr(pairs([[name[a.id] for a in s.articles] for s in r.stories]), pairs(truth["stories"]))
    found_sets = {frozenset(name[a.id] for a in s.articles) for s in r.stories}
    exact = sum(1 for s in truth["stories"] if frozenset(s) in found_sets) / max(1, len(truth["stories"]))
    c_p, c_r = pr({tuple(sorted((name[v.a], name[v.b]))) for v in r.versions}, pairs(truth["copies"]))
    planted = [(folded(q["text"]).split(), q) for q in truth["quotations"]]
    hit = [False] * len(planted)
    right = 0
    speaker_ok = speaker_n = 0
    for q in r.quotations:
        qw = folded(q.text).split()
        best, best_cover = None, 0.0
        for i, (pw, pq) in enumerate(planted):
            if name[q.occurrences[0].article.id] not in pq["articles"]:
                continue
            c = cover(pw, qw)
            if c > best_cover:
                best, best_cover = i, c
        if best is None or best_cover * len(planted[best][0]) < 0.5 * len(qw):
            continue  # less than half of the found text is a planted quotation
        right += 1
        pw, pq = planted[best]
        covered = [o for o in q.occurrences if name[o.article.id] in pq["articles"]
                   and cover(pw, folded(o.article.body[o.start:o.end]).split()) >= 0.8]
        if len({name[o.article.id] for o in covered}) >= 2:
            hit[best] = True
        for o in covered:
            if name[o.article.id] in pq["attributed_in"]:
                speaker_n += 1
                who = ctx.entities[o.speaker].name if o.speaker in ctx.entities else None
                speaker_ok += who == pq["speaker"]
    q_p = right / len(r.quotations) if r.quotations else 1.0
    q_r = sum(hit) / len(hit) if hit else 1.0
    res = {"articles": len(ctx.articles), "planted_stories": len(truth["stories"]), "found_stories": len(r.stories),
           "story_pair_precision": s_p, "story_pair_recall": s_r, "stories_exact": exact,
           "planted_quotations": len(planted), "found_quotations": len(r.quotations),
           "quotation_precision": q_p, "quotation_recall": q_r,
           "speaker_accuracy": speaker_ok / speaker_n if speaker_n else None,
           "planted_copies": len(truth["copies"]), "found_copies": len(r.versions),
           "copy_precision": c_p, "copy_recall": c_r,
           "reuse_seconds": round(r.seconds, 2), "context_seconds": round(t_ctx, 2)}
    return res


def inprocess_build(corpus: Path, out: Path) -> tuple[float, float]:
    """The generator's content build as `generator build` runs it (no extraction cache), in this
    process: (total seconds, seconds spent on stories, versions and quotations, their pages included)."""
    from generator.pages import render_site
    from generator.reuse_pages import render_reuse
    from generator.writer import write_outputs

    shutil.rmtree(out, ignore_errors=True)
    t0 = time.perf_counter()
    ctx = load_context(corpus, ROOT / "site_config")
    write_outputs(out, render_site(ctx))
    total = time.perf_counter() - t0
    t1 = time.perf_counter()
    render_reuse(ctx)
    return total, ctx.reuse.seconds + time.perf_counter() - t1


def timed_build(corpus: Path, out: Path, reuse: bool) -> float:
    shutil.rmtree(out, ignore_errors=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", ARSHIF_CACHE="0", ARSHIF_REUSE="1" if reuse else "0")
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "generator", "build", "--corpus", str(corpus), "--out", str(out)],
                   cwd=ROOT, env=env, capture_output=True, text=True)
    return time.perf_counter() - t0


def main(argv: list[str]) -> int:
    timing = "--timing" in argv
    sizes = [int(a) for a in argv if a.isdigit()] or [2000]
    for n in sizes:
        res = evaluate(n)
        print(json.dumps(res, ensure_ascii=False))
        for k in ("story_pair_precision", "story_pair_recall", "stories_exact", "quotation_precision",
                  "quotation_recall", "speaker_accuracy", "copy_precision", "copy_recall"):
            v = res[k]
            print(f"  {k:22s} {v if v is None else f'{v:.3f}'}")
        if timing:
            corpus = OUT / str(n) / "corpus"
            total, stage = inprocess_build(corpus, OUT / str(n) / "content-inprocess")
            print(f"  one build, in-process  {total:.1f} s, of which stories, versions, quotations and their pages"
                  f" {stage:.1f} s: +{100 * stage / (total - stage):.1f}% over the build without them")
            without = timed_build(corpus, OUT / str(n) / "content-off", reuse=False)
            with_ = timed_build(corpus, OUT / str(n) / "content-on", reuse=True)
            print(f"  build without stage    {without:.1f} s  (python -m generator build, ARSHIF_REUSE=0)")
            print(f"  build with stage       {with_:.1f} s  ({100 * (with_ - without) / without:+.1f}%;"
                  " two separate runs on a shared machine: noisier than the in-process figure)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
