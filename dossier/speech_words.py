"""The words of attribution, per language, compiled from data/speech.yaml: speech verbs (English ones
made from their lemmas), the phrases of "according to", pronouns with their gender, titles,
prepositions, short forms; and the given names (data/first_names.yaml) that tell a person's gender."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from .patterns import alternatives

@lru_cache(maxsize=1)
def tables() -> dict:
    text = resources.files("dossier").joinpath("data/speech.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    text = resources.files("dossier").joinpath("data/first_names.yaml").read_text(encoding="utf-8")
    return {name: gender for gender, names in yaml.safe_load(text).items() for name in names}


def given_name_gender(name: str) -> str:
    """"f" or "m" as the first word of a person's name usually marks it, "" when it does not."""
    return first_names().get(name.split()[0].lower().strip("."), "")


def _english_forms(lemma: str) -> list[str]:
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    if head.endswith("e"):
        forms = [head, head + "s", head + "d", head[:-1] + "ing"]
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        forms = [head, head[:-1] + "ies", head[:-1] + "ied", head + "ing"]
    elif head.endswith(("s", "sh", "ch", "x")):
        forms = [head, head + "es", head + "ed", head + "ing"]
    else:
        forms = [head, head + "s", head + "ed", head + "ing"]
    return [form + tail for form in forms]


@dataclass(frozen=True)
class Language:
    """One language's attribution words, compiled."""

    verb: re.Pattern
    according: re.Pattern
    pronouns: dict[str, str]  # pronoun → gender ("" for any)
    relative: frozenset[str]
    titles: dict[str, str]
    prepositions: frozenset[str]
    participles: frozenset[str]
    object_verbs: frozenset[str]  # "asked Clinton", "told Lund": the name after them is an object


@lru_cache(maxsize=16)
def language(code: str) -> Language:
    every = tables()
    forms: list[str] = []
    participles: set[str] = set()
    for code_, table in every.items():  # every language's verbs: a quotation may be in another language
        if code_ == "en":
            for lemma in table["verbs"]:
                made = table["irregular"].get(lemma) or _english_forms(lemma)
                forms += made
                participles.update(f for f in made if f.split()[0].endswith("ing"))
        else:
            forms += table["verbs"]
            participles.update(f for f in table["verbs"] if f.endswith(("в", "вши")))
    table = every.get(code) or every["en"]
    english = every["en"]
    # English words and then the language's own (which win): word → gender
    pronouns = {p: g for source in (english, table) for g, words in source["pronouns"].items() for p in words}
    titles = {t: g for source in (english, table) for g, words in source["titles"].items() for t in words}
    return Language(
        verb=re.compile(rf"(?<![\w’'-])(?:{alternatives(forms)})(?![\w’'-])"),  # lower case: "State" is no verb
        according=re.compile(rf"(?<![\w-])(?:{alternatives(english['according'] + table['according'])})\s+",
                             re.IGNORECASE),
        pronouns=pronouns, relative=frozenset(word for t in every.values() for word in t["relative"]), titles=titles,
        prepositions=frozenset(word for t in every.values() for word in t["prepositions"]),
        participles=frozenset(participles),
        object_verbs=frozenset(form for lemma in english.get("object_verbs", ())
                               for form in english["irregular"].get(lemma) or _english_forms(lemma)))
