"""The preview's search index: made beside the site, then swapped in whole."""

import threading

from dossier.search import reindex_live


def page(words: str) -> str:
    return f"<!doctype html><html lang=en><head><title>t</title></head><body data-pagefind-body><p>{words}</p></body></html>"


def test_a_new_index_replaces_the_old_one_and_leaves_nothing_behind(tmp_path):
    (tmp_path / "about").mkdir()
    (tmp_path / "about" / "index.html").write_text(page("peacekeepers in Karabakh"))
    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "stale.pf_fragment").write_text("from an older index")
    lock = threading.Lock()
    assert reindex_live(tmp_path, lock) == []
    assert (tmp_path / "pagefind" / "pagefind.js").is_file()
    assert not (tmp_path / "pagefind" / "stale.pf_fragment").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["about", "pagefind"]
    assert not lock.locked()


def test_a_site_replaced_while_it_was_indexed_is_left_alone(tmp_path, monkeypatch):
    import dossier.search

    (tmp_path / "index.html").write_text(page("words"))

    def index_then_lose_it(site, into=None, previous=None):  # the site was swapped for a new one meanwhile
        return []

    monkeypatch.setattr(dossier.search, "index_search", index_then_lose_it)
    assert reindex_live(tmp_path) == []
    assert not (tmp_path / "pagefind").exists()


def test_only_the_pages_that_can_hold_an_indexed_body_are_read(tmp_path):
    """Articles, entity pages and the editor's pages are indexed; a source page, a tag page or the
    chronology is not read even if it were marked (Pagefind is given only the first kinds)."""
    import json

    from dossier.search import index_search

    for number, path in enumerate(["articles/a/index.html", "people/p/index.html", "about/index.html",
                                   "articles/a/source/index.html", "tags/t/index.html", "chronology/2023/index.html"]):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(page(f"page number {number}"))
    assert index_search(tmp_path) == []
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 3


def test_a_large_site_is_indexed_in_shards_listed_for_the_search_page(tmp_path, monkeypatch):
    """Pagefind holds all it indexes in memory: past SHARD_PAGES pages, one run per shard. Only the
    pages that mark a body are shared out (a shard of unmarked pages would be indexed whole)."""
    import json

    import dossier.search
    from dossier.search import index_search

    monkeypatch.setattr(dossier.search, "SHARD_PAGES", 2)
    for name in "abcde":
        (tmp_path / "articles" / name).mkdir(parents=True)
        (tmp_path / "articles" / name / "index.html").write_text(page(f"article {name}"))
    (tmp_path / "articles" / "index.html").write_text(page("a list").replace(" data-pagefind-body", ""))
    assert index_search(tmp_path) == []
    index = tmp_path / "pagefind"
    assert json.loads((index / "shards.json").read_text())["shards"] == ["shards/1/", "shards/2/"]
    counts = [json.loads((folder / "pagefind-entry.json").read_text())["languages"]["en"]["page_count"]
              for folder in (index, index / "shards" / "1", index / "shards" / "2")]
    assert counts == [2, 2, 1]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles", "pagefind"]  # its work folder is gone


def test_a_small_site_has_one_index_and_no_shards(tmp_path):
    import json

    from dossier.search import index_search

    (tmp_path / "about").mkdir()
    (tmp_path / "about" / "index.html").write_text(page("words"))
    assert index_search(tmp_path) == []
    assert json.loads((tmp_path / "pagefind" / "shards.json").read_text()) == {"shards": [], "digests": []}
    assert not (tmp_path / "pagefind" / "shards").exists()


def test_the_preview_swaps_in_a_new_index_with_its_shards(tmp_path, monkeypatch):
    import json

    import dossier.search

    monkeypatch.setattr(dossier.search, "SHARD_PAGES", 1)
    for name in ("a", "b"):
        (tmp_path / "articles" / name).mkdir(parents=True)
        (tmp_path / "articles" / name / "index.html").write_text(page(f"article {name}"))
    (tmp_path / "pagefind" / "shards" / "7").mkdir(parents=True)  # an older index, with more shards
    assert reindex_live(tmp_path) == []
    assert json.loads((tmp_path / "pagefind" / "shards.json").read_text())["shards"] == ["shards/1/"]
    assert sorted(p.name for p in (tmp_path / "pagefind" / "shards").iterdir()) == ["1"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles", "pagefind"]


def test_a_shard_that_fails_leaves_no_part_of_an_index(tmp_path, monkeypatch):
    import dossier.search
    from dossier.model import Problem

    monkeypatch.setattr(dossier.search, "SHARD_PAGES", 1)
    for name in ("a", "b", "c"):
        (tmp_path / "articles" / name).mkdir(parents=True)
        (tmp_path / "articles" / name / "index.html").write_text(page(f"article {name}"))
    real, runs = dossier.search._pagefind, []

    def second_fails(site, options, target, shown=None):
        runs.append(target)
        return [Problem(str(shown), "search index not built: out of memory")] if len(runs) == 2 else \
            real(site, options, target, shown)

    monkeypatch.setattr(dossier.search, "_pagefind", second_fails)
    problems = dossier.search.index_search(tmp_path)
    assert [p.message for p in problems] == ["search index not built: out of memory"]
    assert problems[0].path == str(tmp_path)  # the site, not the shard's work folder
    assert len(runs) == 2  # the third shard is not tried
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles"]


def test_after_an_edit_only_the_shard_of_the_edited_page_is_indexed_again(tmp_path, monkeypatch):
    """The preview (and an update build) reindexes the live site: a shard whose pages are all as they
    were is copied from the index in place; the result is the index a fresh run would make."""
    import filecmp

    import dossier.search

    monkeypatch.setattr(dossier.search, "SHARD_PAGES", 1)
    for name in ("a", "b", "c"):
        (tmp_path / "articles" / name).mkdir(parents=True)
        (tmp_path / "articles" / name / "index.html").write_text(page(f"article {name}"))
    assert dossier.search.index_search(tmp_path) == []
    (tmp_path / "articles" / "b" / "index.html").write_text(page("article b, edited"))
    real, runs = dossier.search._pagefind, []

    def counted(site, options, target, shown=None):
        runs.append(target.name)
        return real(site, options, target, shown)

    monkeypatch.setattr(dossier.search, "_pagefind", counted)
    assert reindex_live(tmp_path) == []
    assert runs == ["1"]  # shards/1/: page b's
    fresh = tmp_path.parent / "fresh"
    assert dossier.search.index_search(tmp_path, into=fresh) == []

    def same(left, right):
        compared = filecmp.dircmp(left, right)
        assert compared.left_only == compared.right_only == compared.diff_files == compared.funny_files == []
        assert filecmp.cmpfiles(left, right, compared.common_files, shallow=False)[0] == sorted(compared.common_files)
        for folder in compared.common_dirs:
            same(left / folder, right / folder)

    same(tmp_path / "pagefind", fresh)


def test_a_shard_missing_from_the_index_in_place_is_indexed_again(tmp_path, monkeypatch):
    import shutil

    import dossier.search

    monkeypatch.setattr(dossier.search, "SHARD_PAGES", 1)
    for name in ("a", "b"):
        (tmp_path / "articles" / name).mkdir(parents=True)
        (tmp_path / "articles" / name / "index.html").write_text(page(f"article {name}"))
    assert dossier.search.index_search(tmp_path) == []
    shutil.rmtree(tmp_path / "pagefind" / "shards" / "1")  # removed by hand
    assert reindex_live(tmp_path) == []
    assert (tmp_path / "pagefind" / "shards" / "1" / "pagefind-entry.json").is_file()
