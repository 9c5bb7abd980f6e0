"""What a build reads: the article files under content/, each one's key, and one digest of all inputs.

Cheap on purpose (a walk, a stat per file, a hash per changed file, no heavy imports): a build starts
here to tell whether anything changed since the last one, and stops here when nothing did.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, replace
from pathlib import Path

from .cache import article_key, keep, kept, settings_key
from .incremental import LastBuild, Manifest, file_stamp, input_key
from .model import Paths, Problem
from .write import built_id

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")  # readers.READERS has a reader for each
PICTURE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif")


@dataclass(frozen=True)
class Scan:
    """The article files of a content folder and each one's key (the digest of everything its result
    depends on, see cache.py), found once per build."""

    settings: str
    files: list[Path]
    keys: list[str]
    problems: list[Problem]
    stamps: list[str]  # each file's `file_stamp` when its key was taken
    inputs: str = ""  # the digest of everything a build reads, once taken (`last_build`)

    def edited_since(self, keys: set[str]) -> set[str]:
        """Those of `keys` whose file changed after it was scanned (an editor saved it during the build)."""
        return {key for path, key, stamp in zip(self.files, self.keys, self.stamps)
                if key in keys and file_stamp(str(path)) != stamp}


# Appended to the key of a file edited while a build read it: the result is of newer bytes than the key
# says, so it is not cached and its pages match no digest; the next build reads the file again.
EDITED = "+edited"


def scan(content: Path, remembered: bool = True) -> Scan:
    """The article files and their keys; `remembered`: taking the keys the last build took for files
    of the same stamp (size, times, inode; else every file is read and hashed)."""
    problems: list[Problem] = []
    settings = settings_key(content)
    files = article_files(content / "articles", problems)
    stamps = [file_stamp(str(path)) for path in files]
    return Scan(settings, files, article_keys(content, files, stamps, settings, remembered), problems, stamps)


def last_build(paths: Paths, manifest: Manifest | None,
               scanned: Scan | None = None) -> tuple[LastBuild | None, Scan, str]:
    """The last build into the output folder (if the folder is as it left it), what a build would read
    now (scanned unless given), and the digest of it (compared with the last build's; only with a
    manifest)."""
    last = manifest.load(paths.output, built_id(paths.output)) if manifest else None
    scanned = scanned or scan(paths.content, remembered=manifest is not None)
    if manifest and not scanned.inputs:
        scanned = replace(scanned, inputs=inputs(paths, scanned))
    return last, scanned, scanned.inputs if manifest else ""


def up_to_date(paths: Paths, search: bool) -> tuple[LastBuild | None, Scan]:
    """The last build, if nothing it read changed since (and it made the search index, if `search`);
    and the scan, for the build that follows if something did."""
    manifest = Manifest(paths.content.parent / ".cache")
    try:
        last, scanned, digest = last_build(paths, manifest)
    finally:
        manifest.close()
    return (last if last and last.answers(digest, search) else None), scanned


def inputs(paths: Paths, scanned: Scan) -> str:
    """The digest of everything a build reads (see incremental.input_key)."""
    return input_key(scanned.settings, scanned.keys, [paths.templates, paths.site_src, paths.content],
                     frozenset(map(str, scanned.files)))  # the content folder whole: pictures may be anywhere in it


def article_files(folder: Path, problems: list[Problem]) -> list[Path]:
    """The articles under `folder`, in path order; hidden files, pictures and saved pages' own files
    are left out, other files and links leading out of content/ are reported."""
    if not folder.is_dir():
        problems.append(Problem(str(folder), "no articles folder; create it and put .txt, .md or .html files in it"))
        return []
    found: list[tuple[tuple[str, ...], bool]] = []
    _walk(str(folder), (), found)
    files = []
    root = folder.resolve()
    for parts, link in sorted(found):
        path = Path(os.path.join(folder, *parts))
        if link and root not in path.resolve().parents:
            problems.append(Problem(str(path), "is a link to a file outside content/; copy the file in instead",
                                    severity="error"))
            continue
        in_saved_page_folder = any(part.endswith("_files") for part in parts[:-1])
        suffix = os.path.splitext(parts[-1])[1].lower()
        if suffix in PICTURE_SUFFIXES or in_saved_page_folder:
            continue  # a picture, or a saved page's own files: published when an article refers to them
        if suffix not in ARTICLE_SUFFIXES:
            problems.append(Problem(str(path), f"skipped: dossier reads {', '.join(sorted(ARTICLE_SUFFIXES))} files"))
            continue
        files.append(path)
    return files


def _walk(folder: str, parts: tuple[str, ...], found: list[tuple[tuple[str, ...], bool]]) -> None:
    """Every file under `folder` but hidden ones, as its path's parts and whether it is a link, into
    `found`; folders that are links are not entered (as `os.walk` does)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if not entry.is_dir():
            found.append(((*parts, entry.name), entry.is_symlink()))
        elif not entry.is_symlink():
            _walk(entry.path, (*parts, entry.name), found)


def article_keys(content: Path, files: list[Path], stamps: list[str], settings: str,
                 remembered: bool = True) -> list[str]:
    """Each file's key; taken again only when the file's stamp changed: remembered for the life
    of the process (in `serve`, a rebuild reads only the files that changed) and, if `remembered`,
    from the last build (in `.cache/`; only for files left alone for a while before it, whose time
    tells every edit since)."""
    folder = content / "articles"
    originals = kept_originals(content)
    earlier = (kept(content.parent / ".cache" / "keys.pickle") or {}) if remembered else {}
    settled = time.time_ns() - SETTLED_NS
    keys, learned = [], {}
    inside = len(str(folder)) + 1
    for path, stamp in zip(files, stamps):
        relative = str(path)[inside:].replace(os.sep, "/")
        original = str(originals.get(article_stem(relative)) or "")
        original_stamp = file_stamp(original) if original else ""
        seen = (settings, str(path), stamp, original, original_stamp)
        if seen not in _KEYS_SEEN:
            if len(_KEYS_SEEN) > 1_000_000:
                _KEYS_SEEN.clear()
            _KEYS_SEEN[seen] = earlier.get(seen) or article_key(settings, relative, _bytes_of(path),
                                                                _original_key(original))
        keys.append(_KEYS_SEEN[seen])
        if all(s != "missing" and int(s.split(":")[2]) < settled for s in (stamp, original_stamp) if s):  # change times
            learned[seen] = keys[-1]
    if remembered and learned != earlier:
        keep(content.parent / ".cache" / "keys.pickle", learned)
    return keys


_KEYS_SEEN: dict[tuple, str] = {}
# A file changed this recently may change again within the same tick of its clock, size and time alike:
# its key is not remembered between builds.
SETTLED_NS = 2_000_000_000


def _original_key(original: str) -> str:
    """What an article's result takes from its kept original (published beside it): its path and bytes."""
    return f"{original}:{hashlib.blake2b(_bytes_of(Path(original))).hexdigest()}" if original else ""


def _bytes_of(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""  # the reader reports it


def kept_originals(content: Path) -> dict[str, Path]:
    """Every kept original (`normalise --write` keeps the file as first collected in content/originals/),
    by the path of its article without extension; the first by name if there are several."""
    root = content / "originals"
    found: dict[str, Path] = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = Path(folder, name)
            stem = path.relative_to(root).with_suffix("").as_posix()
            if stem not in found or str(path) < str(found[stem]):
                found[stem] = path
    return found


def article_stem(relative: str) -> str:
    """An article's path without its extension: how its kept original is found."""
    folder, _, name = relative.rpartition("/")
    dot = name.rfind(".")
    stem = name[:dot] if 0 < dot < len(name) - 1 else name  # as pathlib's suffix: "f." and ".x" have none
    return f"{folder}/{stem}" if folder else stem
