/*
 * The model: the data block decoded into trees of typed arrays.
 *
 * FlameGraphSVG writes the data block (ViewerDataBlock.swift):
 *
 *   <script type="application/json" id="fg-data">{ ... }</script>
 *
 *   version      2
 *   total        samples of the root
 *   countName    the unit of counts ("samples")
 *   nameType     the word before a name in the details line ("Function:")
 *   searchColor  highlight of matches, "#rrggbb"
 *   direction    "flame" (roots at the bottom) or "icicle"
 *   theme        "auto" (the reader's preference), "light" or "dark"
 *   uiColor      text color outside frames in the light theme (optional)
 *   fluid        true when the graph follows the window's width (optional)
 *   negate       true when changes of a differential graph are shown with
 *                their sign flipped (--negate; optional)
 *   frameStroke  outline of every frame, "#rrggbb" (optional)
 *   font         the font family list of the labels
 *   layout       the constants of the static layout (see viewer-layout.js)
 *   rows         top and height of the boxes of each row, by depth
 *   names        the name table, sorted and front coded: shared (code units
 *                shared with the name before), lengths (of the rest), text
 *                (the rests joined); frames refer to names by position
 *   frames       drawn frames in document order (depth first, parents
 *                first, left to right): up (previous depth + 1 - depth),
 *                name, residual (total less the drawn children's totals) or
 *                total (exact numbers, when counts are fractional), fills
 *                (four base-87 digits of the 24-bit color per frame, or
 *                per distinct color with fill the index per frame), before (differential first counts)
 *   source       [frame, source line, color of its drawn code (optional)]
 *   thin         frames too thin to draw, kept for search and the function
 *                views: up (catalog index less the parent's), name, total.
 *                A catalog index below frames' count is a drawn frame,
 *                otherwise frames' count + a thin frame's index.
 *   unlisted     gap (ascending catalog indices, as gaps) and samples:
 *                samples under a frame that are in no listed frame (when
 *                the profile had more thin frames than layout lists);
 *                search shares are then bounds.
 *
 * Integers are compact strings: each number is base-30 leading digits and
 * one base-57 final digit, from one 87-character alphabet
 * (CompactIntegers.swift). Counts that are not whole are JSON arrays.
 */

const DIGIT_OF = (() => {
  const table = new Int8Array(128).fill(-1);
  let digit = 0;
  for (let code = 0x23; code < 0x7f; code++) {
    if ('&<>\\]'.indexOf(String.fromCharCode(code)) < 0) table[code] = digit++;
  }
  return table;
})();

// A compact string of integers as a typed array of `Type`.
function decodeIntegers(text, Type) {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (DIGIT_OF[text.charCodeAt(i)] < 57) count++;
  const values = new Type(count);
  let value = 0;
  let next = 0;
  for (let i = 0; i < text.length; i++) {
    const digit = DIGIT_OF[text.charCodeAt(i)];
    if (digit >= 57) {
      value = value * 30 + (digit - 57);
    } else {
      values[next++] = value * 57 + digit;
      value = 0;
    }
  }
  return values;
}

function decodeCounts(value) {
  return typeof value === 'string' ? decodeIntegers(value, Float64Array) : Float64Array.from(value);
}

// Positions in a sorted array of gaps.
function decodeGaps(text) {
  const values = decodeIntegers(text, Int32Array);
  for (let i = 1; i < values.length; i++) values[i] += values[i - 1];
  return values;
}

// The name table, in sorted order.
const names = (() => {
  const shared = decodeIntegers(data.names.shared, Int32Array);
  const lengths = decodeIntegers(data.names.lengths, Int32Array);
  const text = data.names.text;
  const table = new Array(shared.length);
  let previous = '';
  let offset = 0;
  for (let i = 0; i < shared.length; i++) {
    previous = previous.slice(0, shared[i]) + text.slice(offset, offset + lengths[i]);
    offset += lengths[i];
    table[i] = previous;
  }
  return table;
})();

// The index of a name in the sorted table, or -1.
function nameIndex(name) {
  let low = 0;
  let high = names.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (names[middle] < name) low = middle + 1;
    else high = middle;
  }
  return low < names.length && names[low] === name ? low : -1;
}

// Fills: a palette of "#rrggbb" strings, and per frame an index into it.
// The palette ends with the fill of frames whose color is unknown (names
// only thin frames have, in the sandwich).
const palette = [];
for (let i = 0; i + 4 <= data.frames.fills.length; i += 4) {
  let value = 0;
  for (let k = i; k < i + 4; k++) value = value * 87 + DIGIT_OF[data.frames.fills.charCodeAt(k)];
  palette.push('#' + value.toString(16).padStart(6, '0'));
}
const unknownFill = palette.length;
palette.push('#c8c8c8');

// A tree in depth-first order: parent, name, total and fill per node, and
// what layout and drawing need (depth, children, subtree ends).
function makeTree(parent, name, total, fill) {
  const count = parent.length;
  const depth = new Int32Array(count);
  const childCount = new Int32Array(count);
  const subtreeEnd = new Int32Array(count);
  let maxDepth = 0;
  for (let i = 0; i < count; i++) {
    subtreeEnd[i] = i + 1;
    const p = parent[i];
    if (p < 0) continue;
    depth[i] = depth[p] + 1;
    if (depth[i] > maxDepth) maxDepth = depth[i];
    childCount[p]++;
  }
  for (let i = count - 1; i > 0; i--) {
    const p = parent[i];
    if (subtreeEnd[i] > subtreeEnd[p]) subtreeEnd[p] = subtreeEnd[i];
  }
  // Children in document order, flat: those of i are
  // children[childStart[i] .. childStart[i + 1]).
  const childStart = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) childStart[i + 1] = childStart[i] + childCount[i];
  const children = new Int32Array(Math.max(0, count - 1));
  const cursor = childStart.slice(0, count);
  for (let i = 1; i < count; i++) children[cursor[parent[i]]++] = i;
  return {
    count, parent, name, total, fill, depth, maxDepth, childStart, children, subtreeEnd,
    heavyChildren: null, x: new Float64Array(count), width: new Float64Array(count),
  };
}

// Children in the order shown: document order (the static layout's), or
// widest first with ties in document order (`--sort size`'s order).
function childOrder(tree) {
  if (!view.leftHeavy) return tree.children;
  if (tree.heavyChildren === null) {
    const sorted = tree.children.slice();
    const total = tree.total;
    for (let i = 0; i < tree.count; i++) {
      const start = tree.childStart[i];
      const end = tree.childStart[i + 1];
      if (end - start > 1) sorted.subarray(start, end).sort((a, b) => total[b] - total[a] || a - b);
    }
    tree.heavyChildren = sorted;
  }
  return tree.heavyChildren;
}

// The drawn frames: the graph.
const graph = (() => {
  const up = decodeIntegers(data.frames.up, Int32Array);
  const count = up.length;
  const parent = new Int32Array(count);
  const path = [];
  let depth = 0;
  for (let i = 0; i < count; i++) {
    depth = i === 0 ? 0 : depth + 1 - up[i];
    parent[i] = depth > 0 ? path[depth - 1] : -1;
    path[depth] = i;
  }
  let total;
  if (data.frames.residual !== undefined) {
    // Whole counts: a frame holds its residual and its children.
    total = decodeIntegers(data.frames.residual, Float64Array);
    for (let i = count - 1; i > 0; i--) total[parent[i]] += total[i];
  } else {
    total = Float64Array.from(data.frames.total);
  }
  const fill = data.frames.fill !== undefined ? decodeIntegers(data.frames.fill, Int32Array) : Int32Array.from({ length: count }, (_, i) => i);
  return makeTree(parent, decodeIntegers(data.frames.name, Int32Array), total, fill);
})();
const frameCount = graph.count;
const beforeTotal = data.frames.before !== undefined ? decodeCounts(data.frames.before) : null;

// Source lines by frame: text, and the color of the code drawn under the
// label (undefined when the frame shows none).
const sourceOf = new Map();
for (const [frame, text, color] of data.source) sourceOf.set(frame, { text, count: Array.from(text).length, color });

// The catalog: drawn and thin frames, one numbering (drawn first), parents
// before children.
const thinUp = decodeIntegers(data.thin.up, Int32Array);
const thinCount = thinUp.length;
const catalogCount = frameCount + thinCount;
const catalogParent = new Int32Array(catalogCount);
const catalogName = new Int32Array(catalogCount);
const catalogTotal = new Float64Array(catalogCount);
catalogParent.set(graph.parent);
catalogName.set(graph.name);
catalogTotal.set(graph.total);
{
  const thinName = decodeIntegers(data.thin.name, Int32Array);
  const thinTotal = decodeCounts(data.thin.total);
  for (let j = 0; j < thinCount; j++) {
    catalogParent[frameCount + j] = frameCount + j - thinUp[j];
    catalogName[frameCount + j] = thinName[j];
    catalogTotal[frameCount + j] = thinTotal[j];
  }
}
const unlistedIndex = decodeGaps(data.unlisted.gap);
const unlistedSamples = decodeCounts(data.unlisted.samples);

// What the function views need, worked out on first use: children of
// every catalog frame, whether a frame is the outermost of its name on
// its stack (recursion counts once), self samples, per name its totals
// and a fill, and per name its outermost frames (the sandwich's
// occurrences). Linear in the frames: one walk of the tree, depth first,
// counting each name's frames on the path from the root.
let functions = null;
function functionModel() {
  if (functions !== null) return functions;
  const childStart = new Int32Array(catalogCount + 1);
  const childSum = new Float64Array(catalogCount);
  for (let i = 1; i < catalogCount; i++) {
    childStart[catalogParent[i] + 1]++;
    childSum[catalogParent[i]] += catalogTotal[i];
  }
  for (let i = 0; i < catalogCount; i++) childStart[i + 1] += childStart[i];
  const children = new Int32Array(Math.max(0, catalogCount - 1));
  const cursor = childStart.slice(0, catalogCount);
  for (let i = 1; i < catalogCount; i++) children[cursor[catalogParent[i]]++] = i;
  const unlisted = new Float64Array(catalogCount);
  for (let k = 0; k < unlistedIndex.length; k++) unlisted[unlistedIndex[k]] = unlistedSamples[k];
  const outermost = new Uint8Array(catalogCount);
  const onPath = new Int32Array(names.length);
  // The walk's stack: frames and, per frame, the next child to visit.
  const stackFrame = new Int32Array(catalogCount);
  const stackNext = new Int32Array(catalogCount);
  let top = -1;
  if (catalogCount > 0) {
    top = 0;
    stackFrame[0] = 0;
    stackNext[0] = childStart[0];
    onPath[catalogName[0]]++;
  }
  while (top >= 0) {
    const frame = stackFrame[top];
    const next = stackNext[top];
    if (next < childStart[frame + 1]) {
      stackNext[top] = next + 1;
      const child = children[next];
      const name = catalogName[child];
      if (onPath[name] === 0) outermost[child] = 1;
      onPath[name]++;
      top++;
      stackFrame[top] = child;
      stackNext[top] = childStart[child];
    } else {
      onPath[catalogName[frame]]--;
      top--;
    }
  }
  const nameSelf = new Float64Array(names.length);
  const nameTotal = new Float64Array(names.length);
  const nameFill = new Int32Array(names.length).fill(unknownFill);
  const occurrenceStart = new Int32Array(names.length + 1);
  for (let i = 1; i < catalogCount; i++) {
    const name = catalogName[i];
    if (outermost[i]) {
      nameTotal[name] += catalogTotal[i];
      occurrenceStart[name + 1]++;
    }
    nameSelf[name] += Math.max(0, catalogTotal[i] - childSum[i] - unlisted[i]);
    if (i < frameCount && nameFill[name] === unknownFill) nameFill[name] = graph.fill[i];
  }
  for (let n = 0; n < names.length; n++) occurrenceStart[n + 1] += occurrenceStart[n];
  const occurrences = new Int32Array(occurrenceStart[names.length]);
  const filled = occurrenceStart.slice(0, names.length);
  for (let i = 1; i < catalogCount; i++) if (outermost[i]) occurrences[filled[catalogName[i]]++] = i;
  functions = { childStart, children, outermost, nameSelf, nameTotal, nameFill, occurrenceStart, occurrences };
  return functions;
}
