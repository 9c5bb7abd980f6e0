"""Run a per-item function on every core, for the stages that handle one article or page at a time.

Workers are forked, so the shared read-only context (settings, registry, automaton, the gathered
corpus) is inherited rather than pickled; only items and results cross between processes. Small
jobs run in this process: starting workers costs more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence

MIN_ITEMS = 300  # below this, one process is faster
_JOB: tuple[Callable, object, Sequence, object] | None = None  # function, context, chunks, next chunk to take


def _run(_) -> tuple[int, list] | None:
    """A worker's turn: the next chunk nobody has taken, with its index; None once all are taken."""
    function, context, chunks, taken = _JOB
    index = _take(taken, len(chunks))
    return None if index is None else (index, [function(context, item) for item in chunks[index]])


def _take(taken, total: int) -> int | None:
    with taken.get_lock():
        index = taken.value
        if index >= total:
            return None
        taken.value = index + 1
    return index


def workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def each_item(function: Callable, context, items: Sequence, chunksize: int = 16,
              first: Callable[[], None] | None = None, min_items: int = MIN_ITEMS) -> Iterator:
    """function(context, item) for each item, in order, as the results come (they are not all held at
    once); spread over the cores when worth it. Closing the iterator early stops the workers.

    This process works beside the workers rather than waiting for them, so one process fewer is
    forked; it first calls `first` (work of its own, which then overlaps theirs). Chunks are taken as
    each process becomes free, so one that had more to do (`first`, handling the results) does fewer.
    (Working here saves no memory, measured: CPython writes a reference count into every object it
    reads, and a page either process writes after the fork is copied.) Fewer than `min_items` items
    are done here alone."""
    count = workers()
    if len(items) < min_items or count < 2 or "fork" not in multiprocessing.get_all_start_methods():
        if first:
            first()
        yield from (function(context, item) for item in items)
        return
    global _JOB
    fork = multiprocessing.get_context("fork")
    chunks = [items[start:start + chunksize] for start in range(0, len(items), chunksize)]
    taken = fork.Value("q", 0)
    _JOB = (function, context, chunks, taken)
    try:
        with fork.Pool(count - 1) as pool:
            theirs = pool.imap_unordered(_run, range(len(chunks)))  # a turn per chunk; the extra ones find none
            if first:
                first()
            done: dict[int, list] = {}  # chunks made, not yet handed on
            for index in range(len(chunks)):
                while index not in done:
                    try:  # the workers' results so far, without waiting
                        while True:
                            _add(done, theirs.next(timeout=0))
                    except (multiprocessing.TimeoutError, StopIteration):  # none ready; all were
                        pass
                    if index in done:
                        break
                    mine = _take(taken, len(chunks))
                    if mine is None:  # all taken: this one is a worker's, still being made
                        _add(done, theirs.next())
                    else:
                        done[mine] = [function(context, item) for item in chunks[mine]]
                yield from done.pop(index)
    finally:
        _JOB = None


def _add(done: dict[int, list], result: tuple[int, list] | None) -> None:
    if result is not None:
        done[result[0]] = result[1]


def aside(function: Callable, *args):
    """function(*args) in a forked child process, its result pickled back; in this process where
    fork is unavailable. For a step that makes many objects only to throw them away (the chronology
    unpacks every entry to sort them): made in this process, the memory they took is seldom given back
    to the system, and the render workers forked later would share it. The child inherits `args`;
    only the result crosses."""
    return Aside(function, *args).result()


class Aside:
    """`aside` started: the child works while this process goes on (another one beside it takes the
    other core); `result()` waits for it."""

    def __init__(self, function: Callable, *args):
        self.function, self.args, self.pool = function, args, None
        if "fork" in multiprocessing.get_all_start_methods():
            global _ASIDE
            _ASIDE = (function, args)
            try:  # the child has its job once forked
                self.pool = multiprocessing.get_context("fork").Pool(1)
            finally:
                _ASIDE = None
            self.pending = self.pool.apply_async(_run_aside)

    def result(self):
        if self.pool is None:  # no fork here: made now, in this process
            return self.function(*self.args)
        try:
            return self.pending.get()
        finally:
            self.pool.terminate()


_ASIDE: tuple[Callable, tuple] | None = None


def _run_aside():
    function, args = _ASIDE
    return function(*args)
