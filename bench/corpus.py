"""A synthetic corpus shaped like the real one, deterministic from a seed (for `make bench`).

Writes N raw articles (600–900 words: a title, a dateline in varied formats, sometimes a category
line, paragraphs that name registered people, organisations and places, direct quotes with
speakers, explicit dates, and site boilerplate at the end), a registry of a few thousand entities
with aliases, and the same articles as Markdown with front matter for the peer generator (Hugo).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

FIRST = ["Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Gohar", "Hasan", "Irina", "Jonas", "Karen", "Leyla",
         "Mikhail", "Nadia", "Oleg", "Petra", "Rustam", "Sona", "Timur", "Ulla", "Vahe", "Wiktor", "Yana", "Zaur",
         "Arman", "Bella", "Cem", "Davit", "Emil", "Fatima", "Gleb", "Hayk", "Ilham", "Jamal", "Kamila", "Lev",
         "Marat", "Nune", "Orhan", "Polina", "Ramil", "Sergey", "Tigran", "Umid", "Vera", "Yusuf", "Zara", "Aram"]
LAST = ["Petrov", "Aliyeva", "Sargsyan", "Novak", "Hoffmann", "Karimov", "Mkrtchyan", "Orlova", "Demir", "Lindqvist",
        "Babayan", "Guliyev", "Smirnov", "Kovacs", "Rahimova", "Avetisyan", "Volkov", "Yilmaz", "Bauer", "Hakobyan",
        "Mammadov", "Sokolova", "Ivanov", "Grigoryan", "Huseynov", "Kuznetsov", "Martirosyan", "Ozturk", "Fischer",
        "Ismayilov", "Popova", "Harutyunyan", "Nazarov", "Vasileva", "Khachatryan", "Abbasov", "Morozov", "Celik",
        "Lebedev", "Hovhannisyan", "Jafarov", "Fedorova", "Poghosyan", "Aslanov", "Zaitsev", "Kaya", "Wagner"]
ROLES = ["Foreign Minister", "Defence Minister", "spokesperson", "ambassador", "deputy prime minister", "analyst",
         "senior diplomat", "mediator", "governor", "party leader"]
ADJ = ["Northern", "Caspian", "United", "National", "Eastern", "Free", "Central", "Independent", "Southern", "Democratic",
       "Regional", "Black Sea", "Caucasus", "Western", "Civic", "Federal", "Green", "Liberal", "Social", "Baltic"]
NOUN = ["Energy", "Security", "Trade", "Peace", "Water", "Transport", "Media", "Rights", "Development", "Border",
        "Labour", "Justice", "Science", "Health", "Heritage", "Grain", "Pipeline", "Finance", "Youth", "Veterans"]
ORG_KIND = ["Agency", "Council", "Union", "Committee", "Foundation", "Institute", "Alliance", "Party", "Commission",
            "Bank"]
PLACE_A = ["Nor", "Ak", "Kara", "Ver", "Dzor", "Shah", "Gol", "Tash", "Ber", "Mar", "Sev", "Yer", "Gan", "Kal", "Ar"]
PLACE_B = ["abad", "kend", "shen", "avan", "dag", "ashen", "ovo", "ino", "tsk", "grad", "lu", "ik", "ar", "an", "is"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FILLER = ("the talks continued through the afternoon and both delegations described the atmosphere as constructive "
          "although several questions about the border and the return of displaced people remained open and "
          "observers noted that the timetable agreed earlier had slipped again because of disagreements over the "
          "order of the next steps and the role that outside mediators would play in the process").split()
BOILERPLATE = ["Join us on Telegram", "Share on Facebook", "Our website uses cookies. By clicking on \"I accept "
               "cookies\", you consent to our use of cookies in accordance with our Cookie Policy.",
               "Leave a Reply", "Your email address will not be published. Required fields are marked *",
               "Sign up for our daily newsletter", "See Also"]


@dataclass(frozen=True)
class Registry:
    people: list[tuple[str, str, str]]  # name, surname alias, role
    organisations: list[tuple[str, str]]  # name, acronym
    places: list[str]
    events: list[tuple[str, int, int, int]]  # name, year, month, day


def make_registry(rng: random.Random, people: int, organisations: int, places: int, events: int) -> Registry:
    names = sorted({f"{f} {l}" for f in FIRST for l in LAST})
    rng.shuffle(names)
    surnames_used: set[str] = set()
    chosen = []
    for name in names[:people]:
        surname = name.split()[1]
        alias = surname if surname not in surnames_used else ""  # a surname shared by two people is no alias
        surnames_used.add(surname)
        chosen.append((name, alias, rng.choice(ROLES)))
    orgs, acronyms = [], set()
    combos = sorted({f"{a} {n} {k}" for a in ADJ for n in NOUN for k in ORG_KIND})
    rng.shuffle(combos)
    for name in combos[:organisations]:
        acronym = "".join(word[0] for word in name.split()).upper()
        orgs.append((name, acronym if acronym not in acronyms and len(acronym) >= 3 else ""))
        acronyms.add(acronym)
    place_names = sorted({a + b for a in PLACE_A for b in PLACE_B})
    rng.shuffle(place_names)
    spots = [p.capitalize() for p in place_names[:places]]
    happenings = [(f"{rng.choice(ADJ)} {rng.choice(['Summit', 'Accord', 'Conference', 'Talks', 'Crisis'])} of "
                   f"{1990 + i % 34}", 1990 + i % 34, rng.randint(1, 12), rng.randint(1, 28)) for i in range(events)]
    unique = list({event[0]: event for event in reversed(happenings)}.values())[::-1]  # one entry per name
    return Registry(chosen, orgs, spots, unique)


def write_registry(registry: Registry, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "people.yaml", "w", encoding="utf-8") as out:
        for name, alias, role in registry.people:
            out.write(f"- name: {name}\n  description: {role}\n" + (f"  aliases: [{alias}]\n" if alias else ""))
    with open(folder / "organisations.yaml", "w", encoding="utf-8") as out:
        for name, acronym in registry.organisations:
            out.write(f"- name: {name}\n" + (f"  aliases: [{acronym}]\n" if acronym else ""))
    with open(folder / "places.yaml", "w", encoding="utf-8") as out:
        out.writelines(f"- name: {p}\n" for p in registry.places)
    with open(folder / "events.yaml", "w", encoding="utf-8") as out:
        out.writelines(f"- name: {n}\n  date: {y:04d}-{m:02d}-{d:02d}\n" for n, y, m, d in registry.events)


def dateline(rng: random.Random, year: int, month: int, day: int) -> str:
    style = rng.randrange(5)
    if style == 0:
        return f"{day:02d}.{month:02d}.{year}"
    if style == 1:
        return f"{MONTHS[month - 1][:3]} {day}, {year} {rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}"
    if style == 2:
        return f"Published: {rng.choice(WEEKDAYS)}, {MONTHS[month - 1]} {day}, {year}"
    if style == 3:
        return f"{year}-{month:02d}-{day:02d}"
    return f"{day} {MONTHS[month - 1]} {year}"


def sentence(rng: random.Random, registry: Registry, year: int) -> str:
    person = rng.choice(registry.people)
    org = rng.choice(registry.organisations)
    place = rng.choice(registry.places)
    words = " ".join(rng.sample(FILLER, rng.randint(8, 16)))
    kind = rng.randrange(6)
    if kind == 0:
        return f"“We have agreed that {words},” {person[0]} said in {place}."
    if kind == 1:
        short = person[1] or person[0]
        return f"{short} told reporters on {rng.randint(1, 28)} {rng.choice(MONTHS)} that {words}."
    if kind == 2:
        expansion = f" ({org[1]})" if org[1] else ""
        return f"The {org[0]}{expansion} said in {rng.choice(MONTHS)} {year - rng.randint(0, 3)} that {words}."
    if kind == 3:
        return f"According to {person[0]}, “{words}.”"
    if kind == 4:
        event = rng.choice(registry.events)
        return f"Since the {event[0]}, officials in {place} have said that {words}."
    return f"In {year - rng.randint(1, 5)}, {words} in {place}, the {person[2]} noted."


def article(rng: random.Random, registry: Registry, number: int) -> tuple[str, dict, str]:
    """(raw text, front matter for the peer, body for the peer)."""
    year, month, day = rng.randint(2015, 2024), rng.randint(1, 12), rng.randint(1, 28)
    person = rng.choice(registry.people)
    title = f"{person[0]} on {rng.choice(NOUN).lower()} talks in {rng.choice(registry.places)} ({number})"
    paragraphs, words = [], 0
    target = rng.randint(600, 900)
    while words < target:
        text = " ".join(sentence(rng, registry, year) for _ in range(rng.randint(2, 4)))
        paragraphs.append(text)
        words += len(text.split())
    tags = rng.sample(["News", "Politics", "Security", "Economy", "Region"], 2)
    head = [title, "", dateline(rng, year, month, day), ""]
    if rng.random() < 0.3:
        head += ["| " + ", ".join(tags), ""]
    tail = ["", *rng.sample(BOILERPLATE, 2)]
    raw = "\n".join(head + [p + "\n" for p in paragraphs] + tail) + "\n"
    meta = {"title": title, "date": f"{year:04d}-{month:02d}-{day:02d}", "tags": tags}
    return raw, meta, "\n\n".join(paragraphs)


def write_corpus(folder: Path, count: int, seed: int = 1) -> None:
    """content/ (site.yaml, entities/, articles/) and hugo/content/posts/ under `folder`."""
    rng = random.Random(seed)
    registry = make_registry(rng, people=2000, organisations=1500, places=200, events=300)
    content = folder / "content"
    (content / "articles").mkdir(parents=True, exist_ok=True)
    (content / "site.yaml").write_text("title: Benchmark\nbase_url: https://example.org/\n")
    write_registry(registry, content / "entities")
    posts = folder / "hugo" / "content" / "posts"
    posts.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        raw, meta, body = article(rng, registry, number)
        (content / "articles" / f"{number:06d}.txt").write_text(raw, encoding="utf-8")
        tags = ", ".join(f'"{t}"' for t in meta["tags"])
        title = meta["title"].replace('"', "'")
        (posts / f"{number:06d}.md").write_text(
            f'---\ntitle: "{title}"\ndate: {meta["date"]}\ntags: [{tags}]\n---\n\n{body}\n', encoding="utf-8")
