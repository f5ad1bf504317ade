/*
 * The interactive part of swift-flamegraph's SVG: the graph drawn on a
 * canvas, click to zoom, search, details on hover or keyboard focus, the
 * sandwich view of a function, the function table, left heavy order, flip,
 * light and dark themes, a width that follows the window, and the view kept
 * in the URL fragment.
 *
 * FlameGraphSVG embeds these files in every interactive SVG, in this order,
 * inside one function (ViewerResources.swift): viewer-state.js (the view's
 * state, declared before everything that uses it, and the URL fragment),
 * viewer-model.js (the data block decoded into trees),
 * viewer-abbreviation.js (the labels' shorter forms), viewer-layout.js
 * (label fitting and positions), viewer-drawing.js (canvas, themes,
 * contrast), viewer-search.js, viewer-views.js (graph, sandwich, function
 * table, details) and viewer-controls.js (controls, keys, start).
 *
 * The static frames, <g><title>tooltip</title><rect/><text>label</text></g>
 * in #frames, are what a viewer without scripts shows (an <img>, rsvg).
 * With the script the graph is drawn on a canvas (#fg-canvas, in the
 * foreignObject #fg-view over the frames' area) and the static frames are
 * hidden and never read: fills, names and tooltips come from the data
 * block, so the viewer could draw in an HTML page too.
 *
 * Why a canvas: in a browser, any change to an SVG of thousands of
 * elements makes it restyle, lay out or repaint all of them, tens of
 * milliseconds on a real profile, where drawing a view on a canvas takes a
 * few.
 *
 * Labels are fitted by arithmetic, never measured in the DOM, with exactly
 * the rules of the static layout (LabelFitter in Sources/FlameGraph/Layout).
 *
 * Safety. Names are drawn as canvas text or set as text node data, never
 * parsed as markup; the URL fragment is read as plain values.
 */

const root = document.documentElement;
const dataElement = document.getElementById('fg-data');
if (!dataElement || !document.getElementById('frames')) return;
const data = JSON.parse(dataElement.textContent);
if (data.version !== 2) return;
const layout = data.layout;

// What is shown: every field is kept in the URL fragment (see fragment).
const view = {
  mode: 'graph', // 'graph', 'sandwich' or 'table'
  zoomed: 0, // the graph's frame that spans the width; 0, the root, when not zoomed
  sandwich: -1, // the name (index) whose sandwich is shown
  leftHeavy: false, // children widest first, in the graph and the sandwich
  flipped: false, // roots on the other side than the static graph's
  theme: '', // 'light' or 'dark' once chosen; '' follows data.theme
  searchTerm: '',
  searchPlain: false,
  tableSort: 'self', // or 'total'
  tableFilter: '',
};
// The frame under the pointer and the keyboard's, in the view shown: a
// {tree, index} pair, or null; and the frame the pointer was on when it
// left the graph, which the details line keeps until the keyboard moves
// (with its Sandwich button, which the pointer can then reach).
let hovered = null;
let focused = null;
let hasFocus = false;
let pointed = null;
// The document's width now (the window's when the graph is fluid).
let documentWidth = layout.width;

// The view in the URL fragment: #zoom=12&search=parse&plain=1&heavy=1&flip=1
// &theme=dark&sandwich=NAME&view=functions&sort=total&filter=TEXT. Zooms and
// view changes add a history entry (Back undoes them); the rest replace it.
function fragment() {
  const parameters = new URLSearchParams();
  if (view.zoomed !== 0) parameters.set('zoom', String(view.zoomed));
  if (view.mode === 'sandwich') parameters.set('sandwich', names[view.sandwich]);
  if (view.mode === 'table') parameters.set('view', 'functions');
  if (view.tableSort !== 'self') parameters.set('sort', view.tableSort);
  if (view.tableFilter) parameters.set('filter', view.tableFilter);
  if (view.searchTerm) {
    parameters.set('search', view.searchTerm);
    if (view.searchPlain) parameters.set('plain', '1');
  }
  if (view.leftHeavy) parameters.set('heavy', '1');
  if (view.flipped) parameters.set('flip', '1');
  if (view.theme) parameters.set('theme', view.theme);
  const text = parameters.toString();
  return text ? '#' + text : '';
}

// Writes the view to the URL once the view is painted: a history entry
// costs the browser several milliseconds on a large document, which the
// view need not wait for. Views saved within one frame make one entry.
let pendingSave = null;
function saveView(addEntry) {
  if (pendingSave === null) requestAnimationFrame(() => setTimeout(flushSave, 0));
  pendingSave = { addEntry: addEntry || (pendingSave !== null && pendingSave.addEntry) };
}

function flushSave() {
  if (pendingSave === null) return;
  const addEntry = pendingSave.addEntry;
  pendingSave = null;
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

// The view a fragment describes; unknown or malformed values are ignored.
function viewOfFragment(hash) {
  const parameters = new URLSearchParams(hash.slice(1));
  const zoom = Number(parameters.get('zoom') || '0');
  const sandwichName = parameters.get('sandwich');
  const sandwich = sandwichName === null ? -1 : nameIndex(sandwichName);
  const theme = parameters.get('theme');
  return {
    mode: sandwich >= 0 ? 'sandwich' : parameters.get('view') === 'functions' ? 'table' : 'graph',
    zoomed: Number.isInteger(zoom) ? zoom : 0,
    sandwich,
    leftHeavy: parameters.get('heavy') === '1',
    flipped: parameters.get('flip') === '1',
    theme: theme === 'light' || theme === 'dark' ? theme : '',
    searchTerm: parameters.get('search') || '',
    searchPlain: parameters.get('plain') === '1',
    tableSort: parameters.get('sort') === 'total' ? 'total' : 'self',
    tableFilter: parameters.get('filter') || '',
  };
}
