"""Citations for an article or an entity page: APA-like text, BibTeX and CSL-JSON, plus an
article's web-archive link.

Deterministic: no access date is written into the page (a small script adds the reader's own date),
so two builds stay byte-identical.
"""

from __future__ import annotations

import re

from .i18n import Words
from .model import Article, Entity


def archive_url(article: Article) -> str:
    """The Wayback Machine's copy nearest the article's date (all copies when undated)."""
    if not article.url:
        return ""
    stamp = article.date.value.replace("-", "") if article.date else "*"
    return f"https://web.archive.org/web/{stamp}/{article.url}"


def apa(article: Article, permalink: str, words: Words) -> str:
    when = f"({words.date(article.date) if article.date else words.text('cite.no_date')})"
    source = f" {article.source}." if article.source else ""
    where = article.url or permalink
    if article.author:
        return f"{article.author} {when}. {article.title}.{source} {where}"
    return f"{article.title}. {when}.{source} {where}"


def bibtex(article: Article, permalink: str) -> str:
    fields = [("title", article.title), ("journal", article.source), ("author", article.author),
              ("year", article.date.value[:4] if article.date else ""),
              ("month", article.date.value[5:7] if article.date and article.date.precision != "year" else ""),
              ("url", article.url or permalink), ("note", f"Collected at {permalink}")]
    body = ",\n".join(f"  {key} = {{{_bibtex_text(value)}}}" for key, value in fields if value)
    return f"@article{{{article.slug.replace('-', '_')[:60]},\n{body}\n}}"


def entity_apa(entity: Entity, site_title: str, permalink: str, words: Words) -> str:
    """A page of the site itself: undated, the site as the container (APA's form for a web page)."""
    return f"{entity.name}. ({words.text('cite.no_date')}). {site_title}. {permalink}"


def entity_bibtex(entity: Entity, site_title: str, permalink: str) -> str:
    fields = [("title", entity.name), ("howpublished", site_title), ("url", permalink)]
    body = ",\n".join(f"  {key} = {{{_bibtex_text(value)}}}" for key, value in fields if value)
    return f"@misc{{{entity.id.replace('-', '_')[:60]},\n{body}\n}}"


def _bibtex_text(text: str) -> str:
    return re.sub(r"[{}\\\\]", "", text)


def csl_json(article: Article, permalink: str) -> dict:
    item = {"id": article.slug, "type": "article-newspaper", "title": article.title, "URL": article.url or permalink}
    if article.source:
        item["container-title"] = article.source
    if article.author:
        item["author"] = [{"literal": article.author}]
    if article.date:
        item["issued"] = {"date-parts": [[int(part) for part in article.date.value.split("-")]]}
    return item
