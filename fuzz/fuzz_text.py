#!/usr/bin/env python3
"""atheris target: plain text (str and bytes) through clean() and annotate().

    python fuzz/fuzz_text.py fuzz/corpus/text -max_total_time=300 -timeout=10 -rss_limit_mb=4096

Any exception other than the documented ones, a broken invariant (see _check.py), or an input
that takes longer than -timeout seconds is a finding; libFuzzer writes it to crash-*/timeout-*.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["cleantext"]):
    import _check
    from cleantext import annotate, clean


def TestOneInput(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    how = fdp.ConsumeIntInRange(0, 3)
    mode = ("precision", "balanced", "recall")[fdp.ConsumeIntInRange(0, 2)]
    if how == 0:
        r = clean(fdp.ConsumeBytes(fdp.remaining_bytes()), format="text", mode=mode)
    else:
        text = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes()) if how < 3 else fdp.ConsumeUnicode(fdp.remaining_bytes())
        r = clean(text, format="text", mode=mode)
        annotate(text, format="text", mode=mode)
    # lone surrogates (how == 3) are kept as they are; idempotence is checked on all inputs
    _check.check_result(r)


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
