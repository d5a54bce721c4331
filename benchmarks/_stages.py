"""Where the time of ``clean()`` goes, by stage: the profile table of ``speed.py --only profile``.

Exclusive time per stage (a stage inside another is not counted twice), measured by wrapping
the library's own functions for the duration of the measurement (nothing in the library is
changed for it): reading (input, segmentation, language), the trigger scan, each filter by name
on the first look, the pipeline's own work per finding (``Context._record``), resolution (mode,
embeds, safety cap; the ledger), the result (replay of the ledger, metadata), and the later looks
at the clean text (their segmentation, their filters, the mapping of their findings back).
The wrappers cost time of their own: the table gives the instrumented total beside the plain one.
"""

from __future__ import annotations

import contextlib
import time
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any


class Clock:
    """Exclusive time per stage: entering a stage pauses the one around it."""

    def __init__(self) -> None:
        self.spent: Counter[str] = Counter()
        self.stack: list[str] = ["other"]
        self.t = time.perf_counter()

    def enter(self, stage: str) -> None:
        now = time.perf_counter()
        self.spent[self.stack[-1]] += now - self.t
        self.t = now
        self.stack.append(stage)

    def leave(self) -> None:
        now = time.perf_counter()
        self.spent[self.stack.pop()] += now - self.t
        self.t = now


CLOCK = Clock()
LOOK = [0]


def _timed(stage: str | Callable[[], str], fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*a: Any, **kw: Any) -> Any:
        CLOCK.enter(stage() if callable(stage) else stage)
        try:
            return fn(*a, **kw)
        finally:
            CLOCK.leave()

    return wrapper


class _TimedFilter:
    """A filter whose ``find`` is timed (each step of its generator), under the same name."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.name = inner.name

    def find(self, doc: Any, ctx: Any) -> Iterator[Any]:
        stage = ("filter " if LOOK[0] == 0 else "later looks: filter ") + self.name
        CLOCK.enter(stage)
        try:
            it = iter(self.inner.find(doc, ctx))
        finally:
            CLOCK.leave()
        while True:
            CLOCK.enter(stage)
            try:
                f = next(it)
            except StopIteration:
                return
            finally:
                CLOCK.leave()
            yield f


@contextlib.contextmanager
def instrumented() -> Iterator[Any]:
    """The library wrapped for timing; yields the pipeline to pass to ``clean``."""
    import cleantext
    from cleantext import _pipeline, _types

    saved: list[tuple[Any, str, Any]] = []

    def patch(owner: Any, attr: str, new: Any) -> None:
        saved.append((owner, attr, getattr(owner, attr)))
        setattr(owner, attr, new)

    def run_wrapper(fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(self: Any, doc: Any, options: Any) -> Any:
            LOOK[0] = -1
            return fn(self, doc, options)

        return run

    def find_wrapper(fn: Callable[..., Any]) -> Callable[..., Any]:
        def find(self: Any, *a: Any, **kw: Any) -> Any:
            LOOK[0] += 1
            CLOCK.enter("pipeline: find loop" if LOOK[0] == 0 else "later looks: find loop")
            try:
                return fn(self, *a, **kw)
            finally:
                CLOCK.leave()

        return find

    patch(cleantext, "_to_text", _timed("read: input", cleantext._to_text))
    patch(cleantext, "_segment_text", _timed("read: segment", cleantext._segment_text))
    patch(cleantext, "_segment_sampled", _timed("read: segment", cleantext._segment_sampled))
    patch(cleantext, "_detect_language", _timed("read: language", cleantext._detect_language))
    patch(_types.Context, "_scan", _timed(lambda: "trigger scan" if LOOK[0] == 0 else "later looks: trigger scan", _types.Context._scan))
    patch(_types.Context, "_record", _timed(lambda: "pipeline: record" if LOOK[0] == 0 else "later looks: record", _types.Context._record))
    patch(_pipeline.Pipeline, "run", run_wrapper(_pipeline.Pipeline.run))
    patch(_pipeline.Pipeline, "find", find_wrapper(_pipeline.Pipeline.find))
    patch(_pipeline.Pipeline, "_accepted", _timed(lambda: "resolve: accept, cap" if LOOK[0] == 0 else "later looks: accept, cap", _pipeline.Pipeline._accepted))
    patch(_pipeline, "_ledger", _timed("resolve: ledger", _pipeline._ledger))
    patch(_pipeline, "replay_lines", _timed("result: replay", _pipeline.replay_lines))
    patch(_pipeline, "_metadata", _timed("result: metadata", _pipeline._metadata))
    patch(_pipeline, "build", _timed("later looks: segment", _pipeline.build))
    patch(_pipeline, "map_span", _timed("later looks: map back", _pipeline.map_span))
    try:
        yield cleantext.Pipeline([_TimedFilter(f) for f in cleantext.Pipeline.default()])
    finally:
        for owner, attr, old in reversed(saved):
            setattr(owner, attr, old)


def forget_texts() -> None:
    """Empty every cache the package keeps of block texts across documents (the bounded
    ``functools.lru_cache`` functions of its modules and the model's summed text weights), so
    a timed run over texts seen before costs what new texts cost: users clean new texts. The
    caches of compiled phrase lists and of the loaded model (unbounded or of one entry) stay."""
    import sys

    for name, mod in list(sys.modules.items()):
        if not name.startswith("cleantext"):
            continue
        for value in list(vars(mod).values()):
            info = getattr(value, "cache_info", None)
            if info is not None and hasattr(value, "cache_clear") and info().maxsize not in (None, 1):
                value.cache_clear()
    model = sys.modules.get("cleantext._model")
    if model is not None:
        loaded = model.load_model()
        if loaded is not None:
            loaded._text_rows.clear()


#: whether timed runs start from empty text caches (``speed.py --warm`` sets it False)
COLD = [True]


def profile(texts: list[str], repeat: int) -> tuple[dict[str, float], float, float, int]:
    """Median seconds per stage over ``repeat`` runs of ``clean`` on every text; the median
    instrumented and plain totals; and the number of looks of one run."""
    from cleantext import Options, clean

    opts = Options(format="text")
    runs: list[Counter[str]] = []
    totals: list[float] = []
    plain: list[float] = []
    looks = 0
    for _ in range(repeat):
        if COLD[0]:
            forget_texts()
        t0 = time.perf_counter()
        for t in texts:
            clean(t, options=opts)
        plain.append(time.perf_counter() - t0)
        if COLD[0]:
            forget_texts()
        with instrumented() as pipe:
            CLOCK.__init__()  # type: ignore[misc]
            looks = 0
            t0 = time.perf_counter()
            for t in texts:
                clean(t, options=opts, pipeline=pipe)
                looks += LOOK[0] + 1
            CLOCK.spent[CLOCK.stack[-1]] += time.perf_counter() - CLOCK.t
            totals.append(time.perf_counter() - t0)
            runs.append(CLOCK.spent)
    stages = sorted({k for r in runs for k in r})
    med = {k: sorted(r.get(k, 0.0) for r in runs)[len(runs) // 2] for k in stages}
    return med, sorted(totals)[len(totals) // 2], sorted(plain)[len(plain) // 2], looks


BOILERPLATE_EXCLUDED = ("body", "neutral", "embed")


def block_costs(records: list[dict[str, Any]], repeat: int) -> dict[str, float]:
    """The marginal cost of a block of body prose and of a block of boilerplate (labels of
    dev.jsonl): every document is cleaned whole (its blocks joined by blank lines), without its
    body blocks, and without its boilerplate blocks (labels other than body, neutral and embed);
    what a kind of block adds to the whole is divided by the number (and the size) of those
    blocks. Medians of ``repeat`` runs."""
    from cleantext import Options, clean

    opts = Options(format="text")
    full: list[str] = []
    no_body: list[str] = []
    no_boiler: list[str] = []
    n_body = n_boiler = c_body = c_boiler = 0
    for r in records:
        blocks, labels = r["blocks"], r["labels"]
        body = [lab == "body" for lab in labels]
        boiler = [lab not in BOILERPLATE_EXCLUDED for lab in labels]
        full.append("\n\n".join(blocks))
        no_body.append("\n\n".join(b for b, x in zip(blocks, body) if not x))
        no_boiler.append("\n\n".join(b for b, x in zip(blocks, boiler) if not x))
        n_body += sum(body)
        n_boiler += sum(boiler)
        c_body += sum(len(b) for b, x in zip(blocks, body) if x)
        c_boiler += sum(len(b) for b, x in zip(blocks, boiler) if x)
    times: dict[str, list[float]] = {"full": [], "no_body": [], "no_boiler": []}
    for _ in range(repeat):
        for key, texts in (("full", full), ("no_body", no_body), ("no_boiler", no_boiler)):
            if COLD[0]:
                forget_texts()
            t0 = time.perf_counter()
            for t in texts:
                clean(t, options=opts)
            times[key].append(time.perf_counter() - t0)
    med = {k: sorted(v)[len(v) // 2] for k, v in times.items()}
    body_s = med["full"] - med["no_body"]
    boiler_s = med["full"] - med["no_boiler"]
    return {
        "body_blocks": n_body, "boiler_blocks": n_boiler,
        "body_us_per_block": body_s / n_body * 1e6, "boiler_us_per_block": boiler_s / n_boiler * 1e6,
        "body_us_per_kb": body_s / c_body * 1e9, "boiler_us_per_kb": boiler_s / c_boiler * 1e9,
        "full_ms": med["full"] * 1000,
    }
