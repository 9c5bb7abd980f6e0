"""Where each thing lives on the site, relative to its root. One place, so links and files agree."""

from __future__ import annotations

from slugify import slugify

from .model import KIND_PLURALS, Entity


def article_url(slug: str) -> str:
    return f"articles/{slug}/"


def entity_url(entity: Entity) -> str:
    return f"{KIND_PLURALS[entity.kind]}/{entity.id}/"


def tag_url(tag: str) -> str:
    return f"tags/{tag_key(tag)}/"


def tag_key(tag: str) -> str:
    return safe_slug(slugify(tag) or "tag")


# File names Windows reserves: a folder called `con` cannot be copied to a Windows machine.
RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def safe_slug(slug: str) -> str:
    """A slug that is also a safe folder name everywhere."""
    return f"{slug}-page" if slug in RESERVED else slug
