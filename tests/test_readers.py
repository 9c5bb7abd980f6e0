"""readers.decode: bytes to text, with text a web page had decoded twice repaired and said."""

import unicodedata

from dossier.readers import decode


def test_text_decoded_twice_by_a_page_is_repaired_word_by_word_and_reported_with_its_line():
    text, problems = decode("A quote.\nPe\u00c3\u00b1a Nieto said \u00e2\u0080\u009cyes\u00e2\u0080\u009d to the caf\u00c3\u00a9."
                            .encode(), "a.txt")
    assert text == "A quote.\nPeña Nieto said “yes” to the café."
    assert [(p.line, p.message.split(" (")[0]) for p in problems] == [(2, "characters decoded twice by the page")]


def test_a_page_that_also_decomposed_its_letters_is_repaired_too():
    decomposed = unicodedata.normalize("NFD", "Pe\u00c3\u00b1a")  # "A" and a combining tilde, then "±"
    text, _ = decode(decomposed.encode(), "b.txt")
    assert text == "Peña"


def test_cyrillic_decoded_twice_is_repaired():
    text, _ = decode("\u00d0\u00bf\u00d1\u0080\u00d0\u00b8\u00d0\u00b2\u00d0\u00b5\u00d1\u0082".encode(), "c.txt")
    assert text == "привет"


def test_clean_text_is_left_as_it_is_and_nothing_is_reported():
    for clean in ("Ãgua e café", "Москва, 24 февраля", "“Quotes” and ‘apostrophes’ don’t change"):
        assert decode(clean.encode(), "d.txt") == (clean, [])
