"""How problems reach the terminal: each on its own line as `path:line: severity: message`, errors
first, then a count. Used by the command line and the preview."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from rich.console import Console

from .model import Problem


def shown_path(path: str) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    absolute = Path(path)
    if absolute.is_absolute() and Path.cwd() in absolute.parents:
        return absolute.relative_to(Path.cwd()).as_posix()
    return path


def report(problems: list[Problem], console: Console, shown_before: set[str] | None = None) -> None:
    """Each problem on its own line, errors first, then a one-line count. With `shown_before` (the
    preview's rebuilds), a warning already shown is counted, not printed again; errors always are."""
    ordered = sorted(problems, key=lambda p: (p.severity != "error", p.path, p.line or 0))
    repeated = 0
    for problem in ordered:
        line = str(replace(problem, path=shown_path(problem.path)))
        if shown_before is not None and problem.severity != "error" and line in shown_before:
            repeated += 1
            continue
        if shown_before is not None:
            shown_before.add(line)
        console.print(line, style="red" if problem.severity == "error" else "yellow", markup=False)
    errors = sum(1 for p in problems if p.severity == "error")
    if problems:
        again = f" ({repeated} as before)" if repeated else ""
        console.print(f"{errors} error(s), {len(problems) - errors} warning(s){again}", markup=False)
