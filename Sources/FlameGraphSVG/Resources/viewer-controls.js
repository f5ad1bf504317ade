/*
 * Controls, keys and events, and the start: the script takes over from the
 * static frames.
 */

const unzoomControl = document.getElementById('unzoom');
const searchControl = document.getElementById('search');
const matchedText = document.getElementById('matched');
const searchBox = document.getElementById('fg-search-box');
const searchInput = document.getElementById('fg-search-input');
const plainBox = document.getElementById('fg-search-plain');
const outline = document.getElementById('fg-outline');
const searchRight = documentWidth - parseFloat(searchControl.getAttribute('x'));
const searchBoxRight = documentWidth - parseFloat(searchBox.getAttribute('x'));

// The toolbar after Reset Zoom on the title line: text controls, as the
// static controls are, placed by their characters' advance (no DOM
// measuring). Each: id, text, key, action.
const toolbar = [
  ['fg-functions', 'Functions', 't', () => showMode(view.mode === 'table' ? 'graph' : 'table')],
  ['fg-sandwich', 'Sandwich', 's', () => openSandwichOfSelection()],
  ['fg-heavy', 'Left heavy', 'h', () => toggle('leftHeavy')],
  ['fg-flip', 'Flip', 'i', () => toggle('flipped')],
  ['fg-theme', 'Dark', 'd', () => switchTheme()],
].map(([id, text, key, action]) => {
  const control = document.createElementNS(root.namespaceURI, 'text');
  control.setAttribute('id', id);
  control.setAttribute('class', 'fg-control fg-tool');
  control.setAttribute('y', unzoomControl.getAttribute('y'));
  control.setAttribute('tabindex', '0');
  control.setAttribute('role', 'button');
  control.setAttribute('aria-keyshortcuts', key);
  control.appendChild(document.createTextNode(text));
  control.addEventListener('click', action);
  unzoomControl.parentNode.insertBefore(control, unzoomControl.nextSibling);
  return { control, key, action };
});

function placeControls() {
  const controlAdvance = layout.characterWidth * layout.fontSize;
  let x = sidePadding;
  if (!unzoomControl.classList.contains('fg-off')) x += (unzoomControl.firstChild.data.length + 2) * controlAdvance;
  for (const tool of toolbar) {
    setAttributeOf(tool.control, 'x', x);
    x += (tool.control.firstChild.data.length + 2) * controlAdvance;
  }
  // The title stays centered unless the toolbar would reach it: then it
  // is centered between the toolbar and Search (its width from the same
  // monospace model, at its own size).
  if (titleText) {
    const titleSize = parseFloat(titleText.getAttribute('font-size')) || layout.fontSize;
    const half = (titleText.textContent.length * layout.characterWidth * titleSize) / 2;
    const right = documentWidth - searchRight - 7 * controlAdvance;
    const centered = documentWidth / 2;
    setAttributeOf(titleText, 'x', x + 4 > centered - half ? Math.max(x + half, (x + right) / 2) : centered);
  }
  setAttributeOf(searchControl, 'x', documentWidth - searchRight);
  setAttributeOf(matchedText, 'x', documentWidth - searchRight);
  setAttributeOf(matchedText, 'y', details.getAttribute('y'));
  setAttributeOf(searchBox, 'x', documentWidth - searchBoxRight);
}

function updateControls() {
  const away = view.mode !== 'graph';
  setTextOf(unzoomControl, away ? 'Back to Graph' : 'Reset Zoom');
  const off = !away && view.zoomed === 0;
  if (unzoomControl.classList.contains('fg-off') !== off) unzoomControl.classList.toggle('fg-off');
  const states = { 'fg-functions': view.mode === 'table', 'fg-heavy': view.leftHeavy, 'fg-flip': view.flipped, 'fg-sandwich': view.mode === 'sandwich' };
  for (const tool of toolbar) {
    const id = tool.control.getAttribute('id');
    if (id in states) {
      if (tool.control.classList.contains('fg-on') !== states[id]) tool.control.classList.toggle('fg-on');
      setAttributeOf(tool.control, 'aria-pressed', states[id]);
    }
  }
  setTextOf(toolbar[4].control, themeShown() === 'dark' ? 'Light' : 'Dark');
  placeControls();
}

// Applies a whole view (from the URL, or after a change) and draws it.
let rendered = false;
function applyView(next) {
  const searchChanged = next.searchTerm !== view.searchTerm || next.searchPlain !== view.searchPlain;
  // A theme changes no pixel of the canvas, and a flip of the graph only
  // moves its rows: neither draws the frames again.
  const drawn = ['mode', 'zoomed', 'sandwich', 'leftHeavy', 'tableSort', 'tableFilter'].some((key) => next[key] !== view[key]);
  const flipOnly = !drawn && !searchChanged && next.flipped !== view.flipped && view.mode === 'graph';
  const redraw = !rendered || drawn || searchChanged || (next.flipped !== view.flipped && !flipOnly);
  Object.assign(view, next);
  // Only a function some stack holds has a sandwich (not the root).
  if (view.mode === 'sandwich' && !(view.sandwich >= 0 && functionModel().nameTotal[view.sandwich] > 0)) view.mode = 'graph';
  setZoom(view.zoomed);
  if (searchChanged || !rendered) showSearchResult();
  hovered = null;
  pointed = null;
  if (focused !== null && (view.mode === 'table' || (focused.tree === graph) !== (view.mode === 'graph') || (focused.tree === graph && !isShown(focused.index)))) focused = null;
  applyTheme();
  updateControls();
  if (redraw) {
    render();
    rendered = true;
  } else {
    if (flipOnly) flipRows(graphRowTop, rowTop.length, (depth) => rowHeight[depth]);
    showDetails();
  }
}

function showSearchResult() {
  const message = runSearch();
  setTextOf(searchControl, view.searchTerm ? 'Reset Search' : 'Search');
  setTextOf(matchedText, message || ' ');
  if (matchedText.classList.contains('fg-off') !== !message) matchedText.classList.toggle('fg-off');
}

function restoreView() {
  // The URL now says what to show: a view not saved yet is dropped.
  pendingSave = null;
  applyView(viewOfFragment(location.hash));
  searchInput.value = view.searchTerm;
  plainBox.checked = view.searchPlain;
}

function change(fields, addEntry) {
  // A view that is not in the history yet keeps an entry of its own when
  // another one follows before the next paint (a zoom, then a sandwich).
  if (addEntry && pendingSave !== null && pendingSave.addEntry) flushSave();
  applyView(Object.assign({}, view, fields));
  saveView(addEntry);
}

function toggle(field) {
  change({ [field]: !view[field] }, false);
}

function switchTheme() {
  change({ theme: themeShown() === 'dark' ? 'light' : 'dark' }, false);
}

function showMode(mode) {
  if (mode === view.mode) return;
  change({ mode }, true);
  if (mode === 'table') tableFilterInput.focus();
}

function openSandwich(name) {
  if (!(name >= 0 && functionModel().nameTotal[name] > 0)) return;
  change({ mode: 'sandwich', sandwich: name }, true);
  canvas.focus({ preventScroll: true });
  // The function's row in sight: callers may stack far above it.
  const box = boxOf({ tree: sandwich.callees, index: 0 });
  const matrix = root.getScreenCTM();
  if (matrix) {
    const y = new DOMPoint(box.x, box.y).matrixTransform(matrix).y;
    if (y < 0 || y > window.innerHeight - 2 * box.height) window.scrollBy(0, y - window.innerHeight / 3);
  }
}

// The sandwich of the frame the pointer or the keyboard is on; else,
// when a search is active, of the matched function with the most
// samples; else of the frame the details line shows, or of the zoomed
// frame.
function openSandwichOfSelection() {
  const frame = hovered || (hasFocus && focused);
  const best = frame ? -1 : mostMatchedFunction();
  const other = pointed || focused;
  if (frame) openSandwich(frame.tree.name[frame.index]);
  else if (best >= 0) openSandwich(best);
  else if (other !== null) openSandwich(other.tree.name[other.index]);
  else if (view.mode === 'graph' && view.zoomed !== 0) openSandwich(graph.name[view.zoomed]);
}

// The details line's Sandwich button: the sandwich of the frame it describes.
function openSandwichOfDetails() {
  const frame = detailsFrame();
  if (frame !== null) openSandwich(frame.tree.name[frame.index]);
}

function zoomByUser(frame) {
  if (frame === null) return;
  if (frame.tree !== graph) {
    openSandwich(frame.tree.name[frame.index]);
  } else if (frame.index !== view.zoomed || view.mode !== 'graph') {
    change({ mode: 'graph', zoomed: frame.index }, true);
    focused = frame;
  }
}

// Back to the view before: the history's, when this document added it.
function goBack() {
  if (view.mode === 'graph' && view.zoomed === 0) return;
  flushSave();
  if (history.state && history.state.flamegraph > 0) {
    history.back(); // popstate restores the previous view
  } else {
    change(view.mode === 'graph' ? { zoomed: 0 } : { mode: 'graph' }, false);
  }
}

function openSearch() {
  searchBox.classList.add('fg-open');
  searchInput.value = view.searchTerm;
  plainBox.checked = view.searchPlain;
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
  applyView(Object.assign({}, view, { searchTerm: searchInput.value, searchPlain: plainBox.checked }));
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => saveView(false), 300);
}
searchInput.addEventListener('input', searchFromBox);
plainBox.addEventListener('change', searchFromBox);

function frameOfPointer(event) {
  const matrix = root.getScreenCTM();
  if (!matrix) return null;
  const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
  return frameAt(point.x, point.y);
}

const sameFrame = (a, b) => (a === null ? b === null : b !== null && a.tree === b.tree && a.index === b.index);

canvas.addEventListener('click', (event) => zoomByUser(frameOfPointer(event)));
canvas.addEventListener('mousemove', (event) => {
  const frame = frameOfPointer(event);
  if (!sameFrame(frame, hovered) || (frame === null && pointed !== null)) {
    hovered = frame;
    pointed = null;
    showDetails();
  }
});
canvas.addEventListener('mouseleave', () => {
  if (hovered !== null) pointed = hovered;
  hovered = null;
  showDetails();
});
detailsButton.addEventListener('click', openSandwichOfDetails);
detailsButton.addEventListener('focus', () => {
  detailsButtonFocused = true;
});
detailsButton.addEventListener('blur', () => {
  detailsButtonFocused = false;
  showDetails();
});
canvas.addEventListener('focus', () => {
  hasFocus = true;
  pointed = null;
  if (focused === null) focused = view.mode === 'sandwich' ? { tree: sandwich.callees, index: 0 } : { tree: graph, index: view.zoomed };
  showDetails();
});
canvas.addEventListener('blur', (event) => {
  hasFocus = false;
  // Tab from the graph to the details' button keeps the line (and the button).
  if (event.relatedTarget === detailsButton) detailsButtonFocused = true;
  showDetails();
});

unzoomControl.addEventListener('click', () => {
  if (view.mode !== 'graph') goBack();
  else change({ zoomed: 0 }, true);
});
searchControl.addEventListener('click', () => {
  if (view.searchTerm) {
    searchInput.value = '';
    applyView(Object.assign({}, view, { searchTerm: '' }));
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
  if (target === tableFilterInput) {
    if (event.key === 'Escape') {
      event.preventDefault();
      goBack();
    } else if (event.key === 'Enter' || event.key === 'ArrowDown') {
      event.preventDefault();
      const first = tableBody.querySelector('tr[data-name]');
      if (first && event.key === 'ArrowDown') first.focus();
      else if (first) openSandwich(Number(first.dataset.name));
    }
    return;
  }
  const findKey = (event.ctrlKey || event.metaKey) && (event.key === 'f' || event.key === 'F');
  const plainKey = !event.ctrlKey && !event.metaKey && !event.altKey;
  const tool = plainKey ? toolbar.find((t) => t.key === event.key) : undefined;
  if (event.key === '/' || event.key === 'F3' || findKey) {
    event.preventDefault();
    openSearch();
  } else if (event.key === 'Escape') {
    event.preventDefault();
    goBack();
  } else if (target === canvas && event.key.startsWith('Arrow')) {
    event.preventDefault();
    moveFocus(event.key);
  } else if (target === canvas && (event.key === 'Enter' || event.key === ' ')) {
    event.preventDefault();
    zoomByUser(focused);
  } else if ((target === unzoomControl || target === searchControl || target === detailsButton || toolbar.some((t) => t.control === target)) && (event.key === 'Enter' || event.key === ' ')) {
    event.preventDefault();
    target.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  } else if (tool && !(target.closest && target.closest('tr'))) {
    event.preventDefault();
    tool.action();
  }
});

window.addEventListener('popstate', restoreView);
window.addEventListener('hashchange', restoreView);
// A new width (fluid graphs), scale or display density: draw again, once
// per animation frame.
let resizePending = false;
window.addEventListener('resize', () => {
  if (resizePending) return;
  resizePending = true;
  requestAnimationFrame(() => {
    resizePending = false;
    measureWindow();
    render();
  });
});
if (prefersDark && prefersDark.addEventListener) {
  prefersDark.addEventListener('change', () => {
    applyTheme();
    updateControls();
  });
}

// What tests and other scripts may read: the view, and the frames shown.
function shownFrame(tree, index, faded, role) {
  const label = fitLabel(tree.name[index], tree.width[index]);
  const box = boxOf({ tree, index });
  const matched = nameMatched[tree.name[index]] === 1;
  return {
    index, parent: tree.parent[index], name: names[tree.name[index]], x: tree.x[index], y: box.y, width: tree.width[index], label,
    trailing: label !== '' && fittedTrailing, faded, matched, role, depth: tree.depth[index],
    total: tree.total[index], fill: matched ? searchColor : palette[tree.fill[index]],
    labelColor: matched ? searchLabel : paletteLabel[tree.fill[index]],
  };
}
window.flamegraph = Object.freeze({
  get zoomed() {
    return view.zoomed;
  },
  get view() {
    return Object.assign({}, view, { sandwichName: view.mode === 'sandwich' ? names[view.sandwich] : null, theme: themeShown(), width: documentWidth });
  },
  get sandwich() {
    return sandwich && view.mode === 'sandwich' ? { name: names[sandwich.name], total: sandwich.total, self: sandwich.self } : null;
  },
  // The frames shown, in drawing order: index, name, x, width, label,
  // whether the label ends at the right edge, whether the frame is a
  // faded ancestor, whether it matches the search, and in a sandwich its
  // role ("callee", whose root is the function, or "caller").
  shownFrames() {
    const shown = [];
    if (view.mode === 'graph') {
      for (const ancestor of ancestors) shown.push(shownFrame(graph, ancestor, true, 'graph'));
      for (let i = view.zoomed; i < graph.subtreeEnd[view.zoomed]; i++) shown.push(shownFrame(graph, i, false, 'graph'));
    } else if (view.mode === 'sandwich') {
      for (let i = 0; i < sandwich.callees.count; i++) shown.push(shownFrame(sandwich.callees, i, false, 'callee'));
      for (let i = 1; i < sandwich.callers.count; i++) shown.push(shownFrame(sandwich.callers, i, false, 'caller'));
    }
    return shown;
  },
  // Shows the view a URL fragment describes ("#sandwich=parse&flip=1"),
  // at once, as a link would.
  show(hash) {
    applyView(viewOfFragment(String(hash)));
    saveView(true);
  },
  // The drawn frames of the graph, decoded from the data block: name and
  // parent, in document order.
  frames() {
    return Array.from(graph.parent, (parent, i) => ({ name: names[graph.name[i]], parent }));
  },
  // Where a shown frame is drawn, in client (viewport) coordinates, or
  // null; role as in shownFrames.
  clientBox(i, role) {
    let frame;
    if (!role || role === 'graph') {
      if (view.mode !== 'graph' || !isShown(i)) return null;
      frame = { tree: graph, index: i };
    } else {
      if (view.mode !== 'sandwich') return null;
      frame = { tree: role === 'caller' ? sandwich.callers : sandwich.callees, index: i };
    }
    const box = boxOf(frame);
    const matrix = root.getScreenCTM();
    const corner = new DOMPoint(box.x, box.y).matrixTransform(matrix);
    const end = new DOMPoint(box.x + box.width, box.y + box.height).matrixTransform(matrix);
    return { x: corner.x, y: corner.y, width: end.x - corner.x, height: end.y - corner.y };
  },
});

// Take over from the static frames: the canvas shows the graph from now on.
root.style.setProperty('--fg-search-color', searchColor);
canvas.setAttribute('tabindex', '0');
// Its own keys (arrows, Enter, Escape), hence an application.
canvas.setAttribute('role', 'application');
canvas.setAttribute('aria-label', 'Flame graph: arrow keys move, Enter zooms, Escape goes back, / searches, s sandwich (of the frame, or of the function the search matches most), Tab the details line\'s Sandwich button, t functions, h left heavy, i flip, d theme');
for (const control of [unzoomControl, searchControl]) {
  control.setAttribute('tabindex', '0');
  control.setAttribute('role', 'button');
}
root.classList.add('fg-scripted');
measureWindow();
restoreView();
