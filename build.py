#!/usr/bin/env python3
"""dossier's command line: `python build.py --help`. The code lives in the `dossier` package."""

import sys
from pathlib import Path

from dossier.cli import main

if __name__ == "__main__":
    sys.exit(main(project=Path(__file__).resolve().parent))
