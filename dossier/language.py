"""Which language an article is written in, when nobody said: py3langid on its paragraphs.

Only a confident answer is used; otherwise the site's configured language stands.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from .cache import keep, kept

MIN_CHARACTERS = 80  # shorter texts are too little to tell
MIN_PROBABILITY = 0.9
SAMPLE = 600  # characters read: enough to tell, and the cost grows with it
_LETTERS = re.compile(r"[^\W\d_]")


def load_language_model(kept_in: Path | None = None):
    """py3langid, choosing among the languages whose dates dossier can read (dateparser's): its 142
    include regional varieties (Aragonese, Extremaduran beside Spanish) that took enough of the
    probability from a short Spanish article for it to go undetected. Loaded once, until released.
    `kept_in`: a folder (the content's `.cache/`) where a copy of the model as chosen is kept
    between builds: read back in half the time py3langid's own file takes to unpack."""
    if not _LOADED:
        _LOADED.append((_read_copy(kept_in) if kept_in else None) or _unpacked(kept_in))
    return _LOADED[0]


_LOADED: list = []  # the model, once loaded
COPY = "language-model.lz4"


def _unpacked(kept_in: Path | None):
    import numpy
    from py3langid.langid import LanguageIdentifier

    identifier = LanguageIdentifier.from_modelpath(_model_file(), norm_probs=True)
    every = list(identifier.nb_classes)
    identifier.set_languages(_chosen(every))
    # Its table of feature scores is then a slice of the whole (float16, a column per language), so a
    # feature's scores lie in 103 places ~200 KB apart; it casts the rows it reads to float32 to add
    # them up. Held whole, row by row, in float32: the same sums, four times faster.
    identifier.nb_ptc = numpy.ascontiguousarray(identifier.nb_ptc, dtype=numpy.float32)
    if kept_in:
        copy = (_stamp(), every, identifier.nb_classes, identifier.nb_ptc.astype(numpy.float16), identifier.nb_pc,
                identifier.tk_nextmove, identifier.tk_output, identifier.tk_row)  # float16: as py3langid has it
        keep(kept_in / COPY, copy, compressed=True)
    return identifier


def _read_copy(folder: Path):
    """The model as `_unpacked` kept it in `folder`, if it was made from the same model file for the
    same choice of languages."""
    import numpy
    from py3langid.langid import LanguageIdentifier

    try:
        stamp, every, chosen, ptc, pc, nextmove, output, row = kept(folder / COPY, compressed=True)
    except (TypeError, ValueError):  # none, or not what `_unpacked` keeps: made again
        return None
    if stamp != _stamp() or chosen != _chosen(every):
        return None
    return LanguageIdentifier(numpy.ascontiguousarray(ptc, dtype=numpy.float32), pc, chosen, nextmove, output,
                              norm_probs=True, tk_row=row)


def _model_file() -> Path:
    import py3langid
    from py3langid.langid import MODEL_FILE

    return Path(py3langid.__file__).parent / MODEL_FILE


def _stamp() -> str:
    """Which model file, as installed."""
    from importlib.metadata import version

    status = os.stat(_model_file())
    return f"{version('py3langid')}:{status.st_size}:{status.st_mtime_ns}"


def _chosen(codes: list[str]) -> list[str]:
    from .dates import known_languages

    return [code for code in codes if code == "en" or known_languages((code,)) != ("en",)]


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
        _LOADED.clear()


def language_model_loaded() -> bool:
    return bool(_LOADED)


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
