"""Edit-to-updated-page time of the live preview (`python -m bench.preview [CONTENT] [--edits N]`).

Copies the content folder (the demo by default) to a temporary place, starts `build.py serve` on a
free port, then edits one article N times and measures, for each edit, the time until the page
served carries the change (the browser is told to reload at that moment), and the time until the
whole site is up to date (the rebuild that follows has written the output folder's marker).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", nargs="?", type=Path, default=PROJECT / "content")
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--wait", type=int, default=120, help="seconds to wait for the first build (default 120)")
    parser.add_argument("--log", type=Path, help="write the server's messages to this file")
    parser.add_argument("--overlap", action="store_true",
                        help="edit again after --gap seconds without waiting for the site to be up to date, "
                             "so that edits arrive while a rebuild runs")
    parser.add_argument("--gap", type=float, default=0.5,
                        help="seconds between edits, for the search index to catch up (default 0.5)")
    args = parser.parse_args()
    times, whole = run(args.content, args.edits, args.gap, args.overlap, args.wait, args.log)
    print(f"{args.edits} edits: median {statistics.median(times) * 1000:.0f} ms, "
          f"worst {max(times) * 1000:.0f} ms from saving the article to the page served with the change"
          + (f"; the whole site up to date after a median {statistics.median(whole):.2f} s" if whole else ""))
    print("each edit (ms):", " ".join(f"{t * 1000:.0f}" for t in times))


def run(source: Path, edits: int, gap: float = 0.5, overlap: bool = False, wait: int = 120,
        log_file: Path | None = None) -> tuple[list[float], list[float]]:
    """`serve` on a copy of `source`, edited `edits` times: the seconds until each edit is served, and
    (unless `overlap`) until the whole site is up to date after it."""
    with tempfile.TemporaryDirectory() as folder, open(log_file or os.devnull, "w") as log:
        content = Path(folder) / "content"
        shutil.copytree(source, content)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = subprocess.Popen([sys.executable, str(PROJECT / "build.py"), "serve", "--content", str(content),
                                   "--output", str(Path(folder) / "output"), "--port", str(port)],
                                  stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            return measure(content, port, edits, wait, gap, None if overlap else Path(folder) / "output")
        finally:
            os.killpg(server.pid, signal.SIGTERM)  # the server and its search indexer (Pagefind)
            server.wait()


def _base(content: Path) -> str:
    """Where the preview serves the site: the path of its base_url."""
    from dossier.serve import site_prefix

    return site_prefix(content)


def measure(content: Path, port: int, edits: int, wait: int = 120, gap: float = 0.5,
            output: Path | None = None) -> tuple[list[float], list[float]]:
    article = sorted((content / "articles").iterdir())[0]
    deadline = time.time() + wait
    while time.time() < deadline:  # wait for the first build
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{_base(content)}data/articles.json")
            break
        except OSError:
            time.sleep(0.2)
    import json

    records = json.loads(urllib.request.urlopen(f"http://127.0.0.1:{port}{_base(content)}data/articles.json").read())
    slug = next(r["slug"] for r in records if r["source_path"] == article.name)  # the edited article's page
    url = f"http://127.0.0.1:{port}{_base(content)}articles/{slug}/"
    time.sleep(1.0)
    times, whole = [], []
    for number in range(edits):
        marker = f"Benchmarkedit{number}"
        text = article.read_text(encoding="utf-8")
        built = _marker(output) if output else None
        started = time.perf_counter()
        article.write_text(text.rstrip("\n") + f"\n\n{marker} is a new paragraph.\n", encoding="utf-8")
        while marker not in urllib.request.urlopen(url).read().decode():
            time.sleep(0.005)
        times.append(time.perf_counter() - started)
        if output:
            while _marker(output) in (built, "build: \n"):  # unchanged, or being written
                time.sleep(0.05)
            whole.append(time.perf_counter() - started)
        time.sleep(gap)
    return times, whole


def _marker(output: Path) -> str:
    """The build id line of the output folder's marker (empty while an update is being written)."""
    try:
        return next(line for line in (output / ".dossier-output").read_text().splitlines(keepends=True)
                    if line.startswith("build: "))
    except (OSError, StopIteration):
        return ""


if __name__ == "__main__":
    main()
