"""The synthetic benchmark profiles the benchmark scripts share.

`generated_profile(stacks)` returns `.build/bench/profile-STACKS.folded`,
writing it first with `../shared/bench/gen_profile.py STACKS` when it is
missing or empty. It is written under a temporary name and renamed, so an
interrupted run never leaves a partial profile that a later run would use.
"""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT.parent / "shared" / "bench" / "gen_profile.py"
BENCH = ROOT / ".build" / "bench"


def generated_profile(stacks):
    path = BENCH / f"profile-{stacks}.folded"
    if path.is_file() and path.stat().st_size > 0:
        return path
    BENCH.mkdir(parents=True, exist_ok=True)
    print(f"generating {path.relative_to(ROOT)} ({stacks} stacks)...", flush=True)
    partial = path.with_suffix(".partial")
    with open(partial, "wb") as out:
        status = subprocess.run([sys.executable, str(GENERATOR), str(stacks)],
                                cwd=ROOT, stdout=out).returncode
    if status or partial.stat().st_size == 0:
        sys.exit("gen_profile.py failed")
    partial.replace(path)
    return path
