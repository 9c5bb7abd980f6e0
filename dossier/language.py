"""Which language an article is written in, when nobody said: py3langid on its paragraphs.

Only a confident answer is used; otherwise the site's configured language stands.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

MIN_CHARACTERS = 80  # shorter texts are too little to tell
MIN_PROBABILITY = 0.9
SAMPLE = 600  # characters read: enough to tell, and the cost grows with it
_LETTERS = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=1)
def load_language_model():
    """py3langid, choosing among the languages whose dates dossier can read (dateparser's): its 142
    include regional varieties (Aragonese, Extremaduran beside Spanish) that took enough of the
    probability from a short Spanish article for it to go undetected."""
    import numpy
    import py3langid
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from .dates import known_languages

    identifier = LanguageIdentifier.from_modelpath(Path(py3langid.__file__).parent / MODEL_FILE, norm_probs=True)
    identifier.set_languages([code for code in identifier.nb_classes
                              if code == "en" or known_languages((code,)) != ("en",)])
    # Its table of feature scores is then a slice of the whole (float16, a column per language), so a
    # feature's scores lie in 103 places ~200 KB apart; it casts the rows it reads to float32 to add
    # them up. Held whole, row by row, in float32: the same sums, four times faster.
    identifier.nb_ptc = numpy.ascontiguousarray(identifier.nb_ptc, dtype=numpy.float32)
    return identifier


_KEPT = False  # see keep_language_model


def keep_language_model() -> None:
    """Keep the model, once loaded, for the life of this process: the preview reads an edited article
    at once, and loading it takes about a second."""
    global _KEPT
    _KEPT = True


def release_language_model() -> None:
    """Let the model go once the articles are read, unless it is kept: it is large, and the pages are
    made afterwards by processes forked from this one, each of which would hold it. Asked for again,
    it is loaded again."""
    if not _KEPT:
        load_language_model.cache_clear()


def detect_language(text: str, fallback: str) -> str:
    """The language code of `text` (e.g. "ru"), or `fallback` when unsure: read from its long lines
    (its paragraphs, not the menus of a whole page pasted), or from its start when it has none."""
    sample = "\n".join(line for line in text[:20 * SAMPLE].splitlines() if len(line) >= 80)[:SAMPLE]
    if len(_LETTERS.findall(sample)) < MIN_CHARACTERS:
        sample = text[:SAMPLE]
    if len(_LETTERS.findall(sample)) < MIN_CHARACTERS:
        return fallback
    language, probability = load_language_model().classify(sample)
    return language if probability >= MIN_PROBABILITY else fallback
