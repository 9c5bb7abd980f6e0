"""cache.py: the article cache's records, and the shelf in `.cache/` their packed parts stay on."""

import os
from dataclasses import replace

from dossier import cache as cache_module
from dossier import store
from dossier.cache import ArticleCache
from dossier.model import PACKED, Analysis, Quote
from dossier.store import Shelf, Shelved, pack


def result(n: int, shelf: Shelf) -> tuple:
    """An analysis as a build hands it to the cache: its packed parts on the build's own shelf."""
    quote = Quote(f"a{n}", n, 0, 5, f"said {n} " + "word " * n, speaker="x")
    analysis = Analysis(pack(((), ())), pack((quote,)), ("x",), packed_named=pack(((f"e{n}", n),)))
    return shelf.put(analysis, PACKED), [f"problem {n}"]


def shelves(folder):
    return sorted(folder.glob("analyses-*.shelf"))


def test_records_read_back_point_into_the_caches_shelf_and_read_the_same(tmp_path):
    made = Shelf()
    entries = {f"k{n}": result(n, made) for n in range(5)}
    cache = ArticleCache(tmp_path)
    cache.keep_only(entries, list(entries))
    cache.close()
    cache = ArticleCache(tmp_path)
    found = cache.get_many(["k1", "k3", "missing"])
    cache.close()
    assert set(found) == {"k1", "k3"}
    for key, (analysis, problems) in found.items():
        assert problems == entries[key][1] and analysis.speakers == ("x",)
        assert store.quotes(analysis) == store.quotes(entries[key][0])
        assert store.named(analysis) == store.named(entries[key][0])
        parts = {getattr(analysis, name).shelf for name in PACKED if isinstance(getattr(analysis, name), Shelved)}
        assert len(parts) == 1 and parts.pop().file.name == str(shelves(tmp_path)[0])  # not copied anywhere


def test_keys_not_used_are_forgotten_and_the_shelf_is_written_again_when_mostly_unused(tmp_path, monkeypatch):
    monkeypatch.setattr(cache_module, "COMPACT_PAST", 0)
    made = Shelf()
    cache = ArticleCache(tmp_path)
    cache.keep_only({f"k{n}": result(n, made) for n in range(4)}, [f"k{n}" for n in range(4)])
    first = shelves(tmp_path)
    assert len(first) == 1
    size = first[0].stat().st_size
    cache.keep_only({"k9": result(9, made)}, ["k0", "k9"])  # two of five used: the rest no longer pointed to
    now = shelves(tmp_path)
    assert len(now) == 1 and now != first  # written again under a new name, the old one removed
    found = cache.get_many([f"k{n}" for n in range(10)])
    assert set(found) == {"k0", "k9"}
    assert store.quotes(found["k9"][0])[0].text.startswith("said 9")
    assert now[0].stat().st_size < size  # holding only what the two records point to
    cache.close()


def test_a_shelf_cut_short_or_replaced_is_not_read_and_is_made_anew(tmp_path):
    made = Shelf()
    cache = ArticleCache(tmp_path)
    cache.keep_only({"k1": result(1, made), "k2": result(2, made)}, ["k1", "k2"])
    path = shelves(tmp_path)[0]
    os.truncate(path, path.stat().st_size - 10)  # a disk that filled up, say
    assert cache.get_many(["k1", "k2"]) == {}
    path.write_bytes(b"something else entirely" * 100)
    cache.close()
    cache = ArticleCache(tmp_path)  # the next build
    assert cache.get_many(["k1", "k2"]) == {}
    cache.keep_only({"k2": result(2, made)}, ["k1", "k2"])  # the next build stores what it made
    assert set(cache.get_many(["k1", "k2"])) == {"k2"} and shelves(tmp_path) != [path]
    cache.close()


def test_an_entry_already_on_the_caches_shelf_is_not_copied_again(tmp_path):
    made = Shelf()
    cache = ArticleCache(tmp_path)
    cache.keep_only({"k1": result(1, made)}, ["k1"])
    size = shelves(tmp_path)[0].stat().st_size
    again = cache.get_many(["k1"])
    cache.keep_only({"k2": (replace(again["k1"][0], speakers=("y",)), [])}, ["k1", "k2"])
    assert shelves(tmp_path)[0].stat().st_size == size  # the same open shelf: pointed to, not copied
    assert store.quotes(cache.get_many(["k2"])["k2"][0]) == store.quotes(again["k1"][0])
    cache.close()


def test_the_earlier_cache_file_is_removed(tmp_path):
    (tmp_path / "articles.sqlite").write_bytes(b"x" * 1000)
    ArticleCache(tmp_path).close()
    assert not (tmp_path / "articles.sqlite").exists()


def _store_many(folder, name: str, rounds: int) -> None:
    made = Shelf()
    for n in range(rounds):
        analysis, problems = result(n, made)
        quote = store.quotes(analysis)[0]
        big = replace(analysis, packed_quotes=pack((replace(quote, text=f"{name} {n} " + "x" * 200_000),)))
        ArticleCache(folder).keep_only({f"{name}{n}": (made.put(big, PACKED), problems)},
                                       [f"{w}{k}" for w in ("a", "b") for k in range(rounds)])


def test_two_builds_storing_at_once_each_find_what_they_stored(tmp_path):
    import multiprocessing

    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_store_many, args=(tmp_path, name, 8)) for name in ("a", "b")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    cache = ArticleCache(tmp_path)
    found = cache.get_many([f"{name}{n}" for name in ("a", "b") for n in range(8)])
    assert len(found) == 16  # none lost, none pointing into what the other wrote
    for key, (analysis, _) in found.items():
        assert store.quotes(analysis)[0].text.startswith(f"{key[0]} {key[1:]} ")
    cache.close()


def test_the_code_digest_follows_dossiers_code_and_the_libraries_installed(tmp_path):
    package, libraries = tmp_path / "dossier", tmp_path / "site-packages"
    package.mkdir()
    (package / "link.py").write_text("NAMES = 1\n")
    (libraries / "babel-2.15.0.dist-info").mkdir(parents=True)
    (libraries / "jinja2").mkdir()
    first = cache_module.digest_of_code(package, [str(libraries)])
    assert cache_module.digest_of_code(package, [str(libraries)]) == first  # the same code: the same digest
    (libraries / "jinja2" / "new.py").write_text("")  # a library's files alone are not read
    assert cache_module.digest_of_code(package, [str(libraries)]) == first
    (libraries / "babel-2.15.0.dist-info").rename(libraries / "babel-2.16.0.dist-info")  # upgraded
    upgraded = cache_module.digest_of_code(package, [str(libraries)])
    assert upgraded != first
    (package / "link.py").write_text("NAMES = 2\n")  # dossier itself changed
    assert cache_module.digest_of_code(package, [str(libraries)]) not in (first, upgraded)
    assert cache_module.digest_of_code(package, [str(tmp_path / "none")]) != first  # a folder that is not there
