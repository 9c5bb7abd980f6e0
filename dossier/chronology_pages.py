"""The chronology's pages: its front page (the years and the latest entries), a page per year, and a
page per month of a busy year."""

from __future__ import annotations

from . import store
from .catalogue import Catalogue
from .i18n import Words
from .model import Chronology, ChronologyEntry, Corpus, PartialDate
from .page_base import Link, base_page
from .urls import article_url, entity_url


def chronology_page(corpus: Corpus, cat: Catalogue, words: Words, _key: str) -> dict:
    """The chronology's front page: one line per year, with what it holds."""
    counts = corpus.chronology.kinds
    years = [{"year": str(int(y)), "url": f"chronology/{y}/", "publications": counts[y]["publication"],
              "events": counts[y]["event"], "mentions": counts[y]["mention"]} for y in sorted(counts)]
    latest = _latest_entries(corpus.chronology)
    return {**base_page("chronology/", "chronology.html", words("nav.chronology"), "chronology"), "years": years,
            "entry_count": len(corpus.chronology), "latest": [chronology_item(e, cat, words) for e in latest],
            "latest_year": _year_link(latest[-1].date.value[:4]) if latest else None}


LATEST_ENTRIES = 10  # the end of the chronology, shown on its front page


def _latest_entries(chronology: Chronology) -> list:
    """The last entries of the chronology, in time order (the latest parts only are read)."""
    found: list = []
    for part in reversed(list(chronology.parts)):
        found = list(store.entries(chronology, part)) + found
        if len(found) >= LATEST_ENTRIES:
            break
    return found[-LATEST_ENTRIES:]


YEAR_PAGE_ENTRIES = 500  # a year with more entries than this has a page per month, linked from the year's page


def chronology_year_page(corpus: Corpus, cat: Catalogue, words: Words, year: str) -> dict:
    """One year of the chronology, by month; a busy year lists its months, each on a page of its own."""
    chronology = corpus.chronology
    split = chronology.year_size(year) > YEAR_PAGE_ENTRIES
    years = chronology.years()
    index = years.index(year)
    return {**base_page(f"chronology/{year}/", "chronology_year.html",
                  words("chronology.title", year=int(year)), "chronology"),
            "months": [_year_part(chronology, part, split, cat, words) for part in chronology.parts_of(year)],
            "up": Link(name=words("chronology.all_years"), url="chronology/", count=0),
            "previous": _year_link(years[index - 1]) if index > 0 else None,
            "next": _year_link(years[index + 1]) if index + 1 < len(years) else None}


def _year_part(chronology: Chronology, part: str, split: bool, cat: Catalogue, words: Words) -> dict:
    """A month of a year's page (or the entries known only to the year): its entries, or in a busy year
    a link to its own page."""
    is_month = len(part) > 4
    linked = split and is_month
    return {"label": words.month_heading(PartialDate(part, "month")) if is_month else words("chronology.during_year"),
            "count": chronology.sizes[part], "url": f"chronology/{part[:4]}/{part[5:]}/" if linked else "",
            "entries": [] if linked else [chronology_item(e, cat, words) for e in store.entries(chronology, part)]}


def chronology_month_page(corpus: Corpus, cat: Catalogue, words: Words, month: str) -> dict:
    """One month of a busy year."""
    months = chronology_months(corpus.chronology, month[:4])
    index = months.index(month)
    entries = store.entries(corpus.chronology, month)
    label = words.month_heading(PartialDate(month, "month"))
    return {**base_page(f"chronology/{month[:4]}/{month[5:]}/", "chronology_year.html",
                  words("chronology.month_title", month=label), "chronology"),
            "months": [{"label": label, "count": len(entries), "url": "",
                        "entries": [chronology_item(e, cat, words) for e in entries]}],
            "up": _year_link(month[:4]),
            "previous": _month_link(months[index - 1], words) if index > 0 else None,
            "next": _month_link(months[index + 1], words) if index + 1 < len(months) else None}


def chronology_months(chronology: Chronology, year: str) -> list[str]:
    """The months of a year that have a page of their own (none unless the year is busy), in order."""
    if chronology.year_size(year) <= YEAR_PAGE_ENTRIES:
        return []
    return chronology.months(year)


def _month_link(month: str, words: Words) -> Link:
    return Link(name=words.month_heading(PartialDate(month, "month")), url=f"chronology/{month[:4]}/{month[5:]}/",
                count=0)


def _year_link(year: str) -> Link:
    return Link(name=str(int(year)), url=f"chronology/{year}/", count=0)


def chronology_item(entry: ChronologyEntry, cat: Catalogue, words: Words) -> dict:
    url = ""
    if entry.article:
        url = article_url(entry.article) + (f"#p-{entry.block}" if entry.block is not None else "")
    elif entry.entities:
        url = entity_url(cat.entities[entry.entities[0]])
    date = words.date(entry.date) + (f" – {words.date(entry.end)}" if entry.end else "")
    own = entry.kind == "event" and not entry.article  # an event's entry links to its page: not listed again
    return {"date": date, "datetime": entry.date.value, "kind": entry.kind, "text": entry.text, "url": url,
            "article_title": cat.articles[entry.article].title if entry.article else "",
            "entities": [Link(name=cat.entities[e].name, url=entity_url(cat.entities[e]), count=0)
                         for e in entry.entities[:8] if not (own and e == entry.entities[0])]}
