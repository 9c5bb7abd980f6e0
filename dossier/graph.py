"""Co-mention graphs: who appears with whom, laid out on a circle, as coordinates for an SVG template.

Pure geometry and counting from the catalogue's indexes; the template draws it. Deterministic: the
same counts always give the same numbers.
"""

from __future__ import annotations

import math
from collections import Counter
from itertools import combinations

from .catalogue import Catalogue
from .urls import entity_url

SIZE = 480
RADIUS = 170
MARGIN = 150  # room left and right of the circle for the labels
LABEL = 26  # characters of a label; the full name is the node's tooltip
SHORT_LABEL = 12  # on a phone, where the drawing is shrunk and its letters enlarged


def ego_graph(cat: Catalogue, entity_id: str, around: tuple[tuple[str, int], ...]) -> dict | None:
    """One entity in the middle, the entities most often mentioned with it (`catalogue.co_mentioned`) around it."""
    if not around:
        return None
    centre = SIZE / 2
    heaviest = max(count for _, count in around)
    nodes = [_node(cat, entity_id, centre, centre, 0)]
    edges = []
    for number, (other, count) in enumerate(around):
        x, y = _on_circle(number, len(around))
        nodes.append(_node(cat, other, x, y, count))
        edges.append({"x1": centre, "y1": centre, "x2": x, "y2": y, "width": _width(count, heaviest), "count": count})
    return _drawing(nodes, edges)


def collection_graph(cat: Catalogue, limit: int = 16, edge_limit: int = 120) -> dict | None:
    """The most mentioned entities of the whole collection and how often each pair appears together."""
    ranked = sorted(cat.articles_of, key=lambda e: (-len(cat.articles_of[e]), e))[:limit]
    if len(ranked) < 2:
        return None
    chosen = set(ranked)
    pairs: Counter = Counter()
    for entities in cat.entities_in.values():
        present = sorted(chosen.intersection(entities))
        pairs.update(combinations(present, 2))
    strongest = sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[:edge_limit]
    if not strongest:
        return None
    places = {e: _on_circle(n, len(ranked)) for n, e in enumerate(ranked)}
    heaviest = strongest[0][1]
    edges = [{"x1": places[a][0], "y1": places[a][1], "x2": places[b][0], "y2": places[b][1],
              "width": _width(count, heaviest), "count": count} for (a, b), count in strongest]
    nodes = [_node(cat, e, *places[e], len(cat.articles_of[e])) for e in ranked]
    return _drawing(nodes, edges)


def _drawing(nodes: list[dict], edges: list[dict]) -> dict:
    """What the template draws: the view box (with room for labels), nodes, edges, and the kinds of
    entity shown (for the legend), in a fixed order."""
    kinds = [kind for kind in ("person", "organisation", "event", "place") if any(n["kind"] == kind for n in nodes)]
    return {"size": SIZE, "view": f"{-MARGIN} -10 {SIZE + 2 * MARGIN} {SIZE + 20}", "nodes": nodes, "edges": edges,
            "kinds": kinds}


def _on_circle(number: int, total: int) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * number / total
    return round(SIZE / 2 + RADIUS * math.cos(angle), 1), round(SIZE / 2 + RADIUS * math.sin(angle), 1)


def _width(count: int, heaviest: int) -> float:
    return round(1 + 5 * count / heaviest, 1)


def _node(cat: Catalogue, entity_id: str, x: float, y: float, count: int) -> dict:
    entity = cat.entities[entity_id]
    anchor = "middle" if abs(x - SIZE / 2) < 20 else ("start" if x > SIZE / 2 else "end")
    return {"name": entity.name, "label": _shortened(entity.name, LABEL), "short": _short_name(entity),
            "url": entity_url(entity), "kind": entity.kind, "x": x, "y": y, "count": count,
            "label_x": round(x + (8 if anchor == "start" else -8 if anchor == "end" else 0), 1),
            "label_y": round(y + (18 if y >= SIZE / 2 else -10), 1), "anchor": anchor}


def _shortened(name: str, length: int) -> str:
    return name if len(name) <= length else name[:length - 1].rstrip() + "…"


def _short_name(entity) -> str:
    """The label on a phone: the entity's shortest alias that is an acronym or a word of its name (CSTO,
    Putin), else its name cut to fit; never another name it goes by."""
    words = set(entity.name.split())
    fitting = [a for a in entity.aliases if len(a) >= 2 and (a.isupper() or a in words)]
    shortest = min(fitting, key=lambda a: (len(a), a), default=entity.name)
    return _shortened(shortest if len(shortest) < len(entity.name) else entity.name, SHORT_LABEL)
