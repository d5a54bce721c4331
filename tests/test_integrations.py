"""Integrations: the batch function (datasets/pandas shape) and the datatrove step."""

from __future__ import annotations

import gzip
import importlib
import json
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

from cleantext import Profile, clean
from cleantext.integrations import clean_batch

ARTICLE = (
    "By Ann Smith\n\n"
    "The city council voted on Tuesday to extend the bus line to the airport, a project debated for a decade.\n\n"
    "Sign up for our newsletter to get the day's news.\n"
)


def need_datatrove() -> ModuleType:
    """datatrove, or a skip where it is not installed; never a skip under .ci/run.

    The ``datatrove`` extra is part of the README's test command, so in CI
    (``CLEANTEXT_REQUIRE_EXTRAS=1``, set by ``.ci/run``) a missing datatrove or orjson is a
    failure: an extra that stopped installing them must not turn these tests into skips.
    """
    if os.environ.get("CLEANTEXT_REQUIRE_EXTRAS") == "1":
        importlib.import_module("orjson")  # datatrove's JsonlReader/JsonlWriter need it
        return importlib.import_module("datatrove")
    return pytest.importorskip("datatrove")


def test_clean_batch_columns_in_columns_out() -> None:
    batch = {"text": [ARTICLE, "Short note.", None], "url": ["https://a.example/1", None, None], "id": [1, 2, 3]}
    out = clean_batch(batch)
    assert set(out) == {"text", "cleantext"}
    assert out["text"][0] == clean(ARTICLE).text
    assert out["text"][1] == "Short note."
    assert out["text"][2] is None  # not text: left as it is, with an error
    metas = [json.loads(x) for x in out["cleantext"]]
    assert all(isinstance(x, str) for x in out["cleantext"])
    assert metas[0]["metadata"]["authors"] == ["Ann Smith"]
    assert metas[0]["metadata"]["url"] == "https://a.example/1"
    assert "removed" not in metas[0]
    assert "error" in metas[2]


def test_clean_batch_dicts_ledger_field_profile() -> None:
    prof = Profile.from_lines({"a.example": ["Read more from A"]})
    text = "Read more from A\n\n" + ARTICLE
    out = clean_batch({"body": [text], "link": ["https://a.example/x"]}, field="body", url_field="link",
                      ledger=True, as_json=False, profile=prof)
    rec = out["cleantext"][0]
    assert isinstance(rec, dict)
    assert {r["category"] for r in rec["removed"]} >= {"site_template", "byline", "newsletter"}
    assert "Read more" not in out["body"][0]


def test_clean_batch_with_pandas_if_installed() -> None:
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"text": [ARTICLE, ARTICLE], "id": [1, 2]})
    df = df.assign(**clean_batch(df.to_dict("list")))
    assert list(df["text"]) == [clean(ARTICLE).text] * 2


def test_datatrove_step_in_a_local_executor(tmp_path: Path) -> None:
    need_datatrove()
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleantext.integrations.datatrove import CleantextStep

    src = tmp_path / "in"
    src.mkdir()
    for part in range(2):
        with open(src / f"part{part}.jsonl", "w", encoding="utf-8") as fh:
            for i in range(5):
                fh.write(json.dumps({"id": f"{part}-{i}", "text": ARTICLE, "url": f"https://a.example/{part}/{i}"}) + "\n")
    out = tmp_path / "out"
    LocalPipelineExecutor(
        pipeline=[JsonlReader(str(src)), CleantextStep(ledger=True), JsonlWriter(str(out))],
        tasks=2,
        workers=1,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    docs = []
    for f in sorted(out.glob("*.jsonl*")):
        opener = gzip.open if f.suffix == ".gz" else open
        with opener(f, "rt", encoding="utf-8") as fh:
            docs += [json.loads(line) for line in fh]
    assert len(docs) == 10
    for d in docs:
        assert d["text"] == clean(ARTICLE).text
        ct = d["metadata"]["cleantext"]
        assert ct["metadata"]["authors"] == ["Ann Smith"]
        assert ct["metadata"]["url"] == d["metadata"]["url"]
        assert {r["category"] for r in ct["removed"]} == {"byline", "newsletter"}


def test_datatrove_step_rejects_unknown_filter_names() -> None:
    need_datatrove()
    from cleantext import UnknownNameError
    from cleantext.integrations.datatrove import CleantextStep

    with pytest.raises(UnknownNameError):
        CleantextStep(disable=["nosuch"])


def test_datatrove_step_without_datatrove_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    # as if datatrove were not installed: None in sys.modules makes its import fail
    for name in ("datatrove", "datatrove.pipeline", "datatrove.pipeline.base"):
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.delitem(sys.modules, "cleantext.integrations.datatrove", raising=False)
    with pytest.raises(ImportError) as info:
        importlib.import_module("cleantext.integrations.datatrove")
    assert "pip install 'cleantext-news[datatrove]'" in str(info.value)
    assert "orjson" in str(info.value)
