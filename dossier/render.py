"""Render the whole site in memory: every page through Jinja, plus feeds, exports, assets and originals.

Returns a mapping of output path → bytes; writing them is the next stage's job. Jinja runs with
autoescape and StrictUndefined: text from articles and the registry is always escaped, and a
template that asks for something its context lacks is an error naming the template and line.
"""

from __future__ import annotations

import hashlib
import pickle
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import jinja2

from .catalogue import Catalogue, build_catalogue
from .exports import data_files, export_paths
from .i18n import Words, load_words
from .incremental import digest, everything_digest, file_stamp, listing_digest, page_digests, site_key
from .model import Corpus, Problem
from .pages import build_page, editorial_nav, page_jobs
from .urls import article_url
from .parallel import each_item
from .pieces import Earlier, Layout
from .write import Spooled


class TemplateProblem(Exception):
    """A template could not be loaded or rendered; carries the Problem to report."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def make_environment(templates: Path, words: Words) -> jinja2.Environment:
    """The Jinja environment of a templates folder and its interface words, kept for the life of the
    process: compiled templates are reused by the next rebuild (`serve`), and Jinja recompiles a
    template whose file changed. Other words (another language, an edited translation) get another
    environment, since imported macros keep the globals they were first made with."""
    key = (str(templates.resolve()), words.language, repr(sorted(words.messages.items())))
    if key not in _ENVIRONMENTS:
        if len(_ENVIRONMENTS) > 8:
            _ENVIRONMENTS.clear()
        _ENVIRONMENTS[key] = _environment(templates)
        _ENVIRONMENTS[key].globals["t"] = words
    return _ENVIRONMENTS[key]


_ENVIRONMENTS: dict[tuple[str, str, str], jinja2.Environment] = {}


class _Environment(jinja2.Environment):
    """Jinja, looking a dict's keys up first: page contexts are dicts (pages.py), and `item.title`
    on a dict otherwise fails as an attribute (an exception) before it is tried as a key, millions
    of times a build. A key named like a dict method (`items`) hides the method."""

    def getattr(self, obj, attribute):
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


def _environment(templates: Path) -> jinja2.Environment:
    return _Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        autoescape=jinja2.select_autoescape(["html", "xml"]),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@dataclass
class Rendered:
    """The output of a build: the files made this time, and every file of the site with its digest."""

    files: dict[str, bytes] = field(default_factory=dict)  # path → bytes made this time (unless handed to a sink)
    outputs: dict[str, tuple[str, str]] = field(default_factory=dict)  # name → (digest, path), every file
    problems: list[Problem] = field(default_factory=list)
    made: list[str] = field(default_factory=list)  # the paths made this time
    sink: Callable[[str, bytes | Iterator[bytes]], None] | None = None  # takes each file as it is made
    spool: Callable[[Iterator[bytes]], Spooled] | None = None  # without a sink: keeps a file made in pieces
    catalogue: Catalogue | None = None  # the lookups the pages were made from
    layouts: dict[str, Layout] = field(default_factory=dict)  # how each data export made this time was joined

    def add(self, name: str, path: str, data: bytes | Iterator[bytes] | None, file_digest: str) -> None:
        """A file made this time, whole or in pieces: handed on (or kept; None: a worker handed it on),
        and recorded under `name` with its digest."""
        self.made.append(path)
        self.outputs[name] = (file_digest, path)
        if data is None:
            return
        if self.sink:
            self.sink(path, data)
        elif isinstance(data, bytes):
            self.files[path] = data
        else:
            self.files[path] = self.spool(data) if self.spool else b"".join(data)


def render_site(corpus: Corpus, templates: Path, previous: dict[str, tuple[str, str]] | None = None,
                sink: Callable[[str, bytes | Iterator[bytes]], None] | None = None,
                earlier: Earlier | None = None, spool: Callable[[Iterator[bytes]], Spooled] | None = None) -> Rendered:
    """Every output file, or no files and the template problem that stopped rendering; with warnings
    about the interface words (a word missing from the site's language is shown in English).

    Given the outputs of the previous build, a file whose digest is unchanged is not made again.
    Given a `sink`, each file is handed to it as soon as it is made instead of being kept (the large
    data exports in pieces, as they are made); pages are handed to it in the worker processes that
    make them, so it must write them somewhere (a folder), not keep them. Without a sink, a `spool`
    keeps the files made in pieces (the data exports), not memory. The data exports copy what they
    can from the files the last build wrote (`earlier`).
    """
    words, problems = load_words(templates, corpus.site.language)
    if any(p.severity == "error" for p in problems):
        return Rendered(problems=problems)
    env = make_environment(templates, words)
    words = env.globals["t"]  # the same words as the environment's macros use
    cat = build_catalogue(corpus)
    jobs = page_jobs(corpus, cat)
    known = corpus.versions.keys() >= cat.articles.keys()  # every article has a digest (the cache is on)
    base = site_key(corpus, templates) if known else ""
    everything = everything_digest(corpus, cat, base) if known else ""  # of the files made from the texts
    listed = listing_digest(corpus, cat, base) if known else ""  # of what the lists of articles show
    kept = _inputs_before(previous or {}, listed)
    digests = page_digests(corpus, cat, jobs, base, everything, listed, kept) if known else {}
    out = Rendered(problems=problems, sink=sink, spool=spool, catalogue=cat)
    last = _LastBuild(previous or {}, out, digests)
    todo = [job for job in jobs if not last.page_unchanged(job)]
    exports_changed = not all(last.file_unchanged(path, everything) for path in export_paths(corpus.site))

    def files_beside() -> None:
        """The files that need no page, made by this process while the workers begin the pages (not
        after them, when the other cores would wait)."""
        if exports_changed:
            for name, data in data_files(corpus, cat, earlier, out.layouts):  # handed on as made: they are large
                if data is None:  # as the last build wrote it
                    last.keep(name, everything, "")
                else:
                    out.add(name, name, data, everything)
        _copies(corpus, out, last.file_unchanged)

    context = PageRendering(corpus, cat, words, env, templates, base, last.shown_before, sink)
    pages = each_item(render_page, context, todo, chunksize=min(64, max(1, len(todo) // 16)), first=files_beside,
                      min_items=PAGES_FORKED)
    for page in pages:
        if page.problem:
            return Rendered(problems=problems + [page.problem])
        inputs = digests.get(page.job, "")
        if page.made:
            out.add(_name(page.job), page.path, page.data, f"{inputs}/{page.shown}" if inputs and page.shown else inputs)
        else:  # it shows what it showed: kept, with its new inputs
            last.keep(_name(page.job), inputs, page.shown)
    try:
        _site_wide(corpus, env, templates, out, last, listed, base)
    except TemplateProblem as exc:
        return Rendered(problems=problems + [exc.problem])
    return out


PAGES_FORKED = 16  # from this many pages to make, the other cores make them too (a page takes milliseconds,
# a fork tens of them)


class _LastBuild:
    """The outputs of the previous build, and which of this build's files and pages are as they were
    then (those are recorded in `out` with their old digests, and not made again)."""

    def __init__(self, previous: dict[str, tuple[str, str]], out: Rendered, digests: dict) -> None:
        self.previous, self.out, self.digests = previous, out, digests
        self.shown_before: dict[tuple[str, str], str] = {}  # pages to compare: what each showed

    def file_unchanged(self, name: str, file_digest: str) -> bool:
        if file_digest and self.previous.get(name, ("",))[0] == file_digest:
            self.out.outputs[name] = self.previous[name]
            return True
        return False

    def page_unchanged(self, job: tuple[str, str]) -> bool:
        """Its inputs are the same. (A page that shows a summary of them, whose inputs changed, is made
        and compared with what it showed by the worker that makes it: `shown_before`.)"""
        name, inputs = _name(job), self.digests.get(job, "")
        if not inputs or name not in self.previous:
            return False
        old_inputs, _, old_shown = self.previous[name][0].partition("/")
        if old_inputs != inputs and job[0] in COMPARED and old_shown:
            self.shown_before[job] = old_shown
        if old_inputs == inputs:
            self.keep(name, inputs, old_shown)
            return True
        return False

    def keep(self, name: str, inputs: str, shown: str) -> None:
        """Page `name` kept as the last build made it, recorded with its inputs now."""
        self.out.outputs[name] = (f"{inputs}/{shown}" if shown else inputs, self.previous[name][1])


def _inputs_before(previous: dict[str, tuple[str, str]], listed: str) -> Callable[[tuple[str, str]], str] | None:
    """Each page's inputs in the last build ("" if it had no page), if that build listed the articles as
    they are listed now (the feed is recorded with the listing digest); else None."""
    if not listed or previous.get("feed.xml", ("",))[0] != listed:
        return None
    return lambda job: previous.get(_name(job), ("",))[0].partition("/")[0]


def _name(job: tuple[str, str]) -> str:
    return f"page:{job[0]}:{job[1]}"


def _site_wide(corpus: Corpus, env: jinja2.Environment, templates: Path, out: Rendered, last: _LastBuild,
               listed: str, base: str) -> None:
    """The feed (made again when what it lists of the articles changed: `listed`), the sitemap (of every
    page, made this time or not: made again when the pages are others) and robots.txt. (`listed` and
    `base`, the digest of the settings and templates, are "" when unknown: each file is made.)"""
    if not last.file_unchanged("feed.xml", listed):
        feed_context = {"site": corpus.site, "entries": _feed_entries(corpus), "updated": _latest(corpus),
                        "self_url": corpus.site.absolute("feed.xml")}
        out.add("feed.xml", "feed.xml", _render(env, "feed.xml", feed_context, templates), listed)
    paths = sorted(path for name, (_, path) in out.outputs.items() if name.startswith("page:") and path != "404.html")
    pages = base and digest(base, *paths)
    if not last.file_unchanged("sitemap.xml", pages):
        urls = [corpus.site.absolute(path.removesuffix("index.html")) for path in paths]
        out.add("sitemap.xml", "sitemap.xml", _render(env, "sitemap.xml", {"urls": sorted(urls)}, templates), pages)
    robots = base and digest(base, "robots.txt")
    if not last.file_unchanged("robots.txt", robots):
        sitemap = corpus.site.absolute("sitemap.xml")
        out.add("robots.txt", "robots.txt", f"User-agent: *\nAllow: /\nSitemap: {sitemap}\n".encode(), robots)


def _copies(corpus: Corpus, out: Rendered, unchanged) -> None:
    """Files published as they are: the originals, the pictures, the site's assets."""
    sources = [(f"originals/{a.original_path}", a.original_file, corpus.versions.get(a.slug, ""))
               for a in (*corpus.articles, *(c for group in corpus.copies.values() for c in group))]
    sources += [(p.url, p.file, file_stamp(p.file)) for pictures in corpus.pictures.values() for p in pictures if p.url]
    for path, file, version in sources:
        file_digest = version and digest(file, version)
        if not unchanged(f"file:{path}", file_digest):
            out.add(f"file:{path}", path, Path(file).read_bytes(), file_digest)
    for relative, data in corpus.assets.items():
        path = f"assets/{relative}"
        file_digest = digest(path, hashlib.blake2b(data).hexdigest())
        if not unchanged(f"file:{path}", file_digest):
            out.add(f"file:{path}", path, data, file_digest)


# Page kinds whose inputs change more often than what they show (an index lists only titles; an
# entity page only the sentences that name it): when their inputs changed, their context is made and
# compared with the last build's before the page is rendered and written.
COMPARED = frozenset({"home", "articles", "chronology", "tags", "sources", "corrections", "entities", "search",
                      "404", "page", "entity", "tag", "chronology-year", "chronology-month"})


def shown_digest(base: str, page: dict) -> str:
    """The digest of what a page shows: its context, and everything all pages share.

    The context is pickled without pickle's memo (the same bytes for the same values, however they
    share objects) and hashed as it is written, a third of the time the digest of its `repr` took.
    A context pickle cannot take is digested by its `repr`."""
    hasher = hashlib.blake2b(base.encode(), digest_size=16)
    pickler = pickle.Pickler(_HashWriter(hasher), pickle.HIGHEST_PROTOCOL)
    pickler.fast = True  # no memo: an object met twice is written twice
    try:
        pickler.dump(page)
    except (pickle.PicklingError, TypeError, AttributeError, ValueError, RecursionError):
        return digest(base, repr(page))
    return hasher.hexdigest()


class _HashWriter:
    """A file for `pickle.Pickler` that hashes what is written instead of keeping it."""

    def __init__(self, hasher):
        self.write = hasher.update


@dataclass(frozen=True)
class PageRendering:
    """What rendering any page needs: the corpus and its lookups, the words and templates, the digest
    all pages share (`base`: "" when pages are not compared), what the pages to compare showed before
    (`shown_before`: not made again if they show the same), and where a worker hands each page
    (`sink`: None to return it)."""

    corpus: Corpus
    catalogue: Catalogue
    words: Words
    environment: jinja2.Environment
    templates: Path
    base: str = ""
    shown_before: dict = field(default_factory=dict)
    sink: Callable[[str, bytes | Iterator[bytes]], None] | None = None


class RenderedPage(NamedTuple):
    job: tuple[str, str]
    path: str  # in the output folder
    data: bytes | None  # the HTML, unless handed to the sink (or not made)
    problem: Problem | None  # the template problem that stopped it
    shown: str  # the digest of what it shows, if its kind is compared
    made: bool = True  # False: it shows what it showed before, and was not made again


def render_page(context: PageRendering, job) -> RenderedPage:
    """One page, made unless it shows what it showed before. Runs in a worker; given a sink, the worker
    hands the HTML to it (None is returned instead: pages do not travel back to the main process)."""
    corpus, sink = context.corpus, context.sink
    page = build_page(corpus, context.catalogue, context.words, job)
    shown = shown_digest(context.base, page) if context.base and job[0] in COMPARED else ""
    if shown and context.shown_before.get(job) == shown:
        return RenderedPage(job, page["path"], None, None, shown, made=False)
    try:
        values = {**page, "site": corpus.site, "canonical": corpus.site.absolute(page["url"]),
                  "editorial": editorial_nav(corpus)}
        html = _render(context.environment, page["template"], values, context.templates)
    except TemplateProblem as exc:
        return RenderedPage(job, page["path"], b"", exc.problem, shown)
    if sink:
        sink(page["path"], html)
        return RenderedPage(job, page["path"], None, None, shown)
    return RenderedPage(job, page["path"], html, None, shown)


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
    return [{"title": a.title, "url": corpus.site.absolute(article_url(a.slug)),
             "updated": _timestamp(a.date.value) if a.date else latest, "summary": a.subtitle,
             "author": a.author or a.source} for a in dated]


def _latest(corpus: Corpus) -> str:
    dates = [a.date.value for a in corpus.articles if a.date]
    return _timestamp(max(dates)) if dates else "1970-01-01T00:00:00Z"


def _timestamp(value: str) -> str:
    """An RFC 3339 time for a partial date: its first day at midnight UTC."""
    parts = value.split("-") + ["01", "01"]
    return f"{parts[0]}-{parts[1]}-{parts[2]}T00:00:00Z"
