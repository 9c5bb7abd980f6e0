"""The preview's search index: made beside the site, then swapped in whole."""

import threading

from dossier.search import reindex_live


def page(words: str) -> str:
    return f"<!doctype html><html lang=en><head><title>t</title></head><body data-pagefind-body><p>{words}</p></body></html>"


def test_a_new_index_replaces_the_old_one_and_leaves_nothing_behind(tmp_path):
    (tmp_path / "index.html").write_text(page("peacekeepers in Karabakh"))
    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "stale.pf_fragment").write_text("from an older index")
    lock = threading.Lock()
    assert reindex_live(tmp_path, lock) == []
    assert (tmp_path / "pagefind" / "pagefind.js").is_file()
    assert not (tmp_path / "pagefind" / "stale.pf_fragment").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.html", "pagefind"]
    assert not lock.locked()


def test_a_site_replaced_while_it_was_indexed_is_left_alone(tmp_path, monkeypatch):
    import dossier.search

    (tmp_path / "index.html").write_text(page("words"))

    def index_then_lose_it(site, into=None):  # the site was swapped for a new one meanwhile
        return []

    monkeypatch.setattr(dossier.search, "index_search", index_then_lose_it)
    assert reindex_live(tmp_path) == []
    assert not (tmp_path / "pagefind").exists()
