// Look-alikes for characters the standard PDF fonts (WinAnsi encoding) cannot draw. Each is tried
// only when the font lacks the original, and the replacement is itself checked again.
const LOOK_ALIKES: Record<string, string> = {
  '\u2010': '-', // hyphen
  '\u2011': '-', // non-breaking hyphen
  '\u2012': '–', // figure dash
  '\u2015': '—', // horizontal bar
  '\u2212': '-', // minus sign
  '\u2043': '-', // hyphen bullet
  '\u2013': '-',
  '\u2014': '-',
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': ',',
  '\u201b': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2032': "'", // prime
  '\u2033': '"', // double prime
  '\u2026': '...',
  '\u2022': '*',
  '\u25cf': '•',
  '\u25aa': '•',
  '\u25e6': 'o',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2248': '~',
  '\u2190': '<-',
  '\u2192': '->',
  '\u2194': '<->',
  '\u21d2': '=>',
  '\u2713': 'v',
  '\u2714': 'v',
  '\u2717': 'x',
  '\u2153': '1/3',
  '\u2154': '2/3',
  '\u0131': 'i',
  '\u0141': 'L',
  '\u0142': 'l',
  '\u0110': 'D',
  '\u0111': 'd',
  '\u0126': 'H',
  '\u0127': 'h',
  '\u00a0': ' ',
};

/* eslint-disable no-control-regex -- control characters are exactly what these match */
const SPACES = /[\t\u2000-\u200a\u202f\u205f\u3000]/;
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff]/;
/* eslint-enable no-control-regex */
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Text made drawable by a font that supports only the code points in `supported` (the standard
 * PDF fonts use WinAnsi): each character is kept, swapped for a look-alike, stripped of accents
 * the font lacks (ő → o), or shown as "?". Never throws, so no candidate's text can break a report.
 * Expects a single line: split on line breaks first.
 */
export function toEncodable(text: string, supported: ReadonlySet<number>): string {
  let out = '';
  for (const char of text) out += encodableChar(char, supported, 0);
  return out;
}

function encodableChar(char: string, supported: ReadonlySet<number>, depth: number): string {
  const code = char.codePointAt(0) ?? 0;
  if (supported.has(code) && !INVISIBLE.test(char)) return char;
  if (SPACES.test(char)) return ' ';
  if (INVISIBLE.test(char)) return '';
  const lookAlike = LOOK_ALIKES[char];
  // depth bounds the chain (— → - ) so a table entry can never recurse forever.
  if (lookAlike !== undefined && depth < 3) {
    return [...lookAlike].map((c) => encodableChar(c, supported, depth + 1)).join('');
  }
  // Compatibility decomposition splits ligatures (ﬁ), full-width forms and accented letters.
  const decomposed = char.normalize('NFKD').replace(COMBINING_MARKS, '');
  if (decomposed !== char && decomposed !== '' && [...decomposed].every((c) => supported.has(c.codePointAt(0) ?? 0))) {
    return decomposed;
  }
  return '?';
}
