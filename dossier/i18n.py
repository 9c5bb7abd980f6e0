"""The site's interface words, in the site's language: `templates/i18n/<language>.yaml`.

English (`en.yaml`) is complete and is the fallback: a word the site's language lacks is taken from
it, with a warning naming the word. Messages are text with `{name}` placeholders; a message that
depends on a number has one form per plural category of the language, chosen by Babel (Russian
needs one/few/many: 1 статья, 2 статьи, 5 статей). Dates are written with Babel's patterns and
month names, so `d MMMM y` reads "9 October 2023" in English and "9 октября 2023" in Russian.

A message is escaped text; the values put into it are escaped too unless they are markup already
(a link built by the template), so a translation can never inject HTML.
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache
from pathlib import Path

import babel
import babel.dates
import jinja2
from markupsafe import Markup, escape

from .model import PartialDate, Problem
from .yamlio import YamlError, line_of, load_yaml

FALLBACK = "en"
PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


class Words:
    """Look up interface words: `words("nav.articles")`, `words("count.articles", n=3)`, `words.date(d)`."""

    def __init__(self, language: str, messages: dict[str, str | dict], locale: babel.Locale):
        self.language = language
        self.messages = messages
        self.locale = locale
        self._memo: dict[tuple[str, int | None], Markup] = {}

    def __call__(self, key: str, n: int | None = None, **values) -> Markup:
        if values:
            return self._message(key, n, values)
        if (key, n) not in self._memo:  # most words have no {name}: each is made once, not once a page
            self._memo[(key, n)] = self._message(key, n, values)
        return self._memo[(key, n)]

    def _message(self, key: str, n: int | None, values: dict) -> Markup:
        message = self.messages.get(key)
        if message is None:
            raise jinja2.UndefinedError(f"no interface word `{key}` in templates/i18n/{FALLBACK}.yaml; add it there")
        if isinstance(message, dict):
            if n is None:
                raise jinja2.UndefinedError(f"the interface word `{key}` has plural forms: give it a number, n=…")
            message = message.get(self.locale.plural_form(n), message["other"])
        if n is not None:
            values["n"] = n
        return Markup(escape(message)).format(**values) if values else Markup(escape(message))

    def text(self, key: str, n: int | None = None, **values) -> str:
        """The same message as plain text (for a citation, a CSV cell, a feed title)."""
        return Markup(self(key, n, **values)).unescape()

    def date(self, date: PartialDate | None) -> str:
        """`9 October 2023`, `October 2023` or `2023` in the site's language; empty for no date."""
        return "" if date is None else _format(date.value, date.precision, self._pattern(date.precision), self.locale)

    def month_heading(self, date: PartialDate) -> str:
        """A month on its own, as a heading ("October 2023"; Russian uses the nominative: "октябрь 2023")."""
        return _format(date.value, "month", self.messages["dates.month_heading"], self.locale)

    def reason(self, reason: str) -> str:
        """Why normalisation set a line aside, recorded in English in front matter, for a reader."""
        head, _, kind = reason.partition(": ")
        if kind and head == "boilerplate":
            return self.text("reasons.boilerplate", kind=self.messages.get(f"boilerplate.{kind}", kind))
        return self.text(f"reasons.{reason}") if f"reasons.{reason}" in self.messages else reason

    def _pattern(self, precision: str) -> str:
        return self.messages[f"dates.{precision}"]


@lru_cache(maxsize=65536)
def _format(value: str, precision: str, pattern: str, locale: babel.Locale) -> str:
    parts = [int(part) for part in value.split("-")] + [1, 1]
    return babel.dates.format_date(datetime.date(parts[0], parts[1], parts[2]), pattern, locale=locale)


def load_words(templates: Path, language: str) -> tuple[Words, list[Problem]]:
    """The words for `language`, completed from English; problems name the file and line."""
    folder = templates / "i18n"
    english, problems = _read(folder / f"{FALLBACK}.yaml")
    locale = babel_locale(language)
    base = language.replace("_", "-").split("-")[0]
    candidates = [folder / f"{name}.yaml" for name in dict.fromkeys((language, base)) if name != FALLBACK]
    found = next((path for path in candidates if path.is_file()), None)
    if base == FALLBACK and found is None:
        return Words(language, english, locale), problems
    if found is None:
        problems.append(Problem(str(folder / f"{base}.yaml"), f"no interface words for `language: {language}`; the "
                                f"interface is in English. Copy {FALLBACK}.yaml to {base}.yaml and translate it"))
        return Words(language, english, locale), problems
    translated, more = _read(found)
    usable, checked = _check(found, english, translated, locale)
    return Words(language, {**english, **usable}, locale), problems + more + checked


def _read(path: Path) -> tuple[dict[str, str | dict], list[Problem]]:
    """The messages of one file, flattened to dotted keys (`nav.articles`)."""
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except OSError:
        return {}, [Problem(str(path), "missing: restore it (dossier ships it in templates/i18n/)", severity="error")]
    except (YamlError, UnicodeDecodeError) as exc:
        return {}, [Problem(str(path), f"{exc}; fix the YAML syntax", getattr(exc, "line", None), "error")]
    messages: dict[str, str | dict] = {}
    problems: list[Problem] = []

    def walk(mapping: dict, prefix: str) -> None:
        for key, value in mapping.items():
            name = f"{prefix}{key}"
            if isinstance(value, dict) and "other" in value:
                forms = {k: v for k, v in value.items() if k in PLURAL_FORMS and isinstance(v, str)}
                if len(forms) != len(value):
                    problems.append(Problem(str(path), f"`{name}`: plural forms are {', '.join(PLURAL_FORMS)}, each "
                                            "a text", line_of(mapping, key), "error"))
                messages[name] = forms
            elif isinstance(value, dict):
                walk(value, f"{name}.")
            elif isinstance(value, str):
                messages[name] = value
            else:
                problems.append(Problem(str(path), f"`{name}` must be a text in quotes or a mapping of plural forms "
                                        "with at least `other`", line_of(mapping, key), "error"))

    if isinstance(data, dict):
        walk(data, "")
    else:
        problems.append(Problem(str(path), "must be a YAML mapping of interface words", severity="error"))
    return messages, problems


def babel_locale(language: str) -> babel.Locale:
    """Babel's locale for a language code (`en`, `ru`, `pt-BR`); ValueError if it knows none."""
    try:
        return babel.Locale.parse(language.replace("-", "_"))
    except (ValueError, TypeError, babel.UnknownLocaleError) as exc:
        raise ValueError(str(exc)) from None


def _check(path: Path, english: dict, translated: dict,
           locale: babel.Locale) -> tuple[dict[str, str | dict], list[Problem]]:
    """The translations that can stand in for the English messages (same shape, no placeholder the
    site does not fill in), and a problem for each word missing, unknown or refused."""
    usable, problems = {}, []
    missing = [key for key in english if key not in translated]
    if missing:
        problems.append(Problem(str(path), f"{len(missing)} interface word(s) not translated, shown in English: "
                                f"{', '.join(missing[:8])}{' …' if len(missing) > 8 else ''}"))
    unknown = [key for key in translated if key not in english]
    if unknown:
        problems.append(Problem(str(path), f"unknown interface word(s), not used: {', '.join(unknown[:8])} "
                                f"(the words are those of {FALLBACK}.yaml)"))
    for key in (key for key in english if key in translated):
        mine, theirs = translated[key], english[key]
        extra = _placeholders(mine) - _placeholders(theirs)
        if extra:
            problems.append(Problem(str(path), f"`{key}` uses {', '.join('{' + e + '}' for e in sorted(extra))}, "
                                    f"which the site does not fill in; shown in English until fixed"))
        if isinstance(mine, dict) != isinstance(theirs, dict):
            shape = "plural forms (one: …, other: …)" if isinstance(theirs, dict) else "one text, not plural forms"
            problems.append(Problem(str(path), f"`{key}` must be {shape}, as in {FALLBACK}.yaml; shown in English "
                                    "until fixed"))
        elif not extra:
            usable[key] = mine
            if isinstance(mine, dict) and not locale.plural_form.tags | {"other"} <= mine.keys():
                needed = ", ".join(sorted(locale.plural_form.tags | {"other"}))
                problems.append(Problem(str(path), f"`{key}` needs the plural forms {needed} for this language"))
    return usable, problems


def _placeholders(message: str | dict) -> set[str]:
    texts = message.values() if isinstance(message, dict) else [message]
    return {name for text in texts for name in _PLACEHOLDER.findall(text)}
