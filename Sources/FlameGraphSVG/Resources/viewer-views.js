/*
 * The views: the graph (zoomable), the sandwich of a function (its callers
 * inverted above it, its callees below, every occurrence merged and
 * recursion counted once) and the function table; details of the frame
 * under the pointer or the keyboard's focus.
 */

let ancestors = []; // the zoomed frame's ancestors, root last
const rowTop = data.rows.top;
const rowHeight = data.rows.height;
const flame = data.direction !== 'icicle';

// The graph's rows: the static ones, or mirrored in the area when flipped
// (or, with `otherWay`, where they are with the other flip).
function graphRowTop(depth, otherWay) {
  return view.flipped !== !!otherWay ? 2 * areaTop + graphAreaHeight - rowTop[depth] - rowHeight[depth] : rowTop[depth];
}

function isShown(i) {
  return (i >= view.zoomed && i < graph.subtreeEnd[view.zoomed]) || ancestors.indexOf(i) >= 0;
}

function layoutGraph() {
  const spanned = view.zoomed === 0 ? Math.max(layout.scaleTotal || 0, graph.total[0]) : graph.total[view.zoomed];
  layoutTree(graph, view.zoomed, spanned, ancestors);
}

function drawGraph() {
  clearCanvas();
  context.globalAlpha = 0.5; // ancestors of the zoomed frame are faded
  for (const ancestor of ancestors) drawGraphFrame(ancestor);
  context.globalAlpha = 1;
  const end = graph.subtreeEnd[view.zoomed];
  for (let i = view.zoomed; i < end; i++) drawGraphFrame(i);
}

function drawGraphFrame(i) {
  const depth = graph.depth[i];
  drawBox(graph, i, graphRowTop(depth), rowHeight[depth], nameMatched[graph.name[i]] === 1, sourceOf.get(i));
}

function setZoom(target) {
  if (!(target >= 0 && target < frameCount) || !(graph.total[target] > 0)) target = 0;
  view.zoomed = target;
  ancestors = [];
  for (let frame = graph.parent[target]; frame >= 0; frame = graph.parent[frame]) ancestors.push(frame);
}

// ---------------------------------------------------------------------
// The sandwich.

let sandwich = null; // {name, callers, callees, total, self}

// Merges groups of catalog frames into a tree in depth-first order: each
// node is a group of frames of one name, children grouped by name and
// ordered by name as the static layout orders them.
function mergeTree(rootGroup, childrenOf) {
  const parent = [];
  const name = [];
  const total = [];
  const fill = [];
  const model = functionModel();
  const stack = [[rootGroup, -1]];
  while (stack.length > 0) {
    const [group, up] = stack.pop();
    const id = parent.length;
    parent.push(up);
    name.push(catalogName[group[0]]);
    let sum = 0;
    let fillIndex = -1;
    for (const member of group) {
      sum += group.weight ? group.weight.get(member) : catalogTotal[member];
      if (fillIndex < 0 && member < frameCount) fillIndex = graph.fill[member];
    }
    total.push(sum);
    fill.push(fillIndex >= 0 ? fillIndex : model.nameFill[catalogName[group[0]]]);
    const byName = new Map();
    childrenOf(group, byName);
    const keys = Array.from(byName.keys()).sort((a, b) => a - b);
    for (let k = keys.length - 1; k >= 0; k--) stack.push([byName.get(keys[k]), id]);
  }
  return makeTree(Int32Array.from(parent), Int32Array.from(name), Float64Array.from(total), Int32Array.from(fill));
}

function addToGroup(byName, member, weight, parentWeights) {
  const key = catalogName[member];
  let group = byName.get(key);
  if (group === undefined) {
    group = [];
    if (parentWeights) group.weight = new Map();
    byName.set(key, group);
  }
  if (parentWeights) {
    if (!group.weight.has(member)) group.push(member);
    group.weight.set(member, (group.weight.get(member) || 0) + weight);
  } else {
    group.push(member);
  }
}

function buildSandwich(nameIndexShown) {
  const model = functionModel();
  const occurrences = Array.from(model.occurrences.subarray(model.occurrenceStart[nameIndexShown], model.occurrenceStart[nameIndexShown + 1]));
  // Callees: the subtrees of the outermost occurrences, merged.
  const callees = mergeTree(occurrences, (group, byName) => {
    for (const member of group) {
      for (let k = model.childStart[member]; k < model.childStart[member + 1]; k++) addToGroup(byName, model.children[k], 0, false);
    }
  });
  // Callers: each outermost occurrence's stack above it, inverted: a
  // group's members are the frames reached, weighted by the occurrences'
  // totals that reach them.
  const start = occurrences.slice();
  start.weight = new Map(occurrences.map((i) => [i, catalogTotal[i]]));
  const callers = mergeTree(start, (group, byName) => {
    for (const member of group) {
      const p = catalogParent[member];
      if (p > 0) addToGroup(byName, p, group.weight.get(member), true);
    }
  });
  return { name: nameIndexShown, callers, callees, total: callees.total[0], self: model.nameSelf[nameIndexShown] };
}

// Rows of the sandwich: the function in the middle row, callers above it
// (below when flipped), callees on the other side; one frame height each.
function sandwichMiddle() {
  return view.flipped ? sandwich.callees.maxDepth : sandwich.callers.maxDepth;
}
function sandwichRowTop(tree, depth) {
  const up = (tree === sandwich.callers) !== view.flipped;
  return areaTop + (sandwichMiddle() + (up ? -depth : depth)) * layout.frameHeight;
}

function sandwichHeight() {
  return (sandwich.callers.maxDepth + sandwich.callees.maxDepth + 1) * layout.frameHeight;
}

function layoutSandwich() {
  layoutTree(sandwich.callers, 0, sandwich.callers.total[0], []);
  layoutTree(sandwich.callees, 0, sandwich.callees.total[0], []);
}

function drawSandwich() {
  clearCanvas();
  for (const tree of [sandwich.callers, sandwich.callees]) {
    // The function itself is drawn once, as the callees' root.
    for (let i = tree === sandwich.callers ? 1 : 0; i < tree.count; i++) {
      drawBox(tree, i, sandwichRowTop(tree, tree.depth[i]), layout.frameHeight - 1, nameMatched[tree.name[i]] === 1);
    }
  }
}

// ---------------------------------------------------------------------
// The function table: every function's self and total samples (recursion
// counted once), sorted by either, filtered by a text; a row opens the
// function's sandwich.

const tableLimit = 500;
let tableBox = null;
let tableBody = null;
let tableFilterInput = null;
let tableSortButtons = {};

function makeTable() {
  const element = (tag, parent, className) => {
    const made = document.createElementNS(xhtmlNamespace, tag);
    if (className) made.className = className;
    if (parent) parent.appendChild(made);
    return made;
  };
  tableBox = document.createElementNS(root.namespaceURI, 'foreignObject');
  tableBox.setAttribute('id', 'fg-table');
  tableBox.setAttribute('x', '0');
  tableBox.setAttribute('y', String(areaTop));
  const panel = element('div', tableBox, 'fg-panel');
  const bar = element('div', panel, 'fg-table-bar');
  tableFilterInput = element('input', bar);
  tableFilterInput.setAttribute('id', 'fg-table-filter');
  tableFilterInput.setAttribute('type', 'text');
  tableFilterInput.setAttribute('placeholder', 'filter functions');
  tableFilterInput.setAttribute('aria-label', 'Filter functions');
  tableFilterInput.setAttribute('spellcheck', 'false');
  for (const key of ['self', 'total']) {
    const button = element('button', bar);
    button.setAttribute('id', 'fg-sort-' + key);
    button.setAttribute('type', 'button');
    button.textContent = 'By ' + key;
    button.addEventListener('click', () => {
      view.tableSort = key;
      fillTable();
      saveView(false);
    });
    tableSortButtons[key] = button;
  }
  const scroller = element('div', panel, 'fg-table-scroll');
  const table = element('table', scroller);
  const head = element('tr', element('thead', table));
  for (const title of ['Self', 'Total', 'Function']) element('th', head).textContent = title;
  tableBody = element('tbody', table);
  tableBody.setAttribute('id', 'fg-table-body');
  tableBody.addEventListener('click', (event) => {
    const row = event.target.closest ? event.target.closest('tr') : null;
    if (row && row.dataset.name) openSandwich(Number(row.dataset.name));
  });
  tableBody.addEventListener('keydown', (event) => {
    const row = event.target;
    if ((event.key === 'Enter' || event.key === ' ') && row.dataset && row.dataset.name) {
      event.preventDefault();
      openSandwich(Number(row.dataset.name));
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = event.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling;
      if (next && next.dataset.name) next.focus();
    }
  });
  tableFilterInput.addEventListener('input', () => {
    view.tableFilter = tableFilterInput.value;
    fillTable();
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => saveView(false), 300);
  });
  canvasBox.parentNode.insertBefore(tableBox, canvasBox.nextSibling);
}

function fillTable() {
  const model = functionModel();
  const filter = view.tableFilter.toLowerCase();
  const key = view.tableSort === 'total' ? model.nameTotal : model.nameSelf;
  const other = view.tableSort === 'total' ? model.nameSelf : model.nameTotal;
  const rows = [];
  for (let i = 0; i < names.length; i++) {
    if (!(model.nameTotal[i] > 0)) continue;
    if (filter && names[i].toLowerCase().indexOf(filter) < 0) continue;
    rows.push(i);
  }
  rows.sort((a, b) => key[b] - key[a] || other[b] - other[a] || a - b);
  for (const name of ['self', 'total']) tableSortButtons[name].setAttribute('aria-pressed', String(view.tableSort === name));
  tableFilterInput.value = view.tableFilter;
  const total = data.total > 0 ? data.total : 1;
  const fragmentOfRows = document.createDocumentFragment();
  for (const i of rows.slice(0, tableLimit)) {
    const row = document.createElementNS(xhtmlNamespace, 'tr');
    row.setAttribute('tabindex', '0');
    row.dataset.name = String(i);
    for (const text of [
      formatCount(model.nameSelf[i]) + ' (' + percent(model.nameSelf[i] / total) + '%)',
      formatCount(model.nameTotal[i]) + ' (' + percent(model.nameTotal[i] / total) + '%)',
      names[i],
    ]) {
      const cell = document.createElementNS(xhtmlNamespace, 'td');
      cell.textContent = text;
      row.appendChild(cell);
    }
    if (nameMatched[i]) row.className = 'fg-matched';
    fragmentOfRows.appendChild(row);
  }
  if (rows.length > tableLimit) {
    const row = document.createElementNS(xhtmlNamespace, 'tr');
    const cell = document.createElementNS(xhtmlNamespace, 'td');
    cell.setAttribute('colspan', '3');
    cell.textContent = formatCount(rows.length - tableLimit) + ' more: filter to find them';
    row.appendChild(cell);
    fragmentOfRows.appendChild(row);
  }
  tableBody.replaceChildren(fragmentOfRows);
}

// ---------------------------------------------------------------------
// Showing a view.

// Lays out and draws the view of `view`, sizing the document for it.
function render() {
  const fluidWidth = data.fluid ? windowWidth : layout.width;
  if (view.mode === 'sandwich') {
    if (sandwich === null || sandwich.name !== view.sandwich) {
      sandwich = buildSandwich(view.sandwich);
      // Frames of another sandwich are gone.
      if (hovered !== null && hovered.tree !== graph) hovered = null;
      if (focused !== null && focused.tree !== graph) focused = null;
      if (pointed !== null && pointed.tree !== graph) pointed = null;
    }
    setDocumentSize(fluidWidth, Math.max(graphAreaHeight, sandwichHeight()));
    layoutSandwich();
    drawSandwich();
  } else if (view.mode === 'table') {
    setDocumentSize(fluidWidth, Math.max(graphAreaHeight, 420));
    if (tableBox === null) {
      makeTable();
      applyTheme();
    }
    tableBox.setAttribute('width', documentWidth);
    tableBox.setAttribute('height', areaHeight);
    fillTable();
    clearCanvas();
  } else {
    setDocumentSize(fluidWidth, graphAreaHeight);
    layoutGraph();
    drawGraph();
  }
  if (tableBox !== null && tableBox.classList.contains('fg-off') !== (view.mode !== 'table')) tableBox.classList.toggle('fg-off');
  if (canvasBox.classList.contains('fg-off') !== (view.mode === 'table')) canvasBox.classList.toggle('fg-off');
  showDetails();
}

// The frame shown at a point (SVG units), as {tree, index}, or null.
function frameAt(x, y) {
  if (x < sidePadding || x >= sidePadding + drawableWidth) return null;
  if (view.mode === 'graph') {
    for (let depth = 0; depth < rowTop.length; depth++) {
      const top = graphRowTop(depth);
      if (y >= top && y < top + rowHeight[depth]) {
        const index = frameOfTreeAt(graph, view.zoomed, ancestors, depth, x);
        return index >= 0 ? { tree: graph, index } : null;
      }
    }
    return null;
  }
  if (view.mode !== 'sandwich') return null;
  const row = Math.floor((y - areaTop) / layout.frameHeight);
  const middle = sandwichMiddle();
  if (row === middle) return { tree: sandwich.callees, index: 0 };
  const callersSide = view.flipped ? row > middle : row < middle;
  const tree = callersSide ? sandwich.callers : sandwich.callees;
  const index = frameOfTreeAt(tree, 0, [], Math.abs(row - middle), x);
  return index >= 0 ? { tree, index } : null;
}

// Where a frame is drawn, in SVG units.
function boxOf(frame) {
  const { tree, index } = frame;
  if (tree === graph) {
    const depth = graph.depth[index];
    return { x: graph.x[index], y: graphRowTop(depth), width: graph.width[index], height: rowHeight[depth] };
  }
  return { x: tree.x[index], y: sandwichRowTop(tree, tree.depth[index]), width: tree.width[index], height: layout.frameHeight - 1 };
}

// The tooltip's words, "name (count unit, share%)", from the data block.
function describe(tree, index) {
  const total = data.total > 0 ? data.total : 1;
  let text = names[tree.name[index]] + ' (' + formatCount(tree.total[index]) + ' ' + data.countName + ', ' + percent(tree.total[index] / total) + '%';
  if (tree === graph && beforeTotal !== null) {
    // --negate flips the sign of changes, as the static tooltips show them.
    const delta = ((data.negate ? -1 : 1) * (graph.total[index] - beforeTotal[index])) / total;
    text += '; ' + (delta > 0 ? '+' : '') + percent(delta) + '%';
  }
  return text + ')';
}

// The frame the details line describes: the pointer's, else the one the
// pointer left the graph on (until the keyboard moves), else the
// keyboard's (while the graph or the details' button has the focus).
function detailsFrame() {
  return hovered || pointed || ((hasFocus || detailsButtonFocused) && focused) || null;
}

function showDetails() {
  const frame = detailsFrame();
  let text = ' ';
  if (frame !== null) {
    const { tree, index } = frame;
    text = data.nameType + ' ' + describe(tree, index);
    if (tree === graph) {
      if (view.zoomed !== 0 && index >= view.zoomed && index < graph.subtreeEnd[view.zoomed]) {
        text += ', ' + percent(graph.total[index] / graph.total[view.zoomed]) + '% of the zoomed frame';
      }
      const source = sourceOf.get(index);
      if (source) text += ' \u2014 ' + source.text.trim();
    } else if (index > 0) {
      text += tree === sandwich.callers ? ', calls ' : ', called by ';
      text += names[sandwich.name];
    }
  } else if (view.mode === 'sandwich') {
    const total = data.total > 0 ? data.total : 1;
    text = names[sandwich.name] + ': total ' + formatCount(sandwich.total) + ' ' + data.countName + ' (' + percent(sandwich.total / total) + '%), self ' + formatCount(sandwich.self) + ' (' + percent(sandwich.self / total) + '%); callers ' + (view.flipped ? 'below' : 'above') + ', callees ' + (view.flipped ? 'above' : 'below');
  } else if (view.mode === 'graph' && view.searchTerm && searchShare.samples > 0) {
    text = 'Press s (or Sandwich) for the sandwich of the matched function with the most ' + data.countName;
  }
  setTextOf(details, text);
  // The button, for a frame whose sandwich is not the one shown.
  const buttonOff = frame === null || view.mode === 'table' || (view.mode === 'sandwich' && frame.tree.name[frame.index] === sandwich.name);
  if (detailsButton.classList.contains('fg-off') !== buttonOff) detailsButton.classList.toggle('fg-off');
  if (!buttonOff) {
    const detailsAdvance = layout.characterWidth * parseFloat(detailsButton.getAttribute('font-size'));
    const room = documentWidth - sidePadding - 10 * detailsAdvance;
    setAttributeOf(detailsButton, 'x', Math.min(room, parseFloat(details.getAttribute('x')) + (Array.from(text).length + 2) * detailsAdvance));
    setAttributeOf(detailsButton, 'y', details.getAttribute('y'));
    setAttributeOf(detailsButton, 'aria-label', 'Sandwich of ' + names[frame.tree.name[frame.index]]);
  }
  // The outline follows the pointer, else the keyboard focus.
  const marked = frame;
  const off = marked === null || view.mode === 'table';
  if (outline.classList.contains('fg-off') !== off) outline.classList.toggle('fg-off');
  if (!off) {
    const box = boxOf(marked);
    setAttributeOf(outline, 'x', box.x);
    setAttributeOf(outline, 'y', box.y);
    setAttributeOf(outline, 'width', box.width);
    setAttributeOf(outline, 'height', box.height);
    outline.classList.toggle('fg-focus', !hovered && hasFocus);
  }
}

// Arrow keys move the focus over the frames shown: toward children,
// toward the parent, or to the next sibling shown left or right.
function moveFocus(key) {
  const frame = focused || { tree: view.mode === 'sandwich' ? sandwich.callees : graph, index: view.mode === 'graph' ? view.zoomed : 0 };
  const { tree, index } = frame;
  // Children are drawn above their parent in a flame graph, below in an
  // icicle (and the other way when flipped); callers are drawn above.
  const childrenUp = tree === graph ? flame !== view.flipped : (tree !== sandwich.callees) !== view.flipped;
  const towardChildren = childrenUp ? 'ArrowUp' : 'ArrowDown';
  const towardParent = childrenUp ? 'ArrowDown' : 'ArrowUp';
  const order = childOrder(tree);
  const shown = (i) => tree !== graph || isShown(i);
  let next = -1;
  if (key === towardChildren) {
    for (let k = tree.childStart[index]; k < tree.childStart[index + 1] && next < 0; k++) if (shown(order[k])) next = order[k];
  } else if (key === towardParent) {
    next = tree.parent[index];
  } else if (tree.parent[index] >= 0) {
    const p = tree.parent[index];
    const first = tree.childStart[p];
    const last = tree.childStart[p + 1];
    let position = first;
    while (position < last && order[position] !== index) position++;
    const step = key === 'ArrowLeft' ? -1 : 1;
    for (let k = position + step; k >= first && k < last && next < 0; k += step) if (shown(order[k])) next = order[k];
  }
  if (next >= 0) {
    focused = { tree, index: next };
    pointed = null;
    showDetails();
  }
}
