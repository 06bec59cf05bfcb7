import { describe, expect, it } from 'vitest';
import { findPassage, splitParagraphs, trimSpan } from './passageText';

describe('splitParagraphs', () => {
  it('keeps each paragraph’s offset in the whole text', () => {
    const text = 'First line\nstill first.\n\nSecond.\n \n\n\nThird.';
    const paragraphs = splitParagraphs(text);
    expect(paragraphs.map((p) => p.text)).toEqual(['First line\nstill first.', 'Second.', 'Third.']);
    for (const p of paragraphs) expect(text.slice(p.start, p.start + p.text.length)).toBe(p.text);
  });
});

describe('findPassage', () => {
  const text = 'I met S17. Later, S17 wrote that the answer is 2.';
  it('finds a passage at its offsets', () => {
    expect(findPassage(text, { start: 18, end: 21, quote: 'S17' })).toEqual({ start: 18, end: 21 });
  });
  it('finds the nearest occurrence of the quote when the text has moved', () => {
    expect(findPassage(`Hi. ${text}`, { start: 18, end: 21, quote: 'S17' })).toEqual({ start: 22, end: 25 });
    expect(findPassage(text, { start: 0, end: 3, quote: 'S17' })).toEqual({ start: 6, end: 9 });
  });
  it('gives up when the quote is gone', () => {
    expect(findPassage(text, { start: 0, end: 3, quote: 'S09' })).toBeNull();
  });
});

describe('trimSpan', () => {
  it('drops surrounding whitespace, and empty selections', () => {
    expect(trimSpan(' ab c ', { start: 0, end: 6 })).toEqual({ start: 1, end: 5 });
    expect(trimSpan(' ab ', { start: 3, end: 4 })).toBeNull();
  });
});
