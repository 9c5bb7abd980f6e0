"""A cache of per-article results (SQLite in `.cache/` beside content/), so an unchanged article is not
read, normalised and analysed again.

An entry's key is a hash of everything its result depends on: dossier's version, the settings that
shape every article (site.yaml, the registry, the boilerplate rules), the file's path and bytes, and
the original kept for it. Anything else changed means another key, so a stale result is never used.
Entries are written in one transaction: a build killed at any moment leaves the cache usable.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
import sys
from pathlib import Path

from . import __version__

FORMAT = 5  # bump when the cached records change shape


class ArticleCache:
    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(folder / "articles.sqlite", timeout=30)
        self.db.execute("CREATE TABLE IF NOT EXISTS article (key TEXT PRIMARY KEY, value BLOB NOT NULL)")


    def get_many(self, keys: list[str], each=lambda result: result) -> dict[str, object]:
        """The stored results of these keys (those it has), each passed through `each` as it is read."""
        found: dict[str, object] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            rows = self.db.execute(f"SELECT key, value FROM article WHERE key IN ({','.join('?' * len(chunk))})",
                                   chunk)
            found.update((key, each(pickle.loads(value))) for key, value in rows)
        return found

    def keep_only(self, entries: dict[str, object], keys: list[str]) -> None:
        """Store the new entries and forget every key not used by this build, in one transaction."""
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO article VALUES (?, ?)",
                                ((k, pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL)) for k, v in entries.items()))
            self.db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
            self.db.execute("DELETE FROM used")
            self.db.executemany("INSERT OR IGNORE INTO used VALUES (?)", ((k,) for k in keys))
            self.db.execute("DELETE FROM article WHERE key NOT IN (SELECT key FROM used)")

    def close(self) -> None:
        self.db.close()


def settings_key(content: Path) -> str:
    """A hash of the inputs every article's result depends on, dossier's own code and data included,
    and where the content folder is: a result names its file by its full path, so a content folder
    copied with its `.cache/` builds afresh rather than read files from where it was copied from."""
    digest = hashlib.sha256(sys.version.encode())  # results are stored in pickle format
    digest.update(str(content.resolve()).encode() + b"\0")
    package = Path(__file__).parent
    files = [*sorted(package.glob("*.py")), *sorted((package / "data").glob("*.yaml")),
             content / "site.yaml", content / "boilerplate.yaml", *sorted((content / "entities").glob("*.y*ml"))]
    for path in files:
        digest.update(str(path.name).encode() + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"-")
    return digest.hexdigest()


def article_key(settings: str, relative: str, data: bytes, kept: str) -> str:
    """The digest of everything an article's result depends on: dossier, the settings, the file and
    its kept original."""
    digest = hashlib.sha256()
    for part in (f"{__version__}/{FORMAT}", settings, relative, kept):
        digest.update(part.encode() + b"\0")
    digest.update(data)
    return digest.hexdigest()
