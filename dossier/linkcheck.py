"""Check the built site's internal links before anyone reads it: every href and src inside the site
must name a file that exists, and every #fragment an id on that page. Works on the files in memory.
"""

from __future__ import annotations

from html.parser import HTMLParser
from posixpath import dirname, normpath
from urllib.parse import unquote, urldefrag, urlsplit

from .model import Problem


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, int]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for key, value in attrs:
            if key == "id" and value:
                self.ids.add(value)
            elif key in ("href", "src") and value:
                self.links.append((value, self.getpos()[0]))


LATER = ("pagefind/",)  # written into the site after rendering, by the search indexer


def broken_links(files: dict[str, bytes], output_name: str = "output") -> list[Problem]:
    """A problem for every internal link or anchor in the HTML files that leads nowhere."""
    pages: dict[str, _Page] = {}
    for path, data in files.items():
        if path.endswith(".html"):
            page = _Page()
            page.feed(data.decode("utf-8", errors="replace"))
            pages[path] = page
    problems = []
    for path, page in sorted(pages.items()):
        if path == "404.html":  # its links start from the site's absolute base path
            continue
        for link, line in page.links:
            target, fragment = _resolve(path, link)
            if target is None or target.startswith(LATER):
                continue
            if target not in files:
                problems.append(Problem(f"{output_name}/{path}", f"broken link to {link!r}: nothing is built there",
                                        line, "error"))
            elif fragment and target in pages and fragment not in pages[target].ids:
                problems.append(Problem(f"{output_name}/{path}", f"broken link to {link!r}: no #{fragment} on "
                                        "that page", line, "error"))
    return problems


def _resolve(page: str, link: str) -> tuple[str | None, str]:
    """The file a relative link points to (None for links leaving the site) and its fragment."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith(("mailto:", "tel:")):
        return None, ""
    url, fragment = urldefrag(link)
    if not url:
        return page, unquote(fragment)
    path = unquote(urlsplit(url).path)
    base = "." if path.startswith("/") else dirname(page) or "."  # "/tags/": from the site's root
    target = normpath(f"{base}/{path.lstrip('/')}")
    if url.endswith("/") or target == ".":
        target = "index.html" if target == "." else f"{target}/index.html"
    return target, unquote(fragment)  # a target starting with ../ leaves the site: reported as broken
