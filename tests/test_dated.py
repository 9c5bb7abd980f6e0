"""Explicit dates in prose: value, precision, the year from context, and false positives left out."""

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from dossier.dated import _LEAD_LED, _MONTH_LED, _matches_at, _patterns, find_dated_mentions
from dossier.dates import parse_dateline, parse_iso, parse_numeric
from dossier.link import lower_same_length
from helpers import blocks_of
from dossier.model import PartialDate
from dossier.relative import find_relative

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
    assert dated("Talks are planned on October 12 this year in Bishkek.") == [
        ("October 12 this year", "2023-10-12", "day")]


def test_past_day_later_than_article_date_is_last_year():
    # An article of 9 March 2023 that says "on 22 November" in the past tense means 2022.
    assert dated("The ministers visited Baku on 22 November.", PartialDate("2023-03-09", "day")) == [
        ("22 November", "2022-11-22", "day")]


def test_past_day_just_after_the_article_date_is_left_undated():
    # Written on 9 October: a past visit "on 22 November" is last year's, or a date reported ahead of time
    # ("the offer was extended to 22 November" would say so): too close to call.
    assert dated("The ministers visited Baku on 22 November.") == []


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
    ("14:25 03/11/2020", "2020-11-03"),  # the time first, as news agencies print it
    ("09:05, 10.11.2020", "2020-11-10"),
])
def test_parse_dateline(line, expected):
    assert parse_dateline(line, ("en", "ru")).value == expected


@pytest.mark.parametrize("line", ["Thursday", "Join us on Telegram", "Russia, Vladimir Putin", "12345", "14:25"])
def test_lines_that_are_not_datelines(line):
    assert parse_dateline(line, ("en",)) is None


def test_numeric_order_and_invalid_dates():
    assert parse_numeric("10.09.2023", "MDY").value == "2023-10-09"
    assert parse_numeric("31.02.2023", "DMY") is None
    assert parse_iso("2023-13") is None and parse_iso("tomorrow") is None


def test_a_numeric_date_only_one_order_can_read_is_read_in_that_order():
    assert parse_numeric("12/30/2019", "DMY").value == "2019-12-30"  # no 30th month: month first
    assert parse_numeric("05/06/2019", "DMY").value == "2019-06-05"  # both can: the site's order
    assert parse_numeric("05/06/2019", "MDY").value == "2019-05-06"


def test_numeric_dates_with_spaces_after_the_dots_and_short_years_beside_a_time():
    assert parse_dateline("18. 05. 2014 22:38", ("de",)).value == "2014-05-18"
    assert parse_dateline("19.10.19, 08:16 Uhr", ("de",)).value == "2019-10-19"
    assert parse_dateline("03.04.71, 10:00", ("de",)).value == "1971-04-03"
    assert parse_dateline("19.10.19", ("de",)) is None  # without a time, 19.10.19 may be a version or a score


def test_day_ranges_give_both_ends():
    assert dated("Held from 1 to 3 August, and again between 24 and 30 September.") == [
        ("1 to 3 August", "2023-08-01", "day"), ("1 to 3 August", "2023-08-03", "day"),
        ("24 and 30 September", "2023-09-24", "day"), ("24 and 30 September", "2023-09-30", "day")]


def _written_forms():
    """Datelines in the written forms, in English and Russian, with a few that are not dates."""
    forms = []
    for day, month, year in ((1, "March", 2024), (12, "Mar", 2023), (30, "September", 2022), (31, "Sept.", 2021),
                             (29, "February", 2023), (5, "May", 2020), (9, "мая", 2022), (20, "сентября", 2023),
                             (3, "Ноябрь", 2019), (10, "Blursday", 2020)):
        forms += [f"{day} {month} {year}", f"{month} {day}, {year}", f"{month} {day} {year}", f"{month} {year}",
                  f"Tuesday, {day} {month} {year}", f"Tue, {month} {day}, {year}", f"{day}th {month} {year}",
                  f"вторник, {day} {month} {year}", f"Someday, {day} {month} {year}", f"{day} of {month} {year}"]
    return forms


def _read_fast(text: str) -> bool:
    """Whether the fast reader should read `text` itself (decided by hand from its parts): a real month
    and day, a known weekday of the month's own language, no "of", an ordinal only in English."""
    russian_month = any(m in text for m in ("мая", "сентября", "Ноябрь"))
    no_such_day = ("29 February 2023", "February 29, 2023", "February 29 2023", "29th February 2023",  # not a leap year
                   "31 Sept.", "Sept. 31", "31th Sept.")  # September has 30 days
    return not any(bad in text for bad in ("Blursday", "Someday", " of ", *no_such_day)) \
        and not (text.startswith("вторник") and not russian_month) \
        and not (text.startswith(("Tuesday", "Tue,")) and russian_month) \
        and not ("th " in text and russian_month)


@pytest.mark.parametrize("text", _written_forms())
def test_written_dates_read_without_dateparser_as_dateparser_reads_them(text):
    """The fast reading of `12 March 2024` and its kin agrees with dateparser where it reads a form,
    and leaves to dateparser exactly the forms it should."""
    from dossier.dates import _dateparser_parse, parse_written

    fast = parse_written(text, ("en", "ru"))
    if _read_fast(text):
        assert fast is not None and fast == _dateparser_parse(text, ("en", "ru"), "DMY"), (fast, text)
    else:
        assert fast is None, (fast, text)


def test_which_written_dates_are_read_without_dateparser():
    from dossier.dates import parse_written

    assert parse_written("Tuesday, 12 March 2024", ("en",)).value == "2024-03-12"
    assert parse_written("Sept. 30, 2022", ("en",)).value == "2022-09-30"
    assert parse_written("March 2024", ("en",)) == PartialDate("2024-03", "month")
    assert parse_written("20 сентября 2023", ("ru", "en")).value == "2023-09-20"
    assert parse_written("31 February 2023", ("en",)) is None  # no such day
    assert parse_written("Someday, 12 March 2024", ("en",)) is None  # not a weekday: dateparser decides
    assert parse_written("12 March 2024 at noon", ("en",)) is None


def test_languages_dateparser_lacks_are_read_as_english_and_norwegian_as_bokmal():
    from dossier.dates import known_languages

    assert known_languages(("la", "en")) == ("en",)  # Latin, as language detection may name it
    assert known_languages(("xx",)) == ("en",)
    assert known_languages(("no", "en")) == ("nb", "en")
    assert known_languages(("pt-BR", "en")) == ("pt", "en") and known_languages(("zh-Hans",)) == ("zh-Hans",)
    assert parse_dateline("12 de março de 2024", ("pt-BR", "en")).value == "2024-03-12"
    assert parse_dateline("12. mars 2024", ("no", "en")).value == "2024-03-12"
    assert dated("Møtet ble holdt i mai 2023.", languages=("no", "en")) == [("mai 2023", "2023-05", "month")]


def test_a_day_written_with_a_period_as_german_and_nordic_languages_write_it():
    assert dated("Das Treffen fand am 3. Mai 2023 statt.", languages=("de", "en")) == [
        ("3. Mai 2023", "2023-05-03", "day")]
    assert dated("Møtet varte fra 1.–3. mai 2023.", languages=("no", "en")) == [
        ("1.–3. mai 2023", "2023-05-01", "day"), ("1.–3. mai 2023", "2023-05-03", "day")]
    assert dated("He scored 3. The rest came in May 2023.") == [("May 2023", "2023-05", "month")]


@pytest.mark.parametrize("line", ["Talks on energy in Baku (2024)", "Anna Bauer on youth talks in Sevik (1965)",
                                  "Russia and Armenia sign a deal, 2023", "Итоги года: Москва и Баку, 2024"])
def test_a_headline_with_a_year_is_no_dateline_and_dateparser_is_not_asked(line, monkeypatch):
    from dossier import dates

    assert dates._dateparser_parse(line, ("en", "ru"), "DMY") is None  # what it would answer
    monkeypatch.setattr(dates, "_dateparser_parse", lambda *args: pytest.fail(f"dateparser asked about {line!r}"))
    assert parse_dateline(line, ("en", "ru")) is None


@pytest.mark.parametrize(("line", "expected"), [
    ("le 12 mars 2024", "2024-03-12"), ("12th of March, 2024", "2024-03-12"), ("Someday, 12 March 2024", "2024-03-12"),
    ("Published on 12 March 2024 at noon", "2024-03-12")])
def test_datelines_of_words_dateparser_knows_are_still_asked(line, expected, monkeypatch):
    from dossier import dates

    asked, ask = [], dates._dateparser_parse
    monkeypatch.setattr(dates, "_dateparser_parse", lambda *args: asked.append(args[0]) or ask(*args))
    assert parse_dateline(line, ("en", "fr")).value == expected and asked


@pytest.mark.parametrize(("text", "expected"), [
    # The digits of a model number or a reference are not a day: a day starts a word.
    ("The X15 May 2023 upgrade was cancelled.", [("May 2023", "2023-05", "month")]),
    ("Form A12.05.2023 was filed.", []),
    ("Order x2020-11-10 was filed.", []),
    ("Talks from 1-3 August 2023 and 15 May 2023.", [("1-3 August 2023", "2023-08-01", "day"),
                                                   ("1-3 August 2023", "2023-08-03", "day"),
                                                   ("15 May 2023", "2023-05-15", "day")]),
    ("12.05.2023, then 2023-05-14.", [("12.05.2023", "2023-05-12", "day"), ("2023-05-14", "2023-05-14", "day")]),
])
def test_a_day_or_a_date_in_figures_starts_a_word(text, expected):
    assert dated(text) == expected


WORDS = ["in", "the", "end", "of", "the end of", "year", "the year", "since", "mid-", "may", "March", "sept.", "2020", "1999", "12", "3rd",
         "to", ",", "-", "%", "per", "days", "в", "весной", "мае", "2019-05-06", "03.04.2019"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14), st.lists(st.sampled_from([" ", "  ", "", "\n"]), min_size=14,
                                                                 max_size=14))
@example(["the end of", "2020"], [" "] * 14)  # a leading word inside a match: not a match of its own
@example(["весной", "2019"], [" "] * 14)  # "в" also leads
def test_patterns_tried_where_a_month_or_a_leading_word_begins_find_what_scanning_finds(words, spaces):
    text = lower_same_length("".join(w + s for w, s in zip(words, spaces)))
    _, month_starts, lead_starts, patterns = _patterns(("en", "ru"))
    starts = {"month": [m.start() for m in month_starts.finditer(text)],
              "lead": [m.start() for m in lead_starts.finditer(text)]}
    for kind, pattern in patterns:
        if kind in _MONTH_LED or kind in _LEAD_LED:
            tried = _matches_at(pattern, text, starts["month" if kind in _MONTH_LED else "lead"])
            assert [m.span() for m in tried] == [m.span() for m in pattern.finditer(text)], (kind, text)


# Relative and weekday dates, counted from the publication date. 2023-10-09 was a Monday. Each expected
# value was counted by hand on a calendar.
@pytest.mark.parametrize(("text", "expected"), [
    ("The envoy arrived yesterday.", [("yesterday", "2023-10-08", "day")]),
    ("The talks resume today in Brussels.", [("today", "2023-10-09", "day")]),
    ("Voting ends tomorrow.", [("tomorrow", "2023-10-10", "day")]),
    ("The ministers met on Friday in Geneva.", [("Friday", "2023-10-06", "day")]),
    ("The ministers will meet on Friday in Geneva.", [("Friday", "2023-10-13", "day")]),
    ("The council voted Monday to extend the mission.", [("Monday", "2023-10-09", "day")]),
    ("The border reopened last Tuesday.", [("last Tuesday", "2023-10-03", "day")]),
    ("Friday's vote was close.", [("Friday", "2023-10-06", "day")]),
    ("Exports fell last year and rose this year.", [("last year", "2022", "year"), ("this year", "2023", "year")]),
    ("A new round is planned for next month.", [("next month", "2023-11", "month")]),
    ("Prices rose earlier this month.", [("this month", "2023-10", "month")]),
    ("The treaty was signed last May.", [("last May", "2023-05", "month")]),
    ("A vote is due this December.", [("this December", "2023-12", "month")]),
    ("The office opened two weeks ago.", [("two weeks ago", "2023-09-25", "day")]),
    ("The rebels withdrew 10 days ago.", [("10 days ago", "2023-09-29", "day")]),
    ("The war ended three years ago.", [("three years ago", "2020", "year")]),
    ("Trade grew in January this year.", [("in January this year", "2023-01", "month")]),
])
def test_relative_dates_counted_from_the_publication(text, expected):
    assert dated(text) == expected


@pytest.mark.parametrize("text", [
    "Talks resumed last week.",  # a week has no single day
    "Markets remember Black Monday.",  # a name, not a day
    "Shops close early on Sundays.",  # every Sunday
    "The shelling began at 10 p.m. Thursday.",  # a time: the day alone would misstate it
    "Sales were higher a year ago.",  # that day, that month or that year? too close to call
    "This is the Evening Today programme.",  # a name in capitals
    "Net income was lower in the third quarter of 2022.",  # a quarter, not the year
    "The treaty was signed last September.",  # a month ago, or a year and a month? (written in October)
])
def test_relative_phrases_that_name_no_single_date_are_left_out(text):
    assert dated(text) == []


def test_relative_dates_need_a_publication_date():
    assert dated("The envoy arrived yesterday and leaves on Friday.", article_date=None) == []


def test_a_month_date_cannot_count_days():
    assert dated("The envoy arrived yesterday; exports fell last month.", PartialDate("2023-10", "month")) == [
        ("last month", "2023-09", "month")]


@pytest.mark.parametrize(("text", "expected"), [
    # future tense: a month before the publication's is next year's (the article is of 9 October 2023)
    ("The country is expected to join the union in April.", [("in April", "2024-04", "month")]),
    ("Kyiv will host the summit on 15 March.", [("15 March", "2024-03-15", "day")]),
    ("The deal is to be completed by Jan. 14.", [("Jan. 14", "2024-01-14", "day")]),
    # an irregular participle after "will be" is part of the future, not a past tense
    ("The dividend will be paid Feb. 2 to holders of record.", [("Feb. 2", "2024-02-02", "day")]),
    ("Results are expected in mid-January.", [("mid-January", "2024-01", "month")]),
    # no tense word: the nearer year
    ("The dividend is payable Dec. 7 to holders of record Nov. 22.",
     [("Dec. 7", "2023-12-07", "day"), ("Nov. 22", "2023-11-22", "day")]),
    # past tense: a month after the publication's (and more than two ahead) was last year's
    ("Since March, the mission has patrolled the border.", [("Since March", "2023-03", "month")]),
    # tense is read in the clause of the date, quotations aside
    ('Officials said the bridge, "which we will finish soon", opened in February.',
     [("in February", "2023-02", "month")]),
])
def test_the_year_of_a_date_without_one_follows_the_tense_of_its_clause(text, expected):
    assert dated(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Until Dec. 31, 1994 the rate is fixed.", [("Dec. 31, 1994", "1994-12-31", "day")]),
    ("It was the 1996 campaign.", [("1996", "1996", "year")]),
    ("Output grew between 1994 and 1997.", [("1994", "1994", "year"), ("1997", "1997", "year")]),
    ("Elections were held in 2021 and 2022.", [("in 2021", "2021", "year"), ("2022", "2022", "year")]),
    ("Profit in fiscal 1989 rose.", [("1989", "1989", "year")]),
])
def test_years_as_modifiers_pairs_and_abbreviated_months(text, expected):
    assert dated(text) == expected


@pytest.mark.parametrize("text", [
    "The bill cost $1990 in all.", "About 1,990 people came.", "In the 1990s trade grew.",
    "Some 2000 troops arrived.", "The rate was 1995%.",
])
def test_numbers_that_are_not_years_are_left_out(text):
    assert dated(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Вчера министр прибыл в Ереван.", [("Вчера", "2023-10-08", "day")]),
    ("Переговоры пройдут в пятницу в Москве.", [("в пятницу", "2023-10-13", "day")]),
    ("Встреча состоялась в пятницу.", [("в пятницу", "2023-10-06", "day")]),
    ("В прошлом году экспорт вырос.", [("В прошлом году", "2022", "year")]),
    ("Договор подписали два года назад.", [("два года назад", "2021", "year")]),
    ("Саммит прошел 19 сентября.", [("19 сентября", "2023-09-19", "day")]),
])
def test_russian_relative_dates_and_month_days(text, expected):
    assert dated(text, languages=("ru", "en")) == expected


def test_a_russian_date_in_an_english_article_is_read():
    assert dated("The statement (заявление от 19 сентября) was read out.") == [("19 сентября", "2023-09-19", "day")]


def test_each_date_says_how_it_was_found():
    found = find_dated_mentions("a", blocks_of("It rained yesterday. Talks ended in 2021. They met in May."),
                                ARTICLE_DATE, ("en",), (), {})
    assert [d.how for d in found] == ["counted in days from the publication date", "written in full",
                                     "the publication's year (past tense)"]


PUBLISHED_THURSDAY = PartialDate("2024-03-14", "day")  # a Thursday


@pytest.mark.parametrize(("text", "expected"), [
    ("Yesterday the council met.", ("Yesterday", "2024-03-13", "counted in days from the publication date")),
    ("The vote is tomorrow.", ("tomorrow", "2024-03-15", "counted in days from the publication date")),
    ("Prices rose last year.", ("last year", "2023", "counted from the publication date")),
    ("Prices rose last month.", ("last month", "2024-02", "counted from the publication date")),
    ("Prices will rise next month.", ("next month", "2024-04", "counted from the publication date")),
    ("Prices rose last week.", ("last week", None, "counted from the publication date")),  # which day?
    ("The mayor resigned two weeks ago.", ("two weeks ago", "2024-02-29", "counted back from the publication date")),
    ("The mayor resigned 3 days ago.", ("3 days ago", "2024-03-11", "counted back from the publication date")),
    ("The mayor resigned a year ago.", ("a year ago", None, "no single date")),
    ("The mayor resigned last May.", ("last May", "2023-05", "the month's year from the publication date")),
    ("The mayor resigned last February.", ("last February", None, "the month's year from the publication date")),
    ("The mayor will resign next June.", ("next June", "2024-06", "the month's year from the publication date")),
    ("The mayor resigned in May last year.", ("May last year", "2023-05", "the year counted from the publication date")),
    ("The mayor resigned last Monday.", ("last Monday", "2024-03-11", "the weekday counted from the publication date")),
    ("The council will meet next Thursday.",
     ("next Thursday", "2024-03-21", "the weekday counted from the publication date")),
    ("Officials said the talks begin next Monday.",
     ("next Monday", "2024-03-18", "the weekday counted from the publication date")),  # "next" outweighs "said"
    ("The vote will be this Monday.", ("this Monday", "2024-03-18", "the weekday counted from the publication date")),
    ("The mayor resigned last Sept.", ("last Sept", "2023-09", "the month's year from the publication date")),
    ("The mayor resigned in Sept. last year.",
     ("Sept. last year", "2023-09", "the year counted from the publication date")),
    ("The council met on Monday.", ("Monday", "2024-03-11", "the weekday counted from the publication date")),
    ("The council will meet on Monday.", ("Monday", "2024-03-18", "the weekday counted from the publication date")),
    ("The council met on Thursday.", ("Thursday", "2024-03-14", "the weekday counted from the publication date")),
    ("The market opens every Monday.", ("Monday", None, "a time of day")),
    ("Shares fell on Black Monday.", ("Black Monday", None, "names no single day")),
])
def test_each_relative_date_is_counted_from_the_publication_and_says_how(text, expected):
    found = find_relative(text, text.lower(), PUBLISHED_THURSDAY, ("en",))
    assert [(text[f.start:f.end], f.date.value if f.date else None, f.how) for f in found] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("Вчера совет собрался.", ("Вчера", "2024-03-13")),
    ("В прошлом году цены выросли.", ("В прошлом году", "2023")),
    ("Совет соберётся в следующем месяце.", ("в следующем месяце", "2024-04")),
    ("На прошлой неделе цены выросли.", ("На прошлой неделе", None)),
])
def test_russian_relative_dates_are_counted_the_same_way(text, expected):
    found = find_relative(text, text.lower(), PUBLISHED_THURSDAY, ("ru",))
    assert [(text[f.start:f.end], f.date.value if f.date else None) for f in found] == [expected]


def test_no_relative_date_is_counted_from_an_undated_article_or_a_year_alone():
    assert find_relative("Yesterday the council met.", "yesterday the council met.", None, ("en",)) == []
    found = find_relative("The council met on Monday, last month.", "the council met on monday, last month.",
                          PartialDate("2024", "year"), ("en",))
    assert [(f.date, f.how) for f in found] == [(None, "the weekday counted from the publication date"),
                                                (None, "counted from the publication date")]


PAST_TENSE, FUTURE_TENSE = "the year before the publication's (past tense)", "the year after the publication's (future tense)"


@pytest.mark.parametrize(("text", "expected"), [
    # a day written without its year, in an article published on Thursday 14 March 2024
    ("The talks ended on March 2.", ("2024-03-02", "the publication's year")),
    ("The talks ended on 5 May last year.", ("2023-05-05", "the year written after it, counted from the publication's")),
    ("The talks will end on 5 May next year.", ("2025-05-05", "the year written after it, counted from the publication's")),
    ("The talks ended on January 20.", ("2024-01-20", "the publication's year (past tense)")),
    ("The talks ended on October 20.", ("2023-10-20", PAST_TENSE)),
    ("The talks will end on January 20.", ("2025-01-20", FUTURE_TENSE)),
    ("The talks will end on October 20.", ("2024-10-20", "the publication's year (future tense)")),
    ("The festival, January 20.", ("2024-01-20", "the nearer year to the publication")),
    ("The festival, October 20.", ("2023-10-20", "the nearer year to the publication")),
    ("The festival, May 20.", ("2024-05-20", "the nearer year to the publication")),
    ("Since October 5 prices have risen.", ("2023-10-05", PAST_TENSE)),  # "since": past whatever follows
    ("By January 20 the bridge is open.", ("2025-01-20", FUTURE_TENSE)),  # "by": still to come
    ("The deadline was extended to January 20.", ("2025-01-20", FUTURE_TENSE)),
])
def test_a_day_without_its_year_is_placed_by_the_tense_and_says_how(text, expected):
    found = find_dated_mentions("a", blocks_of(text), PartialDate("2024-03-14", "day"), ("en",), (), {})
    assert [(d.date.value, d.how) for d in found] == [expected]


@pytest.mark.parametrize("text", [
    "The talks closed on April 22.",  # past tense, weeks after the publication: last year, or reported ahead?
    "The festival, September 20.",  # six months either way: no nearer year
])
def test_a_day_without_its_year_gets_none_when_two_years_are_as_likely(text):
    assert find_dated_mentions("a", blocks_of(text), PartialDate("2024-03-14", "day"), ("en",), (), {}) == ()


def test_a_day_without_its_year_gets_none_from_an_article_dated_by_its_year_only():
    found = find_dated_mentions("a", blocks_of("The talks ended on 5 May last year. They began on May 2."),
                                PartialDate("2024", "year"), ("en",), (), {})
    assert [(d.text, d.date.value) for d in found] == [("5 May last year", "2023-05-05")]


def test_a_dated_mention_carries_its_place_sentence_entities_and_the_event_it_dates():
    from dossier.link import Matcher, find_mentions
    from helpers import article, entity, person

    weiss = person("Anna Weiss", "Weiss")
    summit = entity("Spring Summit", "event", date=PartialDate("2024-03-10", "day"))
    autumn = entity("Autumn Talks", "event", start=PartialDate("2023-10", "month"), end=PartialDate("2023-11", "month"))
    text = "The talks were long.\n\nWeiss spoke at the Spring Summit on 10 March 2024. The Autumn Talks began in May 2021."
    blocks = blocks_of(text)
    mentions, _ = find_mentions(article(text), blocks, Matcher((weiss, summit, autumn)))
    found = find_dated_mentions("talks", blocks, PartialDate("2024-03-14", "day"), ("en",), mentions,
                                {e.id: e for e in (weiss, summit, autumn)})
    second = blocks[1].text
    assert [(d.article, d.block, second[d.start:d.end], d.text, d.date.value, d.sentence, d.entities, d.event, d.how)
            for d in found] == [
        ("talks", 1, "10 March 2024", "10 March 2024", "2024-03-10",
         "Weiss spoke at the Spring Summit on 10 March 2024.", ("anna-weiss", "spring-summit"), "spring-summit",
         "written in full"),
        ("talks", 1, "May 2021", "May 2021", "2021-05", "The Autumn Talks began in May 2021.", ("autumn-talks",),
         None, "written in full"),  # the event's dates do not agree: not its date
    ]


@pytest.mark.parametrize(("text", "order", "short_year", "expected"), [
    ("2024/03/14", "DMY", False, "2024-03-14"),  # year first: no order to choose
    ("2024/03/14", "MDY", False, "2024-03-14"),
    ("14.03.2024", "DMY", False, "2024-03-14"),
    ("03/14/2024", "MDY", False, "2024-03-14"),
    ("12/30/2019", "DMY", False, "2019-12-30"),  # only the other order names a real day
    ("18. 05. 2014", "DMY", False, "2014-05-18"),
    ("14.03.24", "DMY", True, "2024-03-14"),  # a two-digit year beside a time
    ("14.03.68", "DMY", True, "2068-03-14"),
    ("14.03.69", "DMY", True, "1969-03-14"),
    ("14.03.24", "DMY", False, None),  # alone, a two-digit year is not read
    ("31.02.2024", "DMY", False, None),
])
def test_numeric_dates_by_order_and_two_digit_years(text, order, short_year, expected):
    found = parse_numeric(text, order, short_year)
    assert (found.value if found else None) == expected


def test_a_made_date_is_as_precise_as_its_parts_and_real():
    from dossier.dates import make_date

    assert make_date(2024) == PartialDate("2024", "year")
    assert make_date(2024, 2) == PartialDate("2024-02", "month")
    assert make_date(2024, 2, 29) == PartialDate("2024-02-29", "day")
    assert [make_date(2023, 2, 29), make_date(0), make_date(10000), make_date(2024, 13)] == [None] * 4
    assert make_date(1, 1, 1) == PartialDate("0001-01-01", "day") and make_date(9999) == PartialDate("9999", "year")


def test_a_period_overlaps_a_date_that_shares_a_day_with_it():
    from dossier.dates import overlaps

    march, autumn = PartialDate("2024-03", "month"), (PartialDate("2023-10", "month"), PartialDate("2023-11", "month"))
    assert overlaps(march, None, PartialDate("2024-03-31", "day"))
    assert not overlaps(march, None, PartialDate("2024-04-01", "day"))
    assert overlaps(*autumn, PartialDate("2023-11-30", "day")) and overlaps(*autumn, PartialDate("2023", "year"))
    assert not overlaps(*autumn, PartialDate("2023-09-30", "day"))
    assert overlaps(PartialDate("2024", "year"), None, PartialDate("2024-12-31", "day"))
    assert not overlaps(PartialDate("2024", "year"), None, PartialDate("2025-01-01", "day"))


@pytest.mark.parametrize(("text", "expected"), [
    ("The council met on Monday.", "past"),
    ("The council will meet on Monday.", "future"),
    ("The council meets on Monday.", None),
    ("The council met last week, and it will vote on Monday.", "future"),  # the clause of the date
    ("It will vote on Monday, the council said.", "future"),
    ("On Monday, the council met.", "past"),  # no tense in its clause: the sentence's
    ("He said “we will win” on Monday.", "past"),  # a quotation's words are not the sentence's
    ("“We will vote on Monday,” he said.", "future"),  # inside one, only its words
    ("The vote is scheduled for Monday.", "future"),  # "scheduled" looks like a past tense, and is a future
    ("The armed men came on Monday.", "past"),  # "armed" is no past tense, "came" is
    ("The council voted, and on Monday the mayor will sign.", "future"),  # the nearest marker wins
])
def test_the_tense_of_the_clause_a_date_stands_in(text, expected):
    from dossier.relative import tense_at

    assert tense_at(text, text.index("Monday"), "en") == expected
