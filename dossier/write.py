"""Write the site: a new one into a temporary folder beside the output, then swapped into place; an
update (only some files changed) in place, file by file.

Nobody sees a half-built new site, and a killed build leaves the previous one whole (its leftovers
are cleared by the next build); each file of an update is replaced atomically, and a killed update
leaves a marker that makes the next build write the whole site. The output folder's marker file also
records which build wrote it; a folder without it that is not empty is never replaced (it was not
ours). A lock beside it keeps two builds from writing at once. Knows nothing about articles: it
writes bytes to paths.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

MARKER = ".dossier-output"


class OutputError(Exception):
    """The output folder cannot be written as asked; the message says why and what to do."""


def check_output_folder(output: Path, protected: list[Path]) -> None:
    """Refuse to write over a folder dossier did not create, or into the sources."""
    resolved = output.resolve()
    for folder in protected:
        folder = folder.resolve()
        if resolved == folder or folder in resolved.parents or resolved in folder.parents:
            raise OutputError(f"{output}: the output folder must not be, contain or lie inside {folder}; "
                              "choose another --output")
    if output.exists() and (not output.is_dir() or (any(output.iterdir()) and not (output / MARKER).exists())):
        raise OutputError(f"{output}: exists and was not made by dossier (no {MARKER} file); "
                          "move it away or choose another --output")


@contextmanager
def output_lock(output: Path):
    """Held while a build writes `output`; a second build at the same time is refused, not interleaved."""
    output = output.absolute()
    output.parent.mkdir(parents=True, exist_ok=True)
    with open(output.parent / f".{output.name}.lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputError(f"{output}: another dossier build is writing it right now; wait for it to finish "
                              "and try again") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _clear_leftovers(output: Path) -> None:
    """The folders a killed build left beside the output (a staged site, a retired one, a spool)."""
    for kind in ("new", "old", "spool"):
        for leftover in output.parent.glob(f".{output.name}.{kind}-*"):
            shutil.rmtree(leftover, ignore_errors=True)


class Staging:
    """A new output folder filled beside the old one, file by file as pages are made (so they need not
    all be held in memory), then swapped in whole; removed if the build does not finish. Use it
    holding `output_lock(output)`."""

    def __init__(self, output: Path):
        self.output = output.absolute()
        self.output.parent.mkdir(parents=True, exist_ok=True)
        _clear_leftovers(self.output)
        self.folder = Path(tempfile.mkdtemp(prefix=f".{self.output.name}.new-", dir=self.output.parent))
        self.folder.chmod(0o755)  # mkdtemp makes it private; a web server running as another user must read it

    def write(self, relative: str, data: bytes | Iterable[bytes] | Spooled) -> None:
        """One file, whole or in pieces (written as they are made)."""
        target = self.folder / safe_relative(relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, Spooled):
            os.replace(data.path, target)
        elif isinstance(data, bytes):
            target.write_bytes(data)
        else:
            with open(target, "wb") as handle:
                handle.writelines(data)

    def commit(self, build_id: str, finish: Callable[[Path], None] | None = None) -> None:
        """Swap the staged folder in; `finish` may add to it first (the search index does). The marker
        file records `build_id`, the digest of what was written."""
        _mark(self.folder, build_id)
        if finish:
            finish(self.folder)
        _swap(self.folder, self.output)

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


@dataclass(frozen=True)
class Spooled:
    """A file made for an update, waiting in a spool (`Spool`) to be moved into place."""

    path: Path


class Spool:
    """A folder beside the output where an update's large files (the data exports) are written as
    they are made, in pieces, instead of being held in memory until the update is written; each is
    then moved into place. Removed when the build is done (or, if it was killed, by the next). Use
    it holding `output_lock(output)`."""

    def __init__(self, output: Path):
        output = output.absolute()
        output.parent.mkdir(parents=True, exist_ok=True)
        _clear_leftovers(output)
        self.folder = Path(tempfile.mkdtemp(prefix=f".{output.name}.spool-", dir=output.parent))

    def write(self, data: Iterable[bytes]) -> Spooled:
        handle, path = tempfile.mkstemp(dir=self.folder)
        with os.fdopen(handle, "wb") as stream:
            stream.writelines(data)
        return Spooled(Path(path))

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def write_site(files: dict[str, bytes], output: Path, finish: Callable[[Path], None] | None = None,
               build_id: str = "") -> None:
    """Replace `output` with exactly `files` (paths relative to it), atomically as far as the OS allows.
    Call it holding `output_lock(output)`."""
    staging = Staging(output)
    try:
        for relative, data in sorted(files.items()):
            staging.write(relative, data)
        staging.commit(build_id, finish)
    finally:
        staging.discard()  # nothing left to remove once swapped in


def update_site(files: dict[str, bytes], stale: set[str], output: Path, build_id: str) -> None:
    """Bring `output` up to date in place: write the changed `files` (each atomically), delete the `stale`
    ones, then record `build_id`. A build killed half-way leaves a marker that no longer matches the
    files, so the next build writes the whole site again. Call it holding `output_lock(output)`."""
    if not files and not stale and built_id(output) == build_id:
        return  # nothing changed: not even the marker is touched
    _mark(output, "")  # in progress
    for relative, data in sorted(files.items()):
        replace_file(output, relative, data)
    for relative in sorted(stale):
        target = output / safe_relative(relative)
        target.unlink(missing_ok=True)
        for folder in target.parents:
            if folder == output or any(folder.iterdir()):
                break
            folder.rmdir()
    _mark(output, build_id)


def update_first(files: dict[str, bytes], output: Path) -> None:
    """Write some of an update's files ahead of the rest (each atomically); the folder is marked as
    being updated until `update_site` finishes. Call it holding `output_lock(output)`."""
    if files:
        _mark(output, "")  # in progress
    for relative, data in sorted(files.items()):
        replace_file(output, relative, data)


def replace_file(output: Path, relative: str, data: bytes | Spooled) -> None:
    """One file of `output` replaced atomically. Call it holding `output_lock(output)`."""
    write_file(output / safe_relative(relative), data)


def built_id(output: Path) -> str:
    """The build id recorded in the output folder's marker ("" if none)."""
    try:
        lines = (output / MARKER).read_text().splitlines()
    except OSError:
        return ""
    return next((line.removeprefix("build: ") for line in lines if line.startswith("build: ")), "")


def _mark(folder: Path, build_id: str) -> None:
    write_file(folder / MARKER, ("This folder is generated by dossier; it is replaced on every build.\n"
                               f"build: {build_id}\n").encode())


def write_file(target: Path, data: bytes | Spooled) -> None:
    """`target` replaced by `data` at once: written beside it (or moved from the spool), then put in
    place, so a reader finds the old file or the new one, whole."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, Spooled):
        os.chmod(data.path, 0o644)
        try:
            os.replace(data.path, target)
            return
        except OSError as exc:  # the spool is on another file system (the output folder is a mount point)
            if exc.errno != errno.EXDEV:
                raise
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            if isinstance(data, Spooled):
                with open(data.path, "rb") as spooled:
                    shutil.copyfileobj(spooled, stream, 1 << 20)
            else:
                stream.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _swap(staging: Path, output: Path) -> None:
    if not output.exists():
        os.replace(staging, output)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{output.name}.old-", dir=output.parent))
    os.replace(output, retired / "site")
    os.replace(staging, output)
    shutil.rmtree(retired, ignore_errors=True)


def safe_relative(relative: str) -> PurePosixPath:
    """A path that stays inside the output folder, or an error naming it."""
    path = PurePosixPath(relative.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or not path.parts or any(p in ("", ".") for p in path.parts):
        raise OutputError(f"refusing to write {relative!r}: it would leave the output folder")
    return path
