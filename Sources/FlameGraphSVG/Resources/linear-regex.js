/*
 * The search patterns of swift-flamegraph's interactive SVG: regular
 * expressions matched in time linear in the name's length (times the
 * pattern's size), so that no pattern, typed or arriving in a link's URL
 * fragment (#search=...), can freeze the page as `(a+)+$` does with the
 * browser's backtracking RegExp.
 *
 * The same syntax and semantics as LinearRegex in Sources/FlameGraph/Match
 * (which the category rules use): JavaScript's syntax without
 * backreferences and lookaround; `.` is anything but a line end; `\d \w \s`
 * and `\b` are ASCII; `(?i)` at the start folds ASCII case; `{n,m}` up to
 * 1000, at most 10,000 compiled steps. Tests/Shared/linear-regex-cases.json
 * holds the cases both implementations are checked against.
 *
 * FlameGraphLinearRegex.compile(pattern) returns a test (name) => boolean,
 * or throws an Error whose message says what is wrong.
 */
var FlameGraphLinearRegex = (function () {
  'use strict';

  const MAXIMUM_COUNT = 1000;
  const MAXIMUM_NESTING = 100;
  const MAXIMUM_SIZE = 10000;
  const MAXIMUM_SCALAR = 0x10ffff;

  // Sets of code points: sorted, disjoint, non-adjacent [low, high] pairs.
  function normalize(ranges) {
    const sorted = ranges.slice().sort((a, b) => a[0] - b[0]);
    const merged = [];
    for (const range of sorted) {
      const last = merged[merged.length - 1];
      if (last && range[0] <= last[1] + 1) {
        last[1] = Math.max(last[1], range[1]);
      } else {
        merged.push([range[0], range[1]]);
      }
    }
    return merged;
  }
  function invert(ranges) {
    const result = [];
    let next = 0;
    for (const range of ranges) {
      if (range[0] > next) result.push([next, range[0] - 1]);
      next = range[1] + 1;
    }
    if (next <= MAXIMUM_SCALAR) result.push([next, MAXIMUM_SCALAR]);
    return result;
  }
  function foldCase(ranges) {
    const added = ranges.slice();
    for (const range of ranges) {
      const upperLow = Math.max(range[0], 0x41), upperHigh = Math.min(range[1], 0x5a);
      if (upperLow <= upperHigh) added.push([upperLow + 0x20, upperHigh + 0x20]);
      const lowerLow = Math.max(range[0], 0x61), lowerHigh = Math.min(range[1], 0x7a);
      if (lowerLow <= lowerHigh) added.push([lowerLow - 0x20, lowerHigh - 0x20]);
    }
    return normalize(added);
  }
  function contains(ranges, code) {
    let low = 0, high = ranges.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (ranges[middle][1] < code) low = middle + 1;
      else if (ranges[middle][0] > code) high = middle;
      else return true;
    }
    return false;
  }
  const DIGITS = [[0x30, 0x39]];
  const WORD = [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]];
  const SPACES = [[0x09, 0x0d], [0x20, 0x20]];
  const ANY = invert(normalize([[0x0a, 0x0a], [0x0d, 0x0d], [0x2028, 0x2029]]));
  function isWord(code) {
    return code !== -1 && contains(WORD, code);
  }

  // ---------------------------------------------------------------------
  // Parsing into nodes: {type: 'empty'|'set'|'assert'|'sequence'|
  // 'alternation'|'repeat', ...}.

  function parse(pattern) {
    const codes = Array.from(pattern, (character) => character.codePointAt(0));
    let position = 0;
    let nesting = 0;
    let caseInsensitive = false;
    const fail = (message, at) => {
      const error = new Error('at character ' + ((at === undefined ? position : at) + 1) +
        ': ' + message);
      throw error;
    };
    const is = (character) => codes[position] === character.codePointAt(0);
    const startsWith = (text) => {
      for (let i = 0; i < text.length; i++) {
        if (codes[position + i] !== text.charCodeAt(i)) return false;
      }
      return true;
    };

    function alternation() {
      const alternatives = [sequence()];
      while (is('|')) {
        position++;
        alternatives.push(sequence());
      }
      return alternatives.length === 1 ? alternatives[0] :
        { type: 'alternation', alternatives: alternatives };
    }

    function sequence() {
      const items = [];
      while (position < codes.length && !is('|') && !is(')')) {
        const atomStart = position;
        const item = atom();
        const bounds = quantifier();
        if (bounds) {
          if (item.type === 'assert') {
            fail('nothing to repeat: an anchor cannot be repeated', atomStart);
          }
          items.push({ type: 'repeat', body: item, minimum: bounds[0], maximum: bounds[1] });
          if (isQuantifierStart()) fail('nothing to repeat: two quantifiers in a row');
        } else {
          items.push(item);
        }
      }
      if (items.length === 0) return { type: 'empty' };
      return items.length === 1 ? items[0] : { type: 'sequence', items: items };
    }

    function isQuantifierStart() {
      if (is('*') || is('+') || is('?')) return true;
      if (!is('{')) return false;
      const saved = position;
      const bounds = braces();
      position = saved;
      return bounds !== null;
    }

    function quantifier() {
      let bounds;
      if (is('*')) { bounds = [0, null]; position++; }
      else if (is('+')) { bounds = [1, null]; position++; }
      else if (is('?')) { bounds = [0, 1]; position++; }
      else if (is('{')) {
        bounds = braces();
        if (bounds === null) return null;
      } else return null;
      if (is('?')) position++;
      return bounds;
    }

    function number() {
      let value = null;
      while (position < codes.length && codes[position] >= 0x30 && codes[position] <= 0x39) {
        value = Math.min((value || 0) * 10 + codes[position] - 0x30, 1000000);
        position++;
      }
      return value;
    }

    function braces() {
      const start = position;
      position++;
      const minimum = number();
      if (minimum === null) { position = start; return null; }
      let maximum = minimum;
      if (is(',')) {
        position++;
        maximum = number();
      }
      if (!is('}')) { position = start; return null; }
      position++;
      if (minimum > MAXIMUM_COUNT || (maximum || 0) > MAXIMUM_COUNT) {
        fail('a repetition count above ' + MAXIMUM_COUNT, start);
      }
      if (maximum !== null && maximum < minimum) {
        fail('numbers out of order in {' + minimum + ',' + maximum + '}', start);
      }
      return [minimum, maximum];
    }

    function atom() {
      if (is('(')) return group();
      if (is('[')) return { type: 'set', ranges: characterClass() };
      if (is('.')) { position++; return { type: 'set', ranges: ANY }; }
      if (is('^')) { position++; return { type: 'assert', kind: 'start' }; }
      if (is('$')) { position++; return { type: 'assert', kind: 'end' }; }
      if (is('\\')) return escape();
      if (is('*') || is('+') || is('?')) fail('nothing to repeat');
      if (is('{') && isQuantifierStart()) fail('nothing to repeat');
      const code = codes[position++];
      return { type: 'set', ranges: [[code, code]] };
    }

    function group() {
      const start = position;
      position++;
      if (is('?')) {
        if (startsWith('?:')) {
          position += 2;
        } else if (startsWith('?=') || startsWith('?!') || startsWith('?<=') ||
          startsWith('?<!')) {
          fail('lookahead and lookbehind are not supported', start);
        } else if (startsWith('?<') || startsWith('?P<')) {
          const close = codes.indexOf(0x3e, position);
          if (close < 0) fail('unterminated group name', start);
          position = close + 1;
        } else {
          fail('unsupported group syntax "(?"', start);
        }
      }
      nesting++;
      if (nesting > MAXIMUM_NESTING) {
        fail('groups nested more than ' + MAXIMUM_NESTING + ' deep', start);
      }
      const inner = alternation();
      nesting--;
      if (!is(')')) fail('unmatched "("', start);
      position++;
      return inner;
    }

    function escape() {
      const start = position;
      position++;
      if (position >= codes.length) fail('a pattern cannot end with "\\"', start);
      if (is('b')) { position++; return { type: 'assert', kind: 'boundary' }; }
      if (is('B')) { position++; return { type: 'assert', kind: 'notBoundary' }; }
      const code = codes[position];
      if ((code >= 0x31 && code <= 0x39) || code === 0x6b) {
        fail('backreferences are not supported', start);
      }
      return { type: 'set', ranges: escapedSet(start, false) };
    }

    function hex(digits, start) {
      let value = 0, count = 0;
      while (position < codes.length && count < (digits || 6)) {
        const digit = parseInt(String.fromCodePoint(codes[position]), 16);
        if (isNaN(digit)) break;
        value = value * 16 + digit;
        count++;
        position++;
      }
      if (count === 0 || (digits && count !== digits)) {
        fail('an escape needs ' + (digits || 1) + ' hexadecimal digits', start);
      }
      if (value > MAXIMUM_SCALAR || (value >= 0xd800 && value <= 0xdfff)) {
        fail('not a Unicode scalar value', start);
      }
      return value;
    }

    function escapedSet(start, inClass) {
      const code = codes[position++];
      const character = String.fromCodePoint(code);
      const single = (value) => [[value, value]];
      switch (character) {
        case 'd': return DIGITS;
        case 'D': return invert(DIGITS);
        case 'w': return WORD;
        case 'W': return invert(WORD);
        case 's': return SPACES;
        case 'S': return invert(SPACES);
        case 't': return single(0x09);
        case 'n': return single(0x0a);
        case 'r': return single(0x0d);
        case 'f': return single(0x0c);
        case 'v': return single(0x0b);
        case '0':
          if (codes[position] >= 0x30 && codes[position] <= 0x39) {
            fail('octal escapes are not supported', start);
          }
          return single(0);
        case 'x': return single(hex(2, start));
        case 'u':
          if (is('{')) {
            position++;
            const value = hex(0, start);
            if (!is('}')) fail('unterminated \\u{...}', start);
            position++;
            return single(value);
          }
          return single(hex(4, start));
        case 'p': case 'P': fail('Unicode property classes are not supported', start);
      }
      if (inClass && character === 'b') return single(0x08);
      if (/[0-9A-Za-z]/.test(character)) fail('unknown escape "\\' + character + '"', start);
      return single(code);
    }

    function classItem() {
      if (!is('\\')) {
        const code = codes[position++];
        return { single: code, ranges: [[code, code]] };
      }
      const start = position;
      position++;
      if (position >= codes.length) fail('a pattern cannot end with "\\"', start);
      const ranges = escapedSet(start, true);
      if (ranges.length === 1 && ranges[0][0] === ranges[0][1]) {
        return { single: ranges[0][0], ranges: ranges };
      }
      return { single: null, ranges: ranges };
    }

    function characterClass() {
      const start = position;
      position++;
      let negated = false;
      if (is('^')) { negated = true; position++; }
      if (is(']')) fail('an empty character class', start);
      let ranges = [];
      while (!is(']')) {
        if (position >= codes.length) fail('unmatched "["', start);
        const item = classItem();
        if (item.single !== null && is('-') && position + 1 < codes.length &&
          codes[position + 1] !== 0x5d) {
          const dash = position;
          position++;
          const upper = classItem();
          if (upper.single !== null) {
            if (item.single > upper.single) fail('a range out of order', dash - 1);
            ranges.push([item.single, upper.single]);
            continue;
          }
          ranges.push([item.single, item.single], [0x2d, 0x2d]);
          ranges = ranges.concat(upper.ranges);
          continue;
        }
        ranges = ranges.concat(item.ranges);
      }
      position++;
      const set = normalize(ranges);
      return negated ? invert(set) : set;
    }

    if (startsWith('(?i)')) {
      caseInsensitive = true;
      position = 4;
    }
    const node = alternation();
    if (position < codes.length) fail('unmatched ")"');
    return { node: node, caseInsensitive: caseInsensitive };
  }

  // ---------------------------------------------------------------------
  // Compiling to a Pike machine's steps: [op, a, b] with op 0 consume
  // (a: ranges), 1 split (a, b), 2 jump (a), 3 assert (a: kind), 4 match.

  const CONSUME = 0, SPLIT = 1, JUMP = 2, ASSERT = 3, MATCH = 4;

  function compile(node, caseInsensitive) {
    const program = [];
    const append = (step) => {
      if (program.length >= MAXIMUM_SIZE) {
        throw new Error('at character 1: the pattern is too large (over ' + MAXIMUM_SIZE +
          ' steps once repetitions are expanded)');
      }
      program.push(step);
    };
    function emit(node) {
      switch (node.type) {
        case 'empty': break;
        case 'set': append([CONSUME, caseInsensitive ? foldCase(node.ranges) : node.ranges]); break;
        case 'assert': append([ASSERT, node.kind]); break;
        case 'sequence': for (const item of node.items) emit(item); break;
        case 'alternation': {
          const jumps = [];
          node.alternatives.forEach((alternative, index) => {
            if (index < node.alternatives.length - 1) {
              const split = program.length;
              append([SPLIT, split + 1, -1]);
              emit(alternative);
              jumps.push(program.length);
              append([JUMP, -1]);
              program[split][2] = program.length;
            } else {
              emit(alternative);
            }
          });
          for (const jump of jumps) program[jump][1] = program.length;
          break;
        }
        case 'repeat': {
          for (let i = 0; i < node.minimum; i++) emit(node.body);
          if (node.maximum !== null) {
            const splits = [];
            for (let i = node.minimum; i < node.maximum; i++) {
              splits.push(program.length);
              append([SPLIT, -1, -1]);
              emit(node.body);
            }
            for (const split of splits) {
              program[split][1] = split + 1;
              program[split][2] = program.length;
            }
          } else {
            const loop = program.length;
            append([SPLIT, -1, -1]);
            emit(node.body);
            append([JUMP, loop]);
            program[loop][1] = loop + 1;
            program[loop][2] = program.length;
          }
          break;
        }
      }
    }
    emit(node);
    append([MATCH]);
    return program;
  }

  function holds(kind, previous, next) {
    switch (kind) {
      case 'start': return previous === -1;
      case 'end': return next === -1;
      case 'boundary': return isWord(previous) !== isWord(next);
      default: return isWord(previous) === isWord(next);
    }
  }

  // ---------------------------------------------------------------------
  // Matching: a breadth-first walk of the steps, each step at most once
  // per position (sparse sets), so time is linear in the text.

  function matcher(program, anchored) {
    const size = program.length;
    let current = { dense: new Int32Array(size), sparse: new Int32Array(size), count: 0 };
    let next = { dense: new Int32Array(size), sparse: new Int32Array(size), count: 0 };
    const pending = [];
    function add(list, step, previous, following) {
      pending.push(step);
      while (pending.length > 0) {
        const at = pending.pop();
        const slot = list.sparse[at];
        if (slot < list.count && list.dense[slot] === at) continue;
        list.sparse[at] = list.count;
        list.dense[list.count++] = at;
        const instruction = program[at];
        switch (instruction[0]) {
          case MATCH: pending.length = 0; return true;
          case JUMP: pending.push(instruction[1]); break;
          case SPLIT: pending.push(instruction[2], instruction[1]); break;
          case ASSERT:
            if (holds(instruction[1], previous, following)) pending.push(at + 1);
            break;
        }
      }
      return false;
    }
    return function test(text) {
      current.count = 0;
      let previous = -1;
      let index = 0;
      const codeAt = (i) => {
        if (i >= text.length) return -1;
        return text.codePointAt(i);
      };
      let upcoming = codeAt(0);
      let first = true;
      for (;;) {
        if (first || !anchored) {
          if (add(current, 0, previous, upcoming)) return true;
        }
        first = false;
        if (upcoming === -1) return false;
        if (current.count === 0 && anchored) return false;
        index += upcoming > 0xffff ? 2 : 1;
        const following = codeAt(index);
        next.count = 0;
        for (let i = 0; i < current.count; i++) {
          const step = current.dense[i];
          const instruction = program[step];
          if (instruction[0] === CONSUME && contains(instruction[1], upcoming)) {
            if (add(next, step + 1, upcoming, following)) return true;
          }
        }
        const swap = current;
        current = next;
        next = swap;
        previous = upcoming;
        upcoming = following;
      }
    };
  }

  return {
    compile: function (pattern) {
      const parsed = parse(pattern);
      const node = parsed.node;
      const anchored = (node.type === 'assert' && node.kind === 'start') ||
        (node.type === 'sequence' && node.items[0].type === 'assert' &&
          node.items[0].kind === 'start');
      return matcher(compile(node, parsed.caseInsensitive), anchored);
    },
  };
})();
