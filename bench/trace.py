"""Memory of a command's process tree over time: where a build's peak is, and which process holds it.

    python -m bench.trace -- python build.py build --content bench/.work/10000/content --no-cache --no-search

Every `--every` seconds (default 0.5), the PSS of each process of the tree (as `bench.run` measures
the peak: a page shared by several processes is counted once in the sum). Prints the peak, with each
process's share (the build first, then its children in the order they were started), and one line
per `--lines`-th of the run.
"""

from __future__ import annotations

import argparse
import subprocess
import time

from bench.run import _pss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=float, default=0.5, help="seconds between samples")
    parser.add_argument("--lines", type=int, default=40, help="how many samples to print")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="the command, after --")
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give the command to trace after --")
    import psutil

    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    root, samples = psutil.Process(process.pid), []
    while process.poll() is None:
        try:
            shares = [round(_pss(p) / 2**20) for p in [root, *root.children(recursive=True)]]
        except psutil.Error:  # a process ended while it was read
            continue
        samples.append((time.perf_counter() - started, sum(shares), shares))
        time.sleep(args.every)
    if not samples:
        raise SystemExit(f"{command[0]} ended before it could be measured (exit {process.returncode})")
    at, peak, shares = max(samples, key=lambda sample: sample[1])
    print(f"exit {process.returncode} after {time.perf_counter() - started:.1f} s; "
          f"peak {peak} MiB at {at:.1f} s, by process: {shares}")
    for at, total, shares in samples[::max(1, len(samples) // args.lines)]:
        print(f"{at:7.1f} s {total:6} MiB  {shares}")


if __name__ == "__main__":
    main()
