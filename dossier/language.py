"""Which language an article is written in, when nobody said: py3langid on the start of its text.

Only a confident answer is used; otherwise the site's configured language stands.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

MIN_CHARACTERS = 80  # shorter texts are too little to tell
MIN_PROBABILITY = 0.9


@lru_cache(maxsize=1)
def _identifier():
    import py3langid
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_modelpath(Path(py3langid.__file__).parent / MODEL_FILE, norm_probs=True)


def detect_language(text: str, fallback: str) -> str:
    """The language code of `text` (e.g. "ru"), or `fallback` when unsure."""
    sample = text[:2000]
    if sum(c.isalpha() for c in sample) < MIN_CHARACTERS:
        return fallback
    language, probability = _identifier().classify(sample)
    return language if probability >= MIN_PROBABILITY else fallback
