"""The learned block model: the shipped file, its rebuild, its findings and their evidence."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext import Pipeline, annotate, clean
from cleantext._model import FEATURES_VERSION, ModelError, block_features, load_model, model_from_files
from cleantext._document import segment_text
from cleantext.filters.model import ModelFilter

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval" / "plaintext-news"
MODEL_DIR = ROOT / "src" / "cleantext" / "model"

STORY = [
    "The council voted on Tuesday to close the old bridge for repairs, after engineers found cracks "
    "in two of its supports during a routine inspection last month.",
    "Drivers will be sent along the river road, which the city expects to add about fifteen minutes "
    "to the morning commute for people coming from the north side.",
    "The mayor said the work would be finished before winter, and that the cost would be covered by "
    "the state's road fund rather than by local taxes this year.",
]


def _doc(*extra: str) -> str:
    return "Bridge to close for six weeks of repairs\n\n" + "\n\n".join([*STORY, *extra]) + "\n"


def test_the_package_ships_a_model_of_these_features() -> None:
    model = load_model()
    assert model is not None
    assert model.info["features_version"] == FEATURES_VERSION
    assert "body" in model.classes and set(model.info["languages"]) == {"en", "es"}
    size = sum(p.stat().st_size for p in MODEL_DIR.iterdir())
    assert size < 5_000_000, f"the model files are {size} bytes"
    assert (MODEL_DIR / "MODEL_CARD.md").is_file()


def test_a_model_of_other_features_is_refused() -> None:
    meta = json.loads((MODEL_DIR / "model.json").read_text(encoding="utf-8"))
    weights = np.load(MODEL_DIR / "weights.npy")
    meta["features_version"] = FEATURES_VERSION + 1
    with pytest.raises(ModelError, match="python -m cleantext.training"):
        model_from_files(meta, weights)
    meta["features_version"] = FEATURES_VERSION
    with pytest.raises(ModelError, match="shape"):
        model_from_files(meta, weights[:-3])


def test_a_finding_of_the_model_names_its_evidence() -> None:
    text = _doc("Home | News | Sport | Weather | Contact Us")
    found = [f for f in annotate(text) if f.filter == "model"]
    assert found, "the model found nothing"
    f = found[-1]
    assert text[f.start : f.end] == "Home | News | Sport | Weather | Contact Us"
    assert f.rule == "block-model" and 0.5 <= f.confidence <= 1.0
    assert f.evidence.startswith(f"model: {f.category} p=")
    assert "(" in f.evidence, "no deciding features named"


def test_story_prose_scores_as_body() -> None:
    model = load_model()
    assert model is not None
    doc = segment_text(_doc("Shop owners said they would stay open."), "en")
    probs = model.scores(block_features(doc, None))
    assert all(p > 0.5 for p in probs[1:, model.body]), probs[:, model.body]


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_the_fast_scores_are_the_feature_tokens_scores(language: str) -> None:
    # score_blocks (context features as integer codes for all blocks at once) must give the
    # numbers of scores(block_features(...)) (feature strings, looked up one by one; summed in
    # another order and in float64, so up to float32 rounding): the trainer sees the strings, the filter the codes
    import random

    model = load_model()
    assert model is not None
    lines = ["Bridge to close", "By Ann Lee", "", *STORY, "Photo: City of Example", "Photo: City of Example",
             "Share", "Tweet", "ENJOYED THIS? Pass it on - 3 ways", "\u00a9 2026 Example Gazette | Terms | Privacy",
             "", "more", "", "Related: the old ferry's last run (2019)", "last line without an end"]
    rng = random.Random(7)
    for trial in range(40):
        order = lines[:2] + rng.sample(lines[2:], k=rng.randint(3, len(lines) - 2))
        doc = segment_text("\n".join(order), language)
        hits = [{} for _ in doc.blocks]
        for h in hits:
            for cat in ("caption", "cut:related", "byline", "no-such-category"):
                if rng.random() < 0.2:
                    h[cat] = rng.random()
        for given in (hits, None):
            fast = model.score_blocks(doc, given)
            slow = model.scores(block_features(doc, given))
            assert fast.shape == slow.shape == (len(doc.blocks), len(model.classes))
            assert np.allclose(fast, slow, rtol=0, atol=1e-6), (trial, order)


def test_the_model_leaves_an_html_page_to_the_extractor_unless_asked() -> None:
    page = (
        "<html><head><title>Bridge</title></head><body><article><h1>Bridge to close for six weeks of repairs</h1>"
        + "".join(f"<p>{p}</p>" for p in STORY)
        + "<p>Home | News | Sport | Weather | Contact Us</p></article></body></html>"
    )
    assert not [x for x in clean(page, format="html").removed if x.filter == "model"]
    asked = Pipeline.default().replace("model", ModelFilter(formats=("text", "html")))
    found = [x for x in clean(page, format="html", pipeline=asked).removed if x.filter == "model"]
    assert [x.text for x in found] == ["Home | News | Sport | Weather | Contact Us"]


def test_without_the_model_the_rules_alone_decide() -> None:
    text = _doc("Home | News | Sport | Weather | Contact Us")
    assert "Home | News" not in clean(text).text
    assert "Home | News" in clean(text, pipeline=Pipeline.default().without("model")).text


def test_a_filter_given_no_model_in_a_language_it_was_not_trained_on_does_nothing() -> None:
    text = _doc("Home | News | Sport | Weather | Contact Us")
    r = clean(text, language="de")
    assert not [x for x in r.removed if x.filter == "model"]
    assert ModelFilter().model is load_model()


@pytest.mark.skipif(importlib.util.find_spec("sklearn") is None, reason="the trainer needs scikit-learn (the train extra)")
@pytest.mark.skipif(not (DATA / "train.jsonl").is_file(), reason="the labelled set is not beside the checkout (../shared)")
def test_the_training_command_rebuilds_the_shipped_bytes() -> None:
    # same data, same bytes: the shipped model is what the command in the repository makes, with
    # the trainer's versions it records (another scikit-learn or numpy may round differently)
    from cleantext.training._train import trainer_versions

    built = json.loads((MODEL_DIR / "model.json").read_text(encoding="utf-8"))["built_with"]
    here = trainer_versions()
    if here != built:
        pytest.skip(f"the shipped model was built with {built}, this environment has {here}")
    # the environment is passed on whole: OPENBLAS_CORETYPE, say, picks the BLAS kernels
    proc = subprocess.run(
        [sys.executable, "-W", "ignore", "-m", "cleantext.training", "--data", str(DATA), "--check"],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "same bytes" in proc.stderr


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=60))
def test_ascii_words_are_the_general_patterns_words(text: str) -> None:
    # the ASCII fast path of the model's word split gives the words of the Unicode pattern
    from cleantext import _model

    def general(t: str) -> tuple[str, ...]:
        return tuple(_model._WORD.findall(_model._DIGITS.sub("0", t.replace("'", "").replace("\u2019", ""))))

    assert _model._words(text) == general(text)
    assert _model._words(text.lower()) == general(text.lower())
