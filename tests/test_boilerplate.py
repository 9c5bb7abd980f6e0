"""boilerplate.py: rules as data, with `needs` as a quick first test that never changes what matches."""

from dataclasses import replace
from pathlib import Path

from dossier.boilerplate import load_rules, match_rule, parse_rules

ROOT = Path(__file__).parent.parent
RULES, PROBLEMS = load_rules()


def _lines():
    for path in [*(ROOT / "tests" / "fixtures" / "normalise").glob("*-cases"), *(ROOT / "content" / "articles").glob("*")]:
        yield from (line.strip() for line in path.read_text(encoding="utf-8", errors="replace").splitlines())
    yield from ("Wir verwenden Cookies, um unser Angebot zu verbessern.", "This site uses cookies to improve it.",
                "Les opinions exprimées n'engagent que leurs auteurs.", "Click to enlarge",
                "If you're already a subscriber, log in to read on.", "Sign up for our weekly newsletter")


def test_the_shipped_rules_read_without_problems():
    assert PROBLEMS == []


def test_needs_only_spares_lines_the_pattern_would_not_match():
    without = tuple(replace(rule, needs=()) for rule in RULES)
    for line in _lines():
        found, quick = match_rule(line, without), match_rule(line, RULES)
        assert (found and found.pattern) == (quick and quick.pattern), line


def test_a_rule_whose_needs_is_not_a_list_of_words_is_named():
    rules, problems = parse_rules("- {kind: x, pattern: 'abc', needs: abc}\n", "site/boilerplate.yaml")
    assert rules == () and [str(p) for p in problems] == [
        "site/boilerplate.yaml:1: error: `needs` must be a list of words"]
