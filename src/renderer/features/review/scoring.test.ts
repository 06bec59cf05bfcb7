import { describe, expect, it } from 'vitest';
import { HISTORY_SECTION, RESPONSES_SECTION } from '../packet/sections';
import { SHOW_ALL, SHOW_BLIND, visibleEntries } from './scoring';

const entries = [
  { id: RESPONSES_SECTION, label: 'Written responses', kind: 'responses' },
  { id: 'plan', label: 'Lesson plan', kind: 'pdf' },
  { id: HISTORY_SECTION, label: 'Earlier attempts', kind: 'history' },
];

describe('visibleEntries', () => {
  it('shows earlier attempts in the assessor’s own queue', () => {
    expect(visibleEntries(entries, SHOW_ALL).map((e) => e.id)).toEqual([RESPONSES_SECTION, 'plan', HISTORY_SECTION]);
  });
  it('hides them for blind scoring', () => {
    expect(visibleEntries(entries, SHOW_BLIND).map((e) => e.id)).toEqual([RESPONSES_SECTION, 'plan']);
  });
});
