"""Assemble the chronology: publication dates, registered events and dated mentions, in time order.

Whole-site data in, the entries in time order out, packed (`Chronology`). Knows nothing about pages.
"""

from __future__ import annotations

import pickle
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from operator import attrgetter

from .model import (Analysis, Article, Chronology, ChronologyEntry, DatedMention, Entity, Mention, PartialDate,
                    shared_date)
from .parallel import Aside
from .store import Parts, Shelf, Shelved

_KIND_ORDER = {"event": 0, "publication": 1, "mention": 2}


TIMELINE = 300  # an entity page lists this many of its dated mentions; the chronology has them all


def build_chronology(articles: tuple[Article, ...], entities: tuple[Entity, ...], analyses: dict[str, Analysis],
                     timeline: int = TIMELINE, budget: int | None = None) -> Chronology:
    """Every entry in time order (`_order`), packed in parts (see `Chronology`), with each entity's
    first `timeline` dated mentions."""
    return start_chronology(articles, entities, analyses, timeline, budget)()


def start_chronology(articles: tuple[Article, ...], entities: tuple[Entity, ...], analyses: dict[str, Analysis],
                     timeline: int = TIMELINE, budget: int | None = None) -> Callable[[], Chronology]:
    """`build_chronology` started aside, in two child processes: one makes the parts, the other the
    entities' timelines (one child making both kept the other core waiting). What it returns waits
    for both. Made in this process, the memory the unpacked entries took would be kept (freed memory
    is seldom given back to the system) and shared by the render workers forked after; written to a
    file as it is packed, it raises the build's peak least (bench/RESULTS.md)."""
    budget = max(1, (budget or BUDGET) // 2)  # each child holds half
    # Each child writes what it packs to its own shelf, not back through a pickle (which would hold
    # them twice more, in both processes, at the child's largest).
    parts_shelf, timelines_shelf = Shelf(), Shelf()
    entries = Parts(analyses[a.slug].packed_entries for a in sorted(articles, key=attrgetter("slug")))
    parts = Aside(_parts, _events(entities), entries, parts_shelf, budget)
    timelines = Aside(_timelines, entries, timeline, timelines_shelf, budget)

    def finish() -> Chronology:
        chronology = parts.result()
        spans, dated_in = timelines.result()
        return replace(chronology, parts={key: Shelved(parts_shelf, *span) for key, span in chronology.parts.items()},
                       timelines={key: Shelved(timelines_shelf, *span) for key, span in spans.items()},
                       dated_in=dated_in)
    return finish


def _events(entities: tuple[Entity, ...]) -> list[ChronologyEntry]:
    """The registered events with a date, as entries, by text."""
    return [ChronologyEntry(entity.date or entity.start, "event", entity.name, entities=(entity.id,), end=entity.end)
            for entity in sorted(entities, key=lambda e: e.name) if entity.kind == "event" and (entity.date or entity.start)]


def _parts(events: list[ChronologyEntry], entries: Parts, shelf: Shelf, budget: int) -> Chronology:
    """The entries in parts, each in order, packed and put on `shelf`; the chronology holds (start, end)
    of each in what was written.

    The order (`_order`) is a five-part key; rather than sorting millions of entries by it, each
    part's entries are laid out in its order for every part but the date (registered events by text,
    then publications and then mentions, each by article slug, an article's own entries being in
    order already) and sorted by date alone: the sort is stable, so entries of the same date keep
    that order. Same result, a few times faster."""
    groups = _Groups(budget)
    for event in events:
        groups.add((Chronology.part_of(event.date), 0), event)
    for entry in _entries(entries, groups):
        groups.add((Chronology.part_of(entry.date), _KIND_ORDER[entry.kind]), entry)
    chronology, slugs = Chronology(), {}  # slugs: one string for each
    for part in sorted({key[0] for key in groups.keys()}):
        found = [entry for rank in (0, 1, 2) for entry in groups.take((part, rank))]
        found.sort(key=_DATE)
        chronology.parts[part] = shelf.put_packed(tuple(found))
        chronology.sizes[part] = len(found)
        chronology.kinds.setdefault(part[:4], Counter()).update(e.kind for e in found)
        chronology.articles[part] = tuple(sorted({slugs.setdefault(e.article, e.article) for e in found if e.article}))
    return chronology


def _timelines(entries: Parts, timeline: int, shelf: Shelf,
               budget: int) -> tuple[dict[str, tuple[int, int]], dict[str, tuple[str, ...]]]:
    """Each entity's dated mentions in the order its page lists them (by date, article, place), its
    first `timeline` and how many, packed and put on `shelf` (where each is, by entity); and the
    articles of each entity's dated mentions."""
    groups, ids, slugs = _Groups(budget), {}, {}  # ids, slugs: one string for each
    for entry in _entries(entries, groups):
        if entry.kind == "mention":
            for entity in entry.entities:
                groups.add(ids.setdefault(entity, entity), entry)
    spans, dated_in = {}, {}
    for entity in sorted(groups.keys()):
        found = sorted(groups.take(entity), key=_TIMELINE)
        spans[entity] = shelf.put_packed((tuple(found[:timeline]), len(found)))
        dated_in[entity] = tuple(sorted({slugs.setdefault(e.article, e.article) for e in found}))
    return spans, dated_in


def _entries(entries: Parts, groups: _Groups):
    """Every article's entries, an article at a time (in slug order); after each article, `groups`
    writes out what it holds if that is more than its budget.

    The entries are gathered into groups (by part, or by entity for the timelines); when more than
    the budget are held, every group is written out to a file as a run and let go, so that memory
    stays bounded however large the corpus (all held at once, they were ~12 KB an article). Each
    group is read back, whole, when it is its turn to be sorted and packed."""
    for number in range(len(entries)):
        yield from entries.unpacked(number)
        groups.write_if_full()


BUDGET = 250_000  # entries (counted once for each group they are in) the chronology's two children hold, in
# all, before writing runs (each holding the whole budget raised the build's peak by two thirds)


class _Groups:
    """Lists of entries by key, held up to `budget` entries in all, then written out as runs (each
    group pickled: read back once, soon, it is not worth compressing) to a temporary file and let go;
    `take` gives a group back whole, in the order added."""

    def __init__(self, budget: int):
        self.budget, self.count, self.shelf = budget, 0, None
        self.held: dict = {}
        self.written: dict = {}

    def add(self, key, entry: ChronologyEntry) -> None:
        self.held.setdefault(key, []).append(entry)
        self.count += 1

    def write_if_full(self) -> None:
        if self.count <= self.budget:
            return
        self.shelf = self.shelf or Shelf()
        for key, group in self.held.items():
            self.written.setdefault(key, []).append(self.shelf.add(pickle.dumps(group, pickle.HIGHEST_PROTOCOL)))
        self.held, self.count = {}, 0

    def keys(self) -> set:
        return self.held.keys() | self.written.keys()

    def take(self, key) -> list[ChronologyEntry]:
        written = [entry for run in self.written.pop(key, ()) for entry in pickle.loads(run.read())]
        return written + self.held.pop(key, [])


_TIMELINE = attrgetter("date.value", "article", "block", "start")
_DATE = attrgetter("date.value")


def article_entries(article: Article, mentions: tuple[Mention, ...],
                    dated: tuple[DatedMention, ...]) -> tuple[ChronologyEntry, ...]:
    """One article's entries: its publication, and each date it mentions other than the publication's
    own day ("today", "on Friday" in Friday's paper: the publication entry stands for those)."""
    entries = []
    if article.date:
        mentioned = tuple(dict.fromkeys(m.entity for m in mentions))
        entries.append(ChronologyEntry(_shared(article.date), "publication", article.title, article.slug,
                                       entities=mentioned))
    for mention in dated:
        if mention.date == article.date:
            continue
        involved = mention.entities if not mention.event or mention.event in mention.entities \
            else (mention.event, *mention.entities)
        entries.append(ChronologyEntry(_shared(mention.date), "mention", mention.sentence, article.slug,
                                       mention.block, involved, start=mention.start))
    return tuple(sorted(entries, key=_order))


def _shared(date: PartialDate) -> PartialDate:
    """The one object for this date (entries are most of the chronology's memory)."""
    return shared_date(date.value, date.precision)


def _order(entry: ChronologyEntry) -> tuple:
    return (entry.date.value, _KIND_ORDER[entry.kind], entry.article or "", entry.block or 0, entry.text)
