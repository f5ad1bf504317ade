#!/usr/bin/env python3
"""Benchmark the interactive SVG in headless Chromium against inferno's: zooms,
first paint and size on two profiles, and on the large one the views only we
have (sandwich, flip, theme).

usage: Benchmarks/zoom_bench.py [--no-build] [--rounds N] [--clicks N] [--binary PATH]
                                [--stacks N] [--only sympy|large]

Steps:
  1. `swift build -c release --static-swift-stdlib --product flamegraph` in the repository root
     (skipped with --no-build).
  2. Unpack ../shared/profiles/import-sympy.folded.gz (13,719 stacks) into
     .build/bench/import-sympy.folded; an existing file is reused.
  3. Render it with our release build and with inferno
     (../shared/bench/inferno_svg.py, needs `python3 -m pip install
     pyinferno==0.2.6`), with default options, into .build/bench/.
  4. Choose the frames to click, the same in both documents: frames whose
     name and count (the tooltip "name (N samples, P%)" without its share,
     which differs: the profile has a line of idle samples that we count
     and inferno skips) are unique in both and that are at least 3 pixels
     wide, sorted by width; --clicks of them at evenly spaced ranks, so
     that wide and narrow, shallow and deep frames are all there.
  5. Open each document in headless Chromium (Debian's chromium and
     chromium-driver, driven by selenium) and click each frame, --rounds
     times, resetting the zoom between clicks (not timed). A click is
     dispatched at the start of an animation frame (in a
     requestAnimationFrame callback); the zoom time runs from the dispatch
     until a task queued right after it runs, that is once the browser has
     run the click handler and restyled, laid out and painted the frame
     that shows the zoom. The time until the next animation frame is also
     reported: it counts whole frames at 60 Hz, so it is never below
     16.7 ms, and it says how many frames a zoom keeps the page busy.
  6. The same with the large profile: ../shared/bench/gen_profile.py
     --stacks (200,000) written to .build/bench/large-N.folded (reused
     when there), which our document must not exceed inferno's in bytes.
  7. First paint: each document opened --rounds times, alternating, and
     the median of Chromium's first-paint time and load event.
  8. On the large profile, timed like a zoom: opening the sandwich of each
     clicked frame's function (window.flamegraph.show, as a link would),
     and clicking Flip and the theme control; and the first sandwich of
     the document (--rounds + 2 times, each in the document opened anew,
     once its viewer has started), which works out the functions' model
     that later sandwiches reuse.
  9. Print the medians, their ratios, the documents' sizes, the targets
     (zoom <= 8 ms on import-sympy and <= 16 ms on the large profile,
     sandwich <= 50 ms, first or not, flip and theme <= 16 ms, size and first paint no
     more than inferno's), and one machine-readable line per profile, e.g.
     profile=sympy zoom_speedup=12.3 our_zoom_ms=6.1 inferno_zoom_ms=75.0 ...

All paths are relative to the repository root (the parent of this
script's folder); the shared folder sits beside the repository.
"""
import argparse
import gzip
import html
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
BENCH = ROOT / ".build" / "bench"
PROFILE = SHARED / "profiles" / "import-sympy.folded.gz"

# Finds the frame with a tooltip in a document and returns where to click
# it: our frames are drawn on a canvas (the static ones are hidden), so the
# click goes to the canvas at the frame's place, as a user's would;
# inferno's frames are SVG elements, clicked directly.
FIND_OURS = """
const SHARE = /, [0-9.]+%\\)$/;
const [key] = arguments;
const groups = document.getElementById('frames').children;
for (let i = 0; i < groups.length; i++) {
  // A frame thinner than a pixel is a bare <rect>, without a title.
  const title = groups[i].firstElementChild;
  if (title && title.textContent.split('\\n')[0].replace(SHARE, ')') === key) {
    const box = window.flamegraph.clientBox(i);
    window.benchTarget = {
      element: document.getElementById('fg-canvas'),
      x: Math.floor(box.x + box.width / 2), y: Math.floor(box.y + box.height / 2),
      zoomed: () => window.flamegraph.zoomed === i,
    };
    return true;
  }
}
return false;
"""

FIND_INFERNO = """
const SHARE = /, [0-9.]+%\\)$/;
const [key] = arguments;
for (const g of document.querySelectorAll('#frames > g')) {
  if (g.querySelector('title').textContent.replace(SHARE, ')') === key) {
    const rect = g.querySelector('rect');
    const box = rect.getBoundingClientRect();
    window.benchTarget = {
      element: rect,
      x: Math.floor(box.x + box.width / 2), y: Math.floor(box.y + box.height / 2),
      zoomed: () => !document.getElementById('unzoom').classList.contains('hide'),
    };
    return true;
  }
}
return false;
"""

# Clicks window.benchTarget at the start of an animation frame; returns
# [zoom ms, next animation frame ms, whether the view zoomed].
CLICK = """
const done = arguments[arguments.length - 1];
const target = window.benchTarget;
requestAnimationFrame(() => {
  const start = performance.now();
  target.element.dispatchEvent(new MouseEvent('click', {
    bubbles: true, cancelable: true, view: window, clientX: target.x, clientY: target.y}));
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const painted = performance.now() - start;
    requestAnimationFrame(() => done([painted, performance.now() - start, target.zoomed()]));
  };
  channel.port2.postMessage(null);
});
"""

RESET = """
const done = arguments[arguments.length - 1];
document.getElementById('unzoom').dispatchEvent(new MouseEvent('click', {bubbles: true, view: window}));
requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100)));
"""


def fail(message):
    print("zoom_bench: " + message, file=sys.stderr)
    sys.exit(1)


def build():
    print("building: swift build -c release --static-swift-stdlib --product flamegraph", flush=True)
    if subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "flamegraph"], cwd=ROOT).returncode:
        fail("swift build failed")


def unpack_profile():
    path = BENCH / "import-sympy.folded"
    if path.is_file() and path.stat().st_size > 0:
        return path
    if not PROFILE.is_file():
        fail(f"missing profile: {PROFILE}")
    tmp = path.with_suffix(".partial")
    with gzip.open(PROFILE, "rb") as source, open(tmp, "wb") as out:
        shutil.copyfileobj(source, out)
    tmp.replace(path)
    return path


def large_profile(stacks):
    """The synthetic profile of ../shared/bench/gen_profile.py, written once."""
    path = BENCH / f"large-{stacks}.folded"
    if path.is_file() and path.stat().st_size > 0:
        return path
    print(f"writing {path.relative_to(ROOT)} (gen_profile.py {stacks})", flush=True)
    tmp = path.with_suffix(".partial")
    with open(tmp, "wb") as out:
        if subprocess.run([sys.executable, str(SHARED / "bench" / "gen_profile.py"), str(stacks)],
                          stdout=out).returncode:
            fail("gen_profile.py failed")
    tmp.replace(path)
    return path


def render(binary, profile, stem):
    ours = BENCH / f"{stem}-ours.svg"
    inferno = BENCH / f"{stem}-inferno.svg"
    for path in (ours, inferno):
        path.unlink(missing_ok=True)
    result = subprocess.run([str(binary), str(profile), "-o", str(ours)], cwd=ROOT,
                            capture_output=True, text=True)
    if result.returncode or not ours.is_file():
        fail(f"flamegraph failed ({result.returncode}):\n{result.stderr}")
    result = subprocess.run([sys.executable, str(SHARED / "bench" / "inferno_svg.py"), str(profile),
                             str(inferno)], cwd=ROOT, capture_output=True, text=True)
    if result.returncode or not inferno.is_file():
        if "pyinferno" in result.stdout + result.stderr:
            fail("pyinferno is missing; install it with:\n  python3 -m pip install pyinferno==0.2.6")
        fail(f"inferno_svg.py failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return ours, inferno


# A frame of our static SVG: tooltip (first line), then its rect.
OUR_FRAME = re.compile(r'<g><title>([^<]*)</title><rect x="([-0-9.]+)" y="([-0-9.]+)" width="([-0-9.]+)"')
INFERNO_TITLE = re.compile(r"<title>([^<]*)</title>")
SHARE = re.compile(r", [0-9.]+%\)$")


def frame_key(title):
    """A tooltip without its share: "name (N samples)"."""
    return SHARE.sub(")", title)


def choose_frames(ours, inferno, count):
    """Keys of `count` frames present once in each document, by width."""
    our_frames = [(frame_key(html.unescape(t).split("\n")[0]), float(x), float(y), float(w))
                  for t, x, y, w in OUR_FRAME.findall(ours.read_text(encoding="utf-8"))]
    inferno_titles = [frame_key(html.unescape(t))
                      for t in INFERNO_TITLE.findall(inferno.read_text(encoding="utf-8"))]
    in_ours = Counter(f[0] for f in our_frames)
    in_inferno = Counter(inferno_titles)
    root_title = our_frames[0][0]
    candidates = [f for f in our_frames
                  if in_ours[f[0]] == 1 and in_inferno[f[0]] == 1 and f[3] >= 3 and f[0] != root_title]
    # Widest first, ties by position: deterministic.
    candidates.sort(key=lambda f: (-f[3], f[2], f[1]))
    if len(candidates) < count:
        fail(f"only {len(candidates)} frames can be clicked in both documents")
    step = (len(candidates) - 1) / (count - 1) if count > 1 else 0
    return [candidates[round(k * step)] for k in range(count)]


def open_browser():
    os.environ["SE_AVOID_STATS"] = "true"  # selenium must never try the network
    try:
        from selenium import webdriver
    except ImportError:
        fail("selenium is missing; install it with:\n  python3 -m pip install selenium==4.27.1")
    driver_path = shutil.which("chromedriver")
    if not driver_path:
        fail("chromedriver is missing; install Debian's chromium and chromium-driver")
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1240,1700"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=driver_path), options=options)
    driver.set_script_timeout(60)
    return driver


def measure(driver, path, find, frames, rounds):
    """Zoom and next-frame times (ms) of clicking each frame, `rounds` times."""
    driver.get(path.as_uri())
    time.sleep(1.0)  # inferno finishes its setup in a timeout after load
    for title, *_ in frames:
        if not driver.execute_script(find, title):
            fail(f"{path.name}: no frame titled {title!r}")
    zooms, next_frames = [], []
    # One click of each frame first, not timed: the browser compiles the
    # script's functions on their first calls.
    for round_index in range(rounds + 1):
        for title, *_ in frames:
            driver.execute_script(find, title)
            zoom, next_frame, zoomed = driver.execute_async_script(CLICK)
            if not zoomed:
                fail(f"{path.name}: clicking {title!r} did not zoom")
            driver.execute_async_script(RESET)
            if round_index > 0:
                zooms.append(zoom)
                next_frames.append(next_frame)
    errors = [entry for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]
    if errors and path.name.endswith("-ours.svg"):
        fail(f"{path.name}: console errors: {errors}")
    return zooms, next_frames


# Runs arguments[0] (a function body) at the start of an animation frame;
# returns [ms until a task queued right after it runs, ms until the next
# animation frame], timed as a zoom.
TIMED = """
const done = arguments[arguments.length - 1];
const action = new Function(arguments[0]);
requestAnimationFrame(() => {
  const start = performance.now();
  action();
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const painted = performance.now() - start;
    requestAnimationFrame(() => done([painted, performance.now() - start]));
  };
  channel.port2.postMessage(null);
});
"""

SETTLE = """
const done = arguments[arguments.length - 1];
requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)));
"""

# The name of the frame window.benchTarget zooms to (set by FIND_OURS).
TARGET_NAME = """
const [key] = arguments;
const groups = document.getElementById('frames').children;
const frames = window.flamegraph.frames();
const SHARE = /, [0-9.]+%\\)$/;
for (let i = 0; i < groups.length; i++) {
  const title = groups[i].firstElementChild;  // null for a bare <rect>
  if (title && title.textContent.split('\\n')[0].replace(SHARE, ')') === key) return frames[i].name;
}
return null;
"""


def open_fresh(driver, path):
    """Opens the document anew and waits until the viewer has started."""
    from selenium.webdriver.support.ui import WebDriverWait
    driver.get("about:blank")
    driver.get(path.as_uri())
    WebDriverWait(driver, 60).until(lambda d: d.execute_script("return !!window.flamegraph"))
    driver.execute_async_script(SETTLE)


def show_sandwich(name):
    return f"window.flamegraph.show('#sandwich=' + encodeURIComponent({name!r}))"


def measure_views(driver, path, frames, rounds):
    """Times of opening a sandwich (per clicked frame's function), the first
    of a document (nothing worked out yet) and the others, of Flip and of
    the theme control, in ms."""
    driver.get(path.as_uri())
    time.sleep(1.0)
    function_names = [driver.execute_script(TARGET_NAME, title) for title, *_ in frames]
    if None in function_names:
        fail(f"{path.name}: a clicked frame has no name")
    times = {"first_sandwich": [], "sandwich": [], "flip": [], "theme": []}
    # The first sandwich of a freshly opened document: its functions'
    # model is built then.
    for k in range(rounds + 2):
        open_fresh(driver, path)
        name = function_names[k % len(function_names)]
        painted, _ = driver.execute_async_script(TIMED, show_sandwich(name))
        if driver.execute_script("return window.flamegraph.view.mode") != "sandwich":
            fail(f"{path.name}: no sandwich for {name!r}")
        times["first_sandwich"].append(painted)
    open_fresh(driver, path)
    click = "document.getElementById('{}').dispatchEvent(new MouseEvent('click', {{bubbles: true}}))"
    for round_index in range(rounds + 1):
        for name in function_names:
            painted, _ = driver.execute_async_script(TIMED, show_sandwich(name))
            if driver.execute_script("return window.flamegraph.view.mode") != "sandwich":
                fail(f"{path.name}: no sandwich for {name!r}")
            driver.execute_script("window.flamegraph.show('')")
            driver.execute_async_script(SETTLE)
            if round_index > 0:
                times["sandwich"].append(painted)
        for control in ("flip", "theme"):
            for _ in range(4):
                painted, _ = driver.execute_async_script(TIMED, click.format("fg-" + control))
                driver.execute_async_script(SETTLE)
                if round_index > 0:
                    times[control].append(painted)
    errors = [entry for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]
    if errors:
        fail(f"{path.name}: console errors: {errors}")
    return times


def first_paint(driver, paths, rounds):
    """Median first paint and load event (ms) of each document, opened in turn."""
    from selenium.webdriver.support.ui import WebDriverWait
    paints = {path: [] for path in paths}
    loads = {path: [] for path in paths}
    for _ in range(rounds):
        for path in paths:
            driver.get("about:blank")
            driver.get(path.as_uri())
            WebDriverWait(driver, 60).until(
                lambda d: d.execute_script("return performance.timing.loadEventEnd > 0"))
            time.sleep(0.3)
            paint, load = driver.execute_script(
                "const p = performance.getEntriesByName('first-paint')[0];"
                "return [p ? p.startTime : NaN, performance.timing.loadEventEnd - performance.timing.navigationStart]")
            paints[path].append(paint)
            loads[path].append(load)
    return ({p: statistics.median(v) for p, v in paints.items()},
            {p: statistics.median(v) for p, v in loads.items()})


def run_profile(driver, binary, profile, stem, options, zoom_target, views):
    """Zooms, first paint and size of one profile (and the views on the large one)."""
    ours, inferno = render(binary, profile, stem)
    frames = choose_frames(ours, inferno, options.clicks)
    print(f"{stem}: clicking {len(frames)} frames, {options.rounds} rounds, widths "
          f"{frames[-1][3]:.0f} to {frames[0][3]:.0f} px", flush=True)
    results = {}
    for name, path, find in (("ours", ours, FIND_OURS), ("inferno", inferno, FIND_INFERNO)):
        zooms, next_frames = measure(driver, path, find, frames, options.rounds)
        results[name] = (zooms, next_frames, path.stat().st_size)
        print(f"  {name}: median zoom {statistics.median(zooms):.1f} ms "
              f"(p90 {statistics.quantiles(zooms, n=10)[-1]:.1f}), next frame at "
              f"{statistics.median(next_frames):.1f} ms", flush=True)
    paints, loads = first_paint(driver, [ours, inferno], options.rounds + 2)
    view_times = measure_views(driver, ours, frames, options.rounds) if views else {}

    our_zoom = statistics.median(results["ours"][0])
    inferno_zoom = statistics.median(results["inferno"][0])
    print(f"\nprofile: {profile.relative_to(ROOT)}, {len(frames)} frames x {options.rounds} rounds")
    print(f"{'document':<10}{'zoom ms':>9}{'next frame ms':>15}{'first paint ms':>16}{'load ms':>9}{'size KiB':>10}")
    for name, path in (("ours", ours), ("inferno", inferno)):
        zooms, next_frames, size = results[name]
        print(f"{name:<10}{statistics.median(zooms):>9.1f}{statistics.median(next_frames):>15.1f}"
              f"{paints[path]:>16.0f}{loads[path]:>9.0f}{size / 1024:>10.0f}")
    speedup = inferno_zoom / our_zoom
    our_size, inferno_size = results["ours"][2], results["inferno"][2]
    print(f"speedup (inferno zoom / our zoom, >1 means we are faster): {speedup:.1f}")
    met = lambda ok: "met" if ok else "NOT met"  # noqa: E731
    print(f"target: our zoom <= {zoom_target} ms: {met(our_zoom <= zoom_target)}; "
          f"size <= inferno's ({our_size} <= {inferno_size} bytes): {met(our_size <= inferno_size)}; "
          f"first paint <= inferno's: {met(paints[ours] <= paints[inferno])}")
    line = (f"profile={stem} zoom_speedup={speedup:.1f} our_zoom_ms={our_zoom:.1f} "
            f"inferno_zoom_ms={inferno_zoom:.1f} "
            f"our_next_frame_ms={statistics.median(results['ours'][1]):.1f} "
            f"inferno_next_frame_ms={statistics.median(results['inferno'][1]):.1f} "
            f"our_first_paint_ms={paints[ours]:.0f} inferno_first_paint_ms={paints[inferno]:.0f} "
            f"our_load_ms={loads[ours]:.0f} inferno_load_ms={loads[inferno]:.0f} "
            f"our_svg_bytes={our_size} inferno_svg_bytes={inferno_size}")
    if views:
        medians = {k: statistics.median(v) for k, v in view_times.items()}
        print(f"views: first sandwich {medians['first_sandwich']:.1f} ms "
              f"(target <= 50: {met(medians['first_sandwich'] <= 50)}), "
              f"repeat sandwich {medians['sandwich']:.1f} ms (target <= 50: {met(medians['sandwich'] <= 50)}), "
              f"flip {medians['flip']:.1f} ms (<= 16: {met(medians['flip'] <= 16)}), "
              f"theme {medians['theme']:.1f} ms (<= 16: {met(medians['theme'] <= 16)})")
        line += (f" our_first_sandwich_ms={medians['first_sandwich']:.1f}"
                 f" our_sandwich_ms={medians['sandwich']:.1f} our_flip_ms={medians['flip']:.1f} "
                 f"our_theme_ms={medians['theme']:.1f}")
    return line


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-build", action="store_true", help="skip swift build")
    parser.add_argument("--rounds", type=int, default=3, help="clicks of each frame (default 3)")
    parser.add_argument("--clicks", type=int, default=20, help="frames clicked (default 20)")
    parser.add_argument("--stacks", type=int, default=200_000,
                        help="stacks of the large profile (default 200,000)")
    parser.add_argument("--only", choices=("sympy", "large"), help="run one profile only")
    parser.add_argument("--binary", default=".build/release/flamegraph",
                        help="our binary, relative to the repository root (default %(default)s)")
    options = parser.parse_args()
    if options.rounds < 1 or options.clicks < 2:
        fail("--rounds must be at least 1 and --clicks at least 2")

    BENCH.mkdir(parents=True, exist_ok=True)
    if not options.no_build:
        build()
    binary = ROOT / options.binary
    if not binary.is_file():
        fail(f"binary not found: {binary} (build it, or drop --no-build)")
    runs = []
    if options.only in (None, "sympy"):
        runs.append((unpack_profile(), "import-sympy", 8, False))
    if options.only in (None, "large"):
        runs.append((large_profile(options.stacks), f"large-{options.stacks}", 16, True))
    driver = open_browser()
    try:
        lines = [run_profile(driver, binary, profile, stem, options, target, views)
                 for profile, stem, target, views in runs]
    finally:
        driver.quit()
    print()
    for line in lines:
        print(line)


if __name__ == "__main__":
    main()
