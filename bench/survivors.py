"""Each surviving mutant of `make mutate`, with the kind of change it made and why that kind survives.

    python -m bench.survivors > bench/results/mutation.txt      # after `make mutate`, from the project root

It asks `mutmut show` for each survivor (about half a second each) and sorts the change into a kind
by comparing the line before and after. The kinds and their reasons are in KINDS; bench/MUTATION.md
gives the counts.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

BIN = Path(sys.executable).parent

KINDS = {
    "message": "the wording of a message or label changed (XX…XX, capitals) where no test reads it whole: "
               "the wording only, not what is decided",
    "same": "capitals changed in a pattern matched without regard to case, or in a word compared lower-cased: "
            "cannot alter the result",
    "value": "a separator or a one-character value changed (\".\" stripped, \" \" joined) on a path no test "
             "checks to that detail",
    "by one": "a threshold or bound moved by one (a window of 30 characters made 31, < made <=): the "
              "heuristics' tuning, tuned on the corpora, with no test at the exact edge",
    "pattern": "a pattern broken (XX…XX inside a regular expression): the rule goes silent and the other "
               "rules still decide every test sentence the same; a test where it alone decides is still to write",
    "forced": "a condition forced true or false: the same, or a quick test whose answer the slower one "
              "repeats",
    "argument": "an argument made None or dropped (a cue, a position): the value is replaced or unused on "
                "the paths the tests take",
    "logic": "and/or, a comparison or an operand changed in a rule other rules back up: no test has the "
             "sentence where this rule alone decides; each is a test still to write",
}

_REGEX = re.compile(r"\\[wsdbWSD]|\[\^|\(\?|\|")


def kind(before: str, after: str) -> str:
    """The kind of change that turns `before` into `after` (the changed lines, joined)."""
    literal = re.search(r"[\"']XX(.*?)XX[\"']", after)
    if literal and "XX" not in before:
        text = literal.group(1)
        if _REGEX.search(text):
            return "pattern"
        return "message" if len(re.findall(r"[^\W\d_]{2,}", text)) >= 2 else "value"
    if before.upper() == after.upper():
        if "IGNORECASE" in before or ".lower()" in before or "casefold" in before:
            return "same"
        return "pattern" if _REGEX.search(before) else "message"
    if re.sub(r"\d+", "N", before) == re.sub(r"\d+", "N", after) or \
            re.sub(r"<=|>=|<|>", "CMP", before) == re.sub(r"<=|>=|<|>", "CMP", after):
        return "by one"
    if "or True" in after or "and False" in after:
        return "forced"
    if re.search(r"\bNone\b", after) and not re.search(r"\bNone\b", before) or after.count(",") < before.count(","):
        return "argument"
    return "logic"


def survivors(results: str) -> list[str]:
    return [line.split(":")[0].strip() for line in results.splitlines() if line.strip().endswith(": survived")]


def change(name: str) -> tuple[str, str]:
    shown = subprocess.run([str(BIN / "mutmut"), "show", name], capture_output=True, text=True).stdout
    before = " ".join(line[1:].strip() for line in shown.splitlines() if line.startswith("-") and not line.startswith("---"))
    after = " ".join(line[1:].strip() for line in shown.splitlines() if line.startswith("+") and not line.startswith("+++"))
    return before, after


def main() -> None:
    results = subprocess.run([str(BIN / "mutmut"), "results", "--all", "true"], capture_output=True, text=True).stdout
    counted: Counter = Counter()
    lines = []
    for name in survivors(results):
        before, after = change(name)
        found = kind(before, after)
        counted[name.split(".")[1], found] += 1
        lines.append(f"{name}  [{found}]\n    - {before[:150]}\n    + {after[:150]}")
    print("# Surviving mutants of `make mutate`, each with its kind; the kinds:")
    for name, reason in KINDS.items():
        print(f"#   {name}: {reason}")
    print("# counts (module, kind): " + ", ".join(f"{m}/{k} {n}" for (m, k), n in sorted(counted.items())))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
