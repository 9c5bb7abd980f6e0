"""`suggest`: unregistered people and organisations found by the cues of news prose."""

from pathlib import Path

from dossier.model import default_paths
from dossier.pipeline import gather
from dossier.suggest import as_yaml, suggest, unmatched_forms

PROJECT = Path(__file__).resolve().parent.parent
TEXT = """Ministers visit the region

10.11.2020

A Russian military spokesman, Pavel Pautov, said the operations will be coordinated with local authorities. Pautov stated that the process would take several months.

Armenia applied to the Collective Security Treaty Organization (CSTO) for help, but the request was turned down by the alliance.

“The talks went well for everyone,” John Smith said. The Deputy Minister of Foreign Affairs of the Russian Federation said nothing about it.

Deputy Foreign Minister Mikhail Galuzin also spoke to reporters in the capital on the same day.

Armenian Deputy Prime Minister Mher Grigoryan met his counterpart. Serdar Kılıç, Turkey's envoy, was there too.
"""


def corpus(tmp_path, text=TEXT, people="- name: Mikhail Galuzin\n  aliases: [Galuzin, Misha]\n"):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "entities").mkdir()
    (content / "site.yaml").write_text("title: T\n")
    (content / "articles" / "a.txt").write_text(text, encoding="utf-8")
    (content / "entities" / "people.yaml").write_text(people)
    found, _ = gather(default_paths(content, tmp_path / "out", PROJECT))
    return found


def test_unregistered_names_are_found_with_kind_and_example(tmp_path):
    found = {s.name: s for s in suggest(corpus(tmp_path))}
    assert set(found) == {"Pavel Pautov", "Collective Security Treaty Organization", "John Smith", "Mher Grigoryan",
                          "Serdar Kılıç"}
    assert (found["Pavel Pautov"].kind, found["Pavel Pautov"].aliases) == ("person", {"Pautov"})
    assert found["Collective Security Treaty Organization"].kind == "organisation"
    assert found["Collective Security Treaty Organization"].aliases == {"CSTO"}
    assert found["John Smith"].example.startswith("“The talks went well")


def test_yaml_block_is_ready_to_paste(tmp_path):
    text = as_yaml(suggest(corpus(tmp_path)))
    assert "# content/entities/people.yaml\n- name: Pavel Pautov\n  aliases:\n  - Pautov\n" in text
    assert "# content/entities/organisations.yaml\n- name: Collective Security Treaty Organization\n" in text


def test_aliases_no_article_uses_are_reported(tmp_path):
    assert unmatched_forms(corpus(tmp_path)) == [("mikhail-galuzin", ["Galuzin", "Misha"])]


def test_a_russian_sentence_opener_is_not_part_of_the_name_and_a_quoted_surname_has_its_example(tmp_path):
    found = corpus(tmp_path, "Захарова ответила Пашиняну\n\n24.02.2024\n\n"
                             "«Это не первый случай, когда Ереван делает подобные заявления», — сказала Захарова.\n\n"
                             "Ранее Никол Пашинян заявил о заморозке участия в организации.\n", people="")
    suggested = {s.name: s for s in suggest(found)}
    assert set(suggested) == {"Никол Пашинян", "Захарова"}
    assert suggested["Захарова"].example.startswith("«Это не первый случай")
    assert suggested["Захарова"].example_article == "a.txt"


def test_a_name_found_with_a_cue_counts_every_article_that_writes_it(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "site.yaml").write_text("title: T\n")
    (content / "articles" / "a.txt").write_text("Talks in Oslo\n\n01.02.2024\n\nForeign Minister Jon Ruud said on "
                                                "Monday that the talks would go on. Ruud added that they met twice.\n")
    (content / "articles" / "b.txt").write_text("More talks in Bergen\n\n03.02.2024\n\nThe ambassador met Ruud in the "
                                                "evening, and the harbour was closed for the whole day.\n")
    (content / "articles" / "c.txt").write_text("Weather\n\n04.02.2024\n\nSnow fell on the coast for three days and the "
                                                "ferries stayed in port.\n")
    found, _ = gather(default_paths(content, tmp_path / "out", PROJECT))
    [ruud] = suggest(found)
    assert (ruud.name, ruud.aliases, len(ruud.articles)) == ("Jon Ruud", {"Ruud"}, 2)
