"""A datatrove pipeline step: ``CleantextStep`` cleans ``Document.text`` and files the metadata.

Install with the ``datatrove`` extra (``pip install 'cleantext-news[datatrove]'``): datatrove,
and orjson, which datatrove's ``JsonlReader`` and ``JsonlWriter`` need but datatrove does not
install. The step runs wherever datatrove runs it (``LocalPipelineExecutor``, Slurm, Ray)::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleantext.integrations.datatrove import CleantextStep

    LocalPipelineExecutor(
        pipeline=[JsonlReader("in/"), CleantextStep(mode="balanced"), JsonlWriter("out/")],
        tasks=8, workers=8,
    ).run()

Each document's ``metadata["cleantext"]`` gets the cleaning's metadata (title, authors,
published, captions, ...) and warnings, and with ``ledger=True`` the ledger of removals. The
address for ``metadata.url`` and a site profile is read from ``metadata["url"]``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Any

try:
    from datatrove.pipeline.base import PipelineStep  # type: ignore[import-untyped,import-not-found,unused-ignore]
except ImportError as exc:  # say what to install, not only what is missing
    raise ImportError(
        f"cleantext.integrations.datatrove needs datatrove ({exc}): "
        "pip install 'cleantext-news[datatrove]' (datatrove, and orjson for its JSONL reader and writer)"
    ) from exc

from .. import Options, Pipeline, clean
from .._profile import Profile
from . import result_record

__all__ = ["CleantextStep"]


class CleantextStep(PipelineStep):  # type: ignore[misc,unused-ignore]
    """Cleans each document's text with cleantext; see the module's docstring.

    ``disable``/``only`` name filters (as ``cleantext --disable``); ``profile`` is a
    :class:`~cleantext.Profile` or the path of one (loaded once per task); ``drop_empty`` drops a
    document that cleaning leaves empty instead of passing it on.
    """

    name = "\U0001f9fd cleantext"
    type = "\u2702\ufe0f - FORMAT"

    def __init__(
        self,
        *,
        mode: str = "balanced",
        disable: Iterable[str] = (),
        only: Iterable[str] = (),
        profile: Profile | str | os.PathLike[str] | None = None,
        timeout: float | None = None,
        ledger: bool = False,
        metadata_key: str = "cleantext",
        url_key: str = "url",
        drop_empty: bool = False,
    ) -> None:
        super().__init__()
        self.mode = mode
        self.disable = tuple(disable)
        self.only = tuple(only)
        self.profile = profile
        self.timeout = timeout
        self.ledger = ledger
        self.metadata_key = metadata_key
        self.url_key = url_key
        self.drop_empty = drop_empty
        self._pipeline(), self._options()  # bad names fail here, when the pipeline is built

    def _pipeline(self) -> Pipeline:
        p = Pipeline.default()
        if self.only:
            p = p.only(*self.only)
        if self.disable:
            p = p.without(*self.disable)
        return p

    def _options(self) -> Options:
        prof = self.profile
        if prof is not None and not isinstance(prof, Profile):
            prof = Profile.load(prof)
        return Options(mode=self.mode, timeout=self.timeout, profile=prof)

    def run(self, data: Any, rank: int = 0, world_size: int = 1) -> Iterator[Any]:
        pipeline, options = self._pipeline(), self._options()
        for doc in data:
            self.stat_update("documents")
            url = doc.metadata.get(self.url_key)
            with self.track_time():
                result = clean(doc.text, pipeline=pipeline, options=options, url=url if isinstance(url, str) and url else None)
            removed = len(doc.text) - len(result.text)
            self.stat_update("removed_chars", value=max(0, removed), unit="doc")
            for r in result.removed:
                self.stat_update(f"removed_{r.category}")
            if result.warnings:
                self.stat_update("with_warnings")
            doc.text = result.text
            doc.metadata[self.metadata_key] = result_record(result, self.ledger)
            if self.drop_empty and not result.text.strip():
                self.stat_update("dropped_empty")
                continue
            yield doc
