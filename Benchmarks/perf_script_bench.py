#!/usr/bin/env python3
"""Benchmark importing `perf script` output against flamegraph.pl's
stackcollapse-perf.pl, in one run.

usage: Benchmarks/perf_script_bench.py --perl-script PATH/stackcollapse-perf.pl
           [--megabytes N] [--runs N] [--no-build] [--binary PATH]

Steps:
  1. `swift build -c release --static-swift-stdlib --product flamegraph` in the repository root
     (skipped with --no-build).
  2. Generate a synthetic perf script of about N MiB (default 200) into a
     temporary folder: samples of a few processes with 8 to 48 frames each,
     drawn from a pool of user, library, kernel and [unknown] frames, with
     `+0x...` offsets, cpu and period fields, as `perf script` writes them.
  3. Time, --runs times (default 3), interleaved with a pause between runs,
     wall time of whole processes:
     - collapsing: ours, `flamegraph INPUT --format folded -o OUT`, against
       `perl stackcollapse-perf.pl INPUT > OUT`;
     - to a picture: ours, `flamegraph INPUT -o OUT.svg`, against
       `stackcollapse-perf.pl INPUT | flamegraph.pl > OUT.svg` (when
       flamegraph.pl sits beside the collapse script).
  4. Print the median times, throughputs and their ratios, e.g.
     perf_script_speedup=14.2 our_seconds=1.10 perl_seconds=15.6 input_mib=200
     perf_svg_speedup=20.1 our_svg_seconds=1.3 perl_svg_seconds=26.0

The temporary folder is removed at the end. The Perl script is not part of
this repository: pass its path (github.com/brendangregg/FlameGraph).
"""
import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MIB = 1024 * 1024


def fail(msg):
    print("perf_script_bench: " + msg, file=sys.stderr)
    sys.exit(1)


def frame_pool(rng):
    """Frames as (address, symbol, dso), grouped by kind."""
    words = ["parse", "read", "write", "alloc", "hash", "lookup", "render", "scan",
             "compress", "flush", "poll", "sort", "merge", "encode", "decode", "visit"]
    user = [(f"{rng.randrange(0x400000, 0x800000):x}", f"app::{a}_{b}", "/usr/bin/app")
            for a in words for b in words[:8]]
    libs = [(f"7f{rng.randrange(1 << 36):010x}", f"{name}", "/usr/lib/x86_64-linux-gnu/libc.so.6")
            for name in ["malloc", "free", "memcpy", "__libc_start_main", "pthread_mutex_lock",
                         "__GI___libc_write", "__memmove_avx_unaligned_erms"]]
    cpp = [(f"7f{rng.randrange(1 << 36):010x}",
            f"std::vector<int, std::allocator<int> >::push_back(int const&)",
            "/usr/lib/x86_64-linux-gnu/libstdc++.so.6")]
    kernel = [(f"ffffffff8{rng.randrange(1 << 28):07x}", name, "[kernel.kallsyms]")
              for name in ["do_syscall_64", "entry_SYSCALL_64_after_hwframe", "ksys_write",
                           "vfs_write", "__handle_mm_fault", "exc_page_fault", "schedule",
                           "__schedule", "finish_task_switch.isra.0", "native_safe_halt"]]
    unknown = [(f"7ffc{rng.randrange(1 << 32):08x}", "[unknown]", "[unknown]"),
               (f"7f{rng.randrange(1 << 36):010x}", "[unknown]", "/usr/lib/x86_64-linux-gnu/libz.so.1")]
    return user, libs + cpp, kernel, unknown


def generate(path, megabytes, seed=7):
    """Writes about `megabytes` MiB of perf script output; returns the sample count."""
    rng = random.Random(seed)
    user, libs, kernel, unknown = frame_pool(rng)
    # Reused stack shapes, as real profiles repeat their hot paths.
    shapes = []
    for _ in range(4000):
        depth = rng.randrange(8, 48)
        stack = [rng.choice(libs)] + [rng.choice(user) for _ in range(depth)]
        if rng.random() < 0.3:
            stack += [rng.choice(kernel) for _ in range(rng.randrange(2, 8))]
        if rng.random() < 0.1:
            stack.insert(0, rng.choice(unknown))
        shapes.append(stack[::-1])  # perf prints the leaf first
    comms = ["app 4242/4242", "app 4242/4250", "V8 WorkerThread 4242/4251", "swapper 0/0"]
    target = megabytes * MIB
    written = 0
    samples = 0
    time_now = 5123.0
    with open(path, "w") as out:
        chunk = []
        while written < target:
            time_now += 0.000250
            lines = [f"{rng.choice(comms)} [{rng.randrange(8):03d}] {time_now:.6f}:     250000 cpu-clock: \n"]
            for address, symbol, dso in rng.choice(shapes):
                offset = "" if symbol == "[unknown]" else f"+0x{rng.randrange(1, 0x400):x}"
                lines.append(f"\t{address:>16} {symbol}{offset} ({dso})\n")
            lines.append("\n")
            text = "".join(lines)
            chunk.append(text)
            written += len(text)
            samples += 1
            if len(chunk) >= 2000:
                out.write("".join(chunk))
                chunk = []
        out.write("".join(chunk))
    return samples


def timed(argv, stdout):
    start = time.perf_counter()
    result = subprocess.run(argv, stdout=stdout, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        fail(f"{argv[0]} failed ({result.returncode}): {result.stderr.decode(errors='replace')[:500]}")
    return seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--perl-script", required=True, help="path of stackcollapse-perf.pl")
    parser.add_argument("--megabytes", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--binary", default=str(ROOT / ".build" / "release" / "flamegraph"))
    args = parser.parse_args()
    if not Path(args.perl_script).is_file():
        fail(f"no such file: {args.perl_script}")
    if not args.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "flamegraph"],
                       cwd=ROOT, check=True)
    folder = Path(tempfile.mkdtemp(prefix="perf-script-bench-"))
    try:
        source = folder / "perf.txt"
        started = time.perf_counter()
        samples = generate(source, args.megabytes)
        size = source.stat().st_size / MIB
        print(f"generated {size:.0f} MiB, {samples} samples in {time.perf_counter() - started:.1f} s")
        flamegraph_pl = Path(args.perl_script).with_name("flamegraph.pl")
        ours, perl, our_svg, perl_svg = [], [], [], []
        for run in range(args.runs):
            ours.append(timed([args.binary, str(source), "--format", "folded",
                               "-o", str(folder / "ours.folded")], subprocess.DEVNULL))
            time.sleep(2)
            with open(folder / "perl.folded", "w") as out:
                perl.append(timed(["perl", args.perl_script, str(source)], out))
            time.sleep(2)
            line = f"run {run + 1}: collapse ours {ours[-1]:.2f} s, perl {perl[-1]:.2f} s"
            if flamegraph_pl.is_file():
                our_svg.append(timed([args.binary, str(source), "-o", str(folder / "ours.svg")],
                                     subprocess.DEVNULL))
                time.sleep(2)
                perl_svg.append(timed(["bash", "-c", 'perl "$1" "$2" | perl "$3" > "$4"', "bench",
                                       args.perl_script, str(source), str(flamegraph_pl),
                                       str(folder / "perl.svg")], subprocess.DEVNULL))
                time.sleep(2)
                line += f"; to SVG ours {our_svg[-1]:.2f} s, perl {perl_svg[-1]:.2f} s"
            print(line)
        our_seconds = statistics.median(ours)
        perl_seconds = statistics.median(perl)
        print(f"ours: {our_seconds:.2f} s ({size / our_seconds:.0f} MiB/s); "
              f"stackcollapse-perf.pl: {perl_seconds:.2f} s ({size / perl_seconds:.1f} MiB/s)")
        print(f"perf_script_speedup={perl_seconds / our_seconds:.1f} our_seconds={our_seconds:.2f} "
              f"perl_seconds={perl_seconds:.2f} input_mib={size:.0f}")
        if our_svg:
            ours_median, perl_median = statistics.median(our_svg), statistics.median(perl_svg)
            print(f"perf_svg_speedup={perl_median / ours_median:.1f} "
                  f"our_svg_seconds={ours_median:.2f} perl_svg_seconds={perl_median:.2f}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
