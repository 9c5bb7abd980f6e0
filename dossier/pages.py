"""What each page shows: one context builder per page kind, each context a documented TypedDict
(page_base.py holds what every page has; the chronology's pages are chronology_pages.py).

Everything a template displays is computed here (groupings, counts, labels, URLs); templates only
present it. URLs in contexts are relative to the site root (`people/vladimir-putin/`); templates
prefix them with `root`, the way back to the root from the page, so the site works from any sub-path
and from disk. No Jinja here; the one file read is an article's original, for its source page.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup

from . import store
from .catalogue import Catalogue, co_mentioned, latest_first, quotes_of, sentences_naming
from .chronology_pages import (chronology_item, chronology_month_page, chronology_months, chronology_page,
                               chronology_year_page)
from .cite import apa, archive_url, bibtex, entity_apa, entity_bibtex
from .dates import parse_iso
from .graph import collection_graph, ego_graph
from .i18n import Words
from .jsonld import article_jsonld, entity_jsonld
from .markdown import Span, render_body, render_inline
from .model import KIND_PLURALS, KINDS, Article, Corpus, Entity, Picture, Role
from .page_base import ArticleItem, Link, QuoteItem, article_item, base_page, item_lang
from .readers import decode
from .shortcodes import excerpt, shortcodes
from .urls import article_url, entity_url, tag_url
from .wikilinks import entity_forms



def page_jobs(corpus: Corpus, cat: Catalogue) -> list[tuple[str, str]]:
    """Every page of the site as (kind, key): small enough to hand to a worker process."""
    jobs = [("home", ""), ("articles", ""), ("chronology", ""), ("tags", ""), ("sources", ""), ("search", ""),
            ("corrections", ""), ("404", "")]
    jobs += [("chronology-year", year) for year in corpus.chronology.years()]
    jobs += [("chronology-month", month) for year in corpus.chronology.years()
             for month in chronology_months(corpus.chronology, year)]
    jobs += [("page", page.slug) for page, _ in corpus.pages]
    jobs += [("entities", kind) for kind in KINDS]
    jobs += [("tag", key) for key in sorted(cat.tags)]
    jobs += [("article", a.slug) for a in corpus.articles]
    jobs += [("source", a.slug) for a in corpus.articles]
    jobs += [("entity", e.id) for e in corpus.entities]
    return jobs


def build_page(corpus: Corpus, cat: Catalogue, words: Words, job: tuple[str, str]) -> dict:
    """The context of one page."""
    kind, key = job
    return PAGE_BUILDERS[kind](corpus, cat, words, key)


def home_page(corpus: Corpus, cat: Catalogue, words: Words, _key: str) -> dict:
    dated = [a for a in corpus.articles if a.date]
    latest = sorted(dated, key=lambda a: a.date.value, reverse=True)[:6]
    return {**base_page("", "home.html", corpus.site.title, "home", corpus.site.description),
            "latest": [article_item(a, words) for a in latest],
            "counts": [Link(name=words(f"nav.{KIND_PLURALS[kind]}"), url=f"{KIND_PLURALS[kind]}/",
                            count=_count(corpus, kind)) for kind in KINDS],
            "article_count": len(corpus.articles),
            "undated_count": len(corpus.articles) - len(dated),
            "chronology_count": len(corpus.chronology),
            "span": _span(corpus.articles, words),
            "prominent": {words(f"home.most_mentioned_{k}"): _prominent(corpus, cat, k, 8)
                          for k in ("person", "organisation")},
            "graph": collection_graph(cat)}


def _count(corpus: Corpus, kind: str) -> int:
    return sum(1 for e in corpus.entities if e.kind == kind)


def _span(articles, words: Words) -> str:
    dates = [a.date for a in articles if a.date]
    if not dates:
        return ""
    first, last = min(dates, key=lambda d: d.value), max(dates, key=lambda d: d.value)
    return words.date(first) if first == last else f"{words.date(first)} – {words.date(last)}"


def _prominent(corpus: Corpus, cat: Catalogue, kind: str, limit: int) -> list[Link]:
    ranked = sorted((e for e in corpus.entities if e.kind == kind and cat.articles_of.get(e.id)),
                    key=lambda e: (-len(cat.articles_of[e.id]), e.name))
    return [Link(name=e.name, url=entity_url(e), count=len(cat.articles_of[e.id])) for e in ranked[:limit]]


def article_list_page(corpus: Corpus, cat: Catalogue, words: Words, _key: str) -> dict:
    by_year: dict[str, list[ArticleItem]] = defaultdict(list)
    for article in corpus.articles:
        by_year[article.date.value[:4] if article.date else ""].append(article_item(article, words))
    years = [{"year": y, "articles": items} for y, items in sorted(by_year.items(), reverse=True) if y]
    return {**base_page("articles/", "articles.html", words("nav.articles"), "articles"),
            "years": years, "undated": by_year.get("", [])}


def article_page(corpus: Corpus, cat: Catalogue, words: Words, slug: str) -> dict:
    article = cat.articles[slug]
    page = base_page(article_url(article.slug), "article.html", article.title, "articles", article.subtitle)
    analysis = corpus.analyses[article.slug]
    quotes = store.quotes(analysis)
    spans = [Span(m.block, m.start, m.end, "a", (("href", page["root"] + entity_url(cat.entities[m.entity])),
                                                 ("class", f"entity {cat.entities[m.entity].kind}")))
             for m in store.text(analysis)[1] if m.linked]
    spans += [Span(q.block, q.start, q.end, "span", (("class", "quote"), ("id", q.anchor)))
              for q in quotes]
    counts = cat.named_in(article.slug)
    sidebar = []
    for kind in KINDS:
        items = [Link(name=cat.entities[e].name, url=entity_url(cat.entities[e]), count=counts[e])
                 for e in cat.entities_in[article.slug] if cat.entities[e].kind == kind]
        if items:
            sidebar.append({"label": words(f"nav.{KIND_PLURALS[kind]}"), "items": items})
    previous, following = cat.neighbours[article.slug]
    pictures = corpus.pictures.get(article.slug, ())
    mentioned = [cat.entities[e] for e in cat.entities_in[article.slug]]
    permalink = corpus.site.absolute(article_url(article.slug))
    return {**page,
            "archive_url": archive_url(article),
            "notes": [Markup(render_inline(note)) for note in article.notes],  # markdown-it escapes; raw HTML off
            "corrections": [{"date": words.date(c.date), "datetime": c.date.value,
                             "text": Markup(render_inline(c.text))} for c in article.corrections],
            "citation": {"text": apa(article, permalink, words), "bibtex": bibtex(article, permalink)},
            "og_type": "article",
            "jsonld": article_jsonld(corpus, article, mentioned),
            "filters": {kind: [e.name for e in mentioned if e.kind == kind] for kind in ("person", "organisation")},
            "article": article,
            "lang": item_lang(article, words),
            "images": [_picture_item(picture) for picture in pictures],
            "date": words.date(article.date),
            "date_note": _date_note(article, words),
            "tags": [Link(name=t, url=tag_url(t), count=0) for t in article.tags],
            "body": Markup(render_body(store.body(article), spans, _resolver(cat, page["root"]),
                                       _placer(pictures, page["root"]))),  # escaped; raw HTML off
            "sidebar": sidebar,
            "quotes": [_quote_item(q, cat, article, words) for q in quotes],
            "previous": article_item(cat.articles[previous], words) if previous else None,
            "next": article_item(cat.articles[following], words) if following else None,
            "removed_count": len(article.removed),
            "copies": [{"source": c.source or c.source_path, "title": c.title, "url": f"originals/{c.original_path}"}
                       for c in corpus.copies.get(article.slug, ())],
            "original_url": f"originals/{article.original_path}"}


def _placer(pictures: tuple[Picture, ...], root: str):
    """How the body shows each picture: published copies sized and lazy, web addresses as links."""
    by_src = {picture.src: picture for picture in pictures}

    def place(src: str):
        picture = by_src.get(src)
        if picture is None or not (picture.url or picture.remote):
            return None
        if picture.remote:
            return "a", {"href": picture.src, "rel": "external nofollow"}
        return "img", {"src": root + picture.url, **_sized(picture), "loading": "lazy", "decoding": "async"}
    return place


def _sized(picture: Picture) -> dict[str, str]:
    return {"width": str(picture.width), "height": str(picture.height)} if picture.width else {}


def _picture_item(picture: Picture) -> dict:
    """A picture in the article's list: its caption and credit, and where to see it."""
    return {"url": picture.url, "remote_url": picture.src if picture.remote else "",
            "caption": picture.caption or picture.alt, "credit": picture.credit,
            "size": f"{picture.width} × {picture.height}" if picture.width else ""}


def _date_note(article: Article, words: Words) -> str:
    """How the date was found, and how precise it is: "from the article's dateline; known to the month"."""
    if not article.date:
        return ""
    notes = [words(f"article.date_note_{article.date_source.replace('-', '_')}")] if article.date_source else []
    if article.date.precision != "day":
        notes.append(words(f"article.precision_{article.date.precision}"))
    return Markup("; ").join(notes)  # the words are markup already: a plain join would escape them twice


def _quote_item(quote, cat: Catalogue, article: Article, words: Words) -> QuoteItem:
    speaker = cat.entities.get(quote.speaker) if quote.speaker else None
    return QuoteItem(text=quote.text, speaker=speaker.name if speaker else (quote.speaker_name or ""),
                     speaker_url=entity_url(speaker) if speaker else "",
                     url=f"{article_url(article.slug)}#{quote.anchor}", date=words.date(quote.date),
                     article_title=article.title, lang=item_lang(article, words))


def source_page(corpus: Corpus, cat: Catalogue, words: Words, slug: str) -> dict:
    article = cat.articles[slug]
    return {**base_page(f"{article_url(article.slug)}source/", "source.html",
                    words("source.title", title=article.title), "articles"),
            "article": article, "article_url": article_url(article.slug),
            "removed": [{"line": r.line, "reason": words.reason(r.reason), "text": r.text} for r in article.removed],
            "original_text": decode(Path(article.original_file).read_bytes(), "")[0],
            "original_url": f"originals/{article.original_path}"}


def entity_index_page(corpus: Corpus, cat: Catalogue, words: Words, kind: str) -> dict:
    entities = sorted((e for e in corpus.entities if e.kind == kind), key=lambda e: e.name.casefold())
    rows = [{"name": e.name, "url": entity_url(e), "description": e.description,
             "articles": len(cat.articles_of.get(e.id, [])), "mentions": cat.mention_count.get(e.id, 0)}
            for e in entities]
    letters = sorted({row["name"][:1].upper() for row in rows})
    for row in rows:
        row["letter"] = row["name"][:1].upper()
    return {**base_page(f"{KIND_PLURALS[kind]}/", "entities.html", words(f"nav.{KIND_PLURALS[kind]}"),
                  KIND_PLURALS[kind]),
            "kind_label": words(f"nav.{KIND_PLURALS[kind]}"), "rows": rows, "letters": letters}


def entity_page(corpus: Corpus, cat: Catalogue, words: Words, entity_id: str) -> dict:
    entity = cat.entities[entity_id]
    slugs = latest_first(cat.articles_of.get(entity.id, []), cat.articles)
    sentences = sentences_naming(corpus, cat, entity.id)  # in its most recent articles
    dated, dated_count = store.timeline(corpus.chronology, entity.id)
    dates = [cat.articles[s].date for s in slugs if cat.articles[s].date]
    around = co_mentioned(corpus, cat, entity.id)  # the entities most often named with it
    return {**base_page(entity_url(entity), "entity.html", entity.name, KIND_PLURALS[entity.kind], entity.description),
            "entity": entity,
            "kind_label": words(f"nav.{KIND_PLURALS[entity.kind]}"),
            "kind_name": words(f"kinds.{entity.kind}"),
            "kind_url": f"{KIND_PLURALS[entity.kind]}/",
            "event_dates": _event_dates(entity, words),
            "roles": [_role(r, words) for r in entity.roles],
            "articles": [{**article_item(cat.articles[s], words), "sentences": list(sentences.get(s, ())),
                          "count": cat.times_named(s, entity.id)} for s in slugs],
            "quotes": [_quote_item(q, cat, cat.articles[q.article], words) for q in
                       sorted(quotes_of(corpus, cat, entity.id), key=_quote_order(cat))],
            "co_mentions": [Link(name=cat.entities[e].name, url=entity_url(cat.entities[e]), count=n)
                            for e, n in around],
            "timeline": [{"date": words.date(d.date), "datetime": d.date.value, "text": d.text,
                          "url": f"{article_url(d.article)}#p-{d.block}",
                          "article_title": cat.articles[d.article].title}
                         for d in dated],
            "timeline_more": dated_count - len(dated),
            "first_date": words.date(min(dates, key=lambda d: d.value)) if dates else "",
            "last_date": words.date(max(dates, key=lambda d: d.value)) if dates else "",
            "mention_count": cat.mention_count.get(entity.id, 0),
            "graph": ego_graph(cat, entity.id, around),
            "jsonld": entity_jsonld(corpus, entity),
            "citation": {"text": entity_apa(entity, corpus.site.title, corpus.site.absolute(entity_url(entity)), words),
                         "bibtex": entity_bibtex(entity, corpus.site.title, corpus.site.absolute(entity_url(entity)))},
            "wikidata_url": f"https://www.wikidata.org/wiki/{entity.wikidata}" if entity.wikidata else ""}


def _resolver(cat: Catalogue, root: str):
    """Wikilink targets (`dossier:entity/ID`, `dossier:article/SLUG`) as links from this page, if they exist."""
    def resolve(href: str) -> str | None:
        kind, _, key = href.removeprefix("dossier:").partition("/")
        if kind == "entity" and key in cat.entities:
            return root + entity_url(cat.entities[key])
        if kind == "article" and key in cat.articles:
            return root + article_url(key)
        return None
    return resolve


def editorial_page(corpus: Corpus, cat: Catalogue, words: Words, slug: str) -> dict:
    """One of the editor's pages, with registered names linked like in articles."""
    page, analysis = next((p, a) for p, a in corpus.pages if p.slug == slug)
    blocks, mentions = store.text(analysis)
    context = base_page(f"{slug}/", "page.html", page.title, slug)
    spans = [Span(m.block, m.start, m.end, "a", (("href", context["root"] + entity_url(cat.entities[m.entity])),
                                                 ("class", f"entity {cat.entities[m.entity].kind}")))
             for m in mentions if m.linked]
    body = render_body(page.body, spans, _resolver(cat, context["root"]))  # escaped; raw HTML off
    return {**context, "page": page, "parts": _story_parts(corpus, cat, words, blocks, body)}


def _story_parts(corpus: Corpus, cat: Catalogue, words: Words, blocks, body: str) -> list[dict]:
    """A page's HTML cut at its shortcodes: parts of text, chronology excerpts and article cards, in order."""
    codes = shortcodes(blocks, entity_forms(corpus.entities), set(cat.articles))[0] if "{{" in body else []
    parts, position = [], 0
    for code in codes:
        paragraph = re.search(rf'<p id="p-{code.block}">.*?</p>\n?', body[position:], re.DOTALL)
        if paragraph is None:
            continue
        parts.append(_part("html", html=Markup(body[position:position + paragraph.start()])))
        position += paragraph.end()
        if code.name == "article":
            parts.append(_part("article", article=article_item(cat.articles[code.slug], words)))
        else:
            entries, total = excerpt(code, store.every_entry(corpus.chronology))
            first = entries[0].date.value[:4] if entries else ""
            parts.append(_part("chronology", entries=[chronology_item(e, cat, words) for e in entries],
                               more=total - len(entries), more_url=f"chronology/{first}/" if first else "chronology/"))
    return [*parts, _part("html", html=Markup(body[position:]))]


def _part(kind: str, html: str = "", article: ArticleItem | None = None, entries: list | None = None,
          more: int = 0, more_url: str = "") -> dict:
    return {"kind": kind, "html": html, "article": article, "entries": entries or [], "more": more,
            "more_url": more_url}


def editorial_nav(corpus: Corpus) -> list[Link]:
    """The editor's pages for the navigation, in their order."""
    return [Link(name=page.title, url=f"{page.slug}/", count=0) for page, _ in corpus.pages if page.nav]


def corrections_page(corpus: Corpus, cat: Catalogue, words: Words, _key: str) -> dict:
    """Every correction made to any article, newest first."""
    entries = sorted(((c, a) for a in corpus.articles for c in a.corrections),
                     key=lambda pair: (pair[0].date.value, pair[1].slug), reverse=True)
    return {**base_page("corrections/", "corrections.html", words("nav.corrections"), "corrections"),
            "entries": [{"date": words.date(c.date), "datetime": c.date.value, "text": Markup(render_inline(c.text)),
                         "article": article_item(a, words)} for c, a in entries]}


def search_page(corpus: Corpus, cat: Catalogue, words: Words, _key: str) -> dict:
    return base_page("search/", "search.html", words("nav.search"), "search")


def _event_dates(entity: Entity, words: Words) -> str:
    if entity.date:
        return words.date(entity.date)
    if entity.start:
        return f"{words.date(entity.start)} – {words.date(entity.end)}" if entity.end else \
            words("entity.from", start=words.date(entity.start))
    return ""


def _role(role: Role, words: Words) -> str:
    """"Foreign minister, from 9 March 2004": a role with the dates it was held, for a reader."""
    start, end = (words.date(parse_iso(d)) if d else "" for d in (role.start, role.end))
    if start and end:
        return words("entity.role_between", title=role.title, start=start, end=end)
    if start or end:
        return words("entity.role_from", title=role.title, start=start) if start else \
            words("entity.role_until", title=role.title, end=end)
    return role.title


def _quote_order(cat: Catalogue):
    return lambda q: (q.date.value if q.date else "~", q.article, q.block, q.start)  # by the day it was said


def tags_page(corpus: Corpus, cat: Catalogue, words: Words, _key: str) -> dict:
    tags = sorted(cat.tags.items(), key=lambda kv: kv[1][0].casefold())
    return {**base_page("tags/", "tags.html", words("nav.tags"), "tags"),
            "tags": [Link(name=name, url=f"tags/{key}/", count=len(slugs)) for key, (name, slugs) in tags]}


def tag_page(corpus: Corpus, cat: Catalogue, words: Words, key: str) -> dict:
    name, slugs = cat.tags[key]
    return {**base_page(f"tags/{key}/", "tag.html", words("tags.title", tag=name), "tags"),
            "tag": name, "articles": [article_item(cat.articles[s], words) for s in slugs]}


def sources_page(corpus: Corpus, cat: Catalogue, words: Words, _key: str) -> dict:
    groups = [{"source": source or words("sources.unknown"),
               "articles": [article_item(cat.articles[s], words) for s in slugs]}
              for source, slugs in sorted(cat.sources.items(), key=lambda kv: (not kv[0], kv[0].casefold()))]
    return {**base_page("sources/", "sources.html", words("nav.sources"), "sources"), "groups": groups}


def not_found_page(corpus: Corpus, cat: Catalogue, words: Words, _key: str) -> dict:
    """Served for any missing path, so its links start from the site's absolute base path."""
    return {**base_page("404.html", "404.html", words("not_found.title"), ""), "root": urlsplit(corpus.site.base_url).path or "/"}


PAGE_BUILDERS = {
    "home": home_page, "articles": article_list_page, "article": article_page, "source": source_page,
    "entities": entity_index_page, "entity": entity_page, "tags": tags_page, "tag": tag_page,
    "sources": sources_page, "chronology": chronology_page, "chronology-year": chronology_year_page,
    "chronology-month": chronology_month_page,
    "search": search_page, "404": not_found_page, "page": editorial_page, "corrections": corrections_page,
}
