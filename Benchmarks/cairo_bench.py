#!/usr/bin/env python3
"""Time the Cairo outputs (PNG, PDF) against our own SVG, and count the
instructions the Cairo backends spend between the scene and the file.

usage: Benchmarks/cairo_bench.py [--stacks N] [--runs N] [--binary PATH]
       Benchmarks/cairo_bench.py --callgrind [--stacks N] [--binary PATH]

Timing: the profile of N stacks (default 200000, made with
../shared/bench/gen_profile.py into .build/bench/profile-N.folded, reused when
present) is rendered to SVG, PNG and PDF in turn, --runs rounds (default 5),
interleaved so that the machine's load falls on every format alike. Prints
the median wall time of each, PNG and PDF as ratios of the SVG time, and the
files' sizes, then one machine-readable line:
    png_over_svg=1.05 pdf_over_svg=1.18 svg_seconds=0.31 png_seconds=0.33 ...

--callgrind runs PNG and PDF once each under valgrind's callgrind (default
20000 stacks, which is quick under valgrind and draws as many frames as the
larger profile) and prints the inclusive instructions of the Cairo backends'
`write` functions: everything from the scene to the finished file.

Build first: swift build -c release --product flamegraph. Paths are relative
to the repository root; the shared folder sits beside the repository.
"""
import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from benchmark_profile import generated_profile

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / ".build" / "bench"
FORMATS = ["svg", "png", "pdf"]
# The functions whose inclusive count is the work from the scene to the file.
# (The protocol witness or the method itself, whichever the optimizer kept.)
WRITERS = {"png": "11PNGRendererV", "pdf": "11PDFRendererV"}


def fail(message):
    print("cairo_bench: " + message, file=sys.stderr)
    sys.exit(1)


def profile(stacks):
    return generated_profile(stacks)


def render(binary, source, fmt):
    output = BENCH / f"cairo-bench.{fmt}"
    output.unlink(missing_ok=True)
    start = time.perf_counter()
    done = subprocess.run([str(binary), str(source), "-o", str(output)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - start
    if done.returncode or not output.is_file() or output.stat().st_size == 0:
        fail(f"the {fmt} render failed: {done.stderr.decode(errors='replace')}")
    return seconds, output.stat().st_size


def timing(binary, source, runs):
    times = {fmt: [] for fmt in FORMATS}
    sizes = {}
    for round_number in range(1, runs + 1):
        for fmt in FORMATS:
            seconds, sizes[fmt] = render(binary, source, fmt)
            times[fmt].append(seconds)
            print(f"  {fmt} run {round_number}: {seconds:.3f} s", flush=True)
    median = {fmt: statistics.median(times[fmt]) for fmt in FORMATS}
    print(f"\n{'format':8}{'median s':>10}{'x SVG':>8}{'bytes':>12}")
    for fmt in FORMATS:
        print(f"{fmt:8}{median[fmt]:10.3f}{median[fmt] / median['svg']:8.2f}{sizes[fmt]:12,}")
    fields = [f"png_over_svg={median['png'] / median['svg']:.2f}",
              f"pdf_over_svg={median['pdf'] / median['svg']:.2f}"]
    fields += [f"{fmt}_seconds={median[fmt]:.3f}" for fmt in FORMATS]
    fields += [f"{fmt}_bytes={sizes[fmt]}" for fmt in FORMATS]
    print(" ".join(fields))


def callgrind(binary, source):
    fields = []
    with tempfile.TemporaryDirectory() as folder:
        for fmt, symbol in WRITERS.items():
            counts = Path(folder) / f"{fmt}.callgrind"
            output = Path(folder) / f"graph.{fmt}"
            done = subprocess.run(
                ["valgrind", "--tool=callgrind", f"--callgrind-out-file={counts}",
                 str(binary), str(source), "-o", str(output)],
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            if done.returncode:
                fail(f"valgrind failed: {done.stderr.decode(errors='replace')[-2000:]}")
            total = int(re.search(rb"Collected : (\d+)", done.stderr).group(1))
            report = subprocess.run(["callgrind_annotate", "--inclusive=yes", str(counts)],
                                    capture_output=True, text=True).stdout
            # The largest inclusive count of a line naming the writer.
            writer = max((int(line.split()[0].replace(",", "")) for line in report.splitlines()
                          if symbol in line and "5write_2to" in line
                          and line.strip()[:1].isdigit()), default=0)
            print(f"{fmt}: {writer:,} instructions from the scene to the file "
                  f"({total:,} in the whole run)")
            fields.append(f"{fmt}_write_instructions={writer} {fmt}_total_instructions={total}")
    print(" ".join(fields))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stacks", type=int)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--binary", type=Path, default=ROOT / ".build" / "release" / "flamegraph")
    parser.add_argument("--callgrind", action="store_true")
    arguments = parser.parse_args()
    if not arguments.binary.is_file():
        fail(f"no {arguments.binary}: swift build -c release --product flamegraph")
    if arguments.callgrind:
        callgrind(arguments.binary, profile(arguments.stacks or 20000))
    else:
        timing(arguments.binary, profile(arguments.stacks or 200000), arguments.runs)


if __name__ == "__main__":
    main()
