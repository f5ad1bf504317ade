/*
 * The abbreviation ladder of a name: its shorter forms, longest first, by
 * the rules of LabelAbbreviator (Sources/FlameGraph/Layout), worked out
 * here when a label needs one (a name that does not fit whole) rather
 * than written in the data block: a sandwich or a zoom can show any name
 * at any width, and ladders for every name would weigh more than the
 * whole rest of the block.
 *
 * Names are walked as UTF-16 code units, as LabelAbbreviator walks them;
 * a form is a list of [start, end) ranges of the name's code units. The
 * name syntaxes (FrameNameSyntax in Sources/FlameGraph/Model) are tested
 * on code points where Swift tests Characters: the same for every name
 * but those with combining marks or joined emoji.
 *
 * The browser tests compare the labels drawn with these ladders with the
 * static layout's, in zooms and in sandwiches.
 */

// The code units the rules look for.
const UNIT = {
  space: 32, dollar: 36, open: 40, close: 41, star: 42, minus: 45, dot: 46, slash: 47,
  colon: 58, less: 60, greater: 62, openBracket: 91, backslash: 92, closeBracket: 93,
  underscore: 95, h: 104, o: 111, openBrace: 123, closeBrace: 125, tilde: 126, quote: 34,
};
// LabelAbbreviator.maximumLength and maximumComponentForms.
const longestAbbreviatedName = 50000;
const mostComponentForms = 64;

const isDigitUnit = (unit) => unit >= 48 && unit <= 57;
const isLetterUnit = (unit) => (unit | 32) >= 97 && (unit | 32) <= 122;
const isHexUnit = (unit) => isDigitUnit(unit) || (unit >= 97 && unit <= 102);
// Character.isLetter and isNumber, by the first code point (only
// non-ASCII text needs them).
const isLetterCharacter = (character) => /^\p{Alphabetic}/u.test(character);
const isNumberCharacter = (character) => /^\p{N}/u.test(character);

// The ladder of `name`: [{text, count}, ...], each with fewer characters
// (code points) than the one before; [] when it has none.
function abbreviationLadder(name) {
  if (name.length <= 1 || name.length > longestAbbreviatedName) return [];
  const rungs = [];
  let longest = codePointCount(name);
  for (const form of abbreviatedForms(name)) {
    if (form.length === 0) continue;
    let text = '';
    for (const [start, end] of form) text += name.slice(start, end);
    const count = codePointCount(text);
    if (!(count < longest && count > 0)) continue;
    rungs.push({ text, count });
    longest = count;
  }
  return rungs;
}

function codePointCount(text) {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xdc00 || unit > 0xdfff || i === 0 || !isHighSurrogate(text.charCodeAt(i - 1))) count++;
  }
  return count;
}
const isHighSurrogate = (unit) => unit >= 0xd800 && unit <= 0xdbff;

// LabelAbbreviator.forms: the candidate forms, longest first.
function abbreviatedForms(name) {
  const count = name.length;
  const last = name.charCodeAt(count - 1);
  if (last === UNIT.close) {
    if (parsePySpy(name)) return pySpyForms(name, true);
    if (parsePySpyWithoutLine(name)) return pySpyForms(name, false);
    if (parseFil(name)) return filForms(name);
  } else if (isDigitUnit(last) && parseAustin(name)) {
    return austinForms(name);
  }
  const v8 = v8Forms(name);
  if (v8 !== null) return v8;
  return functionForms(name, 0, count);
}

// `func (dir/file.py:12)`: `func (file.py:12)`, `func (file.py)`, `func`.
function pySpyForms(name, hasLine) {
  const count = name.length;
  const open = openingParenthesis(name);
  if (open < 0) return [];
  let fileEnd = count - 1;
  if (hasLine) {
    const colon = lastUnitIndex(name, UNIT.colon, open + 1, count - 1);
    if (colon >= 0) fileEnd = colon;
  }
  const base = fileStart(name, open + 1, fileEnd);
  const forms = [];
  if (base > open + 1) forms.push([[0, open + 1], [base, count]]);
  if (hasLine) forms.push([[0, open + 1], [base, fileEnd], [count - 1, count]]);
  forms.push([[0, open - 1]]);
  return forms.concat(functionForms(name, 0, open - 1));
}

// `dir/file.py:12 (func)`: `file.py:12 (func)`, `func`.
function filForms(name) {
  const count = name.length;
  const open = openingParenthesis(name);
  if (open < 0) return [];
  const base = fileStart(name, 0, open - 1);
  const forms = [];
  if (base > 0) forms.push([[base, count]]);
  forms.push([[open + 1, count - 1]]);
  return forms.concat(functionForms(name, open + 1, count - 1));
}

// `dir/file.py:func:12`: `file.py:func:12`, `func`.
function austinForms(name) {
  const count = name.length;
  const lineColon = lastUnitIndex(name, UNIT.colon, 0, count);
  const functionColon = lineColon < 0 ? -1 : lastUnitIndex(name, UNIT.colon, 0, lineColon);
  if (functionColon < 0) return [];
  const base = fileStart(name, 0, functionColon);
  const forms = [];
  if (base > 0) forms.push([[base, count]]);
  forms.push([[functionColon + 1, lineColon]]);
  return forms.concat(functionForms(name, functionColon + 1, lineColon));
}

// The `(` that opens the group a name ends with, by balancing from the
// end; -1 when none (or too near the start).
function openingParenthesis(name) {
  let depth = 0;
  for (let index = name.length - 1; index >= 0; index--) {
    const unit = name.charCodeAt(index);
    if (unit === UNIT.close) depth++;
    if (unit === UNIT.open) {
      depth--;
      if (depth === 0) return index >= 2 ? index : -1;
    }
  }
  return -1;
}

// Where the file's name starts in name[start, end): after the last slash
// or backslash.
function fileStart(name, start, end) {
  for (let index = end; index > start; index--) {
    const unit = name.charCodeAt(index - 1);
    if (unit === UNIT.slash || unit === UNIT.backslash) return index;
  }
  return start;
}

function lastUnitIndex(name, unit, start, end) {
  for (let index = end - 1; index >= start; index--) if (name.charCodeAt(index) === unit) return index;
  return -1;
}

function firstUnitIndex(name, unit, start, end) {
  for (let index = start; index < end; index++) if (name.charCodeAt(index) === unit) return index;
  return -1;
}

// LabelAbbreviator.functionForms: the forms of the function name in
// name[start, end).
function functionForms(name, start, end) {
  if (end - start <= 1) return [];
  const base = withoutCloneSuffixes(name, start, end);
  if (base >= 0) return [[[start, base]]].concat(functionForms(name, start, base));
  const pathEnd = rustPathWithoutHash(name, start, end);
  if (pathEnd >= 0) {
    const legacy = rustLegacyForms(name, start, pathEnd);
    return legacy !== null ? [[[start, pathEnd]]].concat(legacy) : colonPathForms(name, start, pathEnd, [[start, pathEnd]]);
  }
  const legacy = rustLegacyForms(name, start, end);
  if (legacy !== null) return legacy;
  const java = javaForms(name, start, end);
  if (java !== null) return java;
  if (containsPair(name, start, end, UNIT.colon, UNIT.colon) || containsOperator(name, start, end)) return colonPathForms(name, start, end);
  return dottedForms(name, start, end);
}

// `path::h0123456789abcdef`: the end of `path`, or -1; 16 hex digits, or
// 5 to 15 with a decimal digit among them.
function rustPathWithoutHash(name, start, end) {
  let hash = end;
  let decimal = false;
  while (hash > start && isHexUnit(name.charCodeAt(hash - 1))) if (isDigitUnit(name.charCodeAt(--hash))) decimal = true;
  const digits = end - hash;
  if (!(digits === 16 || (digits >= 5 && digits < 16 && decimal)) || hash - start < 5 || name.charCodeAt(hash - 1) !== UNIT.h || name.charCodeAt(hash - 2) !== UNIT.colon || name.charCodeAt(hash - 3) !== UNIT.colon) return -1;
  return hash - 3;
}

// GCC's (and LLVM's) clone suffixes: 1 numbered (`.isra.N`), 2 `.cold`
// (with a number or not), 3 bare.
const CLONE_SUFFIXES = new Map([['isra', 1], ['constprop', 1], ['part', 1], ['lto_priv', 1], ['llvm', 1], ['clone', 1], ['cold', 2], ['localalias', 3]]);

// `do_sock_write.isra.10`, `f.constprop.0.isra.0`: the end of the function
// without its clone suffixes, or -1. A lone `.cold` counts only after a
// name with an underscore and no dot.
function withoutCloneSuffixes(name, start, end) {
  let suffixes = 0;
  let onlyBareCold = false;
  while (end > start) {
    let digits = end;
    while (digits > start && isDigitUnit(name.charCodeAt(digits - 1))) digits--;
    const hasNumber = digits < end && digits > start && name.charCodeAt(digits - 1) === UNIT.dot;
    const wordEnd = hasNumber ? digits - 1 : end;
    let wordStart = wordEnd;
    while (wordStart > start && (isLetterUnit(name.charCodeAt(wordStart - 1)) || name.charCodeAt(wordStart - 1) === UNIT.underscore)) wordStart--;
    const kind = wordStart < wordEnd && wordStart - 1 > start && name.charCodeAt(wordStart - 1) === UNIT.dot ? CLONE_SUFFIXES.get(name.slice(wordStart, wordEnd)) : 0;
    if (!kind || (kind === 1 && !hasNumber) || (kind === 3 && hasNumber)) break;
    onlyBareCold = suffixes === 0 && kind === 2 && !hasNumber;
    suffixes++;
    end = wordStart - 1;
  }
  if (suffixes === 0) return -1;
  const base = name.slice(start, end);
  return onlyBareCold && (base.indexOf('_') < 0 || base.indexOf('.') >= 0) ? -1 : end;
}

function containsPair(name, start, end, first, second) {
  for (let index = start; index < end - 1; index++) {
    if (name.charCodeAt(index) === first && name.charCodeAt(index + 1) === second) return true;
  }
  return false;
}

// What later passes read a unit inside an operator or a `{...}` group as:
// a letter, that opens no group, splits no component, ends no path.
const OPAQUE_UNIT = 97;

// `std::vector<int>::push_back(int const&)`: without argument lists and
// template arguments, then without one leading namespace after another;
// `leading` first when given. The kept units are `positions` in the name
// and `seen`, the units the passes read.
function colonPathForms(name, start, end, leading) {
  const kept = { positions: [], seen: [] };
  let window = withoutGroups(name, start, end, kept);
  const stripped = window !== null && window[1] - window[0] < end - start;
  if (window === null) {
    kept.positions = [];
    kept.seen = [];
    for (let index = start; index < end; ) index = keepAtom(name, index, start, end, kept);
    window = [0, kept.positions.length];
  }
  const keptPieces = piecesOf(kept.positions.slice(window[0], window[1]));
  const forms = leading ? [leading] : [];
  if (stripped) forms.push(keptPieces);
  for (const first of componentFormStarts(name, kept, window)) forms.push(suffixOfPieces(keptPieces, kept.positions[first]));
  return forms;
}

// Keeps the unit at `index`, or the operator or `{...}` group there whole
// (its first unit as itself, the others opaque); where it ends.
function keepAtom(name, index, start, end, kept) {
  const atomEnd = opaqueEnd(name, index, start, end);
  kept.positions.push(index);
  kept.seen.push(name.charCodeAt(index));
  for (let at = index + 1; at < atomEnd; at++) {
    kept.positions.push(at);
    kept.seen.push(OPAQUE_UNIT);
  }
  return Math.max(atomEnd, index + 1);
}

// The first components' starts (positions in `kept`) of the forms that
// drop leading components of `window`: the last mostComponentForms after
// the first component. A `{...}` component belongs to the one before,
// a lambda's takes the one after.
function componentFormStarts(name, kept, window) {
  const [windowStart, windowEnd] = window;
  if (windowStart >= windowEnd) return [];
  const seen = kept.seen;
  const starts = [];
  let depth = 0;
  let componentStart = windowStart;
  let takesNext = isLambda(name, kept.positions[windowStart]);
  let position = windowStart;
  while (position < windowEnd) {
    const unit = seen[position];
    if (unit === UNIT.less || unit === UNIT.open) depth++;
    if (unit === UNIT.greater || unit === UNIT.close) depth = Math.max(0, depth - 1);
    if (depth === 0 && unit === UNIT.colon && position + 2 < windowEnd && seen[position + 1] === UNIT.colon) {
      const nextIsLambda = isLambda(name, kept.positions[position + 2]);
      if (takesNext) {
        takesNext = false;
      } else if (seen[position + 2] !== UNIT.openBrace || nextIsLambda) {
        if (position > componentStart) starts.push(componentStart);
        componentStart = position + 2;
        takesNext = nextIsLambda;
      }
      position += 2;
      continue;
    }
    position++;
  }
  if (!(componentStart < windowEnd) || starts.length === 0) return [];
  starts.push(componentStart);
  return starts.slice(Math.max(1, starts.length - mostComponentForms));
}

const isLambda = (name, index) => name.charCodeAt(index) === UNIT.openBrace && name.startsWith('lambda(', index + 1);

// The part of `pieces` (ascending, disjoint) from the unit at `start`.
function suffixOfPieces(pieces, start) {
  const first = pieces.findIndex((piece) => piece[1] > start);
  if (first < 0) return [];
  const result = pieces.slice(first);
  result[0] = [Math.max(start, result[0][0]), result[0][1]];
  return result;
}

// Keeps the units of name[start, end) outside `<...>` and `(...)` groups
// and gives the window of `kept` that is the path: the run around its last
// `::` (or its operator) that has no space, so that a return type and
// qualifiers after the argument list are dropped; null when the groups do
// not balance.
function withoutGroups(name, start, end, kept) {
  let depth = 0;
  let operatorAt = -1;
  let index = start;
  while (index < end) {
    const unit = name.charCodeAt(index);
    const atomEnd = opaqueEnd(name, index, start, end);
    if (atomEnd >= 0) {
      if (depth === 0) {
        if (unit !== UNIT.openBrace) operatorAt = kept.positions.length;
        keepAtom(name, index, start, end, kept);
      }
      index = atomEnd;
      continue;
    }
    if (unit === UNIT.less || unit === UNIT.open) {
      depth++;
    } else if (unit === UNIT.greater || unit === UNIT.close) {
      // `->` is an arrow, not a closing bracket.
      if (unit === UNIT.greater && index > start && name.charCodeAt(index - 1) === UNIT.minus) {
        if (depth === 0) keepAtom(name, index, start, end, kept);
        index++;
        continue;
      }
      if (--depth < 0) return null;
      if (depth === 0 && unit === UNIT.close) {
        // `draw() const::{lambda()#1}`: qualifiers go with the argument list.
        index = qualifiersEnd(name, index + 1, end);
        continue;
      }
    } else if (depth === 0) {
      kept.positions.push(index);
      kept.seen.push(unit);
    }
    index++;
  }
  if (depth !== 0) return null;
  const seen = kept.seen;
  const count = seen.length;
  let pivot = -1;
  for (let position = 0; position + 1 < count; position++) if (seen[position] === UNIT.colon && seen[position + 1] === UNIT.colon) pivot = position;
  if (pivot < 0) pivot = operatorAt;
  if (pivot < 0) return [0, count];
  let pathEnd = pivot;
  while (pathEnd < count && seen[pathEnd] !== UNIT.space) pathEnd++;
  let pathStart = pivot;
  while (pathStart > 0 && seen[pathStart - 1] !== UNIT.space) pathStart--;
  // A path that started with a group starts with what follows it.
  while (pathEnd - pathStart >= 2 && seen[pathStart] === UNIT.colon && seen[pathStart + 1] === UNIT.colon) pathStart += 2;
  return [pathStart, pathEnd];
}

// Where ` const` and ` volatile` after an argument list at `index` end,
// when `::` follows them; `index` otherwise.
function qualifiersEnd(name, index, end) {
  let qualifiers = index;
  while (qualifiers < end && name.charCodeAt(qualifiers) === UNIT.space) {
    let word = qualifiers + 1;
    while (word < end && isLetterUnit(name.charCodeAt(word))) word++;
    const text = name.slice(qualifiers + 1, word);
    if (text !== 'const' && text !== 'volatile') break;
    qualifiers = word;
  }
  return qualifiers > index && qualifiers + 1 < end && name.charCodeAt(qualifiers) === UNIT.colon && name.charCodeAt(qualifiers + 1) === UNIT.colon ? qualifiers : index;
}

// Where the operator (`operator[]`, `operator new[]`) or the `{...}`
// group (`{lambda(int)#1}`) at `index` ends; -1 when none starts there.
function opaqueEnd(name, index, start, end) {
  const unit = name.charCodeAt(index);
  if (unit === UNIT.openBrace) {
    for (let at = index + 1; at < end; at++) {
      const found = name.charCodeAt(at);
      if (found === UNIT.closeBrace) return at + 1;
      if (found === UNIT.openBrace) return -1;
    }
    return -1;
  }
  return unit === UNIT.o ? operatorEnd(name, index, start, end) : -1;
}

function containsOperator(name, start, end) {
  for (let index = start; index < end; index++) if (name.charCodeAt(index) === UNIT.o && operatorEnd(name, index, start, end) >= 0) return true;
  return false;
}

// The operators written with symbols, longest first within each length.
const SYMBOL_OPERATORS = '->* <=> <<= >>= -> << >> <= >= == != && || ++ -- += -= *= /= %= &= |= ^= () [] + - * / % ^ & | ~ ! = < > ,'.split(' ');

// Where the operator whose word starts at `index` ends: after its symbol
// (`operator<<`), or its type or word up to the argument list
// (`operator new[]`, `operator std::string`); -1 when it is none.
function operatorEnd(name, index, start, end) {
  const wordEnd = index + 8;
  if (!(wordEnd < end && name.startsWith('operator', index) && (index === start || !isIdentifierUnit(name.charCodeAt(index - 1))))) return -1;
  const next = name.charCodeAt(wordEnd);
  if (next === UNIT.space || next === UNIT.quote) {
    let depth = 0;
    let at = wordEnd + 1;
    for (; at < end; at++) {
      const unit = name.charCodeAt(at);
      if (unit === UNIT.less) depth++;
      if (unit === UNIT.greater) depth--;
      if (unit === UNIT.open && depth <= 0) break;
    }
    while (at > wordEnd && name.charCodeAt(at - 1) === UNIT.space) at--;
    return at > wordEnd ? at : -1;
  }
  for (const symbol of SYMBOL_OPERATORS) if (wordEnd + symbol.length <= end && name.startsWith(symbol, wordEnd)) return wordEnd + symbol.length;
  return -1;
}

const isIdentifierUnit = (unit) => isLetterUnit(unit) || isDigitUnit(unit) || unit === UNIT.underscore || unit === UNIT.dollar || unit > 127;

// `com.example.Bar.baz(Bar.java:12)`: `Bar.baz(Bar.java:12)`, `Bar.baz`,
// `baz`; null for other names.
function javaForms(name, start, end) {
  if (name.charCodeAt(end - 1) !== UNIT.close) return null;
  const open = firstUnitIndex(name, UNIT.open, start, end);
  if (!(open > start)) return null;
  const inside = name.slice(open + 1, end - 1);
  const split = splitFileLine(inside);
  const file = split !== null ? split[0] : inside;
  if (!(looksLikeFileName(file) || inside === 'Unknown Source' || inside === 'Native Method')) return null;
  if (firstUnitIndex(name, UNIT.space, start, open) >= 0) return null;
  const starts = dottedComponentStarts(name, start, open);
  if (starts === null || starts.length < 2) return null;
  const classStart = starts[starts.length - 2];
  const forms = [];
  if (classStart > start) forms.push([[classStart, end]]);
  forms.push([[classStart, open]]);
  forms.push([[starts[starts.length - 1], open]]);
  return forms;
}

// `github.com/x/y.(*T).Method`: `y.(*T).Method`, `(*T).Method`, `Method`;
// a dotted path without slashes keeps its last two components, then its
// last.
function dottedForms(name, start, end) {
  if (firstUnitIndex(name, UNIT.space, start, end) >= 0 || name.charCodeAt(start) === UNIT.openBracket) return [];
  const pathStart = fileStart(name, start, end);
  if (!(end > pathStart)) return [];
  const starts = dottedComponentStarts(name, pathStart, end);
  if (starts === null || starts.length < 2) return [];
  // `libfoo.so`, `app.js` are files, not functions.
  const last = name.slice(starts[starts.length - 1], end);
  if (last === 'so' || last === 'dll' || last === 'dylib' || last === 'exe') return [];
  if (starts.length === 2) {
    const text = name.slice(pathStart, end);
    if (!/[(<[]/.test(text) && isSourceFileName(text)) return [];
  }
  const forms = [];
  if (pathStart > start) forms.push([[pathStart, end]]);
  if (starts.length >= 3) {
    // Python's `outer.<locals>.inner` keeps the function it is local to.
    const isLocal = name.slice(starts[starts.length - 2], starts[starts.length - 1] - 1) === '<locals>';
    const first = isLocal ? starts.length - 3 : starts.length - 2;
    if (first > 0) forms.push([[starts[first], end]]);
  }
  forms.push([[starts[starts.length - 1], end]]);
  return forms;
}

// Where the components of `a.b.(*T).c` start in name[start, end); null
// unless every component is non-empty, none is only digits, and the last
// starts like a name.
function dottedComponentStarts(name, start, end) {
  const starts = [start];
  let depth = 0;
  for (let index = start; index < end; index++) {
    const unit = name.charCodeAt(index);
    if (unit === UNIT.open || unit === UNIT.openBracket || unit === UNIT.less) depth++;
    else if (unit === UNIT.close || unit === UNIT.closeBracket || unit === UNIT.greater) depth--;
    else if (unit === UNIT.dot && depth === 0) starts.push(index + 1);
  }
  if (depth !== 0) return null;
  for (let k = 0; k < starts.length; k++) {
    const componentEnd = k + 1 < starts.length ? starts[k + 1] - 1 : end;
    if (!(componentEnd > starts[k])) return null;
    let digits = true;
    for (let index = starts[k]; index < componentEnd && digits; index++) digits = isDigitUnit(name.charCodeAt(index));
    if (digits) return null;
  }
  const first = name.charCodeAt(starts[starts.length - 1]);
  if (!(first > 127 || isLetterUnit(first) || first === UNIT.underscore || first === UNIT.dollar || first === UNIT.less || first === UNIT.open)) return null;
  return starts;
}

// Ascending positions merged into [start, end) ranges.
function piecesOf(positions) {
  const result = [];
  for (const position of positions) {
    const last = result[result.length - 1];
    if (last !== undefined && last[1] === position) last[1] = position + 1;
    else result.push([position, position + 1]);
  }
  return result;
}

// ---------------------------------------------------------------------
// Rust's legacy symbols as perf prints them, and V8's code names
// (LabelAbbreviator+Mangled.swift).

const RUST_OPEN = 1;
const RUST_CLOSE = 2;
const RUST_OPEN_BRACE = 3;
const RUST_CLOSE_BRACE = 4;
const RUST_SPACE = 5;
const RUST_SEPARATOR = 6;
const RUST_OTHER = 7;
const RUST_CHARACTER = 8;
// The escapes of Rust's legacy mangling: `$LT$` and the others, `$u`
// and 1 to 6 lowercase hex digits.
const RUST_ESCAPES = new Map([['LT', RUST_OPEN], ['GT', RUST_CLOSE], ['LP', RUST_OPEN], ['RP', RUST_CLOSE], ['RF', RUST_OTHER], ['BP', RUST_OTHER], ['C', RUST_OTHER], ['SP', RUST_OTHER], ['u7b', RUST_OPEN_BRACE], ['u7d', RUST_CLOSE_BRACE], ['u20', RUST_SPACE]]);
const rustEscape = (word) => RUST_ESCAPES.get(word) || (/^u[0-9a-f]{1,6}$/.test(word) ? RUST_OTHER : 0);

// `_$LT$std..io..BufReader$LT$R$GT$$GT$::new`: `BufReader::new`, `new`;
// null when it reads as no legacy Rust symbol.
function rustLegacyForms(name, start, end) {
  const tokens = rustTokens(name, start, end);
  if (tokens === null) return null;
  // Top-level components between `::`, with the separator before each.
  const components = [];
  let depth = 0;
  let first = 0;
  let separator = null;
  for (let index = 0; index < tokens.length; index++) {
    const kind = tokens[index].kind;
    if (kind === RUST_OPEN) depth++;
    else if (kind === RUST_CLOSE) depth--;
    else if (kind === RUST_SEPARATOR && depth === 0) {
      components.push({ separator, start: first, end: index });
      separator = tokens[index].range;
      first = index + 1;
    }
    if (depth < 0) return null;
  }
  if (depth !== 0) return null;
  components.push({ separator, start: first, end: tokens.length });
  const kept = components.map((component) => keptRustRanges(tokens, component.start, component.end));
  if (kept.some((ranges) => ranges.length === 0)) return null;
  const forms = [];
  for (let k = Math.max(0, components.length - mostComponentForms); k < components.length; k++) {
    let closure = false;
    for (let t = components[k].start; t < components[k].end; t++) if (tokens[t].kind === RUST_OPEN_BRACE) closure = true;
    if (closure) continue;
    let form = kept[k].slice();
    for (let next = k + 1; next < components.length; next++) form = form.concat([components[next].separator], kept[next]);
    forms.push(form);
  }
  return forms;
}

// The tokens of name[start, end) when it reads as a legacy Rust symbol
// (an escape, every dollar part of one, a `::` or `..` path), else null:
// {kind, range, unit} with kind one of RUST_*.
function rustTokens(name, start, end) {
  if (firstUnitIndex(name, UNIT.dollar, start, end) < 0) return null;
  const tokens = [];
  let hasSeparator = false;
  let index = start;
  while (index < end) {
    const unit = name.charCodeAt(index);
    if (unit === UNIT.dollar) {
      // An escape is at most `$u` and 6 hex digits and `$`.
      const close = firstUnitIndex(name, UNIT.dollar, index + 2, Math.min(index + 9, end));
      const kind = close < 0 ? 0 : rustEscape(name.slice(index + 1, close));
      if (!kind) return null;
      tokens.push({ kind, range: [index, close + 1], unit: 0 });
      index = close + 1;
      continue;
    }
    if ((unit === UNIT.dot || unit === UNIT.colon) && index + 1 < end && name.charCodeAt(index + 1) === unit) {
      tokens.push({ kind: RUST_SEPARATOR, range: [index, index + 2], unit: 0 });
      hasSeparator = true;
      index += 2;
      continue;
    }
    tokens.push({ kind: RUST_CHARACTER, range: [index, index + 1], unit });
    index++;
  }
  return hasSeparator ? tokens : null;
}

// What a component (tokens[start, end)) keeps: `<Type as Trait>` and
// `<Type>` keep the type's last path component; generic arguments,
// braces, escapes and the mangling's `_` before a leading escape are
// dropped.
function keptRustRanges(tokens, start, end) {
  if (end - start > 1 && tokens[start].kind === RUST_CHARACTER && tokens[start].unit === UNIT.underscore) {
    const second = tokens[start + 1].kind;
    if (second !== RUST_CHARACTER && second !== RUST_SEPARATOR) start++;
  }
  if (end > start && tokens[start].kind === RUST_OPEN && tokens[end - 1].kind === RUST_CLOSE) {
    let innerStart = start + 1;
    let innerEnd = end - 1;
    // `Type as Trait`: the type, before the ` as ` outside generics.
    const as = firstTopLevelToken(tokens, innerStart, innerEnd, RUST_SPACE, true);
    if (as >= 0) innerEnd = as;
    // `&'a mut I`: the type's last word, and its last path component.
    for (const kind of [RUST_SPACE, RUST_SEPARATOR]) {
      for (let found = firstTopLevelToken(tokens, innerStart, innerEnd, kind); found >= 0; found = firstTopLevelToken(tokens, innerStart, innerEnd, kind)) innerStart = found + 1;
    }
    start = innerStart;
    end = innerEnd;
  }
  const kept = [];
  let depth = 0;
  for (let t = start; t < end; t++) {
    const token = tokens[t];
    if (token.kind === RUST_OPEN) depth++;
    else if (token.kind === RUST_CLOSE) depth--;
    else if (token.kind === RUST_CHARACTER && depth === 0) {
      const last = kept[kept.length - 1];
      if (last !== undefined && last[1] === token.range[0]) last[1] = token.range[1];
      else kept.push([token.range[0], token.range[1]]);
    }
  }
  return kept;
}

// The index of the first token of `kind` outside generic arguments (the
// space that starts ` as ` when `as`), or -1.
function firstTopLevelToken(tokens, start, end, kind, as) {
  let depth = 0;
  for (let t = start; t < end; t++) {
    const found = tokens[t].kind;
    if (found === RUST_OPEN) depth++;
    else if (found === RUST_CLOSE) depth--;
    else if (depth === 0 && found === kind && (!as || (t + 3 < end && tokens[t + 1].unit === 97 && tokens[t + 2].unit === 115 && tokens[t + 3].kind === RUST_SPACE))) return t;
  }
  return -1;
}

// The kinds of code V8 names in perf maps and `--prof` logs.
const V8_CODE_KINDS = new Set(['LazyCompile', 'Function', 'Script', 'InterpretedFunction', 'Builtin', 'BytecodeHandler', 'Handler', 'Stub', 'Eval', 'JS']);

// `LazyCompile:*parse /app/lib/parser.js:12`: `parse parser.js:12`,
// `parse parser.js`, `parse`, then the function's own forms; null for
// other names.
function v8Forms(name) {
  const count = name.length;
  const first = name.charCodeAt(0);
  if (!(first >= 65 && first <= 90)) return null;
  const kindEnd = firstUnitIndex(name, UNIT.colon, 0, Math.min(20, count));
  if (!(kindEnd > 0) || !V8_CODE_KINDS.has(name.slice(0, kindEnd))) return null;
  let functionStart = kindEnd + 1;
  if (functionStart < count && (name.charCodeAt(functionStart) === UNIT.star || name.charCodeAt(functionStart) === UNIT.tilde)) functionStart++;
  const space = firstUnitIndex(name, UNIT.space, functionStart, count);
  if (!(space > functionStart && space + 1 < count)) return null;
  const lineColon = lastUnitIndex(name, UNIT.colon, space + 1, count);
  let pathEnd = count;
  if (lineColon >= 0 && lineColon + 1 < count && /^[0-9]+$/.test(name.slice(lineColon + 1))) pathEnd = lineColon;
  const file = fileStart(name, space + 1, pathEnd);
  if (!looksLikeFileName(name.slice(file, pathEnd))) return null;
  const forms = [[[functionStart, space + 1], [file, count]]];
  if (pathEnd < count) forms.push([[functionStart, space + 1], [file, pathEnd]]);
  forms.push([[functionStart, space]]);
  return forms.concat(functionForms(name, functionStart, space));
}

// ---------------------------------------------------------------------
// The name syntaxes the ladders start from (FrameNameSyntax, and
// SourceFileExtensions in Sources/FlameGraph/Source).

// `head (inside)`: [head, inside], the group found by balancing; or null.
function splitTrailingParentheses(name) {
  if (name.charCodeAt(name.length - 1) !== UNIT.close) return null;
  let depth = 0;
  for (let index = name.length - 1; index >= 0; index--) {
    const unit = name.charCodeAt(index);
    if (unit === UNIT.close) depth++;
    else if (unit === UNIT.open) {
      depth--;
      if (depth === 0) {
        if (!(index > 0 && name.charCodeAt(index - 1) === UNIT.space)) return null;
        const head = name.slice(0, index - 1);
        const inside = name.slice(index + 1, name.length - 1);
        return head === '' || inside === '' ? null : [head, inside];
      }
    }
  }
  return null;
}

// `path:12`: [path, 12], the line the digits after the last colon; or null.
function splitFileLine(text) {
  if (!isDigitUnit(text.charCodeAt(text.length - 1))) return null;
  const colon = text.lastIndexOf(':');
  if (colon <= 0) return null;
  const digits = text.slice(colon + 1);
  if (digits.length > 9 || !/^[0-9]+$/.test(digits)) return null;
  const file = text.slice(0, colon);
  if (file.indexOf(' ') >= 0 && !file.startsWith('<')) return null;
  if (isOnlyNumbers(file)) return null;
  return [file, Number(digits)];
}

// Whether every character is a number (Character.isNumber), fast for ASCII.
function isOnlyNumbers(text) {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit > 127) return Array.from(text).every(isNumberCharacter);
    if (!isDigitUnit(unit)) return false;
  }
  return true;
}

// An extension after the last slash or backslash, and not only digits.
function looksLikeFileName(text) {
  if (text === '') return false;
  // The last component that is not empty (the text itself when all are).
  let end = text.length;
  while (end > 0 && isSeparatorUnit(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && !isSeparatorUnit(text.charCodeAt(start - 1))) start--;
  const base = end > 0 ? text.slice(start, end) : text;
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return false;
  const extension = base.slice(dot + 1);
  let letters = false;
  for (let i = 0; i < extension.length; i++) {
    const unit = extension.charCodeAt(i);
    if (unit > 127) return looksLikeExtension(Array.from(extension));
    if (isLetterUnit(unit)) letters = true;
    else if (!isDigitUnit(unit)) return false;
  }
  return extension.length > 0 && extension.length <= 8 && letters;
}
const isSeparatorUnit = (unit) => unit === UNIT.slash || unit === UNIT.backslash;

// An extension of letters and numbers, not only numbers, of at most 8
// characters (Character.isLetter, isNumber).
function looksLikeExtension(characters) {
  return characters.length > 0 && characters.length <= 8 && characters.every((c) => isLetterCharacter(c) || isNumberCharacter(c)) && !characters.every(isNumberCharacter);
}

const SOURCE_EXTENSIONS = new Set(('py pyw pyx pyi pxd pxi c h cc cpp cxx c++ hh hpp hxx h++ inl ipp tcc m mm cu cuh rs go zig d nim odin vv ' +
  'java kt kts scala sc groovy clj cljs cljc js mjs cjs jsx ts mts cts tsx vue svelte rb rake erb php pl pm lua tcl ' +
  'swift cs fs fsi fsx vb dart jl r ex exs erl hrl gleam hs lhs ml mli lisp el scm ss rkt cr f f90 f95 f03 f08 for pas adb ads ' +
  'sh bash zsh s asm').split(' '));

// SourceFileExtensions.isSourceFile: a recognized extension, any ASCII case.
function isSourceFileName(path) {
  const dot = path.lastIndexOf('.');
  if (dot < 0) return false;
  const slash = path.lastIndexOf('/');
  if (slash >= dot || dot === slash + 1) return false;
  const suffix = path.slice(dot + 1);
  return suffix.length > 0 && suffix.length <= 8 && SOURCE_EXTENSIONS.has(suffix.replace(/[A-Z]/g, (c) => c.toLowerCase()));
}

function parsePySpy(name) {
  const parts = splitTrailingParentheses(name);
  return parts !== null && splitFileLine(parts[1]) !== null;
}

function parsePySpyWithoutLine(name) {
  const parts = splitTrailingParentheses(name);
  return parts !== null && parts[1].indexOf(' ') < 0 && isSourceFileName(parts[1]);
}

function parseFil(name) {
  const parts = splitTrailingParentheses(name);
  return parts !== null && splitFileLine(parts[0]) !== null;
}

function parseAustin(name) {
  const parts = splitFileLine(name);
  if (parts === null) return false;
  const fileAndFunction = parts[0];
  const colon = fileAndFunction.lastIndexOf(':');
  if (colon <= 0) return false;
  const functionName = fileAndFunction.slice(colon + 1);
  const file = fileAndFunction.slice(0, colon);
  return functionName !== '' && !/[/\\ ]/.test(functionName) && (file.startsWith('<') || looksLikeFileName(file));
}
