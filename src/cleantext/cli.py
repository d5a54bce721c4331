"""The command-line filter: ``cleantext [FILE ...]`` cleans text to standard output.

Exit status: 0 cleaned; 1 an input could not be read; 2 bad usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import Options, Pipeline, __version__, clean
from ._errors import CleantextError
from ._pipeline import MODES

__all__ = ["main"]

EPILOG = """exit status: 0 all inputs cleaned; 1 an input could not be read or cleaned; 2 bad usage.
filters: run --list-filters to see their names."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="cleantext",
        description="Strip boilerplate from news and blog articles; clean text goes to standard output.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="files to clean (standard input when none)")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    p.add_argument("--json", action="store_true", help="print the whole result (text, metadata, ledger) as JSON")
    p.add_argument("--explain", action="store_true", help="print each removal with its category and reason")
    p.add_argument("--mode", choices=list(MODES), default="balanced", help="leaks against false removals (default: balanced)")
    p.add_argument("--html", dest="format", action="store_const", const="html", help="read the input as HTML")
    p.add_argument("--text", dest="format", action="store_const", const="text", help="read the input as plain text")
    p.add_argument("--disable", action="append", default=[], metavar="NAME", help="turn a filter off (repeatable)")
    p.add_argument("--only", action="append", default=[], metavar="NAME", help="run only these filters (repeatable)")
    p.add_argument("--list-filters", action="store_true", help="list the filters in their order and exit")
    p.add_argument("--version", action="version", version=f"cleantext {__version__}")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    pipeline = Pipeline.default()
    if args.list_filters:
        for f in pipeline:
            print(f.name)
        return 0
    try:
        if args.only:
            pipeline = pipeline.only(*args.only)
        if args.disable:
            pipeline = pipeline.without(*args.disable)
        options = Options(mode=args.mode, format=args.format or "auto")
    except CleantextError as exc:
        parser.print_usage(sys.stderr)
        print(f"cleantext: error: {exc}", file=sys.stderr)
        return 2
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    status = 0
    try:
        sources = args.files or ["-"]
        for name in sources:
            try:
                if name == "-":
                    data: bytes = sys.stdin.buffer.read()
                else:
                    with open(name, "rb") as fh:
                        data = fh.read()
            except OSError as exc:
                print(f"cleantext: cannot read {name}: {exc.strerror or exc}", file=sys.stderr)
                status = 1
                continue
            result = clean(data, pipeline=pipeline, options=options)
            for w in result.warnings:
                print(f"cleantext: {name}: {w}", file=sys.stderr)
            if args.json:
                out.write(result.to_json(indent=2) + "\n")
            elif args.explain:
                out.write(result.explain() + "\n")
            else:
                out.write(result.text + "\n")
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130
    finally:
        if out is not sys.stdout:
            out.close()
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
