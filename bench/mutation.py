"""Summarise a `mutmut results --all true` listing by module: killed, survived, no tests, score.

    .venv/bin/mutmut results --all true | python -m bench.mutation
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict

_LINE = re.compile(r"\s*dossier\.(\w+)\.\S+__mutmut_\d+: (.+)")


def summary(lines) -> dict[str, Counter]:
    """Each module's count of mutants by outcome."""
    by_module: dict[str, Counter] = defaultdict(Counter)
    for line in lines:
        found = _LINE.match(line)
        if found:
            by_module[found.group(1)][found.group(2).strip()] += 1
    return dict(sorted(by_module.items()))


def score(outcomes: Counter) -> float:
    """mutmut's score: mutants killed (or timed out) over all tried."""
    tried = sum(outcomes.values()) - outcomes["skipped"]
    return (outcomes["killed"] + outcomes["timeout"]) / tried if tried else 0.0


def main() -> None:
    modules = summary(sys.stdin)
    total: Counter = sum(modules.values(), Counter())
    print(f"{'module':<12} {'killed':>7} {'survived':>9} {'no tests':>9} {'score':>6}")
    for name, outcomes in [*modules.items(), ("all", total)]:
        print(f"{name:<12} {outcomes['killed'] + outcomes['timeout']:>7} {outcomes['survived']:>9} "
              f"{outcomes['no tests']:>9} {score(outcomes):>6.0%}")


if __name__ == "__main__":
    main()
