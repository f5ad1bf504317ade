/*
 * The interactive part of swift-flamegraph's SVG: click to zoom, search,
 * details on hover or keyboard focus, and the view kept in the URL fragment.
 *
 * FlameGraphSVG (Sources/FlameGraphSVG) embeds this file in every
 * interactive SVG, with flamegraph.css, and writes the data it reads:
 *
 *   <script type="application/json" id="fg-data">{ ... }</script>
 *
 *   version      1
 *   total        samples of the root
 *   nameType     the word before a name in the details line ("Function:")
 *   searchColor  highlight of matches, "#rrggbb"
 *   frameStroke  outline of every frame, "#rrggbb" (only when there is one)
 *   direction    "flame" (roots at the bottom) or "icicle"
 *   font         the font family list of the labels
 *   layout       the constants of the static layout: width, sidePadding,
 *                labelPadding, frameHeight, labelBaseline (below a row's
 *                top), fontSize, characterWidth, minimumKeptCharacters,
 *                ellipsis, truncation ("keepEnd" or "keepStart"),
 *                labelStyle ("smart", only when labels are smart) and
 *                fullMinimumKeptCharacters (the minimum of source lines' cuts,
 *                only with smart labels)
 *   rows         top and height of the boxes of each row, by depth
 *   names        distinct frame names; frames refer to them by index
 *   ladders      smart labels only: the shorter forms of the names that have
 *                any (LabelAbbreviator), flat: [name index, rungs, ...].
 *                Rungs, longest first, are separated by spaces; a rung is
 *                the one before it (the name, for the first) less ranges of
 *                UTF-16 offsets into the name, as start and end characters
 *                (offset o is the code unit o + 0x5d); a range may span
 *                offsets already dropped
 *   frames       drawn frames as columns, in document order (depth first,
 *                parents first, left to right): parent (-1 for the root),
 *                name, total
 *   code         [frame, source line, color] for frames showing a line of
 *                source code under their label (in rows twice as high)
 *   lightLabels  frames whose label is white (dark fills)
 *   thin         frames too thin to draw, kept for search totals, as
 *                columns: parent, name, total. Parents are "catalog
 *                indices": below frames.length a drawn frame, otherwise
 *                frames.length + the index of an earlier thin frame.
 *   unlisted     [catalog index, samples] pairs: samples under a frame that
 *                are in no listed frame (only when the profile had more
 *                thin frames than the layout lists); search shares are then
 *                shown as bounds.
 *
 * The static frames, <g><title>tooltip</title><rect/><text>label</text></g>
 * in #frames in the order of data.frames, are what a viewer without scripts
 * shows. With this script the graph is drawn on a canvas (#fg-canvas, in
 * the foreignObject #fg-view over the frames' area) and the static frames
 * are hidden (their tooltips still give the details line its text, and
 * their rects the fills).
 *
 * Why a canvas: in a browser, any change to an SVG of thousands of
 * elements makes it restyle, lay out or repaint all of them, tens of
 * milliseconds on a real profile, where drawing a zoomed view on a canvas
 * takes a few. With the static frames hidden, the document's other changes
 * (details line, controls) stay cheap too.
 *
 * Labels are fitted by arithmetic, never measured in the DOM, with exactly
 * the rules of the static layout (LabelFitter in Sources/FlameGraph/Layout):
 * the same monospace model and the same floating-point operations in the
 * same order, so the unzoomed canvas shows the labels of the static SVG,
 * and a zoomed frame the labels a static graph rooted at it would show.
 *
 * Safety. Names are drawn as canvas text or set as text node data, never
 * parsed as markup; the URL fragment is read as plain values.
 */
(function () {
  'use strict';

  const root = document.documentElement;
  const dataElement = document.getElementById('fg-data');
  const framesGroup = document.getElementById('frames');
  if (!dataElement || !framesGroup) return;
  const data = JSON.parse(dataElement.textContent);
  if (data.version !== 1) return;
  const frameGroup = framesGroup.children;
  const frameCount = data.frames.parent.length;
  if (frameCount === 0 || frameGroup.length !== frameCount) return;

  // ---------------------------------------------------------------------
  // The model: the call tree of drawn frames, as typed arrays.

  const names = data.names;
  const parentOf = Int32Array.from(data.frames.parent);
  const nameOf = Int32Array.from(data.frames.name);
  const totalOf = Float64Array.from(data.frames.total);
  const thinParent = Int32Array.from(data.thin.parent);
  const thinName = Int32Array.from(data.thin.name);
  const thinTotal = Float64Array.from(data.thin.total);
  const thinCount = thinParent.length;

  const depthOf = new Int32Array(frameCount);
  // Children in document order, linked both ways: layout walks them from
  // the last, as the static layout does (see layoutSubtree).
  const firstChild = new Int32Array(frameCount).fill(-1);
  const lastChild = new Int32Array(frameCount).fill(-1);
  const nextSibling = new Int32Array(frameCount).fill(-1);
  const previousSibling = new Int32Array(frameCount).fill(-1);
  // The sum of the children's totals, added left to right from 0, as
  // FramePlacer's reduce adds them: the same rounding.
  const childrenTotal = new Float64Array(frameCount);
  // Frames are in depth-first order, so a subtree is the range
  // [i, subtreeEnd[i]) of indices.
  const subtreeEnd = new Int32Array(frameCount);
  for (let i = 0; i < frameCount; i++) {
    subtreeEnd[i] = i + 1;
    const parent = parentOf[i];
    if (parent < 0) continue;
    depthOf[i] = depthOf[parent] + 1;
    if (lastChild[parent] < 0) {
      firstChild[parent] = i;
    } else {
      nextSibling[lastChild[parent]] = i;
      previousSibling[i] = lastChild[parent];
    }
    lastChild[parent] = i;
    childrenTotal[parent] += totalOf[i];
  }
  for (let i = frameCount - 1; i > 0; i--) {
    const parent = parentOf[i];
    if (subtreeEnd[i] > subtreeEnd[parent]) subtreeEnd[parent] = subtreeEnd[i];
  }

  // The frames of each row, left to right (ascending indices): a subtree's
  // frames in a row are a contiguous run, found by binary search.
  const rowCount = data.rows.top.length;
  const rowFrames = [];
  {
    const counts = new Int32Array(rowCount);
    for (let i = 0; i < frameCount; i++) counts[depthOf[i]]++;
    for (let depth = 0; depth < rowCount; depth++) rowFrames.push(new Int32Array(counts[depth]));
    counts.fill(0);
    for (let i = 0; i < frameCount; i++) rowFrames[depthOf[i]][counts[depthOf[i]]++] = i;
  }

  const isLightLabel = new Uint8Array(frameCount);
  for (const index of data.lightLabels) isLightLabel[index] = 1;

  // ---------------------------------------------------------------------
  // Label fitting: LabelFitter.fitMonospace, by arithmetic.

  const layout = data.layout;
  const sidePadding = layout.sidePadding;
  const drawableWidth = Math.max(1, layout.width - 2 * sidePadding);
  // MonospaceTextMeasurer.fixedAdvance: characterWidth * fontSize.
  const advance = layout.characterWidth * layout.fontSize;
  const labelPadding = layout.labelPadding;
  const minimumKept = layout.minimumKeptCharacters;
  const ellipsis = layout.ellipsis;
  const keepEnd = layout.truncation === 'keepEnd';
  const smart = layout.labelStyle === 'smart';
  // LabelFitter.minimumKeptCharacters: cuts of full labels and of source lines.
  const fullMinimumKept = smart ? layout.fullMinimumKeptCharacters : minimumKept;

  // Rungs by name index, built from their removed ranges when first
  // needed: [{text, count}, ...], longest first.
  const ladderEntries = new Map();
  if (smart && data.ladders) {
    for (let i = 0; i + 1 < data.ladders.length; i += 2) ladderEntries.set(data.ladders[i], data.ladders[i + 1]);
  }
  const ladderOf = new Map();
  function rungsOfName(index) {
    let rungs = ladderOf.get(index);
    if (rungs === undefined) {
      rungs = [];
      const entry = ladderEntries.get(index);
      if (entry !== undefined) {
        const name = names[index];
        const kept = new Uint8Array(name.length).fill(1);
        for (const removed of entry.split(' ')) {
          for (let p = 0; p + 1 < removed.length; p += 2) {
            kept.fill(0, removed.charCodeAt(p) - 0x5d, removed.charCodeAt(p + 1) - 0x5d);
          }
          let text = '';
          let start = -1;
          for (let i = 0; i <= name.length; i++) {
            if (i < name.length && kept[i]) {
              if (start < 0) start = i;
            } else if (start >= 0) {
              text += name.slice(start, i);
              start = -1;
            }
          }
          rungs.push({ text, count: Array.from(text).length });
        }
      }
      ladderOf.set(index, rungs);
    }
    return rungs;
  }

  // LabelFitter.isMeaningful over a cut's kept part: an ASCII letter or any
  // non-ASCII code point.
  function hasMeaningfulCharacter(text) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code > 127) return true;
      const folded = code | 32;
      if (folded >= 97 && folded <= 122) return true;
    }
    return false;
  }

  // Characters per name. Swift counts Characters (grapheme clusters); this
  // counts code points, the same for every name except those with
  // combining marks or joined emoji, where a label fitted here may keep a
  // character or two less than the static one.
  const nameLength = new Int32Array(names.length).fill(-1);
  function lengthOfName(index) {
    let length = nameLength[index];
    if (length < 0) {
      length = Array.from(names[index]).length;
      nameLength[index] = length;
    }
    return length;
  }

  // The label of name `index` in a box `width` wide: '' when none fits.
  // Sets fittedTrailing: whether the label ends at the box's right edge.
  let fittedTrailing = false;
  function fitLabel(index, width) {
    if (!smart) return fitText(names[index], lengthOfName(index), width, keepEnd, false);
    // LabelFitter.fit with smart labels: the name, else the first rung that
    // fits whole, else a cut of the last rung (or of the name).
    fittedTrailing = false;
    const available = width - 2 * labelPadding;
    if (!(available > 0)) return '';
    const room = Math.floor(available / advance + 1e-9);
    const count = lengthOfName(index);
    if (count <= room) return names[index];
    const rungs = rungsOfName(index);
    for (const rung of rungs) if (rung.count <= room) return rung.text;
    const last = rungs.length > 0 ? rungs[rungs.length - 1] : null;
    return fitText(last ? last.text : names[index], last ? last.count : count, width, keepEnd, true);
  }

  // `text` (of `count` characters) fitted in `width`, cut at its start
  // (keeping its end) or at its end.
  // A smart cut keeps at least minimumKeptCharacters with a meaningful one
  // among them; other cuts (source lines too) follow full labels' rule.
  function fitText(text, count, width, keepTheEnd, smartCut) {
    fittedTrailing = false;
    const available = width - 2 * labelPadding;
    if (!(available > 0)) return '';
    // A hair of tolerance, as in Swift: a label exactly as wide as its room fits.
    const room = Math.floor(available / advance + 1e-9);
    if (count <= room) return text;
    const kept = room - 1;
    if (kept < (smartCut ? minimumKept : fullMinimumKept)) return '';
    // Plain slicing when every code point is one UTF-16 unit.
    const characters = count === text.length ? null : Array.from(text);
    const part = keepTheEnd
      ? characters ? characters.slice(count - kept).join('') : text.slice(count - kept)
      : characters ? characters.slice(0, kept).join('') : text.slice(0, kept);
    if (smartCut && !hasMeaningfulCharacter(part)) return '';
    if (keepTheEnd) {
      fittedTrailing = true;
      return ellipsis + part;
    }
    return part + ellipsis;
  }

  // Source lines under labels, by frame: text, length, color. Layout cuts
  // them at their end, whatever the labels do.
  const codeOf = new Map();
  for (const [frame, text, color] of data.code) codeOf.set(frame, { text, count: Array.from(text).length, color });

  // ---------------------------------------------------------------------
  // The view: which frame fills the width, and where every shown frame is.

  let zoomed = 0; // 0 (the root) when not zoomed
  let ancestors = []; // the zoomed frame's ancestors, root last
  const viewX = new Float64Array(frameCount);
  const viewWidth = new Float64Array(frameCount);

  // Lays out the subtree of `top` as the static layout lays out a graph
  // whose root is `top`: it starts at the left padding and spans the
  // drawable width; children sit side by side from their parent's left
  // edge, placed from the right end of their run backwards, with
  // FramePlacer's operations in FramePlacer's order.
  // The whole graph keeps a fixed scale (--total) when it has one; a
  // zoomed frame spans the width.
  function layoutSubtree(top) {
    const spanned = top === 0 ? Math.max(layout.scaleTotal || 0, totalOf[0]) : totalOf[top];
    const scale = drawableWidth / spanned;
    viewX[top] = sidePadding;
    const end = subtreeEnd[top];
    for (let i = top; i < end; i++) {
      viewWidth[i] = totalOf[i] * scale;
      const last = lastChild[i];
      if (last < 0) continue;
      let childX = viewX[i] + childrenTotal[i] * scale;
      for (let child = last; child >= 0; child = previousSibling[child]) {
        childX -= totalOf[child] * scale;
        viewX[child] = childX;
      }
    }
    // Ancestors span the width.
    for (const ancestor of ancestors) {
      viewX[ancestor] = sidePadding;
      viewWidth[ancestor] = drawableWidth;
    }
  }

  function isShown(i) {
    return (i >= zoomed && i < subtreeEnd[zoomed]) || ancestors.indexOf(i) >= 0;
  }

  layoutSubtree(0);

  // ---------------------------------------------------------------------
  // Drawing the view on the canvas.

  const canvas = document.getElementById('fg-canvas');
  const canvasBox = document.getElementById('fg-view'); // the frames' area, in SVG units
  if (!canvas || !canvasBox || !canvas.getContext) return;
  // Transparent: the SVG's background shows through, which costs the
  // browser less than painting it again on every view.
  const context = canvas.getContext('2d');
  const areaTop = parseFloat(canvasBox.getAttribute('y'));
  const areaWidth = parseFloat(canvasBox.getAttribute('width'));
  const areaHeight = parseFloat(canvasBox.getAttribute('height'));
  const rowTop = data.rows.top;
  const rowHeight = data.rows.height;
  const font = layout.fontSize + 'px ' + data.font;
  const codeFont = 'oblique ' + font;
  const fillOf = new Array(frameCount); // read from the static rects when first drawn

  // Keeps the canvas's pixels one to one with the screen's, whatever the
  // document's scale and the display's density.
  function sizeCanvas() {
    const matrix = canvasBox.getScreenCTM();
    const scale = (matrix ? Math.hypot(matrix.a, matrix.b) : 1) * (window.devicePixelRatio || 1);
    const width = Math.max(1, Math.round(areaWidth * scale));
    const height = Math.max(1, Math.round(areaHeight * scale));
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
      canvas.style.width = areaWidth + 'px';
      canvas.style.height = areaHeight + 'px';
    }
    // Draw in SVG units.
    context.setTransform(width / areaWidth, 0, 0, height / areaHeight, 0, (-areaTop * height) / areaHeight);
  }

  function drawView() {
    sizeCanvas();
    context.globalAlpha = 1;
    context.clearRect(0, areaTop, areaWidth, areaHeight);
    context.font = font;
    context.lineWidth = 0.5;
    context.globalAlpha = 0.5; // ancestors of the zoomed frame are faded
    for (const ancestor of ancestors) drawFrame(ancestor);
    context.globalAlpha = 1;
    const end = subtreeEnd[zoomed];
    for (let i = zoomed; i < end; i++) drawFrame(i);
  }

  function drawFrame(i) {
    const depth = depthOf[i];
    const top = rowTop[depth];
    const x = viewX[i];
    const width = viewWidth[i];
    let fill = fillOf[i];
    if (fill === undefined) fill = fillOf[i] = frameGroup[i].children[1].getAttribute('fill');
    context.fillStyle = isMatched[i] ? data.searchColor : fill;
    context.fillRect(x, top, width, rowHeight[depth]);
    if (data.frameStroke) {
      context.strokeStyle = data.frameStroke;
      context.strokeRect(x, top, width, rowHeight[depth]);
    }
    const text = fitLabel(nameOf[i], width);
    if (text === '') return;
    context.fillStyle = isLightLabel[i] ? '#ffffff' : '#000000';
    context.textAlign = fittedTrailing ? 'right' : 'left';
    context.fillText(text, fittedTrailing ? x + width - labelPadding : x + labelPadding, top + layout.labelBaseline);
    const code = codeOf.get(i);
    if (code === undefined) return;
    const line = fitText(code.text, code.count, width, false, false);
    if (line === '') return;
    context.font = codeFont;
    context.fillStyle = code.color;
    context.textAlign = 'left';
    context.fillText(line, x + labelPadding, top + layout.labelBaseline + layout.frameHeight);
    context.font = font;
  }

  // The frame shown at a point (SVG units), or -1.
  function frameAt(x, y) {
    let depth = -1;
    for (let row = 0; row < rowCount && depth < 0; row++) {
      if (y >= rowTop[row] && y < rowTop[row] + rowHeight[row]) depth = row;
    }
    if (depth < 0 || x < sidePadding || x >= sidePadding + drawableWidth) return -1;
    if (depth < depthOf[zoomed]) return ancestors[ancestors.length - 1 - depth];
    // The zoomed subtree's run in this row: indices in [zoomed, subtreeEnd).
    const row = rowFrames[depth];
    let low = lowerBound(row, zoomed);
    let high = lowerBound(row, subtreeEnd[zoomed]);
    // The last frame of the run that starts at or before x.
    let found = -1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (viewX[row[middle]] <= x) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    if (found < 0) return -1;
    const i = row[found];
    return x < viewX[i] + viewWidth[i] ? i : -1;
  }

  // The first position in an ascending array holding at least `value`.
  function lowerBound(array, value) {
    let low = 0;
    let high = array.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (array[middle] < value) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  function zoomTo(target) {
    if (!(target >= 0 && target < frameCount) || !(totalOf[target] > 0)) target = 0;
    if (target === zoomed) return;
    zoomed = target;
    ancestors = [];
    for (let frame = parentOf[target]; frame >= 0; frame = parentOf[frame]) ancestors.push(frame);
    layoutSubtree(zoomed);
    drawView();
    unzoomControl.classList.toggle('fg-off', zoomed === 0);
    if (hovered >= 0 && !isShown(hovered)) hovered = -1;
    if (focused >= 0 && !isShown(focused)) focused = zoomed;
    showDetails();
  }

  // ---------------------------------------------------------------------
  // Search. A sample matches when any frame of its stack matches, so a
  // match inside a matched frame adds nothing: nested matches count once.
  // Thin frames (not drawn) count like the drawn ones.

  let searchTerm = '';
  let searchPlain = false;
  const isMatched = new Uint8Array(frameCount);

  function search(term, plain) {
    searchTerm = term;
    searchPlain = plain;
    searchControl.firstChild.data = term ? 'Reset Search' : 'Search';
    isMatched.fill(0);
    let message = '';
    const test = term ? matcher(term, plain) : null;
    if (test) {
      const result = matchedShare(test);
      const total = data.total > 0 ? data.total : 1;
      const low = percent(result.samples / total);
      const high = percent((result.samples + result.unknown) / total);
      message = 'Matched: ' + (low === high ? low : low + '\u2013' + high) + '%';
    } else if (term) {
      message = 'Invalid regular expression: ' + searchProblem;
    }
    matchedText.firstChild.data = message || ' ';
    matchedText.classList.toggle('fg-off', !message);
    drawView();
  }

  // A test of names, or null for an invalid regular expression (its
  // problem in searchProblem). Patterns are matched by
  // FlameGraphLinearRegex (linear-regex.js), never by RegExp: a pattern
  // from a link must not be able to freeze the page.
  let searchProblem = '';
  function matcher(term, plain) {
    searchProblem = '';
    if (plain) return (name) => name.indexOf(term) >= 0;
    try {
      return FlameGraphLinearRegex.compile(term);
    } catch (error) {
      searchProblem = error.message;
      return null;
    }
  }

  // Marks the drawn frames that match; returns the samples matched (drawn
  // and thin frames, nested matches once) and the samples that might
  // match but were not listed.
  function matchedShare(test) {
    // Each distinct name is tested once.
    const verdict = new Int8Array(names.length);
    const matches = (index) => {
      if (verdict[index] === 0) verdict[index] = test(names[index]) ? 1 : -1;
      return verdict[index] > 0;
    };
    // covered[i]: frame i or one of its ancestors matches.
    const covered = new Uint8Array(frameCount + thinCount);
    let samples = 0;
    for (let i = 0; i < frameCount; i++) {
      const parent = parentOf[i];
      const inherited = parent >= 0 ? covered[parent] : 0;
      if (matches(nameOf[i])) {
        isMatched[i] = 1;
        if (!inherited) samples += totalOf[i];
        covered[i] = 1;
      } else {
        covered[i] = inherited;
      }
    }
    for (let j = 0; j < thinCount; j++) {
      const inherited = covered[thinParent[j]];
      if (matches(thinName[j])) {
        if (!inherited) samples += thinTotal[j];
        covered[frameCount + j] = 1;
      } else {
        covered[frameCount + j] = inherited;
      }
    }
    let unknown = 0;
    for (const [index, unlisted] of data.unlisted) if (!covered[index]) unknown += unlisted;
    return { samples, unknown };
  }

  // A share as a percentage with two decimals, as CountFormatter.percent.
  function percent(share) {
    return (Math.round(share * 10000) / 100).toFixed(2);
  }

  // ---------------------------------------------------------------------
  // Details of the hovered or focused frame, and its outline.

  let hovered = -1;
  let focused = -1;
  let hasFocus = false;

  function showDetails() {
    const i = hovered >= 0 ? hovered : hasFocus ? focused : -1;
    let text = ' ';
    if (i >= 0) {
      // The tooltip says it the layout's way, "name (count unit, share%)",
      // with the source line on a second line when there is one.
      const lines = frameGroup[i].firstElementChild.textContent.split('\n');
      text = data.nameType + ' ' + lines[0];
      if (zoomed !== 0 && i >= zoomed && i < subtreeEnd[zoomed]) {
        text += ', ' + percent(totalOf[i] / totalOf[zoomed]) + '% of the zoomed frame';
      }
      const source = lines.slice(1).join(' ').trim();
      if (source) text += ' \u2014 ' + source;
    }
    details.firstChild.data = text;
    // The outline follows the pointer, else the keyboard focus.
    const marked = hovered >= 0 ? hovered : hasFocus ? focused : -1;
    outline.classList.toggle('fg-off', marked < 0);
    if (marked >= 0) {
      const depth = depthOf[marked];
      outline.setAttribute('x', viewX[marked]);
      outline.setAttribute('y', rowTop[depth]);
      outline.setAttribute('width', viewWidth[marked]);
      outline.setAttribute('height', rowHeight[depth]);
      outline.classList.toggle('fg-focus', marked === focused && hasFocus);
    }
  }

  function frameOfPointer(event) {
    const matrix = root.getScreenCTM();
    if (!matrix) return -1;
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    return frameAt(point.x, point.y);
  }

  // Arrow keys move the focus over the frames shown.
  function moveFocus(key) {
    const i = focused >= 0 ? focused : zoomed;
    // Children are drawn above their parent in a flame graph, below in an icicle.
    const towardChildren = data.direction === 'icicle' ? 'ArrowDown' : 'ArrowUp';
    const towardParent = data.direction === 'icicle' ? 'ArrowUp' : 'ArrowDown';
    let next = -1;
    if (key === towardChildren) {
      for (let child = firstChild[i]; child >= 0 && next < 0; child = nextSibling[child]) {
        if (isShown(child)) next = child;
      }
    } else if (key === towardParent) {
      next = parentOf[i];
    } else {
      const step = key === 'ArrowLeft' ? previousSibling : nextSibling;
      for (let sibling = step[i]; sibling >= 0 && next < 0; sibling = step[sibling]) {
        if (isShown(sibling)) next = sibling;
      }
    }
    if (next >= 0) {
      focused = next;
      showDetails();
    }
  }

  // ---------------------------------------------------------------------
  // The view in the URL fragment: #zoom=12&search=parse&plain=1. Zooms
  // add a history entry (Back undoes them); searches replace the entry.

  function fragment() {
    const parameters = new URLSearchParams();
    if (zoomed !== 0) parameters.set('zoom', String(zoomed));
    if (searchTerm) {
      parameters.set('search', searchTerm);
      if (searchPlain) parameters.set('plain', '1');
    }
    const text = parameters.toString();
    return text ? '#' + text : '';
  }

  function saveView(addEntry) {
    const hash = fragment();
    if (hash === location.hash) return;
    // The default view is the document's address without a fragment.
    const url = hash || location.pathname + location.search;
    // Entries this script adds are numbered, so that Escape knows whether
    // going back stays among this document's views.
    const depth = history.state && history.state.flamegraph > 0 ? history.state.flamegraph : 0;
    try {
      if (addEntry) history.pushState({ flamegraph: depth + 1 }, '', url);
      else history.replaceState(history.state, '', url);
    } catch (error) {
      // Some contexts (sandboxed frames, some schemes) refuse history
      // changes: the view still works, it is just not in the URL.
    }
  }

  function restoreView() {
    const parameters = new URLSearchParams(location.hash.slice(1));
    const zoom = Number(parameters.get('zoom') || '0');
    zoomTo(Number.isInteger(zoom) ? zoom : 0);
    const term = parameters.get('search') || '';
    const plain = parameters.get('plain') === '1';
    if (term !== searchTerm || plain !== searchPlain) search(term, plain);
    searchInput.value = searchTerm;
    plainBox.checked = searchPlain;
  }

  function zoomByUser(target) {
    if (target < 0 || target === zoomed) return;
    zoomTo(target);
    saveView(true);
  }

  function undoZoom() {
    if (zoomed === 0) return;
    if (history.state && history.state.flamegraph > 0) {
      history.back(); // popstate restores the previous view
    } else {
      zoomTo(0);
      saveView(false);
    }
  }

  // ---------------------------------------------------------------------
  // Controls and events.

  const details = document.getElementById('details');
  const unzoomControl = document.getElementById('unzoom');
  const searchControl = document.getElementById('search');
  const matchedText = document.getElementById('matched');
  const searchBox = document.getElementById('fg-search-box');
  const searchInput = document.getElementById('fg-search-input');
  const plainBox = document.getElementById('fg-search-plain');
  const outline = document.getElementById('fg-outline');

  function openSearch() {
    searchBox.classList.add('fg-open');
    searchInput.value = searchTerm;
    plainBox.checked = searchPlain;
    searchInput.focus();
    searchInput.select();
  }

  function closeSearch() {
    searchBox.classList.remove('fg-open');
    searchInput.blur();
  }

  // Searching follows the typing; the URL follows when typing pauses.
  let saveTimer = 0;
  function searchFromBox() {
    search(searchInput.value, plainBox.checked);
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => saveView(false), 300);
  }
  searchInput.addEventListener('input', searchFromBox);
  plainBox.addEventListener('change', searchFromBox);

  canvas.addEventListener('click', (event) => zoomByUser(frameOfPointer(event)));
  canvas.addEventListener('mousemove', (event) => {
    const i = frameOfPointer(event);
    if (i !== hovered) {
      hovered = i;
      showDetails();
    }
  });
  canvas.addEventListener('mouseleave', () => {
    hovered = -1;
    showDetails();
  });
  canvas.addEventListener('focus', () => {
    hasFocus = true;
    if (focused < 0 || !isShown(focused)) focused = zoomed;
    showDetails();
  });
  canvas.addEventListener('blur', () => {
    hasFocus = false;
    showDetails();
  });

  unzoomControl.addEventListener('click', () => zoomByUser(0));
  searchControl.addEventListener('click', () => {
    if (searchTerm) {
      search('', searchPlain);
      searchInput.value = '';
      closeSearch();
      saveView(false);
    } else {
      openSearch();
    }
  });

  window.addEventListener('keydown', (event) => {
    const target = event.target;
    if (target === searchInput || target === plainBox) {
      if (event.key === 'Escape' || event.key === 'Enter') {
        event.preventDefault();
        closeSearch();
        clearTimeout(saveTimer);
        saveView(false);
      }
      return;
    }
    const findKey = (event.ctrlKey || event.metaKey) && (event.key === 'f' || event.key === 'F');
    if (event.key === '/' || event.key === 'F3' || findKey) {
      event.preventDefault();
      openSearch();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      undoZoom();
    } else if (target === canvas && event.key.startsWith('Arrow')) {
      event.preventDefault();
      moveFocus(event.key);
    } else if (target === canvas && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      zoomByUser(focused);
    } else if ((target === unzoomControl || target === searchControl) && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      target.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    }
  });

  window.addEventListener('popstate', restoreView);
  window.addEventListener('hashchange', restoreView);
  // A new scale or display density needs a sharper (or smaller) canvas.
  window.addEventListener('resize', drawView);

  // What tests and other scripts may read: the frames shown, as drawn.
  window.flamegraph = Object.freeze({
    get zoomed() {
      return zoomed;
    },
    // The frames shown, in drawing order: index, name, x, width, label,
    // whether the label ends at the right edge, whether the frame is a
    // faded ancestor, whether it matches the search.
    shownFrames() {
      const shown = [];
      const add = (i, faded) => {
        const label = fitLabel(nameOf[i], viewWidth[i]);
        shown.push({
          index: i, name: names[nameOf[i]], x: viewX[i], width: viewWidth[i], label,
          trailing: label !== '' && fittedTrailing, faded, matched: isMatched[i] === 1,
        });
      };
      for (const ancestor of ancestors) add(ancestor, true);
      for (let i = zoomed; i < subtreeEnd[zoomed]; i++) add(i, false);
      return shown;
    },
    // Where frame i is drawn, in client (viewport) coordinates, or null.
    clientBox(i) {
      if (!isShown(i)) return null;
      const matrix = root.getScreenCTM();
      const depth = depthOf[i];
      const corner = new DOMPoint(viewX[i], rowTop[depth]).matrixTransform(matrix);
      const end = new DOMPoint(viewX[i] + viewWidth[i], rowTop[depth] + rowHeight[depth]).matrixTransform(matrix);
      return { x: corner.x, y: corner.y, width: end.x - corner.x, height: end.y - corner.y };
    },
  });

  // Take over from the static frames: the canvas shows the graph from now on.
  root.style.setProperty('--fg-search-color', data.searchColor);
  canvas.setAttribute('tabindex', '0');
  // Its own keys (arrows, Enter, Escape), hence an application.
  canvas.setAttribute('role', 'application');
  canvas.setAttribute('aria-label', 'Flame graph: arrow keys move, Enter zooms, Escape zooms out, / searches');
  for (const control of [unzoomControl, searchControl]) {
    control.setAttribute('tabindex', '0');
    control.setAttribute('role', 'button');
  }
  root.classList.add('fg-scripted');
  if (location.hash.length > 1) restoreView();
  drawView();
})();
