#!/usr/bin/env python3
"""Benchmark the `flamegraph` CLI against inferno (Rust, through pyinferno).

usage: Benchmarks/bench.py [--no-build] [--stacks N] [--runs N] [--binary PATH]
       Benchmarks/bench.py --sizes 20000,200000,2000000 [--runs N]   (README table)
       Benchmarks/bench.py --repeat 10 [--stacks N]    (memory flat in input length)

Steps:
  1. `swift build -c release --static-swift-stdlib --product flamegraph` in the repository root
     (skipped with --no-build).
  2. Generate a synthetic folded profile with ../shared/bench/gen_profile.py N
     into .build/bench/profile-N.folded; an existing non-empty file is reused.
  3. Run our whole process once per case, --runs times, measuring wall time and
     the child's peak RSS (os.wait4). Median time, max RSS.
  4. Run the peer ../shared/bench/inferno_svg.py the same way; its own printed
     `inferno_seconds` (time inside inferno, file reading excluded) is used.
  5. Print a table and one machine-readable line, e.g.
     svg_speedup=2.31 our_seconds=0.35 inferno_seconds=0.81 our_peak_mib=95 input_mib=135
     and the time of `wc -l` on the same file (the floor of any reader).

--sizes renders only SVG, for each profile size in turn (runs interleaved
with inferno's as above), and prints a Markdown table of time and peak
memory against inferno's: the README's scaling table comes from it.

--repeat K writes the profile K times over into one file (the same stacks,
K times the samples) and compares our peak memory on it with the peak on the
profile itself: the tree holds distinct stacks, so memory must stay flat.

All paths are relative to the repository root (the parent of this script's
folder); the shared folder sits beside the repository. Needs
`python3 -m pip install pyinferno==0.2.6`.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from benchmark_profile import generated_profile

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "bench"
BENCH = ROOT / ".build" / "bench"
MIB = 1024 * 1024

# Our renders: (name, extra argv). The first is the reference: the inferno
# comparison uses it, the other rows report their time relative to it.
# Every case must name its output with "-o" so it can be checked.
CASES = [
    ("svg", ["-o", ".build/bench/ours.svg"]),
    ("png", ["-o", ".build/bench/ours.png"]),
    ("pdf", ["-o", ".build/bench/ours.pdf"]),
    ("json", ["-o", ".build/bench/ours.json"]),
]

# Data exports, timed only with --data-formats: the whole-tree export of the
# 200,000-stack profile writes 270 MB, whose write-back slows the runs after it.
DATA_CASES = [
    ("tree", ["-o", ".build/bench/ours.tree.json"]),
    ("speedscope", ["-o", ".build/bench/ours.speedscope.json"]),
]


def fail(msg):
    print("bench: " + msg, file=sys.stderr)
    sys.exit(1)


def settle():
    """A pause between runs, so that the write-back and freed memory of one
    program do not land on the next one."""
    os.sync()
    time.sleep(1.0)


def run_measured(argv, log):
    """Run argv from the repo root; return (seconds, peak_bytes, exit_code, output).

    stdout/stderr go to a log file rather than pipes so that the parent never
    has to read while the child runs: os.wait4 can then reap the child directly
    and hand back its own rusage (not mixed with other children).
    """
    with open(log, "w+b") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # keep Popen from re-waiting
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    # ru_maxrss is KiB on Linux, bytes on macOS.
    peak = usage.ru_maxrss if sys.platform == "darwin" else usage.ru_maxrss * 1024
    return seconds, peak, proc.returncode, text


def check_output(path, who):
    if not path.is_file() or path.stat().st_size == 0:
        fail(f"{who} produced no output (missing or empty): {path}")
    return path.stat().st_size


def output_of(args):
    if "-o" not in args:
        fail(f"case args {args} lack -o OUTPUT")
    return ROOT / args[args.index("-o") + 1]


def build():
    print("building: swift build -c release --static-swift-stdlib --product flamegraph", flush=True)
    if subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "flamegraph"], cwd=ROOT).returncode:
        fail("swift build failed")


def make_input(stacks):
    return generated_profile(stacks)


def run_ours(binary, inp, name, args, round_number):
    """One run of our tool for one case: (seconds, peak bytes, output bytes)."""
    out = output_of(args)
    out.unlink(missing_ok=True)  # a stale file must not pass the check
    secs, peak, rc, text = run_measured([str(binary), str(inp)] + args, BENCH / f"ours-{name}.log")
    if rc:
        fail(f"flamegraph ({name}) exited with {rc}:\n{text}")
    size = check_output(out, f"flamegraph ({name})")
    print(f"  ours {name} run {round_number}: {secs:.3f} s, {peak / MIB:.0f} MiB", flush=True)
    return secs, peak, size


def run_inferno(inp, round_number):
    """One run of the peer: (inferno's own seconds, peak bytes, output bytes)."""
    out = BENCH / "inferno.svg"
    out.unlink(missing_ok=True)
    _, peak, rc, text = run_measured(
        ["python3", str(SHARED / "inferno_svg.py"), str(inp), str(out)], BENCH / "inferno.log")
    if rc:
        if "pyinferno" in text and "not installed" in text:
            fail("pyinferno is missing; install it with:\n"
                 "  python3 -m pip install pyinferno==0.2.6")
        fail(f"inferno_svg.py exited with {rc}:\n{text}")
    m = re.search(r"^inferno_seconds\s+([0-9.]+)", text, re.M)
    if not m:
        fail(f"inferno_svg.py printed no inferno_seconds line:\n{text}")
    size = check_output(out, "inferno")
    print(f"  inferno run {round_number}: {float(m.group(1)):.3f} s, {peak / MIB:.0f} MiB", flush=True)
    return float(m.group(1)), peak, size


def time_wc(inp, runs):
    """Median seconds of `wc -l` on the file: the cost of merely scanning it."""
    times = []
    for _ in range(runs):
        settle()
        secs, _, rc, text = run_measured(["wc", "-l", str(inp)], BENCH / "wc.log")
        if rc:
            fail(f"wc -l exited with {rc}:\n{text}")
        times.append(secs)
    return statistics.median(times)


def make_repeated(inp, times):
    """The profile written `times` times over into one file."""
    path = BENCH / f"{inp.stem}-x{times}.folded"
    if path.is_file() and path.stat().st_size == inp.stat().st_size * times:
        return path
    print(f"writing {path.relative_to(ROOT)} ({times} copies)...", flush=True)
    tmp = path.with_suffix(".partial")
    # Streamed: a child forked while this process holds the whole profile
    # would count those pages in its own peak.
    with open(tmp, "wb") as out:
        for _ in range(times):
            with open(inp, "rb") as source:
                shutil.copyfileobj(source, out, 1 << 20)
    tmp.replace(path)
    return path


def scaling_table(binary, sizes, runs):
    """SVG time and peak memory against inferno's for each size: Markdown."""
    rows = []
    for stacks in sizes:
        inp = make_input(stacks)
        ours, theirs = [], []
        for round_number in range(1, runs + 1):
            settle()
            ours.append(run_ours(binary, inp, "svg", CASES[0][1], round_number))
            settle()
            theirs.append(run_inferno(inp, round_number))
        our_secs, our_peak, _ = summarize(ours)
        inf_secs, inf_peak, _ = summarize(theirs)
        rows.append((stacks, inp.stat().st_size / MIB, our_secs, inf_secs, our_peak / MIB, inf_peak / MIB))
    print("\n| stacks | input | ours | inferno | speedup | our peak | inferno peak | our peak / input |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for stacks, mib, ours_s, inf_s, our_mib, inf_mib in rows:
        print(f"| {stacks:,} | {mib:,.0f} MiB | {ours_s:.2f} s | {inf_s:.2f} s | {inf_s / ours_s:.2f}x "
              f"| {our_mib:,.0f} MiB | {inf_mib:,.0f} MiB | {our_mib / mib:.2f} |")
    for smaller, larger in zip(rows, rows[1:]):
        print(f"{larger[0] / smaller[0]:.0f} times the stacks: {larger[2] / smaller[2]:.2f} times "
              f"our time, {larger[3] / smaller[3]:.2f} times inferno's")


def repeat_check(binary, inp, times, runs):
    """Peak memory on K copies of the profile against the profile itself."""
    repeated = make_repeated(inp, times)
    single, many = [], []
    for round_number in range(1, runs + 1):
        settle()
        single.append(run_ours(binary, inp, "svg", CASES[0][1], round_number))
        settle()
        many.append(run_ours(binary, repeated, "svg", CASES[0][1], round_number))
    single_secs, single_peak, _ = summarize(single)
    many_secs, many_peak, _ = summarize(many)
    ratio = many_peak / single_peak
    print(f"\n{inp.name}: {single_secs:.3f} s, {single_peak / MIB:.0f} MiB peak; "
          f"{times} copies ({repeated.stat().st_size / MIB:,.0f} MiB): {many_secs:.3f} s, "
          f"{many_peak / MIB:.0f} MiB peak")
    print(f"repeat_peak_ratio={ratio:.2f} repeat_time_ratio={many_secs / single_secs:.2f}")


def summarize(samples):
    """Median seconds, largest peak and the output size over runs."""
    return (statistics.median(s[0] for s in samples), max(s[1] for s in samples), samples[-1][2])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-build", action="store_true", help="skip swift build")
    ap.add_argument("--stacks", type=int, default=200000, help="profile size (default 200000)")
    ap.add_argument("--runs", type=int, default=3, help="runs per program (default 3)")
    ap.add_argument("--data-formats", action="store_true",
                    help="also time the tree and speedscope exports")
    ap.add_argument("--binary", default=".build/release/flamegraph",
                    help="our binary, relative to the repository root (default %(default)s)")
    ap.add_argument("--sizes", help="comma-separated profile sizes: print the scaling table")
    ap.add_argument("--repeat", type=int, help="check memory on the profile written K times over")
    opts = ap.parse_args()
    if opts.runs < 1 or opts.stacks < 1:
        fail("--runs and --stacks must be positive")

    BENCH.mkdir(parents=True, exist_ok=True)
    if not opts.no_build:
        build()
    binary = ROOT / opts.binary
    if not binary.is_file():
        fail(f"binary not found: {binary} (build it, or drop --no-build)")
    if opts.sizes:
        sizes = [int(size.replace("_", "")) for size in opts.sizes.split(",")]
        if any(size < 1 for size in sizes):
            fail("--sizes must be positive")
        scaling_table(binary, sorted(sizes), opts.runs)
        return
    inp = make_input(opts.stacks)
    input_mib = inp.stat().st_size / MIB
    if opts.repeat:
        if opts.repeat < 2:
            fail("--repeat must be at least 2")
        repeat_check(binary, inp, opts.repeat, opts.runs)
        return

    # Rounds interleave every program, so a noisy moment on the machine
    # slows all of them rather than one.
    cases = CASES + (DATA_CASES if opts.data_formats else [])
    samples = {name: [] for name, _ in cases}
    inferno_samples = []
    for round_number in range(1, opts.runs + 1):
        for name, args in cases:
            settle()
            samples[name].append(run_ours(binary, inp, name, args, round_number))
        settle()
        inferno_samples.append(run_inferno(inp, round_number))
    ours = {name: summarize(samples[name]) for name, _ in cases}
    inf_secs, inf_peak, inf_size = summarize(inferno_samples)

    ref_name = CASES[0][0]
    ref_secs, ref_peak, _ = ours[ref_name]
    print(f"\ninput: {inp.relative_to(ROOT)}  {input_mib:.1f} MiB, runs={opts.runs}")
    print(f"{'program':<14}{'seconds':>9}{'peak MiB':>10}{'out MiB':>9}  ratio")
    for name, (secs, peak, size) in ours.items():
        ratio = f"{secs / ref_secs:.2f}x our {ref_name} time" if name != ref_name else ""
        print(f"{'ours ' + name:<14}{secs:>9.3f}{peak / MIB:>10.0f}{size / MIB:>9.1f}  {ratio}")
    print(f"{'inferno svg':<14}{inf_secs:>9.3f}{inf_peak / MIB:>10.0f}{inf_size / MIB:>9.1f}")
    wc_secs = time_wc(inp, opts.runs)
    print(f"{'wc -l':<14}{wc_secs:>9.3f}  (our svg time / wc: {ref_secs / wc_secs:.1f})")
    speedup = inf_secs / ref_secs
    print(f"speedup (inferno_seconds / our_seconds, >1 means we are faster): {speedup:.2f}")
    print(f"our peak memory / input size: {ref_peak / MIB / input_mib:.2f}")

    summary = [f"{ref_name}_speedup={speedup:.2f}", f"our_seconds={ref_secs:.3f}",
               f"inferno_seconds={inf_secs:.3f}", f"our_peak_mib={ref_peak / MIB:.0f}",
               f"input_mib={input_mib:.0f}", f"inferno_peak_mib={inf_peak / MIB:.0f}",
               f"peak_over_input={ref_peak / MIB / input_mib:.2f}",
               f"svg_over_wc={ref_secs / wc_secs:.1f}"]
    summary += [f"{n}_vs_{ref_name}={s / ref_secs:.2f}" for n, (s, _, _) in ours.items() if n != ref_name]
    print(" ".join(summary))


if __name__ == "__main__":
    main()
