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


def test_a_two_word_headline_by_its_date_or_just_above_the_body_is_the_headline_without_hints():
    lines = ["Start", "Essays", "Fotodrucke", "Über mich", "12 March 2021", "Stille Fotografie", BODY]
    assert find_headline(lines, 6, ("notes.txt",)) == 5
    lines = ["Start", "Essays", "Fotodrucke", "Über mich", "Stille Fotografie", BODY]
    assert find_headline(lines, 5, ("notes.txt",)) == 4


def test_the_byline_and_date_under_a_standfirst_that_starts_the_body_count_for_the_headline_above_it():
    standfirst = ("The long campaign to save the library brought together readers, teachers and the town's "
                  "booksellers, and in the end it won.")
    lines = ["Our Town Gazette Weekend Review Edition", "Sign In", "Archive", "Events", "Letters", "Shop",
             "Saving the Library", standfirst, "By Jo Smith", "March 3, 2024", BODY]
    assert find_headline(lines, 7, ("notes.txt",)) == 6


def test_a_headline_ending_with_an_abbreviation_is_not_taken_for_a_sentence():
    lines = ["Listen Print Share Save", "Domestic", "Colder Weather Forecast for Wed. after Cold Wave Alert Tues.",
             "Written: 2024-11-05 15:03", BODY]
    assert find_headline(lines, 4, ("notes.txt",)) == 2


def test_a_file_name_that_says_what_the_file_is_gives_no_slug():
    assert address_words(("content/articles/article-12.txt",)).slug == frozenset()
    assert address_words(("untitled copy 3.txt",)).slug == frozenset()
    assert address_words(("content/articles/library-vote-article.txt",)).slug == {"library", "vote"}


def test_a_headline_the_page_repeats_after_its_section_s_name_beats_a_teaser_it_repeats_alone():
    teaser = "Five new bus lines will run from the spring"
    lines = ["Local Council votes to keep the old library open", "Search", teaser, "Weather", teaser,
             "Sign up", "Council votes to keep the old library open", "Jo Smith", "March 3, 2024", BODY]
    assert find_headline(lines, 9, ("notes.txt",)) == 6


def test_a_page_s_title_with_the_site_s_name_is_not_the_headline_printed_below_it():
    lines = ["Home", "News", "Council votes to keep the old library open | Riverside Gazette",
             "Council votes to keep the old library open", "Listen to this article", "By Jo Smith", BODY]
    assert find_headline(lines, 6, ("notes.txt",)) == 3
