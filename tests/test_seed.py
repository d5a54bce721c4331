"""The seed article, the one the project started from, comes out right."""

from __future__ import annotations

import json
from pathlib import Path

from cleantext import clean

from ._helpers import assert_ledger_ok

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed"


def _load() -> tuple[str, dict]:  # type: ignore[type-arg]
    exp = json.loads((SEED / "cnsnews-2020-03-13.expected.json").read_text(encoding="utf-8"))
    text = (SEED / exp["input"]).read_text(encoding="utf-8")
    return text, exp


def test_seed_metadata() -> None:
    text, exp = _load()
    r = clean(text)
    md = r.metadata
    assert md.title == exp["metadata"]["title"]
    assert list(md.authors) == exp["metadata"]["authors"]
    assert md.published == exp["metadata"]["published"]
    assert [c.to_dict() for c in md.captions] == exp["metadata"]["captions"]


def test_seed_body() -> None:
    text, exp = _load()
    r = clean(text)
    assert_ledger_ok(r)
    assert r.text.startswith(exp["text_starts"])
    assert r.text.endswith(exp["text_ends"])
    for s in exp["text_contains"]:
        assert s in r.text
    for s in exp["text_lacks"]:
        assert s not in r.text, s


def test_seed_every_article_paragraph_kept() -> None:
    text, _ = _load()
    r = clean(text)
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    start = next(i for i, ln in enumerate(lines) if ln.startswith("( \u2013"))
    end = lines.index("CNSNews Reader,")
    out_lines = set(r.text.split("\n"))
    for ln in lines[start + 1 : end]:
        if "(Photo by" in ln:
            assert ln not in out_lines
        else:
            assert ln in out_lines, ln
    assert sum(1 for ln in r.text.split("\n") if ln) == end - start - 2


def test_seed_ledger_categories() -> None:
    text, exp = _load()
    r = clean(text)
    for prefix, cat in exp["removed_categories"].items():
        hits = [x for x in r.removed if x.text.startswith(prefix)]
        assert hits, prefix
        assert all(x.category == cat for x in hits), (prefix, [x.category for x in hits])


def test_seed_as_bytes_and_crlf_give_the_same_text() -> None:
    text, _ = _load()
    a = clean(text)
    b = clean(text.replace("\n", "\r\n").encode("utf-8"))
    assert a.text == b.text
    assert a.metadata == b.metadata
