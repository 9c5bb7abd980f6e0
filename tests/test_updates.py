"""Updates against cold builds: the kinds of edit users make (to articles, front matter, the registry,
the settings, the editor's pages, kept originals, pictures, templates, interface words, assets), in
a seeded random order, each followed by an update that must be byte for byte what a cold build of
the same content makes. Random edits like these found updates that differed from cold builds (a
copy collected later, an article renamed past another of the same title); each has a test of its
own as well."""

import random
import shutil
from pathlib import Path

from dossier.model import default_paths
from dossier.pipeline import build_site
from helpers import PROJECT, tree

PEOPLE = ["Sergey Lavrov", "Nikol Pashinyan", "Ilham Aliyev", "Sergey Shoygu"]


def sentence(rng: random.Random) -> str:
    who, day, year = rng.choice(PEOPLE), rng.randint(1, 28), rng.choice([2019, 2021, 2022])
    month = rng.choice(["March", "June", "October"])
    return rng.choice([f"“We will talk again,” {who} said on {day} {month} {year}.",
                       f"{who} met officials in Moscow on {day} {month}.",
                       "The talks went on for hours.",
                       f"In {year}, {who} travelled to Baku."])


def articles(content: Path) -> list[Path]:
    return sorted(p for p in (content / "articles").iterdir() if p.suffix in (".txt", ".md"))


def edit_lines(rng: random.Random, content: Path, change) -> None:
    path = rng.choice([p for p in articles(content) if p.suffix == ".txt"])
    lines = path.read_text(encoding="utf-8").split("\n")
    change(lines)
    path.write_text("\n".join(lines), encoding="utf-8")


def paragraph_on_top(rng, content):
    edit_lines(rng, content, lambda lines: lines.insert(1, sentence(rng)))


def paragraph_at_the_end(rng, content):
    edit_lines(rng, content, lambda lines: lines.append(sentence(rng)))


def sentence_changed(rng, content):
    def change(lines):
        at = rng.randrange(1, len(lines))
        lines[at] = lines[at].replace("the", "a", 1) + " Indeed."
    edit_lines(rng, content, change)


def paragraph_removed(rng, content):
    edit_lines(rng, content, lambda lines: len(lines) > 4 and lines.pop(rng.randrange(2, len(lines))))


def title_changed(rng, content):
    edit_lines(rng, content, lambda lines: lines.__setitem__(0, lines[0] + " (updated)"))


def article_added(rng, content):
    text = "A new article on the talks\n\n" + "\n\n".join(sentence(rng) for _ in range(4)) + "\n"
    (content / "articles" / f"new_{rng.randrange(10 ** 6)}.txt").write_text(text, encoding="utf-8")


def article_removed(rng, content):
    if len(articles(content)) > 3:
        rng.choice(articles(content)).unlink()


def article_renamed(rng, content):
    added = [p for p in articles(content) if p.name.startswith("new_")]  # renamed past another of its title
    path = added[-1] if added else rng.choice(articles(content))
    path.rename(path.with_name("r" + path.name))


def article_collected_twice(rng, content):
    path = rng.choice(articles(content))
    shutil.copy(path, path.with_name("copy_" + path.name))


def name_changed_in_the_registry(rng, content):
    people = content / "entities" / "people.yaml"
    text = people.read_text(encoding="utf-8")
    changed = text.replace("name: Sergey Lavrov", "name: Sergey V. Lavrov", 1)
    people.write_text(changed if changed != text else text.replace("Sergey V. Lavrov", "Sergey Lavrov", 1),
                      encoding="utf-8")


def event_registered(rng, content):
    events = content / "entities" / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8") + f"- name: Moscow talks {rng.randrange(100)}\n"
                      f"  date: 2021-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}\n", encoding="utf-8")


def site_title_changed(rng, content):
    site = content / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8").replace('title: "', 'title: "New ', 1), encoding="utf-8")


def exports_chosen(rng, content):
    site = content / "site.yaml"
    settings = site.read_text(encoding="utf-8").split("\nexports:")[0]
    site.write_text(settings + rng.choice(["", "\nexports: [articles, quotes]\n", "\nexports: [chronology, entities]\n"]),
                    encoding="utf-8")


def editors_page_changed(rng, content):
    page = rng.choice(sorted((content / "pages").glob("*.md")))
    page.write_text(page.read_text(encoding="utf-8") + "\nAnother sentence.\n", encoding="utf-8")


def story_with_shortcodes(rng, content):
    kinds = rng.choice(["event,mention", "mention", "publication"])
    (content / "pages" / "story.md").write_text(
        f"---\ntitle: A story\n---\n\nText.\n\n{{{{ chronology from=2021-01-01 to=2022-12-31 kind={kinds} "
        f"limit={rng.randint(2, 9)} }}}}\n\n{{{{ chronology entity=sergey-lavrov }}}}\n", encoding="utf-8")


def original_kept_or_changed(rng, content):
    kept = sorted((content / "originals").glob("*.txt"))
    originals = [p for p in articles(content) if p.suffix == ".txt" and content / "originals" / p.name in kept]
    path = originals[0] if originals else rng.choice([p for p in articles(content) if p.suffix == ".txt"])
    original = content / "originals" / path.name
    original.parent.mkdir(exist_ok=True)
    original.write_text(path.read_text(encoding="utf-8") + ("\nOne more line.\n" if original.exists() else ""),
                        encoding="utf-8")


def front_matter_changed(rng, content):
    tags = ", ".join(rng.sample(["talks", "peace", "army", "refugees"], 2))
    slug = rng.choice(["", "slug: chosen\n"])
    (content / "articles" / "with_front_matter.md").write_text(
        f"---\ntitle: An article with front matter\n{slug}date: 2021-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}\n"
        f"tags: [{tags}]\nsource: Example News\n---\n\n{sentence(rng)}\n\n{sentence(rng)}\n", encoding="utf-8")


def picture_changed(rng, content):
    (content / "articles" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(30)))
    (content / "articles" / "pictured.md").write_text(
        f"---\ntitle: A pictured article\ndate: 2022-05-0{rng.randint(1, 9)}\n---\n\n{sentence(rng)}\n\n"
        '![The talks](photo.png "Caption. Photo: Someone")\n', encoding="utf-8")


def boilerplate_rule_changed(rng, content):
    (content / "boilerplate.yaml").write_text(rng.choice(["- kind: promo\n  pattern: '^The talks went on'\n",
                                                          "- kind: promo\n  pattern: '^Indeed'\n", "[]\n"]))


def template_changed(rng, content):
    template = content.parent / "templates" / rng.choice(["base.html", "entity.html", "_timeline.html"])
    template.write_text(template.read_text(encoding="utf-8").replace("</", "\n</", 1), encoding="utf-8")


def interface_word_changed(rng, content):
    words = content.parent / "templates" / "i18n" / "en.yaml"
    text = words.read_text(encoding="utf-8")
    changed = text.replace('chronology: "Chronology"', 'chronology: "Timeline"')
    words.write_text(changed if changed != text else text.replace('"Timeline"', '"Chronology"'), encoding="utf-8")


def stylesheet_changed(rng, content):
    style = content.parent / "site_src" / "style.css"
    style.write_text(style.read_text(encoding="utf-8") + "\n/* edited */\n", encoding="utf-8")


EDITS = [template_changed, interface_word_changed, stylesheet_changed, paragraph_on_top, paragraph_at_the_end, sentence_changed, paragraph_removed, title_changed, article_added,
         article_removed, article_renamed, article_collected_twice, name_changed_in_the_registry, event_registered,
         site_title_changed, exports_chosen, editors_page_changed, story_with_shortcodes, original_kept_or_changed,
         front_matter_changed, picture_changed, boilerplate_rule_changed]


def test_every_update_after_random_edits_is_the_cold_build_of_the_same_content(tmp_path):
    rng = random.Random(2026)  # the same sequence every run: a failure is reproducible
    for folder in ("content", "templates", "site_src"):
        shutil.copytree(PROJECT / folder, tmp_path / folder)
    content = tmp_path / "content"
    paths, cold = default_paths(content, tmp_path / "output", tmp_path), default_paths(content, tmp_path / "cold", tmp_path)
    build_site(paths, search=False)
    edits = rng.sample(EDITS, len(EDITS)) + rng.sample(EDITS, len(EDITS))  # each kind twice
    for step, edit in enumerate(edits, 1):
        edit(rng, content)
        assert build_site(paths, search=False).ok
        build_site(cold, search=False, cache=False)
        assert tree(tmp_path / "output") == tree(tmp_path / "cold"), f"after {[e.__name__ for e in edits[:step]]}"
        shutil.rmtree(tmp_path / "cold")
