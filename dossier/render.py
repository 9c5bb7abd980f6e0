"""Render the whole site in memory: every page through Jinja, plus feeds, exports, assets and originals.

Returns a mapping of output path → bytes; writing them is the next stage's job. Jinja runs with
autoescape and StrictUndefined: text from articles and the registry is always escaped, and a
template that asks for something its context lacks is an error naming the template and line.
"""

from __future__ import annotations

import traceback
from pathlib import Path
from urllib.parse import urljoin

import jinja2

from .catalogue import build_catalogue
from .exports import data_files
from .i18n import Words, load_words
from .model import Corpus, Problem
from .pages import build_page, editorial_nav, page_jobs
from .urls import article_url
from .parallel import map_items


class TemplateProblem(Exception):
    """A template could not be loaded or rendered; carries the Problem to report."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def make_environment(templates: Path) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        autoescape=jinja2.select_autoescape(["html", "xml"]),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_site(corpus: Corpus, templates: Path) -> tuple[dict[str, bytes], list[Problem]]:
    """Every output file, or no files and the template problem that stopped rendering; with warnings
    about the interface words (a word missing from the site's language is shown in English)."""
    words, problems = load_words(templates, corpus.site.language)
    if any(p.severity == "error" for p in problems):
        return {}, problems
    env = make_environment(templates)
    env.globals["t"] = words
    cat = build_catalogue(corpus)
    jobs = page_jobs(corpus, cat)
    files: dict[str, bytes] = {}
    urls: list[str] = []
    for path, url, data, problem in map_items(_render_page, (corpus, cat, words, env, templates), jobs, chunksize=64):
        if problem:
            return {}, problems + [problem]
        files[path] = data
        if path != "404.html":
            urls.append(url)
    try:
        feed_context = {"site": corpus.site, "entries": _feed_entries(corpus), "updated": _latest(corpus),
                        "self_url": urljoin(corpus.site.base_url, "feed.xml")}
        files["feed.xml"] = _render(env, "feed.xml", feed_context, templates)
        page_urls = sorted(urljoin(corpus.site.base_url, url) for url in urls)
        files["sitemap.xml"] = _render(env, "sitemap.xml", {"urls": page_urls}, templates)
    except TemplateProblem as exc:
        return {}, problems + [exc.problem]
    files["robots.txt"] = f"User-agent: *\nAllow: /\nSitemap: {urljoin(corpus.site.base_url, 'sitemap.xml')}\n".encode()
    files.update(data_files(corpus, cat))
    for article in (*corpus.articles, *(c for group in corpus.copies.values() for c in group)):
        files[f"originals/{article.original_path}"] = Path(article.original_file).read_bytes()
    for picture in (p for pictures in corpus.pictures.values() for p in pictures if p.url):
        files[picture.url] = Path(picture.file).read_bytes()
    for path, data in corpus.assets.items():
        files[f"assets/{path}"] = data
    return files, problems


def _render_page(context, job) -> tuple[str, str, bytes, Problem | None]:
    """One page: (output path, URL, HTML, or the template problem that stopped it). Runs in a worker."""
    corpus, cat, words, env, templates = context
    page = build_page(corpus, cat, words, job)
    try:
        context = {**page, "site": corpus.site, "canonical": urljoin(corpus.site.base_url, page["url"]),
                   "editorial": editorial_nav(corpus)}
        return page["path"], page["url"], _render(env, page["template"], context, templates), None
    except TemplateProblem as exc:
        return page["path"], page["url"], b"", exc.problem


def _render(env: jinja2.Environment, name: str, context: dict, templates: Path) -> bytes:
    try:
        return env.get_template(name).render(context).encode("utf-8")
    except jinja2.TemplateNotFound as exc:
        raise TemplateProblem(Problem(str(templates / name), f"template not found (needed: {exc.name}); "
                                      f"restore it in {templates}/", severity="error")) from None
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateProblem(Problem(str(templates / (exc.name or name)), f"template syntax error: {exc.message}",
                                      exc.lineno, "error")) from None
    except jinja2.TemplateError as exc:
        path, line = _template_frame(exc, templates, name)
        raise TemplateProblem(Problem(path, f"template error: {exc}", line, "error")) from None


def _template_frame(exc: Exception, templates: Path, name: str) -> tuple[str, int | None]:
    """The template file and line where a render error happened (Jinja puts them in the traceback)."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.startswith(str(templates)):
            return frame.filename, frame.lineno
    return str(templates / name), None


def _feed_entries(corpus: Corpus) -> list[dict]:
    latest = _latest(corpus)
    dated = sorted(corpus.articles, key=lambda a: (a.date.value if a.date else "", a.slug), reverse=True)
    return [{"title": a.title, "url": urljoin(corpus.site.base_url, article_url(a.slug)),
             "updated": _timestamp(a.date.value) if a.date else latest, "summary": a.subtitle,
             "author": a.author or a.source} for a in dated]


def _latest(corpus: Corpus) -> str:
    dates = [a.date.value for a in corpus.articles if a.date]
    return _timestamp(max(dates)) if dates else "1970-01-01T00:00:00Z"


def _timestamp(value: str) -> str:
    """An RFC 3339 time for a partial date: its first day at midnight UTC."""
    parts = value.split("-") + ["01", "01"]
    return f"{parts[0]}-{parts[1]}-{parts[2]}T00:00:00Z"
