"""Strange text gives a Result, never an exception or a hang; wrong types name themselves."""

from __future__ import annotations

import json

import pytest

from cleantext import InputTypeError, Result, annotate, clean

from ._helpers import assert_ledger_ok

BODY = "The council voted on Tuesday to extend the bus line to the airport after a decade of debate."

STRANGE = {
    "empty": "",
    "only-space": " \t \n\n \r\n ",
    "nul-bytes": f"By Ann Lee\x00\n\n{BODY}\x00\x00",
    "only-nul": "\x00" * 50,
    "lone-high-surrogate": "\ud800",
    "lone-surrogates-in-article": f"By Ann\ud800 Lee\n\n{BODY} \udfff\n\nSign up for our newsletter!\ud83d",
    "rtl-marks": f"\u200fمرحبا بالعالم\u200e\n\u202bBy Ann Lee\u202c\n\n{BODY}\u200f",
    "hebrew-arabic": "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd\n\n\u0627\u0644\u0645\u062c\u0644\u0633 \u0635\u0648\u062a \u064a\u0648\u0645 \u0627\u0644\u062b\u0644\u0627\u062b\u0627\u0621.",
    "zero-width": f"\u200bBy\u200b Ann\u200d Lee\ufeff\n\n\u2060{BODY}\u200c",
    "crlf": f"Bus Line Extended\r\n\r\nBy Ann Lee\r\n\r\n{BODY}\r\n\r\nSign up for our newsletter!\r\n",
    "cr-only": f"Bus Line Extended\r\rBy Ann Lee\r\r{BODY}\r\rSign up for our newsletter!\r",
    "mixed-line-ends": f"By Ann Lee\r\n\n\r{BODY}\n\r\n\rPhoto by AP\r",
    "unicode-line-separators": f"By Ann Lee\u2028{BODY}\u2029Sign up for our newsletter!\x85next\x0bvt\x0cff",
    "mixed-scripts": f"By Ann Lee\n\n{BODY} \u4e2d\u6587 \u0420\u0443\u0441\u0441\u043a\u0438\u0439 \u0395\u03bb\u03bb\u03b7\u03bd\u03b9\u03ba\u03ac \u0939\u093f\u0928\u094d\u0926\u0940 \U0001f600",
    "mojibake": "Ã©tÃ© dÃ©jÃ  â€œquotedâ€\x9d\n\nBy Ann Lee â€” March 3, 2021\n\n" + BODY.replace("'", "â€™"),
    "combining-marks": "A\u0301" * 40 + "\n\n" + "e\u0301\u0327\u0308" * 100,
    "control-chars": "".join(chr(c) for c in range(32)) + BODY + "\x7f\x80\x9f",
    "private-use-and-nonchars": f"\ue000\uf8ff\ufffe\uffff\U0010ffff\n\n{BODY}",
    "only-boilerplate": "By Ann Lee | March 3, 2021\n\nPhoto by AP\n\nSign up for our newsletter!\n\nPlease consider donating to keep our reporting free.",
    "only-title": "City Council Extends Bus Line to the Airport",
    "one-char": "(",
    "brackets-and-dashes": "( \u2013 ( \u2014 ) ) | | : :",
    "html-looking-text": "Use a <b> tag for bold, and 3 < 4 > 2. <p>unclosed",
    "broken-html": "<html><body><![ncm x><p>" + BODY + "</p><div",
}


@pytest.mark.parametrize("name", list(STRANGE))
@pytest.mark.parametrize("mode", ["precision", "balanced", "recall"])
def test_strange_text_gives_a_result(name: str, mode: str) -> None:
    text = STRANGE[name]
    r = clean(text, mode=mode)
    assert isinstance(r, Result)
    assert_ledger_ok(r)
    # every output form works, and the JSON is valid UTF-8 that loads back to the same text
    data = json.loads(r.to_json().encode("utf-8"))
    assert data["text"] == r.text
    assert isinstance(r.explain(), str)
    r.to_dict(ledger=False)
    annotate(text, mode=mode)
    again = clean(r.text, mode=mode, format="text")
    assert again.removed == (), again.explain()


@pytest.mark.parametrize("name", list(STRANGE))
def test_strange_text_as_bytes(name: str) -> None:
    data = STRANGE[name].encode("utf-8", "surrogatepass")
    for blob in (data, b"\xef\xbb\xbf" + data, STRANGE[name].encode("utf-16", "surrogatepass")):
        assert_ledger_ok(clean(blob))


def test_empty_string_is_an_empty_result() -> None:
    r = clean("")
    assert (r.text, r.removed, r.original) == ("", (), "")


def test_crlf_and_cr_clean_like_lf() -> None:
    lf = clean(STRANGE["crlf"].replace("\r\n", "\n"))
    assert clean(STRANGE["crlf"]).text == lf.text
    assert clean(STRANGE["cr-only"]).text == lf.text
    assert lf.text == BODY


def test_only_boilerplate_is_emptied_without_the_cap() -> None:
    """Short prompts are not article-like: the safety cap does not keep them."""
    r = clean(STRANGE["only-boilerplate"])
    assert r.text == ""
    assert not any("safety cap" in w for w in r.warnings)


def test_lone_surrogate_survives_to_json() -> None:
    r = clean(STRANGE["lone-surrogates-in-article"])
    assert "\udfff" in r.text
    assert json.loads(r.to_json())["text"] == r.text


def test_broken_html_keeps_the_body() -> None:
    r = clean(STRANGE["broken-html"], format="html")
    assert BODY in r.text


def test_html_parser_failure_falls_back_to_text_with_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    # the lxml reader reads this page; the fallback is for a reader that raises
    import cleantext._html as html_reader

    def rejects(*args: object, **kwargs: object) -> object:
        raise ValueError("markup rejected")

    monkeypatch.setattr(html_reader, "read_html", rejects)
    r = clean(STRANGE["broken-html"], format="html")
    assert BODY in r.text
    assert any("HTML parser failed" in w for w in r.warnings)


@pytest.mark.parametrize("value", [None, 0, 1.5, ["a"], ("a",), {"a": 1}, object(), True])
def test_wrong_types_name_the_type(value: object) -> None:
    with pytest.raises(TypeError, match=type(value).__name__) as info:
        clean(value)  # type: ignore[arg-type]
    assert isinstance(info.value, InputTypeError)
    with pytest.raises(TypeError, match=type(value).__name__):
        annotate(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [bytearray(b"By Ann Lee\n\nText."), memoryview(b"By Ann Lee\n\nText.")])
def test_bytes_like_inputs(value: object) -> None:
    assert clean(value).text == "Text."  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["e\x00n", "..", "../../etc", "en/../..", "x" * 5000, "de-DE", "it"])
def test_page_language_is_never_a_path(lang: str) -> None:
    """``<html lang>`` is input: a NUL byte or "../" in it must not reach the phrase-list files
    (found by atheris: ``ValueError: embedded null byte`` from ``os.listdir``)."""
    page = (
        f'<html lang="{lang}"><body><article><p>Sign up for our newsletter!</p>'
        f"<p>{BODY}</p></article></body></html>"
    )
    r = clean(page)
    assert r.text == BODY
    assert clean(BODY + "\n\nSign up for our newsletter!", language=lang).text == BODY
