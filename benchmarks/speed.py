"""Speed, measured: cleantext beside datatrove's C4 line filter, scaling, -j, and memory.

    python benchmarks/speed.py                  # everything (a few minutes)
    python benchmarks/speed.py --only plain     # plain | profile | sizes | jobs | memory

1. plain: docs/s and MB/s on one core over the plain-text dev set
   (``../shared/eval/plaintext-news/dev.jsonl``), every filter on, beside datatrove's
   ``C4QualityFilter`` in the FineWeb setting (``filter_no_terminal_punct=False``) on the same
   texts in the same run. datatrove counts sentences with a spaCy tokenizer when ``spacy`` is
   installed (its default ``split_paragraph=True``); the line rules alone
   (``min_num_sentences=-1``, no tokenizer) are timed too, as the faster yardstick.
2. profile: where the time of ``clean()`` goes over the dev set, by stage (reading, trigger scan,
   each filter by name on the first look, the pipeline's record of each finding, resolution and
   ledger, the result, the later looks at the clean text): medians of ``--repeat`` instrumented
   runs, beside C4's line rules timed in the same run; then the marginal cost of a block of body
   prose and of a block of boilerplate (the labels of ``dev.jsonl``), and the looks per document.
3. html: documents per second of cleantext and trafilatura (``bare_extraction`` with metadata)
   on the 181 Scrapinghub pages, CPU time, alternating; the ratio.
4. sizes: time per MB for documents of 1 KB, 100 KB, 1 MB and 10 MB cut from the dev-set texts
   joined end to end (the first megabyte for the three small sizes, so each is timed on the
   same text; beyond 0.65 MB the texts repeat, so the duplicate filter has work too).
5. jobs: ``cleantext --jsonl`` over the dev set (repeated 32 times, 22 MB) with ``-j 1`` and ``-j 2``.
6. memory: peak RSS of ``cleantext --jsonl`` (the whole process tree) while streaming a stream
   of at least 200 MB, sampled as it goes, so flat memory shows as the same peak early and late.

Every timed run of clean() starts without the package's caches of block texts (``--warm``
keeps them): the 170 texts are timed more than once, and a cache that remembers them from the
run before would make them cheaper than the new texts users clean.

The eval data is only read here, never copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from cleantext import Options, clean  # noqa: E402

DEV = ROOT.parent / "shared" / "eval" / "plaintext-news" / "dev.jsonl"


def load_texts() -> list[str]:
    with open(DEV, encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh]


def mb(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def forget() -> None:
    """Before a timed run of clean(): empty the package's caches of block texts (``--warm``
    keeps them), so texts timed again cost what new texts cost."""
    import _stages  # noqa: PLC0415

    if _stages.COLD[0]:
        _stages.forget_texts()


def best_of(fn: object, repeat: int, setup: object = None) -> float:
    times = []
    for _ in range(repeat):
        if setup is not None:
            setup()  # type: ignore[operator]
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
    return min(times)


def bench_plain(texts: list[str], repeat: int) -> dict[str, float]:
    opts = Options(format="text")
    clean(texts[0], options=opts)  # compile the patterns first
    size = mb(texts)
    out: dict[str, float] = {}

    def run_clean() -> None:
        for t in texts:
            clean(t, options=opts)

    t = best_of(run_clean, repeat, forget)
    out["cleantext_docs_s"], out["cleantext_mb_s"] = len(texts) / t, size / t
    print(f"cleantext, all filters      {len(texts) / t:8.1f} docs/s  {size / t:7.3f} MB/s")
    try:
        from datatrove.data import Document
        from datatrove.pipeline.filters.c4_filters import C4QualityFilter
    except ImportError:
        print("datatrove is not installed: no C4 yardstick (pip install datatrove)")
        return out
    for label, kw in (("C4 FineWeb (spaCy sentences)", {}), ("C4 line rules, no tokenizer", {"min_num_sentences": -1})):
        f = C4QualityFilter(filter_no_terminal_punct=False, **kw)
        try:
            f.filter(Document(text=texts[0], id="warm"))
        except ImportError as exc:
            print(f"{label}: not run ({exc})")
            continue

        def run_c4(f: C4QualityFilter = f) -> None:
            for i, t in enumerate(texts):
                f.filter(Document(text=t, id=str(i)))

        t = best_of(run_c4, repeat)
        key = "c4_fineweb" if not kw else "c4_lines"
        out[f"{key}_mb_s"] = size / t
        print(f"{label:<28}{len(texts) / t:8.1f} docs/s  {size / t:7.3f} MB/s   "
              f"cleantext/C4 = {out['cleantext_mb_s'] / (size / t):.2f}x")
    if "c4_lines_mb_s" in out:
        floor_costs(texts, size, repeat, out)
    return out


#: the speed bar of issue 12: the whole run at this share of C4's line rules' speed
BAR = 0.25


def floor_costs(texts: list[str], size: float, repeat: int, out: dict[str, float]) -> None:
    """What the steps every document pays before any rule filter runs, against the time the
    whole run may take at ``BAR`` x the speed of C4's line rules: how much is left for the rules.
    The model's step is its scores of every block from the block's text and place alone (no
    rule findings, no later look), cold: the least it costs on a document it acts on."""
    from cleantext import Pipeline, read  # noqa: PLC0415
    from cleantext._model import load_model  # noqa: PLC0415
    from cleantext._pipeline import Context  # noqa: PLC0415

    opts = Options(format="text")
    docs = [read(t, opts)[0] for t in texts]
    blocks = sum(len(d.blocks) for d in docs)
    n_filters = len(Pipeline.default().without("model").names)
    model = load_model()

    def run_read() -> None:
        for t in texts:
            read(t, opts)

    def run_scan() -> None:
        for d in docs:  # a fresh memo each time: the scan is paid once per document
            Context(d, opts, {}).present(("",))

    def run_model() -> None:
        for d in docs:
            if len(d.blocks) >= 5:  # the model leaves shorter documents to the rules
                model.score_blocks(d, [{}] * len(d.blocks))

    budget = size / (BAR * out["c4_lines_mb_s"])
    t_read, t_scan = best_of(run_read, repeat), best_of(run_scan, repeat)
    t_model = best_of(run_model, repeat, forget) if model is not None else 0.0
    left = budget - t_read - t_scan - t_model
    print(f"at {BAR}x of C4 the {len(texts)} documents may take {budget * 1000:.1f} ms; before any rule filter runs:")
    print(f"  reading (lines, language)   {t_read * 1000:7.1f} ms  ({t_read / budget:.0%} of it)")
    print(f"  one trigger scan            {t_scan * 1000:7.1f} ms  ({t_scan / budget:.0%} of it)")
    print(f"  the model, every block once {t_model * 1000:7.1f} ms  ({t_model / budget:.0%} of it)")
    print(f"  left for {n_filters} rule filters over {blocks} blocks: {left * 1000:.1f} ms, "
          f"{max(left, 0) / (n_filters * blocks) * 1e6:.2f} us per filter and block (first look only)")
    out["budget_ms"], out["read_ms"], out["scan_ms"] = budget * 1000, t_read * 1000, t_scan * 1000
    out["model_floor_ms"] = t_model * 1000


def bench_triage(texts: list[str], repeat: int, p_body: float = 0.99) -> dict[str, float]:
    """The most that triage by the model can save (issue 12's plan), measured, not built: the
    model scores every block first from its text and place alone, and every rule filter is
    then shown only the blocks it scores below ``p_body`` as story prose (``Context.kept``
    without them: their whole-block rules AND their glued-part rules skipped, which an exact
    triage could not skip). Cold, alternating with plain ``clean()``, medians; and how many
    results it changes (of the 170 texts, balanced)."""
    import contextlib  # noqa: PLC0415
    from itertools import filterfalse  # noqa: PLC0415

    from cleantext import _types  # noqa: PLC0415
    from cleantext._model import load_model  # noqa: PLC0415

    model = load_model()
    if model is None:
        print("no model shipped: no triage to bound")
        return {}
    init, kept = _types.Context.__init__, _types.Context.kept
    seen = [0, 0]  # blocks looked at, blocks hidden as story prose (every look counted)

    def triaged_init(self: Any, doc: Any, *a: Any, **k: Any) -> None:
        init(self, doc, *a, **k)
        self._prose = frozenset()
        if doc.format == "text" and len(doc.blocks) >= 5 and any(b.words >= 25 for b in doc.blocks):
            p = model.score_blocks(doc, [{}] * len(doc.blocks))[:, model.body].tolist()
            self._prose = frozenset(i for i, x in enumerate(p) if x >= p_body)
        seen[0] += len(doc.blocks)
        seen[1] += len(self._prose)

    def triaged_kept(self: Any) -> Any:
        if not self._prose or self.filter_name == "model":
            return kept(self)
        gone = self._removed | self._prose
        return map(self.doc.blocks.__getitem__, filterfalse(gone.__contains__, range(len(self.doc.blocks))))

    @contextlib.contextmanager
    def triage() -> Any:
        _types.Context.__init__, _types.Context.kept = triaged_init, triaged_kept  # type: ignore[method-assign]
        try:
            yield
        finally:
            _types.Context.__init__, _types.Context.kept = init, kept  # type: ignore[method-assign]

    opts = Options(format="text")

    def run() -> list[str]:
        return [clean(t, options=opts).text for t in texts]

    plain_out = run()
    with triage():
        tri_out = run()
    share = seen[1] / max(seen[0], 1)
    changed = sum(a != b for a, b in zip(plain_out, tri_out))
    try:
        from datatrove.data import Document
        from datatrove.pipeline.filters.c4_filters import C4QualityFilter
    except ImportError:
        print("datatrove is not installed: no C4 yardstick (pip install datatrove)")
        return {}
    c4f = C4QualityFilter(filter_no_terminal_punct=False, min_num_sentences=-1)
    plain_t: list[float] = []
    tri_t: list[float] = []
    c4_t: list[float] = []
    for _ in range(max(repeat, 5)):
        t0 = time.process_time()
        for i, t in enumerate(texts):
            c4f.filter(Document(text=t, id=str(i)))
        c4_t.append(time.process_time() - t0)
        forget()
        t0 = time.process_time()
        run()
        plain_t.append(time.process_time() - t0)
        with triage():
            forget()
            t0 = time.process_time()
            run()
            tri_t.append(time.process_time() - t0)
    a, b, c4 = statistics.median(plain_t), statistics.median(tri_t), statistics.median(c4_t)
    print(f"CPU time, medians of {len(c4_t)} alternating cold runs; C4's line rules {c4 * 1000:.1f} ms")
    print(f"triage bound (blocks the model scores p(body) >= {p_body} from text and place alone hidden from every rule filter):")
    print(f"  clean() as shipped   {a * 1000:7.1f} ms   {c4 / a:.3f}x C4's line rules")
    print(f"  with the triage      {b * 1000:7.1f} ms   {c4 / b:.3f}x C4   ({b / a:.2f} of the time; "
          f"{share:.0%} of the blocks looked at hidden)")
    print(f"  results changed: {changed} of {len(texts)} texts (glued parts in story paragraphs left in: an exact triage keeps their checks)")
    return {"plain_ms": a * 1000, "triage_ms": b * 1000, "c4_ms": c4 * 1000, "changed": changed, "hidden": share}


STAGE_ORDER = ("read: input", "read: segment", "read: language", "trigger scan")


def bench_profile(repeat: int) -> dict[str, float]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import _stages  # noqa: PLC0415
    from cleantext import Pipeline  # noqa: PLC0415

    with open(DEV, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    texts = [r["text"] for r in records]
    size = mb(texts)
    opts = Options(format="text")
    clean(texts[0], options=opts)
    c4 = _c4_lines_seconds(texts, repeat)
    med, total, plain, looks = _stages.profile(texts, repeat)
    names = Pipeline.default().names
    first = list(STAGE_ORDER) + [f"filter {n}" for n in names] + [
        "pipeline: find loop", "pipeline: record", "resolve: accept, cap", "resolve: ledger",
        "result: replay", "result: metadata", "other"]
    later = {f"filter {n}": f"later looks: filter {n}" for n in names}
    later.update({k: "later looks: " + k.split(": ", 1)[1] for k in
                  ("pipeline: find loop", "pipeline: record", "resolve: accept, cap")})
    later["trigger scan"] = "later looks: trigger scan"
    later["read: segment"] = "later looks: segment"
    later["result: replay"] = "later looks: map back"
    first += sorted(k for k in med if k not in first and k not in later.values())
    c4_txt = f"C4 line rules {c4 * 1000:.1f} ms ({size / c4:.1f} MB/s)" if c4 else "C4 not run"
    print(f"profile of clean() over the {len(texts)} dev texts ({size:.2f} MB), median of {repeat} runs; "
          f"{looks} looks ({looks / len(texts):.2f} per document); {c4_txt} in the same run")
    print("  (ms; 'later' = the looks at the clean text, 'x C4' = the stage's time over C4's whole run;"
          " 'replay' in the later column is the mapping of their findings back)")
    print(f"  {'stage':<26}{'first look':>11}{'later':>8}{'all':>8}{'share':>8}{'x C4':>8}")
    sums = [0.0, 0.0]
    for k in first:
        a, b = med.get(k, 0.0), med.get(later.get(k, ""), 0.0)
        if a == 0.0 and b == 0.0 and k not in STAGE_ORDER:
            continue
        sums[0] += a
        sums[1] += b
        rel = f"{(a + b) / c4:7.2f}x" if c4 else ""
        print(f"  {k:<26}{a * 1000:11.1f}{b * 1000:8.1f}{(a + b) * 1000:8.1f}{(a + b) / total:8.1%} {rel}")
    print(f"  {'total, instrumented':<26}{sums[0] * 1000:11.1f}{sums[1] * 1000:8.1f}{total * 1000:8.1f}")
    ratio = f", cleantext/C4 = {size / plain / (size / c4):.3f}x" if c4 else ""
    print(f"  {'total, plain clean()':<34}{plain * 1000:8.1f}   ({size / plain:.2f} MB/s{ratio})")
    out = {f"stage_ms:{k}": v * 1000 for k, v in med.items()}
    out.update(instrumented_ms=total * 1000, plain_ms=plain * 1000, c4_lines_ms=c4 * 1000)
    costs = _stages.block_costs(records, repeat)
    print(f"cost of a block (what it adds to its document, blocks joined by blank lines; whole set "
          f"{costs['full_ms']:.1f} ms): body prose {costs['body_us_per_block']:.0f} us/block "
          f"({costs['body_us_per_kb']:.0f} us/KB, {costs['body_blocks']} blocks); boilerplate "
          f"{costs['boiler_us_per_block']:.0f} us/block ({costs['boiler_us_per_kb']:.0f} us/KB, {costs['boiler_blocks']} blocks)")
    out.update({f"block:{k}": float(v) for k, v in costs.items()})
    return out


def _c4_lines_seconds(texts: list[str], repeat: int) -> float:
    """Median seconds of datatrove's C4 line rules over the texts (0.0 without datatrove)."""
    try:
        from datatrove.data import Document
        from datatrove.pipeline.filters.c4_filters import C4QualityFilter
    except ImportError:
        return 0.0
    f = C4QualityFilter(filter_no_terminal_punct=False, min_num_sentences=-1)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for i, t in enumerate(texts):
            f.filter(Document(text=t, id=str(i)))
        times.append(time.perf_counter() - t0)
    return sorted(times)[len(times) // 2]


def bench_html(repeat: int) -> dict[str, float]:
    """cleantext and trafilatura on the Scrapinghub pages (raw bytes in, text and metadata out,
    as ``quality_html.py`` scores them), CPU time, alternating ``repeat`` times; medians."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import quality_html  # noqa: PLC0415

    docs = [d.html for d in quality_html.load_scrapinghub(ROOT.parent / "shared" / "eval")]
    tools = {"cleantext": quality_html.tool_cleantext("balanced")}
    try:
        tools["trafilatura"] = quality_html.tool_trafilatura()
    except ImportError:
        print("trafilatura is not installed: no HTML yardstick (pip install -e .[bench])")
    for run in tools.values():
        run(docs[0])  # imports, compiled patterns, the model
    times: dict[str, list[float]] = {k: [] for k in tools}
    for _ in range(repeat):
        for name, run in tools.items():
            forget()
            t0 = time.process_time()
            for html in docs:
                run(html)
            times[name].append(time.process_time() - t0)
    med = {k: statistics.median(v) for k, v in times.items()}
    out = {f"{k}_docs_s": len(docs) / v for k, v in med.items()}
    line = "  ".join(f"{k} {len(docs) / v:6.1f} docs/s" for k, v in med.items())
    ratio = f";  cleantext/trafilatura = {med['trafilatura'] / med['cleantext']:.2f}x" if "trafilatura" in med else ""
    print(f"HTML, Scrapinghub ({len(docs)} pages), CPU time, median of {repeat}:  {line}{ratio}")
    return out


def bench_sizes(texts: list[str]) -> dict[str, float]:
    joined: list[str] = []
    total = 0
    i = 0
    while total < 10_000_000:
        t = texts[i % len(texts)]
        joined.append(t)
        total += len(t.encode("utf-8")) + 2
        i += 1
    big = "\n\n".join(joined)
    out: dict[str, float] = {}
    opts = Options(format="text")
    clean(texts[0], options=opts)
    for label, n in (("1 KB", 1_000), ("100 KB", 100_000), ("1 MB", 1_000_000), ("10 MB", 10_000_000)):
        # consecutive documents of about n bytes (cut at line ends) covering the same first
        # megabyte (or all ten), so every size is timed on the same mix of text
        cover = min(len(big), max(n, 1_000_000))
        docs: list[str] = []
        pos = 0
        while pos < cover:
            cut = big.rfind("\n", pos, pos + n) if pos + n < len(big) else len(big)
            if cut <= pos:
                cut = min(len(big), pos + n)
            docs.append(big[pos:cut])
            pos = cut + 1
        size = sum(len(d.encode("utf-8")) for d in docs) / 1e6

        def run(docs: list[str] = docs) -> None:
            for d in docs:
                clean(d, options=opts)

        t = best_of(run, 1 if n >= 10_000_000 else 2, forget)
        out[label] = t / size
        print(f"{label:>7}: {len(docs):5d} docs, {size:5.2f} MB  {t / len(docs) * 1000:10.1f} ms/doc  {t / size:7.3f} s/MB")
    print(f"10 MB s/MB over 100 KB s/MB = {out['10 MB'] / out['100 KB']:.2f}x (bar: <= 1.5x)")
    return out


def _write_stream(path: Path, texts: list[str], copies: int, pad: int = 0) -> int:
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for c in range(copies):
            for i, t in enumerate(texts):
                rec: dict[str, object] = {"id": f"{c}-{i}", "text": t}
                if pad:
                    rec["raw"] = "x" * pad
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
    return n


def _cli(args: list[str]) -> list[str]:
    return [sys.executable, "-m", "cleantext", *args]


def _env() -> dict[str, str]:
    e = dict(os.environ)
    e["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + e.get("PYTHONPATH", "")
    return e


def bench_jobs(texts: list[str], copies: int) -> dict[str, float]:
    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as d:
        src = Path(d) / "in.jsonl"
        n = _write_stream(src, texts, copies)
        size = src.stat().st_size / 1e6
        import resource

        for jobs in (1, 2):
            r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            subprocess.run(_cli(["--jsonl", "-j", str(jobs), str(src), "-o", os.devnull]), check=True, env=_env())
            t = time.perf_counter() - t0
            r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
            out[f"j{jobs}"], out[f"cpu{jobs}"] = t, cpu
            print(f"--jsonl -j {jobs}: {n} docs, {size:.1f} MB in {t:6.2f} s  ({n / t:7.1f} docs/s, {size / t:6.3f} MB/s), "
                  f"{cpu:.2f} CPU-s ({cpu / t:.2f} cores busy)")
    print(f"-j 2 speed-up over -j 1: {out['j1'] / out['j2']:.2f}x wall clock (bar: >= 1.8x); {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}")
    # With the cores to itself, -j 2 would take (its CPU time / 2); other processes on the
    # machine make the wall clock ratio say more about them than about cleantext.
    print(f"CPU cost of -j 2 over -j 1: {out['cpu2'] / out['cpu1']:.2f}x; speed-up on two free cores "
          f"= 2 x cpu1/cpu2 = {2 * out['cpu1'] / out['cpu2']:.2f}x")
    return out


def _tree_rss_kib(pid: int) -> int:
    total = 0
    pids = [pid]
    seen = set()
    while pids:
        p = pids.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            with open(f"/proc/{p}/task/{p}/children") as fh:
                pids.extend(int(x) for x in fh.read().split())
        except OSError:
            pass
    return total


def bench_memory(texts: list[str], target_mb: int, jobs: int) -> dict[str, float]:
    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as d:
        src = Path(d) / "in.jsonl"
        # real texts to clean, each with a 30 KB field passed through: a long stream that is
        # quick enough to clean for a benchmark
        per = mb(texts) + 0.03 * len(texts)
        copies = max(1, int(target_mb / per) + 1)
        n = _write_stream(src, texts, copies, pad=30_000)
        size = src.stat().st_size / 1e6
        proc = subprocess.Popen(_cli(["--jsonl", "--no-ledger", "-j", str(jobs), str(src), "-o", os.devnull]), env=_env())
        samples: list[tuple[float, int]] = []
        t0 = time.perf_counter()

        def sample() -> None:
            while proc.poll() is None:
                samples.append((time.perf_counter() - t0, _tree_rss_kib(proc.pid)))
                time.sleep(0.2)

        th = threading.Thread(target=sample)
        th.start()
        proc.wait()
        th.join()
        t = time.perf_counter() - t0
        if not samples:
            print("memory: the run was too short to sample")
            return out
        q = max(1, len(samples) // 4)
        first = max(r for _, r in samples[:q]) / 1024
        last = max(r for _, r in samples[-q:]) / 1024
        peak = max(r for _, r in samples) / 1024
        out.update(peak_mib=peak, first_quarter_mib=first, last_quarter_mib=last, stream_mb=size)
        print(f"memory, -j {jobs}: {n} records, {size:.0f} MB streamed in {t:.0f} s; peak RSS of the process tree "
              f"{peak:.0f} MiB (first quarter {first:.0f} MiB, last quarter {last:.0f} MiB, "
              f"median {statistics.median(r for _, r in samples) / 1024:.0f} MiB)")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", choices=("plain", "profile", "html", "sizes", "jobs", "memory", "triage"), action="append")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--warm", action="store_true",
                    help="keep the package's caches of block texts between timed runs over the same texts "
                    "(by default each run starts without them: users clean new texts)")
    ap.add_argument("--copies", type=int, default=32,
                    help="dev-set copies in the -j stream (32: 22 MB, so that the fixed start-up of each run, "
                    "imports and compiling the phrase lists, about 0.3 s, is not a tenth of what is timed)")
    ap.add_argument("--memory-mb", type=int, default=210)
    ap.add_argument("--memory-jobs", type=int, default=2)
    args = ap.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import _stages  # noqa: PLC0415

    _stages.COLD[0] = not args.warm
    parts = args.only or ["plain", "profile", "html", "sizes", "jobs", "memory"]
    texts = load_texts()
    print(f"dev set: {len(texts)} texts, {mb(texts):.2f} MB; python {sys.version.split()[0]}; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs\n")
    if "plain" in parts:
        bench_plain(texts, args.repeat)
        print()
    if "profile" in parts:
        bench_profile(max(args.repeat, 5))
        print()
    if "html" in parts:
        bench_html(args.repeat)
        print()
    if "sizes" in parts:
        bench_sizes(texts)
        print()
    if "jobs" in parts:
        bench_jobs(texts, args.copies)
        print()
    if "memory" in parts:
        bench_memory(texts, args.memory_mb, args.memory_jobs)
    if "triage" in parts and args.only:  # a measurement for a decision, not part of the default run
        bench_triage(texts, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
