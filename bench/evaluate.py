"""Accuracy against hand-labelled sets (`python -m bench.evaluate`).

First the development corpora (real news nobody on this project wrote, annotated by hand), when
../shared/corpora is there: each corpus's own score.py builds its articles with this checkout. Then
the in-sample sets, written beside the code (bench/eval/): dated mentions beside dateparser's
search_dates, and quote attribution on the demo corpus. In-sample figures show the code does what
its authors meant; they are not a measure of accuracy.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from dossier import store
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
        for quote in store.quotes(corpus.analyses[article.slug]):
            key = next(k for k in expected if k[0] == article.source_path and quote.text.startswith(k[1]))
            named += expected[key] is not None
            given += quote.speaker is not None
            right += quote.speaker is not None and quote.speaker == expected[key]
    return {"precision": right / given, "recall": right / named, "quotes": len(expected), "named": named}


CORPORA = PROJECT.parent / "shared" / "corpora"


def corpus_scores(name: str) -> dict | None:
    """The summary a development corpus's score.py prints for this checkout (None if it is not there)."""
    import json
    import subprocess
    import sys
    import tempfile

    script = CORPORA / name / "score.py"
    if not script.is_file():
        return None
    with tempfile.TemporaryDirectory() as folder:
        summary = Path(folder) / "summary.json"
        subprocess.run([sys.executable, str(script), "--project", str(PROJECT), "--json", str(summary)],
                       cwd=PROJECT, capture_output=True, text=True, timeout=1800)
        return json.loads(summary.read_text(encoding="utf-8")) if summary.is_file() else None


def development_lines() -> list[str]:
    """One line per development corpus, its figures named as its README names them."""
    if not CORPORA.is_dir():
        return [f"development corpora: not found at {CORPORA} (they are shipped beside the project, not in it)"]
    lines = []
    polnear = corpus_scores("polnear")
    if polnear:
        verified, every = polnear["attribution"]["verified"], polnear["attribution"]["all"]
        lines.append(f"  quotes (PolNeAR, {polnear['gold_quotes']} quotes): detection P {polnear['detection']['P']['value']:.3f}"
                     f" R {polnear['detection']['R']['value']:.3f}; speaker P/R verified "
                     f"{verified['P']['value']:.3f}/{verified['R']['value']:.3f}, all {every['P']['value']:.3f}/"
                     f"{every['R']['value']:.3f}")
    timebank = corpus_scores("timebank")
    if timebank:
        strict, forms = timebank["project"]["strict"], timebank["project"]["recall_by_form"]
        lines.append(f"  dates (TimeBank, {timebank['gold_dates']} dates): strict P {strict['P']:.3f} R {strict['R']:.3f}; "
                     "recall " + ", ".join(f"{form} {value['R']:.2f}" for form, value in forms.items()))
    factru = corpus_scores("factru")
    if factru:
        mentions = factru["project"]["mentions"]
        lines.append(f"  Russian names (factRuEval): mention P {mentions['all']['P']:.3f} R {mentions['all']['R']:.3f}; "
                     "recall " + ", ".join(f"{k} {v['R']:.3f}" for k, v in mentions["recall_by_written"].items()))
    pasted = corpus_scores("pasted")
    if pasted:
        lines.append("  pasted pages (trafilatura's set): " + _pasted_line(pasted))
        lines += _pasted_variants()
    return lines


def _pasted_variants() -> list[str]:
    """Titles and dates of the pasted pages as a user may give them: under names that say nothing
    (the scorer's names carry the site and the article's slug, which help find the headline), and
    selected from the headline down (no menus above it; a date printed above the headline is then
    gone, so fewer dates are found, but none should be wrong). Title exact (case and punctuation
    aside) or close (token F1 >= 0.8), dates as score.py counts them."""
    import json
    import tempfile

    folder = CORPORA / "pasted"
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    unnamed, selected, normalised = _Tally(), _Tally(), _normaliser()
    with tempfile.TemporaryDirectory() as work:
        for number, name in enumerate(sorted(gold), 1):
            text = (folder / "articles" / name).read_text(encoding="utf-8")
            unnamed.add(normalised(Path(work) / f"article-{number}.txt", text), gold[name])
            lines = text.splitlines()
            headline = next((i for i, line in enumerate(lines) if gold[name].get("title")
                             and _words(line) == _words(gold[name]["title"])), None)
            if headline is not None:
                selected.add(normalised(Path(work) / f"selected-{number}.txt", "\n".join(lines[headline:])), gold[name])
    return [f"  the same pages under names that say nothing (article-1.txt, ...): {unnamed}",
            f"  the same pages selected from the headline down ({selected.pages} whose headline is a line): {selected}"]


def _words(text: str) -> list[str]:
    import re

    return re.findall(r"\w+", text.casefold())


def _normaliser():
    """Normalise a text as the file `path` would be, with the shipped rules read and compiled once."""
    from dossier.boilerplate import load_rules
    from dossier.model import SiteConfig
    from dossier.normalise import normalise_article
    from dossier.readers import read_article

    rules, site = load_rules()[0], SiteConfig(title="pasted")

    def normalised(path: Path, text: str):
        path.write_text(text, encoding="utf-8")
        return normalise_article(read_article(path, path.name)[0], site, rules, path.name)[0]
    return normalised


class _Tally:
    """Titles and dates against the gold, counted as the pasted corpus's score.py counts them."""

    def __init__(self) -> None:
        self.pages = self.titles = self.close = self.dated = self.right = self.wrong = 0

    def add(self, article, expected: dict) -> None:
        self.pages += 1
        if expected.get("title"):
            found, wanted = _words(article.title), _words(expected["title"])
            common = sum(min(found.count(w), wanted.count(w)) for w in set(found))
            self.titles += 1
            self.close += found == wanted or (bool(found and wanted) and 2 * common / (len(found) + len(wanted)) >= 0.8)
        if expected.get("date"):
            self.dated += 1
            self.right += bool(article.date) and article.date.value == expected["date"]
            self.wrong += bool(article.date) and article.date.value != expected["date"]

    def __str__(self) -> str:
        return (f"titles exact or close {self.close}/{self.titles}, dates correct {self.right}/{self.dated}, "
                f"wrong {self.wrong}")


def _pasted_line(summary: dict) -> str:
    found = summary["pasted"]["summary"]["dossier"]
    titles, dates = found["titles"], found["dates"]
    return (f"main text kept {found['main_text_kept']:.1%}, boilerplate removed {found['boilerplate_removed']:.1%}, "
            f"titles exact or close {titles.get('exact', 0) + titles.get('close', 0)}/{sum(titles.values())}, "
            f"dates correct {dates.get('correct', 0)}, wrong {dates.get('wrong', 0)}, "
            f"invented {dates.get('invented', 0)}")


def main() -> None:
    print("Development corpora (real news, hand-annotated; ../shared/corpora/*/score.py):")
    for line in development_lines():
        print(line)
    print("In-sample (written beside the code: not a measure of accuracy):")
    cases = read_cases()
    find_dated_mentions("a", body_blocks("warm up on 1 May 2020"), None, ("en",), (), {})
    print(f"  {len(cases)} labelled sentences, {sum(len(c[2]) for c in cases)} dates")
    for name, extract in (("dossier", dossier_dates), ("dateparser.search_dates", search_dates_dates)):
        result = score(extract, cases)
        print(f"  {name:>24}: precision {result['precision']:.1%} recall {result['recall']:.1%} "
              f"({result['right']} right of {result['found']} found, {result['expected']} expected), "
              f"{result['ms_per_case']:.2f} ms per sentence")
    quotes = quote_scores()
    print(f"  quote attribution on the demo corpus ({quotes['quotes']} quotes, {quotes['named']} with a named "
          f"speaker): precision {quotes['precision']:.1%} recall {quotes['recall']:.1%}")


if __name__ == "__main__":
    main()
