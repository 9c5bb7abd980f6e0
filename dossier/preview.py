"""The preview's first answer to an edited article: its own pages, at once, before the rebuild.

A rebuild of a large collection takes seconds even when incremental (the pages of every entity the
article names, the indexes, the chronology and the exports are made again). The editor is looking at
the article, so `serve` first makes the edited article's page and source page from the last build's
data with the new text in (milliseconds), writes them and reloads the browser; the incremental
rebuild that follows makes every page exact, and reloads again.

Only an edit of articles already on the site, keeping their URL and date, is answered this way (the
article's neighbours and the site's lists stay as they were); anything else (a new or removed file,
a registry, template or settings change, a new error) waits for the rebuild.

The first pages may be written while a rebuild runs (it started before the edit): that rebuild then
leaves them alone (`hold`), and the next one, asked for by the edit, makes them again.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from . import store
from .analysis import ArticleContext, process_article
from .boilerplate import load_rules
from .catalogue import Catalogue
from .frontmatter import is_draft
from .i18n import load_words
from .images import find_pictures
from .incremental import Manifest
from .link import Matcher
from .model import Corpus, Paths
from .pipeline import registry
from .render import PageRendering, make_environment, render_page
from .scan import kept_originals
from .wikilinks import entity_forms
from .write import replace_file


class FirstLook:
    """Keeps the last build's data (in this process) to answer the next article edit at once."""

    def __init__(self, paths: Paths):
        self.paths = paths
        self.last: tuple[Corpus | None, Catalogue | None, ArticleContext | None] = (None, None, None)
        self.lock = threading.Lock()  # held while the output folder is written, by a rebuild or by `write`
        self.newer: set[str] = set()  # files written here since the running rebuild began

    def built(self, corpus: Corpus | None, catalogue: Catalogue | None) -> None:
        """The data of a build that succeeded (None when it did not)."""
        self.last = (corpus, catalogue, None)

    def starting(self) -> None:
        """A rebuild begins: it reads the articles as they are now."""
        with self.lock:
            self.newer.clear()

    @contextmanager
    def hold(self):
        """For the rebuild, while it writes: the files written here since it began."""
        with self.lock:
            yield set(self.newer)

    def pages(self, changed: set[Path]) -> dict[str, bytes]:
        """The output files of the edited articles' pages, or {} when the rebuild must answer."""
        corpus, cat, _ = self.last
        folder = self.paths.content / "articles"
        watched = folder.absolute()  # the watcher's paths are absolute, --content may be relative
        if corpus is None or cat is None or not changed or any(watched not in p.absolute().parents for p in changed):
            return {}
        changed = {folder / p.absolute().relative_to(watched) for p in changed}
        by_source = {a.source_path: a for a in corpus.articles}
        context = self._context(corpus)
        articles, analyses, entities = dict(cat.articles), dict(corpus.analyses), dict(cat.entities_in)
        counts = dict(cat.counts_in)
        pictures = dict(corpus.pictures)
        for path in changed:
            old = by_source.get(path.relative_to(folder).as_posix())
            if old is None:  # new, removed, or a copy listed on another article
                return {}
            article, analysis, problems = process_article(context, path)
            found, picture_problems = find_pictures(article, self.paths.content) if article else ((), [])
            if (article is None or article.slug != old.slug or article.date != old.date or is_draft(article)
                    or any(p.severity == "error" for p in problems + picture_problems)):
                return {}
            articles[article.slug], analyses[article.slug] = article, analysis
            named = store.named(analysis)
            entities[article.slug], counts[article.slug] = tuple(e for e, _ in named), tuple(n for _, n in named)
            pictures[article.slug] = found
        corpus = replace(corpus, analyses=analyses, pictures=pictures,
                         articles=tuple(articles[a.slug] for a in corpus.articles))
        cat = replace(cat, articles=articles, entities_in=entities, counts_in=counts)
        words, problems = load_words(self.paths.templates, corpus.site.language)
        if any(p.severity == "error" for p in problems):
            return {}
        env = make_environment(self.paths.templates, words)
        files = {}
        for path in sorted(changed):
            slug = by_source[path.relative_to(folder).as_posix()].slug
            for job in (("article", slug), ("source", slug)):
                page = render_page(PageRendering(corpus, cat, env.globals["t"], env, self.paths.templates), job)
                if page.problem:
                    return {}
                files[page.path] = page.data
        return files

    def write(self, files: dict[str, bytes]) -> None:
        """Write the first pages; the last build's record forgets them, so whatever happens to the
        rebuild that follows, the next build makes them again. (A rebuild running meanwhile holds the
        output folder's lock file for its whole run; `lock` keeps the writes apart.)"""
        with self.lock:
            manifest = Manifest(self.paths.content.parent / ".cache")
            try:
                manifest.forget(self.paths.output, set(files))
            finally:
                manifest.close()
            for relative, data in files.items():
                replace_file(self.paths.output, relative, data)
            self.newer.update(files)

    def _context(self, corpus: Corpus) -> ArticleContext:
        last_corpus, catalogue, context = self.last
        if context is None or last_corpus is not corpus:
            rules, _ = load_rules(self.paths.content)
            entities, _, matcher, forms = registry(self.paths.content)
            if entities is not corpus.entities:  # the registry changed since that build
                matcher, forms = Matcher(corpus.entities), entity_forms(corpus.entities)
            context = ArticleContext(self.paths.content, corpus.site, rules, matcher,
                                     {e.id: e for e in corpus.entities}, forms, kept_originals(self.paths.content))
            if last_corpus is corpus:
                self.last = (corpus, catalogue, context)
        return context
