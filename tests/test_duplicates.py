"""Articles collected twice are found; different articles on the same subject are not."""

from dossier.duplicates import find_duplicates, fingerprint, similarity
from helpers import article

STORY = " ".join(
    f"In paragraph {n}, Russian Foreign Minister Sergey Lavrov told reporters in Yerevan that point number {n} of "
    f"the talks with Armenian officials, on topic {n * 7}, had been settled after a long discussion." for n in range(12))


def duplicates(*texts):
    articles = tuple(article(text, slug=f"a{number}") for number, text in enumerate(texts))
    return find_duplicates(articles, [fingerprint(a.body) for a in articles])


def test_identical_and_lightly_edited_copies_are_found():
    copy = STORY.replace("paragraph 3,", "paragraph three,").replace("long discussion. In paragraph 7",
                                                                   "long and hard discussion. In paragraph 7")
    assert 0.8 <= similarity(STORY, copy) < 1
    found = duplicates(STORY, copy, STORY)
    assert set(found) == {"a1", "a2"} and {canonical for canonical, _ in found.values()} == {"a0"}
    assert found["a2"] == ("a0", 1.0)


def test_different_articles_on_the_same_subject_are_not_copies():
    other = STORY.replace("had been settled", "was still open").replace("told reporters", "said")
    assert similarity(STORY, other) < 0.8
    assert duplicates(STORY, other) == {}


def test_texts_shorter_than_a_shingle_are_never_copies():
    assert duplicates("", "", "Body text.", "Блокнот Windows.") == {}


def test_fingerprints_are_the_same_in_every_run():
    """Made in two processes with different string hashing (Python salts hash() per process): the same."""
    import os
    import subprocess
    import sys

    code = ("import sys; from dossier.duplicates import fingerprint; "
            "sys.stdout.write(fingerprint(sys.stdin.read()).hex())")
    runs = [subprocess.run([sys.executable, "-c", code], input=STORY, capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")]
    assert runs[0] == runs[1] == fingerprint(STORY).hex() and len(fingerprint(STORY)) == 32 * 4
