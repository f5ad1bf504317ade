#!/usr/bin/env python3
"""Time importing a large pprof profile, plain and gzipped, against the same
stacks as folded text, in one run.

usage: Benchmarks/pprof_bench.py [--samples N] [--runs N] [--no-build] [--binary PATH]

Steps:
  1. `swift build -c release --static-swift-stdlib --product flamegraph` (skipped with --no-build).
  2. Generate a pprof profile of N samples (default 200,000; 5,000
     functions, up to 30 frames) with
     Tests/FlameGraphTests/Fixtures/pprof/make_fixtures.py --big, gzip a
     copy, and write the same stacks as folded text with our own
     `--format folded`.
  3. Time, --runs times (default 3), interleaved with a pause, whole
     processes writing the SVG: the pprof file, the gzipped one, the folded
     text. Print the medians, e.g.
     pprof_seconds=0.74 pprof_gz_seconds=0.80 folded_seconds=0.83 pprof_mib=11.5
"""
import argparse
import gzip
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAKER = ROOT / "Tests" / "FlameGraphTests" / "Fixtures" / "pprof" / "make_fixtures.py"


def timed(argv):
    started = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--samples", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--binary", default=str(ROOT / ".build" / "release" / "flamegraph"))
    args = parser.parse_args()
    if not args.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "flamegraph"],
                       cwd=ROOT, check=True)
    folder = Path(tempfile.mkdtemp(prefix="pprof-bench-"))
    try:
        profile = folder / "big.pb"
        subprocess.run([sys.executable, str(MAKER), "--big", str(profile),
                        "--samples", str(args.samples)], check=True)
        packed = folder / "big.pb.gz"
        with open(profile, "rb") as source, gzip.open(packed, "wb", compresslevel=6) as target:
            shutil.copyfileobj(source, target)
        folded = folder / "big.folded"
        subprocess.run([args.binary, str(profile), "--format", "folded", "-o", str(folded)],
                       check=True)
        inputs = {"pprof": profile, "pprof_gz": packed, "folded": folded}
        times = {name: [] for name in inputs}
        for run in range(args.runs):
            for name, path in inputs.items():
                times[name].append(timed([args.binary, str(path), "-o", str(folder / "out.svg")]))
                time.sleep(1)
            print(f"run {run + 1}: " + ", ".join(f"{n} {t[-1]:.2f} s" for n, t in times.items()))
        medians = {name: statistics.median(values) for name, values in times.items()}
        mib = profile.stat().st_size / (1 << 20)
        print(" ".join(f"{name}_seconds={value:.2f}" for name, value in medians.items())
              + f" pprof_mib={mib:.1f} folded_mib={folded.stat().st_size / (1 << 20):.1f}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
