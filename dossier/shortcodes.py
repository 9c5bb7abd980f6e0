"""Shortcodes in the editor's pages: a paragraph that is only `{{ name key=value … }}` stands for a
piece of the site's data, so a story can narrate with it.

    {{ chronology entity=vladimir-putin from=2020-09-27 to=2020-11-10 }}   an excerpt of the chronology
    {{ chronology from=2023-09 kind=event,publication limit=10 }}         (all keys optional)
    {{ article lavrov-visits-yerevan }}                                     an article's card

`entity` takes a registry id, name or alias; dates are YYYY, YYYY-MM or YYYY-MM-DD. A shortcode that
cannot be read is reported (the pipeline adds its file and line), and shown to readers as the text it is.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable
from dataclasses import dataclass

from .dates import bounds, parse_iso
from .model import Block, ChronologyEntry, PartialDate

_SHORTCODE = re.compile(r"^\{\{\s*([a-z]+)\b(.*?)\}\}$", re.DOTALL)
KINDS = ("event", "publication", "mention")
KEYS = {"chronology": {"entity", "from", "to", "kind", "limit"}, "article": {"slug"}}
DEFAULT_LIMIT = 50


@dataclass(frozen=True)
class Shortcode:
    name: str
    block: int  # the paragraph it replaces
    entity: str | None = None  # registry id
    start: PartialDate | None = None
    end: PartialDate | None = None
    kinds: tuple[str, ...] = KINDS
    limit: int = DEFAULT_LIMIT
    slug: str = ""  # for an article card


def shortcodes(blocks: tuple[Block, ...], forms: dict[str, str],
               slugs: set[str]) -> tuple[list[Shortcode], list[tuple[str, str]]]:
    """The readable shortcodes of a page's paragraphs, and (its text, what is wrong) for each one that is not."""
    found, errors = [], []
    for block in blocks:
        match = _SHORTCODE.match(block.text.strip()) if block.kind == "paragraph" else None
        if match:
            code, error = _read(match.group(1), match.group(2), block.index, forms, slugs)
            if code:
                found.append(code)
            else:
                errors.append((block.text.strip(), error))
    return found, errors


def _read(name: str, text: str, block: int, forms: dict[str, str], slugs: set[str]) -> tuple[Shortcode | None, str]:
    if name not in KEYS:
        return None, f"unknown shortcode `{name}`; dossier knows {', '.join(sorted(KEYS))}"
    try:
        words = shlex.split(text)
    except ValueError as exc:
        return None, f"cannot read its values ({exc}); put a value with spaces in quotes"
    values: dict[str, str] = {}
    for word in words:
        key, equals, value = word.partition("=")
        if not equals and name == "article" and "slug" not in values:
            key, value = "slug", word
        elif key not in KEYS[name]:
            return None, f"unknown key `{key}`; `{name}` takes {', '.join(sorted(KEYS[name]))} (as key=value)"
        values[key] = value
    if name == "article":
        slug = values.get("slug", "")
        if slug not in slugs:
            return None, f"no article has the address articles/{slug}/; use the slug from an article's URL"
        return Shortcode(name, block, slug=slug), ""
    entity = None
    if "entity" in values:
        entity = forms.get(values["entity"]) or forms.get(values["entity"].casefold())
        if entity is None:
            return None, f"`entity={values['entity']}` is not in the registry; use an entry's id, name or alias"
    dates = {}
    for key in ("from", "to"):
        if key in values:
            dates[key] = parse_iso(values[key])
            if dates[key] is None:
                return None, f"`{key}={values[key]}` is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"
    kinds = tuple(k for k in values.get("kind", ",".join(KINDS)).split(",") if k)
    if not kinds or set(kinds) - set(KINDS):
        return None, f"`kind` takes {', '.join(KINDS)} (several with commas)"
    limit = values.get("limit", str(DEFAULT_LIMIT))
    if not limit.isdigit() or int(limit) < 1:
        return None, "`limit` must be a whole number above 0"
    return Shortcode(name, block, entity, dates.get("from"), dates.get("to"), kinds, int(limit)), ""


def excerpt(code: Shortcode, chronology: Iterable[ChronologyEntry]) -> tuple[list[ChronologyEntry], int]:
    """The chronology entries a `chronology` shortcode asks for (at most its limit), and how many matched."""
    low = bounds(code.start)[0] if code.start else ""
    high = bounds(code.end)[1] if code.end else "~"
    chosen = [entry for entry in chronology
              if entry.kind in code.kinds and (code.entity is None or code.entity in entry.entities)
              and bounds(entry.date)[0] <= high and low <= bounds(entry.end or entry.date)[1]]
    return chosen[:code.limit], len(chosen)
