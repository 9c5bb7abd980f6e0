"""Entity matching and mention linking."""

from dossier.catalogue import named_sentences
from dossier.link import Matcher, find_mentions
from helpers import article, blocks_of, entity, person

PUTIN = person("Vladimir Putin", "Putin", roles=[("Russian President", "2012-05-07", None),
                                                  ("Russian President", "2000-05-07", "2008-05-07")])
MEDVEDEV = person("Dmitry Medvedev", "Medvedev", roles=[("Russian President", "2008-05-07", "2012-05-07")])
EU = entity("European Union", "organisation", "EU")
KARABAKH = entity("Nagorno-Karabakh", "place", "Karabakh")
WAR = entity("Second Karabakh War", "event")
REGISTRY = (PUTIN, MEDVEDEV, EU, KARABAKH, WAR)


def surfaces(text, registry=REGISTRY):
    return [(text[s:e], t.entity) for s, e, t in Matcher(registry).find(text)]


def test_longest_match_wins_and_matches_do_not_overlap():
    assert surfaces("After the Second Karabakh War, Nagorno-Karabakh changed.") == [
        ("Second Karabakh War", "second-karabakh-war"), ("Nagorno-Karabakh", "nagorno-karabakh")]


def test_word_boundaries_and_possessives():
    assert surfaces("Putin's and Putin’s words; Putinism and EUR are not names.") == [
        ("Putin", "vladimir-putin"), ("Putin", "vladimir-putin")]


def test_acronyms_match_only_in_capitals():
    assert surfaces("The EU said eu and Eu are not it.") == [("EU", "european-union")]


def test_names_must_be_capitalised_as_registered():
    assert surfaces("karabakh in lower case is not a mention, Karabakh is") == [("Karabakh", "nagorno-karabakh")]


def test_no_match_inside_urls_or_email():
    assert surfaces("See https://example.org/Putin and www.Putin.ru or me@Putin.ru") == []


def test_role_title_names_the_holder_on_the_article_date():
    text = "Russian President spoke."
    for date, holder in (("2010-01-01", "dmitry-medvedev"), ("2020-01-01", "vladimir-putin")):
        mentions, unresolved = find_mentions(article(text, date), blocks_of(text), Matcher(REGISTRY))
        assert [(m.entity, m.via_role) for m in mentions] == [(holder, True)] and unresolved == 0


def test_role_title_without_article_date_is_left_unlinked_and_counted():
    text = "The Russian President spoke."
    mentions, unresolved = find_mentions(article(text), blocks_of(text), Matcher(REGISTRY))
    assert mentions == () and unresolved == 1


def test_first_mention_in_each_section_is_linked_all_are_recorded():
    text = "Putin spoke. Putin left.\n\n## Later\n\nPutin returned."
    mentions, _ = find_mentions(article(text), blocks_of(text), Matcher(REGISTRY))
    assert [(m.block, m.linked) for m in mentions] == [(0, True), (0, False), (2, True)]
    assert [m.sentence for m in mentions] == ["Putin spoke.", "Putin left.", "Putin returned."]


def test_an_entity_page_quotes_the_first_three_distinct_sentences_that_name_it():
    text = ("Putin met Medvedev. Putin spoke, and Putin left.\n\nPutin returned. Putin slept. "
            "Medvedev waited. Putin woke.")
    mentions, _ = find_mentions(article(text), blocks_of(text), Matcher(REGISTRY))
    assert named_sentences(mentions) == {
        "vladimir-putin": ("Putin met Medvedev.", "Putin spoke, and Putin left.", "Putin returned."),
        "dmitry-medvedev": ("Putin met Medvedev.", "Medvedev waited.")}


def test_empty_registry_finds_nothing():
    assert Matcher(()).find("Putin") == []


ALIYEV_I = person("Ilham Aliyev", "Aliyev")
ALIYEV_H = person("Heydar Aliyev", "Aliyev")


def test_shared_surname_links_to_the_one_named_in_full_before():
    text = "Ilham Aliyev spoke. Later Aliyev left."
    mentions, unresolved = find_mentions(article(text), blocks_of(text), Matcher((ALIYEV_I, ALIYEV_H)))
    assert [(m.text, m.entity) for m in mentions] == [("Ilham Aliyev", "ilham-aliyev"), ("Aliyev", "ilham-aliyev")]
    assert unresolved == 0


def test_shared_surname_with_no_context_is_left_unlinked_and_counted():
    text = "Aliyev spoke."
    mentions, unresolved = find_mentions(article(text), blocks_of(text), Matcher((ALIYEV_I, ALIYEV_H)))
    assert mentions == () and unresolved == 1


ANNA_BECKER = person("Anna Becker", "Becker")
TOM_BECKER = person("Tom Becker", "Becker")
BECKERS = Matcher((ANNA_BECKER, TOM_BECKER))


def linked(text, matcher=BECKERS):
    mentions, _ = find_mentions(article(text), blocks_of(text), matcher)
    return [(m.text, m.entity) for m in mentions]


def test_a_shared_surname_after_a_title_goes_to_the_one_of_that_gender():
    assert linked("Anna Becker and Tom Becker opened the shop together. Mrs. Becker keeps the books.")[-1] == \
        ("Becker", "anna-becker")
    assert linked("Anna Becker and Tom Becker opened the shop together. Mr. Becker bakes the bread.")[-1] == \
        ("Becker", "tom-becker")


def test_a_shared_surname_goes_to_the_one_last_named_in_full_in_an_earlier_paragraph():
    text = "Tom Becker opened the shop in 1990.\n\nAnna Becker took it over last year.\n\nBecker plans a second one."
    assert linked(text)[-1] == ("Becker", "anna-becker")


def test_a_shared_surname_after_both_were_named_in_full_in_one_paragraph_is_left_unlinked():
    text = "Tom Becker and Anna Becker run the shop.\n\nBecker plans a second one."
    assert ("Becker", "anna-becker") not in linked(text) and ("Becker", "tom-becker") not in linked(text)


def test_cyrillic_names_match_with_case_endings():
    putin = person("Владимир Путин", "Путин")
    assert surfaces("Слова Путина и Путину, но не Путинизм.", (putin,)) == [("Путина", "vladimir-putin"),
                                                                          ("Путину", "vladimir-putin")]


def test_a_russian_name_is_found_in_the_forms_its_kind_and_registered_gender_give():
    from dossier.model import Entity

    sorokin = person("Павел Сорокин")  # a man's surname declines with his first name
    kim = Entity("sasha-kim", "Саша Ким", "person", gender="f")  # a woman's "Ким" does not; "Саша" could be either
    text = "Встреча у Павла Сорокина и Саши Ким прошла спокойно."
    mentions, _ = find_mentions(article(text), blocks_of(text), Matcher((sorokin, kim)))
    assert [(m.entity, m.text) for m in mentions] == [("pavel-sorokin", "Павла Сорокина"), ("sasha-kim", "Саши Ким")]


def test_an_address_on_a_line_of_its_own_is_no_mention_but_the_name_after_it_is():
    assert surfaces("Read more:\nhttps://example.org/Putin\nPutin spoke.") == [("Putin", "vladimir-putin")]


def test_the_title_and_subtitle_name_their_entities_once_each_a_role_by_its_holder_on_the_date():
    import dataclasses

    from dossier.link import named_in_heading

    a = dataclasses.replace(article("Body.", "2020-01-01"), title="Putin and the EU: Putin's plan",
                            subtitle="Russian President meets the EU")
    assert named_in_heading(a, Matcher(REGISTRY)) == ("vladimir-putin", "european-union")
    undated = dataclasses.replace(a, date=None, title="Talks", subtitle="Russian President meets the EU")
    assert named_in_heading(undated, Matcher(REGISTRY)) == ("european-union",)  # whose title, when?


def test_an_organisation_named_like_a_place_is_linked_only_after_its_cue_and_then_it_not_the_place():
    import dataclasses

    club = dataclasses.replace(entity("Москва", "organisation"), id="fk-moskva")
    city = entity("Москва", "place")
    text = "Клуб «Москва» выиграл. В Москве шёл дождь."
    for registry, expected in (((club, city), [("Москва", "fk-moskva"), ("Москве", "moskva")]),
                               ((club,), [("Москва", "fk-moskva")])):
        mentions, _ = find_mentions(article(text), blocks_of(text), Matcher(registry))
        assert [(m.text, m.entity) for m in mentions] == expected


def test_each_mention_records_its_place_sentence_link_role_and_nesting():
    from dossier.model import Mention

    text = "After the Second Karabakh War, Karabakh changed. Russian President Putin spoke of Karabakh."
    mentions, unresolved = find_mentions(article(text, "2020-01-01", slug="war"), blocks_of(text), Matcher(REGISTRY))
    first, second = "After the Second Karabakh War, Karabakh changed.", "Russian President Putin spoke of Karabakh."
    assert (mentions, unresolved) == ((
        Mention("second-karabakh-war", "war", 0, 10, 29, "Second Karabakh War", first, True, False, False),
        Mention("nagorno-karabakh", "war", 0, 17, 25, "Karabakh", first, False, False, True),  # inside a longer name
        Mention("nagorno-karabakh", "war", 0, 31, 39, "Karabakh", first, True, False, False),  # its first link
        Mention("vladimir-putin", "war", 0, 49, 66, "Russian President", second, True, True, False),  # by the role
        Mention("vladimir-putin", "war", 0, 67, 72, "Putin", second, False, False, False),
        Mention("nagorno-karabakh", "war", 0, 82, 90, "Karabakh", second, False, False, False),
    ), 0)


def test_lower_case_keeps_every_character_where_it_was():
    from dossier.link import lower_same_length

    assert lower_same_length("ABC Def") == "abc def"
    assert lower_same_length("İSTANBUL") == "İstanbul"  # "İ" lowers to two characters: kept as it is
