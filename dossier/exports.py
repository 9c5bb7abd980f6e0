"""The data exports in `output/data/`: a documented, stable interface (fields are added, never renamed).

articles.json, entities.json, chronology.json (+ .csv) and quotes.json, built from the corpus.
"""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import urljoin

from .catalogue import Catalogue
from .cite import csl_json
from .frontmatter import described
from .model import Corpus
from .urls import article_url, entity_url


def data_files(corpus: Corpus, cat: Catalogue) -> dict[str, bytes]:
    chronology = _chronology(corpus)
    return {
        "data/articles.json": _json(_articles(corpus, cat)),
        "data/entities.json": _json(_entities(corpus, cat)),
        "data/chronology.json": _json(chronology),
        "data/chronology.csv": _csv(chronology),
        "data/quotes.json": _json(_quotes(corpus, cat)),
        "data/citations.json": _json([csl_json(a, urljoin(corpus.site.base_url, article_url(a.slug)))
                                      for a in corpus.articles]),
    }


def _json(data) -> bytes:
    # One record per line: readable, diff-friendly, and written by json's fast C encoder.
    if isinstance(data, list):
        lines = ",\n".join(json.dumps(item, ensure_ascii=False, separators=(", ", ": ")) for item in data)
        return f"[\n{lines}\n]\n".encode("utf-8") if data else b"[]\n"
    return (json.dumps(data, ensure_ascii=False) + "\n").encode("utf-8")


def _articles(corpus: Corpus, cat: Catalogue) -> list[dict]:
    rows = []
    for article in corpus.articles:
        analysis = corpus.analyses[article.slug]
        rows.append({
            "source_path": article.source_path,
            "slug": article.slug,
            "url": article_url(article.slug),
            **described(article),
            "text": "\n\n".join(block.text for block in analysis.blocks),
            "entities": cat.entities_in[article.slug],
            "quotes": [{"speaker": q.speaker, "speaker_name": q.speaker_name or None, "text": q.text,
                        "anchor": q.anchor} for q in analysis.quotes],
            "dated_mentions": [{"date": d.date.value, "precision": d.date.precision, "text": d.text,
                                "event": d.event, "anchor": f"p-{d.block}"} for d in analysis.dated],
            "removed": [{"text": r.text, "reason": r.reason, "line": r.line} for r in article.removed],
            "copies": [c.source_path for c in corpus.copies.get(article.slug, ())],
        })
    return rows


def _entities(corpus: Corpus, cat: Catalogue) -> list[dict]:
    return [{"id": e.id, "name": e.name, "kind": e.kind, "aliases": list(e.aliases), "description": e.description,
             "url": entity_url(e), "articles": cat.articles_of.get(e.id, []),
             "mentions": len(cat.mentions_of.get(e.id, []))} for e in corpus.entities]


def _chronology(corpus: Corpus) -> list[dict]:
    return [{"date": e.date.value, "precision": e.date.precision, "end": e.end.value if e.end else None,
             "kind": e.kind, "text": e.text, "article": e.article,
             "anchor": f"p-{e.block}" if e.block is not None else None, "entities": list(e.entities)}
            for e in corpus.chronology]


def _quotes(corpus: Corpus, cat: Catalogue) -> list[dict]:
    rows = []
    for article in corpus.articles:
        for quote in corpus.analyses[article.slug].quotes:
            rows.append({"speaker": quote.speaker, "speaker_name": quote.speaker_name or None, "text": quote.text,
                         "date": article.date.value if article.date else None, "article": article.slug,
                         "anchor": quote.anchor, "url": f"{article_url(article.slug)}#{quote.anchor}"})
    return rows


def _csv(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["date", "precision", "end", "kind", "text", "article", "anchor", "entities"])
    for row in rows:
        writer.writerow([row["date"], row["precision"], row["end"] or "", row["kind"], row["text"],
                         row["article"] or "", row["anchor"] or "", " ".join(row["entities"])])
    return out.getvalue().encode("utf-8")
