"""The shipped model's sums are exact in float64, so summing a block's rows in any order or
grouping (what score_blocks does) gives the same probabilities to the bit."""

from __future__ import annotations

import numpy as np

from cleantext._model import load_model


def test_every_sum_of_the_shipped_weights_is_exact_in_float64() -> None:
    model = load_model()
    assert model is not None
    w = np.asarray(model.weights, dtype=np.float32)
    bias = np.asarray(model.bias).astype(np.float32)
    assert np.array_equal(bias.astype(np.float64), model.bias)  # a float32, held in a float64
    values = np.abs(np.concatenate([w.ravel(), bias]).astype(np.float64))
    smallest = values[values > 0].min()
    # every value is a float32 (24-bit significand) no smaller than `smallest`, so a multiple
    # of `quantum`; so is any sum of them, and a float64 holds every multiple of `quantum`
    # below 2**53 of them exactly
    quantum = 2.0 ** (int(np.frexp(smallest)[1]) - 24)
    # a block's rows are distinct features (each weight at most once), its bias once
    largest_sum = float(np.abs(w).astype(np.float64).sum(axis=0).max() + np.abs(model.bias).max())
    assert largest_sum < 2.0**53 * quantum, (smallest, largest_sum)
