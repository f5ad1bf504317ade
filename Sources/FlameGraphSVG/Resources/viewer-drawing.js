/*
 * Drawing: the canvas over the frames' area, the document's size (a fluid
 * width, a sandwich taller than the graph), the themes, and label colors
 * by contrast.
 */

const canvas = document.getElementById('fg-canvas');
const canvasBox = document.getElementById('fg-view'); // the frames' area, in SVG units
if (!canvas || !canvasBox || !canvas.getContext) return;
// Transparent: the document's background shows through.
const context = canvas.getContext('2d');
// The namespace of the HTML elements the viewer adds (the table, a copy of
// the canvas), from the canvas rather than written here.
const xhtmlNamespace = canvas.namespaceURI;
const areaTop = parseFloat(canvasBox.getAttribute('y'));
const graphAreaHeight = parseFloat(canvasBox.getAttribute('height'));
let areaHeight = graphAreaHeight;
const font = layout.fontSize + 'px ' + data.font;
const codeFont = 'oblique ' + font;
const searchColor = data.searchColor;

// What moves when the document's size changes, and where it was.
const background = root.querySelector('rect');
const details = document.getElementById('details');
const titleText = document.getElementById('title');
const subtitleText = document.getElementById('subtitle');
const documentHeight = parseFloat(root.getAttribute('height'));
const detailsY = parseFloat(details.getAttribute('y'));
// The Sandwich button of the details line: it opens the sandwich of the
// frame the line describes. Placed after the line's text, by the
// characters' advance (no DOM measuring); after the canvas in the
// document, so that Tab from the graph reaches it.
const detailsButton = document.createElementNS(root.namespaceURI, 'text');
detailsButton.setAttribute('id', 'fg-details-sandwich');
detailsButton.setAttribute('class', 'fg-control fg-off');
detailsButton.setAttribute('tabindex', '0');
detailsButton.setAttribute('role', 'button');
detailsButton.setAttribute('aria-keyshortcuts', 's');
detailsButton.setAttribute('font-family', data.font);
detailsButton.setAttribute('font-size', layout.fontSize);
detailsButton.appendChild(document.createTextNode('Sandwich'));
canvasBox.parentNode.insertBefore(detailsButton, canvasBox.nextSibling);
let detailsButtonFocused = false;

// WCAG relative luminance of "#rrggbb", and the label color of most
// contrast on it: black unless white contrasts more. Either reaches 4.58:1
// at least, above AA's 4.5:1 for text.
function luminance(hex) {
  const channel = (offset) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}
function contrast(first, second) {
  const a = luminance(first);
  const b = luminance(second);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}
function labelColorOn(fill) {
  const l = luminance(fill);
  // Black's contrast (l + 0.05) / 0.05 against white's 1.05 / (l + 0.05).
  return (l + 0.05) * (l + 0.05) >= 0.0525 ? '#000000' : '#ffffff';
}
const paletteLabel = palette.map(labelColorOn);
const searchLabel = labelColorOn(searchColor);

// Themes: the light one is the static document's look; the dark one
// changes the background and the text around the graph, never the fills.
const darkBackground = '#1d1f23';
const darkText = '#e8e8e8';
// The group of the title, the controls and the details line.
const textGroup = details.parentNode;
const lightBackground = background ? background.getAttribute('fill') : '';
const prefersDark = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
function themeShown() {
  if (view.theme) return view.theme;
  if (data.theme === 'light' || data.theme === 'dark') return data.theme;
  return prefersDark && prefersDark.matches ? 'dark' : 'light';
}
// The theme is set on the few elements it changes, never on the root: a
// class on the root would make the browser restyle the whole document.
function applyTheme() {
  const dark = themeShown() === 'dark';
  const text = dark ? darkText : data.uiColor || '';
  if (background) setAttributeOf(background, 'fill', dark ? darkBackground : lightBackground);
  const chrome = Array.from(textGroup.children).filter((element) => element.localName === 'text');
  chrome.push(detailsButton);
  const legend = document.getElementById('legend');
  if (legend) for (const element of legend.getElementsByTagName('text')) chrome.push(element);
  for (const element of chrome) if (element.style.fill !== text) element.style.fill = text;
  for (const element of [outline, searchBox, tableBox]) {
    if (element && element.classList.contains('fg-dark') !== dark) element.classList.toggle('fg-dark');
  }
}

// Sets an attribute or a text only when it changes: any write to the
// document, even of the same value, can make the browser restyle it.
function setAttributeOf(element, name, value) {
  const text = String(value);
  if (element.getAttribute(name) !== text) element.setAttribute(name, text);
}
function setTextOf(element, text) {
  if (element.firstChild.data !== text) element.firstChild.data = text;
}

// The window's width, read when the window changes only: reading it after
// changes to the document makes the browser lay the document out first.
let windowWidth = layout.width;
function measureWindow() {
  // Options.narrowestFluidWidth: no graph is drawn narrower.
  if (data.fluid) windowWidth = Math.max(200, Math.floor(root.clientWidth || window.innerWidth));
}

// Sets the document's width and the frames' area's height; what sits
// below the frames moves with it.
function setDocumentSize(width, height) {
  if (width === documentWidth && height === areaHeight) return;
  const shift = height - graphAreaHeight;
  const totalHeight = documentHeight + shift;
  root.setAttribute('width', width);
  root.setAttribute('height', totalHeight);
  root.setAttribute('viewBox', '0 0 ' + width + ' ' + totalHeight);
  if (background) {
    background.setAttribute('width', width);
    background.setAttribute('height', totalHeight);
  }
  canvasBox.setAttribute('width', width);
  canvasBox.setAttribute('height', height);
  details.setAttribute('y', detailsY + shift);
  if (subtitleText) subtitleText.setAttribute('x', width / 2);
  documentWidth = width;
  areaHeight = height;
  drawableWidth = Math.max(1, width - 2 * sidePadding);
  placeControls();
}

// Keeps the canvas's pixels one to one with the screen's, whatever the
// document's scale and the display's density; draws in SVG units.
function sizeCanvas() {
  const matrix = canvasBox.getScreenCTM();
  const scale = (matrix ? Math.hypot(matrix.a, matrix.b) : 1) * (window.devicePixelRatio || 1);
  const width = Math.max(1, Math.round(documentWidth * scale));
  const height = Math.max(1, Math.round(areaHeight * scale));
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
    canvas.style.width = documentWidth + 'px';
    canvas.style.height = areaHeight + 'px';
  }
  context.setTransform(width / documentWidth, 0, 0, height / areaHeight, 0, (-areaTop * height) / areaHeight);
}

// Moves the graph's rows to their mirrored places, as flipping draws
// them: a copy of the canvas, row by row, rather than drawing every frame
// again. rowTopOf(depth, true) is where a row is before the flip.
let flipBuffer = null;
function flipRows(rowTopOf, rowCount, heightOf) {
  if (flipBuffer === null) flipBuffer = document.createElementNS(xhtmlNamespace, 'canvas');
  flipBuffer.width = canvas.width;
  flipBuffer.height = canvas.height;
  flipBuffer.getContext('2d').drawImage(canvas, 0, 0);
  const scale = canvas.height / areaHeight;
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, canvas.width, canvas.height);
  for (let depth = 0; depth < rowCount; depth++) {
    const from = Math.round((rowTopOf(depth, true) - areaTop) * scale);
    const to = Math.round((rowTopOf(depth, false) - areaTop) * scale);
    const height = Math.round(heightOf(depth) * scale);
    if (height > 0) context.drawImage(flipBuffer, 0, from, canvas.width, height, 0, to, canvas.width, height);
  }
  sizeCanvas();
}

function clearCanvas() {
  sizeCanvas();
  context.globalAlpha = 1;
  context.clearRect(0, areaTop, documentWidth, areaHeight);
  context.font = font;
  context.lineWidth = 0.5;
}

// Draws frame i of `tree` in the row at `top`, `height` high; `matched`
// when a search matches its name; `source` its line of code, if any.
function drawBox(tree, i, top, height, matched, source) {
  const x = tree.x[i];
  const width = tree.width[i];
  const fillIndex = tree.fill[i];
  context.fillStyle = matched ? searchColor : palette[fillIndex];
  context.fillRect(x, top, width, height);
  if (data.frameStroke) {
    context.strokeStyle = data.frameStroke;
    context.strokeRect(x, top, width, height);
  }
  const text = fitLabel(tree.name[i], width);
  if (text === '') return;
  context.fillStyle = matched ? searchLabel : paletteLabel[fillIndex];
  context.textAlign = fittedTrailing ? 'right' : 'left';
  context.fillText(text, fittedTrailing ? x + width - labelPadding : x + labelPadding, top + layout.labelBaseline);
  if (source === undefined || source.color === undefined) return;
  const line = fitText(source.text, source.count, width, false, false);
  if (line === '') return;
  context.font = codeFont;
  context.fillStyle = source.color;
  context.textAlign = 'left';
  context.fillText(line, x + labelPadding, top + layout.labelBaseline + layout.frameHeight);
  context.font = font;
}
