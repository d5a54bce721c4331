"""Two checkouts timed against each other and against C4 in the same run, alternating.

    python benchmarks/compare_speed.py /work/main /work/wt-speed [--warm]

Each checkout's ``clean()`` runs over the 170 dev texts in a fresh process (best of 3 passes,
CPU time, which other processes on a busy machine disturb less than the wall clock), the
checkouts alternating 5 times (each pass cold: the package's caches of block texts emptied
before it, as ``speed.py`` does; ``--warm`` keeps them) with datatrove's C4 line rules (FineWeb setting, no tokenizer);
medians are printed with the ratio to C4. For before/after figures on a shared, noisy machine.
The eval data is only read here, never copied into the repository.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
from pathlib import Path

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "plaintext-news" / "dev.jsonl"

_CLEAN = r'''
import json, sys, time
sys.path.insert(0, sys.argv[1] + "/src")
from cleantext import Options, clean
texts = [json.loads(line)["text"] for line in open(sys.argv[2], encoding="utf-8")]
o = Options(format="text")
for t in texts:
    clean(t, options=o)


def forget():  # cold: the package's caches of block texts emptied (as speed.py does)
    for name, mod in list(sys.modules.items()):
        if name.startswith("cleantext"):
            for v in list(vars(mod).values()):
                info = getattr(v, "cache_info", None)
                if info is not None and hasattr(v, "cache_clear") and info().maxsize not in (None, 1):
                    v.cache_clear()
    m = sys.modules.get("cleantext._model")
    loaded = m.load_model() if m is not None and hasattr(m, "load_model") else None
    if loaded is not None and hasattr(loaded, "_text_rows"):
        loaded._text_rows.clear()


cold = sys.argv[3] == "cold"
ts = []
for _ in range(3):
    if cold:
        forget()
    t0 = time.process_time()
    for t in texts:
        clean(t, options=o)
    ts.append(time.process_time() - t0)
print(min(ts), sum(len(t.encode("utf-8")) for t in texts) / 1e6)
'''

_C4 = r'''
import json, sys, time
from datatrove.data import Document
from datatrove.pipeline.filters.c4_filters import C4QualityFilter
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
f = C4QualityFilter(filter_no_terminal_punct=False, min_num_sentences=-1)
ts = []
for _ in range(3):
    t0 = time.process_time()
    for i, t in enumerate(texts):
        f.filter(Document(text=t, id=str(i)))
    ts.append(time.process_time() - t0)
print(min(ts))
'''


def main() -> int:
    args = sys.argv[1:]
    warm = "--warm" in args
    roots = [a for a in args if a != "--warm"]
    if not roots:
        print(__doc__)
        return 2
    res: dict[str, list[float]] = {r: [] for r in roots}
    c4: list[float] = []
    size = 0.0
    for _ in range(5):
        for r in roots:
            out = subprocess.run([sys.executable, "-c", _CLEAN, r, str(DEV), "warm" if warm else "cold"],
                                 capture_output=True, text=True, check=True)
            t, size = (float(x) for x in out.stdout.split())
            res[r].append(t)
        c4.append(float(subprocess.run([sys.executable, "-c", _C4, str(DEV)], capture_output=True, text=True, check=True).stdout))
    mc = statistics.median(c4)
    print(f"C4 line rules: median {mc * 1000:.1f} ms ({size / mc:.1f} MB/s)")
    for r in roots:
        m = statistics.median(res[r])
        print(f"{r}: median {m * 1000:.0f} ms ({size / m:.2f} MB/s), {mc / m:.3f}x C4; "
              f"runs {[round(x * 1000) for x in res[r]]} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
