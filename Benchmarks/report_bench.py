#!/usr/bin/env python3
"""Time `flamegraph report` against our SVG render of the same profile.

usage: Benchmarks/report_bench.py [--no-build] [--stacks N] [--runs N] [--binary PATH]

Steps:
  1. `swift build -c release --static-swift-stdlib --product flamegraph` in the repository root
     (skipped with --no-build).
  2. Generate a synthetic folded profile with ../shared/bench/gen_profile.py N
     (default 200,000 stacks, ~140 MB) into .build/bench/profile-N.folded; an
     existing non-empty file is reused (Benchmarks/bench.py makes the same one).
  3. Alternate, --runs times: the SVG (`flamegraph PROFILE -o ours.svg`), the PDF
     report (`flamegraph report PROFILE -o report.pdf`) and its PNG pages
     (`-o report.png`), each as a whole process, with a pause between runs.
  4. Print median wall times, peak memory, and one machine-readable line:
     report_ratio=1.4 report_seconds=1.10 svg_seconds=0.78 png_ratio=1.6 pages=7
     The target is report_ratio <= 3.

All paths are relative to the repository root (the parent of this script's folder).
"""
import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "bench"
BENCH = ROOT / ".build" / "bench"
MIB = 1024 * 1024


def fail(message):
    print("report_bench: " + message, file=sys.stderr)
    sys.exit(1)


def run_measured(argv, log):
    """Run argv from the repository root: (seconds, peak bytes, exit status)."""
    with open(log, "wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
    peak = usage.ru_maxrss if sys.platform == "darwin" else usage.ru_maxrss * 1024
    return seconds, peak, process.returncode


def make_input(stacks):
    path = BENCH / f"profile-{stacks}.folded"
    if path.is_file() and path.stat().st_size > 0:
        return path
    print(f"generating {path.relative_to(ROOT)} ({stacks} stacks)...", flush=True)
    partial = path.with_suffix(".partial")
    with open(partial, "wb") as out:
        status = subprocess.run(
            [sys.executable, str(SHARED / "gen_profile.py"), str(stacks)], cwd=ROOT, stdout=out
        ).returncode
    if status or partial.stat().st_size == 0:
        fail("gen_profile.py failed")
    partial.replace(path)
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--stacks", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--binary", default=str(ROOT / ".build" / "release" / "flamegraph"))
    args = parser.parse_args()
    BENCH.mkdir(parents=True, exist_ok=True)
    if not args.no_build:
        if subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "flamegraph"], cwd=ROOT).returncode:
            fail("swift build failed")
    profile = make_input(args.stacks)
    for stale in BENCH.glob("report-*.png"):
        stale.unlink()
    cases = {
        "svg": [args.binary, str(profile), "-o", str(BENCH / "ours.svg")],
        "report": [args.binary, "report", str(profile), "-o", str(BENCH / "report.pdf")],
        "png": [args.binary, "report", str(profile), "-o", str(BENCH / "report.png")],
    }
    times = {name: [] for name in cases}
    peaks = {name: 0 for name in cases}
    environment_date = os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    for round_number in range(1, args.runs + 1):
        for name, argv in cases.items():
            os.sync()
            time.sleep(1.0)
            seconds, peak, status = run_measured(argv, BENCH / f"report-bench-{name}.log")
            if status:
                fail(f"{name} exited with {status}; see {BENCH / f'report-bench-{name}.log'}")
            times[name].append(seconds)
            peaks[name] = max(peaks[name], peak)
            print(f"  {name} run {round_number}: {seconds:.3f} s, {peak / MIB:.0f} MiB", flush=True)
    pdf = BENCH / "report.pdf"
    if not pdf.is_file() or pdf.stat().st_size == 0:
        fail("the report is missing")
    pages = len(list(BENCH.glob("report-*.png")))
    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"input: {profile.stat().st_size / MIB:.0f} MiB, {args.stacks} stacks; SOURCE_DATE_EPOCH={environment_date}")
    for name in cases:
        print(f"{name:>7}: median {median[name]:.3f} s (min {min(times[name]):.3f}, max {max(times[name]):.3f}), peak {peaks[name] / MIB:.0f} MiB")
    print(
        f"report_ratio={median['report'] / median['svg']:.2f} report_seconds={median['report']:.2f} "
        f"svg_seconds={median['svg']:.2f} png_ratio={median['png'] / median['svg']:.2f} pages={pages} "
        f"pdf_kib={pdf.stat().st_size / 1024:.0f}")


if __name__ == "__main__":
    main()
