"""The build state (generator/state.py): what counts as a changed input, how a changed docs file is
found without trusting modification times, and where MkDocs writes each docs file."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.state import (RACY_NS, FileRecord, Snapshot, changed_paths, docs_files, hardlink_tree, inputs_digest,
                             installed_versions, tree_digest)


def test_every_change_under_the_corpus_changes_the_inputs_digest(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "2015").mkdir(parents=True)
    (corpus / "2015" / "a.txt").write_text("عنوان\nنص\n", encoding="utf-8")
    config = tmp_path / "config"
    config.mkdir()
    seen = {inputs_digest(corpus, config, "v1", {"strict": False})}

    def changed() -> bool:
        digest = inputs_digest(corpus, config, "v1", {"strict": False})
        new = digest not in seen
        seen.add(digest)
        return new

    assert not changed()  # the same inputs, the same digest
    (corpus / "2015" / "a.yml").write_text("title: عنوان آخر\n", encoding="utf-8")  # a sidecar
    assert changed()
    (corpus / "2015" / "a.txt").write_text("عنوان\nنص معدل\n", encoding="utf-8")
    assert changed()
    os.utime(corpus / "2015" / "a.txt", ns=(0, 0))  # a new modification time alone changes nothing
    assert not changed()
    (corpus / "link.txt").symlink_to(corpus / "2015" / "a.txt")
    assert changed()
    (corpus / "empty").mkdir()
    assert changed()
    assert inputs_digest(corpus, config, "v2", {"strict": False}) not in seen  # code or configuration
    assert inputs_digest(corpus, config, "v1", {"strict": True}) not in seen  # a flag
    assert tree_digest(tmp_path / "missing") == ""


def test_corpus_files_are_read_again_only_when_stat_says_they_may_have_changed(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "2015").mkdir(parents=True)
    a, b = corpus / "2015" / "a.txt", corpus / "b.txt"
    a.write_text("عنوان\nنص\n", encoding="utf-8")
    b.write_text("عنوان آخر\n", encoding="utf-8")
    first = FileRecord()
    plain = tree_digest(corpus, None, first)
    assert sorted(first.files) == ["2015/a.txt", "b.txt"]
    # the files were written just before the record was begun: racily clean, so read again
    fake = FileRecord(first.at, {k: v[:4] + ["00" * 32] for k, v in first.files.items()})
    assert tree_digest(corpus, fake) == plain
    # a record begun well after their last change vouches for them: a false digest shows they were not read
    later = first.at + 3 * RACY_NS
    fake.at = later
    assert tree_digest(corpus, fake) != plain
    assert tree_digest(corpus, FileRecord(later, first.files)) == plain
    second = FileRecord()
    assert tree_digest(corpus, FileRecord(later, first.files), second) == plain and second.files == first.files
    # rewritten with its old size and modification time put back: the change time tells
    st = a.stat()
    a.write_text("عنوان\nنس\n", encoding="utf-8")
    os.utime(a, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert a.stat().st_mtime_ns == st.st_mtime_ns and a.stat().st_size == st.st_size
    assert tree_digest(corpus, FileRecord(later, first.files)) == tree_digest(corpus) != plain
    # the later of the modification and change times counts: a change within RACY_NS of the record
    st = b.stat()
    entry = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, "00" * 32]
    newest = max(st.st_mtime_ns, st.st_ctime_ns)
    assert FileRecord(newest + RACY_NS // 2, {"b.txt": entry}).digest("b.txt", st, b.read_bytes) != bytes(32)
    assert FileRecord(newest + 2 * RACY_NS, {"b.txt": entry}).digest("b.txt", st, b.read_bytes) == bytes(32)
    # the record is kept in the build state; a damaged entry is dropped, never trusted
    snap = Snapshot.load(tmp_path / "cache", tmp_path / "content")
    snap.corpus = second
    snap.save()
    assert Snapshot.load(tmp_path / "cache", tmp_path / "content").corpus == second
    assert FileRecord.from_json({"at": "x"}) == FileRecord() and FileRecord.from_json(None) == FileRecord()
    damaged = FileRecord.from_json({"at": 5, "files": {"b.txt": entry[:4] + ["zz"], "c.txt": entry}})
    assert list(damaged.files) == ["c.txt"]
    # a name that is not UTF-8 is read every time, never recorded: the state is JSON
    with open(os.fsencode(corpus) + b"/caf\xe9.txt", "wb") as fh:
        fh.write("نص\n".encode("utf-8"))
    third = FileRecord()
    assert tree_digest(corpus, None, third) != plain and len(third.files) == 2
    snap.corpus = third
    snap.save()
    assert Snapshot.load(tmp_path / "cache", tmp_path / "content").corpus == third


def test_docs_files_hash_again_only_what_stat_says_may_have_changed(tmp_path: Path) -> None:
    docs = tmp_path / "content"
    (docs / "articles").mkdir(parents=True)
    (docs / "index.md").write_text("# الرئيسية\n", encoding="utf-8")
    (docs / "articles" / "a.md").write_text("# أ\n", encoding="utf-8")
    (docs / ".arshif-manifest.json").write_text("{}", encoding="utf-8")  # hidden: MkDocs skips it
    first = docs_files(docs)
    assert sorted(first) == ["articles/a.md", "index.md"]
    # a record whose size and time match is trusted (no reading); any other entry is hashed again
    fake = {k: [v[0], v[1], "recorded"] for k, v in first.items()}
    assert {k: v[2] for k, v in docs_files(docs, fake).items()} == {"articles/a.md": "recorded", "index.md": "recorded"}
    os.utime(docs / "index.md", ns=(1, 1))  # as a checkout: same bytes, new time
    again = docs_files(docs, fake)
    assert again["index.md"][2] == first["index.md"][2] and again["articles/a.md"][2] == "recorded"
    assert changed_paths(first, docs_files(docs, first)) == ([], [])  # same bytes: nothing changed
    (docs / "articles" / "b.md").write_text("# ب\n", encoding="utf-8")
    (docs / "index.md").unlink()
    assert changed_paths(first, docs_files(docs, first)) == (["articles/b.md"], ["index.md"])


def test_a_hard_linked_copy_shares_files_until_one_is_replaced(tmp_path: Path) -> None:
    src = tmp_path / "site"
    (src / "a").mkdir(parents=True)
    (src / "a" / "index.html").write_text("old", encoding="utf-8")
    assert hardlink_tree(src, tmp_path / "copy") == 1
    copy = tmp_path / "copy" / "a" / "index.html"
    assert copy.stat().st_ino == (src / "a" / "index.html").stat().st_ino
    tmp = copy.with_name("new.tmp")
    tmp.write_text("new", encoding="utf-8")
    os.replace(tmp, copy)
    assert (src / "a" / "index.html").read_text(encoding="utf-8") == "old"


def test_a_missing_or_damaged_state_means_a_whole_build(tmp_path: Path) -> None:
    out = tmp_path / "content"
    assert Snapshot.load(None, out).path is None
    snap = Snapshot.load(tmp_path / "cache", out)
    assert not snap.unchanged("digest", out)
    snap.inputs, snap.report = "digest", {"head": "h", "stderr": [], "status": 0, "files": 0}
    snap.save()
    assert Snapshot.load(tmp_path / "cache", out).unchanged("digest", out)
    assert snap.path is not None
    snap.path.write_text("{not json", encoding="utf-8")
    assert not Snapshot.load(tmp_path / "cache", out).unchanged("digest", out)


def test_installed_versions_name_every_distribution() -> None:
    listed = installed_versions().split(";")
    names = [item.split("==")[0] for item in listed]
    assert names == sorted(names)
    assert any(item.startswith("mkdocs==1.6") for item in listed)


def test_a_work_cache_rewrites_only_the_buckets_whose_keys_changed(tmp_path: Path) -> None:
    from generator.state import WorkCache

    first = WorkCache(tmp_path, "kind")
    keys = [bytes([i]) * 4 for i in range(200)] + [("pair", i) for i in range(50)]
    for k in keys:
        assert first.get(k, lambda k=k: repr(k)) == repr(k)
    first.save()
    folder = first.folder
    assert folder is not None
    files = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    assert 1 < len(files) <= WorkCache.BUCKETS
    inodes = {p.name: p.stat().st_ino for p in folder.iterdir()}

    again = WorkCache(tmp_path, "kind")
    assert again.entries == {k: repr(k) for k in keys}
    for k in keys[1:]:  # keys[0] is no longer looked up; one key is new
        again.get(k, lambda: pytest.fail("computed again"))
    new = bytes([7]) + b"new"
    assert again.get(new, lambda: "fresh") == "fresh"
    again.save()
    changed = {p.name for p in folder.iterdir() if p.stat().st_ino != inodes.get(p.name)}
    assert changed == {f"{WorkCache.bucket(keys[0]):02x}.pickle", f"{WorkCache.bucket(new):02x}.pickle"}
    third = WorkCache(tmp_path, "kind")
    assert keys[0] not in third.entries and third.entries[new] == "fresh" and len(third.entries) == len(keys)
    assert WorkCache.bucket(("pair", 3)) == WorkCache.bucket(("pair", 3))  # stable, not hash()
