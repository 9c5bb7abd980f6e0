"""The chronology's order: by date, then events, publications and mentions, then article, block, text."""

from types import SimpleNamespace

from dossier.chronology import build_chronology
from dossier.model import ChronologyEntry, PartialDate
from helpers import article, entity


def day(value):
    return PartialDate(value, "day")


def test_entries_of_the_same_date_are_ordered_by_kind_then_article_then_block_then_text():
    events = (entity("Zeta summit", "event", date=day("2020-11-10")),
              entity("Alpha talks", "event", date=day("2020-11-10")))
    a, b = article("", "2020-11-10", slug="a-article"), article("", "2020-11-10", slug="b-article")
    entries = {  # each article's own entries, in order (as article_entries makes them)
        "a-article": (ChronologyEntry(day("2020-11-09"), "mention", "y", "a-article", 1),
                      ChronologyEntry(day("2020-11-10"), "publication", "A title", "a-article"),
                      ChronologyEntry(day("2020-11-10"), "mention", "x", "a-article", 3)),
        "b-article": (ChronologyEntry(day("2020-11-10"), "publication", "B title", "b-article"),
                      ChronologyEntry(day("2020-11-10"), "mention", "w", "b-article", 0),
                      ChronologyEntry(day("2020-11-10"), "mention", "z", "b-article", 0)),
    }
    analyses = {slug: SimpleNamespace(entries=found) for slug, found in entries.items()}
    chronology = build_chronology((b, a), events, analyses)  # articles in another order than their slugs'
    assert [(e.date.value, e.kind, e.text) for e in chronology] == [
        ("2020-11-09", "mention", "y"),
        ("2020-11-10", "event", "Alpha talks"), ("2020-11-10", "event", "Zeta summit"),
        ("2020-11-10", "publication", "A title"), ("2020-11-10", "publication", "B title"),
        ("2020-11-10", "mention", "x"), ("2020-11-10", "mention", "w"), ("2020-11-10", "mention", "z")]
