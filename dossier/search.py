"""Full-text search: Pagefind indexes the finished pages, and its static bundle ships with the site.

Runs on the staged site folder just before it replaces the old one, so the index always matches
the pages. Pages mark what is indexed (`data-pagefind-body`) and their filters (kind, person,
organisation, year); this module only runs Pagefind and reports a failure as a problem.

Pagefind holds everything it indexes in memory until it writes the index (about 250 KB a page: too
much for a site of tens of thousands of pages; bench/RESULTS.md). A larger site
is indexed in shards of `SHARD_PAGES` pages, one Pagefind run after the other, and the search page
merges them in the browser (Pagefind's `mergeIndex`); `pagefind/shards.json` lists them, with a
digest of each one's pages: indexing a site again (the preview after an edit, an update build), a
shard whose pages did not change is copied from the index in place. Pagefind leaves out a searched word that no page of an index has: with shards,
a search for two words can find pages with only one of them, in a shard where no page has the other
(not only where no page of the site has it).
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from .incremental import digest
from .model import KIND_PLURALS, Problem


# The pages whose templates mark a body to index: articles, entity pages and the editor's pages (a
# folder deep). Pagefind reads only these: the source pages and the chronology, a third of the HTML,
# would be parsed for nothing. A template that marks another kind of page must be added here.
_FOLDERS = ("articles", *KIND_PLURALS.values())  # besides the site's own top folders (the editor's pages)
SEARCHED = "{" + ",".join(["*", *(f"{folder}/*" for folder in _FOLDERS)]) + "}/index.html"


# Pages a Pagefind run indexes at most; more are split into shards (sizes weighed in bench/RESULTS.md).
SHARD_PAGES = 1000
SHARDS = "shards.json"  # in the index folder: the other shards' folders (for search.js), each shard's digest


def index_search(site: Path, into: Path | None = None, previous: Path | None = None) -> list[Problem]:
    """Write the search index into `site/pagefind/` (or `into`); a problem (not an exception) if it cannot.
    More than `SHARD_PAGES` pages are indexed in shards: the first in the index folder, the others in
    its `shards/N/`. Given the index made before (`previous`), a shard whose pages are all as they
    were is copied from it instead of indexed again (after an edit, only the edited page's shard)."""
    target = into or site / "pagefind"
    pages = _searched(site)
    shards, digests, problems = [], [], []
    if len(pages) <= SHARD_PAGES:
        problems = _pagefind(site, ["--glob", SEARCHED], target)
    else:
        marked = _marked(site, pages)
        pages = list(marked)
        starts = range(0, len(pages), SHARD_PAGES)
        shards = [f"shards/{n}/" for n in range(1, len(starts))]
        version = _pagefind_version()
        digests = [digest(version, *(f"{page}={marked[page]}" for page in pages[start:start + SHARD_PAGES]))
                   for start in starts]
        before = _digests(previous)
        for n, start in enumerate(starts):
            folder = target / shards[n - 1] if n else target
            if not (n < len(before) and before[n] == digests[n]
                    and _copy_shard(previous / shards[n - 1] if n else previous, folder)):
                problems += _shard(site, pages[start:start + SHARD_PAGES], folder)
            if problems:  # no index rather than part of one (the preview keeps the one it has)
                shutil.rmtree(target, ignore_errors=True)
                break
    if not problems:
        target.mkdir(parents=True, exist_ok=True)
        (target / SHARDS).write_text(json.dumps({"shards": shards, "digests": digests}), encoding="utf-8")
    return problems


def _marked(site: Path, pages: list[str]) -> dict[str, str]:
    """The pages that mark a body to index (a shard of pages without one would be indexed whole), with
    the digest of each."""
    marked = {}
    for page in pages:
        data = (site / page).read_bytes()
        if b"data-pagefind-body" in data:
            marked[page] = hashlib.blake2b(data, digest_size=16).hexdigest()
    return marked


def _digests(index: Path | None) -> list[str]:
    """The digests of the pages of each shard of an index, if it has shards (none if unreadable)."""
    try:
        return json.loads((index / SHARDS).read_text(encoding="utf-8"))["digests"] if index else []
    except (OSError, ValueError, KeyError, TypeError):
        return []


def _copy_shard(source: Path, folder: Path) -> bool:
    """A shard of an earlier index, as it is (hard links where the file system allows), without the
    other shards and their list (which the first shard's folder holds); False if it cannot be read."""
    def others(directory: str, names: list[str]) -> set[str]:
        return {"shards", SHARDS} & set(names) if Path(directory) == source else set()
    try:
        shutil.copytree(source, folder, ignore=others, copy_function=_link, dirs_exist_ok=True)
        return True
    except OSError:  # e.g. removed by hand: the shard is indexed again
        shutil.rmtree(folder, ignore_errors=True)
        return False


def _pagefind_version() -> str:
    """A shard indexed by another Pagefind is not reused: the merged bundles must be of one version."""
    try:
        return importlib.metadata.version("pagefind")
    except importlib.metadata.PackageNotFoundError:
        return ""


def _link(source: str, destination: str) -> None:
    try:
        os.link(source, destination)
    except OSError:  # a file system without hard links
        shutil.copyfile(source, destination)


def _searched(site: Path) -> list[str]:
    """The pages Pagefind is given (`SEARCHED`), in order."""
    pages = [*site.glob("*/index.html"), *(page for folder in _FOLDERS for page in site.glob(f"{folder}/*/index.html"))]
    return sorted(page.relative_to(site).as_posix() for page in pages)


def _shard(site: Path, pages: list[str], target: Path) -> list[Problem]:
    """One shard: Pagefind run on a folder holding only its pages (hard links, at the same paths)."""
    folder = site / ".pagefind-pages"
    shutil.rmtree(folder, ignore_errors=True)
    try:
        for page in pages:
            (folder / page).parent.mkdir(parents=True, exist_ok=True)
            _link(site / page, folder / page)
        return _pagefind(folder, [], target, shown=site)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _pagefind(site: Path, options: list[str], target: Path, shown: Path | None = None) -> list[Problem]:
    """Pagefind on the pages of `site` (`shown` in messages, if another folder)."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), *options, "--output-path", str(target)]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return [Problem(str(shown or site), f"search index not built ({exc}); the site works without search")]
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no output"]
        return [Problem(str(shown or site), f"search index not built: {detail[0]}. Is `pagefind[bin]` installed? "
                        "The rest of the site was built")]
    return []


def reindex_live(site: Path, swapping=contextlib.nullcontext()) -> list[Problem]:
    """For the preview: index a site already in place, then swap the new index in (holding `swapping`,
    so no build writes meanwhile); the page rebuilds do not wait for search. If the site was replaced
    while it was indexed, nothing is swapped in (the build that replaced it asks for another index)."""
    fresh, retired = site / ".pagefind-new", site / ".pagefind-old"
    shutil.rmtree(fresh, ignore_errors=True)
    problems = index_search(site, into=fresh, previous=site / "pagefind")
    with swapping:  # two renames; the old index (thousands of files) is removed after
        if not problems and fresh.is_dir():
            shutil.rmtree(retired, ignore_errors=True)
            if (site / "pagefind").is_dir():
                os.replace(site / "pagefind", retired)
            os.replace(fresh, site / "pagefind")
    shutil.rmtree(retired, ignore_errors=True)
    return problems
