"""Reading the labelled set and turning it into features and labels."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .._document import Document, segment_text
from .._lang import detect_language
from .._model import block_features, rule_hits
from .._types import Options

#: labels that are not scored (the labelling guide): not learned either
UNSCORED = frozenset({"embed", "neutral"})


@dataclass
class Example:
    """One labelled document, read and featurised."""

    id: str
    outlet: str
    language: str
    gold: dict[str, Any]
    doc: Document
    labels: list[str]
    feats: list[list[str]]


def read_jsonl(paths: Iterable[Path]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    out.append(json.loads(line))
    return out


def rule_findings(doc: Document) -> list[Any]:
    """What the rule filters find on the document's first look (the model left out)."""
    from .._pipeline import Pipeline

    pipe = Pipeline.default()
    if "model" in pipe.names:
        pipe = pipe.without("model")
    findings, _ = pipe.find(doc, Options())
    return list(findings)


def featurise(records: Sequence[dict[str, Any]]) -> list[Example]:
    out: list[Example] = []
    for d in records:
        doc = segment_text(d["text"], language=None)
        doc.language = detect_language(d["text"])
        if [b.text for b in doc.blocks] != d["blocks"]:
            continue  # the set's blocks are the stripped lines: a flattened text would differ
        feats = block_features(doc, rule_hits(doc, rule_findings(doc)))
        out.append(Example(d["id"], d["outlet"], doc.language or "en", d, doc, list(d["labels"]), feats))
    return out
