"""Lists in a report's text, one style per language: Indonesian puts a comma before the last "dan" / "atau" of a
list of three or more (PUEBI / EYD V, Tanda Koma rule 1: "Saya membeli kertas, pena, dan tinta"), English, as the
project writes it, does not ("A, B and C"). Every list the code builds goes through :meth:`Language.join`."""

from __future__ import annotations

import pytest

from sim.i18n import Language


@pytest.mark.parametrize("code, items, joined", [
    ("id", [], ""), ("id", ["A"], "A"), ("id", ["A", "B"], "A dan B"), ("id", ["A", "B", "C"], "A, B, dan C"),
    ("id", ["A", "B", "C", "D"], "A, B, C, dan D"),
    ("en", [], ""), ("en", ["A"], "A"), ("en", ["A", "B"], "A and B"), ("en", ["A", "B", "C"], "A, B and C"),
    ("en", ["A", "B", "C", "D"], "A, B, C and D"),
])
def test_a_list_is_joined_with_and_in_each_languages_style(code, items, joined):
    assert Language(code).join(items) == joined
    assert Language(code).join(iter(items)) == joined  # any iterable, read once


@pytest.mark.parametrize("code, joined", [("id", ["A atau B", "A, B, atau C"]), ("en", ["A or B", "A, B or C"])])
def test_a_list_of_choices_is_joined_with_or_in_the_same_style(code, joined):
    lang = Language(code)
    assert [lang.join("AB", "or"), lang.join("ABC", "or")] == joined


@pytest.mark.parametrize("code, joined", [
    ("id", ["A; B; dan C", "A dan B"]), ("en", ["A; B and C", "A and B"])])
def test_items_with_commas_of_their_own_are_separated_by_semicolons(code, joined):
    lang = Language(code)
    assert [lang.join("ABC", separator="; "), lang.join("AB", separator="; ")] == joined


@pytest.mark.parametrize("code, joined", [
    ("id", ["", "A dan B", "A dan B, serta C", "A dan B, C, serta D dan E"]),
    ("en", ["", "A and B", "A and B, and C", "A and B, C, and D and E"])])
def test_lists_that_hold_an_and_each_are_set_apart_by_a_comma_and_another_word(code, joined):
    """"A and B, and C and D": where a group lists several items, its own "and" is not the one between the groups,
    even between two groups; Indonesian says "serta" there."""
    lang = Language(code)
    groups = [[], ["A dan B" if code == "id" else "A and B"], ["A and B", "C"], ["A and B", "C", "D and E"]]
    if code == "id":
        groups = [[g.replace(" and ", " dan ") for g in group] for group in groups]
    assert [lang.join(g, "and_groups") for g in groups] == joined
