"""Where each article's analysis waits between stages: packed (pickled, then LZ4-compressed) into
one bytes object, kept on a `Shelf` (a temporary file) and read back by its span where it is
unpacked; `Parts`, the spans of many packed values, for a child process made aside. The only I/O of
the data the pipeline passes along, kept apart from the records (model.py)."""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import threading
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import lz4.block

if TYPE_CHECKING:  # the records it reads (model.py holds them, and reads nothing)
    from .model import Analysis, Article, Block, Chronology, ChronologyEntry, Mention, Quote


def pack(value) -> bytes:
    """A value as one compressed bytes object: a few kilobytes instead of the thousands of small objects
    an article's analysis is made of, held for the whole build (and, in the forked workers, copied page
    by page as they are touched). Compressed by LZ4: zlib's fastest level took six times as long, for
    an output a third smaller."""
    return lz4.block.compress(pickle.dumps(value, pickle.HIGHEST_PROTOCOL))


def unpack(data: bytes | Shelved):
    """What `pack` was given. Made by this process or its cache, never read from content."""
    return pickle.loads(lz4.block.decompress(raw(data)))


def raw(data: bytes | Shelved) -> bytes:
    """Packed bytes, read from the shelf if they are kept there."""
    return data.read() if isinstance(data, Shelved) else data


@dataclass(frozen=True, slots=True)
class Shelved:
    """Packed bytes kept on a shelf (`Shelf`), read back when asked for. Pickled as the bytes it holds."""

    shelf: Shelf
    start: int
    end: int

    def read(self) -> bytes:
        return self.shelf.read(self.start, self.end)

    def __bool__(self) -> bool:
        return self.end > self.start

    def __reduce__(self):
        return bytes, (self.read(),)

    def __repr__(self) -> str:  # what it holds, not the whole shelf
        return f"Shelved({hashlib.blake2b(self.read(), digest_size=12).hexdigest()})"


class Shelf:
    """Packed bytes kept in one file, read back where they are unpacked: an article's body and analysis
    are read once or twice in a build and held by none of its processes meanwhile (in memory, as one
    buffer, they were a quarter of a large build's peak). The file is a temporary one (in `TMPDIR`,
    deleted when the shelf is let go), or the article cache's own (cache.py), whose records point into
    it. Forked processes read it, and a child made aside may fill it, through the same descriptor at
    given offsets (no shared position); what a child added is found through the spans it hands back
    (this process's `size` does not see it)."""

    def __init__(self, file=None):
        """A shelf in a new temporary file, or in `file` (opened for reading and writing), added to at
        its end."""
        self.file = file if file is not None else tempfile.TemporaryFile(prefix="dossier-shelf-")
        self.fd = self.file.fileno()
        self.size = 0
        self.lock = threading.Lock()  # where the system reads and writes only at the file's position
        self.find_end()

    def find_end(self) -> int:
        """Where the file ends now (another process may have added to a file kept between builds)."""
        self.size = os.fstat(self.fd).st_size
        return self.size

    def add(self, data: bytes | Shelved) -> Shelved:
        data = raw(data)
        start = self.size
        if _POSITIONED:
            view = memoryview(data)
            while view:
                written = os.pwrite(self.fd, view, self.size)
                self.size += written
                view = view[written:]
        else:
            with self.lock:
                self.file.seek(start)
                self.file.write(data)
                self.file.flush()
                self.size += len(data)
        return Shelved(self, start, self.size)

    def put_packed(self, value) -> tuple[int, int]:
        """`value` packed and added; where it is (what a child made aside hands back: its `Shelved`
        would be pickled as the bytes it holds)."""
        shelved = self.add(pack(value))
        return shelved.start, shelved.end

    def read(self, start: int, end: int) -> bytes:
        if _POSITIONED:
            return os.pread(self.fd, end - start, start)
        with self.lock:
            self.file.seek(start)
            return self.file.read(end - start)

    def put(self, record, names: tuple[str, ...]):
        """The same record, its packed fields `names` on this shelf (written at once)."""
        values = [raw(getattr(record, name)) for name in names]
        shelved, start = {}, self.add(b"".join(values)).start
        for name, value in zip(names, values):
            shelved[name] = Shelved(self, start, start + len(value))
            start += len(value)
        return replace(record, **shelved)


_POSITIONED = hasattr(os, "pread") and hasattr(os, "pwrite")  # not on Windows


class Parts:
    """Packed values (one packed part of each article, say), read by number in a child process made
    aside, with a name for each: the child reads no object of the build process for them. Reading an
    object writes its reference count, so the child gets its own copy of the page holding it: reading
    every article's analysis for one of its packed parts, each such child copied a good part of the
    build process's memory. Here the spans are three numbers each in one flat array
    (which shelf, start, end) and the names one string."""

    def __init__(self, values: Iterable[bytes | Shelved], names: Iterable[str] = ()):
        self.shelves: list[Shelf] = []  # one or two
        self.spans = array("q")
        self.loose: dict[int, bytes] = {}  # values not on a shelf (tests), by number
        for number, value in enumerate(values):
            if isinstance(value, Shelved):
                if value.shelf not in self.shelves:
                    self.shelves.append(value.shelf)
                self.spans.extend((self.shelves.index(value.shelf), value.start, value.end))
            else:
                self.spans.extend((-1, 0, 0))
                if value:
                    self.loose[number] = value
        self._names = "\0".join(names)

    def __len__(self) -> int:
        return len(self.spans) // 3

    def unpacked(self, number: int, empty=()):
        """Value `number`, unpacked (`empty` if it is empty)."""
        shelf, start, end = self.spans[3 * number:3 * number + 3]
        packed = self.shelves[shelf].read(start, end) if shelf >= 0 else self.loose.get(number, b"")
        return unpack(packed) if packed else empty

    def names(self) -> list[str]:
        return self._names.split("\0") if self._names else []


# What the records hold packed, read: each unpacked where it is used, never held by the records.

def body(article: Article) -> str:
    """An article's body: as normalise made it, or as packed once its analysis is done."""
    return article.body if isinstance(article.body, str) else unpack(article.body)


def text(analysis: Analysis) -> tuple[tuple[Block, ...], tuple[Mention, ...]]:
    """An article's blocks, and the mentions of registered names in them (in order)."""
    return unpack(analysis.packed_text)


def named(analysis: Analysis) -> tuple[tuple[str, int], ...]:
    """The entities an article names and how often, most first (catalogue.named_entities)."""
    return unpack(analysis.packed_named) if analysis.packed_named else ()


def quotes(analysis: Analysis) -> tuple[Quote, ...]:
    """An article's direct quotations, in order, with their speakers."""
    return unpack(analysis.packed_quotes)


def sentences(analysis: Analysis) -> dict[str, tuple[str, ...]]:
    """For each entity an article names, the first (up to three) distinct sentences that name it."""
    return unpack(analysis.packed_sentences) if analysis.packed_sentences else {}


def entries(chronology: Chronology, part: str) -> tuple[ChronologyEntry, ...]:
    """The entries of one part of the chronology (a year's, or a month's), in time order."""
    return unpack(chronology.parts[part]) if part in chronology.parts else ()


def every_entry(chronology: Chronology) -> Iterator[ChronologyEntry]:
    """Every entry of the chronology, in time order, a part at a time."""
    for part in chronology.parts.values():
        yield from unpack(part)


def timeline(chronology: Chronology, entity: str) -> tuple[tuple[ChronologyEntry, ...], int]:
    """The first of the dated mentions that involve `entity`, in time order, and how many there are."""
    return unpack(chronology.timelines[entity]) if entity in chronology.timelines else ((), 0)
