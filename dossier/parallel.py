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
_JOB: tuple[Callable, object] | None = None


def _run(chunk: Sequence) -> list:
    function, context = _JOB
    return [function(context, item) for item in chunk]


def workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def each_item(function: Callable, context, items: Sequence, chunksize: int = 16) -> Iterator:
    """function(context, item) for each item, in order, as the results come (they are not all held at
    once); spread over the cores when worth it. Closing the iterator early stops the workers.

    This process takes its turn with the workers (every `count`-th chunk) rather than waiting for
    them, so one process fewer is forked. (It saves no memory, measured: CPython writes a reference
    count into every object it reads, and a page either process writes after the fork is copied.)"""
    count = workers()
    if len(items) < MIN_ITEMS or count < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield from (function(context, item) for item in items)
        return
    global _JOB
    _JOB = (function, context)
    chunks = [items[start:start + chunksize] for start in range(0, len(items), chunksize)]
    try:
        with multiprocessing.get_context("fork").Pool(count - 1) as pool:
            theirs = pool.imap(_run, (chunk for i, chunk in enumerate(chunks) if i % count))
            for i, chunk in enumerate(chunks):
                yield from (function(context, item) for item in chunk) if i % count == 0 else next(theirs)
    finally:
        _JOB = None


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
