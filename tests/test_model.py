"""model.py's packing: values packed, put on one shelf, and read back the same."""

import pickle

from dossier.model import PACKED, Analysis, PartialDate, Quote, Shelf, Shelved, pack, unpack


def analysis(n):
    quote = Quote(f"a{n}", n, 0, 5, f"said {n}", speaker="x")
    return Analysis(pack(((), ())), pack((quote,)), ("x",), packed_named=pack(((f"e{n}", n),)),
                    packed_sentences=pack({f"e{n}": (f"sentence {n}",)}) if n else b"")


def test_shelved_analyses_share_one_buffer_and_read_back_the_same():
    before = [analysis(n) for n in range(3)]
    shelf = Shelf(PACKED)
    after = [shelf.put(a) for a in before]
    assert {id(getattr(a, name).shelf) for a in after for name in PACKED} == {id(shelf.data)}
    for old, new in zip(before, after):
        assert new.quotes() == old.quotes() and new.named() == old.named() and new.sentences() == old.sentences()
    assert not after[0].packed_sentences and after[0].sentences() == {}  # an empty part stays empty


def test_shelving_again_and_pickling_give_the_same_values():
    first, second = Shelf(PACKED), Shelf(PACKED)
    once = [first.put(analysis(n)) for n in range(40)]
    twice = [second.put(a) for a in reversed(once)]  # from one shelf to another
    assert [a.named() for a in twice] == [a.named() for a in reversed(once)]
    copy = pickle.loads(pickle.dumps(once[1]))
    assert type(copy.packed_quotes) is bytes  # a shelved part pickles as its own bytes, not the shelf
    assert len(pickle.dumps(once[1])) * 5 < len(first.data)
    assert copy.quotes() == once[1].quotes()


def test_unpack_reads_both():
    data = pack([PartialDate("2020", "year")])
    shelved = Shelved(bytearray(b"xx" + data + b"yy"), 2, 2 + len(data))
    assert unpack(data) == unpack(shelved) == [PartialDate("2020", "year")]
