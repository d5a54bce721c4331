"""cleantext: strip boilerplate from news and blog articles, keep the article and its metadata.

>>> from cleantext import clean
>>> r = clean("Sign up for our newsletter!\\n\\nThe river rose two metres overnight, flooding the lower town.")
>>> r.text
'The river rose two metres overnight, flooding the lower town.'
>>> [x.category for x in r.removed]
['newsletter']
"""

from __future__ import annotations

from collections.abc import Sequence as _Sequence

import regex as _regex

from ._document import Block, Document
from ._document import segment_sampled as _segment_sampled
from ._document import segment_text as _segment_text
from ._errors import (
    CleantextError,
    InputTypeError,
    OptionError,
    PatternError,
    UnknownNameError,
)
from ._input import looks_like_html as _looks_like_html
from ._input import to_text as _to_text
from ._lang import _SAMPLE as _LANG_SAMPLE
from ._lang import detect_language as _detect_language
from ._profile import Profile, ProfileError, learn_profile
from ._pipeline import MODES, Context, Filter, FilterError, Finding, FunctionFilter, Options, Pipeline
from ._result import CATEGORIES, Caption, Metadata, Removal, Result, replay

__version__ = "0.1.0"

__all__ = [
    "clean",
    "annotate",
    "read",
    "replay",
    "Pipeline",
    "Options",
    "Filter",
    "FunctionFilter",
    "Finding",
    "Context",
    "Result",
    "Removal",
    "Metadata",
    "Caption",
    "Profile",
    "ProfileError",
    "learn_profile",
    "Document",
    "Block",
    "CATEGORIES",
    "MODES",
    "CleantextError",
    "InputTypeError",
    "OptionError",
    "UnknownNameError",
    "PatternError",
    "FilterError",
    "__version__",
]

_DEFAULT: Pipeline | None = None


def _default_pipeline() -> Pipeline:
    # Filters hold no per-document state, so one default pipeline serves every call.
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline.default()
    return _DEFAULT


def _options(options: Options | None, **given: object) -> Options:
    """``options`` (or the defaults) with the keyword options that were given (not None)."""
    kw = {k: v for k, v in given.items() if v is not None}
    if options is None:
        return Options(**kw)  # type: ignore[arg-type]
    if kw:
        from dataclasses import replace

        return replace(options, **kw)  # type: ignore[arg-type]
    return options


def _fix_encoding(text: str) -> str:
    try:
        import ftfy  # noqa: PLC0415 - an optional extra
    except ImportError as exc:
        raise OptionError(
            "fix_encoding=True needs ftfy: pip install 'cleantext-news[ftfy]'"
        ) from exc
    return str(ftfy.fix_encoding(text))  # encoding only: quotes and the rest are left as they are


_TAG = _regex.compile(r"<[^<>]*+>")


def _markup_to_text(html: str) -> str:
    """A last-resort text view of markup the HTML parser rejected: tags become line breaks."""
    import html as _html_mod

    return _html_mod.unescape(_TAG.sub("\n", html))


def read(value: str | bytes, options: Options | None = None) -> tuple[Document, list[str]]:
    """Turn the input into a :class:`Document` (and the warnings decoding it produced)."""
    opts = options or Options()
    decoded = None
    sample: list[list[str]] | None = None
    if isinstance(value, (bytes, bytearray, memoryview)) and opts.format != "text":
        from ._html import decode_html  # noqa: PLC0415

        decoded = decode_html(bytes(value))  # a page that declares its charset
    text, warnings = decoded if decoded is not None else _to_text(value)
    if opts.fix_encoding:
        text = _fix_encoding(text)
    fmt = opts.format
    if fmt == "auto":
        fmt = "html" if _looks_like_html(text) else "text"
    if fmt == "html":
        from ._html import read_html  # noqa: PLC0415 - only HTML input pays for bs4

        try:
            doc = read_html(text, language=opts.language)
        except (CleantextError, MemoryError):
            raise
        except Exception as exc:  # the parser rejected the markup: never lose the document
            doc = _segment_text(_markup_to_text(text), language=opts.language)
            doc.format = "html"
            warnings = [*warnings, f"the HTML parser failed ({type(exc).__name__}); tags were stripped and the page read as text"]
    else:
        # the words the language guess counts are split with the lines (when it is to guess)
        doc, sample = _segment_sampled(text, opts.language, 0 if opts.language is not None else _LANG_SAMPLE)
    if doc.language is None:
        doc.language = _detect_language(doc.text, words=sample)
    return doc, warnings


def clean(
    text: str | bytes,
    *,
    mode: str | None = None,
    pipeline: Pipeline | None = None,
    options: Options | None = None,
    format: str | None = None,
    language: str | None = None,
    timeout: float | None = None,
    url: str | None = None,
    profile: Profile | None = None,
    fix_encoding: bool | None = None,
) -> Result:
    """Clean one article: the clean body, the metadata found, and the ledger of removals.

    ``text`` is plain text or HTML (``str``, or ``bytes`` to decode). Keyword options override
    those of ``options`` (see :class:`Options`); ``pipeline`` replaces the default filters.
    ``url`` is the article's address (or its site's name): it goes to ``metadata.url`` and picks
    the site whose template lines ``profile`` (a :class:`Profile`) removes.
    """
    opts = _options(
        options,
        mode=mode,
        format=format,
        language=language,
        timeout=timeout,
        profile=profile,
        fix_encoding=fix_encoding,
    )
    doc, warnings = read(text, opts)
    if url is not None:
        if not isinstance(url, str):
            raise InputTypeError(url, "url")
        doc.meta["url"] = url
    result = (pipeline or _default_pipeline()).run(doc, opts)
    if warnings:
        from dataclasses import replace

        result = replace(result, warnings=tuple(warnings) + result.warnings)
    return result


def annotate(
    text: str | bytes,
    *,
    mode: str | None = None,
    pipeline: Pipeline | None = None,
    options: Options | None = None,
    format: str | None = None,
    language: str | None = None,
) -> _Sequence[Finding]:
    """Every finding the filters make, accepted by the mode or not; nothing is removed.

    Findings the mode would not act on are included (compare ``finding.confidence`` with
    ``MODES[mode]``), and so are tags that never remove (``finding.remove is False``).
    """
    opts = _options(options, mode=mode, format=format, language=language)
    doc, _ = read(text, opts)
    findings, _ = (pipeline or _default_pipeline()).find(doc, opts)
    return sorted(findings, key=lambda f: (f.start, f.end))
