"""Boilerplate rules: data (YAML) that says which lines of a page are not the article.

Loading and matching only; `normalise` decides what to do with a match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .model import Problem
from .yamlio import YamlError, line_of, load_yaml


@dataclass(frozen=True)
class Rule:
    kind: str
    pattern: re.Pattern
    tail: bool = False  # also removes the link list that follows
    max_length: int = 300
    needs: tuple[str, ...] = ()  # words (lower case) one of which the line must hold: a quick test first


def load_rules(content: Path | None = None) -> tuple[tuple[Rule, ...], list[Problem]]:
    """dossier's shipped rules, plus the site's own from `content/boilerplate.yaml` if present."""
    shipped = resources.files("dossier").joinpath("data/boilerplate.yaml").read_text(encoding="utf-8")
    rules, problems = parse_rules(shipped, "dossier/data/boilerplate.yaml")
    site_file = content / "boilerplate.yaml" if content else None
    if site_file and site_file.is_file():
        site_rules, site_problems = parse_rules(site_file.read_text(encoding="utf-8"), str(site_file))
        rules += site_rules
        problems += site_problems
    return rules, problems


def parse_rules(text: str, shown: str) -> tuple[tuple[Rule, ...], list[Problem]]:
    try:
        data = load_yaml(text) or []
    except YamlError as exc:
        return (), [Problem(shown, f"{exc}; fix the YAML syntax", exc.line, "error", unreadable=True)]
    if not isinstance(data, list):
        return (), [Problem(shown, "must be a list of `{kind: ..., pattern: ...}` entries", severity="error")]
    rules, problems = [], []
    for entry in data:
        if not isinstance(entry, dict) or not isinstance(entry.get("pattern"), str):
            problems.append(Problem(shown, "each entry needs `pattern:` (a regular expression) and `kind:`",
                                    line_of(entry), "error"))
            continue
        try:
            pattern = re.compile(entry["pattern"], re.IGNORECASE)
        except re.error as exc:
            problems.append(Problem(shown, f"pattern {entry['pattern']!r} is not a valid regular expression: {exc}",
                                    line_of(entry, "pattern"), "error"))
            continue
        needs = entry.get("needs", [])
        if not isinstance(needs, list) or not all(isinstance(word, str) and word for word in needs):
            problems.append(Problem(shown, "`needs` must be a list of words", line_of(entry, "needs"), "error"))
            continue
        rules.append(Rule(str(entry.get("kind", "boilerplate")), pattern, entry.get("scope") == "tail",
                          int(entry.get("max_length", 300)), tuple(word.lower() for word in needs)))
    return tuple(rules), problems


def match_rule(line: str, rules: tuple[Rule, ...]) -> Rule | None:
    """The first rule that says `line` is boilerplate."""
    lower = None
    for rule in rules:
        if len(line) > rule.max_length:
            continue
        if rule.needs:
            lower = lower or line.lower()
            if not any(word in lower for word in rule.needs):
                continue
        if rule.pattern.search(line):
            return rule
    return None
