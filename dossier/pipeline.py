"""The whole build, in order. Reading this file tells the whole system:

    content/ ─read─▶ normalise ─▶ link ─▶ quotes, dated mentions     per article: on every core, cached
             ─▶ duplicates ─▶ chronology ─▶ render                    whole site; only changed files
             ─▶ write (search index, then swap or update) ─▶ output/  last

Everything is gathered in memory first, so every page sees the same consistent data. A new site is
written to a staging folder as its files are made and swapped in whole; an update (incremental.py)
makes and writes only the files whose inputs changed.
Problems with the user's content are collected and returned, never raised: one bad file does not
stop the rest of the site.
"""

from __future__ import annotations

import gc
import time
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from .analysis import (ArticleContext, analyse_article, process_articles, set_copies_aside, shortcode_problems,
                       unique_articles, wikilink_page_problems, wikilink_problems)
from .boilerplate import load_rules
from .cache import keep, kept, settings_key
from .catalogue import Catalogue, pages_make_their_own, start_entity_parts
from .chronology_cache import ChronologyCache, start_kept_chronology
from .config import load_site_config
from .editorial import as_article, read_pages
from .images import find_pictures
from .incremental import LastBuild, Manifest, digest, file_stamp
from .language import release_language_model
from .link import Matcher
from .linkcheck import broken_links
from .model import Corpus, Entity, Paths, Problem
from .pieces import Earlier, Layout
from .registry import load_registry
from .render import render_site
from .scan import EDITED, Scan, kept_originals, last_build, scan
from .search import index_search, reindex_live
from .wikilinks import entity_forms
from .write import Spool, Staging, check_output_folder, output_lock, update_first, update_site, write_site


@dataclass
class BuildResult:
    """What a build made and found: filled in as the build goes on (the write step takes the files out
    as it writes them, and marks the outputs the preview wrote meanwhile), so not frozen."""

    problems: list[Problem]
    files: dict[str, bytes] = field(default_factory=dict)  # the files made, unless written as they were made
    corpus: Corpus | None = None
    timings: dict[str, float] = field(default_factory=dict)
    outputs: dict[str, tuple[str, str]] = field(default_factory=dict)  # every file of the site: (digest, path)
    unchanged: str = ""  # nothing changed since the last build, of which this is the summary
    made: list[str] = field(default_factory=list)  # the paths made by this build
    catalogue: Catalogue | None = None  # the lookups the pages were made from
    layouts: dict[str, Layout] = field(default_factory=dict)  # how each data export made this time was joined

    @property
    def ok(self) -> bool:
        return (self.corpus is not None or bool(self.unchanged)) and bool(self.outputs)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


class Timings(dict):
    """Seconds spent in each stage, for `build --timings` and the benchmark."""

    @contextmanager
    def stage(self, name: str):
        started = time.perf_counter()
        try:
            yield
        finally:
            self[name] = self.get(name, 0.0) + time.perf_counter() - started


def gather(paths: Paths, timings: Timings | None = None, cache: bool = True,
           scanned: Scan | None = None) -> tuple[Corpus | None, list[Problem]]:
    """Read, normalise and analyse everything under `content/`: the whole site's data.

    With `cache`, an article whose inputs did not change since the last build is taken from `.cache/`.
    """
    timings = Timings() if timings is None else timings
    with timings.stage("settings and registry"):
        site, problems = load_site_config(paths.content)
        if site is None:
            return None, problems
        entities, registry_problems, matcher, forms = registry(paths.content, remembered=cache)
        rules, rule_problems = load_rules(paths.content)
        if any(p.unreadable for p in registry_problems + rule_problems):
            # a registry or rules file that cannot be read would unpublish what it holds: no new site
            return None, problems + registry_problems + rule_problems
        context = ArticleContext(paths.content, site, rules, matcher, {e.id: e for e in entities}, forms,
                                 kept_originals(paths.content))
        pages, page_problems = read_pages(paths.content, context.forms)
        if any(p.unreadable for p in page_problems):  # an editor's page that cannot be read: no new site
            return None, problems + registry_problems + rule_problems + page_problems
    with timings.stage("read, normalise, link, quotes, dated mentions"):
        scanned = scanned or scan(paths.content, remembered=cache)
        problems += scanned.problems
        processed, keys = process_articles(context, scanned, cache)
        release_language_model()
        articles, analyses, versions, article_problems = unique_articles(processed, keys,
                                                                         paths.content / "articles", context)
    problems += wikilink_problems(articles, analyses, context, paths.content / "articles")
    with timings.stage("duplicates"):
        articles, copies, copy_problems = set_copies_aside(articles, analyses, paths.content / "articles")
    problems += registry_problems + rule_problems + article_problems + copy_problems
    with timings.stage("pictures"):
        pictures = {}
        for article in (a for a in articles if analyses[a.slug].has_pictures):
            found, picture_problems = find_pictures(article, paths.content)
            if found:
                pictures[article.slug] = found
            problems += picture_problems
    with timings.stage("chronology"):  # and what entity pages show of the articles: in child processes, side by side
        chronology_cache = ChronologyCache(paths.content.parent / ".cache") if cache else None
        try:
            chronology, changed = start_kept_chronology(chronology_cache, scanned.settings, articles, entities,
                                                        analyses, versions)
            entity_parts = (lambda: {}) if pages_make_their_own(changed, analyses) else \
                start_entity_parts(articles, analyses)
            chronology, entity_parts = chronology(), entity_parts()
        finally:
            if chronology_cache:
                chronology_cache.close()
    with timings.stage("editorial pages"):
        problems += page_problems + wikilink_page_problems(pages, context, articles, paths.content / "pages")
        analysed = tuple((page, analyse_article(as_article(page), context.matcher, context.entities, site))
                         for page in pages)
        problems += shortcode_problems(analysed, context, articles, paths.content / "pages")
    return Corpus(site, articles, entities, analyses, chronology, copies, pages=analysed,
                  assets=read_assets(paths.site_src), pictures=pictures, versions=versions,
                  **entity_parts), problems


def registry(content: Path, remembered: bool = True) -> tuple[tuple[Entity, ...], list[Problem], Matcher, dict[str, str]]:
    """The registry, its problems, its name matcher and wikilink forms; remembered for the life of the
    process while its files stay the same (in `serve`, an article edit does not read it again) and,
    if `remembered`, from the last build (in `.cache/`, for the same registry files, settings and code)."""
    folder = content / "entities"
    files = sorted(str(path) for path in folder.iterdir()) if folder.is_dir() else []
    key = (str(content.absolute()), *(f"{path}:{file_stamp(path)}" for path in files))
    if key not in _REGISTRY:
        settings, path = settings_key(content), content.parent / ".cache" / "registry.pickle"
        found = kept(path) if remembered else None
        if not (isinstance(found, tuple) and len(found) == 2 and found[0] == settings):
            entities, problems = load_registry(content)
            found = settings, (entities, problems, Matcher(entities), entity_forms(entities))
            if remembered:
                keep(path, found)
        _REGISTRY.clear()
        _REGISTRY[key] = found[1]
    entities, problems, matcher, forms = _REGISTRY[key]
    return entities, list(problems), matcher, forms


_REGISTRY: dict[tuple, tuple] = {}


def build(paths: Paths, timings: Timings | None = None, strict: bool = False, cache: bool = True,
          previous: dict[str, tuple[str, str]] | None = None, sink=None, scanned: Scan | None = None,
          earlier: Earlier | None = None, spool=None) -> BuildResult:
    """Gather and render the site in memory (nothing is written, unless a `sink` writes each file as it
    is made, in whichever process makes it); strict also checks every link. Given the outputs of the
    previous build, only the files whose inputs changed are made; given the files it wrote (`earlier`),
    the data exports copy from them what did not change; given a `spool`, they are kept there, not
    in memory."""
    timings = Timings() if timings is None else timings
    with no_cycle_collection():
        corpus, problems = gather(paths, timings, cache, scanned)
        if corpus is None:
            return BuildResult(problems, timings=timings)
        with timings.stage("render"):
            rendered = render_site(corpus, paths.templates, previous, sink, earlier, spool)
        if strict and rendered.files:
            with timings.stage("link check"):
                rendered.problems += broken_links(rendered.files, paths.output.name)
    return BuildResult(problems + rendered.problems, rendered.files, corpus, timings, rendered.outputs,
                       made=rendered.made, catalogue=rendered.catalogue, layouts=rendered.layouts)


@contextmanager
def no_cycle_collection():
    """Python's cycle collector, while a build runs, walks the millions of objects the corpus is made of
    again and again (on a large site, most of a cached build's time); a build makes few cycles,
    so it is paused until the build is done (and for the worker processes forked meanwhile)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def build_site(paths: Paths, strict: bool = False, search: bool = True, cache: bool = True,
               hold=None, scanned: Scan | None = None) -> BuildResult:
    """Build and, if rendering succeeded, bring the output folder up to date (with its search index
    unless `search` is False). Strict: check every internal link, and write nothing if any problem is
    an error.

    `hold`, for the preview: a context manager held while the output folder is written, giving the
    files the preview wrote meanwhile (newer than this build's); an update leaves them as they are,
    and the next build makes them again. `scanned`: the content folder's scan, if already made.

    With the cache, nothing is done if nothing the site is made from changed since the build that
    wrote the output folder (its problems are reported again); otherwise only the files whose inputs
    changed are made and written, in place. Without the cache, and whenever the folder is not as that
    build left it, the whole site is written to a staging folder and swapped in.
    """
    check_output_folder(paths.output, [paths.content, paths.templates, paths.site_src])
    with output_lock(paths.output), no_cycle_collection():  # as in `build`: the write stage too
        manifest = Manifest(paths.content.parent / ".cache") if cache and not strict else None
        staging = spool = None
        try:
            last, scanned, inputs = last_build(paths, manifest, scanned)
            if last and last.answers(inputs, search):
                return BuildResult(list(last.problems), outputs=last.outputs, unchanged=last.summary)
            previous = last.outputs if last else {}
            # A whole new site is written to a staging folder as it is made; a strict build keeps it in
            # memory to check every link first; an update keeps the changed files until all are made.
            staging = Staging(paths.output) if not previous and not strict else None
            spool = Spool(paths.output) if previous and not strict else None
            earlier = _earlier(paths.output, manifest, scanned.settings, previous)
            result = build(paths, strict=strict, cache=cache, previous=previous, sink=staging.write if staging else None,
                           scanned=scanned, earlier=earlier, spool=spool.write if spool else None)
            if result.ok and not (strict and result.errors):
                build_id = digest(*sorted(f"{name}={d}" for name, (d, _) in result.outputs.items()))
                if any(v.endswith(EDITED) for v in result.corpus.versions.values()):
                    inputs = ""  # an article was edited while it was read: the next build is never a no-change one
                index_is_current = bool(last and last.searched and not result.made)
                if hold and not staging and len(result.files) < len(result.outputs):  # an update, beside the preview
                    with result.timings.stage("write"):  # what the preview never writes, before holding it off
                        update_first({path: result.files.pop(path) for path in list(result.files)
                                      if not path.startswith("articles/")}, paths.output)
                with result.timings.stage("write"), hold() if hold else nullcontext(set()) as newer:
                    if staging:
                        staging.commit(build_id, finish=_indexer(result) if search else None)
                    else:
                        _leave_newer(result, newer)
                        inputs = "" if newer else inputs  # nor is the next build a no-change one
                        _write(result, paths.output, previous, build_id, search and not index_is_current)
                    if manifest and all(d for d, _ in result.outputs.values()):  # recorded before the preview writes
                        _record(manifest, paths.output, build_id, result, inputs, search or index_is_current,
                                scanned.settings, last)
                result.timings["write"] -= result.timings.get("search index", 0.0)  # timed as its own line
        finally:
            if manifest:
                manifest.close()
            if staging:
                staging.discard()  # a no-op once it was swapped in
            if spool:
                spool.discard()
    return result


def _earlier(output: Path, manifest: Manifest, settings: str, previous: dict[str, tuple[str, str]]) -> Earlier | None:
    """The exports the last build wrote into `output` (recorded in `previous`), with how each was
    joined, if made with the same `settings` and code; None for a new site."""
    if not previous:
        return None
    layouts = manifest.layouts(settings)
    return Earlier(output, {name: layouts[name] for name in layouts.keys() & previous.keys()})


NEWER = "-"  # the digest recorded for a file the preview wrote during a build, newer than the build's


def _leave_newer(result: BuildResult, newer: set[str]) -> None:
    """Files the preview wrote while this build ran are newer than the build's: not written over, and
    recorded with a digest that matches nothing, so the next build makes them again."""
    for path in newer & set(result.files):
        del result.files[path]
    for name, (_, path) in list(result.outputs.items()):  # made this time or not
        if path in newer:
            result.outputs[name] = (NEWER, path)


def _record(manifest: Manifest, output: Path, build_id: str, result: BuildResult, inputs: str,
            searched: bool, settings: str, since: LastBuild | None) -> None:
    """What the next build needs to know of this one: its outputs, inputs and problems, and how the
    data exports it made were joined (made with `settings`: dossier's code among them); written as
    what changed `since` the build it followed."""
    summary = f"{len(result.corpus.articles)} articles and {len(result.corpus.entities)} entities"
    manifest.save(output, build_id, LastBuild(result.outputs, inputs, searched, result.problems, summary),
                  result.layouts, settings, since)


def _write(result: BuildResult, output: Path, previous: dict[str, tuple[str, str]], build_id: str,
           search: bool) -> None:
    """The whole site swapped in, or (when only some files changed) those files updated in place;
    with `search`, the search index made (again) for the pages."""
    if not previous or len(result.files) == len(result.outputs):
        write_site(result.files, output, finish=_indexer(result) if search else None,
                   build_id=build_id)
        return
    stale = {path for _, path in previous.values()} - {path for _, path in result.outputs.values()}
    update_site(result.files, stale, output, build_id)
    if search:
        with result.timings.stage("search index"):
            result.problems.extend(reindex_live(output))


def _indexer(result: BuildResult):
    def index(staging: Path) -> None:
        with result.timings.stage("search index"):
            result.problems.extend(index_search(staging))
    return index


def read_assets(site_src: Path) -> dict[str, bytes]:
    """The site's own CSS, scripts and images, copied as they are."""
    if not site_src.is_dir():
        return {}
    return {p.relative_to(site_src).as_posix(): p.read_bytes()
            for p in sorted(site_src.rglob("*")) if p.is_file() and not p.name.startswith(".")}
