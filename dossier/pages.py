"""What each page shows: one context builder per page kind, each context a documented TypedDict.

Everything a template displays is computed here (groupings, counts, labels, URLs); templates only
present it. URLs in contexts are relative to the site root (`people/vladimir-putin/`); templates
prefix them with `root`, the way back to the root from the page, so the site works from any sub-path
and from disk. No Jinja and no file I/O here.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TypedDict
from urllib.parse import urlsplit

from markupsafe import Markup
from slugify import slugify

from .catalogue import Catalogue
from .dates import format_date
from .markdown import Span, render_body
from .readers import decode
from .model import KIND_PLURALS, KINDS, Article, ChronologyEntry, Corpus, Entity, PartialDate

KIND_LABELS = {"person": "People", "organisation": "Organisations", "event": "Events", "place": "Places"}
DATE_SOURCE_LABELS = {"front-matter": "set by the editor", "dateline": "from the article's dateline",
                      "text": "found in the article's text", "inferred": "inferred, not stated"}


class Page(TypedDict):
    """Every page: where it goes and what the base layout needs."""

    path: str  # output path, e.g. "articles/x/index.html"
    template: str
    root: str  # "../../" back to the site root
    page_title: str
    description: str
    url: str  # this page, relative to the root
    section: str  # which navigation item is current


class Link(TypedDict):
    name: str
    url: str
    count: int


class ArticleItem(TypedDict):
    title: str
    url: str
    date: str  # for a reader
    subtitle: str
    source: str


class QuoteItem(TypedDict):
    text: str
    speaker: str
    speaker_url: str
    url: str  # the quote's place in its article
    date: str
    article_title: str


def article_url(slug: str) -> str:
    return f"articles/{slug}/"


def entity_url(entity: Entity) -> str:
    return f"{KIND_PLURALS[entity.kind]}/{entity.id}/"


def _page(path_url: str, template: str, title: str, section: str, description: str = "") -> Page:
    path = f"{path_url}index.html" if path_url.endswith("/") or not path_url else path_url
    return Page(path=path, template=template, root="../" * path.count("/"), page_title=title,
                description=description, url=path_url, section=section)


def article_item(article: Article) -> ArticleItem:
    return ArticleItem(title=article.title, url=article_url(article.slug), date=format_date(article.date),
                       subtitle=article.subtitle, source=article.source)


def build_pages(corpus: Corpus, cat: Catalogue) -> list[dict]:
    """The context of every HTML page of the site."""
    pages = [home_page(corpus, cat), article_list_page(corpus), chronology_page(corpus, cat),
             tags_page(cat), sources_page(cat), not_found_page(corpus)]
    pages += [article_page(a, corpus, cat) for a in corpus.articles]
    pages += [source_page(a) for a in corpus.articles]
    pages += [entity_index_page(kind, corpus, cat) for kind in KINDS]
    pages += [entity_page(e, cat) for e in corpus.entities]
    pages += [tag_page(key, cat) for key in sorted(cat.tags)]
    return pages


def home_page(corpus: Corpus, cat: Catalogue) -> dict:
    dated = [a for a in corpus.articles if a.date]
    latest = sorted(dated, key=lambda a: a.date.value, reverse=True)[:6]
    return {**_page("", "home.html", corpus.site.title, "home", corpus.site.description),
            "latest": [article_item(a) for a in latest],
            "counts": [Link(name=label, url=f"{KIND_PLURALS[kind]}/", count=_count(corpus, kind))
                       for kind, label in KIND_LABELS.items()],
            "article_count": len(corpus.articles),
            "undated_count": len(corpus.articles) - len(dated),
            "chronology_count": len(corpus.chronology),
            "span": _span(corpus.articles),
            "prominent": {KIND_LABELS[k]: _prominent(corpus, cat, k, 8) for k in ("person", "organisation")}}


def _count(corpus: Corpus, kind: str) -> int:
    return sum(1 for e in corpus.entities if e.kind == kind)


def _span(articles) -> str:
    dates = [a.date for a in articles if a.date]
    if not dates:
        return ""
    first, last = min(dates, key=lambda d: d.value), max(dates, key=lambda d: d.value)
    return format_date(first) if first == last else f"{format_date(first)} – {format_date(last)}"


def _prominent(corpus: Corpus, cat: Catalogue, kind: str, limit: int) -> list[Link]:
    ranked = sorted((e for e in corpus.entities if e.kind == kind and cat.articles_of.get(e.id)),
                    key=lambda e: (-len(cat.articles_of[e.id]), e.name))
    return [Link(name=e.name, url=entity_url(e), count=len(cat.articles_of[e.id])) for e in ranked[:limit]]


def article_list_page(corpus: Corpus) -> dict:
    by_year: dict[str, list[ArticleItem]] = defaultdict(list)
    for article in corpus.articles:
        by_year[article.date.value[:4] if article.date else ""].append(article_item(article))
    years = [{"year": y, "articles": items} for y, items in sorted(by_year.items(), reverse=True) if y]
    return {**_page("articles/", "articles.html", "Articles", "articles"),
            "years": years, "undated": by_year.get("", [])}


def article_page(article: Article, corpus: Corpus, cat: Catalogue) -> dict:
    page = _page(article_url(article.slug), "article.html", article.title, "articles", article.subtitle)
    analysis = corpus.analyses[article.slug]
    spans = [Span(m.block, m.start, m.end, "a", (("href", page["root"] + entity_url(cat.entities[m.entity])),
                                                 ("class", f"entity {cat.entities[m.entity].kind}")))
             for m in analysis.mentions if m.linked]
    spans += [Span(q.block, q.start, q.end, "span", (("class", "quote"), ("id", q.anchor)))
              for q in analysis.quotes]
    counts: dict[str, int] = defaultdict(int)
    for mention in analysis.mentions:
        counts[mention.entity] += 1
    sidebar = []
    for kind in KINDS:
        items = [Link(name=cat.entities[e].name, url=entity_url(cat.entities[e]), count=counts[e])
                 for e in cat.entities_in[article.slug] if cat.entities[e].kind == kind]
        if items:
            sidebar.append({"label": KIND_LABELS[kind], "items": items})
    previous, following = cat.neighbours[article.slug]
    return {**page,
            "article": article,
            "date": format_date(article.date),
            "date_note": DATE_SOURCE_LABELS.get(article.date_source or "", ""),
            "tags": [Link(name=t, url=_tag_url(t), count=0) for t in article.tags],
            "body": Markup(render_body(article.body, spans)),  # markdown-it escaped the text; raw HTML is off
            "sidebar": sidebar,
            "quotes": [_quote_item(q, cat, article) for q in analysis.quotes],
            "previous": article_item(cat.articles[previous]) if previous else None,
            "next": article_item(cat.articles[following]) if following else None,
            "removed_count": len(article.removed),
            "copies": [{"source": c.source or c.source_path, "title": c.title, "url": f"originals/{c.original_path}"}
                       for c in corpus.copies.get(article.slug, ())],
            "original_url": f"originals/{article.original_path}"}


def _tag_url(tag: str) -> str:
    return f"tags/{slugify(tag) or 'tag'}/"


def _quote_item(quote, cat: Catalogue, article: Article) -> QuoteItem:
    speaker = cat.entities.get(quote.speaker) if quote.speaker else None
    return QuoteItem(text=quote.text, speaker=speaker.name if speaker else (quote.speaker_name or ""),
                     speaker_url=entity_url(speaker) if speaker else "",
                     url=f"{article_url(article.slug)}#{quote.anchor}", date=format_date(article.date),
                     article_title=article.title)


def source_page(article: Article) -> dict:
    return {**_page(f"{article_url(article.slug)}source/", "source.html", f"Source text: {article.title}",
                    "articles"),
            "article": article, "article_url": article_url(article.slug),
            "original_text": decode(article.original, "")[0],
            "original_url": f"originals/{article.original_path}"}


def entity_index_page(kind: str, corpus: Corpus, cat: Catalogue) -> dict:
    entities = sorted((e for e in corpus.entities if e.kind == kind), key=lambda e: e.name.casefold())
    rows = [{"name": e.name, "url": entity_url(e), "description": e.description,
             "articles": len(cat.articles_of.get(e.id, [])), "mentions": len(cat.mentions_of.get(e.id, []))}
            for e in entities]
    return {**_page(f"{KIND_PLURALS[kind]}/", "entities.html", KIND_LABELS[kind], KIND_PLURALS[kind]),
            "kind_label": KIND_LABELS[kind], "rows": rows}


def entity_page(entity: Entity, cat: Catalogue) -> dict:
    mentions = cat.mentions_of.get(entity.id, [])
    sentences: dict[str, list[str]] = defaultdict(list)
    for mention in mentions:
        if mention.sentence not in sentences[mention.article]:
            sentences[mention.article].append(mention.sentence)
    slugs = cat.articles_of.get(entity.id, [])
    dates = [cat.articles[s].date for s in slugs if cat.articles[s].date]
    return {**_page(entity_url(entity), "entity.html", entity.name, KIND_PLURALS[entity.kind], entity.description),
            "entity": entity,
            "kind_label": KIND_LABELS[entity.kind],
            "kind_url": f"{KIND_PLURALS[entity.kind]}/",
            "event_dates": _event_dates(entity),
            "articles": [{**article_item(cat.articles[s]), "sentences": sentences[s],
                          "count": sum(1 for m in mentions if m.article == s)} for s in slugs],
            "quotes": [_quote_item(q, cat, cat.articles[q.article]) for q in
                       sorted(cat.quotes_by.get(entity.id, []), key=_quote_order(cat))],
            "co_mentions": [Link(name=cat.entities[e].name, url=entity_url(cat.entities[e]), count=n)
                            for e, n in cat.co_mentions.get(entity.id, [])[:12]],
            "timeline": [{"date": format_date(d.date), "text": d.sentence,
                          "url": f"{article_url(d.article)}#p-{d.block}",
                          "article_title": cat.articles[d.article].title}
                         for d in cat.dated_of.get(entity.id, [])],
            "first_date": format_date(min(dates, key=lambda d: d.value)) if dates else "",
            "last_date": format_date(max(dates, key=lambda d: d.value)) if dates else "",
            "mention_count": len(mentions)}


def _event_dates(entity: Entity) -> str:
    if entity.date:
        return format_date(entity.date)
    if entity.start:
        return f"{format_date(entity.start)} – {format_date(entity.end)}" if entity.end else \
            f"from {format_date(entity.start)}"
    return ""


def _quote_order(cat: Catalogue):
    return lambda q: (cat.articles[q.article].date.value if cat.articles[q.article].date else "~", q.article,
                      q.block, q.start)


def tags_page(cat: Catalogue) -> dict:
    tags = sorted(cat.tags.items(), key=lambda kv: kv[1][0].casefold())
    return {**_page("tags/", "tags.html", "Tags", "tags"),
            "tags": [Link(name=name, url=f"tags/{key}/", count=len(slugs)) for key, (name, slugs) in tags]}


def tag_page(key: str, cat: Catalogue) -> dict:
    name, slugs = cat.tags[key]
    return {**_page(f"tags/{key}/", "tag.html", f"Tag: {name}", "tags"),
            "tag": name, "articles": [article_item(cat.articles[s]) for s in slugs]}


def sources_page(cat: Catalogue) -> dict:
    groups = [{"source": source or "Unknown source", "articles": [article_item(cat.articles[s]) for s in slugs]}
              for source, slugs in sorted(cat.sources.items(), key=lambda kv: (not kv[0], kv[0].casefold()))]
    return {**_page("sources/", "sources.html", "Sources", "sources"), "groups": groups}


def chronology_page(corpus: Corpus, cat: Catalogue) -> dict:
    years: dict[str, dict[str, list]] = {}
    for entry in corpus.chronology:
        month = entry.date.value[:7] if entry.date.precision != "year" else ""
        years.setdefault(entry.date.value[:4], {}).setdefault(month, []).append(_chronology_item(entry, cat))
    groups = [{"year": str(int(year)), "months": [
        {"label": format_date(PartialDate(m, "month")) if m else "During the year", "entries": items}
        for m, items in sorted(months.items())]} for year, months in sorted(years.items())]
    return {**_page("chronology/", "chronology.html", "Chronology", "chronology"), "years": groups,
            "entry_count": len(corpus.chronology)}


def _chronology_item(entry: ChronologyEntry, cat: Catalogue) -> dict:
    url = ""
    if entry.article:
        url = article_url(entry.article) + (f"#p-{entry.block}" if entry.block is not None else "")
    elif entry.entities:
        url = entity_url(cat.entities[entry.entities[0]])
    date = format_date(entry.date) + (f" – {format_date(entry.end)}" if entry.end else "")
    return {"date": date, "kind": entry.kind, "text": entry.text, "url": url,
            "article_title": cat.articles[entry.article].title if entry.article else "",
            "entities": [Link(name=cat.entities[e].name, url=entity_url(cat.entities[e]), count=0)
                         for e in entry.entities[:8]]}


def not_found_page(corpus: Corpus) -> dict:
    """Served for any missing path, so its links start from the site's absolute base path."""
    return {**_page("404.html", "404.html", "Page not found", ""), "root": urlsplit(corpus.site.base_url).path or "/"}
