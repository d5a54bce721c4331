"""The model's lower bar for a biography among the page's last blocks (``filters/model.py``).

A stub model gives chosen blocks a chosen class and probability, so each case tests where the
lower bar applies (the last blocks, a biography, a block of a sentence or more) and where the
model's own bar stays; the shipped model's own cases are in ``fixtures/filters/model.json``."""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from typing import Any

import numpy as np

from cleantext import Pipeline, clean
from cleantext._model import load_model
from cleantext.filters import model as model_filter
from cleantext.filters.model import ModelFilter

STORY = [
    "Valley clinic adds evening hours as flu cases climb",
    "The community clinic on Harbour Street will stay open until nine on weeknights from Monday, after "
    "the number of flu cases its nurses saw doubled in the last three weeks of the month.",
    "Staff said the waiting room had been full by mid-morning on most days, and that many patients were "
    "parents who could not leave work before the clinic closed at five in the afternoon.",
    "The county health office said it would send two more nurses to the clinic for the rest of the "
    "winter, and that vaccines were still free for anyone over six months old.",
]
# invented: a contributor's note no rule takes, and a story's paragraph of the same length
NOTE = ("Carla Muestra spent a decade on hospital wards before she turned to reporting; these days her "
        "pieces on rural medicine run in several regional papers.")
PROSE = ("Carla Muestra spent a decade on the hospital's wards before the clinic opened; these days she "
         "runs its evening shift and trains the new nurses.")


class _Stub:
    """The shipped model's classes and settings; every block body, except the texts given."""

    def __init__(self, given: Mapping[str, tuple[str, float]]) -> None:
        shipped = load_model()
        assert shipped is not None
        self.classes: tuple[str, ...] = shipped.classes
        self.info = shipped.info
        self.given = given

    @property
    def body(self) -> int:
        return self.classes.index("body")

    def score_blocks(self, doc: Any, hits: Any, skip: Container[int] = ()) -> Any:
        p = np.zeros((len(doc.blocks), len(self.classes)))
        p[:, self.body] = 1.0
        for i, b in enumerate(doc.blocks):
            if b.text in self.given:
                cat, q = self.given[b.text]
                p[i, :] = 0.0
                p[i, self.classes.index(cat)] = q
                p[i, self.body] = 1.0 - q
        return p

    def evidence(self, toks: Sequence[str], cls: int, k: int = 3) -> list[str]:
        return []


def _removed(blocks: list[str], given: Mapping[str, tuple[str, float]]) -> list[tuple[str, str]]:
    pipe = Pipeline.default().replace("model", ModelFilter(_Stub(given)))  # type: ignore[arg-type]
    r = clean("\n\n".join(blocks), pipeline=pipe)
    return [(x.category, x.text.strip()) for x in r.removed if x.filter == "model"]


# sure enough at the tail's bar, not at the model's own
P = 0.99


def test_the_probability_sits_between_the_two_bars() -> None:
    shipped = load_model()
    assert shipped is not None
    shift = float(shipped.info["shift"])
    logit = float(np.log(P / (1 - P)))
    assert shift - model_filter._TAIL_SHIFT <= logit < shift


def test_a_likely_biography_closing_the_page_goes() -> None:
    assert _removed([*STORY, NOTE], {NOTE: ("author_bio", P)}) == [("author_bio", NOTE)]


def test_the_same_paragraph_inside_the_story_stays() -> None:
    # six blocks after it: not among the last four
    blocks = [STORY[0], STORY[1], NOTE, STORY[2], STORY[3], *STORY[1:]]
    assert _removed(blocks, {NOTE: ("author_bio", P)}) == []


def test_another_class_at_the_tail_keeps_the_model_bar() -> None:
    assert _removed([*STORY, NOTE], {NOTE: ("related", P)}) == []


def test_a_short_line_at_the_tail_keeps_the_model_bar() -> None:
    name = "Carla Muestra, nurse and writer"
    assert _removed([*STORY, name], {name: ("author_bio", P)}) == []


def test_below_the_tail_bar_stays() -> None:
    assert _removed([*STORY, NOTE], {NOTE: ("author_bio", 0.9)}) == []


def test_the_shipped_model_keeps_a_closing_paragraph_about_a_source() -> None:
    # a story's last paragraph that introduces a person: real prose, whatever the bar
    text = "\n\n".join([*STORY, PROSE])
    assert PROSE in clean(text).text
