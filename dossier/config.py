"""Reads and validates `content/site.yaml`. Collects every problem; never fills in silently."""

from __future__ import annotations

from pathlib import Path

from .i18n import babel_locale
from .model import EXPORTS, Problem, SiteConfig
from .yamlio import YamlError, line_of, load_yaml

_KEYS = {
    "title": str, "description": str, "base_url": str, "language": str, "date_order": str,
    "author": str, "require_dates": bool, "max_article_kb": int, "exports": list,
}
_TYPE_NAMES = {str: "text", bool: "true or false", int: "a whole number", list: "a list such as [articles, quotes]"}
DATE_ORDERS = ("DMY", "MDY", "YMD")


def load_site_config(content: Path) -> tuple[SiteConfig | None, list[Problem]]:
    """The site's settings, or None with the problems that make them unusable."""
    path = content / "site.yaml"
    shown = str(path)
    if not path.is_file():
        return None, [Problem(shown, "missing: create it with at least `title: My dossier`", severity="error")]
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        return None, [Problem(shown, "not UTF-8 text: save it as UTF-8", severity="error")]
    except YamlError as exc:
        return None, [Problem(shown, f"{exc}; fix the YAML syntax", exc.line, "error")]
    if not isinstance(data, dict):
        return None, [Problem(shown, "must be a YAML mapping such as `title: My dossier`", severity="error")]

    problems: list[Problem] = []
    values = {}
    for key, value in data.items():
        expected = _KEYS.get(key)
        if expected is None:
            known = ", ".join(sorted(_KEYS))
            problems.append(Problem(shown, f"unknown key `{key}` (known keys: {known})", line_of(data, key)))
        elif not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            problems.append(Problem(shown, f"`{key}` must be {_TYPE_NAMES[expected]}, not {type(value).__name__}",
                                    line_of(data, key), "error"))
        else:
            values[key] = value.strip() if isinstance(value, str) else value
    if not values.get("title"):
        problems.append(Problem(shown, "`title` is required, e.g. `title: My dossier`", line_of(data), "error"))
    order = values.get("date_order", "DMY").upper()
    if order not in DATE_ORDERS:
        problems.append(Problem(shown, f"`date_order` must be one of {', '.join(DATE_ORDERS)}, not {order!r}",
                                line_of(data, "date_order"), "error"))
    values["date_order"] = order
    exports = values.get("exports", list(EXPORTS))
    unknown = [name for name in exports if name not in EXPORTS]
    if unknown:
        problems.append(Problem(shown, f"`exports` names {', '.join(map(repr, map(str, unknown)))}: the data exports "
                                f"are {', '.join(EXPORTS)}; list those to publish, or [] for none",
                                line_of(data, "exports"), "error"))
    values["exports"] = tuple(name for name in EXPORTS if name in exports)
    language = values.get("language", "en")
    try:
        babel_locale(language)
    except ValueError:
        problems.append(Problem(shown, f"`language: {language}` is not a language code dossier knows; use one such "
                                "as en, ru, de or pt-BR", line_of(data, "language"), "error"))
    if "base_url" in values and not values["base_url"].endswith("/"):
        values["base_url"] += "/"
    if any(p.severity == "error" for p in problems):
        return None, problems
    return SiteConfig(**values), problems
