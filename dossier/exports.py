"""The data exports in `output/data/`: a documented, stable interface (fields are added, never renamed).

articles.json, entities.json, chronology.json (+ .csv) and quotes.json, built from the corpus.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator

from . import store
from .catalogue import Catalogue
from .cite import csl_json
from .frontmatter import described
from .model import Article, Block, ChronologyEntry, Corpus, DatedMention, Exported, Mention, Quote, SiteConfig
from .incremental import digest, shown_key
from .pieces import Earlier, Layout, Piece, joined
from .store import pack, unpack
from .urls import article_url, entity_url


def data_files(corpus: Corpus, cat: Catalogue, earlier: Earlier | None = None,
               made: dict[str, Layout] | None = None) -> Iterator[tuple[str, Iterator[bytes]]]:
    """Each export the site publishes (`exports` in site.yaml): its path and bytes in pieces, made
    while it is written (on a large site articles.json alone is large, and joining it in memory took
    several times its size). The pieces `earlier` has (the records of articles and months that did
    not change since the last build) are copied from the files it wrote; how each file was joined is
    put in `made`. A file whose pieces are all the last build's, in the same order, is given as None:
    it is as that build wrote it."""
    records = [corpus.analyses[a.slug].exported for a in corpus.articles]
    keys = [_article_key(corpus, a) for a in corpus.articles]
    shown = [_shown_key(corpus, a) for a in corpus.articles]
    by_slug = dict(zip((a.slug for a in corpus.articles), shown))
    parts = [(part, _part_key(part, corpus.chronology.articles.get(part, ()), by_slug)) for part in corpus.chronology.parts]

    def file(name: str, layout: Layout, pieces: Iterable[Piece]) -> tuple[str, Iterator[bytes] | None]:
        pieces = list(pieces)
        if earlier and earlier.same(name, layout, [key for key, _ in pieces]):
            return name, None
        return name, joined(pieces, layout, earlier.file(name, layout) if earlier else None, made, name)

    published = corpus.site.exports
    if "articles" in published:
        yield file("data/articles.json", JSON_LIST, (
            (key, lambda a=a, r=r: f'{unpack(r.article)}, "copies": {_copies(corpus, a)}}}'.encode())
            for a, r, key in zip(corpus.articles, records, keys)))
    if "entities" in published:
        yield file("data/entities.json", JSON_LIST,
                   ((_entity_key(e), lambda e=e: _dumps(e).encode()) for e in _entities(corpus, cat)))
    if "chronology" in published:
        yield file("data/chronology.json", JSON_LIST, (
            (key, lambda part=part: ",\n".join(map(chronology_record, store.entries(corpus.chronology, part))).encode())
            for part, key in parts))
        yield file("data/chronology.csv", CSV, (
            (key, lambda part=part: _csv_rows(store.entries(corpus.chronology, part))) for part, key in parts))
    if "quotes" in published:
        yield file("data/quotes.json", JSON_LIST, ((key, lambda r=r: ",\n".join(unpack(r.quotes)).encode())
                                                   for r, key in zip(records, shown)))
    if "citations" in published:
        yield file("data/citations.json", JSON_LIST, ((key, lambda r=r: r.citation.encode())
                                                      for r, key in zip(records, shown)))


def export_paths(site: SiteConfig) -> list[str]:
    """The files of the exports a site publishes, as `data_files` names them."""
    return [path for export in site.exports for path in _PATHS[export]]


_PATHS = {"articles": ("data/articles.json",), "entities": ("data/entities.json",),
          "chronology": ("data/chronology.json", "data/chronology.csv"), "quotes": ("data/quotes.json",),
          "citations": ("data/citations.json",)}


JSON_LIST = Layout(b"[\n", b",\n", b"\n]\n", b"[]\n")  # one record a line: readable, diff-friendly


def _article_key(corpus: Corpus, article: Article) -> str:
    """What an article's records are made from: its file, the settings and dossier's code (its
    version, see cache.py), its URL and its copies. No key (made every time) without a version."""
    version = corpus.versions.get(article.slug, "")
    return version and digest(version, article.slug, *(c.source_path for c in corpus.copies.get(article.slug, ())))


def _shown_key(corpus: Corpus, article: Article) -> str:
    """What an article's records in quotes.json and citations.json are made from: its front matter
    and quotes (in what other pages show of it, `incremental.shown_key`)."""
    shown = shown_key(corpus.analyses[article.slug], corpus.versions.get(article.slug, ""))
    return shown and digest(shown, article.slug)


def _entity_key(record: dict) -> str:
    """What an entity's entities.json record is made from: the articles naming it and how often (the
    rest is the registry's, in the settings the last build's layouts are kept for)."""
    return digest(record["id"], str(record["mentions"]), "\0".join(record["articles"]))


def _part_key(part: str, slugs: tuple[str, ...], shown: dict[str, str]) -> str:
    """What a part of the chronology's records is made from: the entries of the articles it holds
    (in what other pages show of each, `_shown_key`) and the registry's events (in the settings the
    last build's layouts are kept for). No key (made every time) if an article has none."""
    keys = [shown.get(slug, "") for slug in slugs]
    return digest(part, *keys) if all(keys) else ""


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


def _entities(corpus: Corpus, cat: Catalogue) -> list[dict]:
    return [{"id": e.id, "name": e.name, "kind": e.kind, "aliases": list(e.aliases), "description": e.description,
             "url": entity_url(e), "articles": cat.articles_of.get(e.id, []),
             "mentions": cat.mention_count.get(e.id, 0)} for e in corpus.entities]


CSV_HEADER = "date,precision,end,kind,text,article,anchor,entities\n"
CSV = Layout(CSV_HEADER.encode(), b"", b"", CSV_HEADER.encode())


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


def _csv_rows(entries: Iterable[ChronologyEntry]) -> bytes:
    """Some of chronology.csv's rows."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(
        [entry.date.value, entry.date.precision, entry.end.value if entry.end else "", entry.kind, entry.text,
         entry.article or "", f"p-{entry.block}" if entry.block is not None else "", " ".join(entry.entities)]
        for entry in entries)
    return out.getvalue().encode("utf-8")
