"""Assemble the chronology: publication dates, registered events and dated mentions, in time order.

Whole-site data in, the entries in time order out, packed (`Chronology`). Knows nothing about pages.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from operator import attrgetter
from typing import BinaryIO

from .model import (Analysis, Article, Chronology, ChronologyEntry, DatedMention, Entity, Mention, PartialDate, Shelf,
                    Shelved, pack, shared_date)
from .parallel import Aside

_KIND_ORDER = {"event": 0, "publication": 1, "mention": 2}


TIMELINE = 300  # an entity page lists this many of its dated mentions; the chronology has them all


def ordered(articles: tuple[Article, ...], entities: tuple[Entity, ...],
            analyses: dict[str, Analysis]) -> list[ChronologyEntry]:
    """Registered events and every article's entries (made with its analysis, see `article_entries`),
    in the order of `_order`.

    Rather than sorting millions of entries by that five-part key, they are laid out in its order for
    every part but the date (events by text, then publications and then mentions, each by article
    slug, an article's own entries being in order already) and sorted by date alone: the sort is
    stable, so entries of the same date keep that order. Same result, a few times faster."""
    events = sorted((ChronologyEntry(entity.date or entity.start, "event", entity.name, entities=(entity.id,),
                                     end=entity.end)
                     for entity in entities if entity.kind == "event" and (entity.date or entity.start)),
                    key=_order)
    own = [analyses[a.slug].entries() for a in sorted(articles, key=attrgetter("slug"))]
    entries = [*events, *(e for found in own for e in found if e.kind == "publication"),
               *(e for found in own for e in found if e.kind == "mention")]
    del own
    entries.sort(key=_DATE)
    return entries


def build_chronology(articles: tuple[Article, ...], entities: tuple[Entity, ...],
                     analyses: dict[str, Analysis], timeline: int = TIMELINE) -> Chronology:
    """Every entry in time order (`ordered`), packed in parts (see `Chronology`), with each entity's
    first `timeline` dated mentions."""
    return start_chronology(articles, entities, analyses, timeline)()


def start_chronology(articles: tuple[Article, ...], entities: tuple[Entity, ...],
                     analyses: dict[str, Analysis], timeline: int = TIMELINE) -> Callable[[], Chronology]:
    """`build_chronology` started aside, in a child process; what it returns waits for the chronology.
    The entries are unpacked all at once to be sorted, and this process would keep the memory they
    took, which the render workers then share (measured at 10,000 articles, peak of the build: 688 MiB
    with the entries kept as objects, 664 packed here, 591 packed aside and pickled back, 543 written
    to a file as it is packed)."""
    spill = tempfile.TemporaryFile(prefix="dossier-chronology-")  # the packed entries come back through a
    # file, not a pickle (which would hold them twice more, in both processes, at the child's largest)
    job = Aside(_packed, articles, entities, analyses, timeline, spill)

    def finish() -> Chronology:
        chronology = job.result()
        shelf = Shelf(spill)  # read where a page or an export unpacks them
        return replace(chronology, parts={key: Shelved(shelf, *span) for key, span in chronology.parts.items()},
                       timelines={key: Shelved(shelf, *span) for key, span in chronology.timelines.items()})
    return finish


def _packed(articles: tuple[Article, ...], entities: tuple[Entity, ...], analyses: dict[str, Analysis],
            timeline: int, spill: BinaryIO) -> Chronology:
    """The entries (in order) in parts, each packed and written to `spill` as it is made; an entity's
    dated mentions in the order its page lists them (by date, article, place). The chronology holds
    (start, end) of each in what was written. Each group of entries is let go once written."""
    entries = ordered(articles, entities, analyses)
    slugs, ids = {a.slug: a.slug for a in articles}, {e.id: e.id for e in entities}  # one string for each
    chronology = Chronology()
    by_part: dict[str, list[ChronologyEntry]] = {}
    mentioning: dict[str, list[ChronologyEntry]] = {}
    for entry in entries:
        by_part.setdefault(Chronology.part_of(entry.date), []).append(entry)
        if entry.kind == "mention":
            for entity in entry.entities:
                mentioning.setdefault(ids.get(entity, entity), []).append(entry)
    del entries

    def write(value) -> tuple[int, int]:
        start = spill.tell()
        return start, start + spill.write(pack(value))

    for part in list(by_part):
        found = by_part.pop(part)
        chronology.parts[part] = write(tuple(found))
        chronology.sizes[part] = len(found)
        chronology.kinds.setdefault(part[:4], Counter()).update(e.kind for e in found)
        chronology.articles[part] = tuple(sorted({slugs[e.article] for e in found if e.article}))
    for entity in list(mentioning):
        found = sorted(mentioning.pop(entity), key=_TIMELINE)
        chronology.timelines[entity] = write((tuple(found[:timeline]), len(found)))
        chronology.dated_in[entity] = tuple(sorted({slugs[e.article] for e in found}))
    spill.flush()
    return chronology


_TIMELINE = attrgetter("date.value", "article", "block", "start")
_DATE = attrgetter("date.value")


def article_entries(article: Article, mentions: tuple[Mention, ...],
                    dated: tuple[DatedMention, ...]) -> tuple[ChronologyEntry, ...]:
    """One article's entries: its publication, and each dated event it mentions."""
    entries = []
    if article.date:
        mentioned = tuple(dict.fromkeys(m.entity for m in mentions))
        entries.append(ChronologyEntry(_shared(article.date), "publication", article.title, article.slug,
                                       entities=mentioned))
    for mention in dated:
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
