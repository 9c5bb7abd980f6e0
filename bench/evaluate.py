"""Accuracy against hand-labelled sets (`python -m bench.evaluate`).

Dated mentions, side by side with dateparser's search_dates, on bench/eval/dated_mentions.txt: a
found date counts as right when its value and precision are those a reader would give; anything else
found is a false positive. Quote attribution on the demo corpus, against bench/eval/seed_quotes.txt.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from dossier.dated import find_dated_mentions
from dossier.markdown import body_blocks
from dossier.model import PartialDate

EVAL = Path(__file__).parent / "eval" / "dated_mentions.txt"
QUOTES = Path(__file__).parent / "eval" / "seed_quotes.txt"
PROJECT = Path(__file__).resolve().parent.parent


def read_cases(path: Path = EVAL) -> list[tuple[str, str, set[tuple[str, str]]]]:
    cases, lines = [], [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("//")]
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        date, sentence = (part.strip() for part in lines[i].split("|", 1))
        expected = set()
        i += 1
        while lines[i] != ".":
            value, precision = lines[i].split()
            expected.add((value, precision))
            i += 1
        cases.append((date, sentence, expected))
        i += 1
    return cases


def dossier_dates(date: str, sentence: str) -> set[tuple[str, str]]:
    found = find_dated_mentions("a", body_blocks(sentence), PartialDate(date, "day"), ("en",), (), {})
    return {(d.date.value, d.date.precision) for d in found}


def search_dates_dates(date: str, sentence: str) -> set[tuple[str, str]]:
    from dateparser.search import search_dates

    base = dt.datetime.fromisoformat(date)
    results = search_dates(sentence, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    return {(d.date().isoformat(), "day") for _, d in results}


def score(extract, cases) -> dict:
    right = found = expected = 0
    started = time.perf_counter()
    for date, sentence, wanted in cases:
        got = extract(date, sentence)
        if extract is search_dates_dates:  # it gives no precision: accept a day inside the expected period
            got = {_match_period(value, wanted) for value, _ in got}
        right += len(got & wanted)
        found += len(got)
        expected += len(wanted)
    elapsed = time.perf_counter() - started
    return {"precision": right / found if found else 0.0, "recall": right / expected if expected else 0.0,
            "found": found, "right": right, "expected": expected, "ms_per_case": 1000 * elapsed / len(cases)}


def _match_period(day: str, wanted: set[tuple[str, str]]) -> tuple[str, str]:
    for value, precision in wanted:
        if day.startswith(value):
            return value, precision
    return day, "day"


def quote_scores() -> dict:
    """Attribution precision (right speakers among those given) and recall (among quotes with a named speaker)."""
    from dossier.model import default_paths
    from dossier.pipeline import gather

    corpus, _ = gather(default_paths(project=PROJECT))
    expected = {}
    for line in QUOTES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("//"):
            source, start, speaker = (part.strip() for part in line.split("|"))
            expected[source, start] = None if speaker == "-" else speaker
    given = right = named = 0
    for article in corpus.articles:
        for quote in corpus.analyses[article.slug].quotes():
            key = next(k for k in expected if k[0] == article.source_path and quote.text.startswith(k[1]))
            named += expected[key] is not None
            given += quote.speaker is not None
            right += quote.speaker is not None and quote.speaker == expected[key]
    return {"precision": right / given, "recall": right / named, "quotes": len(expected), "named": named}


def main() -> None:
    cases = read_cases()
    find_dated_mentions("a", body_blocks("warm up on 1 May 2020"), None, ("en",), (), {})
    print(f"{len(cases)} labelled sentences, {sum(len(c[2]) for c in cases)} dates")
    for name, extract in (("dossier", dossier_dates), ("dateparser.search_dates", search_dates_dates)):
        result = score(extract, cases)
        print(f"{name:>24}: precision {result['precision']:.1%} recall {result['recall']:.1%} "
              f"({result['right']} right of {result['found']} found, {result['expected']} expected), "
              f"{result['ms_per_case']:.2f} ms per sentence")
    quotes = quote_scores()
    print(f"quote attribution on the demo corpus ({quotes['quotes']} quotes, {quotes['named']} with a named "
          f"speaker): precision {quotes['precision']:.1%} recall {quotes['recall']:.1%}")


if __name__ == "__main__":
    main()
