"""The pipeline: filters in a named order, the resolution of their findings, and the Result.

Filters only detect: each yields :class:`Finding` objects for one document. The pipeline runs
them in order, keeps the findings the mode accepts, applies the safety cap, merges overlapping
findings into the ledger, gathers the metadata, and builds the text once (with
:func:`cleantext._result.replay`).
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from ._document import Document, build
from ._errors import CleantextError, OptionError, UnknownNameError
from ._result import CATEGORIES, Caption, Metadata, Removal, Result, map_span, replay, replay_lines

__all__ = [
    "Finding",
    "Context",
    "Filter",
    "FunctionFilter",
    "Options",
    "Pipeline",
    "MODES",
    "FilterError",
]

# the types live below the filters (``_types``), so the pipeline can import the filters and the
# filters never import the pipeline
from ._types import FORMATS, MODES, Context, Filter, FilterError, Finding, FunctionFilter, Options  # noqa: E402
from .filters import default_filters  # noqa: E402


def _as_filter(f: object) -> Filter:
    if isinstance(f, Filter):
        return f
    if callable(f):
        return FunctionFilter(f)  # type: ignore[arg-type]
    raise TypeError(
        f"a filter must have a name and a find(doc, ctx) method, or be a function; got {type(f).__name__}"
    )


class Pipeline:
    """Filters in a named order. Immutable: every change returns a new pipeline.

    >>> p = Pipeline.default()
    >>> "newsletter" in p.names
    True
    >>> "newsletter" in p.without("newsletter").names
    False
    """

    def __init__(self, filters: Iterable[object] = ()) -> None:
        fs = tuple(_as_filter(f) for f in filters)
        seen: set[str] = set()
        for f in fs:
            if f.name in seen:
                raise OptionError(f"two filters are named {f.name!r}; filter names must be unique")
            seen.add(f.name)
        self._filters = fs

    @classmethod
    def default(cls) -> Pipeline:
        """Every built-in filter, in the default order."""
        return cls(default_filters())

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self._filters)

    @property
    def filters(self) -> tuple[Filter, ...]:
        return self._filters

    def __iter__(self) -> Iterator[Filter]:
        return iter(self._filters)

    def __len__(self) -> int:
        return len(self._filters)

    def __repr__(self) -> str:
        return f"Pipeline({list(self.names)!r})"

    def _index(self, name: str) -> int:
        for i, f in enumerate(self._filters):
            if f.name == name:
                return i
        raise UnknownNameError("filter", name, self.names)

    def get(self, name: str) -> Filter:
        return self._filters[self._index(name)]

    def without(self, *names: str) -> Pipeline:
        """The same pipeline without the named filters (an unknown name is an error)."""
        drop = {self._filters[self._index(n)].name for n in names}
        return Pipeline(f for f in self._filters if f.name not in drop)

    def only(self, *names: str) -> Pipeline:
        """Only the named filters, in the pipeline's order."""
        keep = {self._filters[self._index(n)].name for n in names}
        return Pipeline(f for f in self._filters if f.name in keep)

    def with_filter(self, f: object, *, before: str | None = None, after: str | None = None) -> Pipeline:
        """Add a filter (object or function) before or after a named one, or at the end."""
        new = _as_filter(f)
        if before is not None and after is not None:
            raise OptionError("give before= or after=, not both")
        fs = list(self._filters)
        if before is not None:
            fs.insert(self._index(before), new)
        elif after is not None:
            fs.insert(self._index(after) + 1, new)
        else:
            fs.append(new)
        return Pipeline(fs)

    def replace(self, name: str, f: object) -> Pipeline:
        """Put another filter in the named one's place."""
        fs = list(self._filters)
        fs[self._index(name)] = _as_filter(f)
        return Pipeline(fs)

    # -- running -----------------------------------------------------------------------------
    def find(
        self, doc: Document, options: Options, deadline: float | None = None, memo: dict[object, Any] | None = None
    ) -> tuple[list[Finding], list[str]]:
        """Run the filters over ``doc``: every finding (accepted or not) and warnings.
        ``memo`` carries the filters' text-only verdicts from an earlier look at the document."""
        ctx = Context(doc, options, memo)
        warnings: list[str] = []
        if deadline is None and options.timeout is not None:
            deadline = time.monotonic() + options.timeout
        for flt in self._filters:
            ctx.filter_name = flt.name
            n_findings = len(ctx._findings)
            try:
                for f in flt.find(doc, ctx):
                    if f.category not in CATEGORIES and f.remove:
                        raise UnknownNameError("category", f.category, CATEGORIES)
                    if not (0 <= f.start < f.end <= len(doc.text)):
                        raise FilterError(
                            f"filter {flt.name!r} returned a span [{f.start}:{f.end}] outside the text"
                        )
                    ctx._record(f)
            except CleantextError:
                raise
            except TimeoutError:
                # a pattern run with the regex module's timeout= gave up (see PATTERN_TIMEOUT):
                # this filter's findings on this document are dropped, the others stand
                ctx._rollback(n_findings)
                warnings.append(
                    f"filter {flt.name!r}: a pattern timed out on this document; its findings were dropped"
                )
            except Exception as exc:  # a user's filter that fails must say which one
                raise FilterError(f"filter {flt.name!r} failed: {type(exc).__name__}: {exc}") from exc
            if deadline is not None and time.monotonic() > deadline:
                raise _Timeout(flt.name)
        return ctx._findings, warnings

    def _accepted(self, doc: Document, findings: list[Finding], options: Options) -> tuple[list[Finding], list[str]]:
        accepted = [f for f in findings if f.remove and f.confidence >= options.threshold]
        embeds = [f for f in findings if not f.remove and f.rule == "embedded-post"]
        if options.drop_embeds:
            accepted += [replace(f, remove=True, category="social") for f in embeds]
        elif embeds:
            # an embedded post is quoted content: what other rules saw in it stays with it
            # (a whole-block removal inside one is undone; a part glued to it may still go)
            spans = sorted((f.start, f.end) for f in embeds)
            starts = [s for s, _ in spans]

            def inside_embed(f: Finding) -> bool:
                # a span [s, e) covering f with (f.end - f.start) * 10 >= (e - s) * 9 starts at
                # most a ninth of f's length before it: look only there (bisect, not every span)
                lo = bisect.bisect_left(starts, f.start - (f.end - f.start) / 9)
                hi = bisect.bisect_right(starts, f.start)
                return any(
                    f.end <= e and (f.end - f.start) * 10 >= (e - s) * 9 for s, e in spans[lo:hi]
                )

            accepted = [f for f in accepted if f.filter == "duplicate" or not inside_embed(f)]
        return _apply_cap(doc, accepted, options)

    def run(self, doc: Document, options: Options) -> Result:
        """Clean a Document: findings, resolution, ledger, metadata and text.

        The clean text is looked at again, as ``clean(result.text)`` would, until that finds
        nothing more (at most ``_ROUNDS`` looks): a removal can bring a headline to the top or
        two copies of a caption together, and cleaning is meant to be idempotent. What a later
        look finds is mapped back to the original's offsets and joins the ledger.

        A later look judges the clean text exactly as a new call would, safety cap included: it
        keeps no memory of the earlier looks' verdicts (the rules their cap doubted), which a
        second ``clean()`` of the text could not have. So the look that ends the loop, finding
        nothing, is the first look of ``clean(result.text)``.
        """
        deadline = None if options.timeout is None else time.monotonic() + options.timeout
        memo: dict[object, Any] = {}
        try:
            findings, warnings = self.find(doc, options, deadline, memo)
            accepted, cap_warnings = self._accepted(doc, findings, options)
            warnings.extend(cap_warnings)
            removed = _ledger(doc.text, accepted, self.names)
            # the clean text is built from the original's lines, and its own lines come with it:
            # a line no removal touched is the block it was, its lower case and words reused
            table = doc.line_table()
            text, pieces, lines, known = replay_lines(doc.text, table, removed, doc.blocks)
            for _ in range(_ROUNDS - 1):
                if not removed:
                    break
                # what segment_text(text, language=doc.language) gives, without cutting it again
                again = build(text, lines, doc.language, known)[0]
                more, more_warnings = self.find(again, options, deadline, memo)
                warnings.extend(w for w in more_warnings if w not in warnings)
                # judged with this look's own safety cap, as clean(text) would judge it: a rule
                # an earlier look doubted is not doubted here unless this look doubts it too
                more_ok, more_cap_warnings = self._accepted(again, more, options)
                warnings.extend(w for w in more_cap_warnings if w not in warnings)
                mapped = []
                for f in more_ok:
                    span = map_span(pieces, f.start, f.end)
                    if span is not None:
                        mapped.append(replace(f, start=span[0], end=span[1], evidence=f.evidence + " (on a second look)"))
                if not mapped:
                    break
                accepted = accepted + mapped
                removed = _ledger(doc.text, accepted, self.names)
                text, pieces, lines, known = replay_lines(doc.text, table, removed, doc.blocks)
        except _Timeout as t:
            return _passthrough(
                doc, options, f"timed out after {options.timeout} s (in filter {t.args[0]!r}); document returned unchanged"
            )
        metadata = _metadata(doc, accepted)
        return Result(
            text=text,
            original=doc.text,
            removed=tuple(removed),
            metadata=metadata,
            warnings=tuple(warnings),
            format=doc.format,
            mode=options.mode,
        )


#: How many times a document is looked at: the first look, and looks at the clean text.
_ROUNDS = 5


class _Timeout(Exception):
    pass


def _passthrough(doc: Document, options: Options, warning: str) -> Result:
    return Result(
        text=replay(doc.text, ()),
        original=doc.text,
        removed=(),
        metadata=_metadata(doc, []),  # what the reader found (HTML <meta>, a given url) still holds
        warnings=(warning,),
        format=doc.format,
        mode=options.mode,
    )


# Removals a long, article-like block must survive the safety cap with.
_CAP_SURE = 0.9
_ARTICLE_WORDS = 25


def _merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, merged (start, end) spans."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _covered(blocks: list[Any], spans: list[tuple[int, int]]) -> int:
    """How many characters of ``blocks`` the sorted, merged ``spans`` cover."""
    covered = 0
    k = 0
    for b in blocks:  # blocks and spans are both in text order
        while k < len(spans) and spans[k][1] <= b.start:
            k += 1
        j = k
        while j < len(spans) and spans[j][0] < b.end:
            covered += min(b.end, spans[j][1]) - max(b.start, spans[j][0])
            j += 1
    return covered


def _trusted(accepted: list[Finding], doubted: set[tuple[str, str]]) -> list[Finding]:
    """The findings left when the doubtful ones of the doubted rules are set aside."""
    if not doubted:
        return accepted
    return [f for f in accepted if f.confidence >= _CAP_SURE or (f.filter, f.rule) not in doubted]


def _apply_cap(doc: Document, accepted: list[Finding], options: Options) -> tuple[list[Finding], list[str]]:
    """The do-no-harm guard: undo doubtful removals of article-like text past the cap.

    Article-like text is the blocks of ``_ARTICLE_WORDS`` words or more. When the accepted
    findings would remove more than ``max_removed_share`` of it (overlapping findings counted
    once), a rule with a finding below ``_CAP_SURE`` confidence that takes a whole article-like
    stretch is doubted, and all its doubtful findings on this document are undone. Other rules'
    prompts, captions and bylines stay removed, and so do sure removals (a verbatim duplicate).
    """
    share = options.max_removed_share
    if share is None or not accepted:
        return accepted, []
    article = [b for b in doc.blocks if b.words >= _ARTICLE_WORDS]
    total = sum(b.end - b.start for b in article)
    if total == 0:
        return accepted, []
    # sure removals (a verbatim repeat) are never undone: the share is of the article-like text
    # they leave, so the clean text, looked at again, is judged as this look judged it
    sure = _covered(article, _merge_spans((f.start, f.end) for f in accepted if f.confidence >= _CAP_SURE))
    removed = _covered(article, _merge_spans((f.start, f.end) for f in accepted)) - sure
    total -= sure
    if removed <= share * total:
        return accepted, []
    # a rule that would take article-like text here is not trusted on this document: its other
    # doubtful removals (the salutation and the ask around a kept paragraph) are undone too,
    # else a second look finds the same region again and cleaning is not idempotent
    # a doubtful finding takes article-like text when what it alone removes (other rules' sure
    # or short findings cut out, a dateline say) is _ARTICLE_WORDS words or more: measured so,
    # the clean text, looked at again, gives the same answer
    cands = [
        f for f in accepted
        if f.confidence < _CAP_SURE and len(doc.text[f.start : f.end].split()) >= _ARTICLE_WORDS
    ]
    ids = {id(f) for f in cands}
    others = _merge_spans((f.start, f.end) for f in accepted if id(f) not in ids)
    ends = [e for _, e in others]
    new = set()
    for f in cands:
        words, pos = 0, f.start
        i = bisect.bisect_right(ends, f.start)
        while i < len(others) and others[i][0] < f.end:
            words += len(doc.text[pos : max(pos, others[i][0])].split())
            pos = max(pos, others[i][1])
            i += 1
        words += len(doc.text[pos : max(pos, f.end)].split())
        if words >= _ARTICLE_WORDS:
            new.add((f.filter, f.rule))
    if not new:
        return accepted, []
    kept = _trusted(accepted, new)
    rules = ", ".join(sorted(f"{a}/{b}" for a, b in new))
    return kept, [
        f"safety cap: removals would take {removed / total:.0%} of the article-like text "
        f"(cap {share:.0%}); kept {len(accepted) - len(kept)} doubtful removal(s) of {rules}"
    ]


def _ledger(text: str, accepted: list[Finding], order: Sequence[str]) -> list[Removal]:
    """Merge overlapping findings into sorted, non-overlapping removals.

    Where findings overlap, the merged removal takes the category, filter and rule of the most
    confident one (on a tie, the earlier filter in the pipeline's order).
    """
    rank = {n: i for i, n in enumerate(order)}
    out: list[Removal] = []
    group: list[Finding] = []
    gs = ge = -1

    def flush() -> None:
        if not group:
            return
        best = max(group, key=lambda f: (f.confidence, -rank.get(f.filter, len(rank))))
        evidence = best.evidence
        others = sorted({f"{f.filter}/{f.rule}" for f in group if f is not best} - {f"{best.filter}/{best.rule}"})
        if others:
            evidence += f" (also: {', '.join(others)})"
        out.append(Removal(gs, ge, best.category, best.filter, best.rule, evidence, round(best.confidence, 3), text[gs:ge]))

    for f in sorted(accepted, key=lambda f: (f.start, f.end)):
        if group and f.start < ge:
            group.append(f)
            ge = max(ge, f.end)
        else:
            flush()
            group = [f]
            gs, ge = f.start, f.end
    flush()
    return out


def _metadata(doc: Document, accepted: list[Finding]) -> Metadata:
    title: str | None = None
    authors: list[str] = []
    published: str | None = None
    captions: list[Caption] = []
    seen_captions: set[str] = set()
    for f in sorted(accepted, key=lambda f: f.start):
        d = f.data
        if not d:
            continue
        if title is None and isinstance(d.get("title"), str):
            title = d["title"]
        if d.get("authors"):  # every byline's names, in order, once
            for a in d["authors"]:
                if isinstance(a, str) and a.casefold() not in {x.casefold() for x in authors}:
                    authors.append(a)
        if published is None and isinstance(d.get("published"), str):
            published = d["published"]
        cap = d.get("caption")
        if isinstance(cap, Caption):
            key = " ".join(cap.text.split()).casefold()
            if key and key not in seen_captions:
                seen_captions.add(key)
                captions.append(cap)
    m = doc.meta
    return Metadata(
        title=_str(m.get("title")) or title,
        authors=tuple(_strs(m.get("authors")) or authors),
        published=_str(m.get("published")) or published,
        captions=tuple(captions),
        language=doc.language,
        site_name=_str(m.get("site_name")),
        url=_str(m.get("url")),
        description=_str(m.get("description")),
    )


def _str(v: object) -> str | None:
    return v if isinstance(v, str) and v else None


def _strs(v: object) -> list[str]:
    if isinstance(v, (list, tuple)):
        return [x for x in v if isinstance(x, str) and x]
    return []
