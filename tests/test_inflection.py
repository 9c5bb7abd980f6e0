"""Russian and Ukrainian names linked in every grammatical form. Invented names; every expected form
was written out by hand from the declension tables."""

import pytest

from dossier.inflection import name_forms
from dossier.link import Matcher, find_mentions
from helpers import article, blocks_of, entity, person

SOKOLOV = person("Артём Соколов", "Соколов")
BELKINA = person("Ольга Белкина", "Белкина")
ARUTYUNYAN = person("Гурген Арутюнян", "Арутюнян")
ZAVODSKY = person("Пётр Заводский", "Заводский")
SEVERNY = entity("Северный союз", "organisation")
GORDUMA = entity("Горсобрание", "organisation")
DUMA = entity("Дума", "organisation")
VESTNIK = entity("Вестник", "organisation")
ROSSIYA_BANK = entity("Россия", "organisation")
GAZPROM = entity("ТЕПЛОРОС", "organisation")
FUND = entity("Фонд Петра Заводского", "organisation")
KOVALENKO = person("Тарас Коваленко", "Коваленко")
HORODSKY = person("Іван Городський", "Городський")
REGISTRY = (SOKOLOV, BELKINA, ARUTYUNYAN, ZAVODSKY, SEVERNY, GORDUMA, VESTNIK, ROSSIYA_BANK, GAZPROM, FUND,
            KOVALENKO, HORODSKY, DUMA)
MATCHER = Matcher(REGISTRY)


def linked(text):
    a = article(text)
    mentions, _ = find_mentions(a, blocks_of(text), MATCHER)
    return [(m.text, m.entity) for m in mentions]


@pytest.mark.parametrize(("name", "kind", "forms"), [
    ("Артём Соколов", "person", {"Артёма Соколова", "Артёму Соколову", "Артёмом Соколовым", "Артёме Соколове",
                                 "Артема Соколова"}),
    ("Ольга Белкина", "person", {"Ольги Белкиной", "Ольге Белкиной", "Ольгу Белкину", "Ольгой Белкиной"}),
    ("Гурген Арутюнян", "person", {"Гургена Арутюняна", "Гургену Арутюняну", "Гургеном Арутюняном"}),
    ("Пётр Заводский", "person", {"Петра Заводского", "Петру Заводскому", "Петром Заводским"}),
    ("Северный союз", "organisation", {"Северного союза", "Северному союзу", "Северным союзом", "Северном союзе"}),
    ("ТЕПЛОРОС", "organisation", {"ТЕПЛОРОСа", "ТЕПЛОРОСу", "ТЕПЛОРОСом", "ТЕПЛОРОСе"}),
    ("Фонд Петра Заводского", "organisation", {"Фонда Петра Заводского", "Фондом Петра Заводского"}),
    ("Іван Городський", "person", {"Івана Городського", "Іванові Городському", "Іваном Городським"}),
])
def test_every_case_of_a_name(name, kind, forms):
    assert forms <= set(name_forms(name, kind))


def test_a_womans_surname_on_a_consonant_and_an_indeclinable_one_keep_their_form():
    assert "Анны Арутюнян" in name_forms("Анна Арутюнян", "person")
    assert "Анны Арутюняна" not in name_forms("Анна Арутюнян", "person")
    assert set(name_forms("Тарас Коваленко", "person")) >= {"Тараса Коваленко", "Тарасом Коваленко"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Встреча с Артёмом Соколовым прошла в Казани.", [("Артёмом Соколовым", "artem-sokolov")]),
    ("Письмо Ольге Белкиной отправили вчера.", [("Ольге Белкиной", "olga-belkina")]),
    ("Делегацию Северного союза встретил мэр.", [("Северного союза", "severnyi-soiuz")]),
    ("Акции ТЕПЛОРОСа выросли.", [("ТЕПЛОРОСа", "teploros")]),
    ("Он говорил с Соколовым и Арутюняном.", [("Соколовым", "artem-sokolov"), ("Арутюняном", "gurgen-arutiunian")]),
    ("Статья вышла в «Вестнике».", [("Вестнике", "vestnik")]),
    ("Заявление Артема Соколова опубликовано.", [("Артема Соколова", "artem-sokolov")]),  # ё written as е
    ("Зустріч з Іваном Городським відбулася у Києві.", [("Іваном Городським", "ivan-gorodskii")]),
])
def test_inflected_names_are_linked(text, expected):
    assert linked(text) == expected


def test_a_shorter_name_inside_a_longer_one_is_named_too():
    assert linked("Грант выдал Фонд Петра Заводского.") == [
        ("Фонд Петра Заводского", "fond-petra-zavodskogo"), ("Петра Заводского", "petr-zavodskii")]


@pytest.mark.parametrize(("text", "expected"), [
    # an organisation named like a country: only with a quote mark or a word of its kind
    ("Россия и Казахстан подписали договор.", []),
    ("Клиенты банка «Россия» получили письма.", [("Россия", "rossiia")]),
    # an ordinary word that looks like a name with an ending is no name: думаю is a verb, not Дума
    ("Думаю, что Думе это не понравится.", [("Думе", "duma")]),
    ("Это решение Горсобранием не обсуждалось.", [("Горсобранием", "gorsobranie")]),
    # another person's given name before a registered surname
    ("Сергей Соколов выступил первым.", []),
])
def test_homonyms_and_other_people(text, expected):
    assert linked(text) == expected


@pytest.mark.parametrize(("written", "kind", "expected"), [
    ("Артёма Соколова", "person", "Артём Соколов"),
    ("Ольги Белкиной", "person", "Ольга Белкина"),
    ("Казани Артём Соколов", "person", "Артём Соколов"),  # a word before the name is not part of it
    ("Северного союза", "organisation", "Северный союз"),
    ("Фонда Петра Заводского", "organisation", "Фонд Петра Заводского"),
    ("Artem Sokolov", "person", "Artem Sokolov"),
])
def test_an_unregistered_name_is_suggested_in_the_nominative(written, kind, expected):
    from dossier.inflection import nominative

    assert nominative(written, kind) == expected
