"""Pictures that arrive with an article: `![alt](src "caption")` in its Markdown (a saved HTML page's
figures become the same), found beside the article's file, measured, and published with the page.

A picture file is looked up relative to the article's file and must lie inside content/. Its size is
read from the file's header (Pillow), so pages can reserve the space before it loads. A missing file
is a warning and the page says the picture is missing; a web address is linked, never loaded from a
third party by a reader's browser. Runs after the article cache: picture files change on their own.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from PIL import Image, UnidentifiedImageError

from . import store
from .model import Article, Picture, Problem
from .shapes import CAPTION
from .readers import line_containing
from .scan import PICTURE_SUFFIXES
from .urls import article_url

# Raster formats only: an SVG file can carry a script, which would run if a reader opened it.
_MD = MarkdownIt("commonmark", {"html": False})


def find_pictures(article: Article, content: Path) -> tuple[tuple[Picture, ...], list[Problem]]:
    """Every picture of an article's body, each resolved to its file (or marked remote or missing)."""
    body = store.body(article)
    if not has_pictures(body):
        return (), []
    article_file = content / "articles" / article.source_path
    pictures, problems, taken = [], [], set()
    for src, alt, title in _images(body):
        caption, credit = split_credit(title or "")
        if urlsplit(src).scheme:
            pictures.append(Picture(src, alt, caption, credit, remote=True))
            continue
        path = (article_file.parent / unquote(src.split("#")[0].split("?")[0])).resolve()
        if content.resolve() not in path.parents or path.suffix.lower() not in PICTURE_SUFFIXES or not path.is_file():
            why = ("is outside content/" if content.resolve() not in path.parents else
                   "is not a picture dossier publishes (" + ", ".join(sorted(PICTURE_SUFFIXES)) + ")"
                   if path.suffix.lower() not in PICTURE_SUFFIXES else "was not found")
            problems.append(Problem(str(article_file), f"picture `{src}` {why}; put the file beside the article "
                                    "(or fix the address). The page says the picture is missing",
                                    _line_of(article_file, src)))
            pictures.append(Picture(src, alt, caption, credit))
            continue
        width, height = _size(path)
        name = _unique(re.sub(r"[^\w.-]+", "-", path.name), taken)
        pictures.append(Picture(src, alt, caption, credit, f"{article_url(article.slug)}{name}", str(path),
                                width, height))
    return tuple(pictures), problems


def has_pictures(markdown: str) -> bool:
    """Whether a Markdown body may show a picture (`find_pictures` then looks)."""
    return "![" in markdown


def split_credit(caption: str) -> tuple[str, str]:
    """"Lavrov in Yerevan. Photo: Reuters" → ("Lavrov in Yerevan", "Reuters")."""
    match = CAPTION.match(caption.strip())
    return (match.group(1).strip(), match.group(2).strip()) if match else (caption.strip(), "")


def _images(markdown: str):
    for token in _MD.parse(markdown):
        for child in token.children or ():
            if child.type == "image":
                yield str(child.attrGet("src") or ""), child.content, str(child.attrGet("title") or "")


def _size(path: Path) -> tuple[int | None, int | None]:
    """Width and height from the file's header; None for a vector picture or an unreadable file."""
    try:
        with Image.open(path) as image:
            return image.size
    except (UnidentifiedImageError, OSError, ValueError):
        return None, None


def _unique(name: str, taken: set[str]) -> str:
    stem, dot, suffix = name.rpartition(".")
    candidate, number = name, 1
    while candidate in taken or candidate == "index.html":
        number += 1
        candidate = f"{stem}-{number}{dot}{suffix}"
    taken.add(candidate)
    return candidate



def _line_of(path: Path, src: str) -> int | None:
    """The line of the article's file that names the picture."""
    try:
        return line_containing(path.read_text(encoding="utf-8", errors="replace"), src)
    except OSError:
        return None
