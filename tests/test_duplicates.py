"""Articles collected twice are found; different articles on the same subject are not."""

from dossier.duplicates import find_duplicates
from helpers import article

STORY = ("Russian Foreign Minister Sergey Lavrov arrived in Yerevan on Thursday for talks with Armenian officials "
         "about the situation in the region and the future of the peacekeeping mission, which he said would "
         "continue as long as both sides wanted it. The talks lasted four hours and ended with a joint statement.")


def test_identical_and_lightly_edited_copies_are_found():
    copy = STORY.replace("Thursday", "Thursday morning").replace("four hours", "nearly four hours")
    found = find_duplicates((article(STORY, slug="first"), article(copy, slug="second"),
                             article(STORY, slug="third")))
    assert set(found) == {"second", "third"}
    assert all(canonical == "first" and similarity >= 0.8 for canonical, similarity in found.values())


def test_a_shorter_excerpt_of_the_same_story_is_a_copy():
    excerpt = STORY.split(". The talks")[0] + "."
    assert find_duplicates((article(STORY, slug="a"), article(excerpt, slug="b"))) == {"b": ("a", 1.0)}


def test_different_articles_on_the_same_subject_are_not_copies():
    other = ("Armenian officials met Russian Foreign Minister Sergey Lavrov in Yerevan, where the future of the "
             "peacekeeping mission was one of several topics; the opposition protested outside the building.")
    assert find_duplicates((article(STORY, slug="a"), article(other, slug="b"))) == {}
