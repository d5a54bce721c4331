"""Every fixture case under fixtures/filters/: positives, negatives and strict xfails."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cleantext import Options, Pipeline, Profile, annotate, clean

from ._helpers import assert_ledger_ok

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "filters"


def _cases() -> list[Any]:
    out = []
    for path in sorted(FIXTURES.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            marks = [pytest.mark.xfail(strict=True, reason=case.get("why", "known failure"))] if case["kind"] == "xfail" else []
            out.append(pytest.param(path.stem, case, id=f"{path.stem}/{case['name']}", marks=marks))
    return out


def test_every_fixture_file_names_a_filter() -> None:
    names = set(Pipeline.default().names)
    files = {p.stem for p in FIXTURES.glob("*.json")}
    assert files, "no fixture files"
    assert files <= names, files - names


def test_every_filter_has_positive_and_negative_fixtures() -> None:
    for name in Pipeline.default().names:
        path = FIXTURES / f"{name}.json"
        assert path.exists(), f"filter {name!r} has no fixtures"
        kinds = {c["kind"] for c in json.loads(path.read_text(encoding="utf-8"))}
        assert {"positive", "negative"} <= kinds, f"{name}: {kinds}"


@pytest.mark.parametrize("filter_name,case", _cases())
def test_fixture(filter_name: str, case: dict[str, Any]) -> None:
    kw: dict[str, Any] = {}
    if "profile" in case:  # a site profile by hand, and the document's address
        kw = {"profile": Profile.from_lines(case["profile"]), "url": case.get("url")}
    r = clean(case["input"], **kw)
    assert_ledger_ok(r)
    for want in case.get("removed", []):
        hits = [x for x in r.removed if x.text.strip() == want["text"]]
        assert len(hits) == want.get("count", 1), (want["text"], r.explain())
        assert all(x.category == want["category"] for x in hits), r.explain()
    for kept in case.get("kept", []):
        assert kept in r.text, (kept, r.explain())
    if "text" in case:
        assert r.text == case["text"], r.explain()
    if case["kind"] == "negative":
        # nothing this filter emits may touch the kept passages
        for x in r.removed:
            for kept in case.get("kept", []):
                assert x.text not in kept or not x.text.strip(), (x, r.explain())
    if "tags" in case or case.get("no_tags"):
        tags = [f for f in annotate(case["input"]) if not f.remove and f.filter == filter_name]
        texts = [case["input"][f.start : f.end] for f in tags]
        for want in case.get("tags", []):
            assert want["text"] in texts, (want, texts)
            assert all(f.rule == want["rule"] for f in tags if case["input"][f.start : f.end] == want["text"])
        if case.get("no_tags"):
            assert not tags, texts
    for gone in case.get("dropped_with_drop_embeds", []):
        assert gone not in clean(case["input"], options=Options(drop_embeds=True)).text
    md = case.get("metadata", {})
    if "title" in md:
        assert r.metadata.title == md["title"]
    if "authors" in md:
        assert list(r.metadata.authors) == md["authors"]
    if "published" in md:
        assert r.metadata.published == md["published"]
    if "captions" in md:
        assert [c.to_dict() for c in r.metadata.captions] == md["captions"]
    # the case is about this filter: without it, the positive removals do not happen (the
    # learned model, which may also catch the case, is left out too: the rule must be needed)
    if case["kind"] == "positive" and case.get("removed"):
        drop = {filter_name, "model"} if filter_name != "model" else {"model"}
        r2 = clean(case["input"], pipeline=Pipeline.default().without(*drop), **kw)
        own = [w for w in case.get("removed", []) if w["category"] == filter_name]
        if own:
            assert not all(
                any(x.text.strip() == w["text"] and x.category == w["category"] for x in r2.removed) for w in own
            ), f"{filter_name} case passes without the {filter_name} filter"
