"""Two checkouts of dossier timed on the same articles at the same moment: a no-change build, the
benchmark's edit (a paragraph added to the first article) and an edit in place (that paragraph
changed), each from the command line with `.cache/` kept, taking turns round by round so the
machine's drift falls on both; with the CPU seconds of each build (its processes' user and system
time), which drift less than the clock's.

    python -m bench.compare OTHER_CHECKOUT [--content DIR] [--rounds 4]

OTHER_CHECKOUT: a clone at another commit (`git worktree add /tmp/old <commit>`); both are run with
this Python. Each gets its own copy of the content (default: bench/.work/10000/content, made by
`bench.run`) in a temporary folder, built cold once before the rounds. Prints each build's seconds.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
EDITS = {"edit": "An added sentence for the benchmark.", "in place": "An added sentence for the benchmark, changed."}


def build(checkout: Path, root: Path) -> tuple[float, float]:
    """A command-line build's seconds, on the clock and of CPU (its processes' user and system time:
    less moved by what else the machine runs)."""
    started, used = time.perf_counter(), _children_cpu()
    run = subprocess.run([sys.executable, str(checkout / "build.py"), "build", "--content", str(root / "content"),
                          "--output", str(root / "output"), "--no-search"], cwd=checkout, capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"{checkout}: the build failed:\n{run.stderr[-2000:]}")
    return time.perf_counter() - started, _children_cpu() - used


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def one_round(checkout: Path, root: Path, times: dict[str, list[float]]) -> None:
    article = min((root / "content" / "articles").iterdir())
    original = article.read_text(encoding="utf-8")
    def timed(name: str) -> None:
        seconds, cpu = build(checkout, root)
        times.setdefault(name, []).append(seconds)
        times.setdefault(f"{name}, CPU", []).append(cpu)
    try:
        timed("no change")
        for name, sentence in EDITS.items():
            article.write_text(original.replace("\n\n", f"\n\n{sentence}\n\n", 1), encoding="utf-8")
            timed(name)
    finally:
        article.write_text(original, encoding="utf-8")
    build(checkout, root)  # back to where the next round starts


def compare(checkouts: list[Path], content: Path, rounds: int) -> dict[str, dict[str, list[float]]]:
    with tempfile.TemporaryDirectory(prefix="dossier-compare-") as work:
        roots = [Path(work) / str(n) for n in range(len(checkouts))]
        for checkout, root in zip(checkouts, roots):
            shutil.copytree(content, root / "content")
            build(checkout, root)  # cold
        times: dict[str, dict[str, list[float]]] = {str(c): {} for c in checkouts}
        for number in range(rounds):
            turns = list(zip(checkouts, roots))
            for checkout, root in (turns if number % 2 == 0 else turns[::-1]):
                one_round(checkout, root, times[str(checkout)])
        return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("other", type=Path, help="another checkout of dossier")
    parser.add_argument("--content", type=Path, default=PROJECT / "bench" / ".work" / "10000" / "content")
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args(argv)
    if not (args.other / "build.py").is_file() or not args.content.is_dir():
        parser.error("OTHER_CHECKOUT needs a build.py, and --content a folder (run `python -m bench.run` first)")
    for checkout, times in compare([args.other.resolve(), PROJECT], args.content, args.rounds).items():
        print(checkout)
        for name, seconds in times.items():
            print(f"  {name}: " + " ".join(f"{s:.2f}" for s in seconds) + " s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
