"""The interactive SVG in a real browser: headless Chromium driven by selenium.

Run from the repository root: python3 -m pytest Tests/Browser -q
Needs Debian's chromium and chromium-driver, and `python3 -m pip install
selenium==4.27.1 pytest` (scripts/install-dependencies --test installs them).

Documents are rendered with the debug build of the command-line tool, from
profiles written here or kept in the repository. Oracles are computed from
the folded text itself where possible (search shares), or from the static
layout that the tool writes (positions and labels), so that the script is
checked against the Swift layout, not against itself.
"""
import json
import math
import os
import random
import re
import shutil
import subprocess
import urllib.parse
from pathlib import Path

import pytest

os.environ["SE_AVOID_STATS"] = "true"  # selenium must never try the network

from selenium import webdriver  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent.parent
SEED_MEMORY = ROOT / "Examples" / "seed-memory.folded"
SYMPY_CPU = ROOT / "Goldens" / "inputs" / "sympy-cpu.folded"

# A small profile whose frames are wide enough to click, with nested
# repeats (parse under parse) and names that need cutting when zoomed out.
SMALL = """\
main;load_configuration_from_environment_and_files;parse;read_file 30
main;load_configuration_from_environment_and_files;parse 10
main;compute;parse;tokenize 25
main;compute;parse;parse;tokenize 5
main;compute;sum_all_the_values_in_the_very_long_list 20
main;render 8
main 2
"""

HOSTILE = [
    "<img src=x onerror=\"window.__xss = 1\">",
    "</script><script>window.__xss = 2</script>",
    "]]><script>window.__xss = 3</script>",
    "quote \" and ' and `back`",
    "amp & <tag> &amp &lt",
]


# ---------------------------------------------------------------------------
# Rendering and the browser.


@pytest.fixture(scope="session")
def flamegraph():
    """The debug build of the command-line tool."""
    subprocess.run(["swift", "build", "--product", "flamegraph"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    bin_path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True,
                              capture_output=True, text=True).stdout.strip()
    tool = Path(bin_path) / "flamegraph"
    assert tool.is_file(), tool
    return tool


@pytest.fixture(scope="session")
def render(flamegraph, tmp_path_factory):
    """render(folded text or path, *flags) -> path of the SVG."""
    directory = tmp_path_factory.mktemp("svg")
    counter = iter(range(1_000_000))

    def render(source, *flags, fluid=False):
        """Renders at the default width, fixed (the graph fills the window
        when `fluid`, as without --width)."""
        number = next(counter)
        if not fluid and "--width" not in flags:
            flags = ("--width", "1200", *flags)
        if isinstance(source, Path):
            folded = source
        else:
            folded = directory / f"input-{number}.folded"
            folded.write_text(source, encoding="utf-8")
        output = directory / f"graph-{number}.svg"
        subprocess.run([str(flamegraph), str(folded), *flags, "-o", str(output)], check=True)
        return output

    return render


@pytest.fixture(scope="session")
def driver():
    chromedriver = shutil.which("chromedriver")
    assert chromedriver, "install Debian's chromium and chromium-driver"
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1300,2000"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=webdriver.ChromeService(executable_path=chromedriver),
                               options=options)
    yield browser
    browser.quit()


@pytest.fixture
def page(driver):
    """Opens documents; after the test, asserts the console stayed clean."""
    class Page:
        def open(self, path, fragment=""):
            driver.get(path.as_uri() + fragment)
            WebDriverWait(driver, 10).until(lambda d: d.execute_script("return !!window.flamegraph"))
            return self

        def script(self, code, *arguments):
            return driver.execute_script(code, *arguments)

        @property
        def zoomed(self):
            return self.script("return window.flamegraph.zoomed")

        def shown(self):
            return self.script("return window.flamegraph.shownFrames()")

        def static_frames(self):
            """The static document's frames: name, parent, rect and label."""
            return self.script(STATIC_FRAMES)

        def index_of(self, name):
            return [f["index"] for f in self.static_frames() if f["name"] == name][0]

        def click_frame(self, index):
            self.mouse_to_frame(index).click().perform()

        def mouse_to_frame(self, index):
            box = self.script("return window.flamegraph.clientBox(arguments[0])", index)
            assert box, f"frame {index} is not shown"
            canvas = driver.find_element(By.ID, "fg-canvas")
            origin = self.script("const r = arguments[0].getBoundingClientRect();"
                                 "return [r.x + r.width / 2, r.y + r.height / 2]", canvas)
            x = box["x"] + min(box["width"] / 2, 20) - origin[0]
            y = box["y"] + box["height"] / 2 - origin[1]
            return ActionChains(driver).move_to_element_with_offset(canvas, int(x), int(y))

        def keys(self, *keys):
            ActionChains(driver).send_keys(*keys).perform()

        def hash(self):
            """The URL fragment, once the view shown is written to it (the
            viewer writes it after painting)."""
            return driver.execute_async_script(
                "const done = arguments[0];"
                "requestAnimationFrame(() => setTimeout(() => setTimeout(() => done(location.hash), 0), 0));")

        def text_of(self, element_id):
            return self.script("return document.getElementById(arguments[0]).textContent", element_id)

        def pixel(self, x, y):
            """The canvas's color at a point of the SVG, as [r, g, b, a]."""
            return self.script(PIXEL, x, y)

    driver.get_log("browser")  # drop what earlier tests left
    yield Page()
    errors = [entry for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]
    assert not errors, f"console: {errors}"


STATIC_FRAMES = """
const decoded = window.flamegraph.frames();
// A frame thinner than a pixel is a bare <rect>; the others a <g> of a
// title, a rect and maybe a label.
return [...document.getElementById('frames').children].map((g, i) => {
  const bare = g.localName === 'rect';
  const rect = bare ? g : g.children[1];
  const label = !bare && g.children[2] && g.children[2].localName === 'text' ? g.children[2] : null;
  return {
    index: i, name: decoded[i].name, parent: decoded[i].parent,
    x: rect.getAttribute('x'), y: parseFloat(rect.getAttribute('y')),
    width: rect.getAttribute('width'), fill: rect.getAttribute('fill'),
    label: label ? label.textContent : '', labelX: label ? label.getAttribute('x') : null,
    trailing: label ? label.getAttribute('text-anchor') === 'end' : false,
    title: bare ? '' : g.children[0].textContent,
  };
});
"""

PIXEL = """
const [x, y] = arguments;
const canvas = document.getElementById('fg-canvas');
const view = document.getElementById('fg-view');
const sx = canvas.width / parseFloat(view.getAttribute('width'));
const sy = canvas.height / parseFloat(view.getAttribute('height'));
const top = parseFloat(view.getAttribute('y'));
// Copied first: reading the page's canvas itself many times makes the
// browser warn about readbacks.
const copy = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
copy.width = 1; copy.height = 1;
const context = copy.getContext('2d', {willReadFrequently: true});
context.drawImage(canvas, Math.floor(x * sx), Math.floor((y - top) * sy), 1, 1, 0, 0, 1, 1);
return [...context.getImageData(0, 0, 1, 1).data];
"""


def hundredths(value):
    """A number as the Swift writer writes it: at most two decimals."""
    text = f"{math.floor(value * 100 + 0.5) / 100:.2f}".rstrip("0").rstrip(".")
    return text


def percent(share):
    """A share as the script shows it (CountFormatter.percent)."""
    return f"{math.floor(share * 10000 + 0.5) / 100:.2f}"


def share_of(folded, matches):
    """The share of samples with a matching frame in their stack: the oracle."""
    total = matched = 0.0
    for line in folded.splitlines():
        if not line.strip():
            continue
        stack, count = line.rsplit(" ", 1)
        total += float(count)
        if any(matches(frame) for frame in stack.split(";")):
            matched += float(count)
    return matched / total


DIGITS = [chr(c) for c in range(0x23, 0x7F) if chr(c) not in "&<>\\]"]


def compact(text):
    """The integers of a compact string (CompactIntegers.swift)."""
    values, value = [], 0
    for character in text:
        digit = DIGITS.index(character)
        if digit >= 57:
            value = value * 30 + digit - 57
        else:
            values.append(value * 57 + digit)
            value = 0
    return values


def decoded_data(page):
    """The data block, with its names, frame names and thin frames decoded."""
    data = json.loads(page.script("return document.getElementById('fg-data').textContent"))
    names, previous, offset = [], "", 0
    text = data["names"]["text"].encode("utf-16-le")
    for shared, length in zip(compact(data["names"]["shared"]), compact(data["names"]["lengths"])):
        previous = previous.encode("utf-16-le")[:2 * shared].decode("utf-16-le", "surrogatepass") + \
            text[2 * offset:2 * (offset + length)].decode("utf-16-le", "surrogatepass")
        offset += length
        names.append(previous)
    return {
        "names": names,
        "frame_names": [names[n] for n in compact(data["frames"]["name"])],
        "thin_names": [names[n] for n in compact(data["thin"]["name"])],
        "unlisted": compact(data["unlisted"]["gap"]),
    }


def hex_color(text):
    return [int(text[i:i + 2], 16) for i in (1, 3, 5)]


# ---------------------------------------------------------------------------
# The view.


def test_the_script_takes_over_from_the_static_frames(page, render):
    page.open(render(SMALL))
    assert page.script("return document.documentElement.classList.contains('fg-scripted')")
    assert page.script("return getComputedStyle(document.getElementById('frames')).display") == "none"
    assert page.script("return getComputedStyle(document.getElementById('fg-view')).display") != "none"
    assert page.zoomed == 0
    assert page.text_of("search") == "Search"


def test_without_javascript_the_document_is_static(page, driver, render):
    path = render(SMALL, "--no-javascript")
    text = path.read_text(encoding="utf-8")
    assert "<script" not in text and "fg-view" not in text
    driver.get(path.as_uri())
    assert driver.execute_script("return getComputedStyle(document.getElementById('frames')).display") != "none"


@pytest.mark.parametrize("profile,flags", [
    (SYMPY_CPU, []),
    (SEED_MEMORY, ["--countname", "bytes", "-i"]),
    (ROOT / "Goldens" / "inputs" / "long-names.folded", ["--width", "800", "-i"]),
    (ROOT / "Goldens" / "inputs" / "long-names.folded", ["--width", "800", "--truncate-text-right"]),
    # Filters: a fixed scale (--total: the root is 1,659/20,000 of the width), widest first.
    (SYMPY_CPU, ["--total", "20000", "--sort", "size", "--collapse-recursion"]),
])
def test_the_unzoomed_view_is_the_static_layout(page, render, profile, flags):
    page.open(render(profile, *flags))
    static = page.static_frames()
    shown = page.shown()
    assert [f["index"] for f in shown] == list(range(len(static)))
    for frame, drawn in zip(static, shown):
        assert hundredths(drawn["x"]) == frame["x"], frame["name"]
        assert hundredths(drawn["width"]) == frame["width"], frame["name"]
        assert drawn["label"] == frame["label"], frame["name"]
        assert drawn["trailing"] == frame["trailing"], frame["name"]


def test_a_click_zooms_to_the_frame(page, render):
    page.open(render(SMALL))
    static = {f["name"]: f for f in page.static_frames() if f["name"] != "parse" or f["parent"] == 1}
    compute = page.index_of("compute")
    page.click_frame(compute)
    assert page.zoomed == compute
    shown = {f["name"]: f for f in page.shown()}
    # The zoomed frame spans the drawable width; its descendants scale with it.
    assert shown["compute"]["x"] == 10 and abs(shown["compute"]["width"] - 1180) < 1e-9
    scale = 1180 / float(static["compute"]["width"])
    for name in ("sum_all_the_values_in_the_very_long_list", "tokenize"):
        assert abs(shown[name]["width"] - float(static[name]["width"]) * scale) < 0.05
    # Ancestors stay, full width and faded; other subtrees are gone.
    assert shown["main"]["faded"] and shown["all"]["faded"]
    assert shown["main"]["width"] == 1180
    assert "render" not in shown and "read_file" not in shown
    assert page.text_of("unzoom") == "Reset Zoom"
    assert page.script("return getComputedStyle(document.getElementById('unzoom')).display") != "none"


def test_the_canvas_draws_the_zoomed_view(page, render):
    page.open(render(SMALL))
    static = page.static_frames()
    compute = page.index_of("compute")
    page.click_frame(compute)
    for frame in page.shown():
        if frame["width"] < 6 or frame["faded"]:
            continue
        y = static[frame["index"]]["y"] + 3
        color = page.pixel(frame["x"] + 2, y)
        assert color[:3] == hex_color(static[frame["index"]]["fill"]) and color[3] == 255, frame["name"]
    # Where "render" was, on the row of "compute", there is "compute" now.
    render_frame = static[page.index_of("render")]
    assert page.pixel(float(render_frame["x"]) + 2, render_frame["y"] + 3)[:3] == hex_color(static[compute]["fill"])


def test_zoomed_labels_are_those_of_the_static_layout_rooted_there(page, render):
    # Random names of many lengths under a frame found once: zoomed there,
    # every label must be the one a static graph of that subtree shows
    # (the tool's --base re-roots the graph at it).
    rng = random.Random(7)
    words = ["alpha", "beta", "gamma", "delta", "épsilon", "zeta", "eta", "theta", "iota", "kappa"]
    lines = []
    for _ in range(300):
        depth = rng.randint(1, 6)
        stack = ["main", "outer"] + ["_".join(rng.choice(words) for _ in range(rng.randint(1, 6)))
                                     + f".py:{rng.randint(1, 999)}" for _ in range(depth)]
        if rng.random() < 0.5:
            stack[2:2] = ["focus (module.py:1)"]
        lines.append(";".join(stack) + f" {rng.randint(1, 40)}")
    lines.append("main;elsewhere 4000")
    folded = "\n".join(lines) + "\n"
    page.open(render(folded))
    focus = page.index_of("focus (module.py:1)")
    page.click_frame(focus)
    zoomed = {}
    frames = {f["index"]: f for f in page.static_frames()}

    def path(index, stop):
        names = []
        while index != stop:
            names.append(frames[index]["name"])
            index = frames[index]["parent"]
        return tuple(reversed(names))

    for frame in page.shown():
        if not frame["faded"]:
            zoomed[path(frame["index"], focus)] = frame
    assert len(zoomed) > 100

    page.open(render(folded, "--base", "focus (module.py:1)"))
    base = page.static_frames()
    base_root = [f["index"] for f in base if f["name"] == "focus (module.py:1)"][0]
    base_frames = {f["index"]: f for f in base}
    frames = base_frames
    compared = 0
    for frame in base:
        key = path(frame["index"], base_root) if frame["index"] > base_root else None
        if key is None or key not in zoomed:
            continue
        drawn = zoomed[key]
        assert drawn["label"] == frame["label"], key
        assert hundredths(drawn["x"]) == frame["x"], key
        assert hundredths(drawn["width"]) == frame["width"], key
        compared += 1
    assert compared == len(zoomed) - 1  # all but the zoomed frame itself (the root's child there)


def test_reset_restores_the_view(page, render):
    page.open(render(SYMPY_CPU))
    before = page.shown()
    target = [f for f in page.static_frames() if float(f["width"]) > 30][40]["index"]
    page.click_frame(target)
    assert page.zoomed == target
    assert page.shown() != before
    page.script("document.getElementById('unzoom').dispatchEvent(new MouseEvent('click', {bubbles: true}))")
    assert page.zoomed == 0
    assert page.shown() == before
    assert page.hash() == ""


def test_escape_and_back_undo_zooms(page, driver, render):
    page.open(render(SMALL))
    compute, parse = page.index_of("compute"), None
    page.click_frame(compute)
    parse = [f["index"] for f in page.shown() if f["name"] == "parse" and not f["faded"]][0]
    page.click_frame(parse)
    assert page.zoomed == parse
    page.keys(Keys.ESCAPE)
    WebDriverWait(driver, 5).until(lambda d: page.zoomed == compute)
    page.hash()  # the views are in the history
    driver.back()
    WebDriverWait(driver, 5).until(lambda d: page.zoomed == 0)
    driver.forward()
    WebDriverWait(driver, 5).until(lambda d: page.zoomed == compute)
    # A faded ancestor zooms out to it.
    page.click_frame(0)
    assert page.zoomed == 0


# ---------------------------------------------------------------------------
# Search.


def search(page, driver, term, key="/", plain=False):
    page.keys(key) if isinstance(key, str) else key()
    field = driver.find_element(By.ID, "fg-search-input")
    assert driver.switch_to.active_element == field
    if plain != driver.find_element(By.ID, "fg-search-plain").is_selected():
        driver.find_element(By.ID, "fg-search-plain").click()
        field.click()
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(term)
    field.send_keys(Keys.ENTER)


def test_search_highlights_and_counts_nested_matches_once(page, driver, render):
    page.open(render(SMALL))
    search(page, driver, "^(parse|tokenize)$")
    expected = share_of(SMALL, lambda f: re.search("^(parse|tokenize)$", f))
    assert page.text_of("matched") == f"Matched: {percent(expected)}%"
    assert expected == 70 / 100  # parse under parse and tokenize under parse count once
    matched = {f["name"] for f in page.shown() if f["matched"]}
    assert matched == {"parse", "tokenize"}
    static = page.static_frames()
    parse = static[page.index_of("parse")]
    assert page.pixel(float(parse["x"]) + 2, parse["y"] + 3)[:3] == hex_color("#e600e6")
    # The share stays a share of everything when zoomed.
    page.click_frame(page.index_of("compute"))
    assert page.text_of("matched") == f"Matched: {percent(expected)}%"
    assert {f["name"] for f in page.shown() if f["matched"]} == {"parse", "tokenize"}


def test_search_counts_frames_too_thin_to_draw(page, driver, render):
    folded = SEED_MEMORY.read_text(encoding="utf-8")
    page.open(render(SEED_MEMORY, "--countname", "bytes"))
    data = decoded_data(page)
    assert len(data["thin_names"]) > 1000 and data["unlisted"] == []
    drawn = set(data["frame_names"])
    # The widest of the names only thin frames have: never drawn, yet counted.
    thin_only = set(data["thin_names"]) - drawn
    hidden = max(sorted(thin_only), key=lambda name: share_of(folded, lambda f: f == name))
    assert share_of(folded, lambda f: f == hidden) > 0
    for term in ("importlib", "numpy/core", "_call_with_frames_removed", hidden):
        search(page, driver, term, plain=True)
        expected = share_of(folded, lambda f, t=term: t in f)
        assert page.text_of("matched") == f"Matched: {percent(expected)}%", term


def test_plain_text_search_and_invalid_expressions(page, driver, render):
    page.open(render(SMALL))
    ctrl_f = ActionChains(driver).key_down(Keys.CONTROL).send_keys("f").key_up(Keys.CONTROL)
    search(page, driver, "sum_all(", key=ctrl_f.perform)
    assert page.text_of("matched") == 'Invalid regular expression: at character 8: unmatched "("'
    assert not any(f["matched"] for f in page.shown())
    search(page, driver, "sum_all(", plain=True)
    assert page.text_of("matched") == "Matched: 0.00%"
    search(page, driver, "sum_all_the", plain=True)
    assert page.text_of("matched") == f"Matched: {percent(0.2)}%"
    # Reset Search clears it.
    driver.find_element(By.ID, "search").click()
    assert page.text_of("search") == "Search"
    assert not any(f["matched"] for f in page.shown())
    assert page.script("return getComputedStyle(document.getElementById('matched')).display") == "none"


SHARED_REGEX_CASES = ROOT / "Tests" / "Shared" / "linear-regex-cases.json"


def test_search_patterns_follow_the_shared_cases(page, render):
    """The viewer's matcher gives the verdicts LinearRegex (Swift) gives."""
    page.open(render(SMALL))
    cases = json.loads(SHARED_REGEX_CASES.read_text(encoding="utf-8"))["cases"]
    assert len(cases) > 50
    verdicts = page.script("""
        return arguments[0].map((c) => {
          try { return FlameGraphLinearRegex.compile(c.pattern)(c.text); }
          catch (error) { return null; }
        });""", cases)
    wrong = [(c["pattern"], c["text"], v) for c, v in zip(cases, verdicts) if v != c["matches"]]
    assert wrong == []


def test_a_catastrophic_search_in_a_link_does_not_freeze_the_page(page, driver, render):
    # With the browser's RegExp, (a+)+$ on these names takes minutes.
    names = ["a" * n + "!" for n in (28, 30, 32, 34)]
    folded = "".join(f"main;{name} 10\n" for name in names) + "main;aaaa 5\n"
    path = render(folded)
    driver.set_script_timeout(20)
    page.open(path, "#search=" + urllib.parse.quote("(a+)+$"))
    assert page.text_of("matched") == f"Matched: {percent(5 / 45)}%"
    # Typed, the same pattern on longer names answers too.
    search(page, driver, "(a|aa)*b")
    assert page.text_of("matched") == "Matched: 0.00%"


# ---------------------------------------------------------------------------
# The URL, details, keyboard, hostile names.


def test_the_url_reopens_the_same_view(page, driver, render):
    path = render(SMALL)
    page.open(path)
    compute = page.index_of("compute")
    page.click_frame(compute)
    search(page, driver, "tok.n")
    WebDriverWait(driver, 5).until(lambda d: "search=" in page.hash())
    fragment = page.hash()
    assert urllib.parse.parse_qs(fragment[1:]) == {"zoom": [str(compute)], "search": ["tok.n"]}
    shown, matched = page.shown(), page.text_of("matched")
    driver.get("about:blank")
    page.open(path, fragment)
    assert page.zoomed == compute
    assert page.shown() == shown
    assert page.text_of("matched") == matched
    assert driver.find_element(By.ID, "fg-search-input").get_attribute("value") == "tok.n"


def test_hover_shows_details(page, render):
    page.open(render(SMALL))
    compute = page.index_of("compute")
    page.mouse_to_frame(compute).perform()
    assert page.text_of("details") == "Function: compute (50 samples, 50.00%)"
    page.click_frame(compute)
    tokenize = max((f for f in page.shown() if f["name"] == "tokenize"), key=lambda f: f["width"])["index"]
    page.mouse_to_frame(tokenize).perform()
    assert page.text_of("details") == "Function: tokenize (25 samples, 25.00%), 50.00% of the zoomed frame"


def test_keyboard_moves_focus_and_zooms(page, driver, render):
    page.open(render(SMALL))
    canvas = driver.find_element(By.ID, "fg-canvas")
    page.script("arguments[0].focus()", canvas)
    assert page.text_of("details") == "Function: all (100 samples, 100.00%)"
    page.keys(Keys.ARROW_UP)  # children are above in a flame graph
    assert page.text_of("details").startswith("Function: main ")
    page.keys(Keys.ARROW_UP)  # the first child, in alphabetical order
    assert page.text_of("details").startswith("Function: compute ")
    page.keys(Keys.ARROW_RIGHT)
    assert page.text_of("details").startswith("Function: load_configuration")
    page.keys(Keys.ARROW_LEFT)
    page.keys(Keys.ENTER)
    assert page.zoomed == page.index_of("compute")
    page.keys(Keys.ESCAPE)
    WebDriverWait(driver, 5).until(lambda d: page.zoomed == 0)


def test_hostile_names_stay_text(page, driver, render):
    folded = "".join(f"main;{name};child 10\n" for name in HOSTILE)
    path = render(folded)
    page.open(path, "#search=" + urllib.parse.quote("<img src=x onerror=window.__xss=9>"))
    names = {f["name"] for f in page.shown()}
    assert set(HOSTILE) <= names
    for name in HOSTILE:
        index = page.index_of(name)
        page.mouse_to_frame(index).perform()
        assert page.text_of("details").startswith("Function: " + name + " (10 samples")
        page.click_frame(index)
        assert page.zoomed == index
        page.keys(Keys.ESCAPE)
        WebDriverWait(driver, 5).until(lambda d: page.zoomed == 0)
    search(page, driver, "onerror")
    assert page.text_of("matched") == f"Matched: {percent(0.2)}%"
    assert page.script("return window.__xss") is None
    assert page.script("return document.getElementsByTagName('img').length") == 0
    assert page.script("return document.getElementsByTagName('script').length") == 2


def test_search_shares_are_bounds_when_thin_frames_are_left_out(page, driver, render):
    # More thin frames than the layout lists (30,000): the widest are
    # listed, the others only counted, and a search shows the bounds.
    lines = ["main;big 2000000"]
    lines += [f"main;wide_{k};leaf_{k} {1 + k % 50}" for k in range(20000)]
    folded = "\n".join(lines) + "\n"
    page.open(render(folded))
    data = decoded_data(page)
    assert 0 < len(data["thin_names"]) < 40000 and data["unlisted"]
    search(page, driver, "leaf_", plain=True)
    text = page.text_of("matched")
    match = re.fullmatch(r"Matched: ([0-9.]+)\u2013([0-9.]+)%", text)
    assert match, text
    truth = 100 * share_of(folded, lambda f: f.startswith("leaf_"))
    assert float(match.group(1)) <= truth + 0.005 and truth - 0.005 <= float(match.group(2))
    # Samples under a matching frame match, listed or not: no bounds then.
    search(page, driver, "^main$")
    assert page.text_of("matched") == "Matched: 100.00%"


HAND_WRITTEN_NAMES = [
    "std::vector<int, std::allocator<int> >::push_back(int const&)",
    "void std::__1::sort<int*>(int*, int*) const",
    "(anonymous namespace)::Parser::parse_expression(Token const&)",
    "core::ptr::drop_in_place<alloc::vec::Vec<u8>>::h1a2b3c4d5e6f7a8b",
    "tokio::runtime::task::harness::Harness<T,S>::poll::h0123456789abcdef",
    "github.com/acme/service/internal/store.(*Store).LookupAccount",
    "net/http.(*conn).serve",
    "com.example.billing.invoices.InvoiceRenderer.renderLineItems(InvoiceRenderer.java:412)",
    "java.util.concurrent.ThreadPoolExecutor.runWorker",
    "main.handle (/home/ci/src/app/handlers/account.go:88)",
    "numpy/_core/numeric.py:232 (ones)",
    "/usr/lib/python3.12/json/decoder.py:raw_decode:353",
    "_$LT$std..io..buffered..BufReader$LT$R$GT$$GT$::with_capacity::h149b1cb009d20694",
    "app::config::load::_$u7b$$u7b$closure$u7d$$u7d$::h0123456789abcdef",
    "LazyCompile:*renderRows /srv/app/lib/table.js:120",
    "io/netty/channel/nio/NioEventLoop:.processSelectedKeys",
    "com.example.Bar.lambda$main$0",
    "scala.Function1$class.apply$mcII$sp",
    "std::map<std::string, int>::operator[](std::string const&)",
    "main::{lambda(int)#1}::operator()(int) const",
    "basic_string<char>::operator=(char const*)",
    "core::ptr::drop_in_place<alloc::vec::Vec<u8>>::h1a2b3c",
    "do_sock_write.isra.10",
    "tcp_sendmsg_locked.constprop.0",
    "_$LT$$RF$$u27$a$u20$mut$u20$I$u20$as$u20$core..iter..traits..iterator..Iterator$GT$::next",
    "std::basic_ostream<char>& std::operator<< <std::char_traits<char> >(std::ostream&, char const*)",
    "void* operator new[](unsigned long)",
    "Widget::operator std::string() const",
    "Canvas::draw() const::{lambda()#1}::operator()() const",
    "f.constprop.0.isra.0",
    "tcp_v4_rcv.cold",
    "main.cold",
    "codec::h264dec",
]


def sympy_names(count, rng):
    names = set()
    for line in SYMPY_CPU.read_text(encoding="utf-8").splitlines():
        stack = line.rsplit(" ", 1)[0]
        names.update(stack.split(";"))
    return rng.sample(sorted(names), count)


@pytest.mark.parametrize("flags", [[], ["--truncate-text-right"], ["--label-style", "full"]])
def test_zoomed_abbreviated_labels_are_those_of_the_static_layout(page, render, flags):
    # py-spy names of a real profile and hand-written C++, Rust, Go, Java,
    # Fil and austin names, at many widths under a frame: zoomed there,
    # every label (a whole name, a shorter form or a cut) is the one a
    # static graph rooted at that frame shows.
    rng = random.Random(12)
    pool = sympy_names(40, rng) + HAND_WRITTEN_NAMES
    lines = []
    for _ in range(400):
        depth = rng.randint(1, 5)
        stack = ["main", "focus (module.py:1)"] + [rng.choice(pool) for _ in range(depth)]
        lines.append(";".join(stack) + f" {int(rng.paretovariate(1.1) * 3)}")
    lines.append("main;elsewhere 30000")
    folded = "\n".join(lines) + "\n"
    page.open(render(folded, *flags))
    focus = page.index_of("focus (module.py:1)")
    frames = {f["index"]: f for f in page.static_frames()}

    def path(index, stop, frames):
        names = []
        while index != stop:
            names.append(frames[index]["name"])
            index = frames[index]["parent"]
        return tuple(reversed(names))

    # Unzoomed, the frames under focus are narrow: mostly no label or a cut.
    page.click_frame(focus)
    zoomed = {path(f["index"], focus, frames): f for f in page.shown() if not f["faded"]}
    assert len(zoomed) > 100

    page.open(render(folded, "--base", "focus (module.py:1)", *flags))
    base = page.static_frames()
    base_root = [f["index"] for f in base if f["name"] == "focus (module.py:1)"][0]
    base_frames = {f["index"]: f for f in base}
    compared = 0
    shorter_forms = 0
    for frame in base:
        if frame["index"] <= base_root:
            continue
        key = path(frame["index"], base_root, base_frames)
        if key not in zoomed:
            continue  # too thin to draw in the whole graph, so not in its zoom
        drawn = zoomed[key]
        assert drawn["label"] == frame["label"], key
        assert drawn["trailing"] == frame["trailing"], key
        label = frame["label"]
        if label and label != frame["name"] and "\u2026" not in label:
            shorter_forms += 1
        compared += 1
    assert compared == len(zoomed) - 1 and compared > 100
    if flags == ["--label-style", "full"]:
        assert shorter_forms == 0
    else:
        assert shorter_forms >= 5


def test_details_and_tooltips_give_the_whole_name_of_a_shortened_label(page, render):
    name = "Basic._subs (sympy/core/basic.py:1285)"
    page.open(render(f"main;{name} 30\nmain;other 70\n", "--width", "300"))
    index = page.index_of(name)
    frame = page.static_frames()[index]
    assert frame["label"] in ("Basic._subs", "_subs"), frame["label"]
    assert frame["title"] == f"{name} (30 samples, 30.00%)"
    page.mouse_to_frame(index).perform()
    assert page.text_of("details") == f"Function: {name} (30 samples, 30.00%)"


def test_a_fitted_canvas_still_counts_the_cut_rows_in_search(page, driver, render):
    folded = SEED_MEMORY.read_text(encoding="utf-8")
    page.open(render(SEED_MEMORY, "--fit", "auto"))
    assert page.script("return document.documentElement.classList.contains('fg-scripted')")
    height = float(page.script("return document.documentElement.getAttribute('height')"))
    assert height < 200  # the full graph is over 1,300 points tall
    for term in ("importlib", "_call_with_frames_removed", "numpy/core"):
        search(page, driver, term, plain=True)
        expected = share_of(folded, lambda f, t=term: t in f)
        assert page.text_of("matched") == f"Matched: {percent(expected)}%", term
