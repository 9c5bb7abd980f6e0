"""What every page context holds (its place, template and title) and the items many pages list:
articles, quotes and links. Used by the page builders (pages.py, chronology_pages.py)."""

from __future__ import annotations

from typing import TypedDict

from .i18n import Words
from .model import Article
from .urls import article_url


class Page(TypedDict):
    """Every page: where it goes and what the base layout needs."""

    path: str  # output path, e.g. "articles/x/index.html"
    template: str
    root: str  # "../../" back to the site root
    page_title: str
    description: str
    url: str  # this page, relative to the root
    section: str  # which navigation item is current
    og_type: str  # Open Graph type: "website" or "article"
    jsonld: dict | None  # schema.org description of the page's subject, if it has one


class Link(TypedDict):
    name: str
    url: str
    count: int


class ArticleItem(TypedDict):
    title: str
    url: str
    date: str  # for a reader
    datetime: str  # for machines: YYYY-MM-DD, YYYY-MM or YYYY
    subtitle: str
    source: str
    lang: str  # the article's language where it differs from the site's, else ""


class QuoteItem(TypedDict):
    text: str
    speaker: str
    speaker_url: str
    url: str  # the quote's place in its article
    date: str
    article_title: str
    lang: str


def base_page(path_url: str, template: str, title: str, section: str, description: str = "") -> Page:
    path = f"{path_url}index.html" if path_url.endswith("/") or not path_url else path_url
    return Page(path=path, template=template, root="../" * path.count("/"), page_title=title,
                description=description, url=path_url, section=section, og_type="website", jsonld=None)


def article_item(article: Article, words: Words) -> ArticleItem:
    return ArticleItem(title=article.title, url=article_url(article.slug), date=words.date(article.date),
                       datetime=article.date.value if article.date else "",
                       subtitle=article.subtitle, source=article.source, lang=item_lang(article, words))


def item_lang(article: Article, words: Words) -> str:
    """The article's language for a `lang` attribute, where it differs from the site's."""
    return article.language if article.language != words.language else ""
