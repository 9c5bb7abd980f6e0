"""graph.py: the co-mention drawing; every node drawn is joined to another, labels fit, kinds are named."""

from types import SimpleNamespace

from dossier.graph import LABEL, MARGIN, SIZE, collection_graph
from helpers import entity, person


def catalogue(entities, articles):
    """A catalogue as graph.py reads it: which articles name each entity, and which entities each names."""
    articles_of = {}
    for article, named in articles.items():
        for e in named:
            articles_of.setdefault(e, []).append(article)
    return SimpleNamespace(entities={e.id: e for e in entities}, articles_of=articles_of,
                           entities_in={a: list(named) for a, named in articles.items()})


LONG = entity("Collective Security Treaty Organization of the Former Soviet States", "organisation")
PEOPLE = [person(f"Person {letter}") for letter in "ABCDEFGHIJKLMNOP"]


def test_every_pair_named_together_is_drawn_so_no_node_stands_alone():
    ids = [p.id for p in PEOPLE]
    core, edge = ids[:12], ids[12:]  # twelve named together often (66 pairs), four once each beside one of them
    articles = {f"{a}-{b}-{n}": (a, b) for i, a in enumerate(core) for b in core[i + 1:] for n in range(3)}
    articles.update({f"{e}-once": (e, core[0]) for e in edge})
    graph = collection_graph(catalogue(PEOPLE, articles))
    joined = {end for e in graph["edges"] for end in ((e["x1"], e["y1"]), (e["x2"], e["y2"]))}
    assert len(graph["nodes"]) == 16 and all((n["x"], n["y"]) in joined for n in graph["nodes"])
    assert len(graph["edges"]) == 66 + 4


def test_a_long_name_is_shortened_on_the_drawing_and_kept_whole_in_its_tooltip():
    articles = {"a": (LONG.id, PEOPLE[0].id), "b": (LONG.id, PEOPLE[0].id)}
    graph = collection_graph(catalogue([LONG, PEOPLE[0]], articles))
    node = next(n for n in graph["nodes"] if n["name"] == LONG.name)
    assert len(node["label"]) == LABEL and node["label"].endswith("…") and LONG.name.startswith(node["label"][:-1])


def test_the_view_leaves_room_for_labels_on_both_sides_and_the_legend_names_the_kinds_shown():
    articles = {"a": (LONG.id, PEOPLE[0].id)}
    graph = collection_graph(catalogue([LONG, PEOPLE[0]], articles))
    left, _, width, _ = (float(v) for v in graph["view"].split())
    assert left == -MARGIN and width == SIZE + 2 * MARGIN
    assert graph["kinds"] == ["person", "organisation"]


def test_on_a_phone_a_label_is_an_acronym_or_a_word_of_the_name_never_another_name():
    cis = entity("Commonwealth of Independent States", "organisation", "CIS", "Sodruzhestvo")
    region = entity("Nagorno-Karabakh", "place", "Artsakh", "Karabakh")
    leader = person("Anna Weiss", "Weiss", "Chancellor Weiss")
    graph = collection_graph(catalogue([cis, region, leader], {"a": (cis.id, region.id, leader.id)}))
    assert {n["name"]: n["short"] for n in graph["nodes"]} == {
        "Commonwealth of Independent States": "CIS", "Nagorno-Karabakh": "Nagorno-Kar…", "Anna Weiss": "Weiss"}
