"""Reads fixture files: cases of `title`, `.`, input, `.`, expected, `.` (markdown-it-py's format).

A line holding only `.` separates the parts, so inputs cannot contain such a line. Each case becomes
a pytest param whose id carries the file name and the line of the title.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass(frozen=True)
class Case:
    title: str
    input: str
    expected: str
    line: int


def read_cases(path: Path) -> list[Case]:
    lines = path.read_text(encoding="utf-8").split("\n")
    cases, i = [], 0
    while i < len(lines):
        if not lines[i].strip() or lines[i].startswith("//"):
            i += 1
            continue
        title, title_line = lines[i], i + 1
        if lines[i + 1] != ".":
            raise ValueError(f"{path}:{i + 2}: expected '.' after the case title")
        parts, i = [], i + 2
        for _ in range(2):
            start = i
            while lines[i] != ".":
                i += 1
            parts.append("\n".join(lines[start:i]))
            i += 1
        cases.append(Case(title, parts[0], parts[1], title_line))
    return cases


def parametrize_fixtures(folder: Path, pattern: str = "*"):
    params = [pytest.param(path.name, case, id=f"{path.name}:{case.line}")
              for path in sorted(folder.glob(pattern)) for case in read_cases(path)]
    return pytest.mark.parametrize(("fixture", "case"), params)
