"""Reads the entity registry (`content/entities/*.yaml`) and validates all of it up front.

The file name gives the kind. Every problem is collected with its file and line; a bad entry is
left out and the rest of the registry is still used. Does no matching (that is `link`).
"""

from __future__ import annotations

import re
from pathlib import Path

from slugify import slugify

from .dates import parse_iso
from .urls import safe_slug
from .model import KIND_PLURALS, KINDS, Entity, Problem, Role
from .yamlio import YamlError, date_text, line_of, load_yaml, texts

FILE_KINDS = {plural: kind for kind, plural in KIND_PLURALS.items()}
_KEYS = {"id", "name", "aliases", "description", "roles", "date", "start", "end", "wikidata", "links", "gender"}
_GENDERS = {"female": "f", "f": "f", "male": "m", "m": "m"}
_WIKIDATA = re.compile(r"^Q[1-9]\d*$")


def load_registry(content: Path) -> tuple[tuple[Entity, ...], list[Problem]]:
    """All registered entities, sorted by kind then id, and the problems found."""
    folder = content / "entities"
    problems: list[Problem] = []
    entities: list[Entity] = []
    if not folder.is_dir():
        return (), problems
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".yaml", ".yml"):
            continue
        kind = FILE_KINDS.get(path.stem)
        if kind is None:
            problems.append(Problem(str(path), "unknown registry file: name it people.yaml, "
                                    "organisations.yaml, events.yaml or places.yaml", severity="error"))
            continue
        found, file_problems = _read_file(path, kind)
        entities.extend(found)
        problems.extend(file_problems)
    entities, clash_problems = _drop_clashes(entities)
    problems.extend(clash_problems)
    entities.sort(key=lambda e: (KINDS.index(e.kind), e.id))
    return tuple(entities), problems


def _read_file(path: Path, kind: str) -> tuple[list[Entity], list[Problem]]:
    shown = str(path)
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        return [], [Problem(shown, "not UTF-8 text: save it as UTF-8", severity="error", unreadable=True)]
    except YamlError as exc:
        return [], [Problem(shown, f"{exc}; fix the YAML syntax (the site is not rebuilt until then: the last "
                            "one stays)", exc.line, "error", unreadable=True)]
    if data is None:
        return [], []
    if not isinstance(data, list):
        return [], [Problem(shown, "must be a YAML list of entries, each starting with `- name: ...`",
                            line_of(data), "error", unreadable=True)]
    entities, problems = [], []
    for item in data:
        entity, item_problems = _read_entry(item, kind, shown)
        problems.extend(item_problems)
        if entity:
            entities.append(entity)
    return entities, problems


def _read_entry(item, kind: str, shown: str) -> tuple[Entity | None, list[Problem]]:
    if not isinstance(item, dict):
        return None, [Problem(shown, f"each entry must be a mapping with `name:`, not {item!r}", severity="error")]
    line = line_of(item)
    problems = [Problem(shown, f"unknown key `{key}` ignored (known: {', '.join(sorted(_KEYS))})",
                        line_of(item, key)) for key in item if key not in _KEYS]
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        return None, problems + [Problem(shown, "entry has no `name:` (text); add one", line, "error")]
    entity_id = item.get("id", safe_slug(slugify(name)))
    if not isinstance(entity_id, str) or entity_id != safe_slug(slugify(entity_id)) or not entity_id:
        return None, problems + [Problem(shown, f"`id` {entity_id!r} must be lower-case letters, digits "
                                         f"and hyphens, e.g. {slugify(str(entity_id)) or 'my-id'!r}",
                                         line_of(item, "id"), "error")]
    aliases = texts(item, "aliases")
    if aliases is None:
        problems.append(Problem(shown, "`aliases` must be a list of names", line_of(item, "aliases"), "error"))
        aliases = []
    description = item.get("description") or ""
    if not isinstance(description, str):
        problems.append(Problem(shown, "`description` must be text", line_of(item, "description"), "error"))
        description = ""
    dates = {}
    for key in ("date", "start", "end"):
        if item.get(key) is None:
            continue
        parsed = parse_iso(date_text(item[key]))
        if parsed is None:
            problems.append(Problem(shown, f"`{key}`: cannot read {date_text(item[key])!r}; "
                                    "write YYYY, YYYY-MM or YYYY-MM-DD", line_of(item, key), "error"))
        dates[key] = parsed
    roles, role_problems = _read_roles(item, shown)
    problems.extend(role_problems)
    wikidata = str(item.get("wikidata") or "")
    if wikidata and not _WIKIDATA.match(wikidata):
        problems.append(Problem(shown, f"`wikidata` must be an item id such as Q7747, not {wikidata!r}",
                                line_of(item, "wikidata"), "error"))
        wikidata = ""
    links = item.get("links") or []
    if not isinstance(links, list) or not all(isinstance(u, str) and u.startswith(("https://", "http://"))
                                              for u in links):
        problems.append(Problem(shown, "`links` must be a list of web addresses starting with https://",
                                line_of(item, "links"), "error"))
        links = []
    gender, gender_problems = _read_gender(item, kind, shown)
    problems.extend(gender_problems)
    entity = Entity(id=entity_id, name=name.strip(), kind=kind, gender=gender,
                    aliases=tuple(dict.fromkeys(a.strip() for a in aliases if a.strip())),
                    description=description.strip(), roles=tuple(roles), wikidata=wikidata, links=tuple(links),
                    source_path=shown, line=line, **dates)
    return entity, problems


def _read_gender(item, kind: str, shown: str) -> tuple[str, list[Problem]]:
    """A person's `gender: female` or `male` (used only to read "she said" and "he said"), as f or m."""
    raw = item.get("gender")
    if raw is None:
        return "", []
    if kind != "person":
        return "", [Problem(shown, "`gender` is for people only; remove it", line_of(item, "gender"))]
    gender = _GENDERS.get(str(raw).strip().lower())
    if gender is None:
        return "", [Problem(shown, f"`gender` must be female or male, not {raw!r} (or leave it out)",
                            line_of(item, "gender"), "error")]
    return gender, []


def _read_roles(item, shown: str) -> tuple[list[Role], list[Problem]]:
    raw = item.get("roles") or []
    if not isinstance(raw, list):
        return [], [Problem(shown, "`roles` must be a list of `{title: ..., from: ..., to: ...}`",
                            line_of(item, "roles"), "error")]
    roles, problems = [], []
    for entry in raw:
        if not isinstance(entry, dict) or not isinstance(entry.get("title"), str):
            problems.append(Problem(shown, "each role needs `title:` (text)", line_of(item, "roles"), "error"))
            continue
        unknown = sorted(set(entry) - {"title", "from", "to", "also"})
        if unknown:
            problems.append(Problem(shown, f"role `{entry['title']}`: unknown key `{unknown[0]}` ignored (a role has "
                                    "title, also, from and to)", line_of(entry, unknown[0])))
        also = texts(entry, "also")
        if also is None:
            problems.append(Problem(shown, f"role `{entry['title']}`: `also` must be a list of other wordings",
                                    line_of(entry, "also"), "error"))
            also = []
        bounds = []
        for key in ("from", "to"):
            value = date_text(entry.get(key))
            if value is not None and parse_iso(value) is None:
                problems.append(Problem(shown, f"role `{key}`: cannot read {value!r}; write YYYY-MM-DD",
                                        line_of(entry, key), "error"))
                value = None
            bounds.append(value)
        roles.append(Role(entry["title"].strip(), *bounds, tuple(a.strip() for a in also if a.strip())))
    for number, role in enumerate(roles):  # one role written twice: shown twice on the person's page
        twin = next((other for other in roles[:number] if (other.start, other.end) == (role.start, role.end)), None)
        if twin and twin.title != role.title:
            problems.append(Problem(shown, f"roles `{twin.title}` and `{role.title}` have the same dates; if they are "
                                    f"one role, write it once: `{{title: {twin.title}, also: [{role.title}], ...}}`",
                                    line_of(item, "roles")))
    return roles, problems


def _drop_clashes(entities: list[Entity]) -> tuple[list[Entity], list[Problem]]:
    """Duplicate ids are errors (the later entry is dropped); a name claimed twice is a warning: it is
    ambiguous, and in an article it links only to the one of them named in full earlier."""
    problems: list[Problem] = []
    by_id: dict[str, Entity] = {}
    owners: dict[str, Entity] = {}
    for entity in entities:
        first = by_id.get(entity.id)
        if first:
            problems.append(Problem(entity.source_path, f"duplicate id `{entity.id}` (first at "
                                    f"{first.source_path}:{first.line}); give one of them another `id:`",
                                    entity.line, "error"))
            continue
        by_id[entity.id] = entity
        for surface in (entity.name, *entity.aliases):
            owner = owners.setdefault(surface.casefold(), entity)
            if owner.id != entity.id:
                problems.append(Problem(entity.source_path, f"alias {surface!r} is also claimed by "
                                        f"`{owner.id}` ({owner.source_path}:{owner.line}); in an article it "
                                        "links to whichever of them was named in full before, or to neither",
                                        entity.line))
    return list(by_id.values()), problems
