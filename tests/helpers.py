"""Small builders shared by the tests: registries and articles made in code, not read from disk."""

from pathlib import Path

from dossier.markdown import body_blocks
from dossier.model import Article, Entity, PartialDate, Role
from dossier.write import MARKER

PROJECT = Path(__file__).resolve().parent.parent
TEMPLATES = PROJECT / "templates"


def tree(folder: Path) -> dict[str, bytes]:
    """Every file a build wrote into `folder` but its marker, by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != MARKER}


def person(name, *aliases, description="", roles=()):
    from slugify import slugify

    return Entity(slugify(name), name, "person", tuple(aliases), description,
                  tuple(Role(*r) for r in roles))


def entity(name, kind, *aliases, **dates):
    from slugify import slugify

    return Entity(slugify(name), name, kind, tuple(aliases), **dates)


def article(body, date=None, slug="a"):
    precision = {10: "day", 7: "month", 4: "year"}
    return Article("a.md", slug, "Title", body, date=PartialDate(date, precision[len(date)]) if date else None)


def blocks_of(text):
    return body_blocks(text)
