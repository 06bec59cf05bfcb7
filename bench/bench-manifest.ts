/** An evidence entry of a bench packet; pack fills in bytes and sha256. */
export interface BenchEvidence {
  id: string;
  kind: 'video' | 'text';
  title: string;
  path: string;
  mediaType: string;
}

/** The manifest of a bench packet: a one-criterion rubric and the evidence given (see packFolder). */
export function benchManifest(packetId: string, competency: string, evidence: BenchEvidence[]) {
  return {
    formatVersion: 1,
    packetId,
    credential: { id: 'bench', title: 'Benchmark credential', competency },
    rubric: {
      id: 'bench',
      version: '1',
      title: 'Bench rubric',
      decisionRule: { kind: 'total-at-least', minTotal: 1 },
      criteria: [
        {
          id: 'c1',
          title: 'Speed',
          levels: [
            { id: 'slow', label: 'Slow', score: 1, descriptor: 'Slow.' },
            { id: 'fast', label: 'Fast', score: 2, descriptor: 'Fast.' },
          ],
        },
      ],
    },
    candidate: { pseudonym: 'Candidate Bench' },
    attempt: { number: 1, previous: [] },
    submittedAt: '2026-11-01T00:00:00Z',
    evidence,
  };
}
