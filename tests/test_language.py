"""language.py: which language an article is in, from py3langid."""

import numpy
import py3langid
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from dossier.language import detect_language, load_language_model

TEXTS = {
    "en": "The foreign ministers met in Moscow on Tuesday to discuss the ceasefire, and both sides said that the "
          "talks had been constructive although no agreement on the corridor was reached.",
    "ru": "Министры иностранных дел встретились во вторник в Москве, чтобы обсудить перемирие; обе стороны "
          "заявили, что переговоры были конструктивными, хотя соглашения о коридоре достигнуто не было.",
    "fr": "Les ministres des affaires étrangères se sont réunis mardi à Moscou pour discuter du cessez-le-feu, et "
          "les deux parties ont déclaré que les discussions avaient été constructives.",
    "de": "Die Außenminister trafen sich am Dienstag in Moskau, um über den Waffenstillstand zu sprechen, und "
          "beide Seiten erklärten, die Gespräche seien konstruktiv gewesen.",
}


def test_each_language_is_told_and_a_short_text_is_left_to_the_site():
    for code, text in TEXTS.items():
        assert detect_language(text, "xx") == code
    assert detect_language("Moscow, Tuesday.", "xx") == "xx"


def test_the_scores_are_py3langids_own():
    """The table is held row by row in float32 (for speed); the probabilities must not move."""
    model = load_language_model()
    assert model.nb_ptc.dtype == numpy.float32 and model.nb_ptc.flags["C_CONTIGUOUS"]
    theirs = LanguageIdentifier.from_modelpath(py3langid.__file__.rpartition("/")[0] + "/" + MODEL_FILE,
                                               norm_probs=True)
    theirs.set_languages(model.nb_classes)
    assert not theirs.nb_ptc.flags["C_CONTIGUOUS"]  # what this changes
    for text in [*TEXTS.values(), "Short but enough letters to score: " * 3, TEXTS["en"] + TEXTS["ru"]]:
        assert numpy.array_equal(model._decide(text), theirs._decide(text))


def test_a_whole_page_is_read_by_its_paragraphs_not_its_english_menus():
    menus = "\n".join(["Home", "News", "Log in", "Subscribe", "Search", "Privacy policy", "Terms of use",
                       "Warning: the session could not be started because the server did not answer in time",
                       "Contact us", "About us", "Careers", "Advertise with us"] * 3)
    page = menus + "\n" + TEXTS["de"] + "\n" + TEXTS["de"] + "\n" + menus
    assert detect_language(page, "en") == "de"


def test_a_copy_kept_between_builds_is_read_back_and_scores_the_same(tmp_path, monkeypatch):
    from dossier import language

    monkeypatch.setattr(language, "_KEPT", False)
    monkeypatch.setattr(language, "_LOADED", [])
    first = load_language_model(kept_in=tmp_path)
    assert (tmp_path / language.COPY).is_file()
    language.release_language_model()
    unpacked = []
    monkeypatch.setattr(language, "_unpacked", lambda kept_in: unpacked.append(kept_in))
    second = load_language_model(kept_in=tmp_path)
    assert not unpacked and second is not first  # read from the copy, not from py3langid's file
    assert second.nb_ptc.dtype == numpy.float32 and second.nb_classes == first.nb_classes
    assert isinstance(second.tk_nextmove, memoryview) and not second.nb_ptc.flags.writeable  # mapped, not read
    for text in [*TEXTS.values(), "Short but enough letters to score: " * 3]:
        assert numpy.array_equal(second._decide(text), first._decide(text))
    language.release_language_model()
    monkeypatch.setattr(language, "_stamp", lambda: "another version of the model")
    assert load_language_model(kept_in=tmp_path) is None and unpacked == [tmp_path]  # not that copy
    monkeypatch.setattr(language, "_LOADED", [])
    (tmp_path / language.COPY).write_bytes(b"cut short")
    monkeypatch.undo()
    monkeypatch.setattr(language, "_LOADED", [])
    assert load_language_model(kept_in=tmp_path).classify(TEXTS["fr"])[0] == "fr"  # made again
    assert language._read_copy(tmp_path) is not None
    whole = (tmp_path / language.COPY).read_bytes()
    (tmp_path / language.COPY).write_bytes(whole[:-4])  # its table cut short: not mapped, made again
    assert language._read_copy(tmp_path) is None
