"""The data exports in `output/data/`: a documented, stable interface (fields are added, never renamed).

articles.json, entities.json, chronology.json (+ .csv) and quotes.json, built from the corpus.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from .catalogue import Catalogue
from .cite import csl_json
from .frontmatter import described
from .model import Analysis, Article, Block, ChronologyEntry, Corpus, DatedMention, Exported, Quote, SiteConfig, pack, unpack
from .urls import article_url, entity_url


def data_files(corpus: Corpus, cat: Catalogue) -> Iterator[tuple[str, bytes]]:
    """Each export file (path, bytes), made one at a time from the articles' packed records, so that
    only one is held at once."""
    records = [corpus.analyses[a.slug].exported for a in corpus.articles]
    copies = [json.dumps([c.source_path for c in corpus.copies.get(a.slug, ())], ensure_ascii=False)
              for a in corpus.articles]
    yield "data/articles.json", _lines([f'{unpack(r.article)}, "copies": {c}}}' for r, c in zip(records, copies)])
    yield "data/entities.json", _json(_entities(corpus, cat))
    rows = {id(entry): row for a, r in zip(corpus.articles, records)
            for entry, row in zip(corpus.analyses[a.slug].entries, unpack(r.chronology))}
    chronology = [rows.pop(id(entry), None) or chronology_row(entry) for entry in corpus.chronology]
    yield "data/chronology.json", _lines([record for record, _ in chronology])
    yield "data/chronology.csv", (CSV_HEADER + "".join(row for _, row in chronology)).encode("utf-8")
    del chronology
    yield "data/quotes.json", _lines([line for r in records for line in unpack(r.quotes)])
    yield "data/citations.json", _lines([r.citation for r in records])


def exported(article: Article, blocks: tuple[Block, ...], quotes: tuple[Quote, ...], dated: tuple[DatedMention, ...],
             analysis: Analysis, site: SiteConfig) -> Exported:
    """An article's records in the exports, made once per article (in the per-article stages, cached),
    from its analysis and the quotes and dated mentions found for it."""
    row = _dumps({
        "source_path": article.source_path,
        "slug": article.slug,
        "url": article_url(article.slug),
        **described(article),
        "text": "\n\n".join(block.text for block in blocks),
        "entities": [entity for entity, _ in analysis.named],
        "quotes": [{"speaker": q.speaker, "speaker_name": q.speaker_name or None, "text": q.text,
                    "anchor": q.anchor} for q in quotes],
        "dated_mentions": [{"date": d.date.value, "precision": d.date.precision, "text": d.text,
                            "event": d.event, "anchor": f"p-{d.block}"} for d in dated],
        "removed": [{"text": r.text, "reason": r.reason, "line": r.line} for r in article.removed],
    })
    quote_lines = tuple(_dumps({"speaker": q.speaker, "speaker_name": q.speaker_name or None, "text": q.text,
                                "date": article.date.value if article.date else None, "article": article.slug,
                                "anchor": q.anchor, "url": f"{article_url(article.slug)}#{q.anchor}"})
                        for q in quotes)
    citation = _dumps(csl_json(article, site.absolute(article_url(article.slug))))
    return Exported(pack(row[:-1]), pack(quote_lines), citation,
                    pack(tuple(chronology_row(entry) for entry in analysis.entries)))


def _dumps(item) -> str:
    return json.dumps(item, ensure_ascii=False, separators=(", ", ": "))


def _lines(records: list[str]) -> bytes:
    """A JSON list with one record per line: readable, diff-friendly."""
    return ("[\n" + ",\n".join(records) + "\n]\n").encode("utf-8") if records else b"[]\n"


def _json(data) -> bytes:
    if isinstance(data, list):
        return _lines([_dumps(item) for item in data])
    return (json.dumps(data, ensure_ascii=False) + "\n").encode("utf-8")


def _entities(corpus: Corpus, cat: Catalogue) -> list[dict]:
    return [{"id": e.id, "name": e.name, "kind": e.kind, "aliases": list(e.aliases), "description": e.description,
             "url": entity_url(e), "articles": cat.articles_of.get(e.id, []),
             "mentions": cat.mention_count.get(e.id, 0)} for e in corpus.entities]


CSV_HEADER = "date,precision,end,kind,text,article,anchor,entities\n"


def chronology_row(entry: ChronologyEntry) -> tuple[str, str]:
    """An entry's chronology.json record and chronology.csv row."""
    record = {"date": entry.date.value, "precision": entry.date.precision, "end": entry.end.value if entry.end else None,
              "kind": entry.kind, "text": entry.text, "article": entry.article,
              "anchor": f"p-{entry.block}" if entry.block is not None else None, "entities": list(entry.entities)}
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([
        record["date"], record["precision"], record["end"] or "", record["kind"], record["text"],
        record["article"] or "", record["anchor"] or "", " ".join(record["entities"])])
    return _dumps(record), out.getvalue()
