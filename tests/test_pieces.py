"""Files joined from keyed pieces: a piece the last build wrote is copied from its file, by key; the
result is the file a build from nothing makes."""

from dossier.pieces import Earlier, Layout, joined

LIST = Layout(b"[\n", b",\n", b"\n]\n", b"[]\n")


class Maker:
    """Pieces whose bytes say their text, counting which were made."""

    def __init__(self):
        self.made = []

    def pieces(self, *items):
        return [(key, lambda key=key, text=text: self.make(key, text)) for key, text in items]

    def make(self, key, text):
        self.made.append(key)
        return text.encode()


def write(folder, name, pieces, layout=LIST, earlier=None):
    made = {}
    data = b"".join(joined(pieces, layout, earlier, made, name))
    (folder / name).write_bytes(data)
    return data, made


def test_a_file_joined_again_copies_the_pieces_it_has_by_key_and_makes_the_others(tmp_path):
    first = Maker()
    _, layouts = write(tmp_path, "a.json", first.pieces(("k1", '{"a": 1}'), ("k2", '{"b": 2}'), ("k3", '{"c": 3}')))
    assert first.made == ["k1", "k2", "k3"]
    again = Maker()
    earlier = Earlier(tmp_path, layouts).file("a.json", LIST)
    data, made = write(tmp_path, "a.json", again.pieces(("k1", "never made"), ("k2b", '{"b": 22}'),
                                                        ("k3", "never made"), ("k4", '{"d": 4}')), earlier=earlier)
    assert again.made == ["k2b", "k4"]
    assert data == b'[\n{"a": 1},\n{"b": 22},\n{"c": 3},\n{"d": 4}\n]\n'
    assert made["a.json"].keys == ("k1", "k2b", "k3", "k4") and made["a.json"].size() == len(data)


def test_empty_pieces_leave_no_separator_and_no_piece_leaves_the_empty_file(tmp_path):
    maker = Maker()
    data, layouts = write(tmp_path, "q.json", maker.pieces(("k1", ""), ("k2", '{"q": 1}'), ("k3", ""),
                                                           ("k4", '{"q": 2}')))
    assert data == b'[\n{"q": 1},\n{"q": 2}\n]\n' and layouts["q.json"].size() == len(data)
    assert layouts["q.json"].spans() == {"k2": (2, 10), "k4": (12, 20)}
    data, layouts = write(tmp_path, "e.json", maker.pieces(("k1", "")))
    assert data == b"[]\n" and layouts["e.json"].size() == 3


def test_a_file_changed_since_it_was_written_is_not_read_from(tmp_path):
    _, layouts = write(tmp_path, "a.json", Maker().pieces(("k1", '{"a": 1}'), ("k2", '{"b": 2}')))
    (tmp_path / "a.json").write_bytes(b'[\n{"a": 1}\n]\n')  # cut by hand
    again = Maker()
    write(tmp_path, "a.json", again.pieces(("k1", '{"a": 1}'), ("k2", '{"b": 2}')),
          earlier=Earlier(tmp_path, layouts).file("a.json", LIST))
    assert again.made == ["k1", "k2"]


def test_no_piece_is_copied_from_a_file_joined_otherwise_or_missing_or_without_a_key(tmp_path):
    _, layouts = write(tmp_path, "a.csv", Maker().pieces(("", "x,1\n"), ("k2", "y,2\n")),
                       Layout(b"h\n", b"", b"", b"h\n"))
    assert layouts["a.csv"].spans() == {"k2": (6, 10)}  # a piece without a key is made every time
    again = Maker()
    write(tmp_path, "a.csv", again.pieces(("", "x,1\n"), ("k2", "y,2\n")), LIST,
          Earlier(tmp_path, layouts).file("a.csv", LIST))  # another layout: a JSON list
    assert again.made == ["", "k2"]
    assert Earlier(tmp_path, layouts).file("gone.csv", LIST) is None


def test_pieces_that_follow_each_other_in_the_earlier_file_are_copied_as_one(tmp_path):
    items = [("k1", '{"a": 1}'), ("k2", '{"b": 2}'), ("k3", '{"c": 3}'), ("k4", '{"d": 4}')]
    _, layouts = write(tmp_path, "a.json", Maker().pieces(*items))
    earlier = Earlier(tmp_path, layouts).file("a.json", LIST)
    again = Maker().pieces(("k1", ""), ("k2", ""), ("gone", ""), ("k3", ""), ("k5", '{"e": 5}'), ("k4", ""))
    given = [bytes(piece) for piece in joined(again, LIST, earlier)]
    assert given == [b"[\n", b'{"a": 1},\n{"b": 2},\n{"c": 3}', b",\n", b'{"e": 5}', b",\n", b'{"d": 4}', b"\n]\n"]
