"""Assemble the chronology: publication dates, registered events and dated mentions, in time order.

Whole-site data in, a sorted tuple of ChronologyEntry out. Knows nothing about pages.
"""

from __future__ import annotations

from operator import attrgetter

from .model import Analysis, Article, ChronologyEntry, DatedMention, Entity, Mention, PartialDate, shared_date

_KIND_ORDER = {"event": 0, "publication": 1, "mention": 2}


def build_chronology(articles: tuple[Article, ...], entities: tuple[Entity, ...],
                     analyses: dict[str, Analysis]) -> tuple[ChronologyEntry, ...]:
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
    by_slug = sorted(articles, key=attrgetter("slug"))
    entries = [*events, *(e for a in by_slug for e in analyses[a.slug].entries if e.kind == "publication"),
               *(e for a in by_slug for e in analyses[a.slug].entries if e.kind == "mention")]
    entries.sort(key=_DATE)
    return tuple(entries)


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
