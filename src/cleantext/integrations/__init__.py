"""Adapters for other tools' pipelines.

- :func:`clean_batch`: a batch function for Hugging Face ``datasets.map(batched=True)`` and for
  pandas (columns as lists in, columns as lists out); needs neither library.
- :mod:`cleantext.integrations.datatrove`: a datatrove pipeline step (the ``datatrove`` extra).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from .. import Options, Pipeline, clean
from .._profile import Profile

__all__ = ["clean_batch", "result_record"]


def result_record(result: Any, ledger: bool = True) -> dict[str, Any]:
    """What goes beside the clean text: metadata, ledger (unless ``ledger=False``), warnings."""
    d: dict[str, Any] = result.to_dict(ledger=ledger)
    del d["text"]
    return d


def clean_batch(
    batch: Mapping[str, Sequence[Any]],
    *,
    field: str = "text",
    url_field: str | None = "url",
    ledger: bool = False,
    as_json: bool = True,
    pipeline: Pipeline | None = None,
    options: Options | None = None,
    profile: Profile | None = None,
    mode: str | None = None,
) -> dict[str, list[Any]]:
    """Clean a batch of records given as columns: ``{"text": [...], "url": [...], ...}``.

    Returns ``{field: [clean texts], "cleantext": [...]}``, the second column holding each
    record's metadata, warnings and (with ``ledger=True``) ledger, as a JSON string by default
    (one Arrow type whatever the batch holds: a column of dicts whose values are all ``None`` in
    one batch and strings in the next trips ``datasets``), or as dicts with ``as_json=False``.
    A value that is not a string (``None``, a number) is left as it is, with an error in its
    ``cleantext`` entry. ``url_field`` names the column with each record's address (for
    ``metadata.url`` and a site ``profile``); a missing column is fine.

    >>> out = clean_batch({"text": ["Sign up for our newsletter!\\n\\nThe river rose two metres overnight."]})
    >>> out["text"]
    ['The river rose two metres overnight.']
    >>> json.loads(out["cleantext"][0])["metadata"]["language"]
    'en'
    """
    texts = batch[field]
    urls: Sequence[Any] = batch[url_field] if url_field and url_field in batch else [None] * len(texts)
    opts = options
    if mode is not None or profile is not None:
        from dataclasses import replace

        base = opts or Options()
        opts = replace(base, mode=mode or base.mode, profile=profile if profile is not None else base.profile)
    out_text: list[Any] = []
    out_meta: list[Any] = []
    for text, url in zip(texts, urls):
        if not isinstance(text, (str, bytes)):
            out_text.append(text)
            rec: dict[str, Any] = {"error": f"{field} is {type(text).__name__}, not text; left as it is"}
        else:
            r = clean(text, pipeline=pipeline, options=opts, url=url if isinstance(url, str) and url else None)
            out_text.append(r.text)
            rec = result_record(r, ledger)
        out_meta.append(json.dumps(rec, ensure_ascii=False) if as_json else rec)
    return {field: out_text, "cleantext": out_meta}
