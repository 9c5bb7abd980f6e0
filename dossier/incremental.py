"""Which output files must be made again: every page's inputs as one digest, compared with the
digests recorded by the build that wrote the output folder as it is now.

A page's digest covers what its context is made of: the site-wide inputs (dossier's code and
settings, the registry, the templates and interface words, the editor's pages) and the digests of
the articles it shows (an article's digest covers its file, the settings and the analysis, see
cache.py). An article page depends on itself, its neighbours and its copies; an entity page on the
articles that mention or quote it; a tag page on its articles; a chronology year on the articles
with entries in it. Pages that summarise the whole collection (home, indexes, feeds, exports)
depend on every article. So editing one article re-renders that article, its neighbours, the pages
of what it mentions, its tags, its chronology years and the summaries, and nothing else.

The digests live in `.cache/pages.sqlite`, with the digest of the whole build; the output folder's
marker carries the same one, so a folder changed by another build (or deleted) is rebuilt whole.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import code_digest

if TYPE_CHECKING:  # only for annotations: a build that finds nothing changed imports little
    from collections.abc import Callable

    from .catalogue import Catalogue
    from .model import Analysis, Article, Corpus
    from .pieces import Layout

Job = tuple[str, str]
EVERYTHING = ("home", "articles", "chronology", "tags", "sources", "corrections", "entities", "search", "404")
LISTED = frozenset({"entity", "tag", "chronology-year", "chronology-month"})  # their inputs: the settings and
# what other pages show of the articles they list (`shown_elsewhere`), all of it in the listing digest


def digest(*parts: str) -> str:
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        hasher.update(part.encode("utf-8", "surrogateescape") + b"\0")
    return hasher.hexdigest()


def _part(text: str) -> bytes:
    """One part of a `digest`, as it hashes it."""
    return text.encode("utf-8", "surrogateescape") + b"\0"


def _digest_of(*parts: bytes) -> str:
    """`digest` of the parts `_part` made (joined runs of them too): the same digest, in one call."""
    return hashlib.blake2b(b"".join(parts), digest_size=16).hexdigest()


def shown_elsewhere(article: Article, *packed: bytes) -> str:
    """The digest of what pages other than an article's own (and its source text's) show of it: its
    front matter, and what its analysis found (`packed`: who it names and in which sentences, its
    quotes, its dated mentions), not its text or what was set aside from it."""
    return digest(repr(replace(article, body="", removed=())), *(hashlib.blake2b(part).hexdigest() for part in packed))


def shown_key(analysis: Analysis, version: str) -> str:
    """What pages and files other than an article's own are made from of it: what they show of it
    (`shown_elsewhere`, kept in `Analysis.shown`), else its whole version; none without a version
    (the cache is off: made every time)."""
    return version and (analysis.shown or version)


def site_key(corpus: Corpus, templates: Path) -> str:
    """What every page depends on: dossier's code, the settings, the registry, the templates, the editor's pages."""
    parts = [code_digest(), repr(corpus.site), repr(corpus.entities)]
    for path in sorted(templates.rglob("*")) if templates.is_dir() else []:
        if path.is_file():
            parts += [path.relative_to(templates).as_posix(), hashlib.blake2b(path.read_bytes()).hexdigest()]
    parts += [f"{page.slug}:{page.title}:{page.nav}" for page, _ in corpus.pages]  # the navigation of every page
    return digest(*parts)


def everything_digest(corpus: Corpus, cat: Catalogue, base: str) -> str:
    """The digest of every article whole, and of the copies listed on each: what the files made from
    their texts depend on (the data exports)."""
    copies = (f"{slug}<{copy.source_path}={corpus.versions.get(copy.slug, '')}"
              for slug, group in sorted(corpus.copies.items()) for copy in group)
    return digest(base, *(f"{slug}={corpus.versions[slug]}" for slug in cat.articles), *copies)


def listing_digest(corpus: Corpus, cat: Catalogue, base: str) -> str:
    """The digest of what pages other than an article's own show of every article (`shown_elsewhere`):
    what a page or file listing them all depends on (the home page, the indexes, the feed)."""
    return _digest_of(_part(base), *_shown(corpus, cat).values())


def _shown(corpus: Corpus, cat: Catalogue) -> dict[str, bytes]:
    version = corpus.versions
    return {slug: _part(f"{slug}={shown_key(corpus.analyses[slug], version[slug])}") for slug in cat.articles}


def page_digests(corpus: Corpus, cat: Catalogue, jobs: list[Job], base: str, whole: str, listed: str,
                 kept: Callable[[Job], str] | None = None) -> dict[Job, str]:
    """Each page's digest; pages of the same inputs have the same digest, build after build. An
    article's page and its source text's depend on the article whole (its version); every other page
    on what it shows of the articles it lists (`shown_elsewhere`): an edit to an article's text that
    changes none of its names, quotes, dated mentions or front matter remakes its own pages only.
    `whole`: the digest of every article whole (`everything_digest`), for the pages that show any text;
    `listed`: the `listing_digest`, for those that list every article. `kept`, when the listing digest
    is the last build's: each page's inputs then ("" if it had none), taken for the pages made from
    what the listing digest covers (entities, tags, the chronology), whose inputs are then the same."""
    version = corpus.versions
    shown = _shown(corpus, cat)
    base_part = _part(base)
    chronology = corpus.chronology
    months = {month: chronology.articles[month] for month in chronology.months()}
    years = {year: sorted({slug for part in chronology.parts_of(year) for slug in chronology.articles[part]})
             for year in chronology.years()}
    year_list = ",".join(sorted(years))

    def of(slugs) -> bytes:
        return b"".join([shown[slug] for slug in slugs])

    def inputs(job: Job) -> str:
        kind, key = job
        if kept and kind in LISTED:
            before = kept(job)
            if before:
                return before
        if kind == "page":  # an editor's page may show any article's text
            return digest(whole, *(repr(page) for page, _ in corpus.pages if page.slug == key))
        if kind in EVERYTHING:
            return listed
        if kind == "article":
            previous, following = cat.neighbours[key]
            copies = [f"copy={version.get(c.slug, '')}" for c in corpus.copies.get(key, ())]
            pictures = [f"{p.file}:{file_stamp(p.file)}" for p in corpus.pictures.get(key, ())]
            return _digest_of(base_part, _part(f"{key}={version[key]}"), of(s for s in (previous, following) if s),
                              *map(_part, copies + pictures))
        if kind == "source":
            return digest(base, f"{key}={version[key]}")
        if kind == "entity":
            slugs = {*cat.articles_of.get(key, ()), *cat.quotes_by.get(key, ()),
                     *corpus.chronology.dated_in.get(key, ())}
            return _digest_of(base_part, of(sorted(slugs)))
        if kind == "tag":
            return _digest_of(base_part, of(cat.tags[key][1]))
        if kind == "chronology-year":
            return _digest_of(base_part, _part(year_list), of(years[key]))
        if kind == "chronology-month":  # its articles, and the months around it for its links
            around = ",".join(m for m in sorted(months) if m[:4] == key[:4])
            return _digest_of(base_part, _part(around), of(months.get(key, ())))
        return whole
    return {job: inputs(job) for job in jobs}


def file_stamp(path: str) -> str:
    """A file's size, time, change time and inode: any of them differs once it is written or replaced
    (the change time cannot be set back as the time can)."""
    try:
        status = os.stat(path)
    except OSError:
        return "missing"
    return f"{status.st_size}:{status.st_mtime_ns}:{status.st_ctime_ns}:{status.st_ino}"


@dataclass(frozen=True)
class LastBuild:
    """What the build that wrote an output folder recorded about itself."""

    outputs: dict[str, tuple[str, str]]  # every file: name → (digest, path)
    inputs: str  # the digest of everything it read (see input_key)
    searched: bool  # the search index was made for these pages
    problems: list  # what it reported, to report again when nothing changed
    summary: str  # "5 articles and 55 entities"
    build_id: str = ""  # the id it wrote in the folder's marker (write.built_id)

    def answers(self, inputs: str, search: bool) -> bool:
        """Whether a build of `inputs` (with the search index if `search`) would make what this one did."""
        return self.inputs == inputs and (self.searched or not search)


class Manifest:
    """The last build into each output folder: its files' digests, its inputs, its problems."""

    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(folder / "pages.sqlite", timeout=30)
        self.db.execute("CREATE TABLE IF NOT EXISTS output (name TEXT PRIMARY KEY, digest TEXT, path TEXT)")
        self.db.execute("CREATE TABLE IF NOT EXISTS last_build (output TEXT PRIMARY KEY, id TEXT, inputs TEXT, "
                        "searched INTEGER, problems BLOB, summary TEXT)")
        self.db.execute("CREATE TABLE IF NOT EXISTS layout (name TEXT PRIMARY KEY, settings TEXT, layout BLOB)")

    def load(self, output: Path, build_id: str) -> LastBuild | None:
        """The last build into `output`, if the folder is still as it left it."""
        row = self.db.execute("SELECT id, inputs, searched, problems, summary FROM last_build WHERE output = ?",
                              (str(output.absolute()),)).fetchone()
        if not build_id or row is None or row[0] != build_id:
            return None
        outputs = {name: (file_digest, path) for name, file_digest, path in self.db.execute("SELECT * FROM output")}
        return LastBuild(outputs, row[1], bool(row[2]), pickle.loads(row[3]), row[4], row[0])

    def layouts(self, settings: str) -> dict[str, Layout]:
        """How the data exports in the output folder were joined, those made with the same `settings`
        (which cover dossier's code: another version may write their records otherwise)."""
        return {name: pickle.loads(blob) for name, blob in
                self.db.execute("SELECT name, layout FROM layout WHERE settings = ?", (settings,))}

    def save(self, output: Path, build_id: str, last: LastBuild, layouts: dict[str, Layout] | None = None,
             settings: str = "", since: LastBuild | None = None) -> None:
        """Record the last build; the layouts of the exports it made replace those it did not make
        again (still the ones in the folder). Given the build it followed (`since`, as loaded), only
        the outputs that changed are written, if the manifest still holds that build."""
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO layout VALUES (?, ?, ?)",
                                ((name, settings, pickle.dumps(layout, pickle.HIGHEST_PROTOCOL))
                                 for name, layout in (layouts or {}).items()))
            held = self.db.execute("SELECT id FROM last_build").fetchall()
            old = since.outputs if since and since.build_id and held == [(since.build_id,)] else {}
            if not old:
                self.db.execute("DELETE FROM output")
            self.db.executemany("DELETE FROM output WHERE name = ?", ((name,) for name in old.keys() - last.outputs.keys()))
            self.db.execute("DELETE FROM last_build")
            self.db.executemany("INSERT OR REPLACE INTO output VALUES (?, ?, ?)",
                                ((name, d, path) for name, (d, path) in last.outputs.items() if old.get(name) != (d, path)))
            self.db.execute("INSERT INTO last_build VALUES (?, ?, ?, ?, ?, ?)",
                            (str(output.absolute()), build_id, last.inputs, int(last.searched),
                             pickle.dumps(last.problems), last.summary))

    def forget(self, output: Path, paths: set[str]) -> None:
        """Files of `output` written outside a build (the preview's first pages): the next build makes
        them again, and does not take its inputs for unchanged."""
        with self.db:
            self.db.executemany("UPDATE output SET digest = '' WHERE path = ?", ((path,) for path in sorted(paths)))
            self.db.execute("UPDATE last_build SET inputs = '' WHERE output = ?", (str(output.absolute()),))

    def close(self) -> None:
        self.db.close()


def input_key(settings: str, article_keys: list[str], folders: list[Path], keyed: frozenset[str] = frozenset()) -> str:
    """The digest of everything a build reads: the settings and code, every article, and the files of
    the given folders (templates, site_src, the content folder: the editor's pages, the pictures, the
    kept originals) but those `keyed` (the article files, whose keys are given)."""
    parts = [settings, *article_keys]
    for folder in folders:
        found = []
        for current, _, names in os.walk(folder):
            found += [path for path in (os.path.join(current, name) for name in names) if path not in keyed]
        parts += [f"{path}:{file_stamp(path)}" for path in sorted(found)]
    return digest(*parts)
