#!/usr/bin/env python3
"""Count the instructions of what comes after reading (layout, catalog, SVG
writing) with callgrind, for one or more `flamegraph` binaries.

usage: Benchmarks/post_phase_instructions.py [--stacks N] [--profile FILE] BINARY...

Wall times on a shared machine vary by tens of percent from run to run;
instruction counts do not, so this is the measure to compare two versions of
the phases after reading. For each binary, `valgrind --tool=callgrind` runs
`BINARY PROFILE -o OUT.svg` (the default interactive SVG), and the counts are
split with callgrind_annotate (inclusive, every thread):

  read     FlameGraphCommand.readProfile and the merger's background thread
  startup  everything outside FlameGraphCommand.run and the worker threads
           (loading, exit): the same for every run
  post     the rest: layout, catalog, ladders, SVG and viewer data, writing

The profile is ../shared/bench/gen_profile.py N (default 20,000 stacks, where
the post phase dominates), generated into .build/bench/profile-N.folded and
reused; --profile gives another file. Prints one line per binary, e.g.
  post_instructions=325300000 read_instructions=148000000 total=504000000 binary=...
and, for two binaries, the ratio of their post phases.

Compare binaries that read the same way: a reader that parses on more
threads (a large file split on three cores or more) adds them to `post`.
Paths are relative to the repository root; needs valgrind.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
from benchmark_profile import generated_profile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def profile_path(stacks):
    return str(generated_profile(stacks))


def inclusive(annotated, pattern):
    """The largest inclusive count of a function whose name matches."""
    best = 0
    for line in annotated.splitlines():
        match = re.match(r"\s*([\d,]+) ", line)
        if match and re.search(pattern, line) and "compiler-generated" not in line:
            best = max(best, int(match.group(1).replace(",", "")))
    return best


def measure(binary, profile):
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "callgrind.out")
        subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", binary, profile,
             "-o", os.path.join(folder, "graph.svg")],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        annotated = subprocess.run(
            ["callgrind_annotate", "--inclusive=yes", out], capture_output=True, text=True,
            check=True).stdout
    total = inclusive(annotated, r"PROGRAM TOTALS")
    read = inclusive(annotated, r"CommandV11readProfile") + inclusive(
        annotated, r"PipelinedMergerC6merger")
    run = inclusive(annotated, r"CommandV3runyyKF ")
    threads = inclusive(annotated, r"pthread_create\.c:start_thread \[")
    startup = total - run - threads
    return {"total": total, "read": read, "startup": startup,
            "post": total - read - startup}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binaries", nargs="+")
    parser.add_argument("--stacks", type=int, default=20_000)
    parser.add_argument("--profile")
    arguments = parser.parse_args()
    profile = arguments.profile or profile_path(arguments.stacks)
    posts = []
    for binary in arguments.binaries:
        counts = measure(binary, profile)
        posts.append(counts["post"])
        print(f"post_instructions={counts['post']} read_instructions={counts['read']} "
              f"startup_instructions={counts['startup']} total={counts['total']} "
              f"binary={binary}")
    if len(posts) == 2 and posts[0] > 0:
        print(f"post_ratio={posts[1] / posts[0]:.3f} (second binary / first)")


if __name__ == "__main__":
    main()
