"""Pieces of regular expressions shared by the stages that read words from tables."""

from __future__ import annotations

import re


def alternatives(words) -> str:
    """One alternation of `words`, escaped, longest first (so "sept." is tried before "sep") and in a
    fixed order; empty words are left out, since an empty alternative would match anywhere."""
    return "|".join(sorted({re.escape(w) for w in words if w}, key=lambda w: (-len(w), w)))
