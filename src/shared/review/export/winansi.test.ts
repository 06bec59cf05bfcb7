import { describe, expect, it } from 'vitest';
import { toEncodable } from './winansi';

// Printable ASCII plus Latin-1 and the few WinAnsi extras used below: close enough to the real
// WinAnsi set for unit tests (the report test runs against pdf-lib's actual character set).
const WIN_ANSI = new Set<number>([
  ...Array.from({ length: 95 }, (_, i) => 0x20 + i),
  ...Array.from({ length: 96 }, (_, i) => 0xa0 + i),
  0x2018,
  0x2019,
  0x201c,
  0x201d,
  0x2013,
  0x2014,
  0x2026,
  0x2022,
  0x20ac,
]);
const ASCII = new Set<number>(Array.from({ length: 95 }, (_, i) => 0x20 + i));

describe('toEncodable', () => {
  it('keeps what the font can draw, smart quotes and dashes included', () => {
    expect(toEncodable('“Exit tickets” — café, 5 €…', WIN_ANSI)).toBe('“Exit tickets” — café, 5 €…');
  });

  it('swaps in look-alikes, falling back further when the font lacks those too', () => {
    expect(toEncodable('x − y ≥ 2 → ok‐ish', WIN_ANSI)).toBe('x - y >= 2 -> ok-ish');
    expect(toEncodable('“Exit” — it’s…', ASCII)).toBe('"Exit" - it\'s...');
    expect(toEncodable('• ― ●', ASCII)).toBe('* - *');
  });

  it('strips accents the font lacks and splits ligatures', () => {
    expect(toEncodable('Őrs Łukasz ﬁnal Ｆull', WIN_ANSI)).toBe('Ors Lukasz final Full');
  });

  it('turns odd spaces into spaces, drops invisible and control characters', () => {
    expect(toEncodable('a\u2003b\tc\u200bd\u0007e\ufeff', WIN_ANSI)).toBe('a b cde');
  });

  it('shows anything else as "?", never throwing', () => {
    expect(toEncodable('数学 🙂 ok', WIN_ANSI)).toBe('?? ? ok');
  });
});
