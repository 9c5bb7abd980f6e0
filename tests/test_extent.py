"""Where the article is in a whole pasted page, from hand-written pages."""

from dossier.extent import find_extent

FOOTER = ["Auch interessant", "Weitere laden", "Nach oben", "Apps", "Livestreams", "Sendungen A-Z", "Programm",
          "Service", "Tickets", "Hilfe", "Karriere", "Presse", "Impressum", "Datenschutz", "Kontakt"]
ACCOUNT_FORMS = [
    "Mein Konto – Anmeldung",
    "Bitte fülle alle Pflichtfelder aus.",
    "Diese Adresse scheint nicht richtig zu sein, denn sie muss ein @ enthalten und zu einer Domain gehören, "
    "die es auch wirklich gibt, damit wir dir schreiben können.",
    "Zu dieser Adresse gibt es bei uns noch kein Konto, oder das Kennwort, das du eingegeben hast, ist leider "
    "nicht das richtige, bitte versuche es noch einmal.",
    "Hinweis: Das neue Kennwort muss mindestens acht Zeichen lang sein, und es sollte Zahlen und Buchstaben "
    "enthalten, damit es nicht so leicht zu erraten ist wie das alte.",
    "Beim Zurücksetzen des Kennworts ist leider ein Fehler aufgetreten, und wir konnten dir deshalb keine "
    "Nachricht schicken, bitte versuche es in ein paar Minuten noch einmal.",
    "Weiter",
    "Neues Konto anlegen",
]
SHORT_ARTICLE = ("Auf der vierten Etappe fuhr das Feld bei Dauerregen über die Hügel vor Bergheim, und erst auf den "
                 "letzten zehn Kilometern setzte sich eine kleine Gruppe ab, die den Sieg unter sich ausmachte.")
VIDEO_PAGE = ["Startseite", "Sport", "Nachrichten", "Mediathek", "Suche", "Sie sind hier:", "Sport",
              "Radsport im Regen: Die Etappe nach Bergheim", "Radsport im Regen: Die Etappe nach Bergheim",
              "von Lena Hoffmann", SHORT_ARTICLE, "3 min", "12.05.2024", "Video verfügbar bis 12.05.2025",
              *FOOTER, *ACCOUNT_FORMS]


def test_a_short_article_under_its_headline_is_the_article_though_the_page_s_forms_hold_more_prose():
    extent = find_extent(VIDEO_PAGE, "de", ("sport/a1b2c3d4_example.de-radsport-regen.txt",))
    assert (extent.headline, extent.start, extent.end) == (7, 10, 11)


def test_the_forms_are_not_taken_for_the_article_s_second_part():
    extent = find_extent(VIDEO_PAGE, "de", ("https://www.example.de/sport/radsport-regen-etappe-100.html",))
    assert extent.end == VIDEO_PAGE.index(SHORT_ARTICLE) + 1 and not extent.boxes


ARTICLE = [
    "The council voted on Tuesday evening to keep the old library open for at least five more years, after a "
    "campaign by readers who collected more than four thousand signatures in the spring and filled the hall.",
    "The library had been due to close in September, when the lease on its building runs out, and its books "
    "were to have been moved to the new civic centre on the other side of the river by the end of the year.",
    "A councillor who had voted for the closure last year said that she had changed her mind after visiting the "
    "library on a Saturday morning and finding every one of its tables taken by children and their parents.",
]
TEASERS = [  # a "Don't miss" list: headlines of other articles, as long as sentences but without full stops
    f"{name} is said to be {doing} as {who} reveals how {what} has changed the way the family spends its weekends"
    for name, doing, who, what in [
        ("The weather presenter", "planning a move to the coast", "her agent", "a year at sea"),
        ("A singer from the valley", "writing a musical about it", "his sister", "a summer in the hills"),
        ("The city's best-known chef", "opening a third restaurant", "a friend", "a small allotment"),
        ("The former goalkeeper", "training for a marathon", "his coach", "a dog called Biscuit"),
        ("A quiz show winner", "giving the prize away", "her husband", "a win on a Tuesday"),
        ("The children's author", "turning down a film deal", "her publisher", "a walk in the rain"),
        ("A famous gardener", "selling his house", "his neighbour", "an old greenhouse"),
        ("The radio host", "learning to sail", "his producer", "a boat on the river"),
    ]]


def test_a_list_of_teasers_without_full_stops_is_not_the_article_however_long():
    page = ["Home", "News", "Sport", "Library to stay open for five more years", "By Sam Lee", "March 5, 2024",
            *ARTICLE, "DON'T MISS", *TEASERS, *TEASERS, "About us", "Contact"]
    extent = find_extent(page, "en", ())
    assert (extent.headline, extent.start, extent.end) == (3, 6, 9)


TIMETABLE = [f"{stop} {distance} km" for stop, distance in [  # a table of stops: no prose, no end marker
    ("Northgate", 0), ("Mill Lane", 1), ("Riverside", 2), ("Old Bridge", 3), ("Market", 4), ("Cathedral", 5),
    ("Hospital", 6), ("University", 8), ("Park Road", 9), ("Westfield", 11), ("Harbour", 13), ("Lighthouse", 15),
    ("Airport", 19)]]
FIRST_PART = [
    "The harbour bus will leave Northgate at five past six from next month, almost an hour earlier than it does "
    "now, and it will go on past the lighthouse to the airport instead of turning back at the harbour gates, the "
    "council said on Monday.",
    "The change follows a survey of more than two thousand passengers, most of whom said that the first bus of "
    "the day left too late for anyone who starts work at seven or who has an early flight to catch from the "
    "airport.",
    "Until now travellers to the airport have had to change buses at the harbour and wait up to twenty minutes "
    "in the open for the airport shuttle, which in the winter made the whole journey longer than the walk along "
    "the shore.",
    "The operator will add two drivers to the early shift and has agreed with the unions that nobody will have "
    "to start before half past five, which is why the first bus cannot leave any earlier than it now will in "
    "the morning.",
    "Tickets bought for the old route stay valid on the new one, and a single fare to the airport will cost the "
    "same as a single fare to the harbour for the first three months of the new service, or longer if it is "
    "popular.",
]
SECOND_PART = [
    "Drivers' representatives said that the new timetable would be tested for a month before it becomes "
    "permanent, and that passengers would be asked at every stop whether the earlier start suits them better "
    "than the old one did.",
    "The council expects the longer route to cost about a fifth more to run, which it hopes to recover from the "
    "airport's operator once the number of travellers who use the bus to reach their flights is known at the "
    "end of the year.",
    "A second bus on the same route is planned for the autumn, when the university term begins and the number "
    "of students living on the far side of the river is expected to rise again after two quiet years in the "
    "town.",
    "Residents of the villages beyond the airport have asked for the route to be extended to them as well, and "
    "the council has promised to count how many of them would take the bus before it decides anything about "
    "their request.",
    "Until then the old evening service stays as it is, with its last bus leaving the harbour a little after "
    "eleven o'clock and reaching Northgate, at the other end of the town, shortly before midnight on every day "
    "of the week.",
]


def test_an_article_goes_on_past_a_long_table_with_no_end_marker_when_several_paragraphs_follow():
    page = ["Home", "Transport", "The harbour bus will start earlier and run to the airport", "By Ana Reyes",
            "June 3, 2024", *FIRST_PART, "The stops on the new route:", *TIMETABLE, *SECOND_PART, "Related",
            *TEASERS[:3]]
    extent = find_extent(page, "en", ())
    assert (extent.start, extent.end) == (5, page.index("Related"))


def test_a_long_trail_of_the_site_s_sections_is_never_prose_the_article_starts_below_its_headline():
    trail = ("You are here: Home / Family and Home / Small Homes and Flats / Clever Ideas for a Small Nursery When You "
             "Are Tight on Space")
    paragraphs = [
        "Working with a small room for the baby is easier than it looks, and most of what a nursery needs fits on "
        "one wall if you plan it before the furniture arrives, which saves money as well as space.",
        "Start with the changing table, because it is the piece you will use most, and hang the supplies above "
        "it on a rail so that everything is within reach while one hand stays on the baby.",
    ]
    lines = ["Home", "Family", "Recipes", "Travel", trail, "Clever Ideas for a Small Nursery When You Are Tight on Space",
             "July 24, 2019 by Amy Roe", "Pin", *paragraphs, "Related", "Ten toys worth keeping"]
    extent = find_extent(lines, "en", ("notes.txt",))
    assert (extent.headline, extent.start, extent.end) == (5, 8, 10)


def test_a_note_on_an_author_credited_in_capitals_is_found_whatever_the_case():
    from dossier.shapes import author_notes

    lines = ["BY J.O. ROEBUCK APR. 26, 2022", "The article's first paragraph.", "J.O. Roebuck", "j.o.roebuck@example.org",
             "J.O. Roebuck is the author of a book on small charities and writes on the region every month."]
    assert author_notes(lines) == {4}
