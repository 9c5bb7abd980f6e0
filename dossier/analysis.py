"""Each article through the per-article stages, on every core: read, normalise, link, quotes and
dated mentions; an unchanged article taken from the cache instead. Then what concerns several
articles at once but not the site: two files wanting one URL, copies of one article, and the
wikilinks and shortcodes that name a missing article or entity."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from . import store
from .boilerplate import Rule
from .cache import ArticleCache
from .catalogue import named_entities, named_sentences
from .chronology import article_entries
from .dated import find_dated_mentions
from .dates import date_sort_key
from .duplicates import find_duplicates, fingerprint
from .exports import exported
from .frontmatter import is_draft
from .images import has_pictures
from .incremental import shown_elsewhere
from .language import load_language_model
from .link import Matcher, find_mentions, named_in_heading
from .markdown import body_blocks
from .model import PACKED, Analysis, Article, Entity, Problem, SiteConfig
from .store import Shelf, pack
from .normalise import normalise_article
from .parallel import each_item
from .quotes import find_quotes
from .readers import line_containing, read_article
from .scan import EDITED, Scan, article_stem
from .shortcodes import shortcodes
from .wikilinks import ARTICLE as ARTICLE_LINK, ENTITY as ENTITY_LINK, resolve_wikilinks, unresolved


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


def wikilink_problems(articles: tuple[Article, ...], analyses: dict[str, Analysis], context: ArticleContext,
                      folder: Path) -> list[Problem]:
    """Every wikilink that names neither an entity nor an article, with its file and line."""
    slugs = {a.slug for a in articles}
    problems = []
    for article in articles:
        if analyses[article.slug].has_wikilinks:
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
        _, errors = shortcodes(store.text(analysis)[0], context.forms, slugs)
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
        known.update(cache.get_many([key for key in keys if key not in known]))  # packed parts on its shelf
        missing = [path for path, key in zip(files, keys) if key not in known]
        if missing:
            load_language_model(kept_in=cache.folder)  # once, before the workers are forked
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


def unique_articles(processed, keys: list[str], folder: Path, context: ArticleContext
                    ) -> tuple[tuple[Article, ...], dict[str, Analysis], dict[str, str], list[Problem]]:
    """The articles in time order, each URL given to one of them only; with their analyses and
    versions (the key of the file each came from), by slug. An article given another URL than its
    own is analysed again under it: what its analysis found (its quotes, dated mentions, export
    records) names the article by its URL."""
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
            analysis = analyse_article(replace(article, body=store.body(article)), context.matcher, context.entities,
                                       context.site)
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
    packed = pack(quotes), pack(article_entries(article, mentions, dated)), pack(named), pack(named_sentences(mentions))
    return Analysis(pack((blocks, mentions)), packed[0], speakers, unresolved, fingerprint(article.body), packed[1],
                    packed[2], exported(article, blocks, quotes, dated, named, site, mentions), packed[3],
                    shown_elsewhere(article, *packed), ARTICLE_LINK in article.body or ENTITY_LINK in article.body,
                    has_pictures(article.body))
