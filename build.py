#!/usr/bin/env python3
"""dossier's command line: `python build.py --help`. The code lives in the `dossier` package."""

from pathlib import Path

from dossier.cli import run

if __name__ == "__main__":
    run(project=Path(__file__).resolve().parent)
