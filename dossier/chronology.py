"""Assemble the chronology: publication dates, registered events and dated mentions, in time order.

Whole-site data in, a sorted tuple of ChronologyEntry out. Knows nothing about pages.
"""

from __future__ import annotations

from .model import Analysis, Article, ChronologyEntry, Entity

_KIND_ORDER = {"event": 0, "publication": 1, "mention": 2}


def build_chronology(articles: tuple[Article, ...], entities: tuple[Entity, ...],
                     analyses: dict[str, Analysis]) -> tuple[ChronologyEntry, ...]:
    entries: list[ChronologyEntry] = []
    for entity in entities:
        start = entity.date or entity.start
        if entity.kind == "event" and start:
            entries.append(ChronologyEntry(start, "event", entity.name, entities=(entity.id,), end=entity.end))
    for article in articles:
        analysis = analyses[article.slug]
        if article.date:
            mentioned = tuple(dict.fromkeys(m.entity for m in analysis.mentions))
            entries.append(ChronologyEntry(article.date, "publication", article.title, article.slug,
                                           entities=mentioned))
        for dated in analysis.dated:
            involved = dated.entities if not dated.event or dated.event in dated.entities else (dated.event, *dated.entities)
            entries.append(ChronologyEntry(dated.date, "mention", dated.sentence, article.slug, dated.block, involved))
    entries.sort(key=lambda e: (e.date.value, _KIND_ORDER[e.kind], e.article or "", e.block or 0, e.text))
    return tuple(entries)
