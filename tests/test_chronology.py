"""The chronology's order: by date, then events, publications and mentions, then article, block, text;
and its CSV export."""

import csv
import io
import json
import pickle

from dataclasses import replace

import pytest

from dossier import store
from dossier.chronology import build_chronology
from dossier.exports import CSV, CSV_HEADER, _csv_rows, chronology_record
from dossier.pieces import joined
from dossier.model import Analysis, ChronologyEntry, PartialDate
from dossier.store import pack
from helpers import article, entity


def day(value):
    return PartialDate(value, "day")


# The chronology holds up to `budget` entries before writing them out in runs: the result is the same.
BUDGETS = pytest.mark.parametrize("budget", [None, 1, 4])


@BUDGETS
def test_entries_of_the_same_date_are_ordered_by_kind_then_article_then_block_then_text(budget):
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
    analyses = {slug: Analysis(b"", b"", packed_entries=pack(found)) for slug, found in entries.items()}
    chronology = build_chronology((b, a), events, analyses, budget=budget)  # articles in another order than their slugs'
    assert [(e.date.value, e.kind, e.text) for e in store.every_entry(chronology)] == [
        ("2020-11-09", "mention", "y"),
        ("2020-11-10", "event", "Alpha talks"), ("2020-11-10", "event", "Zeta summit"),
        ("2020-11-10", "publication", "A title"), ("2020-11-10", "publication", "B title"),
        ("2020-11-10", "mention", "x"), ("2020-11-10", "mention", "w"), ("2020-11-10", "mention", "z")]


@BUDGETS
def test_kept_in_parts_by_year_and_month_with_each_entitys_first_dated_mentions(budget):
    entries = (ChronologyEntry(PartialDate("2020", "year"), "mention", "during 2020", "b", 4, ("x",), start=0),
               ChronologyEntry(PartialDate("2020-11", "month"), "mention", "in November", "b", 2, ("x", "y"), start=5),
               ChronologyEntry(day("2020-11-10"), "publication", "B title", "b", entities=("x", "y")),
               ChronologyEntry(day("2020-11-10"), "mention", "on the 10th", "b", 1, ("x",), start=9),
               ChronologyEntry(day("2021-01-02"), "mention", "on 2 January", "b", 0, ("x",), start=3))
    earlier = (ChronologyEntry(day("2020-11-10"), "mention", "the same day", "a", 7, ("x",), start=1),)
    analyses = {"a": Analysis(b"", b"", packed_entries=pack(earlier)),
                "b": Analysis(b"", b"", packed_entries=pack(tuple(sorted(entries, key=lambda e: e.date.value))))}
    chronology = build_chronology((article("", slug="a"), article("", slug="b")), (), analyses, timeline=3,
                                  budget=budget)
    assert [e.text for e in store.every_entry(chronology)] == ["during 2020", "in November", "B title", "the same day", "on the 10th",
                                             "on 2 January"]
    assert len(chronology) == 6 and chronology.years() == ["2020", "2021"]
    assert chronology.parts_of("2020") == ["2020", "2020-11"] and chronology.year_size("2020") == 5
    assert chronology.months("2020") == ["2020-11"] and chronology.months() == ["2020-11", "2021-01"]
    assert [e.text for e in store.entries(chronology, "2020-11")] == ["in November", "B title", "the same day", "on the 10th"]
    assert store.entries(chronology, "2019-01") == ()
    assert chronology.kinds["2020"] == {"mention": 4, "publication": 1} and chronology.articles["2020-11"] == ("a", "b")
    # an entity's dated mentions (not publications) by date, article, block, place; the first 3 and how many
    first, count = store.timeline(chronology, "x")
    assert [e.text for e in first] == ["during 2020", "in November", "the same day"] and count == 5
    assert store.timeline(chronology, "y")[1] == 1 and store.timeline(chronology, "z") == ((), 0)
    assert chronology.dated_in["x"] == ("a", "b")


def test_the_csv_written_in_pieces_reads_back_whole():
    entries = tuple(ChronologyEntry(PartialDate(f"2020-01-0{day}", "day"), "mention", f'said "{day}", then, {day}',
                                    f"a{day}", day, ("x", "y")) for day in range(1, 8))
    parts = (entries[:3], (), entries[3:])  # a part of three rows, an empty one, then four
    pieces = list(joined(((str(n), lambda part=part: _csv_rows(part)) for n, part in enumerate(parts)), CSV))
    assert len(pieces) == 5  # the header, a part, nothing between, a part, nothing after
    rows = list(csv.reader(io.StringIO(b"".join(pieces).decode("utf-8"))))
    assert rows[0] == CSV_HEADER.strip().split(",")
    assert rows[1:] == [[f"2020-01-0{d}", "day", "", "mention", f'said "{d}", then, {d}', f"a{d}", f"p-{d}", "x y"]
                        for d in range(1, 8)]


def test_a_date_read_back_is_one_shared_object():
    one, two = (pickle.loads(pickle.dumps(ChronologyEntry(PartialDate("2020-11-10", "day"), "mention", text, "a")))
                for text in ("first", "second"))
    assert one.date is two.date and one.date == PartialDate("2020-11-10", "day")
    assert pickle.loads(pickle.dumps(PartialDate("2020-11", "month"))) is not one.date


def random_articles(rng, count, prefix="a"):
    """Articles with random entries of a few dates, kinds and entities, by slug."""
    from dossier.chronology import _order

    dates = [PartialDate("2020", "year"), PartialDate("2020-03", "month"), day("2020-03-01"), day("2020-03-02"),
             day("2021-07-04"), PartialDate("2021", "year")]
    found = {}
    for n in range(count):
        slug = f"{prefix}{n:02}"
        own = [ChronologyEntry(rng.choice(dates), "mention", f"text {rng.randrange(5)}", slug, rng.randrange(4),
                               tuple(rng.sample("pqrst", rng.randrange(3))), start=rng.randrange(50))
               for _ in range(rng.randrange(6))]
        if rng.randrange(3):
            own.append(ChronologyEntry(day("2020-03-01"), "publication", f"Title {n}", slug, entities=("p",)))
        found[slug] = tuple(sorted(own, key=_order))
    return found


EVENTS = (entity("Summit", "event", date=day("2020-03-01")), entity("Accord", "event", date=day("2020-03-01")))


def everything(chronology):
    return (list(store.every_entry(chronology)), list(chronology.parts), chronology.sizes, chronology.kinds, chronology.articles,
            {e: store.timeline(chronology, e) for e in "pqrstu"}, chronology.dated_in, list(chronology.timelines))


def whole(entries, timeline=4, budget=None):
    from dossier.chronology import start_chronology

    analyses = {slug: Analysis(b"", b"", packed_entries=pack(found)) for slug, found in entries.items()}
    articles = tuple(article("", slug=slug) for slug in entries)
    return start_chronology(articles, EVENTS, analyses, timeline, budget)()


def test_the_same_chronology_whatever_is_held_before_runs_are_written():
    import random

    entries = random_articles(random.Random(7), 30)
    made = everything(whole(entries)[0])
    assert len(made[0]) > 60 and made[0][0].date.value == "2020"
    for budget in (1, 7, 50):
        assert everything(whole(entries, budget=budget)[0]) == made


@pytest.mark.parametrize("seed", range(6))
def test_a_chronology_patched_after_edits_removals_and_additions_is_the_one_made_whole(seed):
    import random

    from dossier.chronology import patch_chronology
    from dossier.store import unpack

    rng = random.Random(seed)
    entries = random_articles(rng, 30)
    chronology, full = whole(entries)
    assert full and all(len(unpack(all_of_them)) > 4 for all_of_them in full.values())  # "p" has more than 4
    for _ in range(3):  # patched again and again, each time from the last patch
        edited = random_articles(rng, 30)
        changed = set(rng.sample(sorted(entries), 4)) | {f"new{n}" for n in range(rng.randrange(3))}
        removed = set(rng.sample(sorted(entries), 2)) - changed
        new = {slug: tuple(replace(e, article=slug) for e in edited[rng.choice(sorted(edited))])
               for slug in changed}
        entries = {**{s: found for s, found in entries.items() if s not in removed}, **new}
        chronology, full, parts, touched = patch_chronology(
            chronology, {e: v.read() if hasattr(v, "read") else v for e, v in full.items()}, changed | removed,
            {slug: found for slug, found in new.items()}, timeline=4)
        made, made_full = whole(entries)
        assert everything(chronology) == everything(made)
        assert {e: unpack(v) for e, v in full.items()} == {e: unpack(v) for e, v in made_full.items()}
        assert parts and touched


def test_a_chronology_record_is_the_json_of_its_fields_whatever_its_text_holds():
    entries = [ChronologyEntry(PartialDate("2023-03-01", "day"), "mention", 'He said "no"\n\u2028 — «да» \\ \x01',
                               "talks-resume", 3, ("jo-roe", "yerevan"), start=5),
               ChronologyEntry(PartialDate("2023", "year"), "event", "Summit", None, None, ("summit",),
                               end=PartialDate("2023-05", "month")),
               ChronologyEntry(PartialDate("2023-03", "month"), "publication", "Title", "talks-resume")]
    for entry in entries:
        fields = {"date": entry.date.value, "precision": entry.date.precision,
                  "end": entry.end.value if entry.end else None, "kind": entry.kind, "text": entry.text,
                  "article": entry.article, "anchor": f"p-{entry.block}" if entry.block is not None else None,
                  "entities": list(entry.entities)}
        assert chronology_record(entry) == json.dumps(fields, ensure_ascii=False, separators=(", ", ": "))
        assert json.loads(chronology_record(entry)) == fields
