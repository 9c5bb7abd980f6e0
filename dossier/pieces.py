"""Large files made of keyed pieces, and the pieces of the files the last build wrote, read back.

The data exports are a record for each article and the chronology's entries a month at a time. A
piece's key is the digest of everything its bytes are made from, so a build that changed a few
articles copies every other piece from the file as the last build wrote it instead of making it
again, and the file comes out as a build from nothing would make it. Knows nothing about what the
pieces say: it joins bytes.
"""

from __future__ import annotations

import mmap
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

Piece = tuple[str, Callable[[], bytes]]  # its key, and how to make its bytes if the last build's are not at hand


@dataclass(frozen=True)
class Layout:
    """How a file was joined: `head`, the non-empty pieces with `between` them, then `tail` (`empty`
    instead when there is no piece); each piece's key and length, in order."""

    head: bytes
    between: bytes
    tail: bytes
    empty: bytes
    keys: tuple[str, ...] = ()
    lengths: tuple[int, ...] = ()

    def size(self) -> int:
        if not any(self.lengths):
            return len(self.empty)
        written = [length for length in self.lengths if length]
        return len(self.head) + sum(written) + len(self.between) * (len(written) - 1) + len(self.tail)

    def spans(self) -> dict[str, tuple[int, int]]:
        """Each non-empty piece's key → where its bytes are in the file (a piece without a key is
        made again every time)."""
        spans, at = {}, len(self.head)
        for key, length in zip(self.keys, self.lengths):
            if length:
                if key:
                    spans[key] = (at, at + length)
                at += length + len(self.between)
        return spans


class Earlier:
    """The files the last build wrote into the output folder, with how each was joined: where the
    pieces a build can copy are. Only for an output folder still as that build left it (the caller
    checks its marker); a file whose size is not its layout's is not read from."""

    def __init__(self, folder: Path, layouts: dict[str, Layout]):
        self.folder, self.layouts = folder, layouts

    def same(self, name: str, layout: Layout, keys: list[str]) -> bool:
        """Whether file `name`, joined as `layout` of pieces of these `keys` (every one keyed), would be
        as the last build wrote it: the same pieces in the same order, and the file still their size."""
        earlier = self._joined_as(name, layout)
        if earlier is None or earlier.keys != tuple(keys) or not all(keys):
            return False
        try:
            return os.stat(self.folder / name).st_size == earlier.size()
        except OSError:
            return False

    def _joined_as(self, name: str, layout: Layout) -> Layout | None:
        """How file `name` was joined, if with what `layout` joins with (its head, separator, tail and
        empty form)."""
        earlier = self.layouts.get(name)
        same_form = earlier is not None and (earlier.head, earlier.between, earlier.tail, earlier.empty) == \
            (layout.head, layout.between, layout.tail, layout.empty)
        return earlier if same_form else None

    def file(self, name: str, layout: Layout) -> EarlierFile | None:
        """File `name` as the last build wrote it, if it was joined as `layout` is."""
        earlier = self._joined_as(name, layout)
        if earlier is None:
            return None
        try:
            with open(self.folder / name, "rb") as handle:
                if os.fstat(handle.fileno()).st_size != earlier.size() or not earlier.size():
                    return None
                data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            return None
        return EarlierFile(memoryview(data), earlier.spans())


@dataclass(frozen=True)
class EarlierFile:
    """A file the last build wrote (its bytes, mapped) and where each of its pieces is, by key."""

    data: memoryview
    spans: dict[str, tuple[int, int]]


def joined(pieces: Iterable[Piece], layout: Layout, earlier: EarlierFile | None = None,
           made: dict[str, Layout] | None = None, name: str = "") -> Iterator[bytes | memoryview]:
    """The file's bytes, in pieces as they are made, or copied from `earlier` by key (pieces that
    follow each other there, and what is between them, as one); once all are given, how it was
    joined is put in `made` under `name`."""
    spans = earlier.spans if earlier else {}
    keys, lengths = [], []
    started, run = False, None  # run: the span of `earlier` to copy next, as long as pieces follow there
    for key, make in pieces:
        span = spans.get(key) if key else None
        data = b"" if span else make()
        if span and run and span[0] == run[1] + len(layout.between):
            run = (run[0], span[1])
        elif span or data:
            if run:
                yield earlier.data[run[0]:run[1]]
                run = None
            yield layout.between if started else layout.head
            if span:
                run = span
            else:
                yield data
            started = True
        keys.append(key)
        lengths.append(span[1] - span[0] if span else len(data))
    if run:
        yield earlier.data[run[0]:run[1]]
    yield layout.tail if started else layout.empty
    if made is not None:
        made[name] = Layout(layout.head, layout.between, layout.tail, layout.empty, tuple(keys), tuple(lengths))
