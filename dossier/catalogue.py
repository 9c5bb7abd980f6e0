"""Whole-site lookups computed once from the corpus: what each page needs, without pairwise loops.

Entity → mentions, articles, quotes and co-mentions (its dated mentions are kept with the
chronology); tag → articles; source → articles; previous/next in time. Built from per-article
indexes, so the cost grows with the number of mentions, not with articles × entities. Read-only data
for `render` and `exports`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np

from . import store
from .model import Analysis, Article, Corpus, Entity, Mention, Quote
from .store import Parts, Shelf, Shelved, unpack
from .parallel import Aside
from .urls import tag_key

KWIC_ARTICLES = 50  # an entity page quotes the sentences of this many of its most recent articles


@dataclass(frozen=True)
class Catalogue:
    articles: dict[str, Article]  # by slug, in time order
    entities: dict[str, Entity]  # by id
    mention_count: dict[str, int] = field(default_factory=dict)  # entity → how many times it is named
    articles_of: dict[str, list[str]] = field(default_factory=dict)  # entity → slugs, time order
    quotes_by: dict[str, list[str]] = field(default_factory=dict)  # entity → the slugs of the articles quoting it
    entities_in: dict[str, tuple[str, ...]] = field(default_factory=dict)  # article → entity ids, most named first
    counts_in: dict[str, tuple[int, ...]] = field(default_factory=dict)  # article → how often each of those is named
    tags: dict[str, tuple[str, list[str]]] = field(default_factory=dict)  # tag slug → (tag, slugs)
    sources: dict[str, list[str]] = field(default_factory=dict)  # source → slugs
    neighbours: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)  # previous, next
    # for co_mentioned, when the build did not count co-mentions aside, made on its first call (a build
    # making no entity page needs none): every entity an article names, in id order (their numbers),
    # and each article's entities_in by number
    ids: list[str] = field(default_factory=list)
    numbered_in: dict[str, np.ndarray] = field(default_factory=dict)

    def named_in(self, slug: str) -> dict[str, int]:
        """The entities an article names, with how often, most named first. (Kept as two tuples an
        article, not a dict: a tenth of the memory, and the render workers copy what they read.)"""
        return dict(zip(self.entities_in[slug], self.counts_in[slug]))

    def times_named(self, slug: str, entity: str) -> int:
        return self.counts_in[slug][self.entities_in[slug].index(entity)]


def build_catalogue(corpus: Corpus) -> Catalogue:
    articles = {a.slug: a for a in corpus.articles}
    catalogue = Catalogue(articles, {e.id: e for e in corpus.entities})
    ids = {e.id: e.id for e in corpus.entities}  # one string per id, shared by every article's lookups
    articles_of, mention_count = defaultdict(list), defaultdict(int)  # (no empty list made for each mention)
    for slug, article in articles.items():
        analysis = corpus.analyses[slug]
        pairs = store.named(analysis)
        named, counts = tuple(zip(*pairs)) if pairs else ((), ())
        catalogue.entities_in[slug] = tuple(map(ids.get, named, named))
        catalogue.counts_in[slug] = counts
        for entity, count in zip(catalogue.entities_in[slug], counts):
            articles_of[entity].append(slug)
            mention_count[entity] += count
        for speaker in analysis.speakers:
            catalogue.quotes_by.setdefault(speaker, []).append(slug)
        for tag in article.tags:
            key = tag_key(tag)
            catalogue.tags.setdefault(key, (tag, []))[1].append(slug)
        catalogue.sources.setdefault(article.source or "", []).append(slug)
    catalogue.articles_of.update(articles_of)
    catalogue.mention_count.update(mention_count)
    slugs = list(articles)
    for i, slug in enumerate(slugs):
        catalogue.neighbours[slug] = (slugs[i - 1] if i > 0 else None, slugs[i + 1] if i + 1 < len(slugs) else None)
    return catalogue


def _numbered(cat: Catalogue) -> Catalogue:
    """The catalogue with its entities numbered (`ids`, `numbered_in`), numbering them the first time."""
    if not cat.ids and cat.articles_of:
        cat.ids.extend(sorted(cat.articles_of))
        number = {entity: n for n, entity in enumerate(cat.ids)}
        cat.numbered_in.update((slug, np.fromiter((number[e] for e in named), np.int32, len(named)))
                               for slug, named in cat.entities_in.items())
    return cat


def named_entities(article: Article, mentions: tuple[Mention, ...],
                   in_heading: tuple[str, ...] = ()) -> tuple[tuple[str, int], ...]:
    """The entities an article names with how many times, most named first, then those named only in
    its title or subtitle, or stated by its front matter (0 times)."""
    counts = Counter(m.entity for m in mentions)
    counts.update({entity: 0 for entity in in_heading if entity not in counts})  # named in the title only
    counts.update({entity: 0 for entity in article.entities if entity not in counts})  # stated, not named
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def named_sentences(mentions: tuple[Mention, ...], most: int = 3) -> dict[str, tuple[str, ...]]:
    """For each entity, the first `most` distinct sentences that name it (an entity page quotes them)."""
    found: dict[str, list[str]] = {}
    for mention in mentions:
        sentences = found.setdefault(mention.entity, [])
        if len(sentences) < most and mention.sentence not in sentences:
            sentences.append(mention.sentence)
    return {entity: tuple(sentences) for entity, sentences in found.items()}


def latest_first(slugs: Iterable[str], articles: dict[str, Article]) -> list[str]:
    """Dated articles, most recent first, then the undated ones (`slugs` in time order)."""
    slugs = list(slugs)
    dated = [s for s in slugs if articles[s].date]
    return dated[::-1] + [s for s in slugs if not articles[s].date]


def sentences_naming(corpus: Corpus, cat: Catalogue, entity: str) -> dict[str, tuple[str, ...]]:
    """The sentences naming an entity in its `KWIC_ARTICLES` most recent articles, by slug (dated ones
    latest first, then the undated): as made aside for every entity (`start_entity_parts`) or, when
    the build did not (an update of a few articles), from those articles now."""
    if corpus.sentences is not None:
        packed = corpus.sentences.get(entity)
        return unpack(packed) if packed else {}
    slugs = latest_first(cat.articles_of.get(entity, []), cat.articles)[:KWIC_ARTICLES]
    return {slug: store.sentences(corpus.analyses[slug]).get(entity, ()) for slug in slugs}


def quotes_of(corpus: Corpus, cat: Catalogue, entity: str) -> list[Quote]:
    """The quotes an entity said, in the order of the articles quoting it: as made aside, or now."""
    if corpus.quotes is not None:
        return [quote for packed in corpus.quotes.get(entity, ()) for quote in unpack(packed)]
    return [quote for slug in cat.quotes_by.get(entity, ()) for quote in store.quotes(corpus.analyses[slug])
            if quote.speaker == entity]


def co_mentioned(corpus: Corpus, cat: Catalogue, entity: str) -> tuple[tuple[str, int], ...]:
    """The `CO_MENTIONED` entities most often named in the same articles as `entity`, with in how many
    (most first, then by id): as made aside, or now."""
    if corpus.co_mentions is not None:
        return corpus.co_mentions.get(entity, ())
    slugs = cat.articles_of.get(entity, ())
    if not slugs:
        return ()
    cat = _numbered(cat)
    counts = np.bincount(np.concatenate([cat.numbered_in[slug] for slug in slugs]), minlength=len(cat.ids))
    counts[cat.ids.index(entity)] = 0
    others = np.flatnonzero(counts)  # numbers in id order: the second key
    ranked = others[np.lexsort((others, -counts[others]))][:CO_MENTIONED]
    return tuple((cat.ids[n], int(counts[n])) for n in ranked.tolist())


ENTITY_PAGES_EACH = 1000  # up to this many entities named by the articles an update changed, each entity
# page made again makes what it shows of the articles (a few milliseconds each, in one process);
# beyond, it is made for every entity aside (~3 s at 10,000 articles, beside the rest)


def pages_make_their_own(changed: set[str] | None, analyses: dict[str, Analysis]) -> bool:
    """Whether each entity page made again should make what it shows of the articles itself: when the
    build changed few articles (`changed`, None if many), naming few entities between them."""
    if changed is None:
        return False
    named = {entity for slug in changed if slug in analyses for entity, _ in store.named(analyses[slug])}
    return len(named) <= ENTITY_PAGES_EACH


def start_entity_parts(articles: tuple[Article, ...], analyses: dict[str, Analysis], most: int = KWIC_ARTICLES
                       ) -> Callable[[], dict]:
    """What entity pages show of the articles, made aside in a child process (beside the chronology's two);
    what it returns (the `Corpus` fields `sentences`, `quotes` and `co_mentions`) waits for it.
    For each entity:
    - the sentences naming it in each of its `most` most recent articles (dated ones latest first,
      then the undated), for `Corpus.sentences_naming`. Made by each page, they were a third of the
      entity pages' time: a page unpacked every sentence of each of its articles for the few naming it;
    - the quotes it said, in the articles' time order, for `Corpus.quotes_of`. Gathered by each page,
      every article was unpacked once for each speaker it quotes, not once;
    - the entities most often named in the same articles (`_co_mentions`)."""
    shelf = Shelf()
    latest = latest_first((a.slug for a in articles), {a.slug: a for a in articles})
    named = Parts((analyses[slug].packed_named for slug in latest), latest)
    sentences = Parts(analyses[slug].packed_sentences for slug in latest)
    quoted = Parts(analyses[a.slug].packed_quotes for a in articles if analyses[a.slug].speakers)  # in time order
    job = Aside(_entity_parts, named, sentences, quoted, most, shelf)

    def finish() -> dict:
        sentences, quotes, co_mentioned = job.result()
        return {"sentences": {entity: Shelved(shelf, *span) for entity, span in sentences.items()},
                "quotes": {speaker: tuple(Shelved(shelf, *span) for span in spans) for speaker, spans in quotes.items()},
                "co_mentions": co_mentioned}
    return finish


def _entity_parts(named: Parts, sentences: Parts, quoted: Parts, most: int, shelf: Shelf) -> tuple:
    """`start_entity_parts`' work, from what each article names and the sentences naming each (both
    of the articles latest first), and the quotes of those quoting a registered speaker: the
    sentences' and the quotes' places on `shelf`, and the co-mentions."""
    return _sentences(named, sentences, most, shelf), _quotes(quoted, shelf), _co_mentions(named)


CO_MENTIONED = 12  # an entity page shows this many of the entities most often named with it


def _co_mentions(named: Parts, limit: int = CO_MENTIONED) -> dict[str, tuple[tuple[str, int], ...]]:
    """For each entity, the `limit` entities most often named in the same articles, with in how many:
    most first, then by id. Counted by numpy, entity by entity, over the numbers of the entities each
    article names (a Python Counter, in each page, took 3.5 s for the 4,000 entity pages of 10,000
    articles naming 50 entities each; 1.1 s here, once, beside the chronology)."""
    number: dict[str, int] = {}  # entity → number, in the order first named
    numbers = []  # of each article, the numbers of the entities it names
    for article in range(len(named)):
        entities = [entity for entity, _ in named.unpacked(article)]
        numbers.append(np.fromiter((number.setdefault(entity, len(number)) for entity in entities), np.int32,
                                 len(entities)))
    entities = list(number)
    in_id_order = np.empty(len(entities), np.int32)  # each number's place in id order, to break ties
    in_id_order[[number[entity] for entity in sorted(entities)]] = np.arange(len(entities), dtype=np.int32)
    flat = np.concatenate(numbers) if numbers else np.empty(0, np.int32)
    article_of = np.repeat(np.arange(len(numbers)), [len(of_article) for of_article in numbers])
    by_entity = article_of[np.argsort(flat, kind="stable")]  # the articles naming each entity, entity after entity
    ends = np.cumsum(np.bincount(flat, minlength=len(entities)))
    found = {}
    for n, entity in enumerate(entities):
        with_it = by_entity[(ends[n - 1] if n else 0):ends[n]].tolist()
        counts = np.bincount(np.concatenate([numbers[a] for a in with_it]), minlength=len(entities))
        counts[n] = 0
        others = np.flatnonzero(counts)
        ranked = others[np.lexsort((in_id_order[others], -counts[others]))][:limit]  # most first, then by id
        if len(ranked):
            found[entity] = tuple((entities[m], int(counts[m])) for m in ranked.tolist())
    return found


def _sentences(named: Parts, sentences: Parts, most: int, shelf: Shelf) -> dict[str, tuple[int, int]]:
    """Each entity's {article slug: sentences}, packed and put on `shelf` as soon as it has its `most`
    articles (held meanwhile: at most `most` articles of each entity), with where each is in it."""
    spans: dict[str, tuple[int, int]] = {}
    found: dict[str, dict[str, tuple[str, ...]]] = {}

    def write(entity: str) -> None:
        spans[entity] = shelf.put_packed(found.pop(entity))

    for number, slug in enumerate(named.names()):
        needed = [entity for entity, _ in named.unpacked(number) if entity not in spans]
        if needed:
            naming = sentences.unpacked(number, {})
            for entity in needed:
                found.setdefault(entity, {})[slug] = naming.get(entity, ())
                if len(found[entity]) == most:
                    write(entity)
    for entity in sorted(found):
        write(entity)
    return spans


QUOTES_HELD = 32  # a speaker's quotes are put on the shelf this many at a time


def _quotes(quoted: Parts, shelf: Shelf) -> dict[str, list[tuple[int, int]]]:
    """Each registered speaker's quotes in the articles' time order, packed and put on `shelf` in
    groups of `QUOTES_HELD` (held meanwhile: fewer than that of each speaker), with where each group is."""
    spans: dict[str, list[tuple[int, int]]] = {}
    held: dict[str, list[Quote]] = {}

    def write(speaker: str) -> None:
        spans.setdefault(speaker, []).append(shelf.put_packed(tuple(held.pop(speaker))))

    for article in range(len(quoted)):
        for quote in quoted.unpacked(article):
            if quote.speaker:
                held.setdefault(quote.speaker, []).append(quote)
                if len(held[quote.speaker]) == QUOTES_HELD:
                    write(quote.speaker)
    for speaker in sorted(held):
        write(speaker)
    return spans
