"""JSONL streams: one record in, one record out, in order, with flat memory, on N processes.

The reader hands batches of raw lines to :func:`process_batch` (in this process for one job,
in worker processes for more), which returns one :class:`Outcome` per line; the writer writes
them in input order. At most ``window`` batches are in flight, so memory does not grow with the
stream. A worker that dies (killed, out of memory, a crash in C code) does not take records
with it: its batches are run again one at a time, and a record that kills a worker on its own
is passed through unchanged with an error, like a record that is not JSON.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ._errors import CleantextError
from ._pipeline import Options, Pipeline

__all__ = ["StreamConfig", "Outcome", "process_batch", "run_stream"]

#: Seconds per record beyond ``--timeout`` before a worker is stopped (see ``_Pool.limit``).
HARD_LIMIT_GRACE = 10.0

#: Lines per batch, and the most bytes a batch collects before it is sent.
BATCH_LINES = 32
BATCH_BYTES = 1 << 20


@dataclass(frozen=True)
class StreamConfig:
    """What a worker needs to rebuild the pipeline and treat a record (picklable)."""

    field: str = "text"
    ledger: bool = True
    mode: str = "balanced"
    format: str = "auto"
    timeout: float | None = None
    disable: tuple[str, ...] = ()
    only: tuple[str, ...] = ()
    profile_path: str | None = None
    url_fields: tuple[str, ...] = ("url", "site")
    fix_encoding: bool = False
    explain_upto: int = 0  # return explain data for records on lines up to this number


@dataclass
class Outcome:
    """What became of one input line.

    ``status``: ``"ok"`` (cleaned; ``data`` is the output line), ``"blank"`` (an empty line,
    written through), ``"error"`` (``data`` is the input line as it was; ``message`` says why).
    ``notes`` are warnings for standard error (undecodable bytes, a time-out).
    """

    lineno: int
    status: str
    data: bytes
    message: str = ""
    notes: list[str] = field(default_factory=list)
    explain: dict[str, Any] | None = None
    nbytes: int = 0


_STATE: tuple[Pipeline, Options, StreamConfig] | None = None


def build(cfg: StreamConfig) -> tuple[Pipeline, Options]:
    """The pipeline and options a config describes (raises CleantextError on bad names)."""
    from ._profile import Profile

    pipeline = Pipeline.default()
    if cfg.only:
        pipeline = pipeline.only(*cfg.only)
    if cfg.disable:
        pipeline = pipeline.without(*cfg.disable)
    profile = Profile.load(cfg.profile_path) if cfg.profile_path else None
    options = Options(
        mode=cfg.mode, format=cfg.format, timeout=cfg.timeout, profile=profile, fix_encoding=cfg.fix_encoding
    )
    return pipeline, options


def _init_worker(cfg: StreamConfig) -> None:
    global _STATE
    # Ctrl-C is the parent's business: it stops the pool and exits 130.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    pipeline, options = build(cfg)
    _STATE = (pipeline, options, cfg)


#: One short text per language with phrase lists, for :func:`warm_up`.
_WARM_TEXTS = {
    "en": "Share this\n\nThe council met on Monday, the mayor said.",
    "es": "Comparte\n\nEl consejo se reunió el lunes, dijo la alcaldesa.",
    "de": "Teilen\n\nDer Rat tagte am Montag, sagte die Bürgermeisterin.",
    "fr": "Partager\n\nLe conseil s'est réuni lundi, a dit la maire.",
}


def warm_up(pipeline: Pipeline, options: Options, languages: tuple[str, ...] = ("en",)) -> None:
    """Compile the phrase lists the filters use for documents in ``languages``, in this process.

    The lists compile on first use (about a tenth of a second a language). Done in the parent
    before its workers fork, they inherit the compiled expressions instead of each compiling
    its own: with two workers on two cores that was a tenth of the CPU time of a 5 MB stream.
    By default only English, which every document uses (its own language's lists come with
    the English ones): the parent's time is time no worker runs, and a stream may never hold a
    German page; a worker compiles another language's lists when it first meets one.
    """
    from ._document import segment_text

    for lang, text in _WARM_TEXTS.items():
        if lang not in languages:
            continue
        try:
            pipeline.run(segment_text(text, language=lang), options)
        except CleantextError:  # a user's filter that rejects the sample: the workers will say so
            return


def _state(cfg: StreamConfig) -> tuple[Pipeline, Options, StreamConfig]:
    global _STATE
    if _STATE is None or _STATE[2] != cfg:
        pipeline, options = build(cfg)
        _STATE = (pipeline, options, cfg)
    return _STATE


def _dumps(obj: object) -> bytes:
    s = json.dumps(obj, ensure_ascii=False)
    try:
        return s.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from a \\ud800 escape: keep it escaped
        return json.dumps(obj, ensure_ascii=True).encode("ascii")


def process_line(lineno: int, raw: bytes, cfg: StreamConfig) -> Outcome:
    """Clean the record on one input line (``raw`` without its line end)."""
    from . import clean

    # tests only: a record that kills its worker, or that never finishes
    crash = os.environ.get("_CLEANTEXT_TEST_CRASH_ON")
    if crash and crash.encode() in raw and os.getpid() != _PARENT_PID:
        os._exit(70)
    hang = os.environ.get("_CLEANTEXT_TEST_HANG_ON")
    if hang and hang.encode() in raw and os.getpid() != _PARENT_PID:
        time.sleep(3600)
    pipeline, options, _ = _state(cfg)
    out = Outcome(lineno, "ok", b"", nbytes=len(raw) + 1)
    if not raw.strip():
        out.status, out.data = "blank", raw
        return out
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        line = raw.decode("utf-8", errors="replace")
        out.notes.append("undecodable bytes replaced with U+FFFD")
    if lineno == 1 and line.startswith("\ufeff"):
        line = line[1:]
    try:
        rec = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
        return Outcome(lineno, "error", raw, f"not JSON ({msg})", nbytes=len(raw) + 1)
    if not isinstance(rec, dict):
        return Outcome(lineno, "error", raw, f"not a JSON object (a {type(rec).__name__})", nbytes=len(raw) + 1)
    value = rec.get(cfg.field)
    if not isinstance(value, str):
        what = "no field" if cfg.field not in rec else f"field of type {type(value).__name__} in"
        return Outcome(lineno, "error", raw, f"{what} {cfg.field!r}; expected a string", nbytes=len(raw) + 1)
    url = None
    for name in cfg.url_fields:
        v = rec.get(name)
        if isinstance(v, str) and v:
            url = v
            break
    try:
        result = clean(value, pipeline=pipeline, options=options, url=url)
    except CleantextError as exc:
        return Outcome(lineno, "error", raw, f"cleaning failed: {exc}", nbytes=len(raw) + 1)
    except Exception as exc:  # noqa: BLE001 - one record must not stop a stream
        return Outcome(lineno, "error", raw, f"cleaning failed: {type(exc).__name__}: {exc}", nbytes=len(raw) + 1)
    d = result.to_dict(ledger=cfg.ledger)
    del d["text"]
    rec[cfg.field] = result.text
    rec["cleantext"] = d
    out.data = _dumps(rec)
    out.notes.extend(w for w in result.warnings if w.startswith("timed out"))
    if lineno <= cfg.explain_upto:
        out.explain = {"name": f"line {lineno}", "result": result.to_dict(), "original": result.original}
    return out


def process_batch(batch: list[tuple[int, bytes]], cfg: StreamConfig) -> list[Outcome]:
    return [process_line(n, raw, cfg) for n, raw in batch]


_PARENT_PID = os.getpid()


def batches(lines: Iterable[tuple[int, bytes]]) -> Iterator[list[tuple[int, bytes]]]:
    batch: list[tuple[int, bytes]] = []
    size = 0
    for item in lines:
        batch.append(item)
        size += len(item[1])
        if len(batch) >= BATCH_LINES or size >= BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _context() -> Any:
    import multiprocessing as mp

    methods = mp.get_all_start_methods()
    return mp.get_context("fork" if "fork" in methods else "spawn")


def _die_with_parent() -> None:
    """Linux: have the kernel end this worker when the parent dies (even by SIGKILL)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _worker_main(tasks: Any, conn: Any, cfg: StreamConfig, parent: int) -> None:
    """A worker process: batches in, outcomes out, until ``None`` or the parent goes away."""
    import queue

    _die_with_parent()
    _init_worker(cfg)
    while True:
        try:
            msg = tasks.get(timeout=2)
        except queue.Empty:
            if os.getppid() != parent:
                return
            continue
        except (EOFError, OSError):
            return
        if msg is None:
            return
        seq, batch = msg
        try:
            conn.send((seq, process_batch(batch, cfg)))
        except (OSError, ValueError):
            return


class _Worker:
    """A worker process, its task queue (fed by a thread, so the parent never blocks sending)
    and its own result pipe (so the batches a dead worker held are known)."""

    def __init__(self, ctx: Any, cfg: StreamConfig) -> None:
        self.tasks = ctx.Queue()
        self.conn, child = ctx.Pipe(duplex=False)
        self.proc = ctx.Process(target=_worker_main, args=(self.tasks, child, cfg, os.getpid()), daemon=True)
        self.proc.start()
        child.close()
        self.inflight: deque[int] = deque()
        self.busy_since = 0.0  # when the batch at the head of ``inflight`` started

    def stop(self, kill: bool = False) -> None:
        if not kill:
            try:
                self.tasks.put(None)
            except (OSError, ValueError):
                kill = True
        if kill:
            self.proc.terminate()
        self.proc.join(1 if kill else 30)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(1)
        self.tasks.cancel_join_thread()  # never wait at exit for a queue nobody reads
        self.tasks.close()
        self.conn.close()


class _Pool:
    """N worker processes, each with its own pipe, so a dead worker's batches are known.

    (``concurrent.futures`` loses every batch in flight when one worker dies, and its exit
    handler can hang after workers are terminated on Ctrl-C; ``multiprocessing.Pool`` waits
    forever for the task of a worker that died.)
    """

    def __init__(self, jobs: int, cfg: StreamConfig, depth: int = 2) -> None:
        self.ctx = _context()
        self.cfg = cfg
        self.depth = depth
        self.workers = [_Worker(self.ctx, cfg) for _ in range(jobs)]

    def idle(self) -> _Worker | None:
        w = min(self.workers, key=lambda w: len(w.inflight))
        return w if len(w.inflight) < self.depth else None

    def limit(self, batch: list[tuple[int, bytes]]) -> float | None:
        """How long a batch may take before its worker is stopped (``None``: no limit).

        The library's time limit is checked between filters, so one filter stuck in a pattern
        is not stopped by it; a worker over ``(timeout + GRACE) x records`` is.
        """
        if self.cfg.timeout is None:
            return None
        grace = float(os.environ.get("_CLEANTEXT_TEST_GRACE", HARD_LIMIT_GRACE))  # tests shorten it
        return (self.cfg.timeout + grace) * len(batch)

    def send(self, w: _Worker, seq: int, batch: list[tuple[int, bytes]]) -> None:
        if not w.inflight:
            w.busy_since = time.monotonic()
        w.inflight.append(seq)
        try:
            w.tasks.put((seq, batch))
        except (OSError, ValueError):
            pass  # the worker is gone; its sentinel says so

    def replace(self, w: _Worker) -> _Worker:
        w.stop(kill=True)
        i = self.workers.index(w)
        self.workers[i] = _Worker(self.ctx, self.cfg)
        return self.workers[i]

    def run_alone(self, batch: list[tuple[int, bytes]], split: bool = False) -> list[Outcome]:
        """Run one batch on a fresh worker with nothing else; split it when it kills the worker
        (or overruns the time limit), or at once with ``split=True``."""
        limit = self.limit(batch)
        overran = False
        for _ in range(0 if split and len(batch) > 1 else 2):
            w = _Worker(self.ctx, self.cfg)
            try:
                w.tasks.put((0, batch))
                if limit is None or w.conn.poll(limit):
                    _, outcomes = w.conn.recv()
                    return list(outcomes)
                overran = True
            except (EOFError, OSError):
                pass
            finally:
                w.stop(kill=True)
            if len(batch) > 1 or overran:
                break
        if len(batch) == 1:
            n, raw = batch[0]
            why = (
                f"cleaning took longer than {limit:.0f} s (--timeout {self.cfg.timeout:g}); the worker was stopped"
                if overran and limit is not None
                else "the worker cleaning this record died"
            )
            return [Outcome(n, "error", raw, why, nbytes=len(raw) + 1)]
        out: list[Outcome] = []
        for item in batch:
            out.extend(self.run_alone([item]))
        return out

    def close(self, kill: bool = False) -> None:
        for w in self.workers:
            w.stop(kill=kill)


def run_stream(
    lines: Iterable[tuple[int, bytes]],
    cfg: StreamConfig,
    jobs: int,
    emit: Callable[[Outcome], bool],
) -> None:
    """Clean every line and call ``emit`` on each outcome, in input order; stop when it returns False."""
    if jobs <= 1 and cfg.timeout is None:
        # one job and no time limit to enforce: clean in this process. Ctrl-C is also noted in a
        # flag checked after every document: a KeyboardInterrupt raised while a finaliser runs
        # (an object's __del__) is printed and swallowed by Python, and the run would go on
        interrupted: list[bool] = []

        def on_sigint(signum: int, frame: object) -> None:
            interrupted.append(True)
            raise KeyboardInterrupt

        def unraisable(u: Any) -> None:  # the swallowed interrupt is in the flag: no noise
            if not isinstance(u.exc_value, KeyboardInterrupt):
                hook(u)

        try:
            previous = signal.signal(signal.SIGINT, on_sigint)
        except ValueError:  # not the main thread: the default handling stands
            previous = None
        hook = sys.unraisablehook
        sys.unraisablehook = unraisable
        try:
            _state(cfg)
            for batch in batches(lines):
                for o in process_batch(batch, cfg):
                    if interrupted:
                        raise KeyboardInterrupt
                    if not emit(o):
                        return
                if interrupted:
                    raise KeyboardInterrupt
        finally:
            sys.unraisablehook = hook
            if previous is not None:
                signal.signal(signal.SIGINT, previous)
        return
    from multiprocessing.connection import wait

    if _context().get_start_method() == "fork":  # forked workers inherit what the parent compiled
        pipeline, options, _ = _state(cfg)
        warm_up(pipeline, options)
    pool = _Pool(jobs, cfg)
    kill = True
    try:
        source = batches(lines)
        exhausted = False
        sent: dict[int, list[tuple[int, bytes]]] = {}  # seq -> batch, until its outcomes are emitted
        done: dict[int, list[Outcome]] = {}
        next_seq = 0  # the next batch to emit
        seq = 0  # the next batch to send
        while True:
            while not exhausted:
                w = pool.idle()
                if w is None:
                    break
                try:
                    b = next(source)
                except StopIteration:
                    exhausted = True
                    break
                sent[seq] = b
                pool.send(w, seq, b)
                seq += 1
            while next_seq in done:
                for o in done.pop(next_seq):
                    if not emit(o):
                        return
                del sent[next_seq]
                next_seq += 1
            if exhausted and next_seq == seq:
                break
            by_conn = {w.conn: w for w in pool.workers}
            by_sentinel = {w.proc.sentinel: w for w in pool.workers}
            # the time left to the busy worker nearest its limit
            now = time.monotonic()
            due: dict[_Worker, tuple[int, float]] = {}  # worker -> (its head batch, deadline)
            for w in pool.workers:
                lim = pool.limit(sent[w.inflight[0]]) if w.inflight else None
                if lim is not None:
                    due[w] = (w.inflight[0], w.busy_since + lim)
            wait_for = max(0.05, min(t for _, t in due.values()) - now) if due else None
            ready = wait(list(by_conn) + list(by_sentinel), wait_for)
            dead: list[_Worker] = []
            overdue: set[int] = set()  # batches that overran: split at once
            for r in ready:
                if r in by_conn:
                    w = by_conn[r]
                    try:
                        got, outcomes = w.conn.recv()
                    except (EOFError, OSError):
                        dead.append(w)
                        continue
                    done[got] = outcomes
                    w.inflight.remove(got)
                    w.busy_since = time.monotonic()
                else:
                    dead.append(by_sentinel[r])
            now = time.monotonic()
            for w, (head, t) in due.items():
                if w.inflight and w.inflight[0] == head and now > t and w not in dead:
                    overdue.add(head)
                    dead.append(w)  # over its time limit: stopped, and its batches redone alone
            for w in dict.fromkeys(dead):
                # collect what it finished before it died, then redo the rest on their own
                try:
                    while w.conn.poll():
                        got, outcomes = w.conn.recv()
                        done[got] = outcomes
                        w.inflight.remove(got)
                except (EOFError, OSError):
                    pass
                lost = list(w.inflight)
                pool.replace(w)
                for s in lost:
                    done[s] = pool.run_alone(sent[s], split=s in overdue)
        kill = False
    finally:
        pool.close(kill=kill)


class LineReader:
    """(line number, line without its end) for every line of a binary stream after ``skip``.

    Line numbers run on from ``start`` (across several files); ``last`` is the number of the
    last line read, skipped or not.
    """

    def __init__(self, stream: Any, skip: int = 0, start: int = 0) -> None:
        self.stream = stream
        self.skip = skip
        self.last = start

    def __iter__(self) -> Iterator[tuple[int, bytes]]:
        for raw in self.stream:
            self.last += 1
            if self.last <= self.skip:
                continue
            if raw.endswith(b"\n"):
                raw = raw[:-1]
                if raw.endswith(b"\r"):
                    raw = raw[:-1]
            yield self.last, raw


def stderr(msg: str) -> None:
    try:
        print(f"cleantext: {msg}", file=sys.stderr, flush=True)
    except (BrokenPipeError, ValueError, OSError):
        pass
