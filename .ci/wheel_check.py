"""Check an installed wheel of cleantext-news: its files and its console script (run by .ci/wheel).

Run with the python of the environment the wheel was installed into, from outside the clone:

    python .ci/wheel_check.py CLONE

1. Every file git tracks under ``src/cleantext`` (modules, phrase lists, ``py.typed``, the model
   files under ``model/``) is in the installed package, byte for byte: a data file missing from
   ``package-data`` fails here, not on a user's machine.
2. The ``cleantext`` console script cleans the seed article as
   ``fixtures/seed/cnsnews-2020-03-13.expected.json`` says (title, authors, date, captions, the
   body's start and end, the donation and newsletter text gone: those need the phrase lists).
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def fail(msg: str) -> None:
    print(f"wheel check: FAILED: {msg}", file=sys.stderr)
    sys.exit(1)


def main() -> None:
    clone = Path(sys.argv[1]).resolve()
    spec = importlib.util.find_spec("cleantext")
    if spec is None or spec.origin is None:
        fail("cleantext is not installed in this environment")
        return
    installed = Path(spec.origin).parent
    if clone in installed.parents:
        fail(f"cleantext is imported from the clone ({installed}), not from the installed wheel")

    tracked = subprocess.run(
        ["git", "-C", str(clone), "ls-files", "-z", "src/cleantext"], check=True, capture_output=True
    ).stdout.decode().split("\0")
    tracked = [t for t in tracked if t]
    if not tracked:
        fail("git lists no file under src/cleantext")
    missing, differ = [], []
    for rel in tracked:
        src = clone / rel
        dst = installed / Path(rel).relative_to("src/cleantext")
        if not dst.is_file():
            missing.append(rel)
        elif dst.read_bytes() != src.read_bytes():
            differ.append(rel)
    if missing:
        fail(f"{len(missing)} tracked file(s) not in the wheel (package-data?): {', '.join(missing)}")
    if differ:
        fail(f"{len(differ)} file(s) differ from the clone: {', '.join(differ)}")
    n_data = sum(1 for t in tracked if not t.endswith(".py"))
    n_model = sum(1 for t in tracked if t.startswith("src/cleantext/model/"))
    print(f"wheel check: all {len(tracked)} tracked files ship ({n_data} data files, {n_model} under model/)")

    seed = clone / "fixtures" / "seed"
    exp = json.loads((seed / "cnsnews-2020-03-13.expected.json").read_text(encoding="utf-8"))
    script = shutil.which("cleantext", path=str(Path(sys.executable).parent))
    if script is None:
        fail(f"no cleantext console script beside {sys.executable}")
        return
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    with tempfile.TemporaryDirectory() as cwd:  # away from the clone's src/
        proc = subprocess.run(
            [script, "--json", str(seed / exp["input"])], cwd=cwd, env=env, capture_output=True, text=True
        )
    if proc.returncode != 0:
        fail(f"cleantext exited {proc.returncode}: {proc.stderr}")
    out = json.loads(proc.stdout)
    md, text = out["metadata"], out["text"]
    want = exp["metadata"]
    checks = {
        "title": md["title"] == want["title"],
        "authors": md["authors"] == want["authors"],
        "published": md["published"] == want["published"],
        "captions": md["captions"] == want["captions"],
        "text_starts": text.startswith(exp["text_starts"]),
        "text_ends": text.endswith(exp["text_ends"]),
        "text_contains": all(s in text for s in exp["text_contains"]),
        "text_lacks": all(s not in text for s in exp["text_lacks"]),
        "removed categories": {r["category"] for r in out["removed"]} >= {"donation", "newsletter", "byline", "caption"},
    }
    bad = [k for k, ok in checks.items() if not ok]
    if bad:
        fail(f"the seed article came out wrong from the installed console script: {', '.join(bad)}")
    print(f"wheel check: the console script cleans the seed article as expected ({len(out['removed'])} removals)")


if __name__ == "__main__":
    main()
