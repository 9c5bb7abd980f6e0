"""Every grammatical form of a registered Russian or Ukrainian name: Путин → Путина, Путину, Путиным;
Первый канал → Первого канала; Ирина Волкова → Ирину Волкову; СИБУР → СИБУРа.

The forms are made once per name, with pymorphy3's dictionaries (shipped in their wheels) for the
words they know, and the declension rules of surnames for the words they do not (Пашинян → Пашиняна).
Each word of a name takes the same case; a word that is not in the nominative (Фонд Владимира Потанина)
keeps its form. The matcher (link.py) puts the forms in its one automaton, so linking stays one pass.
Knows nothing about articles.
"""

from __future__ import annotations

import re
from functools import lru_cache

CASES = ("gent", "datv", "accs", "ablt", "loct")
# both cases written out (and the old glyphs that fold to В, Д, О, С, Т, Ъ): without re.IGNORECASE, a search
# over a whole English block is three times faster, and date reading asks for every block
_CYRILLIC = re.compile(r"[а-яёіїєґА-ЯЁІЇЄҐ\u1c80-\u1c86]")
_UKRAINIAN = re.compile(r"[іїєґ]", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Endings of a surname the dictionaries do not know, by its own ending, for a man; a woman's surname
# on a consonant does not decline (Анна Пашинян).
_MASCULINE_ENDINGS = (
    ("ский", ("ского", "скому", "ского", "ским", "ском")),
    ("цкий", ("цкого", "цкому", "цкого", "цким", "цком")),
    ("ов", ("ова", "ову", "ова", "овым", "ове")), ("ев", ("ева", "еву", "ева", "евым", "еве")),
    ("ёв", ("ёва", "ёву", "ёва", "ёвым", "ёве")), ("ин", ("ина", "ину", "ина", "иным", "ине")),
    ("ын", ("ына", "ыну", "ына", "ыным", "ыне")),
    ("ий", ("ия", "ию", "ия", "ием", "ии")), ("ей", ("ея", "ею", "ея", "еем", "ее")),
    ("ь", ("я", "ю", "я", "ем", "е")), ("й", ("я", "ю", "я", "ем", "е")),
)
_FEMININE_ENDINGS = (
    ("ская", ("ской", "ской", "скую", "ской", "ской")), ("цкая", ("цкой", "цкой", "цкую", "цкой", "цкой")),
    ("ова", ("овой", "овой", "ову", "овой", "овой")), ("ева", ("евой", "евой", "еву", "евой", "евой")),
    ("ина", ("иной", "иной", "ину", "иной", "иной")), ("ына", ("ыной", "ыной", "ыну", "ыной", "ыной")),
)
_VOWEL_ENDINGS = (  # any gender: Гайда → Гайды, Берия → Берии
    ("ка", ("ки", "ке", "ку", "кой", "ке")), ("га", ("ги", "ге", "гу", "гой", "ге")),
    ("ха", ("хи", "хе", "ху", "хой", "хе")), ("а", ("ы", "е", "у", "ой", "е")),
    ("я", ("и", "е", "ю", "ей", "е")),
)
_UKRAINIAN_ENDINGS = (
    ("ський", ("ського", "ському", "ського", "ським", "ському")),
    ("цький", ("цького", "цькому", "цького", "цьким", "цькому")),
)
_CONSONANT_ENDINGS = ("а", "у", "а", "ом", "е")  # Пашинян → Пашиняна, Пашиняну, Пашиняном, Пашиняне
_ABBREVIATION_ENDINGS = ("а", "у", "ом", "е")  # СИБУРа, СИБУРу, СИБУРом, СИБУРе


def is_cyrillic(name: str) -> bool:
    return bool(_CYRILLIC.search(name))


@lru_cache(maxsize=None)
def _analyser(language: str):
    import pymorphy3  # its dictionaries load in ~0.1 s; only when a registry has Cyrillic names

    return pymorphy3.MorphAnalyzer(lang=language)


def _analyser_for(text: str):
    """Ukrainian's dictionary for a text with a letter only Ukrainian has, Russian's otherwise."""
    return _analyser("uk" if _UKRAINIAN.search(text) else "ru")


def _known(word: str, analyser) -> list:
    """The dictionary's readings of `word` (not the analyser's guesses for words it does not know)."""
    return [p for p in analyser.parse(word) if _from_dictionary(p)]


@lru_cache(maxsize=65536)
def name_forms(name: str, kind: str = "", gender: str = "") -> tuple[str, ...]:
    """The forms of `name` in every case (the name itself included), with ё also written as е."""
    if not is_cyrillic(name):
        return (name,)
    words = _WORD.findall(name)
    if not words:
        return (name,)
    analyser = _analyser_for(name)
    if kind == "person" and not gender:
        gender = _person_gender(words, analyser)
    per_case: list[list[str]] = [[] for _ in CASES]
    head_found = False
    for word in words:
        if head_found and kind != "person":  # after the head noun: its dependents keep their form
            forms = (word,) * len(CASES)
        else:
            forms = _word_forms(word, kind, gender, analyser)
            head_found = _is_noun(word, analyser)
        for number, form in enumerate(forms):
            per_case[number].append(form)
    accusative = CASES.index("accs")
    if kind == "person" and gender == "m":  # a man is animate: his accusative is his genitive
        per_case[accusative] = per_case[CASES.index("gent")]
    elif kind != "person" and _inanimate_head(words, analyser):  # Левый фронт: accusative as nominative
        per_case[accusative] = list(words)
    forms = [name]
    for case_words in per_case:
        form = name
        position = 0
        for word, inflected in zip(words, case_words):  # replace each word in place, keeping what stands between
            at = form.find(word, position)
            form = form[:at] + inflected + form[at + len(word):]
            position = at + len(inflected)
        forms.append(form)
    forms += [form.replace("ё", "е").replace("Ё", "Е") for form in forms]
    return tuple(dict.fromkeys(forms))


def _is_noun(word: str, analyser) -> bool:
    parses = _known(word, analyser)
    return bool(parses) and parses[0].tag.POS == "NOUN"


def _inanimate_head(words: list[str], analyser) -> bool:
    for word in words:
        parses = _known(word, analyser)
        if parses and parses[0].tag.POS == "NOUN":
            return "inan" in parses[0].tag and "masc" in parses[0].tag
    return False


@lru_cache(maxsize=65536)
def nominative(name: str, kind: str = "person") -> str:
    """An unregistered name as the registry writes it, in the nominative: «Сергея Лаврова» → «Сергей
    Лавров»; a word before a person's name that is not part of it is left out («России Сергей Лавров»).
    Names in other alphabets, and words the dictionary cannot place, are returned as they are."""
    if not is_cyrillic(name):
        return name
    analyser = _analyser_for(name)
    words = name.split()
    if kind == "person":
        while len(words) > 2 and not _name_part(words[0], analyser):
            words = words[1:]
    case = _case_of(words, analyser, kind)
    if case in (None, "nomn") or (kind == "person" and not all(
            any(_from_dictionary(p) and case in p.tag and "sing" in p.tag for p in analyser.parse(w)) for w in words)):
        return " ".join(words)  # a word in another case, or one the dictionary does not know: unsure
    head = next((p for w in words for p in analyser.parse(w) if _from_dictionary(p) and case in p.tag
                 and p.tag.POS == "NOUN" and not any(q.tag.POS == "ADJF" for q in analyser.parse(w))), None)
    agree = {head.tag.gender} if head is not None and kind != "person" and head.tag.gender else set()
    out = []
    for word in words:
        parses = [p for p in analyser.parse(word) if _from_dictionary(p) and case in p.tag]
        person = [p for p in parses if {"Name", "Surn", "Patr"} & p.tag.grammemes]
        chosen = (person or parses or [None])[0]
        normal = chosen.inflect({"nomn"} | (agree if chosen and chosen.tag.POS == "ADJF" else set())) \
            if chosen else None
        out.append(_same_case(word, normal.word) if normal else word)
        if kind != "person" and chosen and chosen.tag.POS == "NOUN":
            out += words[len(out):]  # the head noun: what follows depends on it and keeps its form
            break
    return " ".join(out)


def _name_part(word: str, analyser) -> bool:
    return any({"Name", "Surn", "Patr"} & p.tag.grammemes for p in analyser.parse(word)) or \
        not _known(word, analyser)


def _case_of(words: list[str], analyser, kind: str) -> str | None:
    """The case the name's first word is written in, as the dictionary reads it (None: unsure)."""
    parses = _known(words[0], analyser)
    if kind == "person":
        parses = [p for p in parses if {"Name", "Surn", "Patr"} & p.tag.grammemes] or parses
    return parses[0].tag.case if parses else None


@lru_cache(maxsize=65536)
def names_a_place(name: str) -> bool:
    """A one-word Russian or Ukrainian name that the dictionary knows as a place (Россия, Москва): an
    organisation called so (the bank «Россия») is linked only where the text says it is one."""
    if not is_cyrillic(name) or len(_WORD.findall(name)) != 1 or name.isupper():
        return False
    analyser = _analyser_for(name)
    # a country or a city (one of its kind: Sgtm), not a union of them (Евросоюз)
    return any(_from_dictionary(p) and {"Geox", "Sgtm", "nomn"} <= p.tag.grammemes for p in analyser.parse(name))


@lru_cache(maxsize=65536)
def is_given_name(word: str) -> bool:
    """A Russian or Ukrainian word the dictionary knows as a given name (Мишель, Владимир, Сулима)."""
    if not is_cyrillic(word) or not word[:1].isupper():
        return False
    analyser = _analyser_for(word)
    return any(_from_dictionary(p) and "Name" in p.tag for p in analyser.parse(word))


def _person_gender(words: list[str], analyser) -> str:
    for word in words:
        for parse in analyser.parse(word):
            if "Name" in parse.tag and "nomn" in parse.tag and parse.tag.gender in ("masc", "femn"):
                return "m" if parse.tag.gender == "masc" else "f"
    last = words[-1].lower()
    if last.endswith(("ова", "ева", "ина", "ская", "цкая", "ая")):
        return "f"
    if last[-1:] not in "аеёиоуыэюяіїєь":
        return "m"  # a surname on a consonant that declines is a man's
    return ""


def _word_forms(word: str, kind: str, gender: str, analyser) -> tuple[str, ...]:
    """The word in each of CASES (itself where it does not decline)."""
    if word.isupper() and len(word) > 1:
        if word[-1].lower() in "аеёиоуыэюяіїє":
            return (word,) * len(CASES)
        endings = dict(zip(("gent", "datv", "ablt", "loct"), _ABBREVIATION_ENDINGS))
        return tuple(word if case == "accs" else word + endings[case] for case in CASES)
    if "-" in word:  # Римский-Корсаков, Жолио-Кюри: each part on its own
        parts = [_word_forms(part, kind, gender, analyser) for part in word.split("-")]
        return tuple("-".join(part[i] for part in parts) for i in range(len(CASES)))
    parse = _nominative(word, kind, gender, analyser)
    if parse is None:
        return _by_rule(word, kind, gender) if _looks_nominative(word, kind, gender, analyser) else (word,) * len(CASES)
    forms = []
    for case in CASES:
        inflected = parse.inflect({case})
        forms.append(_same_case(word, inflected.word) if inflected else word)
    return tuple(forms)


def _nominative(word: str, kind: str, gender: str, analyser):
    """The dictionary's reading of `word` as a nominative, agreeing with the person's gender; None when
    the dictionary does not know the word (a guess is not trusted) or it is not a nominative."""
    wanted = {"m": "masc", "f": "femn"}.get(gender)
    known = [p for p in analyser.parse(word) if _from_dictionary(p) and "nomn" in p.tag]
    singular = [p for p in known if "plur" not in p.tag]
    known = singular or ([] if kind == "person" else known)  # Ведомости, Известия: a plural name
    if kind == "person" and wanted:
        agreeing = [p for p in known if p.tag.gender in (wanted, None) or "Ms-f" in p.tag.grammemes]
        known = agreeing or ([] if any(p.tag.gender for p in known) else known)
    if not known:
        return None
    if "Fixd" in known[0].tag:
        return None
    return known[0]


def _from_dictionary(parse) -> bool:
    return type(parse.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"


def _looks_nominative(word: str, kind: str, gender: str, analyser) -> bool:
    """A word the dictionary does not know, or knows only in another case: is it the name's own form?"""
    if kind == "person":
        return True  # the registry writes a person's name in the nominative
    if _known(word, analyser):
        return False  # known, and not a nominative: a dependent word (Фонд Владимира Потанина)
    return word[:1].isupper()


def _by_rule(word: str, kind: str, gender: str) -> tuple[str, ...]:
    lower = word.lower()
    if _UKRAINIAN.search(word) or lower.endswith(("ський", "цький")):
        for ending, endings in _UKRAINIAN_ENDINGS if gender != "f" else ():
            if lower.endswith(ending):
                return tuple(word[:len(word) - len(ending)] + e for e in endings)
    tables = (_FEMININE_ENDINGS,) if gender == "f" else (_MASCULINE_ENDINGS, _FEMININE_ENDINGS)
    for table in (*tables, _VOWEL_ENDINGS):
        for ending, endings in table:
            if lower.endswith(ending):
                stem = word[:len(word) - len(ending)]
                return tuple(stem + _same_case(ending, e) for e in endings)
    if lower[-1] in "аеёиоуыэюяіїє" or gender == "f":
        return (word,) * len(CASES)  # Шойгу, Токио, Анна Пашинян
    return tuple(word + e for e in _CONSONANT_ENDINGS)


def _same_case(model: str, word: str) -> str:
    """`word` written with the capitals of `model` (the dictionary answers in lower case)."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
