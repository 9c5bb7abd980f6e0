"""model.py's packing: values packed, put on one shelf, and read back the same."""

import pickle
from dataclasses import replace

from dossier import store
from dossier.model import PACKED, Analysis, PartialDate, Quote
from dossier.store import Parts, Shelf, Shelved, pack, unpack
from dossier.parallel import aside
from helpers import article


def analysis(n):
    quote = Quote(f"a{n}", n, 0, 5, f"said {n}", speaker="x")
    return Analysis(pack(((), ())), pack((quote,)), ("x",), packed_named=pack(((f"e{n}", n),)),
                    packed_sentences=pack({f"e{n}": (f"sentence {n}",)}) if n else b"")


def test_shelved_analyses_share_one_buffer_and_read_back_the_same():
    before = [analysis(n) for n in range(3)]
    shelf = Shelf()
    after = [shelf.put(a, PACKED) for a in before]
    assert {id(getattr(a, name).shelf) for a in after for name in PACKED} == {id(shelf)}
    for old, new in zip(before, after):
        assert store.quotes(new) == store.quotes(old) and store.named(new) == store.named(old) and store.sentences(new) == store.sentences(old)
    assert not after[0].packed_sentences and store.sentences(after[0]) == {}  # an empty part stays empty


def test_shelving_again_and_pickling_give_the_same_values():
    first, second = Shelf(), Shelf()
    once = [first.put(analysis(n), PACKED) for n in range(40)]
    twice = [second.put(a, PACKED) for a in reversed(once)]  # from one shelf to another
    assert [store.named(a) for a in twice] == [store.named(a) for a in reversed(once)]
    copy = pickle.loads(pickle.dumps(once[1]))
    assert type(copy.packed_quotes) is bytes  # a shelved part pickles as its own bytes, not the shelf
    assert len(pickle.dumps(once[1])) * 5 < first.size
    assert store.quotes(copy) == store.quotes(once[1])


def test_unpack_reads_both():
    data = pack([PartialDate("2020", "year")])
    shelf = Shelf()
    shelf.add(b"xx")
    shelved = shelf.add(data)
    shelf.add(b"yy")
    assert unpack(data) == unpack(shelved) == [PartialDate("2020", "year")]


def test_a_shelved_body_reads_back_and_its_repr_tells_contents_apart():
    shelf = Shelf()
    one, two = (replace(article(body=text), body=shelf.add(pack(text))) for text in ("Ein Text.", "Another text."))
    assert store.body(one) == "Ein Text." and store.body(two) == "Another text."
    assert store.body(pickle.loads(pickle.dumps(one))) == "Ein Text."  # as packed bytes
    assert repr(one.body) != repr(two.body) and len(repr(one)) < 1000  # the shelf itself is never shown


def test_a_shelf_filled_by_a_child_process_is_read_by_this_one():
    shelf = Shelf()  # as the chronology's child fills its shelf and hands back where each part is
    spans = aside(lambda: [(s.start, s.end) for s in (shelf.add(b"abc"), shelf.add(pack("x")))])
    assert spans == [(0, 3), (3, 3 + len(pack("x")))] and unpack(Shelved(shelf, *spans[1])) == "x"


def test_a_forked_worker_reads_the_shelf_it_inherits():
    shelf = Shelf()
    shelved = [shelf.add(pack(n * "word ")) for n in range(50)]
    assert aside(lambda: [unpack(s) for s in reversed(shelved)]) == [n * "word " for n in reversed(range(50))]
    assert unpack(shelved[7]) == 7 * "word "  # and this process still does, after it


def test_a_shelf_reads_back_where_the_system_cannot_read_at_an_offset(monkeypatch):
    from dossier import store

    monkeypatch.setattr(store, "_POSITIONED", False)  # as on Windows: seek, then read, under a lock
    shelf = Shelf()
    shelved = [shelf.add(pack(n * "word ")) for n in range(20)]
    assert [unpack(s) for s in reversed(shelved)] == [n * "word " for n in reversed(range(20))]
    assert unpack(shelf.add(shelved[3])) == 3 * "word "  # moved within the shelf


def test_parts_read_packed_values_from_any_shelf_by_number():
    one, two = Shelf(), Shelf()
    values = [one.add(pack(("a", 1))), pack(["loose"]), b"", two.add(pack({"b": 2})), one.add(pack("c"))]
    parts = Parts(values, ["first", "second", "third", "fourth", "fifth"])
    assert len(parts) == 5 and len(parts.shelves) == 2
    assert [parts.unpacked(n, None) for n in range(5)] == [("a", 1), ["loose"], None, {"b": 2}, "c"]
    assert parts.names() == ["first", "second", "third", "fourth", "fifth"]
    assert Parts([]).names() == [] and len(Parts([])) == 0
