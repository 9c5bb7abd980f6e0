"""Assemble the chronology: publication dates, registered events and dated mentions, in time order.

Whole-site data in, a sorted tuple of ChronologyEntry out. Knows nothing about pages.
"""

from __future__ import annotations

from .model import Analysis, Article, ChronologyEntry, DatedMention, Entity, Mention

_KIND_ORDER = {"event": 0, "publication": 1, "mention": 2}


def build_chronology(articles: tuple[Article, ...], entities: tuple[Entity, ...],
                     analyses: dict[str, Analysis]) -> tuple[ChronologyEntry, ...]:
    """Registered events and every article's entries (made with its analysis, see `article_entries`)."""
    entries: list[ChronologyEntry] = []
    for entity in entities:
        start = entity.date or entity.start
        if entity.kind == "event" and start:
            entries.append(ChronologyEntry(start, "event", entity.name, entities=(entity.id,), end=entity.end))
    for article in articles:
        entries += analyses[article.slug].entries
    entries.sort(key=_order)
    return tuple(entries)


def article_entries(article: Article, mentions: tuple[Mention, ...],
                    dated: tuple[DatedMention, ...]) -> tuple[ChronologyEntry, ...]:
    """One article's entries: its publication, and each dated event it mentions."""
    entries = []
    if article.date:
        mentioned = tuple(dict.fromkeys(m.entity for m in mentions))
        entries.append(ChronologyEntry(article.date, "publication", article.title, article.slug, entities=mentioned))
    for mention in dated:
        involved = mention.entities if not mention.event or mention.event in mention.entities \
            else (mention.event, *mention.entities)
        entries.append(ChronologyEntry(mention.date, "mention", mention.sentence, article.slug, mention.block,
                                       involved))
    return tuple(sorted(entries, key=_order))


def _order(entry: ChronologyEntry) -> tuple:
    return (entry.date.value, _KIND_ORDER[entry.kind], entry.article or "", entry.block or 0, entry.text)
