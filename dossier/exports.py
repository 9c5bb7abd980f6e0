"""The data exports in `output/data/`: a documented, stable interface (fields are added, never renamed).

articles.json, entities.json, chronology.json (+ .csv) and quotes.json, built from the corpus.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from itertools import islice

from .catalogue import Catalogue
from .cite import csl_json
from .frontmatter import described
from .model import Article, Block, ChronologyEntry, Corpus, DatedMention, Exported, Mention, Quote, SiteConfig
from .store import pack, unpack
from .urls import article_url, entity_url


def data_files(corpus: Corpus, cat: Catalogue) -> Iterator[tuple[str, Iterator[bytes]]]:
    """Each export file (path, its bytes in pieces), made while it is written: on a large site
    articles.json alone is large, and joining it in memory took several times its size."""
    records = [corpus.analyses[a.slug].exported for a in corpus.articles]
    yield "data/articles.json", _lines(f'{unpack(r.article)}, "copies": {_copies(corpus, a)}}}'
                                       for a, r in zip(corpus.articles, records))
    yield "data/entities.json", _lines(map(_dumps, _entities(corpus, cat)))
    yield "data/chronology.json", _lines(map(chronology_record, corpus.chronology))
    yield "data/chronology.csv", _csv(corpus.chronology)
    yield "data/quotes.json", _lines(line for r in records for line in unpack(r.quotes))
    yield "data/citations.json", _lines(r.citation for r in records)


def _copies(corpus: Corpus, article: Article) -> str:
    return json.dumps([c.source_path for c in corpus.copies.get(article.slug, ())], ensure_ascii=False)


def exported(article: Article, blocks: tuple[Block, ...], quotes: tuple[Quote, ...], dated: tuple[DatedMention, ...],
             named: tuple[tuple[str, int], ...], site: SiteConfig, mentions: tuple[Mention, ...] = ()) -> Exported:
    """An article's records in the exports, made once per article (in the per-article stages, cached),
    from what its analysis found: blocks, quotes, dated mentions, the entities it names."""
    row = _dumps({
        "source_path": article.source_path,
        "slug": article.slug,
        "url": article_url(article.slug),
        **described(article),
        "text": "\n\n".join(block.text for block in blocks),
        "entities": [entity for entity, _ in named],
        "mentions": [{"entity": m.entity, "paragraph": f"p-{m.block}", "start": m.start, "end": m.end, "text": m.text}
                     for m in mentions],
        "quotes": [{"speaker": q.speaker, "speaker_name": q.speaker_name or None, "text": q.text,
                    "anchor": q.anchor} for q in quotes],
        "dated_mentions": [{"date": d.date.value, "precision": d.date.precision, "text": d.text,
                            "how": d.how, "event": d.event, "anchor": f"p-{d.block}"} for d in dated],
        "removed": [{"text": r.text, "reason": r.reason, "line": r.line} for r in article.removed],
    })
    quote_lines = tuple(_dumps({"speaker": q.speaker, "speaker_name": q.speaker_name or None, "text": q.text,
                                "date": q.date.value if q.date else None, "date_source": q.date_source or None,
                                "article": article.slug,
                                "anchor": q.anchor, "url": f"{article_url(article.slug)}#{q.anchor}"})
                        for q in quotes)
    citation = _dumps(csl_json(article, site.absolute(article_url(article.slug))))
    return Exported(pack(row[:-1]), pack(quote_lines), citation)


def _dumps(item) -> str:
    return json.dumps(item, ensure_ascii=False, separators=(", ", ": "))


def _lines(records: Iterable[str]) -> Iterator[bytes]:
    """A JSON list with one record per line (readable, diff-friendly), in pieces."""
    separator = b"[\n"
    for record in records:
        yield separator
        yield record.encode("utf-8")
        separator = b",\n"
    yield b"[]\n" if separator == b"[\n" else b"\n]\n"


def _entities(corpus: Corpus, cat: Catalogue) -> list[dict]:
    return [{"id": e.id, "name": e.name, "kind": e.kind, "aliases": list(e.aliases), "description": e.description,
             "url": entity_url(e), "articles": cat.articles_of.get(e.id, []),
             "mentions": cat.mention_count.get(e.id, 0)} for e in corpus.entities]


CSV_HEADER = "date,precision,end,kind,text,article,anchor,entities\n"


def chronology_record(entry: ChronologyEntry) -> str:
    """An entry's chronology.json record: the same text as `_dumps` of its fields in this order, written
    field by field (there are hundreds of thousands of entries, and a dict dumped whole costs four times
    as much)."""
    end = _string(entry.end.value) if entry.end else "null"
    article = _string(entry.article) if entry.article is not None else "null"
    anchor = _string(f"p-{entry.block}") if entry.block is not None else "null"
    return (f'{{"date": {_string(entry.date.value)}, "precision": {_string(entry.date.precision)}, "end": {end}, '
            f'"kind": {_string(entry.kind)}, "text": {_string(entry.text)}, "article": {article}, '
            f'"anchor": {anchor}, "entities": [{", ".join(map(_string, entry.entities))}]}}')


_string = json.encoder.encode_basestring  # a str as JSON, not escaped to ASCII (as _dumps writes it)


def _csv(entries: Iterable[ChronologyEntry], rows: int = 2000) -> Iterator[bytes]:
    """chronology.csv, `rows` at a time."""
    yield CSV_HEADER.encode("utf-8")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    entries = iter(entries)
    while chunk := list(islice(entries, rows)):
        writer.writerows([entry.date.value, entry.date.precision, entry.end.value if entry.end else "", entry.kind,
                          entry.text, entry.article or "", f"p-{entry.block}" if entry.block is not None else "",
                          " ".join(entry.entities)] for entry in chunk)
        yield out.getvalue().encode("utf-8")
        out.seek(0)
        out.truncate()
