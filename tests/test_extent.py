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
