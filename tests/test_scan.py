"""scan.py: each article file's key, taken again only for a file that changed since the last build."""

import os

import pytest

from dossier import scan as scan_module
from dossier.cache import article_key


@pytest.fixture
def content(tmp_path, monkeypatch):
    folder = tmp_path / "content"
    (folder / "articles").mkdir(parents=True)
    (folder / "site.yaml").write_text("title: Keys\n")
    for name in ("a", "b", "c"):
        (folder / "articles" / f"{name}.txt").write_text(f"Story {name}\n\nA paragraph about {name}.\n")
    monkeypatch.setattr(scan_module, "_KEYS_SEEN", {})  # as in a new process
    return folder


def reads_of(monkeypatch) -> list:
    read, reads = scan_module._bytes_of, []
    monkeypatch.setattr(scan_module, "_bytes_of", lambda path: reads.append(path.name) or read(path))
    return reads


def expected(content, name):
    scanned = scan_module.scan(content, remembered=False)
    return article_key(scanned.settings, f"{name}.txt", (content / "articles" / f"{name}.txt").read_bytes(), "")


def test_a_later_build_reads_only_the_files_changed_since(content, monkeypatch):
    monkeypatch.setattr(scan_module, "SETTLED_NS", -10 ** 12)  # every file left alone long enough
    first = scan_module.scan(content)
    path = content / "articles" / "b.txt"
    status = path.stat()
    path.write_text(path.read_text().replace("about", "ABOUT"))  # the same size
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))  # and the same time, set back
    monkeypatch.setattr(scan_module, "_KEYS_SEEN", {})  # the next build
    reads = reads_of(monkeypatch)
    second = scan_module.scan(content)
    assert reads == ["b.txt"]  # its change time tells it was written
    assert second.keys[0] == first.keys[0] and second.keys[2] == first.keys[2]
    assert second.keys[1] != first.keys[1] and second.keys[1] == expected(content, "b")


def test_a_file_changed_just_before_a_build_is_read_again_by_the_next(content, monkeypatch):
    scan_module.scan(content)  # every file was written a moment ago: its key is not kept
    monkeypatch.setattr(scan_module, "_KEYS_SEEN", {})
    reads = reads_of(monkeypatch)
    scan_module.scan(content)
    assert sorted(reads) == ["a.txt", "b.txt", "c.txt"]


def test_without_the_cache_every_file_is_read_and_nothing_is_kept(content, monkeypatch):
    monkeypatch.setattr(scan_module, "SETTLED_NS", -10 ** 12)
    scan_module.scan(content, remembered=False)
    assert not (content.parent / ".cache" / "keys.pickle").exists()
    scan_module.scan(content)
    (content.parent / ".cache" / "keys.pickle").write_bytes(b"\x80\x05not a pickle")  # cut short, say
    monkeypatch.setattr(scan_module, "_KEYS_SEEN", {})
    reads = reads_of(monkeypatch)
    again = scan_module.scan(content)
    assert sorted(reads) == ["a.txt", "b.txt", "c.txt"] and again.keys[0] == expected(content, "a")


def test_the_article_files_are_those_a_reader_reads_in_path_order(content):
    articles = content / "articles"
    (articles / "later" / "deeper").mkdir(parents=True)
    (articles / "later" / "deeper" / "d.md").write_text("# D\n")
    (articles / "later" / "B.html").write_text("<p>B</p>")
    (articles / ".draft.txt").write_text("hidden")  # hidden: left out
    (articles / ".hidden").mkdir()
    (articles / ".hidden" / "e.txt").write_text("hidden too")
    (articles / "photo.JPG").write_bytes(b"\xff\xd8")  # a picture: published with the article showing it
    (articles / "saved_files").mkdir()
    (articles / "saved_files" / "frame.html").write_text("<p>a saved page's own file</p>")
    (articles / "notes.docx").write_bytes(b"PK")  # not read: said so
    (articles / "also-later").symlink_to(articles / "later", target_is_directory=True)  # not entered
    (articles / "c-again.txt").symlink_to(articles / "c.txt")  # a link inside content/: read
    problems = []
    files = scan_module.article_files(articles, problems)
    assert [f.relative_to(articles).as_posix() for f in files] == [
        "a.txt", "b.txt", "c-again.txt", "c.txt", "later/B.html", "later/deeper/d.md"]
    assert [(p.path, p.message.split(":")[0]) for p in problems] == [(str(articles / "notes.docx"), "skipped")]
    assert scan_module.article_stem("later/deeper/d.md") == "later/deeper/d"
    assert scan_module.article_stem("dotted.name/file") == "dotted.name/file"
