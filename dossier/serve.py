"""Live preview: serve output/ with livereload, rebuild on source changes, reload the browser.

A thin seam around the build. `Rebuilder` watches the source folders itself (so rebuilds happen with
no browser connected, and a burst of changes is one rebuild), calls the build function it is given,
and survives a failed build. livereload serves the files and speaks the reload protocol to the
browser. output/ and caches are never watched.
"""

from __future__ import annotations

import html
import mimetypes
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from rich.console import Console

from .model import Paths
from .write import MARKER, OutputError


class Rebuilder:
    """Polls folders for changed files and calls `build` once per burst of changes."""

    def __init__(self, build: Callable[[], bool], folders: list[Path], settle: float = 0.05):
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


class PreviewApp:
    """The preview's WSGI app: files from output/ only, and while the last rebuild failed, its problems
    shown over every page (livereload adds its reload script to what this returns)."""

    def __init__(self, output: Path):
        self.output = output
        self.failure: list[str] = []  # the last rebuild's problems, if it failed

    def __call__(self, environ, start_response):
        path = self.resolve(environ.get("PATH_INFO", "/"))
        status = "200 OK"
        if path is None:
            path, status = self.output / "404.html", "404 Not Found"
        body = path.read_bytes() if path.is_file() else b"Not found"
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if kind == "text/html" and self.failure:
            body = body.replace(b"</body>", self.overlay() + b"</body>", 1)
        start_response(status, [("Content-Type", f"{kind}; charset=utf-8" if kind.startswith("text/") else kind),
                                ("Content-Length", str(len(body))), ("Cache-Control", "no-store")])
        return [body]

    def resolve(self, url_path: str) -> Path | None:
        """The file a URL names inside output/, or None: nothing outside it is ever served."""
        relative = PurePosixPath(unquote(url_path).lstrip("/"))
        if ".." in relative.parts or "\\" in str(relative):
            return None
        root = self.output.resolve()
        candidate = (root / relative).resolve()
        if candidate != root and root not in candidate.parents:
            return None
        if candidate.is_dir():
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None

    def overlay(self) -> bytes:
        lines = "".join(f"<li>{html.escape(line)}</li>" for line in self.failure[:50])
        return ('<div role="alert" style="position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;'
                'background:#5c0f0f;color:#fff;font:14px/1.4 monospace;padding:1rem;z-index:99999">'
                f"<strong>The last rebuild failed; this is the previous site.</strong><ul>{lines}</ul></div>").encode()


def serve(paths: Paths, host: str, port: int, console: Console) -> int:
    from livereload import Server
    from livereload.handlers import LiveReloadHandler
    from tornado import ioloop

    from .cli import report
    from .pipeline import build_site
    from .language import load_language_model
    from .search import reindex_live

    if not _port_free(host, port):
        console.print(f"error: port {port} on {host} is busy; stop the other server or use --port N", markup=False)
        return 1
    app = PreviewApp(paths.output)

    def build() -> bool:
        started = time.perf_counter()
        try:
            result = build_site(paths, search=False)  # search is indexed right after, off the edit path
        except OutputError as exc:
            app.failure = [str(exc)]
            console.print(f"error: {exc}", markup=False)
            return False
        report(result.problems, console)
        app.failure = [] if result.ok else [str(p) for p in result.problems if p.severity == "error"]
        if result.ok:
            console.print(f"rebuilt in {time.perf_counter() - started:.2f} s", markup=False)
        else:
            console.print("rebuild failed; the previous site is still served. Fix the errors above.", markup=False)
        return result.ok

    if not build() and not (paths.output / "index.html").exists():
        return 1
    report(reindex_live(paths.output), console)
    load_language_model()  # now, not on the first edit
    server = Server(app=app)
    # livereload watches the whole working folder (output/ included) unless told otherwise; our own
    # Rebuilder does the watching, so give livereload one path it must never act on.
    server.watch(str(paths.output / MARKER), delay="forever")
    loop = ioloop.IOLoop.current()
    rebuilder = Rebuilder(build, [paths.content, paths.templates, paths.site_src])

    def watch() -> None:
        while True:
            built = rebuilder.poll()
            if built is not None:  # after a failed rebuild too: the page shows why
                loop.add_callback(LiveReloadHandler.reload_waiters, "*")
            if built:  # search catches up after the reload, before the next rebuild can start
                report(reindex_live(paths.output), console)
            time.sleep(0.05)

    threading.Thread(target=watch, daemon=True, name="dossier-watch").start()
    console.print(f"serving {paths.output} at http://{host}:{port}/ (Ctrl+C to stop)", markup=False)
    server.serve(host=host, port=port, open_url_delay=None, restart_delay=0, debug=False)
    return 0


def _port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True
