"""The entity registry and site.yaml: every problem reported with file and line, the rest still used."""

from dossier.config import load_site_config
from dossier.registry import load_registry


def write(tmp_path, name, text):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def messages(problems):
    return [(p.line, p.severity, p.message) for p in problems]


def test_valid_registry_with_roles_and_event_dates(tmp_path):
    write(tmp_path, "entities/people.yaml", "- name: Vladimir Putin\n  aliases: [Putin]\n"
          "  roles:\n    - {title: Russian President, from: 2012-05-07, to: null}\n")
    write(tmp_path, "entities/events.yaml", "- name: War\n  start: 2020-09-27\n  end: 2020-11\n")
    entities, problems = load_registry(tmp_path)
    assert problems == []
    putin, war = entities  # people first, then organisations, events, places
    assert (putin.id, putin.kind, putin.aliases, putin.roles[0].start) == ("vladimir-putin", "person", ("Putin",),
                                                                           "2012-05-07")
    assert (war.kind, war.start.value, war.end.value, war.end.precision) == ("event", "2020-09-27", "2020-11", "month")


def test_every_problem_has_its_line(tmp_path):
    path = write(tmp_path, "entities/people.yaml", "\n".join([
        "- name: Vladimir Putin",            # 1
        "  aliases: [Putin]",                # 2
        "  colour: red",                     # 3 unknown key: warning
        "- name: Another Putin",             # 4
        "  id: vladimir-putin",              # 5 duplicate id
        "- name: Someone",                   # 6
        "  aliases: [Putin]",                # 7 alias claimed twice
        "- aliases: [No name]",              # 8 no name
        "- name: Dated",                     # 9
        "  date: tomorrow",                  # 10 bad date
        "- name: Minister",                  # 11
        "  roles:",                          # 12
        "    - title: Foreign Minister",     # 13
        "      start: 2004-03-09",           # 14 `from`, not `start`: warning
    ]) + "\n")
    _, problems = load_registry(tmp_path)
    assert {p.path for p in problems} == {str(path)}
    assert messages(problems) == [
        (3, "warning", "unknown key `colour` ignored (known: aliases, date, description, end, gender, id, links, name, roles, start, wikidata)"),
        (8, "error", "entry has no `name:` (text); add one"),
        (10, "error", "`date`: cannot read 'tomorrow'; write YYYY, YYYY-MM or YYYY-MM-DD"),
        (14, "warning", "role `Foreign Minister`: unknown key `start` ignored (a role has title, also, from and to)"),
        (4, "error", f"duplicate id `vladimir-putin` (first at {path}:1); give one of them another `id:`"),
        (6, "warning", f"alias 'Putin' is also claimed by `vladimir-putin` ({path}:1); in an article it links "
                       "to whichever of them was named in full before, or to neither"),
    ]


def test_malformed_yaml_names_the_line(tmp_path):
    write(tmp_path, "entities/places.yaml", "- name: Baku\n- name: [unclosed\n")
    _, problems = load_registry(tmp_path)
    assert [(p.line, p.severity) for p in problems] == [(2, "error")]
    assert problems[0].message.startswith("invalid YAML")


def test_unknown_registry_file_is_an_error(tmp_path):
    write(tmp_path, "entities/persons.yaml", "- name: X\n")
    _, problems = load_registry(tmp_path)
    assert "name it people.yaml, organisations.yaml, events.yaml or places.yaml" in problems[0].message


def test_site_config_problems(tmp_path):
    write(tmp_path, "site.yaml", "title: [a list]\ndate_order: XYZ\nfoo: 1\n")
    site, problems = load_site_config(tmp_path)
    assert site is None
    assert messages(problems) == [
        (1, "error", "`title` must be text, not list"),
        (3, "warning", "unknown key `foo` (known keys: author, base_url, date_order, description, exports, language, "
                       "max_article_kb, require_dates, title)"),
        (1, "error", "`title` is required, e.g. `title: My dossier`"),
        (2, "error", "`date_order` must be one of DMY, MDY, YMD, not 'XYZ'"),
    ]


def test_site_config_defaults_and_base_url_slash(tmp_path):
    write(tmp_path, "site.yaml", "title: Dossier\nbase_url: https://example.org/sub\n")
    site, problems = load_site_config(tmp_path)
    assert problems == [] and site.base_url == "https://example.org/sub/" and site.date_order == "DMY"


def test_missing_site_config(tmp_path):
    site, problems = load_site_config(tmp_path)
    assert site is None and problems[0].message == "missing: create it with at least `title: My dossier`"


def test_one_role_in_two_wordings_is_written_once_and_twice_is_a_warning(tmp_path):
    from dossier.link import Matcher, find_mentions
    from helpers import article, blocks_of

    path = write(tmp_path, "entities/people.yaml", "\n".join([
        "- name: Anna Petrova",                                                    # 1
        "  roles:",                                                                # 2
        "    - {title: Mayor of Riverton, also: [Riverton mayor], from: 2020-01-01}",  # 3
        "- name: Boris Orlov",                                                     # 4
        "  roles:",                                                                # 5
        "    - {title: Governor of the North, from: 2019-05-01}",                  # 6
        "    - {title: Northern governor, from: 2019-05-01}",                      # 7
    ]) + "\n")
    entities, problems = load_registry(tmp_path)
    assert [(p.line, p.message) for p in problems] == [
        (5, "roles `Governor of the North` and `Northern governor` have the same dates; if they are one role, "
            "write it once: `{title: Governor of the North, also: [Northern governor], ...}`")]
    assert {p.path for p in problems} == {str(path)}
    text = "The Riverton mayor met the press."
    mentions, _ = find_mentions(article(text, date="2023-10-09"), blocks_of(text), Matcher(entities))
    assert [(m.text, m.entity) for m in mentions] == [("Riverton mayor", "anna-petrova")]


def test_site_config_chooses_the_data_exports_published(tmp_path):
    write(tmp_path, "site.yaml", "title: Dossier\n")
    assert load_site_config(tmp_path)[0].exports == ("articles", "entities", "chronology", "quotes", "citations")
    write(tmp_path, "site.yaml", "title: Dossier\nexports: [quotes, articles]\n")
    assert load_site_config(tmp_path)[0].exports == ("articles", "quotes")  # in the documented order
    write(tmp_path, "site.yaml", "title: Dossier\nexports: []\n")
    assert load_site_config(tmp_path)[0].exports == ()
    write(tmp_path, "site.yaml", "title: Dossier\nexports: [articles, timeline]\n")
    site, problems = load_site_config(tmp_path)
    assert site is None and messages(problems) == [
        (2, "error", "`exports` names 'timeline': the data exports are articles, entities, chronology, quotes, "
                     "citations; list those to publish, or [] for none")]
    write(tmp_path, "site.yaml", "title: Dossier\nexports: articles\n")
    assert messages(load_site_config(tmp_path)[1]) == [
        (2, "error", "`exports` must be a list such as [articles, quotes], not str")]
