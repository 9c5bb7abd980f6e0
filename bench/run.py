"""`make bench`: dossier beside Hugo on the same synthetic articles, with time, CPU and memory.

For each size (1,000 and 10,000 articles; 100,000 with --large) it generates the corpus once
(deterministic), then alternates cold builds of dossier and Hugo (A B A B ...) so machine drift
cancels, and reports each pair's ratio and the median, with and without dossier's search index (Hugo
makes none; the target leaves it out). It also times dossier's stages (from
`build --timings`), a rebuild with nothing changed and a rebuild after editing one article, and
edits in the preview (`serve`: from saving an article to its page served with the change). Results
go to bench/results/ as JSON and Markdown, and are printed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench import preview
from bench.corpus import write_corpus

BENCH = Path(__file__).resolve().parent
PROJECT = BENCH.parent
WORK = BENCH / ".work"
RESULTS = BENCH / "results"


def corpus(size: int) -> Path:
    folder = WORK / str(size)
    stamp = folder / ".complete"
    if not stamp.exists():
        shutil.rmtree(folder, ignore_errors=True)
        write_corpus(folder, size)
        for name in ("hugo.toml", "layouts"):
            source = BENCH / "hugo" / name
            (shutil.copytree if source.is_dir() else shutil.copy)(source, folder / "hugo" / name)
        stamp.write_text("ok\n")
    return folder


def measure(command: list[str], cwd: Path = PROJECT) -> dict:
    """Wall time, CPU time of the whole process tree, its peak memory, and stderr.

    Memory is the sum of each process's proportional set size (PSS): a page shared by the build and
    the workers it forked is counted once, not once per process as a sum of RSS would. The peak of the
    search indexer (Pagefind, a process of its own) is also reported apart.
    """
    import psutil

    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak, indexer = [0], [0]
    done = threading.Event()

    def sample() -> None:
        root = psutil.Process(process.pid)
        while not done.is_set():
            started = time.perf_counter()
            try:
                sizes = [(_pss(p), "pagefind" in " ".join(p.cmdline())) for p in [root, *root.children(recursive=True)]]
                peak[0] = max(peak[0], sum(size for size, _ in sizes))
                indexer[0] = max(indexer[0], sum(size for size, searching in sizes if searching))
            except psutil.Error:
                pass
            # Reading a process's PSS walks its page tables (~0.1 s for 8 GiB): at most a tenth of a core.
            done.wait(max(0.25, 9 * (time.perf_counter() - started)))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    sampler.join()
    wall = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{stderr[-3000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_mib": peak[0] / 2**20,
            "search_peak_mib": indexer[0] / 2**20, "stderr": stderr}


def _pss(process) -> int:
    """A process's proportional set size (its RSS where it cannot be read)."""
    import psutil

    try:
        return process.memory_full_info().pss
    except (psutil.AccessDenied, AttributeError):
        return process.memory_info().rss


def dossier_build(folder: Path, output: Path, cold: bool = True, search: bool = True) -> dict:
    result = measure([sys.executable, str(PROJECT / "build.py"), "build", "--content", str(folder / "content"),
                      "--output", str(output), "--timings", *(["--no-cache"] if cold else []),
                      *([] if search else ["--no-search"])])
    result["stages"] = {m.group(1): float(m.group(2))
                        for m in re.finditer(r"^  (.+): ([\d.]+) s$", result.pop("stderr"), re.MULTILINE)}
    return result


def hugo_build(folder: Path, output: Path) -> dict:
    hugo = shutil.which("hugo", path=str(Path(sys.executable).parent)) or shutil.which("hugo")
    shutil.rmtree(output, ignore_errors=True)
    result = measure([hugo, "--source", str(folder / "hugo"), "--destination", str(output), "--quiet"])
    result.pop("stderr")
    return result


def run_size(size: int, pairs: int, edits: int = 5) -> dict:
    folder = corpus(size)
    out_dossier, out_hugo = folder / "out-dossier", folder / "out-hugo"
    shutil.rmtree(out_dossier, ignore_errors=True)
    dossier_runs, hugo_runs = [], []
    for _ in range(pairs):  # A B A B: drift hits both alike
        shutil.rmtree(out_dossier, ignore_errors=True)
        dossier_runs.append(dossier_build(folder, out_dossier))
        hugo_runs.append(hugo_build(folder, out_hugo))
    ratios = [d["wall"] / h["wall"] for d, h in zip(dossier_runs, hugo_runs)]
    # The target's ratio leaves the search index out (Hugo makes none): its time is taken off.
    unsearched = [d["wall"] - d["stages"].get("search index", 0.0) for d in dossier_runs]
    ratios_unsearched = [u / h["wall"] for u, h in zip(unsearched, hugo_runs)]
    # The editing loop: pages on disk, the search index made after (as `serve` does), so not timed here.
    dossier_build(folder, out_dossier, cold=False, search=False)  # fills the caches
    no_change = dossier_build(folder, out_dossier, cold=False, search=False)
    edited = folder / "content" / "articles" / "000000.txt"
    original = edited.read_text(encoding="utf-8")
    edited.write_text(original.replace("\n\n", "\n\nAn added sentence for the benchmark.\n\n", 1), encoding="utf-8")
    try:
        one_edit = dossier_build(folder, out_dossier, cold=False, search=False)
    finally:
        edited.write_text(original, encoding="utf-8")
    # The preview: `serve` on a copy (its first build is a cold one), the same article edited `edits`
    # times, each 3 s after the site caught up with the one before.
    served, whole = preview.run(folder / "content", edits, gap=3.0, wait=1800) if edits else ([], [])
    best = min(dossier_runs, key=lambda r: r["wall"])
    return {
        "articles": size,
        "dossier_wall": [round(r["wall"], 2) for r in dossier_runs],
        "hugo_wall": [round(r["wall"], 2) for r in hugo_runs],
        "ratios": [round(r, 2) for r in ratios],
        "median_ratio": round(statistics.median(ratios), 2),
        "dossier_wall_without_search": [round(u, 2) for u in unsearched],
        "median_ratio_without_search": round(statistics.median(ratios_unsearched), 2),
        "dossier_cpu": round(best["cpu"], 2),
        "dossier_peak_mib": round(max(r["peak_mib"] for r in dossier_runs), 1),
        "dossier_search_peak_mib": round(max(r["search_peak_mib"] for r in dossier_runs), 1),
        "hugo_peak_mib": round(max(r["peak_mib"] for r in hugo_runs), 1),
        "stages": {k: round(v, 3) for k, v in best["stages"].items()},
        "no_change_rebuild": round(no_change["wall"], 2),
        "one_edit_rebuild": round(one_edit["wall"], 2),
        "one_edit_stages": {k: round(v, 3) for k, v in one_edit["stages"].items()},
        "preview_edits_ms": [round(s * 1000) for s in served],
        "preview_whole_site_s": [round(w, 2) for w in whole],
    }


def table(results: list[dict]) -> str:
    lines = ["| articles | dossier cold (s) | Hugo (s) | ratio (median) | without search (s) | its ratio (median) | "
             "dossier CPU (s) | dossier peak MiB (of which search) | no-change rebuild (s) | one-edit rebuild (s) |",
             "|" + " --- |" * 10]
    # Rebuilds: `build --no-search` with the caches of the build before (the search index is made
    # after the pages, off the edit path, as `serve` does).
    for r in results:
        lines.append(f"| {r['articles']:,} | {min(r['dossier_wall'])} | {min(r['hugo_wall'])} | {r['median_ratio']} | "
                     f"{min(r.get('dossier_wall_without_search', ['?']))} | "
                     f"{r.get('median_ratio_without_search', '?')} | "
                     f"{r['dossier_cpu']} | {r['dossier_peak_mib']} ({r.get('dossier_search_peak_mib', '?')}) | "
                     f"{r['no_change_rebuild']} | "
                     f"{r['one_edit_rebuild']} |")
    lines.append("")
    for r in results:
        stages = ", ".join(f"{name} {seconds} s" for name, seconds in r["stages"].items())
        lines.append(f"- {r['articles']:,} articles, stages of the fastest cold build: {stages}")
        edit = ", ".join(f"{name} {seconds} s" for name, seconds in r.get("one_edit_stages", {}).items())
        lines.append(f"- {r['articles']:,} articles, stages of the one-edit rebuild (no search index): {edit}")
        if r.get("preview_edits_ms"):
            served, whole = r["preview_edits_ms"], r["preview_whole_site_s"]
            lines.append(f"- {r['articles']:,} articles, an edit in the preview (`serve`), from saving the article to "
                         f"the page served with the change: median {statistics.median(served)} ms, worst {max(served)} "
                         f"ms ({' '.join(map(str, served))}); the whole site up to date after a median "
                         f"{statistics.median(whole)} s")
    return "\n".join(lines) + "\n"


def scaling(sizes: list[int]) -> tuple[list[dict], str]:
    """One cold build without the search index per size (Pagefind's cost is its own): time, CPU,
    memory and stages, each as a multiple of the first size's, to see how the cost grows."""
    runs = []
    for size in sizes:
        folder = corpus(size)
        shutil.rmtree(folder / "out-dossier", ignore_errors=True)
        run = dossier_build(folder, folder / "out-dossier", search=False)
        runs.append({"articles": size, "wall": round(run["wall"], 2), "cpu": round(run["cpu"], 2),
                     "peak_mib": round(run["peak_mib"], 1), "stages": {k: round(v, 3) for k, v in run["stages"].items()}})
        print(f"{size:,} articles: {runs[-1]}", flush=True)
    first = runs[0]
    lines = ["| articles | cold, no search (s) | × | CPU (s) | peak MiB | per-article stages (s) | × | render (s) | × |",
             "|" + " --- |" * 9]
    stage = "read, normalise, link, quotes, dated mentions"
    for r in runs:
        lines.append(f"| {r['articles']:,} | {r['wall']} | {r['wall'] / first['wall']:.1f} | {r['cpu']} | {r['peak_mib']} | "
                     f"{r['stages'][stage]} | {r['stages'][stage] / first['stages'][stage]:.1f} | "
                     f"{r['stages']['render']} | {r['stages']['render'] / first['stages']['render']:.1f} |")
    return runs, "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--large", action="store_true", help="also 100,000 articles")
    parser.add_argument("--pairs", type=int, default=2, help="dossier/Hugo pairs per size (default 2)")
    parser.add_argument("--edits", type=int, default=5, help="edits timed in the preview per size (0: none)")
    parser.add_argument("--scaling", action="store_true",
                        help="only one cold build without search per size, and how its cost grows (no Hugo)")
    args = parser.parse_args(argv)
    sizes = args.sizes + ([100_000] if args.large else [])
    stamp = time.strftime("%Y%m%d-%H%M%S")
    RESULTS.mkdir(exist_ok=True)
    if args.scaling:
        runs, text = scaling(sizes)
        (RESULTS / f"{stamp}-scaling.json").write_text(json.dumps(runs, indent=2) + "\n")
        (RESULTS / f"{stamp}-scaling.md").write_text(text)
        print(text)
        return 0
    results = []
    for size in sizes:
        print(f"{size:,} articles ...", flush=True)
        results.append(run_size(size, args.pairs, args.edits))
        print(table(results[-1:]), flush=True)
    (RESULTS / f"{stamp}.json").write_text(json.dumps(results, indent=2) + "\n")
    (RESULTS / f"{stamp}.md").write_text(table(results))
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
