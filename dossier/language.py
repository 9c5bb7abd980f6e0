"""Which language an article is written in, when nobody said: py3langid on its paragraphs.

Only a confident answer is used; otherwise the site's configured language stands.
"""

from __future__ import annotations

import mmap
import os
import pickle
import re
from array import array
from pathlib import Path

from .write import write_file

MIN_CHARACTERS = 80  # shorter texts are too little to tell
MIN_PROBABILITY = 0.9
SAMPLE = 600  # characters read: enough to tell, and the cost grows with it
_LETTERS = re.compile(r"[^\W\d_]")


def load_language_model(kept_in: Path | None = None):
    """py3langid, choosing among the languages whose dates dossier can read (dateparser's): its 142
    include regional varieties (Aragonese, Extremaduran beside Spanish) that took enough of the
    probability from a short Spanish article for it to go undetected. Loaded once, until released.
    `kept_in`: a folder (the content's `.cache/`) where a copy of the model as chosen is kept
    between builds (`_keep_copy`), its table of scores mapped from the file rather than read."""
    if not _LOADED:
        _LOADED.append((_read_copy(kept_in) if kept_in else None) or _unpacked(kept_in))
    return _LOADED[0]


_LOADED: list = []  # the model, once loaded
COPY = "language-model.bin"
_MAGIC = b"dossier-language-model-2\n"
_ALIGN = 64  # where each large table starts in the copy: a multiple of this


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
        _keep_copy(kept_in / COPY, identifier, every)
    return identifier


def _keep_copy(path: Path, identifier, every: list[str]) -> None:
    """The model as chosen, in one file: a header (which model file, the languages, the small tables),
    then its two large tables as they are held (the tokenizer's moves, the scores in float32 row by
    row), which a build maps instead of reading: an article touches few of their pages."""
    moves, scores = identifier.tk_nextmove, identifier.nb_ptc
    header = pickle.dumps((_stamp(), every, identifier.nb_classes, identifier.nb_pc, identifier.tk_output,
                           identifier.tk_row, moves.typecode, len(moves), scores.shape), pickle.HIGHEST_PROTOCOL)
    parts = [_MAGIC, len(header).to_bytes(8, "little"), header]
    for table in (moves.tobytes(), scores.tobytes()):
        parts += [bytes(_aligned(sum(map(len, parts))) - sum(map(len, parts))), table]
    (path.parent / "language-model.lz4").unlink(missing_ok=True)  # its earlier form (compressed, read whole)
    write_file(path, b"".join(parts))


def _aligned(offset: int) -> int:
    return -(-offset // _ALIGN) * _ALIGN


def _read_copy(folder: Path):
    """The model as `_keep_copy` kept it in `folder`, if it was made from the same model file for the
    same choice of languages and is whole; its large tables mapped from the file."""
    import numpy
    from py3langid.langid import LanguageIdentifier

    try:
        with open(folder / COPY, "rb") as file:
            if file.read(len(_MAGIC)) != _MAGIC:
                return None
            header = file.read(int.from_bytes(file.read(8), "little"))
            stamp, every, chosen, pc, output, row, typecode, moves, shape = pickle.loads(header)
            if stamp != _stamp() or chosen != _chosen(every):
                return None
            mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        moves_at, moves_size = _aligned(len(_MAGIC) + 8 + len(header)), moves * array(typecode).itemsize
        scores_at = _aligned(moves_at + moves_size)
        if len(mapped) != scores_at + shape[0] * shape[1] * 4:  # cut short
            return None
        nextmove = memoryview(mapped)[moves_at:moves_at + moves_size].cast(typecode)
        scores = numpy.frombuffer(mapped, numpy.float32, shape[0] * shape[1], scores_at).reshape(shape)
    except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):  # not what `_keep_copy` writes
        return None
    return LanguageIdentifier(scores, pc, chosen, nextmove, output, norm_probs=True, tk_row=row)


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
