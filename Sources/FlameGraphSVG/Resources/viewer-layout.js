/*
 * Layout: label fitting (LabelFitter.fitMonospace, by arithmetic) and the
 * positions of a tree's frames, with the static layout's constants:
 * layout.width, sidePadding, scaleTotal (a fixed scale, --total),
 * labelPadding, frameHeight, labelBaseline (below a row's top), fontSize,
 * characterWidth, minimumKeptCharacters, ellipsis, truncation ("keepEnd"
 * or "keepStart"), labelStyle ("smart", only when labels are smart) and
 * fullMinimumKeptCharacters (the minimum of source lines' cuts, with smart
 * labels).
 */

const sidePadding = layout.sidePadding;
// The width frames span: the document's less the padding; it changes
// with the window when the graph is fluid.
let drawableWidth = Math.max(1, layout.width - 2 * sidePadding);
// MonospaceTextMeasurer.fixedAdvance: characterWidth * fontSize.
const advance = layout.characterWidth * layout.fontSize;
const labelPadding = layout.labelPadding;
const minimumKept = layout.minimumKeptCharacters;
const ellipsis = layout.ellipsis;
const keepEnd = layout.truncation === 'keepEnd';
const smart = layout.labelStyle === 'smart';
// LabelFitter.minimumKeptCharacters: cuts of full labels and of source lines.
const fullMinimumKept = smart ? layout.fullMinimumKeptCharacters : minimumKept;

// Ladders by name index, worked out when a label first needs one
// (viewer-abbreviation.js).
const ladderOf = new Map();
function rungsOfName(index) {
  let rungs = ladderOf.get(index);
  if (rungs === undefined) {
    rungs = abbreviationLadder(names[index]);
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
  // No rung is empty, and a cut needs more room: the ladder is not worked
  // out for the many frames too narrow for any label.
  if (room < 1) return '';
  const rungs = rungsOfName(index);
  for (const rung of rungs) if (rung.count <= room) return rung.text;
  const last = rungs.length > 0 ? rungs[rungs.length - 1] : null;
  return fitText(last ? last.text : names[index], last ? last.count : count, width, keepEnd, true);
}

// `text` (of `count` characters) fitted in `width`, cut at its start
// (keeping its end) or at its end. A smart cut keeps at least
// minimumKeptCharacters with a meaningful one among them; other cuts
// (source lines too) follow full labels' rule.
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

// Lays out the subtree of `top` as the static layout lays out a graph
// whose root is `top`: it starts at the left padding and spans the
// drawable width (`spanned` samples); children sit side by side from
// their parent's left edge, placed from the right end of their run
// backwards, with FramePlacer's operations in FramePlacer's order (its
// children's sum added left to right from 0). `ancestors` span the width.
function layoutTree(tree, top, spanned, ancestors) {
  const scale = drawableWidth / spanned;
  const order = childOrder(tree);
  const { x, width, total, childStart } = tree;
  x[top] = sidePadding;
  const end = tree.subtreeEnd[top];
  for (let i = top; i < end; i++) {
    width[i] = total[i] * scale;
    const first = childStart[i];
    const last = childStart[i + 1];
    if (first === last) continue;
    let sum = 0;
    for (let k = first; k < last; k++) sum += total[order[k]];
    let childX = x[i] + sum * scale;
    for (let k = last - 1; k >= first; k--) {
      const child = order[k];
      childX -= total[child] * scale;
      x[child] = childX;
    }
  }
  for (const ancestor of ancestors) {
    x[ancestor] = sidePadding;
    width[ancestor] = drawableWidth;
  }
}

// The frame of `tree` at depth `depth` containing x, in the subtree of
// `top` (or one of its `ancestors`, root last), or -1.
function frameOfTreeAt(tree, top, ancestors, depth, x) {
  const topDepth = tree.depth[top];
  if (depth < topDepth) return ancestors[ancestors.length - 1 - depth];
  const order = childOrder(tree);
  const { childStart } = tree;
  let i = top;
  for (let d = topDepth; d < depth; d++) {
    let next = -1;
    for (let k = childStart[i]; k < childStart[i + 1]; k++) {
      const child = order[k];
      if (x >= tree.x[child] && x < tree.x[child] + tree.width[child]) {
        next = child;
        break;
      }
    }
    if (next < 0) return -1;
    i = next;
  }
  return x >= tree.x[i] && x < tree.x[i] + tree.width[i] ? i : -1;
}
