"""Front matter: validating what an editor wrote, and writing a normalised article back out.

Validation collects problems with the line of each key; it never guesses a value the editor did not
write. Writing produces the stable, readable form `normalise --write` saves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import parse_dateline, parse_iso
from .i18n import babel_locale
from .model import Article, Caption, Correction, PartialDate, Problem, Removed
from .yamlio import LineDict, date_text, dump_yaml, line_of, texts

DATE_SOURCES = ("front-matter", "dateline", "text", "inferred")
_TEXT_KEYS = ("title", "subtitle", "source", "url", "author", "language", "slug")
KNOWN_KEYS = set(_TEXT_KEYS) | {"date", "date_precision", "date_source", "tags", "captions", "removed", "entities",
                                "notes", "corrections"}
# How other generators hold an article back (Hugo, Jekyll: `draft: true`; Pelican: `status: draft`): kept with
# the article's other data as written, and a draft is left out of the site (see `is_draft`).
PUBLISHING_KEYS = {"draft", "status"}


@dataclass(frozen=True)
class FrontMatter:
    """The fields an editor (or an HTML page's metadata) set, validated. Absent keys are not in `given`."""

    given: frozenset[str] = frozenset()
    text: dict[str, str] = field(default_factory=dict)
    date: PartialDate | None = None
    date_source: str | None = None
    tags: tuple[str, ...] = ()
    captions: tuple[Caption, ...] = ()
    removed: tuple[Removed, ...] = ()
    notes: tuple[str, ...] = ()
    corrections: tuple[Correction, ...] = ()
    entities: tuple[str, ...] = ()  # registry ids the editor says the article is about
    entities_line: int | None = None
    extra: tuple[tuple[str, object], ...] = ()


def read_front_matter(meta: dict, shown: str, site_language: str = "en",
                      date_order: str = "DMY") -> tuple[FrontMatter, list[Problem]]:
    """The front matter's fields, validated; a date is read in the article's stated language, the
    site's, or English (`December 12th, 2022`), ambiguous numbers in the site's `date_order`."""
    problems: list[Problem] = []
    meta = _lowercase_keys(meta)
    given = {key for key in meta if key in KNOWN_KEYS}
    text, not_text, text_problems = _read_text(meta, shown)
    given -= not_text
    problems += text_problems
    languages = tuple(dict.fromkeys((*([text["language"]] if text.get("language") else []), site_language, "en")))
    date, date_problem = _read_date(meta, shown, languages, date_order)
    if date_problem:
        problems.append(date_problem)
        given.discard("date")
    tags, tag_problem = _read_tags(meta, shown)
    if tag_problem:
        problems.append(tag_problem)
    unknown = [key for key in meta if key not in KNOWN_KEYS | PUBLISHING_KEYS]
    problems += [Problem(shown, f"unknown front matter key `{key}` kept as extra data (known keys: "
                         f"{', '.join(sorted(KNOWN_KEYS | PUBLISHING_KEYS))})", line_of(meta, key)) for key in unknown]
    if "draft" in meta and not isinstance(meta["draft"], bool):
        problems.append(Problem(shown, f"`draft` must be true or false, not {meta['draft']!r}; the article is "
                                "published", line_of(meta, "draft"), "error"))
    entities = meta.get("entities") or []
    if isinstance(entities, str):
        entities = [e.strip() for e in entities.split(",")]
    if not isinstance(entities, list) or not all(isinstance(e, str) for e in entities):
        problems.append(Problem(shown, "`entities` must be a list of registry ids such as `[vladimir-putin]`",
                                line_of(meta, "entities"), "error"))
        entities = []
    notes, corrections, note_problems = _read_notes(meta, shown)
    problems += note_problems
    source = meta.get("date_source")
    return FrontMatter(
        given=frozenset(given), text=text, date=date,
        date_source=(source if source in DATE_SOURCES else "front-matter") if date else None,
        tags=tags, captions=_read_captions(meta.get("captions")), removed=_read_removed(meta.get("removed")),
        entities=tuple(dict.fromkeys(entities)), entities_line=line_of(meta, "entities"),
        notes=notes, corrections=corrections,
        extra=tuple((key, meta[key]) for key in meta if key not in KNOWN_KEYS),
    ), problems


def _read_text(meta: dict, shown: str) -> tuple[dict[str, str], set[str], list[Problem]]:
    """The text fields (title, author, url, ...), stripped; the keys whose value is not text; and the
    problems: a value that is not text, an address that is not a web address, an unknown language."""
    text, not_text, problems = {}, set(), []
    for key in _TEXT_KEYS:
        value = meta.get(key)
        if value is None:
            continue
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if key == "author" and isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            value = ", ".join(value)  # authors: [Jane Doe, John Roe]
        if not isinstance(value, str):
            problems.append(Problem(shown, f"`{key}` must be text, not a {type(value).__name__}; "
                                    f"write `{key}: ...` on one line", line_of(meta, key), "error"))
            not_text.add(key)
            continue
        text[key] = value.strip()
    if text.get("url") and not text["url"].startswith(("https://", "http://")):
        problems.append(Problem(shown, f"`url` must be a web address starting with https://, not {text['url']!r}",
                                line_of(meta, "url"), "error"))
        del text["url"]
    if text.get("language") and not _language_code(text["language"]):
        problems.append(Problem(shown, f"`language: {text['language']}` is not a language code (such as en, ru or "
                                "pt-BR); the article's language is detected from its text instead",
                                line_of(meta, "language")))
        del text["language"]
    return text, not_text, problems


def is_draft(article: Article) -> bool:
    """Its front matter holds it back: `draft: true` or `status: draft`."""
    stated = dict(article.extra)
    return stated.get("draft") is True or str(stated.get("status", "")).strip().casefold() == "draft"


def _read_notes(meta: dict, shown: str) -> tuple[tuple[str, ...], tuple[Correction, ...], list[Problem]]:
    """`notes:` (text or a list of texts) and `corrections:` (a list of `{date: YYYY-MM-DD, text: ...}`)."""
    problems = []
    notes = texts(meta, "notes")
    if notes is None:
        problems.append(Problem(shown, "`notes` must be text or a list of texts", line_of(meta, "notes"), "error"))
        notes = []
    corrections = []
    raw = meta.get("corrections") or []
    for entry in raw if isinstance(raw, list) else [None]:
        date = parse_iso(date_text(entry.get("date")) or "") if isinstance(entry, dict) else None
        if date is None or not isinstance(entry.get("text"), str):
            problems.append(Problem(shown, "each correction needs `date: YYYY-MM-DD` and `text: ...`",
                                    line_of(entry) or line_of(meta, "corrections"), "error"))
            continue
        corrections.append(Correction(date, entry["text"].strip()))
    return tuple(n.strip() for n in notes if n.strip()), tuple(corrections), problems


def _read_date(meta: dict, shown: str, languages: tuple[str, ...],
               date_order: str) -> tuple[PartialDate | None, Problem | None]:
    if meta.get("date") is None:
        return None, None
    written = date_text(meta["date"])
    parsed = parse_iso(written[:10]) if len(written) >= 10 and written[4:5] == "-" else parse_iso(written)
    parsed = parsed or parse_dateline(written, languages, date_order)  # as written in a dateline
    if parsed is None:
        return None, Problem(shown, f"date: cannot parse {written!r}; write YYYY-MM-DD (or YYYY-MM, YYYY)",
                             line_of(meta, "date"), "error")
    return parsed, None


def _lowercase_keys(meta: dict) -> dict:
    """`Title:` and `Date:`, as Pelican and note-taking apps write them, read as `title:` and `date:`
    (unless the lowercase key is there too)."""
    renamed = {key: key.lower() for key in meta if isinstance(key, str) and key != key.lower()
               and key.lower() in KNOWN_KEYS and key.lower() not in meta}
    if not renamed:
        return meta
    lowered = LineDict({renamed.get(key, key): value for key, value in meta.items()})
    lowered.line = getattr(meta, "line", 0)
    lowered.key_lines = {renamed.get(key, key): line for key, line in getattr(meta, "key_lines", {}).items()}
    return lowered


def _read_tags(meta: dict, shown: str) -> tuple[tuple[str, ...], Problem | None]:
    value = meta.get("tags")
    if value is None:
        return (), None
    if isinstance(value, str):  # "a, b" (or "a; b") is a common way to write a list
        value = re.split(r"[,;]", value)
    if not isinstance(value, list) or not all(isinstance(t, (str, int)) for t in value):
        return (), Problem(shown, "`tags` must be a list such as `[Armenia, Politics]`", line_of(meta, "tags"), "error")
    return tuple(dict.fromkeys(str(t).strip() for t in value if str(t).strip())), None


def _read_captions(value) -> tuple[Caption, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(Caption(str(c.get("text", "")), str(c.get("credit", "") or ""))
                 for c in value if isinstance(c, dict))


def _read_removed(value) -> tuple[Removed, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(Removed(str(r.get("text", "")), str(r.get("reason", "")), r.get("line"))
                 for r in value if isinstance(r, dict) and r.get("text"))


def described(article: Article) -> dict:
    """The fields that describe an article, as front matter and the data export both write them."""
    return {
        "title": article.title,
        "subtitle": article.subtitle or None,
        "date": article.date.value if article.date else None,
        "date_precision": article.date.precision if article.date else None,
        "date_source": article.date_source,
        "source": article.source or None,
        "author": article.author or None,
        "language": article.language,
        "tags": list(article.tags),
    }


def to_markdown(article: Article) -> str:
    """The article as Markdown with YAML front matter: what `normalise` shows and writes."""
    data = {**described(article), "url": article.url or None, "slug": article.slug}
    if article.captions:
        data["captions"] = [{"text": c.text, "credit": c.credit} for c in article.captions]
    if article.entities:
        data["entities"] = list(article.entities)
    if article.notes:
        data["notes"] = list(article.notes)
    if article.corrections:
        data["corrections"] = [{"date": c.date.value, "text": c.text} for c in article.corrections]
    if article.removed:
        data["removed"] = [{"text": r.text, "reason": r.reason, "line": r.line} for r in article.removed]
    data.update(dict(article.extra))
    return f"---\n{dump_yaml(data)}---\n\n{article.body}\n"


def _language_code(code: str) -> bool:
    try:
        babel_locale(code)
    except ValueError:
        return False
    return True
