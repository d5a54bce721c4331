"""The command line under fault: a 1 GB stream killed, interrupted and resumed loses nothing.

    python benchmarks/resume.py              # 1 GB (about three passes over it; needs ~4 GB of /tmp)
    python benchmarks/resume.py --mb 100

1. A reference run of ``cleantext --jsonl -j 2`` over the whole stream.
2. The same run, killed with SIGKILL part way (no clean-up at all: a partial last line),
   resumed with ``--resume``; during the resumed run one worker process is killed; then it is
   interrupted with SIGINT (Ctrl-C) and resumed again to the end.
3. The output must be byte for byte the reference: nothing lost, nothing duplicated.

The records are written here (no eval data): a short article with boilerplate to clean, and
a large field passed through untouched, so the stream is long but quick to clean.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

STORY = (
    "By Ann Smith | March 3, 2021 | 9:15am EST\n\n"
    "The harbour authority said on {day} that the north pier would reopen after repairs costing {n} thousand.\n\n"
    "Sign up for our newsletter to get the day's news.\n\n"
    "Fishermen welcomed the decision, saying the closure had cost them a season of work.\n"
)


def env() -> dict[str, str]:
    e = dict(os.environ)
    e["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + e.get("PYTHONPATH", "")
    return e


def cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "cleantext", "--jsonl", "-j", "2", "--no-ledger", *args]


def sha(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 22):
            h.update(chunk)
    return h.hexdigest()


def lines(path: Path) -> int:
    n = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 22):
            n += chunk.count(b"\n")
    return n


def wait_size(path: Path, size: int, proc: subprocess.Popen[bytes]) -> None:
    while proc.poll() is None and (not path.exists() or path.stat().st_size < size):
        time.sleep(0.05)


def children(pid: int) -> list[int]:
    try:
        return [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=int, default=1024)
    ap.add_argument("--pad", type=int, default=100_000, help="bytes of the untouched field per record")
    args = ap.parse_args()
    days = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
    with tempfile.TemporaryDirectory() as d:
        src, ref, out = Path(d) / "in.jsonl", Path(d) / "ref.jsonl", Path(d) / "out.jsonl"
        n = 0
        t0 = time.perf_counter()
        with open(src, "w", encoding="utf-8") as fh:
            while fh.tell() < args.mb * 1_000_000:
                rec = {"id": n, "text": STORY.format(day=days[n % 5], n=n), "raw": chr(97 + n % 26) * args.pad}
                if n % 997 == 5:
                    fh.write("this line is not JSON\n")
                else:
                    fh.write(json.dumps(rec) + "\n")
                n += 1
        size = src.stat().st_size
        print(f"stream: {n} lines, {size / 1e6:.0f} MB (written in {time.perf_counter() - t0:.0f} s)")

        t0 = time.perf_counter()
        p = subprocess.run(cmd(str(src), "-o", str(ref)), env=env(), stderr=subprocess.DEVNULL, check=False)
        t_ref = time.perf_counter() - t0
        print(f"reference run: exit {p.returncode}, {lines(ref)} lines, {ref.stat().st_size / 1e6:.0f} MB in {t_ref:.0f} s")
        ref_size = ref.stat().st_size

        # 1. killed outright at about 30%
        proc = subprocess.Popen(cmd(str(src), "-o", str(out)), env=env(), stderr=subprocess.DEVNULL, start_new_session=True)
        wait_size(out, int(ref_size * 0.3), proc)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        with open(out, "rb") as fh:
            fh.seek(max(0, out.stat().st_size - 1))
            partial = fh.read(1) != b"\n"
        print(f"killed (SIGKILL) with {lines(out)} complete lines, {out.stat().st_size} bytes "
              f"({'a partial last line' if partial else 'ending on a line end'})")

        # 2. resumed; one worker killed at about 45%; Ctrl-C at about 65%
        proc = subprocess.Popen(cmd("--resume", str(src), "-o", str(out)), env=env(), stderr=subprocess.PIPE,
                                start_new_session=True)
        wait_size(out, int(ref_size * 0.45), proc)
        kids = children(proc.pid)
        if kids:
            os.kill(kids[0], signal.SIGKILL)
            print(f"killed worker {kids[0]} at {lines(out)} lines")
        wait_size(out, int(ref_size * 0.65), proc)
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate()
        print(f"interrupted (SIGINT): exit {proc.returncode}, {lines(out)} lines, traceback: {b'Traceback' in err}")

        # 3. resumed to the end
        p = subprocess.run(cmd("--resume", str(src), "-o", str(out)), env=env(), stderr=subprocess.DEVNULL, check=False)
        same = sha(out) == sha(ref)
        print(f"resumed to the end: exit {p.returncode}, {lines(out)} lines; identical to the reference: {same}")
        return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
