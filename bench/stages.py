"""Cost per article of each per-article stage, on one core (`python -m bench.stages [N]`).

Runs on the benchmark corpus (N articles, default 1,000; generated if missing) with its registry of
about 3,700 entities and 5,200 names and aliases: reading and normalising, matching every alias,
quotes, and dated mentions, each timed on its own over every article.
"""

from __future__ import annotations

import sys
import time

from bench.run import corpus
from dossier.boilerplate import load_rules
from dossier.config import load_site_config
from dossier.dated import find_dated_mentions
from dossier.language import load_language_model
from dossier.link import Matcher, find_mentions
from dossier.markdown import body_blocks
from dossier.normalise import normalise_article
from dossier.quotes import find_quotes
from dossier.readers import read_article
from dossier.registry import load_registry


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    content = corpus(size) / "content"
    site, _ = load_site_config(content)
    entities, _ = load_registry(content)
    rules, _ = load_rules(content)
    by_id = {e.id: e for e in entities}
    load_language_model()
    started = time.perf_counter()
    matcher = Matcher(entities)
    automaton = time.perf_counter() - started
    forms = sum(1 + len(e.aliases) for e in entities)
    spent = dict.fromkeys(("read and normalise", "blocks (markdown)", "link (match every alias)", "quotes",
                           "dated mentions"), 0.0)
    files = sorted((content / "articles").iterdir())
    for path in files:
        clock = time.perf_counter()
        document, _ = read_article(path, path.name)
        article, _ = normalise_article(document, site, rules, str(path))
        clock = _lap(spent, "read and normalise", clock)
        blocks = body_blocks(article.body)
        clock = _lap(spent, "blocks (markdown)", clock)
        mentions, _ = find_mentions(article, blocks, matcher)
        clock = _lap(spent, "link (match every alias)", clock)
        find_quotes(article.slug, blocks, mentions, by_id)
        clock = _lap(spent, "quotes", clock)
        find_dated_mentions(article.slug, blocks, article.date, ("en",), mentions, by_id)
        _lap(spent, "dated mentions", clock)
    print(f"{len(files):,} articles, {len(entities):,} entities with {forms:,} names and aliases "
          f"(automaton built in {automaton * 1000:.0f} ms); milliseconds per article, one core:")
    for stage, seconds in spent.items():
        print(f"  {stage:<28} {1000 * seconds / len(files):6.2f}")


def _lap(spent: dict, stage: str, clock: float) -> float:
    now = time.perf_counter()
    spent[stage] += now - clock
    return now


if __name__ == "__main__":
    main()
