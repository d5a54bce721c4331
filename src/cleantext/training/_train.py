"""Fitting the block model, outlet-grouped cross-validation, and the shipped files."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .._model import FEATURES_VERSION, BlockModel, model_from_files
from ._data import UNSCORED, Example


@dataclass(frozen=True)
class Settings:
    """What the trainer was asked to do; recorded in the model file."""

    #: a feature is kept only when it occurs in this many distinct outlets of the training data:
    #: words one site uses are not evidence about sites nobody has seen
    min_outlets: int = 3
    #: inverse regularisation strength of the logistic model
    C: float = 1.0
    #: a block's weight in the fit is (its characters) ** this: the score counts characters
    weight_power: float = 0.5
    max_iter: int = 3000
    #: each document is learned twice, once without the rules' findings among its features, so
    #: the words and shapes carry weight of their own (a new site's wording that no rule knows)
    #: instead of leaning on the rule that already caught the known wording
    rule_dropout: bool = True
    folds: int = 5
    #: the cost asymmetry searched for: the largest share of body characters, and of documents,
    #: the model may cost in cross-validation at the ``balanced`` threshold
    max_body_lost: float = 0.001
    max_docs_losing: float = 0.006
    shifts: tuple[float, ...] = field(default=tuple(round(0.25 * k, 2) for k in range(0, 41)))


def trainer_versions() -> dict[str, str]:
    """What the bytes of a fit depend on besides the data: the versions of numpy, scipy and
    scikit-learn, and the BLAS kernels OpenBLAS picked for this CPU (``OPENBLAS_CORETYPE``
    sets them), which round the fit's sums their own way."""
    import numpy
    import scipy
    import sklearn
    from threadpoolctl import threadpool_info

    blas = sorted({f"{i.get('internal_api')} {i.get('architecture')}" for i in threadpool_info() if i.get("user_api") == "blas"})
    return {"numpy": numpy.__version__, "scipy": scipy.__version__, "scikit-learn": sklearn.__version__, "blas": ", ".join(blas)}


def without_rules(e: Example) -> Example:
    """The example with the rules' findings left out of its features."""
    return dataclasses.replace(e, feats=[[t for t in toks if not t.startswith("rule:")] for toks in e.feats])


def vocabulary(examples: Sequence[Example], min_outlets: int) -> list[str]:
    seen: dict[str, set[str]] = defaultdict(set)
    for e in examples:
        for toks in e.feats:
            for t in toks:
                seen[t].add(e.outlet)
    return sorted(t for t, s in seen.items() if len(s) >= min_outlets)


def _matrix(examples: Sequence[Example], vocab: dict[str, int], with_unscored: bool) -> tuple[Any, list[str], Any]:
    from scipy.sparse import csr_matrix

    rows: list[int] = []
    cols: list[int] = []
    y: list[str] = []
    chars: list[int] = []
    r = 0
    for e in examples:
        for b, toks, lab in zip(e.doc.blocks, e.feats, e.labels):
            if lab in UNSCORED and not with_unscored:
                continue
            # columns in a fixed order (not a set's, which follows the hash seed): the float sums
            # of the fit then run in the same order in every process, and the bytes repeat
            for j in sorted({vocab[t] for t in toks if t in vocab}):
                rows.append(r)
                cols.append(j)
            y.append(lab)
            chars.append(len(b.text))
            r += 1
    x = csr_matrix((np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=(r, len(vocab)))
    x.sort_indices()
    return x, y, np.asarray(chars, dtype=np.float64)


def fit(examples: Sequence[Example], settings: Settings, shift: float = 0.0) -> tuple[dict[str, Any], Any]:
    """The model file's contents (``meta``, ``weights``) fitted on ``examples``."""
    from sklearn.linear_model import LogisticRegression

    if settings.rule_dropout:
        examples = list(examples) + [without_rules(e) for e in examples]
    vocab_list = vocabulary(examples, settings.min_outlets)
    vocab = {t: i for i, t in enumerate(vocab_list)}
    x, y, chars = _matrix(examples, vocab, with_unscored=False)
    from threadpoolctl import threadpool_limits

    lr = LogisticRegression(C=settings.C, max_iter=settings.max_iter)
    with threadpool_limits(1):  # one BLAS thread: a multi-threaded sum may round differently
        lr.fit(x, y, sample_weight=chars**settings.weight_power)
    classes = [str(c) for c in lr.classes_]
    w = np.vstack([lr.coef_.T, lr.intercept_[None, :]]).astype(np.float32)
    meta: dict[str, Any] = {
        "features_version": FEATURES_VERSION,
        "classes": classes,
        "shift": shift,
        "languages": sorted({e.language for e in examples} & {"en", "es"}),
        "settings": {k: v for k, v in settings.__dict__.items() if k != "shifts"},
        "vocab": vocab_list,
    }
    return meta, w


def as_model(meta: dict[str, Any], w: Any) -> BlockModel:
    return model_from_files(meta, w)


def folds(examples: Sequence[Example], k: int) -> list[list[int]]:
    """``k`` folds grouped by outlet, deterministic: outlets sorted by size, each to the
    fold with the fewest blocks so far (no outlet is in two folds)."""
    by_outlet: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(examples):
        by_outlet[e.outlet].append(i)
    sizes = {o: sum(len(examples[i].labels) for i in idx) for o, idx in by_outlet.items()}
    out: list[list[int]] = [[] for _ in range(k)]
    load = [0] * k
    for o in sorted(by_outlet, key=lambda o: (-sizes[o], o)):
        f = min(range(k), key=lambda j: (load[j], j))
        out[f].extend(by_outlet[o])
        load[f] += sizes[o]
    return [sorted(f) for f in out]


def out_of_fold(examples: Sequence[Example], settings: Settings) -> tuple[list[Any], list[dict[str, Any]]]:
    """Each document's block probabilities from the model of the fold that never saw its
    outlet; and each fold's model (meta with weights under ``"_weights"``)."""
    probs: list[Any] = [None] * len(examples)
    models: list[dict[str, Any]] = []
    parts = folds(examples, settings.folds)
    for test in parts:
        held = set(test)
        meta, w = fit([e for i, e in enumerate(examples) if i not in held], settings)
        model = as_model(meta, w)
        for i in test:
            probs[i] = model.scores(examples[i].feats)
        models.append({"meta": meta, "weights": w, "test": test})
    return probs, models


def choose_shift(examples: Sequence[Example], probs: Sequence[Any], classes: Sequence[str], settings: Settings) -> tuple[float, dict[str, float]]:
    """The smallest cost shift whose out-of-fold model alone, at the balanced threshold, costs
    at most ``max_body_lost`` of the body characters and ``max_docs_losing`` of the documents."""
    body = list(classes).index("body")
    best = settings.shifts[-1]
    for s in settings.shifts:
        fig = figures(examples, probs, body, s)
        if fig["body_lost"] <= settings.max_body_lost and fig["docs_losing"] <= settings.max_docs_losing:
            best = s
            break
    return best, figures(examples, probs, body, best)


def confidence(p_boiler: Any, shift: float) -> Any:
    p = np.clip(p_boiler, 1e-9, 1 - 1e-9)
    return 1.0 / (1.0 + np.exp(-(np.log(p / (1 - p)) - shift)))


def figures(examples: Sequence[Example], probs: Sequence[Any], body: int, shift: float, threshold: float = 0.5) -> dict[str, float]:
    """Block-level figures of the model alone at one threshold (characters, whole blocks)."""
    bt = bl = pt = pg = 0
    losing = 0
    for e, p in zip(examples, probs):
        conf = confidence(1.0 - p[:, body], shift)
        lost = False
        for b, lab, c in zip(e.doc.blocks, e.labels, conf):
            if lab in UNSCORED:
                continue
            n = len(b.text)
            if lab == "body":
                bt += n
                if c >= threshold:
                    bl += n
                    lost = True
            else:
                pt += n
                pg += n if c >= threshold else 0
        losing += lost
    return {
        "body_lost": round(bl / max(bt, 1), 5),
        "boilerplate_removed": round(pg / max(pt, 1), 4),
        "docs_losing": round(losing / max(len(examples), 1), 4),
    }


def write(meta: dict[str, Any], w: Any, out: Path) -> list[Path]:
    """``model.json`` and ``weights.npy`` in ``out``, byte for byte the same for the same input."""
    out.mkdir(parents=True, exist_ok=True)
    js = json.dumps(meta, ensure_ascii=False, sort_keys=True, indent=0, separators=(",", ":")) + "\n"
    (out / "model.json").write_text(js, encoding="utf-8")
    buf = io.BytesIO()
    np.save(buf, np.ascontiguousarray(w, dtype="<f4"), allow_pickle=False)
    (out / "weights.npy").write_bytes(buf.getvalue())
    return [out / "model.json", out / "weights.npy"]


def digest(paths: Sequence[Path]) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def logit(p: float) -> float:
    return math.log(p / (1 - p))
