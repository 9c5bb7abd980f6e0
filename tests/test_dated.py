"""Explicit dates in prose: value, precision, the year from context, and false positives left out."""

import pytest

from dossier.dated import find_dated_mentions
from dossier.dates import parse_dateline, parse_iso, parse_numeric
from helpers import blocks_of
from dossier.model import PartialDate

ARTICLE_DATE = PartialDate("2023-10-09", "day")


def dated(text, article_date=ARTICLE_DATE, languages=("en",)):
    found = find_dated_mentions("a", blocks_of(text), article_date, languages, (), {})
    return [(d.text, d.date.value, d.date.precision) for d in found]


@pytest.mark.parametrize(("text", "expected"), [
    ("The truce came on 20 September.", [("20 September", "2023-09-20", "day")]),
    ("It was published on October 9.", [("October 9", "2023-10-09", "day")]),
    ("Armenia applied in September 2022 for help.", [("September 2022", "2022-09", "month")]),
    ("The period expires in 2025.", [("in 2025", "2025", "year")]),
    ("Troops stay until November 2025.", [("November 2025", "2025-11", "month")]),
    ("At the end of September 2020, the war began.", [("September 2020", "2020-09", "month")]),
    ("Talks on 10 November 2020 ended the war.", [("10 November 2020", "2020-11-10", "day")]),
    ("The statement of November 9, 2020 was signed.", [("November 9, 2020", "2020-11-09", "day")]),
    ("Signed on 2020-11-10 at night.", [("2020-11-10", "2020-11-10", "day")]),
    ("The decree of 03.04.2019 applies.", [("03.04.2019", "2019-04-03", "day")]),
])
def test_dates_with_their_precision(text, expected):
    assert dated(text) == expected


def test_missing_year_comes_from_article_date_and_this_year():
    assert dated("Talks are planned on October 12 this year in Bishkek.") == [("October 12", "2023-10-12", "day")]


def test_past_day_later_than_article_date_is_last_year():
    # An article of 9 October 2023 that says "on 22 November" in the past tense means 2022.
    assert dated("The ministers visited Baku on 22 November.") == [("22 November", "2022-11-22", "day")]


def test_future_day_later_than_article_date_stays_this_year():
    assert dated("The ministers will visit Baku on 22 November.") == [("22 November", "2023-11-22", "day")]


def test_no_article_date_no_year_no_mention():
    assert dated("On 22 November the ministers visited Baku.", article_date=None) == []


@pytest.mark.parametrize("text", [
    "The war lasted 44 days, the 44-day war.",
    "In 4.5 years the mandate ends.",
    "We may see changes. And we will march on.",
    "About 25,000 people returned; 2,020 left.",
    "The 7 areas around the region, the 90s.",
    "He is 45 years old.",
])
def test_false_positives_are_left_out(text):
    assert dated(text) == []


def test_russian_month_names_from_dateparser():
    assert dated("Встреча прошла 20 сентября 2023 года.", languages=("ru", "en")) == [
        ("20 сентября 2023", "2023-09-20", "day")]


@pytest.mark.parametrize(("line", "expected"), [
    ("09.10.2023", "2023-10-09"),
    ("Nov 10, 2020 14:05", "2020-11-10"),
    ("Published: Tuesday, November 10, 2020", "2020-11-10"),
    ("2020-11-10", "2020-11-10"),
    ("10 ноября 2020", "2020-11-10"),
])
def test_parse_dateline(line, expected):
    assert parse_dateline(line, ("en", "ru")).value == expected


@pytest.mark.parametrize("line", ["Thursday", "Join us on Telegram", "Russia, Vladimir Putin", "12345"])
def test_lines_that_are_not_datelines(line):
    assert parse_dateline(line, ("en",)) is None


def test_numeric_order_and_invalid_dates():
    assert parse_numeric("10.09.2023", "MDY").value == "2023-10-09"
    assert parse_numeric("31.02.2023", "DMY") is None
    assert parse_iso("2023-13") is None and parse_iso("tomorrow") is None


def test_day_ranges_give_both_ends():
    assert dated("Held from 1 to 3 August, and again between 24 and 30 September.") == [
        ("1 to 3 August", "2023-08-01", "day"), ("1 to 3 August", "2023-08-03", "day"),
        ("24 and 30 September", "2023-09-24", "day"), ("24 and 30 September", "2023-09-30", "day")]
