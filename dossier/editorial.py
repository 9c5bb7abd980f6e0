"""The editor's own pages, `content/pages/*.md` (About, Methodology, curated stories): read, with
wikilinks resolved and registered names linked like in articles. Knows nothing about templates.
"""

from __future__ import annotations

from dataclasses import replace

from pathlib import Path

from slugify import slugify

from .model import Article, EditorialPage, Problem
from .readers import read_article
from .urls import safe_slug
from .wikilinks import resolve_wikilinks
from .yamlio import line_of

# Top-level folders the site itself uses: a page cannot take their address.
RESERVED = {"articles", "people", "organisations", "events", "places", "chronology", "tags", "sources", "search",
            "data", "assets", "originals", "pagefind", "corrections"}


def read_pages(content: Path, forms: dict[str, str]) -> tuple[list[EditorialPage], list[Problem]]:
    """Every page under content/pages/, in navigation order; problems with file and line."""
    folder = content / "pages"
    pages, problems, taken = [], [], {}
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        document, read_problems = read_article(path, path.name)
        # a page that cannot be read as written (its front matter broken) is not published half-read:
        # the build stops and the last site stays
        problems += [replace(p, unreadable=True, message=p.message.replace(
            "the article is built without its front matter", "nothing new is published until it is fixed"))
            if p.severity == "error" else p for p in read_problems]
        if document is None:
            continue
        meta, shown = document.metadata, str(path)
        title = meta.get("title") if isinstance(meta.get("title"), str) else ""
        if not title:
            problems.append(Problem(shown, "a page needs `title:` (text) in its front matter", line_of(meta) or 1,
                                    "error"))
            title = path.stem
        order = meta.get("order", 100)
        if not isinstance(order, int) or isinstance(order, bool):
            problems.append(Problem(shown, "`order` must be a whole number (smaller comes first)",
                                    line_of(meta, "order"), "error"))
            order = 100
        slug = safe_slug(slugify(str(meta.get("slug") or path.stem)) or "page")
        if slug in RESERVED or slug in taken:
            other = f"{folder / taken[slug]}" if slug in taken else "the site's own section"
            problems.append(Problem(shown, f"its address /{slug}/ is taken by {other}; set another `slug:`",
                                    line_of(meta, "slug"), "error"))
            continue
        taken[slug] = path.name
        pages.append(EditorialPage(path.name, slug, title.strip(), resolve_wikilinks(document.text, forms), order,
                                   meta.get("nav", True) is not False))
    pages.sort(key=lambda p: (p.order, p.title))
    return pages, problems


def as_article(page: EditorialPage) -> Article:
    """The page in the shape the linking stage reads (its analysis is kept apart from the articles')."""
    return Article(f"../pages/{page.source_path}", f"page-{page.slug}", page.title, page.body)
