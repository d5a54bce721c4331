#!/usr/bin/env python3
"""atheris target: HTML (str and bytes) through clean(format="html") and format="auto".

    python fuzz/fuzz_html.py fuzz/corpus/html -max_total_time=300 -timeout=10 -rss_limit_mb=4096
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["cleantext"]):
    import _check
    from cleantext import clean

_WRAP = (
    "<html><head><title>{0}</title></head><body><article>{0}</article></body></html>",
    "{0}",
    "<div><p>{0}</p><figure><figcaption>{0}</figcaption></figure></div>",
)


def TestOneInput(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    how = fdp.ConsumeIntInRange(0, 2)
    wrap = _WRAP[fdp.ConsumeIntInRange(0, len(_WRAP) - 1)]
    if how == 0:
        r = clean(fdp.ConsumeBytes(fdp.remaining_bytes()), format="html")
    else:
        body = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
        r = clean(wrap.format(body), format="html" if how == 1 else "auto")
    # the HTML Document's text is the reader's text view; cleaning it again as text must be stable
    _check.check_result(r, idempotent=False)


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
