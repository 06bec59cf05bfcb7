import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { ReviewDraft } from '../draft';
import { candidateDecisionWords, candidateReportPdf, type ReleasedDecision } from './candidate-report';
import { ASSESSOR_ID, PRIVATE_NOTE, exportInput, notYetDraft } from './test-fixtures';

/** The report's text as pdf.js extracts it (what a reader can search and copy), with its page count. */
async function reportText(draft?: ReviewDraft, released?: ReleasedDecision): Promise<{ text: string; pages: number }> {
  const bytes = await candidateReportPdf(exportInput(draft), released);
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  let text = '';
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join(' ') + '\n';
  }
  const pages = pdf.numPages;
  await pdf.destroy();
  return { text: text.replace(/\s+/g, ' '), pages };
}

describe('candidateReportPdf', () => {
  it('before release: labelled a recommendation on every page, and no decision at all', async () => {
    const { text } = await reportText();
    expect(text).toContain('Recommended feedback, not a decision.');
    expect(text).toMatch(/recommended feedback for Candidate T-0042, not a decision · page 1 of 1/);
    expect(text).not.toMatch(/Decision:|Not yet|Earned\b(?! when)/);
    const unscorable = await reportText({
      ...notYetDraft(),
      decision: {
        kind: 'unscorable',
        conditionCode: 'missing-evidence',
        explanation: 'The classroom video is missing.',
      },
    });
    expect(unscorable.text).not.toMatch(/Unscorable|Missing evidence/);
    expect(unscorable.text).toContain('No levels were recorded for this packet.');
  });

  it('shows the credential, candidate, released decision, levels, descriptors, feedback and comment references', async () => {
    const { text, pages } = await reportText(undefined, {
      decision: { kind: 'not-yet' },
      releasedAt: '2026-12-20T12:00:00Z',
    });
    expect(pages).toBe(1);
    for (const expected of [
      'Checking for Understanding',
      'Uses checks for understanding to adjust instruction.',
      'Candidate T-0042',
      'Attempt: 2',
      'Decision: Not yet',
      'Released: 2026-12-20',
      'Earned when every criterion is at Proficient (3) or above',
      'Design of checks',
      'Level reached: Proficient (score 3)',
      'Checks align to the objective.',
      'Level reached: Developing (score 2)',
      'Adjustments are present but weakly aligned.',
      'When the check shows a split, regroup or reteach before moving on.',
      'Level reached: Exemplary (score 4)',
      'Your checks are well designed',
      'Lesson plan, page 2 (Design of checks): The exit ticket asks exactly what the objective names.',
      'Classroom video, 1:14 (Adjusting instruction):',
      'students’ answers were split',
      'page 1 of 1',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('never shows private notes, rationales, the justification or the assessor', async () => {
    const { text } = await reportText(
      {
        ...notYetDraft(),
        decision: { kind: 'earned', explanation: '' },
        decisionJustification: 'JUSTIFICATION for departing from the rule',
      },
      { decision: { kind: 'earned' }, releasedAt: '2026-12-20T12:00:00Z' },
    );
    expect(text).toContain('Decision: Earned');
    expect(text).not.toContain(PRIVATE_NOTE.slice(0, 20));
    expect(text).not.toContain('no change of plan');
    expect(text).not.toContain('JUSTIFICATION');
    expect(text).not.toContain(ASSESSOR_ID);
  });

  it('explains a released unscorable decision without levels', async () => {
    const unscorable = {
      kind: 'unscorable',
      conditionCode: 'missing-evidence',
      explanation: 'The classroom video is missing.',
    } as const;
    const { text } = await reportText(
      { ...notYetDraft(), decision: unscorable },
      { decision: unscorable, releasedAt: '2026-12-20T12:00:00Z' },
    );
    expect(text).toContain('Decision: Unscorable — Missing evidence: The classroom video is missing.');
    expect(text).toContain('This is not a judgement of your teaching.');
    expect(text).not.toContain('Level reached');
  });

  it('wraps long feedback onto further pages and draws text WinAnsi cannot encode without throwing', async () => {
    const long = Array.from(
      { length: 40 },
      (_, i) => `Paragraph ${i + 1}: keep regrouping students when the check splits the class.`,
    ).join('\n');
    const { text, pages } = await reportText({
      ...notYetDraft(),
      feedback: {
        overall: `${long}\nMath ≥ 3 → “great” − see 数学 🙂 and https://example.org/${'x'.repeat(200)}`,
        byCriterion: notYetDraft().feedback.byCriterion,
      },
    });
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain('Paragraph 40: keep regrouping');
    expect(text).toContain('Math >= 3 -> “great” - see ?? ?');
    expect(text).toContain(`page ${pages} of ${pages}`);
  });
});

describe('candidateDecisionWords', () => {
  it('uses candidate-friendly words', () => {
    expect(candidateDecisionWords({ kind: 'earned' })).toBe('Earned');
    expect(candidateDecisionWords({ kind: 'not-yet' })).toBe('Not yet');
    expect(
      candidateDecisionWords({ kind: 'unscorable', conditionCode: 'wrong-credential', explanation: 'Wrong one.' }),
    ).toBe('Unscorable — Submitted for a different credential: Wrong one.');
  });
});
