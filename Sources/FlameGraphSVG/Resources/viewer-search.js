/*
 * Search. A sample matches when any frame of its stack matches, so a
 * match inside a matched frame adds nothing: nested matches count once.
 * Thin frames (not drawn) count like the drawn ones. Every view
 * highlights the frames whose name matches.
 */

// Per name: 1 when the search matches it.
const nameMatched = new Uint8Array(names.length);
let searchShare = { samples: 0, unknown: 0 };
let searchProblem = '';

// Runs the search of view.searchTerm; returns the message of the matched
// share ('' without a search).
function runSearch() {
  nameMatched.fill(0);
  const term = view.searchTerm;
  if (!term) return '';
  const test = matcher(term, view.searchPlain);
  if (!test) return 'Invalid regular expression: ' + searchProblem;
  for (let i = 0; i < names.length; i++) if (test(names[i])) nameMatched[i] = 1;
  searchShare = matchedShare();
  const total = data.total > 0 ? data.total : 1;
  const low = percent(searchShare.samples / total);
  const high = percent((searchShare.samples + searchShare.unknown) / total);
  return 'Matched: ' + (low === high ? low : low + '\u2013' + high) + '%';
}

// A test of names, or null for an invalid regular expression (its
// problem in searchProblem). Patterns are matched by
// FlameGraphLinearRegex (linear-regex.js), never by RegExp: a pattern
// from a link must not be able to freeze the page.
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

// The samples matched (drawn and thin frames, nested matches once) and
// the samples that might match but were not listed.
function matchedShare() {
  // covered[i]: frame i or one of its ancestors matches.
  const covered = new Uint8Array(catalogCount);
  let samples = 0;
  for (let i = 0; i < catalogCount; i++) {
    const parent = catalogParent[i];
    const inherited = parent >= 0 ? covered[parent] : 0;
    if (nameMatched[catalogName[i]]) {
      if (!inherited) samples += catalogTotal[i];
      covered[i] = 1;
    } else {
      covered[i] = inherited;
    }
  }
  let unknown = 0;
  for (let k = 0; k < unlistedIndex.length; k++) if (!covered[unlistedIndex[k]]) unknown += unlistedSamples[k];
  return { samples, unknown };
}

// The function whose sandwich `s` opens when a search is active and no
// frame is pointed at or focused: the matched name with the most samples
// (recursion counted once; ties by name); -1 when none matches.
function mostMatchedFunction() {
  if (!view.searchTerm) return -1;
  const model = functionModel();
  let best = -1;
  for (let i = 0; i < names.length; i++) {
    if (nameMatched[i] && model.nameTotal[i] > 0 && (best < 0 || model.nameTotal[i] > model.nameTotal[best])) best = i;
  }
  return best;
}

// A share as a percentage with two decimals, as CountFormatter.percent.
function percent(share) {
  const hundredths = Math.round(Math.abs(share) * 10000);
  const sign = share < 0 && hundredths !== 0 ? '-' : '';
  return sign + Math.floor(hundredths / 100) + '.' + String(hundredths % 100).padStart(2, '0');
}

// A count with thousands separators and at most two decimals, as
// CountFormatter.count.
function formatCount(value) {
  if (!isFinite(value)) return '0';
  const hundredths = Math.round(Math.abs(value) * 100);
  const fraction = hundredths % 100;
  let text = String(Math.floor(hundredths / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  if (value < 0 && hundredths !== 0) text = '-' + text;
  if (fraction === 0) return text;
  return text + '.' + (fraction % 10 === 0 ? String(fraction / 10) : String(fraction).padStart(2, '0'));
}
