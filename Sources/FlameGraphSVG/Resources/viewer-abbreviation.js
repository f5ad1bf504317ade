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
  underscore: 95, h: 104, openBrace: 123, tilde: 126,
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
  const pathEnd = rustPathWithoutHash(name, start, end);
  if (pathEnd >= 0) {
    const legacy = rustLegacyForms(name, start, pathEnd);
    return [[[start, pathEnd]]].concat(legacy !== null ? legacy : colonPathForms(name, start, pathEnd));
  }
  const legacy = rustLegacyForms(name, start, end);
  if (legacy !== null) return legacy;
  const java = javaForms(name, start, end);
  if (java !== null) return java;
  if (containsPair(name, start, end, UNIT.colon, UNIT.colon)) return colonPathForms(name, start, end);
  return dottedForms(name, start, end);
}

// `path::h0123456789abcdef`: the end of `path`, or -1.
function rustPathWithoutHash(name, start, end) {
  const hashLength = 19; // "::h" and 16 hex digits
  if (!(end - start > hashLength + 1)) return -1;
  const hash = end - hashLength;
  if (name.charCodeAt(hash) !== UNIT.colon || name.charCodeAt(hash + 1) !== UNIT.colon || name.charCodeAt(hash + 2) !== UNIT.h) return -1;
  for (let index = hash + 3; index < end; index++) if (!isHexUnit(name.charCodeAt(index))) return -1;
  return hash;
}

function containsPair(name, start, end, first, second) {
  for (let index = start; index < end - 1; index++) {
    if (name.charCodeAt(index) === first && name.charCodeAt(index + 1) === second) return true;
  }
  return false;
}

// `std::vector<int>::push_back(int const&)`: without argument lists and
// template arguments, then without one leading namespace after another.
function colonPathForms(name, start, end) {
  let kept = null;
  const forms = [];
  const operator = name.indexOf('operator', start);
  if (operator < 0 || operator + 8 > end) {
    const stripped = withoutGroups(name, start, end);
    if (stripped !== null) {
      kept = stripped;
      if (kept.length < end - start) forms.push(piecesOf(kept));
    }
  }
  if (kept === null) {
    kept = [];
    for (let index = start; index < end; index++) kept.push(index);
  }
  // Components between `::`, outside any group left.
  const starts = [];
  let depth = 0;
  let componentStart = 0;
  let position = 0;
  while (position < kept.length) {
    const unit = name.charCodeAt(kept[position]);
    if (unit === UNIT.less || unit === UNIT.open) depth++;
    if (unit === UNIT.greater || unit === UNIT.close) depth = Math.max(0, depth - 1);
    // Rust's `f::{{closure}}` is part of `f`: no component starts with `{`.
    if (depth === 0 && unit === UNIT.colon && position + 2 < kept.length && name.charCodeAt(kept[position + 1]) === UNIT.colon && name.charCodeAt(kept[position + 2]) !== UNIT.openBrace) {
      if (position > componentStart) starts.push(componentStart);
      componentStart = position + 2;
      position += 2;
      continue;
    }
    position++;
  }
  if (!(componentStart < kept.length) || starts.length === 0) return forms;
  const keptPieces = piecesOf(kept);
  const shorter = starts.slice(1);
  shorter.push(componentStart);
  for (const first of shorter.slice(Math.max(0, shorter.length - mostComponentForms))) {
    forms.push(suffixOfPieces(keptPieces, kept[first]));
  }
  return forms;
}

// The part of `pieces` (ascending, disjoint) from the unit at `start`.
function suffixOfPieces(pieces, start) {
  const first = pieces.findIndex((piece) => piece[1] > start);
  if (first < 0) return [];
  const result = pieces.slice(first);
  result[0] = [Math.max(start, result[0][0]), result[0][1]];
  return result;
}

// The positions of name[start, end) outside `<...>` and `(...)` groups,
// with a return type before the path and qualifiers after its argument
// list dropped; null when the groups do not balance.
function withoutGroups(name, start, end) {
  const kept = [];
  let depth = 0;
  for (let index = start; index < end; index++) {
    const unit = name.charCodeAt(index);
    if (unit === UNIT.less || unit === UNIT.open) {
      depth++;
    } else if (unit === UNIT.greater || unit === UNIT.close) {
      // `->` is an arrow, not a closing bracket.
      if (unit === UNIT.greater && index > start && name.charCodeAt(index - 1) === UNIT.minus) {
        if (depth === 0) kept.push(index);
        continue;
      }
      depth--;
      if (depth < 0) return null;
    } else if (depth === 0) {
      kept.push(index);
    }
  }
  if (depth !== 0) return null;
  // The path is the run around its last `::` that has no space.
  let lastColons = -1;
  for (let position = 0; position + 1 < kept.length; position++) {
    if (name.charCodeAt(kept[position]) === UNIT.colon && name.charCodeAt(kept[position + 1]) === UNIT.colon) lastColons = position;
  }
  if (lastColons < 0) return kept;
  let pathEnd = kept.length;
  for (let position = lastColons; position < kept.length; position++) {
    if (name.charCodeAt(kept[position]) === UNIT.space) {
      pathEnd = position;
      break;
    }
  }
  let pathStart = 0;
  for (let position = lastColons - 1; position >= 0; position--) {
    if (name.charCodeAt(kept[position]) === UNIT.space) {
      pathStart = position + 1;
      break;
    }
  }
  // A path that started with a group starts with what follows it.
  while (pathEnd - pathStart >= 2 && name.charCodeAt(kept[pathStart]) === UNIT.colon && name.charCodeAt(kept[pathStart + 1]) === UNIT.colon) pathStart += 2;
  return kept.slice(pathStart, pathEnd);
}

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
const RUST_ESCAPES = new Map([['LT', RUST_OPEN], ['GT', RUST_CLOSE], ['u7b', RUST_OPEN_BRACE], ['u7d', RUST_CLOSE_BRACE], ['u20', RUST_SPACE], ['LP', RUST_OPEN], ['RP', RUST_CLOSE]]);

// `_$LT$std..io..BufReader$LT$R$GT$$GT$::new`: `BufReader::new`, `new`;
// null when the path has no legacy escape.
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

// The tokens of name[start, end) when it has a legacy escape, else null:
// {kind, range, unit} with kind one of RUST_*.
function rustTokens(name, start, end) {
  if (firstUnitIndex(name, UNIT.dollar, start, end) < 0) return null;
  const tokens = [];
  let hasEscape = false;
  let index = start;
  while (index < end) {
    const unit = name.charCodeAt(index);
    // An escape is 1 to 4 letters or digits between dollars.
    if (unit === UNIT.dollar) {
      const limit = Math.max(index + 2, Math.min(index + 6, end));
      const close = firstUnitIndex(name, UNIT.dollar, index + 2, limit);
      if (close >= 0) {
        const escape = name.slice(index + 1, close);
        if (/^[A-Za-z0-9]+$/.test(escape)) {
          tokens.push({ kind: RUST_ESCAPES.get(escape) || RUST_OTHER, range: [index, close + 1], unit: 0 });
          hasEscape = true;
          index = close + 1;
          continue;
        }
      }
    }
    if ((unit === UNIT.dot || unit === UNIT.colon) && index + 1 < end && name.charCodeAt(index + 1) === unit) {
      tokens.push({ kind: RUST_SEPARATOR, range: [index, index + 2], unit: 0 });
      index += 2;
      continue;
    }
    tokens.push({ kind: RUST_CHARACTER, range: [index, index + 1], unit });
    index++;
  }
  return hasEscape ? tokens : null;
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
    // `Type as Trait`: the type, up to the first space outside generics.
    const space = firstTopLevelToken(tokens, innerStart, innerEnd, RUST_SPACE);
    if (space >= 0) innerEnd = space;
    // The type's last path component.
    for (let separator = firstTopLevelToken(tokens, innerStart, innerEnd, RUST_SEPARATOR); separator >= 0; separator = firstTopLevelToken(tokens, innerStart, innerEnd, RUST_SEPARATOR)) {
      innerStart = separator + 1;
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

// The index of the first token of `kind` outside generic arguments, or -1.
function firstTopLevelToken(tokens, start, end, kind) {
  let depth = 0;
  for (let t = start; t < end; t++) {
    const found = tokens[t].kind;
    if (found === RUST_OPEN) depth++;
    else if (found === RUST_CLOSE) depth--;
    else if (depth === 0 && found === kind) return t;
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
