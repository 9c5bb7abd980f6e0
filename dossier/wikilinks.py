"""Explicit links an editor writes in Markdown: `[[Vladimir Putin]]`, `[[Putin|the president]]`,
`[[article-slug]]`. Resolved against the registry (names, aliases, ids) and the articles' slugs.

A wikilink becomes an ordinary Markdown link to `dossier:entity/ID` or `dossier:article/SLUG`; the
renderer turns those into relative URLs, so an explicit link wins over automatic mention linking
(nothing is linked inside a link). A target that names nothing is reported with its file and line.
"""

from __future__ import annotations

import re

from slugify import slugify

from .model import Entity, Problem

WIKILINK = re.compile(r"\[\[([^\[\]|\n]{1,200})(?:\|([^\[\]\n]{1,200}))?\]\]")
ARTICLE, ENTITY = "dossier:article/", "dossier:entity/"


def entity_forms(entities: tuple[Entity, ...]) -> dict[str, str]:
    """Every id, name and alias (case-folded) → entity id; a form two entities share is left out."""
    forms: dict[str, str] = {}
    shared: set[str] = set()
    for entity in entities:
        for form in {entity.id, entity.name.casefold(), *(a.casefold() for a in entity.aliases)}:
            if forms.setdefault(form, entity.id) != entity.id:
                shared.add(form)
    return {form: entity for form, entity in forms.items() if form not in shared}


def resolve_wikilinks(markdown: str, forms: dict[str, str]) -> str:
    """Markdown with each wikilink as a link to the entity it names, or else to an article slug."""
    def link(match: re.Match) -> str:
        target = match.group(1).strip()
        label = (match.group(2) or target).strip().replace("[", "\\[").replace("]", "\\]")
        entity = forms.get(target.casefold())
        href = f"{ENTITY}{entity}" if entity else f"{ARTICLE}{slugify(target)}"
        return f"[{label}]({href})"

    return WIKILINK.sub(link, markdown)


def unresolved(original: str, first_line: int, forms: dict[str, str], slugs: set[str],
               shown: str) -> list[Problem]:
    """A problem, with its line, for every wikilink in `original` that names no entity and no article."""
    problems = []
    for match in WIKILINK.finditer(original):
        target = match.group(1).strip()
        if target.casefold() not in forms and slugify(target) not in slugs:
            line = first_line + original.count("\n", 0, match.start())
            problems.append(Problem(shown, f"[[{target}]] names no entity and no article; use a registered name, "
                                    "alias or id, or an article's slug", line))
    return problems
