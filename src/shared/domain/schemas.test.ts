import { describe, expect, it } from 'vitest';
import { Decision } from './decision';
import { Rubric } from './rubric';
import { ScoreRecord } from './score';
import { PacketManifest } from '../packet/manifest';
import { problemsFromZod } from '../problems';
import { defaultFiles, manifestFor } from '../../../tests/support/packets';

const levels = [
  { id: 'l1', label: 'Beginning', score: 1, descriptor: 'Absent.' },
  { id: 'l2', label: 'Developing', score: 2, descriptor: 'Partial.' },
];
const rubric = {
  id: 'r',
  version: '2.1',
  title: 'Rubric',
  decisionRule: { kind: 'total-at-least', minTotal: 3 },
  criteria: [{ id: 'c1', title: 'Criterion', levels }],
};

function problems(schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, value: unknown) {
  const result = schema.safeParse(value);
  return result.success ? [] : problemsFromZod(result.error as never);
}

describe('domain schemas', () => {
  it('accepts a well-formed rubric and defaults look-fors', () => {
    const parsed = Rubric.parse(rubric);
    expect(parsed.criteria[0]?.lookFors).toEqual([]);
  });

  it('names the field and the problem for a bad rubric', () => {
    expect(
      problems(Rubric, { ...rubric, criteria: [{ id: 'c1', title: 'C', levels: [levels[1], levels[0]] }] }),
    ).toContainEqual({
      path: 'criteria[0].levels[1].score',
      message: 'levels must be ordered lowest first with strictly increasing scores',
    });
    expect(problems(Rubric, { ...rubric, criteria: [{ id: 'c1', title: 'C', levels: [levels[0]] }] })).toContainEqual({
      path: 'criteria[0].levels',
      message: 'a criterion needs at least two levels',
    });
    expect(problems(Rubric, { ...rubric, decisionRule: { kind: 'vibes' } })[0]?.message).toMatch(/decision rule/);
    expect(problems(Rubric, { ...rubric, version: 'latest' })).toContainEqual({
      path: 'version',
      message: 'must be a version such as 1 or 2.1',
    });
    const duplicated = { ...rubric, criteria: [rubric.criteria[0], rubric.criteria[0]] };
    expect(problems(Rubric, duplicated)).toContainEqual({
      path: 'criteria[1].id',
      message: 'duplicate criterion id "c1"',
    });
  });

  it('keeps Unscorable apart from scores: it needs a condition code and an explanation', () => {
    expect(
      Decision.safeParse({ kind: 'unscorable', conditionCode: 'missing-evidence', explanation: 'No video.' }).success,
    ).toBe(true);
    expect(
      problems(Decision, { kind: 'unscorable', conditionCode: 'low-score', explanation: 'x' })[0]?.message,
    ).toMatch(/missing-evidence, wrong-credential/);
    expect(problems(Decision, { kind: 'unscorable', conditionCode: 'other', explanation: ' ' })[0]?.message).toBe(
      'an unscorable decision needs an explanation',
    );
  });

  it('parses a score record with anchored comments and keeps private notes separate', () => {
    const record = ScoreRecord.parse({
      id: '3f2b6c1e-1d2a-4b3c-8d4e-5f6a7b8c9d0e',
      packetId: '0b6c3f3e-2a41-4c1e-9d5b-7f3a2e1c9b10',
      rubricId: 'r',
      rubricVersion: '2.1',
      assessorId: 'assessor-7',
      revision: 1,
      criteria: [{ criterionId: 'c1', levelId: 'l2' }],
      comments: [
        {
          id: '4a2b6c1e-1d2a-4b3c-8d4e-5f6a7b8c9d0e',
          criterionId: 'c1',
          text: 'Clear objective on page 2.',
          anchor: { kind: 'pdf', itemId: 'plan', page: 2, rect: { x: 72, y: 100, width: 200, height: 40 } },
        },
        {
          id: '5a2b6c1e-1d2a-4b3c-8d4e-5f6a7b8c9d0e',
          text: 'Good wait time.',
          anchor: { kind: 'media', itemId: 'video', seconds: 74.5 },
        },
      ],
      decision: { kind: 'not-yet' },
      candidateFeedback: { overall: 'Add a check for understanding before independent practice.' },
      privateNotes: 'Compare with anchor packet 3.',
      createdAt: '2026-11-24T10:00:00Z',
    });
    expect(record.criteria[0]?.rationale).toBe('');
    expect(record.privateNotes).toBe('Compare with anchor packet 3.');
  });

  it('has no place for a candidate name or email in a manifest', async () => {
    const manifest = manifestFor(await defaultFiles());
    const withEmail = { ...manifest, candidate: { pseudonym: 'Candidate X', email: 'x@example.org' } };
    expect(problems(PacketManifest, withEmail)).toContainEqual({
      path: 'candidate',
      message: 'has unexpected field(s) "email"',
    });
    expect(problems(PacketManifest, { ...manifest, candidateName: 'Jane' })).toContainEqual({
      path: '(root)',
      message: 'has unexpected field(s) "candidateName"',
    });
  });

  it('requires one earlier attempt per resubmission number and known prompt references', async () => {
    const manifest = manifestFor(await defaultFiles());
    manifest.attempt = { number: 2, previous: [] };
    manifest.evidence[0]!.promptId = 'nope';
    const found = problems(PacketManifest, manifest);
    expect(found).toContainEqual({
      path: 'attempt.previous',
      message: 'attempt 2 should list 1 earlier attempt(s), found 0',
    });
    expect(found).toContainEqual({
      path: 'evidence[0].promptId',
      message: 'refers to prompt "nope", which the manifest does not define',
    });
  });
});
