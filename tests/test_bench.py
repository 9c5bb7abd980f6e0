"""The benchmark's own code: bench/floor.py (the Hugo site made in Python), bench/survivors.py (mutants sorted by kind)."""

from bench.floor import build


def test_the_floor_makes_the_pages_hugo_makes(tmp_path):
    content = tmp_path / "content" / "posts"
    content.mkdir(parents=True)
    for number, (title, date, tags) in enumerate([("First & one", "2022-08-23", '["Security", "Economy"]'),
                                                    ("Second", "2023-01-05", '["Security"]')]):
        (content / f"{number:06d}.md").write_text(f'---\ntitle: "{title}"\ndate: {date}\ntags: {tags}\n---\n\n'
                                                  f"Text of *{title}*.\n", encoding="utf-8")
    output = tmp_path / "out"
    assert build(tmp_path / "content", output) == 2
    page = (output / "posts" / "000000" / "index.html").read_text(encoding="utf-8")
    assert "<h1>First &amp; one</h1>" in page and "<em>First &amp; one</em>" in page
    assert '<a href="/tags/economy/">Economy</a>' in page
    home = (output / "index.html").read_text(encoding="utf-8")
    assert home.index("/posts/000001/") < home.index("/posts/000000/")  # newest first
    economy = (output / "tags" / "economy" / "index.html").read_text(encoding="utf-8")
    assert "/posts/000000/" in economy and "/posts/000001/" not in economy
    assert (output / "tags" / "security" / "index.xml").read_text(encoding="utf-8").count("<item>") == 2
    assert (output / "index.xml").is_file() and (output / "tags" / "index.html").is_file()
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<url>") == 2 + 2 + 2  # the home and section, two tags, two articles


def test_each_surviving_mutant_is_sorted_into_the_kind_of_change_it_made():
    from bench.survivors import KINDS, kind

    cases = {
        ("cue = \"named at the end\"", "cue = \"XXnamed at the endXX\""): "message",
        ("text.strip(\".\")", "text.strip(\"XX.XX\")"): "value",
        ("re.search(r\"\\w\", lead)", "re.search(r\"XX\\wXX\", lead)"): "pattern",
        ("re.search(r\"(?:the|a)\\s\", phrase, re.IGNORECASE)", "re.search(r\"(?:THE|A)\\s\", phrase, re.IGNORECASE)"): "same",
        ("if len(zone) > 120:", "if len(zone) > 121:"): "by one",
        ("if len(zone) > 120:", "if len(zone) >= 120:"): "by one",
        ("x = a if ok else b", "x = a if (ok) or True else b"): "forced",
        ("return as_speaker(named, cue)", "return as_speaker(named, None)"): "argument",
        ("if a and b:", "if a or b:"): "logic",
    }
    assert {pair: kind(*pair) for pair in cases} == cases
    assert set(cases.values()) == set(KINDS)


def test_compare_times_each_checkout_in_turn_and_leaves_the_content_as_it_was(tmp_path):
    from bench.compare import PROJECT, compare

    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "site.yaml").write_text("title: Compared\n")
    for name in ("a", "b"):
        (content / "articles" / f"{name}.txt").write_text(f"Story {name}\n\n03.04.2021\n\nA paragraph.\n\nAnother.\n")
    before = {p.name: p.read_bytes() for p in (content / "articles").iterdir()}
    times = compare([PROJECT, PROJECT], content, rounds=1)
    assert list(times) == [str(PROJECT)]  # the same checkout twice: one record, both turns in it
    assert {name: len(seconds) for name, seconds in times[str(PROJECT)].items()} == \
        {"no change": 2, "edit": 2, "in place": 2, "no change, CPU": 2, "edit, CPU": 2, "in place, CPU": 2}
    assert all(s > 0 for seconds in times[str(PROJECT)].values() for s in seconds)
    assert {p.name: p.read_bytes() for p in (content / "articles").iterdir()} == before  # copied, not edited
