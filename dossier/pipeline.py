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
from dataclasses import dataclass, field, replace
from pathlib import Path

from .boilerplate import Rule, load_rules
from .cache import ArticleCache
from .catalogue import Catalogue, named_entities, named_sentences, start_entity_parts
from .chronology import article_entries, start_chronology
from .config import load_site_config
from .dated import find_dated_mentions
from .dates import date_sort_key
from .duplicates import find_duplicates, fingerprint
from .exports import exported
from .frontmatter import is_draft
from .editorial import as_article, read_pages
from .incremental import LastBuild, Manifest, digest, file_stamp
from .images import find_pictures
from .language import load_language_model, release_language_model
from .link import Matcher, find_mentions, named_in_heading
from .linkcheck import broken_links
from .markdown import body_blocks
from .model import PACKED, Analysis, Article, Corpus, Entity, Paths, Problem, Shelf, SiteConfig, pack
from .normalise import normalise_article
from .parallel import each_item
from .quotes import find_quotes
from .readers import line_containing, read_article
from .registry import load_registry
from .scan import EDITED, Scan, article_stem, kept_originals, last_build, scan
from .render import render_site
from .search import index_search, reindex_live
from .shortcodes import shortcodes
from .wikilinks import ARTICLE as ARTICLE_LINK, ENTITY as ENTITY_LINK, entity_forms, resolve_wikilinks, unresolved
from .write import Staging, check_output_folder, output_lock, update_first, update_site, write_site


@dataclass(frozen=True)
class BuildResult:
    problems: list[Problem]
    files: dict[str, bytes] = field(default_factory=dict)  # the files made, unless written as they were made
    corpus: Corpus | None = None
    timings: dict[str, float] = field(default_factory=dict)
    outputs: dict[str, tuple[str, str]] = field(default_factory=dict)  # every file of the site: (digest, path)
    unchanged: str = ""  # nothing changed since the last build, of which this is the summary
    made: list[str] = field(default_factory=list)  # the paths made by this build
    catalogue: Catalogue | None = None  # the lookups the pages were made from

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
        entities, registry_problems, matcher, forms = registry(paths.content)
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
        scanned = scanned or scan(paths.content)
        problems += scanned.problems
        processed, keys = process_articles(context, scanned, cache)
        release_language_model()
        articles, analyses, versions, article_problems = unique_articles(processed, keys,
                                                                         paths.content / "articles")
    problems += wikilink_problems(articles, context, paths.content / "articles")
    with timings.stage("duplicates"):
        articles, copies, copy_problems = set_copies_aside(articles, analyses, paths.content / "articles")
    problems += registry_problems + rule_problems + article_problems + copy_problems
    with timings.stage("pictures"):
        pictures = {}
        for article in articles:
            found, picture_problems = find_pictures(article, paths.content)
            if found:
                pictures[article.slug] = found
            problems += picture_problems
    with timings.stage("chronology"):  # and what entity pages show of the articles: in child processes, side by side
        chronology, entity_parts = start_chronology(articles, entities, analyses), start_entity_parts(articles, analyses)
        chronology, entity_parts = chronology(), entity_parts()
    with timings.stage("editorial pages"):
        problems += page_problems + wikilink_page_problems(pages, context, articles, paths.content / "pages")
        analysed = tuple((page, analyse_article(as_article(page), context.matcher, context.entities, site))
                         for page in pages)
        problems += shortcode_problems(analysed, context, articles, paths.content / "pages")
    return Corpus(site, articles, entities, analyses, chronology, copies, pages=analysed,
                  assets=read_assets(paths.site_src), pictures=pictures, versions=versions,
                  **entity_parts), problems


def registry(content: Path) -> tuple[tuple[Entity, ...], list[Problem], Matcher, dict[str, str]]:
    """The registry, its problems, its name matcher and wikilink forms; remembered for the life of the
    process while its files stay the same (in `serve`, an article edit does not read it again)."""
    folder = content / "entities"
    files = sorted(str(path) for path in folder.iterdir()) if folder.is_dir() else []
    key = (str(content.absolute()), *(f"{path}:{file_stamp(path)}" for path in files))
    if key not in _REGISTRY:
        entities, problems = load_registry(content)
        _REGISTRY.clear()
        _REGISTRY[key] = entities, problems, Matcher(entities), entity_forms(entities)
    entities, problems, matcher, forms = _REGISTRY[key]
    return entities, list(problems), matcher, forms


_REGISTRY: dict[tuple, tuple] = {}


def build(paths: Paths, timings: Timings | None = None, strict: bool = False, cache: bool = True,
          previous: dict[str, tuple[str, str]] | None = None, sink=None, scanned: Scan | None = None) -> BuildResult:
    """Gather and render the site in memory (nothing is written, unless a `sink` writes each file as it
    is made, in whichever process makes it); strict also checks every link. Given the outputs of the
    previous build, only the files whose inputs changed are made."""
    timings = Timings() if timings is None else timings
    with no_cycle_collection():
        corpus, problems = gather(paths, timings, cache, scanned)
        if corpus is None:
            return BuildResult(problems, timings=timings)
        with timings.stage("render"):
            rendered = render_site(corpus, paths.templates, previous, sink)
        if strict and rendered.files:
            with timings.stage("link check"):
                rendered.problems += broken_links(rendered.files, paths.output.name)
    return BuildResult(problems + rendered.problems, rendered.files, corpus, timings, rendered.outputs,
                       made=rendered.made, catalogue=rendered.catalogue)


@contextmanager
def no_cycle_collection():
    """Python's cycle collector, while a build runs, walks the millions of objects the corpus is made of
    again and again (at 10,000 articles it was most of a cached build's time); a build makes few cycles,
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
    with output_lock(paths.output):
        manifest = Manifest(paths.content.parent / ".cache") if cache and not strict else None
        staging = None
        try:
            last, scanned, inputs = last_build(paths, manifest, scanned)
            if last and last.answers(inputs, search):
                return BuildResult(list(last.problems), outputs=last.outputs, unchanged=last.summary)
            previous = last.outputs if last else {}
            # A whole new site is written to a staging folder as it is made; a strict build keeps it in
            # memory to check every link first; an update keeps the changed files until all are made.
            staging = Staging(paths.output) if not previous and not strict else None
            result = build(paths, strict=strict, cache=cache, previous=previous,
                           sink=staging.write if staging else None, scanned=scanned)
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
                        _record(manifest, paths.output, build_id, result, inputs, search or index_is_current)
                result.timings["write"] -= result.timings.get("search index", 0.0)  # timed as its own line
        finally:
            if manifest:
                manifest.close()
            if staging:
                staging.discard()  # a no-op once it was swapped in
    return result


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
            searched: bool) -> None:
    """What the next build needs to know of this one: its outputs, inputs and problems."""
    summary = f"{len(result.corpus.articles)} articles and {len(result.corpus.entities)} entities"
    manifest.save(output, build_id, LastBuild(result.outputs, inputs, searched, result.problems, summary))


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


@dataclass(frozen=True)
class ArticleContext:
    """What every per-article stage needs, shared read-only by the workers."""

    content: Path
    site: SiteConfig
    rules: tuple[Rule, ...]
    matcher: Matcher
    entities: dict[str, Entity]
    forms: dict[str, str]  # entity names, aliases and ids → id, for wikilinks
    originals: dict[str, Path]  # the kept originals (see scan.kept_originals)


def process_article(context: ArticleContext, path: Path) -> tuple[Article | None, Analysis | None, list[Problem]]:
    """One file through the per-article stages: read, normalise, then link, quotes and dated mentions."""
    folder = context.content / "articles"
    relative = path.relative_to(folder).as_posix()
    document, problems = read_article(path, relative, context.site.max_article_kb * 1000)
    if document is None:
        return None, None, problems
    article, normalise_problems = normalise_article(document, context.site, context.rules, str(path))
    kept = context.originals.get(article_stem(relative))  # the file as first collected, if `normalise --write` moved it
    if kept:
        article = replace(article, original_file=str(kept),
                          original_path=kept.relative_to(context.content / "originals").as_posix())
    unknown = [e for e in article.entities if e not in context.entities]
    if unknown:
        normalise_problems.append(Problem(str(path), f"`entities` names {', '.join(map(repr, unknown))}, not in the "
                                          "registry; use the `id` of an entry in content/entities/ (or add one)",
                                          article.entities_line, "error"))
        article = replace(article, entities=tuple(e for e in article.entities if e in context.entities))
    if "[[" in article.body:
        article = replace(article, body=resolve_wikilinks(article.body, context.forms))
    return article, analyse_article(article, context.matcher, context.entities, context.site), \
        problems + normalise_problems


def wikilink_problems(articles: tuple[Article, ...], context: ArticleContext, folder: Path) -> list[Problem]:
    """Every wikilink that names neither an entity nor an article, with its file and line."""
    slugs = {a.slug for a in articles}
    problems = []
    for article in articles:
        body = article.markdown()
        if ARTICLE_LINK in body or ENTITY_LINK in body:
            path = folder / article.source_path
            problems += unresolved(path.read_text(encoding="utf-8", errors="replace"), 1, context.forms, slugs,
                                   str(path))
    return problems


def wikilink_page_problems(pages, context: ArticleContext, articles, folder: Path) -> list[Problem]:
    slugs = {a.slug for a in articles}
    return [problem for page in pages for problem in
            unresolved((folder / page.source_path).read_text(encoding="utf-8", errors="replace"), 1, context.forms,
                       slugs, str(folder / page.source_path))]


def shortcode_problems(analysed, context: ArticleContext, articles, folder: Path) -> list[Problem]:
    """Every shortcode of the editor's pages that cannot be read, with its file and line."""
    slugs = {a.slug for a in articles}
    problems = []
    for page, analysis in analysed:
        _, errors = shortcodes(analysis.text()[0], context.forms, slugs)
        if errors:
            path = folder / page.source_path
            text = path.read_text(encoding="utf-8", errors="replace")
            problems += [Problem(str(path), f"shortcode `{code[:80]}`: {error}; it is shown as text",
                                 line_containing(text, code[:40])) for code, error in errors]
    return problems


def process_articles(context: ArticleContext, scanned: Scan, use_cache: bool) -> tuple[list, list[str]]:
    """Every file through the per-article stages, on every core, taking unchanged ones from the cache;
    with each file's key. The packed parts of the analyses are put on one shelf as they come."""
    files, keys = scanned.files, scanned.keys
    if not use_cache:
        load_language_model()  # once, before the workers are forked, not once in each
        shelf = Shelf()
        return [_shelved(shelf, result) for result in each_item(process_article, context, files)], keys
    cache = ArticleCache(context.content.parent / ".cache")
    try:
        last = _LAST_RESULTS.get(context.content.resolve(), {})  # a rebuild in `serve`: already shelved
        known = {key: last[key] for key in keys if key in last}
        shelf = _edits_shelf() if known else Shelf()
        known.update(cache.get_many([key for key in keys if key not in known], lambda r: _shelved(shelf, r)))
        missing = [path for path, key in zip(files, keys) if key not in known]
        if missing:
            load_language_model()
        fresh = dict(zip((k for k in keys if k not in known),
                         (_shelved(shelf, result) for result in each_item(process_article, context, missing))))
        edited = scanned.edited_since(set(fresh))
        cache.keep_only({key: result for key, result in fresh.items() if key not in edited}, keys)
        if edited:
            keys = [f"{key}{EDITED}" if key in edited else key for key in keys]
            fresh = {f"{key}{EDITED}" if key in edited else key: result for key, result in fresh.items()}
        results = [known[key] if key in known else fresh[key] for key in keys]
        _LAST_RESULTS.clear()
        _LAST_RESULTS[context.content.resolve()] = dict(zip(keys, results))
        return results, keys
    finally:
        cache.close()


def _shelved(shelf: Shelf, result: tuple) -> tuple:
    """An article's result with its body and the packed parts of its analysis moved to the shelf."""
    article, analysis, problems = result
    if article is None:
        return result
    body = shelf.add(pack(article.body) if isinstance(article.body, str) else article.body)
    if analysis.exported:  # its records in the data exports (the article's whole text among them)
        analysis = replace(analysis, exported=shelf.put(analysis.exported, ("article", "quotes")))
    return replace(article, body=body), shelf.put(analysis, PACKED), problems


# The results of this process's last build (its content folder → key → result): the next rebuild (in
# `serve`) takes them from here instead of reading every article back from the cache. Frozen data.
_LAST_RESULTS: dict[Path, dict[str, tuple]] = {}
_EDITS: list[Shelf] = []


def _edits_shelf() -> Shelf:
    """The one shelf of the articles a rebuild analyses again (in `serve`, each edit's), for the life of
    the process: a shelf of its own for each rebuild would keep a file open for every article edited
    since the first build (the others' results stay on theirs), until there are too many."""
    if not _EDITS:
        _EDITS.append(Shelf())
    return _EDITS[0]


def unique_articles(processed, keys: list[str], folder: Path
                    ) -> tuple[tuple[Article, ...], dict[str, Analysis], dict[str, str], list[Problem]]:
    """The articles in time order, each URL given to one of them only; with their analyses and
    versions (the key of the file each came from), by slug."""
    problems: list[Problem] = []
    articles: list[Article] = []
    analyses: dict[str, Analysis] = {}
    versions: dict[str, str] = {}
    owners: dict[str, str] = {}  # slug → source path
    for (article, analysis, article_problems), key in zip(processed, keys):
        problems += article_problems
        if article is None:
            continue
        if is_draft(article):
            problems.append(Problem(str(folder / article.source_path), "a draft (`draft: true` or `status: draft` "
                                    "in its front matter): left out of the site until that line is removed"))
            continue
        if article.slug in owners:
            wanted, number = article.slug, 2
            while f"{wanted}-{number}" in owners:
                number += 1
            article = replace(article, slug=f"{wanted}-{number}")
            problems.append(Problem(str(folder / article.source_path), f"its URL articles/{wanted}/ is already "
                                    f"taken by {folder / owners[wanted]}, so it is published at articles/"
                                    f"{article.slug}/; set `slug:` in its front matter to choose its URL"))
        owners[article.slug] = article.source_path
        analyses[article.slug] = analysis
        versions[article.slug] = key
        articles.append(article)
    articles.sort(key=lambda a: (date_sort_key(a.date), a.source_path))
    return tuple(articles), analyses, versions, problems


def set_copies_aside(articles: tuple[Article, ...], analyses: dict[str, Analysis],
                     folder: Path) -> tuple[tuple[Article, ...], dict[str, tuple[Article, ...]], list[Problem]]:
    """Keep one page for an article collected twice; the copies are listed on it."""
    found = find_duplicates(articles, [analyses[a.slug].fingerprint for a in articles])
    by_slug = {a.slug: a for a in articles}
    copies: dict[str, list[Article]] = {}
    problems = []
    for slug, (canonical, similarity) in found.items():
        copies.setdefault(canonical, []).append(by_slug[slug])
        problems.append(Problem(str(folder / by_slug[slug].source_path), f"the same article as {by_slug[canonical].source_path} "
                                f"({similarity:.0%} of the text is shared); it is listed on that article's page "
                                "instead of having its own. Remove one of them if that is wrong"))
    kept = tuple(a for a in articles if a.slug not in found)
    return kept, {slug: tuple(group) for slug, group in copies.items()}, problems


def analyse_article(article: Article, matcher: Matcher, entities: dict[str, Entity], site: SiteConfig) -> Analysis:
    """Link, quotes and dated mentions for one article: the per-article analysis stages."""
    blocks = body_blocks(article.body)
    mentions, unresolved = find_mentions(article, blocks, matcher)
    languages = tuple(dict.fromkeys((article.language, "en")))
    dated = find_dated_mentions(article.slug, blocks, article.date, languages, mentions, entities, site.date_order)
    quotes = find_quotes(article.slug, blocks, mentions, entities, article.language, dated, article.date)
    speakers = tuple(dict.fromkeys(q.speaker for q in quotes if q.speaker))
    named = named_entities(article, mentions, named_in_heading(article, matcher))
    return Analysis(pack((blocks, mentions)), pack(quotes), speakers, unresolved, fingerprint(article.body),
                    pack(article_entries(article, mentions, dated)), pack(named),
                    exported(article, blocks, quotes, dated, named, site, mentions), pack(named_sentences(mentions)))


def read_assets(site_src: Path) -> dict[str, bytes]:
    """The site's own CSS, scripts and images, copied as they are."""
    if not site_src.is_dir():
        return {}
    return {p.relative_to(site_src).as_posix(): p.read_bytes()
            for p in sorted(site_src.rglob("*")) if p.is_file() and not p.name.startswith(".")}
