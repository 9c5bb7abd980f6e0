"""`normalise --write`: the one command that changes content/, and it keeps every original.

An article `x.txt` (or `.html`) becomes `x.md` with full front matter; the collected file moves to
`content/originals/x.txt`, where the build still finds and publishes it. A `.md` is rewritten in
place, its first version kept the same way. Writing is atomic and idempotent: a file whose
normalised form is already what it holds is left alone. Fields an editor wrote stay, because front
matter always wins in normalisation.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .frontmatter import to_markdown
from .model import Article
from .scan import article_stem, kept_originals


class EditError(Exception):
    """The file cannot be rewritten safely; the message says why and what to do."""


def write_normalised(path: Path, article: Article, content: Path) -> bool:
    """Write `article` as Markdown beside `path`; True if anything changed."""
    articles = (content / "articles").resolve()
    path = path.resolve()
    if articles not in path.parents:
        raise EditError(f"{path}: only files under {articles} can be rewritten")
    text = to_markdown(article)
    target = path.with_suffix(".md")
    if target != path and target.exists():
        raise EditError(f"{path}: {target.name} already exists beside it; rename one of them first")
    if target == path and path.read_text(encoding="utf-8-sig") == text:
        return False
    relative = path.relative_to(articles).as_posix()
    if article_stem(relative) not in kept_originals(content):  # only the first version is the original
        original = content / "originals" / relative
        original.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, original)
    _atomic_write(target, text)
    if target != path:
        path.unlink()
    return True


def _atomic_write(target: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
