"""Live preview: serve output/ with livereload, rebuild on source changes, reload the browser.

A thin seam around the build. `Rebuilder` watches the source folders itself (so rebuilds happen with
no browser connected, and a burst of changes is one rebuild), calls the build function it is given,
and survives a failed build. livereload serves the files and speaks the reload protocol to the
browser. output/ and caches are never watched.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path

from rich.console import Console

from .model import Paths
from .write import MARKER


class Rebuilder:
    """Polls folders for changed files and calls `build` once per burst of changes."""

    def __init__(self, build: Callable[[], bool], folders: list[Path], settle: float = 0.15):
        self.build = build
        self.folders = folders
        self.settle = settle  # a change must be this old (seconds) before rebuilding: bursts become one
        self.seen = self.snapshot()

    def snapshot(self) -> dict[str, tuple[int, int]]:
        state = {}
        for folder in self.folders:
            if folder.is_file():
                state[str(folder)] = _stamp(folder)
                continue
            for path in folder.rglob("*") if folder.is_dir() else ():
                if path.is_file() and not any(part.startswith(".") for part in path.relative_to(folder).parts):
                    state[str(path)] = _stamp(path)
        return state

    def poll(self) -> bool | None:
        """Rebuild if something changed and then stayed still; the build's result, or None if idle."""
        current = self.snapshot()
        if current == self.seen:
            return None
        while True:  # wait until the editor (or git) has finished writing
            time.sleep(self.settle)
            settled = self.snapshot()
            if settled == current:
                break
            current = settled
        self.seen = current
        return self.build()


def _stamp(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except OSError:  # deleted between listing and stat
        return (0, -1)
    return (stat.st_mtime_ns, stat.st_size)


def serve(paths: Paths, host: str, port: int, console: Console) -> int:
    from livereload import Server
    from livereload.handlers import LiveReloadHandler
    from tornado import ioloop

    from .cli import report
    from .pipeline import build_site

    if not _port_free(host, port):
        console.print(f"error: port {port} on {host} is busy; stop the other server or use --port N", markup=False)
        return 1

    def build() -> bool:
        started = time.perf_counter()
        result = build_site(paths)
        report(result.problems, console)
        if result.ok:
            console.print(f"rebuilt in {time.perf_counter() - started:.2f} s", markup=False)
        else:
            console.print("rebuild failed; the previous site is still served. Fix the errors above.", markup=False)
        return result.ok

    build()
    server = Server()
    # livereload watches the whole working folder (output/ included) unless told otherwise; our own
    # Rebuilder does the watching, so give livereload one path it must never act on.
    server.watch(str(paths.output / MARKER), delay="forever")
    loop = ioloop.IOLoop.current()
    rebuilder = Rebuilder(build, [paths.content, paths.templates, paths.site_src])

    def watch() -> None:
        while True:
            if rebuilder.poll():
                loop.add_callback(LiveReloadHandler.reload_waiters, "*")
            time.sleep(0.1)

    threading.Thread(target=watch, daemon=True, name="dossier-watch").start()
    console.print(f"serving {paths.output} at http://{host}:{port}/ (Ctrl+C to stop)", markup=False)
    server.serve(host=host, port=port, root=str(paths.output), open_url_delay=None, restart_delay=0)
    return 0


def _port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True
