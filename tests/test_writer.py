"""The writer: atomic, writes only changed bytes, removes only its own stale files, refuses bad paths."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from generator.pages import Output
from generator.writer import MANIFEST, OutputConflict, UnsafePath, write_outputs


def outs(**pages: str) -> list[Output]:
    return [Output(path.replace("__", "/") + ".md", text, f"src-{path}") for path, text in pages.items()]


def test_second_write_touches_nothing(tmp_path: Path) -> None:
    first = write_outputs(tmp_path, outs(index="أ\n", articles__a="ب\n"))
    assert sorted(first.written) == ["articles/a.md", "index.md"]
    stamps = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*")}
    second = write_outputs(tmp_path, outs(index="أ\n", articles__a="ب\n"))
    assert second.written == [] and second.removed == [] and second.unchanged == 2
    assert {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*")} == stamps


def test_only_changed_file_is_rewritten(tmp_path: Path) -> None:
    write_outputs(tmp_path, outs(index="1\n", articles__a="2\n"))
    res = write_outputs(tmp_path, outs(index="1\n", articles__a="3\n"))
    assert res.written == ["articles/a.md"]
    assert (tmp_path / "articles/a.md").read_bytes() == b"3\n"


def test_stale_generated_files_removed_hand_made_kept(tmp_path: Path) -> None:
    write_outputs(tmp_path, outs(index="1\n", articles__a="2\n", articles__b="3\n"))
    (tmp_path / "articles" / "notes.md").write_text("hand made\n", encoding="utf-8")
    (tmp_path / "people").mkdir()
    res = write_outputs(tmp_path, outs(index="1\n", articles__a="2\n"))
    assert res.removed == ["articles/b.md"]
    assert (tmp_path / "articles" / "notes.md").read_text(encoding="utf-8") == "hand made\n"
    manifest = json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["files"] == ["articles/a.md", "index.md"]


def test_emptied_generated_folder_is_removed(tmp_path: Path) -> None:
    write_outputs(tmp_path, outs(index="1\n", topics__t="2\n"))
    write_outputs(tmp_path, outs(index="1\n"))
    assert not (tmp_path / "topics").exists()


def test_manifest_cannot_delete_outside_output(tmp_path: Path) -> None:
    out = tmp_path / "content"
    victim = tmp_path / "victim.md"
    victim.write_text("keep\n", encoding="utf-8")
    out.mkdir()
    (out / MANIFEST).write_text(json.dumps({"files": ["../victim.md", "/etc/hostname"]}), encoding="utf-8")
    write_outputs(out, outs(index="1\n"))
    assert victim.read_text(encoding="utf-8") == "keep\n"


def test_two_outputs_for_one_path_name_both_sources(tmp_path: Path) -> None:
    with pytest.raises(OutputConflict) as err:
        write_outputs(tmp_path, [Output("articles/x.md", "1", "corpus/x.txt"),
                                 Output("articles/X.md", "2", "corpus/X.txt")])
    assert "corpus/x.txt" in str(err.value) and "corpus/X.txt" in str(err.value)
    assert not (tmp_path / "articles").exists()


@pytest.mark.parametrize("bad", ["../x.md", "/etc/passwd", "a/../../x.md", "a//b.md", ".hidden.md",
                                 "articles/../../etc/passwd", "a\\b.md", ""])
def test_unsafe_paths_refused(tmp_path: Path, bad: str) -> None:
    with pytest.raises(UnsafePath):
        write_outputs(tmp_path / "content", [Output(bad, "x", "test")])
    assert not (tmp_path / "x.md").exists()


def test_symlinked_folder_leading_outside_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "content"
    outside = tmp_path / "outside"
    out.mkdir()
    outside.mkdir()
    os.symlink(outside, out / "articles")
    with pytest.raises(UnsafePath):
        write_outputs(out, [Output("articles/a.md", "x", "test")])
    with pytest.raises(UnsafePath):
        write_outputs(out, [Output("articles/deeper/a.md", "x", "test")])
    assert list(outside.iterdir()) == []


def test_no_temporary_files_left_and_lf_endings(tmp_path: Path) -> None:
    write_outputs(tmp_path, [Output("index.md", "a\r\nb\n", "t")])
    assert (tmp_path / "index.md").read_bytes() == b"a\nb\n"
    assert [p.name for p in tmp_path.rglob("*") if p.name.startswith(".tmp-")] == []


def test_written_files_get_the_usual_permissions(tmp_path: Path) -> None:
    from generator.writer import FILE_MODE

    write_outputs(tmp_path, [Output("articles/a.md", "x\n", "t")])
    assert (tmp_path / "articles/a.md").stat().st_mode & 0o777 == FILE_MODE
