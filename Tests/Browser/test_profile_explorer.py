"""The profile explorer views of the interactive SVG in headless Chromium:
sandwich, function table, left heavy, flip, themes, fluid width, and the
URL fragment that keeps them.

Run from the repository root: python3 -m pytest Tests/Browser -q
Oracles come from the folded text (sandwich and table totals) or from the
static layout the tool writes with the matching option (--sort size for
left heavy, -i for flip, --width for a fluid graph at a window's width).
"""
import math
import random
import urllib.parse

import pytest

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from test_interactive_svg import (  # noqa: F401 (fixtures)
    HAND_WRITTEN_NAMES, HOSTILE, SMALL, SYMPY_CPU, driver, flamegraph, hundredths, page, render,
    sympy_names)

# Recursion (parse under parse, directly and through eval), a function
# reached from two callers, and frames too thin to draw (count 1 of
# 200,000: far below 0.1 pixel), which the sandwich must count too.
RECURSIVE = """\
main;run;parse;eval;parse;lex 40000
main;run;parse;lex 30000
main;run;parse 10000
main;load;parse;lex 20000
main;load;parse;parse 15000
main;load;read 60000
main;idle 24996
main;load;parse;tiny_a 1
main;load;parse;tiny_b;tiny_c 1
main;run;eval;parse;tiny_a 2
"""


def stacks(folded):
    for line in folded.splitlines():
        if line.strip():
            stack, count = line.rsplit(" ", 1)
            yield stack.split(";"), float(count)


def sandwich_oracle(folded, function):
    """Callers and callees totals by path from the function, self and total:
    each stack counts once, through its outermost occurrence."""
    callers, callees, total, self_samples = {}, {}, 0.0, 0.0
    for frames, count in stacks(folded):
        if frames[-1] == function:
            self_samples += count
        if function not in frames:
            continue
        total += count
        first = frames.index(function)
        below = frames[first:]
        for k in range(1, len(below) + 1):
            callees[tuple(below[:k])] = callees.get(tuple(below[:k]), 0) + count
        above = [function] + list(reversed(frames[:first]))
        for k in range(2, len(above) + 1):
            callers[tuple(above[:k])] = callers.get(tuple(above[:k]), 0) + count
    return callers, callees, total, self_samples


def shown_by_path(frames):
    """Shown frames keyed by (role, names from their tree's root)."""
    by_index = {(f["role"], f["index"]): f for f in frames}
    result = {}
    for frame in frames:
        names, node = [], frame
        while True:
            names.append(node["name"])
            if node["parent"] < 0:
                break
            parent = by_index.get((node["role"], node["parent"]))
            if parent is None:  # the callers' root is the function, drawn as the callees'
                names.append(by_index[("callee", 0)]["name"])
                break
            node = parent
        result[(frame["role"], tuple(reversed(names)))] = frame
    return result


def graph_paths(frames):
    by_index = {f["index"]: f for f in frames}
    result = {}
    for frame in frames:
        names, node = [], frame
        while node is not None:
            names.append(node["name"])
            node = by_index.get(node["parent"])
        result[tuple(reversed(names))] = frame
    return result


def luminance(hex_text):
    def channel(offset):
        value = int(hex_text[offset:offset + 2], 16) / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)


def contrast(first, second):
    a, b = luminance(first), luminance(second)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def css_hex(text):
    """rgb(r, g, b) or #rrggbb as #rrggbb."""
    if text.startswith("#"):
        return text.lower()
    r, g, b = [int(float(v)) for v in text[text.index("(") + 1:text.index(")")].split(",")[:3]]
    return f"#{r:02x}{g:02x}{b:02x}"


# ---------------------------------------------------------------------------
# Sandwich.


def test_sandwich_totals_are_those_of_the_folded_text(page, render):
    page.open(render(RECURSIVE))
    for function in ("parse", "lex", "eval", "tiny_a"):
        page.script("window.flamegraph.show(arguments[0])", "#sandwich=" + urllib.parse.quote(function))
        callers, callees, total, self_samples = sandwich_oracle(RECURSIVE, function)
        summary = page.script("return window.flamegraph.sandwich")
        assert summary["name"] == function
        assert summary["total"] == total and summary["self"] == self_samples, function
        shown = shown_by_path(page.shown())
        assert {path: f["total"] for (role, path), f in shown.items() if role == "callee"} == callees, function
        assert {path: f["total"] for (role, path), f in shown.items() if role == "caller"} == callers, function
        # The function spans the width; its callers and callees scale with it.
        root = shown[("callee", (function,))]
        assert root["x"] == 10 and abs(root["width"] - 1180) < 1e-9
        for (role, path), frame in shown.items():
            assert abs(frame["width"] - 1180 * frame["total"] / total) < 1e-6
    details = page.text_of("details")
    assert details.startswith("tiny_a: total 3 samples") and "self 3" in details


def sandwich_sides(folded, function):
    """The folded text of each side of a sandwich: callers as stacks from
    the function up to the root, callees as stacks from the function down,
    one per stack through it (its outermost occurrence)."""
    callers, callees = [], []
    for frames, count in stacks(folded):
        if function not in frames:
            continue
        first = frames.index(function)
        text = str(int(count)) if count == int(count) else repr(count)
        callees.append(";".join(frames[first:]) + " " + text)
        callers.append(";".join([function] + list(reversed(frames[:first]))) + " " + text)
    return "\n".join(callers) + "\n", "\n".join(callees) + "\n"


def static_side_labels(page, render, folded, role, flags):
    """Labels of a sandwich side as the static layout draws them: the
    side's folded text rendered at the same width, where the function spans
    the width under the root, as in the sandwich. Keyed as shown_by_path."""
    page.open(render(folded, *flags))
    return {(role, path[1:]): frame for path, frame in graph_paths(page.static_frames()).items()
            if len(path) > 1}


def assert_sandwich_labels_are_layouts(page, render, folded, function, flags):
    """Every label of the sandwich of `function` is the one the static
    layout gives its frame at the width it has there; returns the names and
    labels compared."""
    page.open(render(folded, *flags))
    page.script("window.flamegraph.show(arguments[0])", "#sandwich=" + urllib.parse.quote(function))
    assert page.script("return window.flamegraph.view.mode") == "sandwich"
    shown = shown_by_path(page.shown())
    callers, callees = sandwich_sides(folded, function)
    expected = static_side_labels(page, render, callers, "caller", flags)
    expected.update(static_side_labels(page, render, callees, "callee", flags))
    compared = []
    for key, frame in expected.items():
        if key[0] == "caller" and len(key[1]) == 1:
            continue  # the function itself, drawn once, as the callees' root
        drawn = shown[key]
        assert hundredths(drawn["width"]) == frame["width"], key
        assert drawn["label"] == frame["label"], key
        assert drawn["trailing"] == frame["trailing"], key
        compared.append((frame["name"], frame["label"]))
    return compared


H = "handle_request_and_dispatch_to_worker_pool (app/server/http/handlers/request.py:120)"


def test_a_sandwich_caller_narrower_than_in_the_graph_is_abbreviated(page, render):
    # $H is 826 points wide in the graph (its name fits whole there) but
    # 472 in the sandwich of target_fn, where only its abbreviation fits.
    folded = (f"main (app/main.py:1);{H};target_fn (app/t.py:3) 400\n"
              f"main (app/main.py:1);{H} 1000\n"
              "main (app/main.py:1);other_caller (app/o.py:9);target_fn (app/t.py:3) 600\n")
    labels = assert_sandwich_labels_are_layouts(page, render, folded, "target_fn (app/t.py:3)", [])
    assert (H, "handle_request_and_dispatch_to_worker_pool (request.py:120)") in labels


def test_sandwich_callers_only_in_thin_frames_are_abbreviated(page, render):
    # Two 1-sample callers, far too thin to draw in the graph: in the
    # sandwich of what they call, each spans half the width.
    callers = ["dispatch_incoming_request_to_the_registered_handler (app/server/routing/dispatcher.py:311)",
               "schedule_background_job_with_retries_and_backoff (app/server/jobs/scheduler.py:97)"]
    folded = (f"main (app/main.py:1);{callers[0]};process_item (app/items.py:40) 1\n"
              f"main (app/main.py:1);{callers[1]};process_item (app/items.py:40) 1\n"
              "main (app/main.py:1);serve_forever (app/server.py:10) 199998\n")
    labels = assert_sandwich_labels_are_layouts(page, render, folded, "process_item (app/items.py:40)", [])
    for caller in callers:
        # A shorter form that names the function, not a cut of the path.
        function = caller.split(" (")[0]
        label = [label for name, label in labels if name == caller][0]
        assert label.startswith(function + " (") and label != caller and "\u2026" not in label, label


@pytest.mark.parametrize("flags", [[], ["--truncate-text-right"], ["--label-style", "full"]])
def test_sandwich_labels_are_those_of_the_static_layout(page, render, flags):
    # Names of every syntax at many widths on both sides of a function
    # too thin to draw in the graph: each label of its sandwich (a whole
    # name, a shorter form or a cut) is the one layout gives at that width.
    rng = random.Random(13)
    pool = sympy_names(40, rng) + HAND_WRITTEN_NAMES
    function = "focus (module.py:1)"
    lines = []
    # Few names next to the function, more further away: wide frames and
    # narrow ones.
    def side():
        return [rng.choice(pool[:3 + 8 * level]) for level in range(rng.randint(0, 3))]

    for _ in range(300):
        above, below = side(), side()
        lines.append(";".join(["main"] + list(reversed(above)) + [function] + below)
                     + f" {int(rng.paretovariate(1.1) * 3)}")
    # So much elsewhere that the graph draws none of these frames: the
    # sandwich is the only view that shows them.
    lines.append("main;elsewhere 50000000")
    folded = "\n".join(lines) + "\n"
    labels = assert_sandwich_labels_are_layouts(page, render, folded, function, flags)
    assert len(labels) > 150
    shorter_forms = [label for name, label in labels if label and label != name and "\u2026" not in label]
    if flags == ["--label-style", "full"]:
        assert not shorter_forms
    else:
        assert len(shorter_forms) >= 5


def test_a_sandwich_opens_from_the_keyboard_and_back_returns(page, driver, render):
    page.open(render(RECURSIVE))
    lex = [f for f in page.static_frames() if f["name"] == "lex"][0]["index"]
    page.click_frame(lex)
    page.keys("s")
    assert page.script("return window.flamegraph.view.mode") == "sandwich"
    # The URL follows the view once it is painted.
    WebDriverWait(driver, 5).until(lambda d: "sandwich=lex" in page.hash())
    assert page.text_of("unzoom") == "Back to Graph"
    page.keys(Keys.ESCAPE)
    WebDriverWait(driver, 5).until(lambda d: page.script("return window.flamegraph.view.mode") == "graph")
    assert page.zoomed == lex
    # Clicking a caller opens that function's sandwich; Back returns.
    page.script("window.flamegraph.show('#sandwich=lex')")
    caller = [f for f in page.shown() if f["role"] == "caller" and f["name"] == "parse"][0]
    box = page.script("return window.flamegraph.clientBox(arguments[0], 'caller')", caller["index"])
    canvas = driver.find_element(By.ID, "fg-canvas")
    origin = page.script("const r = arguments[0].getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]", canvas)
    ActionChains(driver).move_to_element_with_offset(
        canvas, int(box["x"] + 5 - origin[0]), int(box["y"] + box["height"] / 2 - origin[1])).click().perform()
    assert page.script("return window.flamegraph.sandwich.name") == "parse"
    page.hash()  # the views are in the history
    driver.back()
    WebDriverWait(driver, 5).until(lambda d: page.script("return window.flamegraph.view.sandwichName") == "lex")


def test_s_opens_the_sandwich_of_the_function_a_search_matches_most(page, driver, render):
    page.open(render(RECURSIVE))
    page.keys("/")
    driver.find_element(By.ID, "fg-search-input").send_keys("^(lex|read|tiny_a)$")
    page.keys(Keys.ENTER)  # closes the field; no frame is pointed at or focused
    assert page.text_of("details").startswith("Press s")
    page.keys("s")
    totals, _ = function_oracle(RECURSIVE)
    expected = max(("lex", "read", "tiny_a"), key=lambda name: totals[name])
    assert page.script("return window.flamegraph.view.mode") == "sandwich"
    assert page.script("return window.flamegraph.sandwich.name") == expected
    assert page.script("return window.flamegraph.sandwich.total") == totals[expected]


def details_button(page):
    return page.script("""const b = document.getElementById('fg-details-sandwich');
        return b && getComputedStyle(b).display !== 'none' ? b.getBoundingClientRect().toJSON() : null;""")


def test_the_details_line_has_a_sandwich_button(page, driver, render):
    page.open(render(RECURSIVE))
    assert details_button(page) is None  # no frame described yet
    read = page.index_of("read")
    page.mouse_to_frame(read).perform()
    assert page.text_of("details").startswith("Function: read ")
    box = details_button(page)
    assert box is not None
    # The pointer leaves the graph for the button: the line keeps the frame.
    button = driver.find_element(By.ID, "fg-details-sandwich")
    ActionChains(driver).move_to_element(button).click().perform()
    assert page.script("return window.flamegraph.sandwich.name") == "read"
    page.keys(Keys.ESCAPE)
    WebDriverWait(driver, 5).until(lambda d: page.script("return window.flamegraph.view.mode") == "graph")
    # By keyboard: a frame focused in the graph, Tab to the button, Enter
    # (the pointer away from the graph, which the line would describe).
    ActionChains(driver).move_to_element(driver.find_element(By.ID, "title")).perform()
    canvas = driver.find_element(By.ID, "fg-canvas")
    page.script("arguments[0].focus()", canvas)
    page.keys(Keys.ARROW_UP, Keys.ARROW_UP)  # main, then its first child
    name = page.text_of("details").split(" ")[1]
    page.keys(Keys.TAB)
    assert driver.switch_to.active_element == driver.find_element(By.ID, "fg-details-sandwich")
    assert page.text_of("details").startswith("Function: " + name + " ")
    page.keys(Keys.ENTER)
    assert page.script("return window.flamegraph.sandwich.name") == name
    # In a sandwich, the button opens a caller's or callee's own sandwich.
    caller = [f for f in page.shown() if f["role"] == "caller"][0]
    box = page.script("return window.flamegraph.clientBox(arguments[0], 'caller')", caller["index"])
    origin = page.script("const r = arguments[0].getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]", canvas)
    ActionChains(driver).move_to_element_with_offset(
        canvas, int(box["x"] + 3 - origin[0]), int(box["y"] + box["height"] / 2 - origin[1])).perform()
    ActionChains(driver).move_to_element(driver.find_element(By.ID, "fg-details-sandwich")).click().perform()
    assert page.script("return window.flamegraph.sandwich.name") == caller["name"]


def sandwich_rows(page):
    data = page.script("return JSON.parse(document.getElementById('fg-data').textContent).layout")
    top = float(page.script("return document.getElementById('fg-view').getAttribute('y')"))
    return top, data["frameHeight"]


def test_left_heavy_orders_both_sides_of_a_sandwich(page, driver, render):
    function = "parse"
    callers, callees = sandwich_sides(RECURSIVE, function)
    expected = {}
    for role, side in (("caller", callers), ("callee", callees)):
        page.open(render(side, "--sort", "size"))
        expected.update({(role, path[1:]): f for path, f in graph_paths(page.static_frames()).items()
                         if len(path) > 1 and not (role == "caller" and len(path) == 2)})
    page.open(render(RECURSIVE), "#sandwich=parse")
    unsorted = {key: f["x"] for key, f in shown_by_path(page.shown()).items()}
    page.keys("h")
    assert page.script("return window.flamegraph.view.leftHeavy")
    shown = shown_by_path(page.shown())
    assert set(expected) <= set(shown) and len(expected) > 8  # the sandwich draws thin frames too
    for key, frame in expected.items():
        assert hundredths(shown[key]["x"]) == frame["x"], key
    assert any(unsorted[key] != shown[key]["x"] for key in shown)  # the order changed
    # Widest first among the children of each frame, on both sides.
    siblings = {}
    for (role, path), frame in shown.items():
        siblings.setdefault((role, path[:-1]), []).append(frame)
    for group in siblings.values():
        ordered = sorted(group, key=lambda f: f["x"])
        assert [f["total"] for f in ordered] == sorted((f["total"] for f in ordered), reverse=True)


def test_flip_swaps_the_sides_of_a_sandwich(page, driver, render):
    page.open(render(RECURSIVE), "#sandwich=parse")
    top, height = sandwich_rows(page)
    for flipped in (False, True):
        shown = shown_by_path(page.shown())
        depth = {"caller": max(len(p) - 1 for r, p in shown if r == "caller"),
                 "callee": max(len(p) - 1 for r, p in shown if r == "callee")}
        # Callers above the function and callees below it; the other way
        # round when flipped. The highest row is at the top of the area.
        up, down = ("callee", "caller") if flipped else ("caller", "callee")
        middle = top + depth[up] * height
        for (role, path), frame in shown.items():
            rows = len(path) - 1
            assert frame["y"] == middle + (-rows if role == up else rows) * height, (flipped, role, path)
            if frame["width"] > 4:
                color = page.pixel(frame["x"] + 2, frame["y"] + 3)
                assert css_hex("rgb(%d,%d,%d)" % tuple(color[:3])) == frame["fill"], (flipped, path)
        if not flipped:
            page.keys("i")
            assert page.script("return window.flamegraph.view.flipped")
    assert page.text_of("details").endswith("callers below, callees above")


# ---------------------------------------------------------------------------
# Left heavy, flip.


def test_left_heavy_is_the_static_layout_sorted_by_size(page, driver, render):
    page.open(render(SYMPY_CPU, "--sort", "size"))
    expected = graph_paths(page.static_frames())
    page.open(render(SYMPY_CPU))
    page.keys("h")
    assert page.script("return window.flamegraph.view.leftHeavy")
    WebDriverWait(driver, 5).until(lambda d: "heavy=1" in page.hash())
    shown = graph_paths(page.shown())
    assert shown.keys() == expected.keys()
    for path, frame in expected.items():
        drawn = shown[path]
        assert hundredths(drawn["x"]) == frame["x"], path
        assert hundredths(drawn["width"]) == frame["width"], path
        assert drawn["label"] == frame["label"], path
    # Widest first: under each frame, children's x follow their totals.
    by_parent = {}
    for frame in page.shown():
        by_parent.setdefault(frame["parent"], []).append(frame)
    for children in by_parent.values():
        ordered = sorted(children, key=lambda f: f["x"])
        assert [f["total"] for f in ordered] == sorted((f["total"] for f in ordered), reverse=True)
    page.keys("h")
    assert not page.script("return window.flamegraph.view.leftHeavy")


def test_flip_draws_the_static_icicle(page, render):
    page.open(render(SMALL, "-i"))
    icicle = {f["name"] + str(f["parent"]): f for f in page.static_frames()}
    page.open(render(SMALL))
    before = {f["name"] + str(f["parent"]): f["y"] for f in page.shown()}
    page.keys("i")
    assert page.script("return window.flamegraph.view.flipped")
    shown = page.shown()
    for frame in shown:
        key = frame["name"] + str(frame["parent"])
        assert frame["y"] == icicle[key]["y"], key
        assert frame["y"] != before[key] or frame["depth"] * 2 == len(icicle) - 1, key
        if frame["width"] > 6:
            color = page.pixel(frame["x"] + 2, frame["y"] + 3)
            assert css_hex("rgb(%d,%d,%d)" % tuple(color[:3])) == frame["fill"], key
    page.keys("i")
    assert {f["name"] + str(f["parent"]): f["y"] for f in page.shown()} == before


# ---------------------------------------------------------------------------
# Themes.


def chrome_contrast(page):
    """Contrast of the title and details against the background shown."""
    background = css_hex(page.script("return document.documentElement.querySelector('rect').getAttribute('fill')"))
    texts = [css_hex(page.script("return getComputedStyle(document.getElementById(arguments[0])).fill", name))
             for name in ("title", "details", "search", "fg-functions")]
    return [contrast(text, background) for text in texts]


def test_labels_keep_aa_contrast_in_both_themes(page, driver, render):
    path = render(SYMPY_CPU, "--theme", "dark")
    page.open(path)
    assert page.script("return window.flamegraph.view.theme") == "dark"
    fills_dark = {f["index"]: f["fill"] for f in page.shown()}
    assert min(chrome_contrast(page)) >= 4.5
    page.keys("d")
    assert page.script("return window.flamegraph.view.theme") == "light"
    fills_light = {f["index"]: f["fill"] for f in page.shown()}
    assert fills_dark == fills_light  # frame colors keep their meaning
    labelled = [f for f in page.shown() if f["label"]]
    assert len(labelled) > 50
    assert {f["labelColor"] for f in labelled} == {"#000000", "#ffffff"}
    for frame in labelled:
        assert contrast(frame["labelColor"], frame["fill"]) >= 4.5, frame
    # Search highlights too.
    page.script("window.flamegraph.show('#search=' + encodeURIComponent('^[a-m]'))")
    matched = [f for f in page.shown() if f["matched"] and f["label"]]
    assert matched and all(contrast(f["labelColor"], f["fill"]) >= 4.5 for f in matched)


def test_auto_theme_follows_the_reader_and_uicolor_colors_the_text(page, driver, render):
    path = render(SMALL, "--uicolor", "#1a237e")
    try:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                               {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
        page.open(path)
        assert page.script("return window.flamegraph.view.theme") == "dark"
        assert min(chrome_contrast(page)) >= 4.5
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                               {"features": [{"name": "prefers-color-scheme", "value": "light"}]})
        page.open(path)
        assert page.script("return window.flamegraph.view.theme") == "light"
        assert css_hex(page.script("return getComputedStyle(document.getElementById('title')).fill")) == "#1a237e"
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


# ---------------------------------------------------------------------------
# Width.


def test_without_a_width_the_graph_fills_the_window(page, driver, render):
    fluid = render(SYMPY_CPU, fluid=True)
    try:
        for window in (900, 1500):
            driver.set_window_size(window, 1400)
            page.open(fluid)
            width = page.script("return document.documentElement.clientWidth")
            assert page.script("return window.flamegraph.view.width") == width
            assert page.script("return document.documentElement.getAttribute('width')") == str(width)
            shown = page.shown()
            page.open(render(SYMPY_CPU, "--width", str(width)))
            static = page.static_frames()
            assert len(shown) == len(static)
            for frame, drawn in zip(static, shown):
                assert hundredths(drawn["x"]) == frame["x"], frame["name"]
                assert hundredths(drawn["width"]) == frame["width"], frame["name"]
                assert drawn["label"] == frame["label"], frame["name"]
        # A resize lays the graph out again.
        page.open(fluid)
        driver.set_window_size(1100, 1400)
        WebDriverWait(driver, 5).until(lambda d: page.script(
            "return window.flamegraph.view.width === document.documentElement.clientWidth"))
        assert page.shown()[0]["width"] == page.script("return document.documentElement.clientWidth") - 20
    finally:
        driver.set_window_size(1300, 2000)


def test_a_given_width_stays(page, driver, render):
    page.open(render(SMALL, "--width", "700"))
    assert page.script("return window.flamegraph.view.width") == 700
    assert page.shown()[0]["width"] == 680


# ---------------------------------------------------------------------------
# Function table.


def table_rows(page):
    return page.script("""return [...document.querySelectorAll('#fg-table-body tr[data-name]')].map(
        (row) => [...row.children].map((cell) => cell.textContent));""")


def function_oracle(folded):
    totals, selfs = {}, {}
    for frames, count in stacks(folded):
        for name in set(frames):
            totals[name] = totals.get(name, 0) + count
        selfs[frames[-1]] = selfs.get(frames[-1], 0) + count
    return totals, selfs


def count_text(value, total):
    whole = f"{int(value):,}"
    return f"{whole} ({math.floor(value / total * 10000 + 0.5) / 100:.2f}%)"


def test_the_function_table_sorts_filters_and_opens_sandwiches(page, driver, render):
    page.open(render(RECURSIVE))
    page.keys("t")
    assert page.script("return window.flamegraph.view.mode") == "table"
    assert driver.switch_to.active_element == driver.find_element(By.ID, "fg-table-filter")
    totals, selfs = function_oracle(RECURSIVE)
    grand = sum(count for _, count in stacks(RECURSIVE))
    rows = table_rows(page)
    assert {row[2] for row in rows} == set(totals)
    for row in rows:
        assert row[0] == count_text(selfs.get(row[2], 0), grand), row
        assert row[1] == count_text(totals[row[2]], grand), row
    by_self = [row[2] for row in rows]
    assert [selfs.get(n, 0) for n in by_self] == sorted((selfs.get(n, 0) for n in by_self), reverse=True)
    driver.find_element(By.ID, "fg-sort-total").click()
    assert [totals[row[2]] for row in table_rows(page)] == sorted(totals.values(), reverse=True)
    field = driver.find_element(By.ID, "fg-table-filter")
    field.send_keys("TINY")
    assert sorted(row[2] for row in table_rows(page)) == ["tiny_a", "tiny_b", "tiny_c"]
    WebDriverWait(driver, 5).until(lambda d: "filter=TINY" in page.hash())
    assert "sort=total" in page.hash()
    # A click on a row opens its sandwich; Escape returns to the table.
    driver.find_element(By.CSS_SELECTOR, "#fg-table-body tr[data-name]").click()
    assert page.script("return window.flamegraph.view.mode") == "sandwich"
    page.keys(Keys.ESCAPE)
    WebDriverWait(driver, 5).until(lambda d: page.script("return window.flamegraph.view.mode") == "table")
    # Keyboard: down to the first row, Enter.
    field = driver.find_element(By.ID, "fg-table-filter")
    field.click()
    field.send_keys(Keys.ARROW_DOWN)
    page.keys(Keys.ENTER)
    assert page.script("return window.flamegraph.view.mode") == "sandwich"


# ---------------------------------------------------------------------------
# The URL, hostile names.


def test_every_view_reopens_from_its_url(page, driver, render):
    path = render(RECURSIVE)
    for fragment in ("#sandwich=parse&heavy=1&flip=1&theme=dark&search=lex",
                     "#view=functions&sort=total&filter=pa&theme=light",
                     "#zoom=2&heavy=1&flip=1"):
        page.open(path, fragment)
        assert urllib.parse.parse_qs(page.hash()[1:]) == urllib.parse.parse_qs(fragment[1:])
        state, shown = page.script("return window.flamegraph.view"), page.shown()
        rows = table_rows(page) if "functions" in fragment else None
        driver.get("about:blank")
        page.open(path, fragment)
        assert page.script("return window.flamegraph.view") == state
        assert page.shown() == shown
        if rows is not None:
            assert table_rows(page) == rows and rows


LONG = "x" * 3000 + "::very_long_function_name(" + "a, " * 500 + ")"
HOSTILE_NAMES = HOSTILE + [LONG, "regex (.*)+$ [a-z]{2,} \\d+ ^$|?", "tab\tand unicode \u00e9\u4e2d\U0001F600"]


def test_hostile_names_stay_text_in_every_view(page, driver, render):
    folded = "".join(f"main;{name};child 10\nmain;caller;{name} 5\n" for name in HOSTILE_NAMES)
    page.open(render(folded))
    for name in HOSTILE_NAMES:
        page.script("window.flamegraph.show(arguments[0])", "#sandwich=" + urllib.parse.quote(name))
        assert page.script("return window.flamegraph.sandwich.name") == name
        assert page.script("return window.flamegraph.sandwich.total") == 15
        assert {f["name"] for f in page.shown()} == {name, "child", "main", "caller"}
    page.script("window.flamegraph.show('#view=functions')")
    names = {row[2] for row in table_rows(page)}
    assert set(HOSTILE_NAMES) <= names
    for name in HOSTILE_NAMES[:6]:
        page.script("window.flamegraph.show(arguments[0])", "#view=functions&filter=" + urllib.parse.quote(name))
        rows = table_rows(page)
        assert rows and all(name in row[2] for row in rows), name
    page.script("window.flamegraph.show('#view=functions&filter=' + encodeURIComponent('(.*'))")
    assert [row[2] for row in table_rows(page)] == ["regex (.*)+$ [a-z]{2,} \\d+ ^$|?"]
    assert page.script("return window.__xss") is None
    assert page.script("return document.getElementsByTagName('img').length") == 0
    assert page.script("return document.getElementsByTagName('script').length") == 2


def test_links_to_views_that_cannot_be_are_the_graph(page, render):
    # The root is no function; a name no frame has, a zoom past the last frame.
    for fragment in ("#sandwich=all", "#sandwich=nowhere", "#zoom=99999", "#zoom=-3&view=nothing"):
        page.open(render(SMALL), fragment)
        assert page.script("return window.flamegraph.view.mode") == "graph", fragment
        assert page.zoomed == 0
        assert len(page.shown()) == len(page.static_frames())


def test_views_changed_within_one_frame_keep_their_own_history_entries(page, driver, render):
    # A zoom and a sandwich in the same task (a fast reader, or a busy
    # machine): Escape from the sandwich returns to the zoomed graph.
    page.open(render(RECURSIVE))
    lex = [f for f in page.static_frames() if f["name"] == "lex"][0]["index"]
    box = page.script("return window.flamegraph.clientBox(arguments[0])", lex)
    page.script(
        "const canvas = document.getElementById('fg-canvas');"
        "const x = arguments[0].x + 5, y = arguments[0].y + arguments[0].height / 2;"
        "canvas.dispatchEvent(new MouseEvent('mousemove', {clientX: x, clientY: y, bubbles: true}));"
        "canvas.dispatchEvent(new MouseEvent('click', {clientX: x, clientY: y, bubbles: true}));"
        "window.dispatchEvent(new KeyboardEvent('keydown', {key: 's', bubbles: true}));", box)
    assert page.script("return window.flamegraph.view.mode") == "sandwich"
    page.keys(Keys.ESCAPE)
    WebDriverWait(driver, 5).until(lambda d: page.script("return window.flamegraph.view.mode") == "graph")
    assert page.zoomed == lex
