"""Property: a build of a small archive made of arbitrary file names (bytes), arbitrary sidecar YAML
documents and arbitrary article text always finishes, with exit 0 or 1, no traceback, a message
naming every input it did not build, and every output under 10 MB (issue 11)."""
from __future__ import annotations

import contextlib
import io
import os
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from generator.cli import main
from generator.config import escape_controls
from test_bad_input import front

MAX_OUTPUT = 10 * 1024 * 1024
SIDECAR_KEYS = ["title", "date", "outlet", "author", "source_url", "topics", "add_entities", "remove_entities"]
TAGS = ["!!int", "!!float", "!!bool", "!!timestamp", "!!binary", "!!str", "!!null", "!!set", "!!omap",
        "!!python/name:os.system", "&a", "*a", "<<:"]

names = st.binary(min_size=1, max_size=16).filter(
    lambda b: b"/" not in b and b"\0" not in b and b not in (b".", b".."))
scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.sampled_from(SIDECAR_KEYS) | st.text(max_size=6), inner, max_size=3),
                      max_leaves=8)
dumped = st.dictionaries(st.sampled_from(SIDECAR_KEYS), values, max_size=4).map(
    lambda d: yaml.safe_dump(d, allow_unicode=True))
tagged = st.tuples(st.sampled_from(SIDECAR_KEYS), st.sampled_from(TAGS), st.text(max_size=20)).map(
    lambda t: f"{t[0]}: {t[1]} {t[2]!r}\n")
sidecars = st.none() | dumped | tagged | st.text(max_size=120)
articles = st.lists(st.tuples(names, st.text(max_size=300), sidecars), min_size=1, max_size=4,
                    unique_by=lambda t: t[0].lower())


def build(corpus: Path, out: Path) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = main(["build", "--corpus", str(corpus), "--config", str(ROOT / "site_config"), "--out", str(out)])
    return code, stdout.getvalue(), stderr.getvalue()


@settings(max_examples=int(os.environ.get('ARSHIF_EXAMPLES', '15')), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles)
def test_any_archive_builds_or_names_what_it_refused(items: list[tuple[bytes, str, str | None]]) -> None:
    os.environ["ARSHIF_CACHE"] = "0"
    with tempfile.TemporaryDirectory() as tmp:
        corpus, out = Path(tmp) / "corpus", Path(tmp) / "content"
        corpus.mkdir()
        shown: list[str] = []
        for name, text, side in items:
            raw = os.fsencode(corpus) + b"/" + name
            with open(raw + b".txt", "wb") as fh:
                fh.write(text.encode("utf-8", errors="surrogatepass"))
            if side is not None:
                with open(raw + b".yml", "wb") as fh:
                    fh.write(side.encode("utf-8", errors="surrogatepass"))
            shown.append(f"{corpus.as_posix()}/{escape_controls(os.fsdecode(name + b'.txt'))}")
        code, stdout, stderr = build(corpus, out)
        assert code in (0, 1), stderr
        assert "Traceback" not in stderr
        assert len(stdout.splitlines()) == 1 and stdout.startswith("built ")
        sources = {front(md)["source"] for md in (out / "articles").glob("*.md")}
        said = stderr.splitlines()
        for name in shown:
            named = any(line.startswith((f"skipped {name}:", f"ignored {name}:")) for line in said)
            inside = name[len(corpus.as_posix()) + 1:]  # pages give the path inside the corpus
            assert named or inside in sources, (name, stderr)
        for path in out.rglob("*"):
            assert not path.is_file() or path.stat().st_size < MAX_OUTPUT, path
