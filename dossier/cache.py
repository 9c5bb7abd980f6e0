"""A cache of per-article results in `.cache/` beside content/, so an unchanged article is not read,
normalised and analysed again.

An entry's key is a hash of everything its result depends on: dossier's version, the settings that
shape every article (site.yaml, the registry, the boilerplate rules), the file's path and bytes, and
the original kept for it. Anything else changed means another key, so a stale result is never used.

Two files: `analyses.sqlite` holds each entry's record, small, and `analyses-<name>.shelf` the packed
parts of every record (its body, text, quotes…), which the records read from it point into: a build
reads back only the small records and never copies the packed parts, which stay on this shelf for the
stages to read. The shelf is only added to, at its end, by one build at a time (SQLite's write lock),
and each build's entries are written in one transaction after the bytes they point to: a build killed
at any moment leaves the cache usable. When most of the shelf is no longer pointed to, it is written
again without the rest under a new name; a build still reading the old one holds it open until done.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
import pickle
import sqlite3
import sys
import sysconfig
import uuid
from pathlib import Path

from . import __version__
from .store import Shelf, Shelved
from .write import write_file

FORMAT = 7  # bump when the cached records change shape
COMPACT_PAST = 1 << 24  # bytes on the shelf no record points to, past which (and past what they point to) it is written again
_MAGIC = b"dossier analyses "


class ArticleCache:
    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "articles.sqlite").unlink(missing_ok=True)  # dossier's earlier cache, bytes and all
        self.folder = folder
        self.db = sqlite3.connect(folder / "analyses.sqlite", timeout=30, isolation_level=None)
        self.db.execute("CREATE TABLE IF NOT EXISTS analysis (key TEXT PRIMARY KEY, value BLOB NOT NULL, "
                        "size INTEGER NOT NULL, end INTEGER NOT NULL)")
        self.db.execute("CREATE TABLE IF NOT EXISTS shelf (name TEXT NOT NULL)")
        self.opened: tuple[str, Shelf] | None = None  # the shelf last read, by name

    def get_many(self, keys: list[str]) -> dict[str, object]:
        """The stored results of these keys (those it has), their packed parts on the cache's shelf."""
        found: dict[str, object] = {}
        self.db.execute("BEGIN")  # the shelf named is not replaced until these are read
        try:
            shelf = self._shelf()
            if shelf is None:
                return found
            for start in range(0, len(keys), 500):
                chunk = keys[start:start + 500]
                rows = self.db.execute(f"SELECT key, value FROM analysis WHERE key IN ({','.join('?' * len(chunk))})",
                                       chunk)
                found.update((key, _loads(value, shelf)) for key, value in rows)
            return found
        finally:
            self.db.execute("COMMIT")

    def keep_only(self, entries: dict[str, object], keys: list[str]) -> None:
        """Store the new entries and forget every key not used by this build, in one transaction."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            shelf = self._shelf() or self._new_shelf()
            rows = [(key, *_dumps(value, shelf)) for key, value in entries.items()]
            if rows:
                os.fsync(shelf.fd)  # the bytes are there before the records pointing to them
            self.db.executemany("INSERT OR REPLACE INTO analysis VALUES (?, ?, ?, ?)", rows)
            self.db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
            self.db.execute("DELETE FROM used")
            self.db.executemany("INSERT OR IGNORE INTO used VALUES (?)", ((k,) for k in keys))
            self.db.execute("DELETE FROM analysis WHERE key NOT IN (SELECT key FROM used)")
            (live,), = self.db.execute("SELECT coalesce(sum(size), 0) FROM analysis")
            if shelf.size - live > max(live, COMPACT_PAST):
                self._compact(shelf)
            (current,), = self.db.execute("SELECT name FROM shelf").fetchall()
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")
        for path in self.folder.glob("analyses-*.shelf"):
            if path.name != current:  # replaced: a build still reading it holds it open
                try:
                    path.unlink(missing_ok=True)
                except OSError:  # where an open file cannot be removed (Windows): by a later build
                    pass

    def close(self) -> None:
        self.db.close()

    def _shelf(self) -> Shelf | None:
        """The shelf the records point into, if it is there and whole (else the cache is empty)."""
        named = self.db.execute("SELECT name FROM shelf").fetchone()
        if named and self.opened and self.opened[0] == named[0]:
            shelf = self.opened[1]
        else:
            try:
                file = open(self.folder / named[0], "r+b") if named else None
            except OSError:
                file = None
            if file is None or file.read(len(_MAGIC) + len(named[0]) + 1) != _MAGIC + named[0].encode() + b"\n":
                if file:
                    file.close()
                return None
            shelf = Shelf(file)
            self.opened = named[0], shelf
        (end,), = self.db.execute("SELECT coalesce(max(end), 0) FROM analysis")
        return shelf if end <= shelf.find_end() else None

    def _new_shelf(self) -> Shelf:
        """A new, empty shelf, named in the database (whose records, pointing elsewhere, are forgotten)."""
        name = f"analyses-{uuid.uuid4().hex[:16]}.shelf"
        file = open(self.folder / name, "w+b")
        file.write(_MAGIC + name.encode() + b"\n")
        file.flush()
        self.db.execute("DELETE FROM analysis")
        self.db.execute("DELETE FROM shelf")
        self.db.execute("INSERT INTO shelf VALUES (?)", (name,))
        self.opened = name, Shelf(file)
        return self.opened[1]

    def _compact(self, shelf: Shelf) -> None:
        """Every record moved to a new shelf holding only what they point to."""
        rows = self.db.execute("SELECT key, value FROM analysis").fetchall()
        new = self._new_shelf()
        moved = [(key, *_dumps(_loads(value, shelf), new)) for key, value in rows]
        os.fsync(new.fd)
        self.db.executemany("INSERT INTO analysis VALUES (?, ?, ?, ?)", moved)


def _dumps(value, shelf: Shelf) -> tuple[bytes, int, int]:
    """A record pickled with its packed parts added to `shelf` and pointed to; how many bytes those
    are, and where the last ends."""
    size, end = 0, 0

    def persistent_id(obj):
        nonlocal size, end
        if not isinstance(obj, Shelved):
            return None
        kept = obj if obj.shelf is shelf else shelf.add(obj)
        size, end = size + kept.end - kept.start, max(end, kept.end)
        return kept.start, kept.end

    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, pickle.HIGHEST_PROTOCOL)
    pickler.persistent_id = persistent_id
    pickler.dump(value)
    return buffer.getvalue(), size, end


def _loads(value: bytes, shelf: Shelf):
    """A record as `_dumps` stored it, its packed parts read from `shelf` when asked for."""
    unpickler = pickle.Unpickler(io.BytesIO(value))
    unpickler.persistent_load = lambda span: Shelved(shelf, *span)
    return unpickler.load()


def kept(path: Path):
    """What `keep` wrote to `path`; None if nothing was, or it cannot be read (cut short, not ours)."""
    try:
        return pickle.loads(path.read_bytes())
    except Exception:
        return None


def keep(path: Path, value) -> None:
    """`value` kept in `path` for the next build (pickled), replacing it at once."""
    write_file(path, pickle.dumps(value, pickle.HIGHEST_PROTOCOL))


def settings_key(content: Path) -> str:
    """A hash of the inputs every article's result depends on, dossier's own code and data included,
    and where the content folder is: a result names its file by its full path, so a content folder
    copied with its `.cache/` builds afresh rather than read files from where it was copied from."""
    digest = hashlib.sha256(code_digest().encode())
    digest.update(str(content.resolve()).encode() + b"\0")
    files = [content / "site.yaml", content / "boilerplate.yaml", *sorted((content / "entities").glob("*.y*ml"))]
    for path in files:
        digest.update(str(path.name).encode() + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"-")
    return digest.hexdigest()


@functools.cache
def code_digest() -> str:
    """The digest of what every result and every page is also made by: dossier's own code and data,
    the Python running it (results are stored in pickle format) and the libraries installed beside
    it (a new Markdown parser or date formatter may make other pages)."""
    libraries = sysconfig.get_paths()
    return digest_of_code(Path(__file__).parent, sorted({libraries["purelib"], libraries["platlib"]}))


def digest_of_code(package: Path, libraries: list[str]) -> str:
    """`code_digest` of a package folder and the folders its libraries are installed in (each library
    by the name of its `.dist-info` folder, which holds its version)."""
    digest = hashlib.sha256(sys.version.encode())
    for path in [*sorted(package.glob("*.py")), *sorted((package / "data").glob("*.yaml"))]:
        digest.update(str(path.name).encode() + b"\0")
        digest.update(path.read_bytes())
    for folder in libraries:
        try:
            installed = sorted(name for name in os.listdir(folder) if name.endswith((".dist-info", ".egg-info")))
        except OSError:
            installed = []
        digest.update("\0".join(installed).encode() + b"\0")
    return digest.hexdigest()


def article_key(settings: str, relative: str, data: bytes, kept: str) -> str:
    """The digest of everything an article's result depends on: dossier, the settings, the file and
    its kept original."""
    digest = hashlib.sha256()
    for part in (f"{__version__}/{FORMAT}", settings, relative, kept):
        digest.update(part.encode() + b"\0")
    digest.update(data)
    return digest.hexdigest()
