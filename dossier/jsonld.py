"""What a page says about its subject to machines: schema.org JSON-LD for an article and an entity."""

from __future__ import annotations

from .model import Article, Corpus, Entity
from .urls import article_url, entity_url


def article_jsonld(corpus: Corpus, article: Article, mentioned: list[Entity]) -> dict:
    """A NewsArticle: headline, address, language, date, author, publisher and what it is about."""
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": article.title,
            "url": corpus.site.absolute(article_url(article.slug)), "inLanguage": article.language,
            "about": [{"@type": SCHEMA_TYPES[e.kind], "name": e.name, "url": corpus.site.absolute(entity_url(e))}
                      for e in mentioned[:20]]}
    if article.date:
        data["datePublished"] = article.date.value
    if article.subtitle:
        data["description"] = article.subtitle
    if article.author:
        data["author"] = {"@type": "Person", "name": article.author}
    if article.source:
        data["publisher"] = {"@type": "Organization", "name": article.source}
    return data


SCHEMA_TYPES = {"person": "Person", "organisation": "Organization", "event": "Event", "place": "Place"}


def entity_jsonld(corpus: Corpus, entity: Entity) -> dict:
    """A Person, Organization, Event or Place: name, address, aliases, description, links, dates."""
    data = {"@context": "https://schema.org", "@type": SCHEMA_TYPES[entity.kind], "name": entity.name,
            "url": corpus.site.absolute(entity_url(entity))}
    if entity.description:
        data["description"] = entity.description
    if entity.aliases:
        data["alternateName"] = list(entity.aliases)
    same_as = ([f"https://www.wikidata.org/wiki/{entity.wikidata}"] if entity.wikidata else []) + list(entity.links)
    if same_as:
        data["sameAs"] = same_as
    start = entity.date or entity.start
    if entity.kind == "event" and start:
        data["startDate"] = start.value
        data["endDate"] = (entity.end or start).value
    return data
