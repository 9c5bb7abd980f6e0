"""Live preview: serve output/ with livereload, rebuild on source changes, reload the browser.

A thin seam around the build. `Rebuilder` watches the source folders itself (watchfiles: the
operating system's notifications, so rebuilds happen with no browser connected, and a burst of
changes is one rebuild), calls the build function it is given with the files changed, and survives
a failed build. An edited article is answered first with its own pages (preview.py), then the whole
site is brought up to date. livereload serves the files and speaks the reload protocol to the
browser. output/ and caches are never watched.
"""

from __future__ import annotations

import gc
import html
import mimetypes
import socket
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

import watchfiles
from rich.console import Console

from .console import report
from .model import Paths
from .write import MARKER, OutputError


class Rebuilder:
    """Waits for changed files (the operating system's notifications, through watchfiles) and calls
    `build` with the files changed, once per burst of changes."""

    def __init__(self, build: Callable[[set[Path]], bool], folders: list[Path], settle: float = 0.05,
                 timeout: float = 1.0):
        self.build = build
        self.folders = [folder.absolute() for folder in folders if folder.exists()]
        self.timeout = timeout
        # A burst ends when nothing more changed for `settle` seconds (the editor, or git, has finished).
        self.changes = watchfiles.watch(*self.folders, watch_filter=self.wanted, step=int(settle * 1000),
                                        rust_timeout=100, yield_on_timeout=True)
        self.pending = next(self.changes)  # watching starts now, not at the first poll

    def wanted(self, _change, path: str) -> bool:
        """Not hidden files or folders (editors' swap files, version control)."""
        for folder in self.folders:
            if folder == Path(path) or folder in Path(path).parents:
                return not any(part.startswith(".") for part in Path(path).relative_to(folder).parts)
        return False

    def poll(self) -> bool | None:
        """Rebuild if something changed (waiting up to `timeout` seconds); the build's result, or None."""
        changes, self.pending = self.pending, set()
        deadline = time.monotonic() + self.timeout
        while not changes and time.monotonic() < deadline:
            changes = next(self.changes)
        changed = {Path(path) for _, path in changes}
        return self.build(changed) if changed else None


class Worker:
    """Runs `job` in a thread of its own whenever asked; asked while it runs, it runs once more after."""

    def __init__(self, job: Callable[[], object], name: str):
        self.job = job
        self.wanted = threading.Event()
        threading.Thread(target=self.run, daemon=True, name=name).start()

    def request(self) -> None:
        self.wanted.set()

    def run(self) -> None:
        while True:
            self.wanted.wait()
            self.wanted.clear()
            try:
                self.job()
            except Exception:  # a bug in dossier: say so, and keep the preview alive for the next change
                traceback.print_exc()


class PreviewApp:
    """The preview's WSGI app: files from output/ only, and while the last rebuild failed, its problems
    shown over every page (livereload adds its reload script to what this returns)."""

    def __init__(self, output: Path, prefix: str = "/"):
        self.output = output
        self.prefix = prefix  # the path of the site's base_url: the preview serves the site there, as published
        self.failure: list[str] = []  # the last rebuild's problems, if it failed

    def __call__(self, environ, start_response):
        url_path = environ.get("PATH_INFO", "/")
        if self.prefix != "/" and (url_path == "/" or url_path + "/" == self.prefix):
            start_response("302 Found", [("Location", self.prefix), ("Content-Length", "0")])
            return [b""]
        inside = url_path.startswith(self.prefix)
        path = self.resolve("/" + url_path[len(self.prefix):]) if inside else None
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
    """Three threads besides the server's: one waits for changes and answers an edited article with its
    own pages at once; one rebuilds the site (asked again while it runs, it runs once more after); one
    makes the search index. No edit waits for a rebuild or for the search index."""
    from livereload import Server
    from livereload.handlers import LiveReloadHandler
    from tornado import ioloop

    from .language import keep_language_model, load_language_model

    if not _port_free(host, port):
        console.print(f"error: port {port} on {host} is busy; stop the other server or use --port N", markup=False)
        return 1
    keep_language_model()  # an edited article is read at once
    app = PreviewApp(paths.output, site_prefix(paths.content))
    server = Server(app=app)
    loop = ioloop.IOLoop.current()
    preview = Preview(paths, app, console, lambda: loop.add_callback(LiveReloadHandler.reload_waiters, "*"))
    result = preview.rebuild(warm=False)
    if not (result and result.ok) and not (paths.output / "index.html").exists():
        return 1
    preview.search.request()
    if result and result.unchanged:
        preview.site.request()  # to gather it, off the start
    load_language_model()  # now, not on the first edit
    # livereload watches the whole working folder (output/ included) unless told otherwise; our own
    # Rebuilder does the watching, so give livereload one path it must never act on.
    server.watch(str(paths.output / MARKER), delay="forever")
    rebuilder = Rebuilder(preview.changed, [paths.content, paths.templates, paths.site_src])

    def watch() -> None:
        while True:
            rebuilder.poll()

    threading.Thread(target=watch, daemon=True, name="dossier-watch").start()
    console.print(f"serving {paths.output} at http://{host}:{port}{app.prefix} (Ctrl+C to stop)", markup=False)
    server.serve(host=host, port=port, open_url_delay=None, restart_delay=0, debug=False)
    return 0


class Preview:
    """What the preview does when something changes: the edited article's pages at once
    (`changed`), the whole site after (`rebuild`, in its own thread), then the search index."""

    def __init__(self, paths: Paths, app: PreviewApp, console: Console, reload: Callable[[], None]):
        from .preview import FirstLook
        from .search import reindex_live

        self.paths, self.app, self.console, self.reload = paths, app, console, reload
        self.first = FirstLook(paths)
        self.shown_before: set[str] = set()  # warnings printed by an earlier build of this preview
        self.search = Worker(lambda: self.report(reindex_live(paths.output, self.first.lock)), "dossier-search")
        self.site = Worker(self.rebuild_and_reload, "dossier-rebuild")

    def report(self, problems) -> None:
        report(problems, self.console, self.shown_before)

    def rebuild(self, warm: bool = True):
        """Bring output/ up to date; with `warm`, an unchanged site is gathered too, for the first edit."""
        from .pipeline import build as gather_and_render, build_site

        self.first.starting()
        started = time.perf_counter()
        try:
            result = build_site(self.paths, search=False, hold=self.first.hold)
        except OutputError as exc:
            self.app.failure = [str(exc)]
            self.console.print(f"error: {exc}", markup=False)
            self.first.built(None, None)
            return None
        self.report(result.problems)
        self.app.prefix = site_prefix(self.paths.content)  # base_url may have been edited
        self.app.failure = [] if result.ok else [str(p) for p in result.problems if p.severity == "error"]
        if result.ok:
            self.console.print(f"{'rebuilt' if warm else 'built'} in {time.perf_counter() - started:.2f} s",
                               markup=False)
        else:
            self.console.print("rebuild failed; the previous site is still served. Fix the errors above.",
                               markup=False)
        if result.unchanged and warm:  # nothing was gathered: do it now (it writes nothing)
            result = gather_and_render(self.paths, previous=result.outputs)
        self.first.built(result.corpus, result.catalogue)
        # The corpus stays in memory until the next rebuild: keep Python's cycle collector from walking
        # its millions of objects again and again (it made the first answer to an edit take seconds).
        gc.freeze()
        return result

    def rebuild_and_reload(self) -> None:
        result = self.rebuild()
        self.reload()  # after a failed rebuild too: the page shows why
        if result and result.ok and result.made:
            self.search.request()

    def changed(self, files: set[Path]) -> bool:
        """Files changed: the edited article's pages now, then the rest of the site."""
        started = time.perf_counter()
        try:
            if not self.app.failure and (pages := self.first.pages(files)):  # the edited article at once
                self.first.write(pages)
                self.reload()
                self.console.print(f"{', '.join(sorted(pages))} updated in {time.perf_counter() - started:.2f} s; "
                                   "rebuilding the rest", markup=False)
        except Exception:  # a bug in dossier: the rebuild still answers
            traceback.print_exc()
        self.site.request()
        return True


def site_prefix(content: Path) -> str:
    """The path of the site's `base_url` ("/dossier/" for https://example.org/dossier/), "/" if none."""
    from urllib.parse import urlsplit

    from .config import load_site_config

    site, _ = load_site_config(content)
    path = urlsplit(site.base_url or "").path or "/"
    return path if path.endswith("/") else path + "/"


def _port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True
