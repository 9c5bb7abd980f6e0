"""Assemble the chronology: publication dates, registered events and dated mentions, in time order.

Whole-site data in, the entries in time order out, packed (`Chronology`). Knows nothing about pages.
"""

from __future__ import annotations

import heapq
import pickle
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from operator import attrgetter

from . import store
from .model import (Analysis, Article, Chronology, ChronologyEntry, DatedMention, Entity, Mention, PartialDate,
                    shared_date)
from .parallel import Aside
from .store import Parts, Shelf, Shelved, pack, unpack

_KIND_ORDER = {"event": 0, "publication": 1, "mention": 2}


TIMELINE = 300  # an entity page lists this many of its dated mentions; the chronology has them all


def build_chronology(articles: tuple[Article, ...], entities: tuple[Entity, ...], analyses: dict[str, Analysis],
                     timeline: int = TIMELINE, budget: int | None = None) -> Chronology:
    """Every entry in time order (`_order`), packed in parts (see `Chronology`), with each entity's
    first `timeline` dated mentions."""
    return start_chronology(articles, entities, analyses, timeline, budget)()[0]


def start_chronology(articles: tuple[Article, ...], entities: tuple[Entity, ...], analyses: dict[str, Analysis],
                     timeline: int = TIMELINE, budget: int | None = None
                     ) -> Callable[[], tuple[Chronology, dict[str, Shelved]]]:
    """`build_chronology` started aside, in two child processes: one makes the parts, the other the
    entities' timelines (one child making both kept the other core waiting). What it returns waits
    for both, and gives the chronology and, of each entity with more than `timeline` dated mentions,
    all of them in order, packed (what `patch_chronology` needs). Made in this process, the memory
    the unpacked entries took would be kept (freed memory is seldom given back to the system) and
    shared by the render workers forked after; written to a file as it is packed, it raises the
    build's peak least (bench/RESULTS.md)."""
    budget = max(1, (budget or BUDGET) // 2)  # each child holds half
    # Each child writes what it packs to its own shelf, not back through a pickle (which would hold
    # them twice more, in both processes, at the child's largest).
    parts_shelf, timelines_shelf = Shelf(), Shelf()
    entries = Parts(analyses[a.slug].packed_entries for a in sorted(articles, key=attrgetter("slug")))
    parts = Aside(_parts, _events(entities), entries, parts_shelf, budget)
    timelines = Aside(_timelines, entries, timeline, timelines_shelf, budget)

    def finish() -> tuple[Chronology, dict[str, Shelved]]:
        chronology = parts.result()
        spans, full, dated_in = timelines.result()
        return replace(chronology, parts={key: Shelved(parts_shelf, *span) for key, span in chronology.parts.items()},
                       timelines={key: Shelved(timelines_shelf, *span) for key, span in spans.items()},
                       dated_in=dated_in), {key: Shelved(timelines_shelf, *span) for key, span in full.items()}
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


def _timelines(entries: Parts, timeline: int, shelf: Shelf, budget: int
               ) -> tuple[dict[str, tuple[int, int]], dict[str, tuple[int, int]], dict[str, tuple[str, ...]]]:
    """Each entity's dated mentions in the order its page lists them (by date, article, place), its
    first `timeline` and how many, packed and put on `shelf` (where each is, by entity); all of
    them, of an entity with more than `timeline`; and the articles of each entity's dated mentions."""
    groups, ids, slugs = _Groups(budget), {}, {}  # ids, slugs: one string for each
    for entry in _entries(entries, groups):
        if entry.kind == "mention":
            for entity in entry.entities:
                groups.add(ids.setdefault(entity, entity), entry)
    spans, full, dated_in = {}, {}, {}
    for entity in sorted(groups.keys()):
        found = sorted(groups.take(entity), key=_TIMELINE)
        spans[entity] = shelf.put_packed((tuple(found[:timeline]), len(found)))
        if len(found) > timeline:
            full[entity] = shelf.put_packed(tuple(found))
        dated_in[entity] = tuple(sorted({slugs.setdefault(e.article, e.article) for e in found}))
    return spans, full, dated_in


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


def patch_chronology(chronology: Chronology, full: dict[str, bytes], changed: set[str],
                     entries: dict[str, tuple[ChronologyEntry, ...]], timeline: int = TIMELINE
                     ) -> tuple[Chronology, dict[str, bytes], set[str], set[str]]:
    """The chronology after some articles changed (`changed`: their slugs, whether edited, added or
    removed), from the one before and the entries of those now in it (`entries`, by slug): the same
    as `build_chronology` of the articles now, with the parts and timelines the changed articles
    were or are in made again, and the others as they were. `full`: all the dated mentions of
    each entity with more than `timeline`, packed, as `start_chronology` gives them (and as
    returned for the next patch). Also returns the parts and the entities made again.

    A part's order (`_order`) is, for every entry but the registered events (which do not change
    here), by date, kind and article; an entity's timeline by date and article first: no entry of
    a changed article ties with any other's, so each is merged into what the others left."""
    in_parts, in_timelines = {}, {}
    for slug in sorted(entries):
        for entry in entries[slug]:
            in_parts.setdefault(Chronology.part_of(entry.date), []).append(entry)
            if entry.kind == "mention":
                for entity in entry.entities:
                    in_timelines.setdefault(entity, []).append(entry)
    parts = {part for part, slugs in chronology.articles.items() if not changed.isdisjoint(slugs)} | in_parts.keys()
    entities = {entity for entity, slugs in chronology.dated_in.items() if not changed.isdisjoint(slugs)}
    entities |= in_timelines.keys()
    chronology = replace(chronology, parts=dict(chronology.parts), sizes=dict(chronology.sizes),
                         articles=dict(chronology.articles), timelines=dict(chronology.timelines),
                         dated_in=dict(chronology.dated_in))
    full, kinds = dict(full), {year: Counter(counted) for year, counted in chronology.kinds.items()}
    for part in parts:
        was = store.entries(chronology, part)
        kept = [e for e in was if e.article not in changed]
        found = list(heapq.merge(kept, sorted(in_parts.get(part, ()), key=_part_order), key=_part_order))
        counted = kinds.setdefault(part[:4], Counter())
        counted.subtract(e.kind for e in was)
        counted.update(e.kind for e in found)
        _put(found, part, chronology.parts, pack(tuple(found)))
        _put(found, part, chronology.sizes, len(found))
        _put(found, part, chronology.articles, tuple(sorted({e.article for e in found if e.article})))
    for entity in entities:
        kept = [e for e in (unpack(full[entity]) if entity in full else store.timeline(chronology, entity)[0])
                if e.article not in changed]
        found = list(heapq.merge(kept, sorted(in_timelines.get(entity, ()), key=_TIMELINE), key=_TIMELINE))
        _put(found, entity, chronology.timelines, pack((tuple(found[:timeline]), len(found))))
        _put(found[timeline:], entity, full, pack(tuple(found)))
        _put(found, entity, chronology.dated_in, tuple(sorted({e.article for e in found})))
    kinds = {year: +counted for year, counted in kinds.items() if +counted}  # no kind counted 0, no empty year
    return _in_order(replace(chronology, kinds=kinds)), full, parts, entities


def _put(found: list, key: str, into: dict, value) -> None:
    """`value` under `key`, or no `key` if nothing is `found`."""
    if found:
        into[key] = value
    else:
        into.pop(key, None)


def _in_order(chronology: Chronology) -> Chronology:
    """The chronology with its parts, years and entities in order, as made whole."""
    return replace(chronology, parts=_sorted(chronology.parts), sizes=_sorted(chronology.sizes),
                   articles=_sorted(chronology.articles), kinds=_sorted(chronology.kinds),
                   timelines=_sorted(chronology.timelines), dated_in=_sorted(chronology.dated_in))


def _sorted(mapping: dict) -> dict:
    return dict(sorted(mapping.items()))


def _part_order(entry: ChronologyEntry) -> tuple:
    return entry.date.value, _KIND_ORDER[entry.kind], entry.article or ""


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
