"""The command-line filter: ``cleantext [FILE ...]`` cleans text to standard output.

``cleantext --jsonl`` cleans a stream of JSON records, one a line, in order, on ``-j N``
processes; ``cleantext learn CORPUS.jsonl -o profile.json`` learns a site profile.
Exit status: 0 all cleaned; 1 some inputs or records could not be cleaned (and were passed
through, skipped or stopped at, as ``--on-error`` says); 2 bad usage; 130 interrupted.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from typing import IO, Any

from . import Options, Pipeline, __version__, clean
from ._errors import CleantextError
from ._pipeline import MODES

__all__ = ["main"]

EPILOG = """exit status:
  0    every input (every record) was cleaned
  1    some inputs could not be read, or some records were passed through unchanged
       (or skipped, or the run stopped: see --on-error) because they were not JSON, had no
       text field, or failed; each is named on standard error with its line number
  2    bad usage (an unknown option, filter or mode, an unreadable profile)
  130  interrupted (Ctrl-C); what was written so far is complete lines

examples:
  cleantext article.txt > clean.txt
  cleantext --jsonl -j 2 --progress corpus.jsonl -o clean.jsonl
  cleantext --jsonl --resume corpus.jsonl -o clean.jsonl     # carry on after an interruption
  cleantext learn corpus.jsonl -o profile.json && cleantext --jsonl --profile profile.json corpus.jsonl
  cleantext --explain-html review.html article.txt

filters: run --list-filters to see their names."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # exit 2 with a message for a person
        self.print_usage(sys.stderr)
        self.exit(2, f"cleantext: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="cleantext",
        description="Strip boilerplate from news and blog articles; clean text goes to standard output. "
        "`cleantext learn --help` for site profiles.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="files to clean (standard input when none, or -)")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print the whole result (text, metadata, ledger) as JSON")
    fmt.add_argument("--jsonl", action="store_true",
                     help="JSON lines in, JSON lines out, in order: FIELD is cleaned in place, metadata and "
                          "ledger go under a \"cleantext\" key, every other field is kept")
    fmt.add_argument("--explain", action="store_true",
                     help="print the document with each removal marked and its category beside it "
                          "(in colour on a terminal)")
    p.add_argument("--field", default="text", metavar="NAME", help="with --jsonl: the field to clean (default: text)")
    p.add_argument("--no-ledger", dest="ledger", action="store_false", help="with --jsonl: leave the ledger out")
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="with --jsonl: N processes (order is kept)")
    p.add_argument("--on-error", choices=("keep", "skip", "fail"), default="keep",
                   help="with --jsonl, a record that cannot be cleaned is written through unchanged (keep, "
                        "the default), left out (skip), or stops the run (fail)")
    p.add_argument("--skip", type=int, default=0, metavar="N", help="with --jsonl: skip the first N input lines (to resume)")
    p.add_argument("--resume", action="store_true",
                   help="with --jsonl and -o FILE: append to FILE, skipping as many input lines as FILE "
                        "has complete lines (a partial last line is cut off first)")
    p.add_argument("--explain-html", metavar="FILE",
                   help="also write a self-contained HTML page showing what was removed and why")
    p.add_argument("--explain-limit", type=int, default=200, metavar="N",
                   help="the most documents --explain-html shows (default: 200)")
    p.add_argument("--color", "--colour", dest="color", choices=("auto", "always", "never"), default="auto",
                   help="colour for --explain (default: auto, on a terminal unless NO_COLOR is set)")
    p.add_argument("--progress", action="store_true", default=None,
                   help="show a progress bar on standard error (default: when it is a terminal)")
    p.add_argument("--no-progress", dest="progress", action="store_false", help="never show the progress bar")
    p.add_argument("--mode", choices=list(MODES), default="balanced", help="leaks against false removals (default: balanced)")
    p.add_argument("--html", dest="format", action="store_const", const="html", help="read the input as HTML")
    p.add_argument("--text", dest="format", action="store_const", const="text", help="read the input as plain text")
    p.add_argument("--disable", action="append", default=[], metavar="NAME", help="turn a filter off (repeatable)")
    p.add_argument("--only", action="append", default=[], metavar="NAME", help="run only these filters (repeatable)")
    p.add_argument("--profile", metavar="FILE", help="a site profile (from `cleantext learn`): remove its template lines")
    p.add_argument("--timeout", type=float, metavar="SECONDS",
                   help="per document; a document over time is passed through unchanged with a warning")
    p.add_argument("--fix-encoding", action="store_true",
                   help="repair mojibake with ftfy before cleaning (pip install 'cleantext-news[ftfy]')")
    p.add_argument("--list-filters", action="store_true", help="list the filters in their order and exit")
    p.add_argument("--version", action="version", version=f"cleantext {__version__}")
    return p


def _learn_parser() -> argparse.ArgumentParser:
    from ._profile import DEFAULT_MAX_DOCS_PER_SITE, DEFAULT_MIN_DOCS, DEFAULT_MIN_SHARE

    p = _Parser(
        prog="cleantext learn",
        description="Learn a site profile: the lines each site repeats across its documents. Documents are "
        "grouped by the host of their url field (or a site field); a line is kept when it is in at least "
        "--min-docs documents and --min-share of the site's documents. The same corpus in any order gives "
        "the same profile.",
        epilog="exit status: 0 written; 1 some records were unusable (named on standard error); 2 bad usage.",
    )
    p.add_argument("corpus", nargs="*", metavar="CORPUS.jsonl", help="JSON lines (standard input when none)")
    p.add_argument("-o", "--output", metavar="FILE", help="the profile (standard output when not given)")
    p.add_argument("--field", default="text", metavar="NAME", help="the text field (default: text)")
    p.add_argument("--min-docs", type=int, default=DEFAULT_MIN_DOCS, metavar="K",
                   help=f"a line must be in at least K of a site's documents (default: {DEFAULT_MIN_DOCS})")
    p.add_argument("--min-share", type=float, default=DEFAULT_MIN_SHARE, metavar="P",
                   help=f"... and in at least this share of them, 0 to 1 (default: {DEFAULT_MIN_SHARE})")
    p.add_argument("--max-docs-per-site", type=int, default=DEFAULT_MAX_DOCS_PER_SITE, metavar="N",
                   help="learn each site from at most N documents, the same sample whatever the corpus order, "
                        f"so memory stays bounded; 0 for all (default: {DEFAULT_MAX_DOCS_PER_SITE})")
    return p


def _stderr(msg: str) -> None:
    try:
        print(f"cleantext: {msg}", file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass


def _quiet_stdout() -> None:
    """After a closed pipe: point standard output at /dev/null so the exit flush is silent."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if args_list[:1] == ["learn"]:
            return _learn(args_list[1:])
        return _main(args_list)
    except KeyboardInterrupt:
        try:
            sys.stderr.write("\n")
        except (OSError, ValueError):
            pass
        return 130
    except BrokenPipeError:
        _quiet_stdout()
        return 0


class _Progress:
    """tqdm on standard error: documents, docs/s and MB/s."""

    def __init__(self, enabled: bool) -> None:
        self.bar: Any = None
        self.bytes = 0
        self.t0 = time.monotonic()
        self.last = 0.0
        if enabled:
            from tqdm import tqdm  # type: ignore[import-untyped,unused-ignore]

            try:
                width, height = os.get_terminal_size(sys.stderr.fileno())
            except (OSError, ValueError):
                width = height = 0
            # a terminal that reports no size (a bare pty) would get an empty bar
            size: dict[str, Any] = {"dynamic_ncols": True} if width > 0 and height > 0 else {"ncols": 100, "nrows": 24}
            self.bar = tqdm(unit=" docs", file=sys.stderr, mininterval=0.3, smoothing=0.1, **size)

    def update(self, nbytes: int) -> None:
        if self.bar is None:
            return
        self.bytes += nbytes
        self.bar.update(1)
        now = time.monotonic()
        if now - self.last >= 0.5:
            self.last = now
            mbs = self.bytes / 1e6 / max(1e-9, now - self.t0)
            self.bar.set_postfix_str(f"{mbs:.2f} MB/s", refresh=False)

    def close(self) -> None:
        if self.bar is not None:
            mbs = self.bytes / 1e6 / max(1e-9, time.monotonic() - self.t0)
            self.bar.set_postfix_str(f"{mbs:.2f} MB/s", refresh=False)
            self.bar.close()


def _use_colour(choice: str, stream: IO[Any]) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _complete_lines(path: str) -> int:
    """The complete lines in ``path``, after cutting off a partial last line."""
    if not os.path.exists(path):
        return 0
    n = 0
    last_nl = -1
    pos = 0
    with open(path, "rb") as fh:
        while True:
            chunk = fh.read(1 << 20)
            if not chunk:
                break
            c = chunk.count(b"\n")
            if c:
                n += c
                last_nl = pos + chunk.rindex(b"\n")
            pos += len(chunk)
    if last_nl + 1 != pos:
        with open(path, "r+b") as fh:
            fh.truncate(last_nl + 1)
    return n


def _main(argv: list[str]) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.list_filters:
        for f in Pipeline.default():
            print(f.name)
        return 0

    def usage(msg: str) -> int:
        parser.print_usage(sys.stderr)
        _stderr(f"error: {msg}")
        return 2

    if args.jobs < 1:
        return usage(f"--jobs must be at least 1, got {args.jobs}")
    if args.skip < 0:
        return usage(f"--skip must be 0 or more, got {args.skip}")
    if not args.jsonl:
        for flag, given in (("--skip", args.skip), ("--resume", args.resume), ("-j/--jobs", args.jobs > 1),
                            ("--no-ledger", not args.ledger), ("--field", args.field != "text")):
            if given:
                return usage(f"{flag} goes with --jsonl")
    if args.resume:
        if not args.output:
            return usage("--resume needs -o FILE (the output to carry on)")
        if args.skip:
            return usage("give --resume or --skip, not both")
        if args.on_error == "skip":
            return usage("--resume needs one output line per input line; it cannot go with --on-error skip")

    from ._stream import StreamConfig, build

    cfg = StreamConfig(
        field=args.field,
        ledger=args.ledger,
        mode=args.mode,
        format=args.format or "auto",
        timeout=args.timeout,
        disable=tuple(args.disable),
        only=tuple(args.only),
        profile_path=os.path.abspath(args.profile) if args.profile else None,
        explain_upto=0,
        fix_encoding=args.fix_encoding,
    )
    try:
        pipeline, options = build(cfg)
    except CleantextError as exc:
        return usage(str(exc))
    except OSError as exc:
        return usage(f"cannot read the profile {args.profile}: {exc.strerror or exc}")

    show_progress = args.progress if args.progress is not None else _isatty(sys.stderr)
    html_docs: list[dict[str, Any]] | None = [] if args.explain_html else None

    if args.jsonl:
        skip = args.skip
        if args.resume:
            skip = _complete_lines(args.output)
            if skip:
                _stderr(f"resuming after line {skip}")
        out: IO[bytes] = open(args.output, "ab" if args.resume else "wb") if args.output else sys.stdout.buffer
        try:
            status = _run_jsonl(args, cfg, skip, out, show_progress, html_docs)
        finally:
            _close(out)
    else:
        status = _run_docs(args, pipeline, options, show_progress, html_docs)

    if html_docs is not None:
        from ._explain import render_html

        note = f"first {args.explain_limit} documents" if len(html_docs) >= args.explain_limit else ""
        try:
            with open(args.explain_html, "w", encoding="utf-8") as fh:
                fh.write(render_html(html_docs, note=note))
        except OSError as exc:
            _stderr(f"cannot write {args.explain_html}: {exc.strerror or exc}")
            status = max(status, 1)
    return status


def _isatty(stream: IO[Any]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _close(out: IO[bytes]) -> None:
    if out is sys.stdout.buffer:
        try:
            out.flush()
        except BrokenPipeError:
            _quiet_stdout()
    else:
        out.close()


def _run_jsonl(args: argparse.Namespace, cfg: Any, skip: int, out: IO[bytes], show_progress: bool,
               html_docs: list[dict[str, Any]] | None) -> int:
    from dataclasses import replace

    from ._stream import LineReader, Outcome, run_stream

    if html_docs is not None:
        cfg = replace(cfg, explain_upto=skip + args.explain_limit)
    progress = _Progress(show_progress)
    state = {"errors": 0, "stopped": False}
    on_error = args.on_error

    def emit(o: Outcome) -> bool:
        for note in o.notes:
            _stderr(f"line {o.lineno}: {note}")
        if o.status == "error":
            state["errors"] += 1
            action = {"keep": "passed through unchanged", "skip": "left out", "fail": "stopping"}[on_error]
            _stderr(f"line {o.lineno}: {o.message}; {action}")
            if on_error == "fail":
                state["stopped"] = True
                return False
            if on_error == "keep":
                out.write(o.data + b"\n")
        else:
            out.write(o.data + b"\n")
            if o.explain is not None and html_docs is not None:
                html_docs.append(o.explain)
        progress.update(o.nbytes)
        return True

    sources = args.files or ["-"]
    lineno = 0
    try:
        for name in sources:
            if name == "-":
                stream: IO[bytes] = sys.stdin.buffer
                own = False
            else:
                try:
                    stream = open(name, "rb")
                except OSError as exc:
                    _stderr(f"cannot read {name}: {exc.strerror or exc}")
                    state["errors"] += 1
                    continue
                own = True
            try:
                reader = LineReader(stream, skip=skip, start=lineno)
                run_stream(reader, cfg, args.jobs, emit)
                lineno = reader.last
            finally:
                if own:
                    stream.close()
            if state["stopped"]:
                break
            out.flush()
    finally:
        progress.close()
    return 1 if state["errors"] else 0


def _run_docs(args: argparse.Namespace, pipeline: Pipeline, options: Options, show_progress: bool,
              html_docs: list[dict[str, Any]] | None) -> int:
    from ._explain import render_terminal

    out: IO[bytes] = open(args.output, "wb") if args.output else sys.stdout.buffer
    colour = _use_colour(args.color, sys.stdout if not args.output else out)
    progress = _Progress(show_progress and len(args.files) > 1)
    status = 0
    try:
        for name in args.files or ["-"]:
            try:
                if name == "-":
                    data: bytes = sys.stdin.buffer.read()
                else:
                    with open(name, "rb") as fh:
                        data = fh.read()
            except OSError as exc:
                _stderr(f"cannot read {name}: {exc.strerror or exc}")
                status = 1
                continue
            try:
                result = clean(data, pipeline=pipeline, options=options)
            except CleantextError as exc:
                _stderr(f"{name}: cannot clean: {exc}")
                status = 1
                continue
            label = "standard input" if name == "-" else name
            for w in result.warnings:
                _stderr(f"{label}: {w}")
            if args.json:
                text = result.to_json(indent=2)
            elif args.explain:
                text = render_terminal(result, colour)
            else:
                text = result.text
            out.write(text.encode("utf-8", "surrogateescape") + b"\n")
            if html_docs is not None and len(html_docs) < args.explain_limit:
                html_docs.append({"name": label, "original": result.original, "result": result.to_dict()})
            progress.update(len(data))
    finally:
        progress.close()
        _close(out)
    return status


def _learn(argv: list[str]) -> int:
    import json

    from ._profile import ProfileLearner

    parser = _learn_parser()
    args = parser.parse_args(argv)
    try:
        learner = ProfileLearner(args.min_docs, args.min_share, args.max_docs_per_site or None)
    except CleantextError as exc:
        parser.print_usage(sys.stderr)
        _stderr(f"error: {exc}")
        return 2
    status = 0
    docs = 0
    for name in args.corpus or ["-"]:
        try:
            stream: IO[bytes] = sys.stdin.buffer if name == "-" else open(name, "rb")
        except OSError as exc:
            _stderr(f"cannot read {name}: {exc.strerror or exc}")
            status = 1
            continue
        try:
            for n, raw in enumerate(stream, 1):
                if not raw.strip():
                    continue
                try:
                    rec = json.loads(raw.decode("utf-8", errors="replace"))
                except json.JSONDecodeError as exc:
                    _stderr(f"{name}: line {n}: not JSON ({exc.msg}); ignored")
                    status = 1
                    continue
                if not isinstance(rec, dict) or not isinstance(rec.get(args.field), str):
                    _stderr(f"{name}: line {n}: no string field {args.field!r}; ignored")
                    status = 1
                    continue
                site = rec.get("url") if isinstance(rec.get("url"), str) and rec.get("url") else rec.get("site")
                if not isinstance(site, str) or not site:
                    _stderr(f"{name}: line {n}: no url or site field; ignored")
                    status = 1
                    continue
                if learner.add(site, rec[args.field]):
                    docs += 1
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()
    profile = learner.profile()
    text = profile.to_json()
    if args.output:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)
    _stderr(f"learned {len(profile)} template lines for {len(profile.sites)} sites from {docs} documents")
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
