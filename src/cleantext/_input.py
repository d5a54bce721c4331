"""The boundary: what ``clean`` accepts, decoding bytes, and telling HTML from text."""

from __future__ import annotations

import codecs

import regex

from ._errors import InputTypeError

__all__ = ["to_text", "looks_like_html"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HTML = regex.compile(
    r"\A\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])"
    r"|<(?:p|div|article|br|span|a|h[1-6]|section|main|meta|title)\b[^<>]{0,500}>.*</(?:p|div|article|span|a|h[1-6]|section|main|title)>",
    regex.IGNORECASE | regex.DOTALL,
)


def to_text(value: object) -> tuple[str, list[str]]:
    """The input as ``str`` and the warnings decoding it produced.

    ``bytes`` are decoded as UTF-8 (a byte-order mark, UTF-8, -16 or -32, wins), then as
    Windows-1252; bytes that fit neither are replaced, with a warning. Anything but ``str`` and
    ``bytes`` (``bytearray`` and ``memoryview`` count as bytes) is a ``TypeError`` naming the type.

    >>> to_text("caf\\u00e9")
    ('café', [])
    >>> to_text(b"caf\\xc3\\xa9")
    ('café', [])
    >>> to_text(b"caf\\xe9")
    ('café', ['input is not UTF-8; decoded as Windows-1252'])
    """
    if isinstance(value, str):
        return value, []
    if isinstance(value, (bytes, bytearray, memoryview)):
        data = bytes(value)
        for bom, enc in _BOMS:
            if data.startswith(bom):
                return data.decode(enc, errors="replace"), []
        try:
            return data.decode("utf-8"), []
        except UnicodeDecodeError:
            pass
        try:
            return data.decode("cp1252"), ["input is not UTF-8; decoded as Windows-1252"]
        except UnicodeDecodeError:
            return data.decode("utf-8", errors="replace"), [
                "input is neither UTF-8 nor Windows-1252; undecodable bytes were replaced with U+FFFD"
            ]
    raise InputTypeError(value)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is markup: a doctype or html/head/body tag, or paired block tags.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("Use a <b> tag for bold, and 3 < 4.")
    False
    """
    end = min(len(text), 20000)
    if text.find("<", 0, end) < 0:  # every form below opens with "<": most plain texts stop here
        return False
    return _HTML.search(text, 0, end) is not None
