"""The chronology as the last build made it, kept in `.cache/chronology.sqlite` beside content/: its
parts and timelines packed, with the articles each holds, and the version of every article it was
made from. A build that changed a few articles patches the parts and timelines those were or are in
(`chronology.patch_chronology`) instead of making the whole chronology again in child processes.

Kept for one set of settings and code (another means another chronology: made whole); saved in one
transaction, and only over the state it was patched from (a build that read another state, or was
killed, leaves a state the next build can use or makes whole).
"""

from __future__ import annotations

import secrets
import sqlite3
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .chronology import TIMELINE, patch_chronology, start_chronology
from .incremental import shown_key
from .model import Analysis, Article, Chronology, Entity
from .store import raw, unpack

PATCHED_AT_MOST = 0.02  # of the articles: with more changed, the chronology is made whole (it is then faster)


@dataclass(frozen=True)
class KeptChronology:
    """A chronology kept between builds: made with `settings` from the articles of `versions` (slug →
    what its entries are made from, `incremental.shown_key`), `full` as `start_chronology` gives it;
    `generation`: new at each save."""

    settings: str
    versions: dict[str, str]
    chronology: Chronology
    full: dict[str, bytes]
    generation: str = field(default_factory=lambda: secrets.token_hex(8))


class ChronologyCache:
    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(folder / "chronology.sqlite", timeout=30)
        for table in ("state (settings TEXT, generation TEXT)", "article (slug TEXT PRIMARY KEY, version TEXT)",
                      "part (name TEXT PRIMARY KEY, entries BLOB, size INTEGER, articles TEXT)",
                      "year (year TEXT PRIMARY KEY, kinds TEXT)",
                      "timeline (entity TEXT PRIMARY KEY, first BLOB, full BLOB, articles TEXT)"):
            self.db.execute(f"CREATE TABLE IF NOT EXISTS {table}")

    def load(self, settings: str) -> KeptChronology | None:
        state = self.db.execute("SELECT settings, generation FROM state").fetchone()
        if state is None or state[0] != settings:
            return None
        chronology = Chronology()
        for name, entries, size, articles in self.db.execute("SELECT * FROM part ORDER BY name"):
            chronology.parts[name], chronology.sizes[name], chronology.articles[name] = entries, size, _slugs(articles)
        for year, kinds in self.db.execute("SELECT * FROM year ORDER BY year"):
            chronology.kinds[year] = Counter({kind: int(n) for kind, _, n in (k.partition("=") for k in kinds.split())})
        full = {}
        for entity, first, all_of_them, articles in self.db.execute("SELECT * FROM timeline ORDER BY entity"):
            chronology.timelines[entity], chronology.dated_in[entity] = first, _slugs(articles)
            if all_of_them:
                full[entity] = all_of_them
        versions = dict(self.db.execute("SELECT slug, version FROM article"))
        return KeptChronology(settings, versions, chronology, full, state[1])

    def save(self, kept: KeptChronology, since: KeptChronology | None, parts=None, entities=None) -> None:
        """Keep `kept`: whole, or (given the state it was patched from) its `parts` and `entities` and
        the versions that changed. Nothing is kept if the state is no longer `since`'s."""
        chronology = kept.chronology
        with self.db:
            state = self.db.execute("SELECT generation FROM state").fetchone()
            if since is not None and (state is None or state[0] != since.generation):
                self.db.execute("DELETE FROM state")  # another build saved meanwhile: made whole next time
                return
            if since is None:
                for table in ("part", "year", "timeline", "article"):
                    self.db.execute(f"DELETE FROM {table}")
                parts, entities = chronology.parts.keys(), chronology.timelines.keys()
            self.db.execute("DELETE FROM state")
            self.db.execute("INSERT INTO state VALUES (?, ?)", (kept.settings, kept.generation))
            self.db.executemany("DELETE FROM part WHERE name = ?", ((p,) for p in parts if p not in chronology.parts))
            self.db.executemany("INSERT OR REPLACE INTO part VALUES (?, ?, ?, ?)", (
                (p, raw(chronology.parts[p]), chronology.sizes[p], "\0".join(chronology.articles[p]))
                for p in sorted(parts) if p in chronology.parts))
            years = {p[:4] for p in parts}
            self.db.executemany("DELETE FROM year WHERE year = ?", ((y,) for y in years if y not in chronology.kinds))
            self.db.executemany("INSERT OR REPLACE INTO year VALUES (?, ?)", (
                (y, " ".join(f"{kind}={n}" for kind, n in sorted(chronology.kinds[y].items())))
                for y in sorted(years) if y in chronology.kinds))
            self.db.executemany("DELETE FROM timeline WHERE entity = ?",
                                ((e,) for e in entities if e not in chronology.timelines))
            self.db.executemany("INSERT OR REPLACE INTO timeline VALUES (?, ?, ?, ?)", (
                (e, raw(chronology.timelines[e]), raw(kept.full[e]) if e in kept.full else None,
                 "\0".join(chronology.dated_in[e])) for e in sorted(entities) if e in chronology.timelines))
            old = since.versions if since else {}
            self.db.executemany("DELETE FROM article WHERE slug = ?", ((s,) for s in old if s not in kept.versions))
            self.db.executemany("INSERT OR REPLACE INTO article VALUES (?, ?)",
                                ((s, v) for s, v in kept.versions.items() if old.get(s) != v))

    def close(self) -> None:
        self.db.close()


def _slugs(joined: str) -> tuple[str, ...]:
    return tuple(joined.split("\0")) if joined else ()


def start_kept_chronology(cache: ChronologyCache | None, settings: str, articles: tuple[Article, ...],
                          entities: tuple[Entity, ...], analyses: dict[str, Analysis],
                          versions: dict[str, str]) -> tuple[Callable[[], Chronology], set[str] | None]:
    """The chronology of `articles`: patched from the one kept in `cache` if few articles changed
    since, else made whole aside (`start_chronology`); kept for the next build either way. Returns
    what waits for it, and the slugs of the articles changed since if it was patched (else None)."""
    # each article followed by what other pages show of it, its dated mentions among it: an edit to its
    # text alone leaves the chronology as it was
    versions = {a.slug: shown_key(analyses[a.slug], versions.get(a.slug, "")) for a in articles}
    since = cache.load(settings) if cache and all(versions.values()) else None
    changed = {s for s in versions.keys() | since.versions.keys() if versions.get(s) != since.versions.get(s)} \
        if since else set()
    if since is None or len(changed) > max(10, PATCHED_AT_MOST * len(articles)):
        made = start_chronology(articles, entities, analyses)

        def finish() -> Chronology:
            chronology, full = made()
            if cache and all(versions.values()):
                cache.save(KeptChronology(settings, versions, chronology, full), None)
            return chronology
        return finish, None
    if not changed:  # what it is made from is as it was (an article's text alone may have changed)
        return (lambda: since.chronology), changed
    entries = {s: unpack(analyses[s].packed_entries) for s in changed if s in versions}
    chronology, full, parts, touched = patch_chronology(since.chronology, since.full, changed, entries, TIMELINE)
    cache.save(KeptChronology(settings, versions, chronology, full), since, parts, touched)
    return (lambda: chronology), changed
