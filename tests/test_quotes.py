"""Quote finding and attribution: each case written and checked by hand."""

import pytest

from dossier.link import Matcher, find_mentions
from dossier.quotes import _quote_spans, find_quotes
from helpers import article, blocks_of, person

GALUZIN = person("Mikhail Galuzin", "Galuzin", description="Russian Deputy Minister of Foreign Affairs")
LAVROV = person("Sergey Lavrov", "Lavrov", description="Minister of Foreign Affairs of Russia")
PASHINYAN = person("Nikol Pashinyan", "Pashinyan", description="Prime Minister of Armenia")
ENTITIES = {e.id: e for e in (GALUZIN, LAVROV, PASHINYAN)}


def quotes(text):
    a = article(text)
    blocks = blocks_of(text)
    mentions, _ = find_mentions(a, blocks, Matcher(tuple(ENTITIES.values())))
    return [(q.text, q.speaker or q.speaker_name or None) for q in find_quotes(a.slug, blocks, mentions, ENTITIES)]


@pytest.mark.parametrize(("text", "expected"), [
    ("“The role of our contingent is in demand,” Galuzin said.",
     [("The role of our contingent is in demand", "mikhail-galuzin")]),
    ("“We will continue the talks,” said Lavrov.", [("We will continue the talks", "sergey-lavrov")]),
    ("Lavrov said: “Turkey is our partner in many areas.”", [("Turkey is our partner in many areas.", "sergey-lavrov")]),
    ("According to Galuzin, “the contingent played a huge role.”",
     [("the contingent played a huge role.", "mikhail-galuzin")]),
    ("Pashinyan stressed that «security comes first for our people».",
     [("security comes first for our people", "nikol-pashinyan")]),
    ("Lavrov also said that Turkey has become “a real factor in the region.”",
     [("a real factor in the region.", "sergey-lavrov")]),
    ('"We have arrived with a big program," Pashinyan said.', [("We have arrived with a big program", "nikol-pashinyan")]),
])
def test_speaker_named_beside_the_quote(text, expected):
    assert quotes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("«Это не первый случай», — сказала Захарова.", [("Это не первый случай", "Захарова")]),
    ("«Мы готовы продолжать переговоры», — заявил Песков журналистам.", [("Мы готовы продолжать переговоры", "Песков")]),
    ("“We are ready,” said Zakharova.", [("We are ready", "Zakharova")]),
    ("“We are ready,” the ministry said Monday.", [("We are ready", None)]),
    ("“We are ready,” said Russia’s foreign ministry.", [("We are ready", None)]),
])
def test_an_unregistered_surname_after_the_verb_is_the_speakers_name(text, expected):
    assert quotes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("“The decision was taken at the highest level,” said Kremlin spokesman Dmitry Peskov.", "Dmitry Peskov"),
    ("« La décision a été prise au plus haut niveau », a déclaré Dmitri Peskov.", "Dmitri Peskov"),
    ("\"La decisión se tomó al más alto nivel\", dijo el portavoz Dmitri Peskov.", "Dmitri Peskov"),
    ("„Die Entscheidung wurde auf höchster Ebene getroffen“, sagte Dmitri Peskow.", "Dmitri Peskow"),
    ("\"La decisione è stata presa al massimo livello\", ha detto Dmitri Peskov.", "Dmitri Peskov"),
    ("«Рішення ухвалено на найвищому рівні», — заявив Дмитро Пєсков.", "Дмитро Пєсков"),
    ("“We are not done with this yet,” the Deputy Minister of Foreign Affairs of the Russian Federation said.", None),
])
def test_speech_verbs_of_other_languages_and_a_name_after_its_description(text, expected):
    assert [speaker for _, speaker in quotes(text)] == [expected]


def test_pronoun_means_the_last_person_named_before():
    text = "Lavrov met Pashinyan in Yerevan. As for Pashinyan, he spoke of hopes. “We need a new look at this,” he added."
    assert quotes(text) == [("We need a new look at this", "nikol-pashinyan")]


def test_description_means_the_person_it_describes():
    text = ("Galuzin and Lavrov spoke on Monday.\n\n"
            "“It is very strange to accuse us of this,” said the deputy minister.")
    assert quotes(text) == [("It is very strange to accuse us of this", "mikhail-galuzin")]


def test_second_quote_in_a_paragraph_continues_the_first_speaker():
    text = "“Our key task is to prevent bloodshed,” stated Lavrov. “Besides, we want to discuss the issues.”"
    assert [s for _, s in quotes(text)] == ["sergey-lavrov", "sergey-lavrov"]


def test_unregistered_name_is_kept_but_not_an_entity():
    assert quotes("“The talks went well for everyone,” John Smith said.") == [
        ("The talks went well for everyone", "John Smith")]


def test_no_cue_means_no_speaker():
    text = "Experts explained the situation.\n\n– It is not yet known what will happen in a few years."
    assert quotes(text) == [("It is not yet known what will happen in a few years.", None)]


def test_unknown_description_is_not_guessed():
    text = "Galuzin spoke on Monday. “The post is not needed at all,” a Turkish source said."
    assert quotes(text) == [("The post is not needed at all", None)]


def test_scare_quotes_of_one_or_two_words_are_not_quotes():
    assert quotes("Lavrov reaffirmed support for “brotherly Armenia” on Monday.") == []


def test_quote_over_two_paragraphs_takes_the_speaker_named_in_the_second():
    text = ("“We will keep the contingent there as long as it is needed. It has done its work well.\n\n"
            "“And we expect the other side to agree to the talks,” Lavrov said.")
    assert quotes(text) == [("We will keep the contingent there as long as it is needed. It has done its work well.",
                             "sergey-lavrov"),
                            ("And we expect the other side to agree to the talks", "sergey-lavrov")]


def test_quote_over_two_paragraphs_takes_the_speaker_named_in_the_first():
    text = ("Lavrov said: “We will keep the contingent there as long as it is needed.\n\n"
            "“And we expect the other side to agree to the talks.”")
    assert [speaker for _, speaker in quotes(text)] == ["sergey-lavrov", "sergey-lavrov"]


def test_an_unclosed_quote_does_not_run_into_an_unrelated_paragraph():
    text = "Lavrov said: “We will keep the contingent there as long as it is needed.\n\nThe talks ended on Monday."
    assert [speaker for _, speaker in quotes(text)] == ["sergey-lavrov"]


def test_russian_quote_with_a_dash_and_a_speech_verb():
    lavrov_ru = person("Сергей Лавров", "Лавров")
    text = "«Мы готовы помогать, если стороны этого захотят», — сказал Лавров на пресс-конференции."
    a = article(text)
    blocks = blocks_of(text)
    mentions, _ = find_mentions(a, blocks, Matcher((lavrov_ru,)))
    found = find_quotes(a.slug, blocks, mentions, {lavrov_ru.id: lavrov_ru})
    assert [(q.text, q.speaker) for q in found] == [("Мы готовы помогать, если стороны этого захотят", lavrov_ru.id)]


@pytest.mark.parametrize(("text", "expected"), [
    ("“We said “no” twice,” Roe said.", [("We said “no” twice,", True)]),  # a quote inside a quote
    ("«Мы сказали «нет» дважды», — сказал он.", [("Мы сказали «нет» дважды", True)]),
    ('"Plain marks close at the next one," Roe said, "and open again."',
     [("Plain marks close at the next one,", True), ("and open again.", True)]),
    ("“Here,“ said Roe, “and there.”", [("Here,", True), ("and there.", True)]),  # an opener typed as closer
    ("“Here“ she went.", [("Here", True)]),
    ("“Mid“word” and on", [("Mid“word” and on", False)]),  # an opener inside a word opens: no closing, runs on
    ('A 12" pipe and "a quote" here.', [("a quote", True)]),  # inches are no quotation mark
    ("“It goes on to the next paragraph", [("It goes on to the next paragraph", False)]),
    ("– Yes, we will, he answered.", [("Yes, we will, he answered.", True)]),  # an interview's answer
])
def test_quotation_spans_nest_close_and_run_on_as_typed(text, expected):
    assert [(text[inner_start:inner_end], closed)
            for _, _, inner_start, inner_end, closed in _quote_spans(text)] == expected
