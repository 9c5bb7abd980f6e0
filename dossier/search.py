"""Full-text search: Pagefind indexes the finished pages, and its static bundle ships with the site.

Runs on the staged site folder just before it replaces the old one, so the index always matches
the pages. Pages mark what is indexed (`data-pagefind-body`) and their filters (kind, person,
organisation, year); this module only runs Pagefind and reports a failure as a problem.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from .model import KIND_PLURALS, Problem


# The pages whose templates mark a body to index: articles, entity pages and the editor's pages (a
# folder deep). Pagefind reads only these: the source pages and the chronology, a third of the HTML,
# would be parsed for nothing. A template that marks another kind of page must be added here.
SEARCHED = "{" + ",".join(["*", "articles/*", *(f"{folder}/*" for folder in KIND_PLURALS.values())]) + "}/index.html"


def index_search(site: Path, into: Path | None = None) -> list[Problem]:
    """Write the search index into `site/pagefind/` (or `into`); a problem (not an exception) if it cannot."""
    target = ["--output-path", str(into)] if into else ["--output-subdir", "pagefind"]
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--glob", SEARCHED, *target]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return [Problem(str(site), f"search index not built ({exc}); the site works without search")]
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no output"]
        return [Problem(str(site), f"search index not built: {detail[0]}. Is `pagefind[bin]` installed? "
                        "The rest of the site was built")]
    return []


def reindex_live(site: Path, swapping=contextlib.nullcontext()) -> list[Problem]:
    """For the preview: index a site already in place, then swap the new index in (holding `swapping`,
    so no build writes meanwhile); the page rebuilds do not wait for search. If the site was replaced
    while it was indexed, nothing is swapped in (the build that replaced it asks for another index)."""
    fresh, retired = site / ".pagefind-new", site / ".pagefind-old"
    shutil.rmtree(fresh, ignore_errors=True)
    problems = index_search(site, into=fresh)
    with swapping:  # two renames; the old index (thousands of files) is removed after
        if not problems and fresh.is_dir():
            shutil.rmtree(retired, ignore_errors=True)
            if (site / "pagefind").is_dir():
                os.replace(site / "pagefind", retired)
            os.replace(fresh, site / "pagefind")
    shutil.rmtree(retired, ignore_errors=True)
    return problems
