"""The headline of a whole pasted page, from hand-written lines."""

from dossier.headline import address_words, best_headline

def find_headline(lines, start, hints):
    return best_headline(lines, start, address_words(hints))[0]


BODY = ("The council voted on Tuesday evening to keep the old library open for at least five more years, "
        "after a campaign by readers who collected more than four thousand signatures in the spring.")


def test_a_file_name_gives_the_site_name_and_the_slug_apart():
    words = address_words(("articles/a1b2c3d4_riverside-gazette.com-library-vote.txt",))
    assert words.site == {"riversidegazette"}
    assert words.slug == {"library", "vote"}


def test_an_address_gives_the_site_name_from_its_host_and_the_slug_from_its_path():
    words = address_words(("https://www.riverside-gazette.co.uk/local/2024/library-vote",))
    assert words.site == {"riversidegazette"}
    assert words.slug == {"local", "library", "vote"}


def test_a_line_naming_the_site_is_not_the_headline_even_when_it_shares_the_file_names_words():
    lines = ["Riverside Gazette", "Council votes to keep the old library open", "By Jo Smith",
             "Riverside Gazette weekly: news from the river towns", BODY]
    assert find_headline(lines, 4, ("a1b2c3d4_riverside-gazette.com-library.txt",)) == 1


def test_the_headline_is_above_its_standfirst_not_the_standfirst():
    lines = ["Home", "Local", "Council votes to keep the old library open",
             "Readers collected four thousand signatures in the spring", "By Jo Smith", "3 May 2024", BODY]
    assert find_headline(lines, 6, ("library.txt",)) == 2
    assert find_headline(lines, 6, ()) == 2


def test_a_caption_with_its_credit_is_not_the_headline():
    lines = ["Menu", "Council votes to keep the old library open", "Readers queue outside the library on Monday.",
             "(Photo: Jo Smith)", "By Jo Smith", BODY]
    assert find_headline(lines, 5, ()) == 1


def test_a_byline_with_a_date_is_not_the_headline():
    lines = ["Menu", "Opinion", "Warum die Bibliothek bleiben muss.", "Jo Smith – 14.09.2022 – Kolumne, Stadt, Kultur",
             BODY]
    assert find_headline(lines, 4, ()) == 2


def test_a_trail_of_sections_or_a_line_of_labels_is_never_the_headline():
    lines = ["Startseite / Kultur / Theater / Das Stadttheater spielt wieder im Sommer",
             "Das Stadttheater spielt wieder im Sommer", "Schlagwörter: Theater, Sommer, Stadt, Bühne, Programm", BODY]
    assert find_headline(lines, 3, ("a1_zeitung.de-stadttheater-sommer.txt",)) == 1
    lines = ["Council votes to keep the old library open", "TAG: Library, Council, Riverside, Reading, Books", BODY]
    assert find_headline(lines, 2, ()) == 0
