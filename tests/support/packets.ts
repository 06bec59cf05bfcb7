import { createHash, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { ScoreRecord } from '../../src/shared/domain/score';
import type { PacketManifestInput } from '../../src/shared/packet/manifest';
import { buildRawZip, type RawEntry } from './raw-zip';

export const TEST_PACKET_ID = '0b6c3f3e-2a41-4c1e-9d5b-7f3a2e1c9b10';

/** A tiny but real 1×1 PNG. */
export const PNG_BYTES = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A real two-page PDF with extractable text. */
export async function makePdf(pages = 2, text = 'Lesson objective'): Promise<Buffer> {
  const doc = await PDFDocument.create();
  // Fixed dates keep the bytes identical from call to call (hashes and sizes in manifests stay valid).
  doc.setCreationDate(new Date(Date.UTC(2026, 9, 1)));
  doc.setModificationDate(new Date(Date.UTC(2026, 9, 1)));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    doc.addPage([612, 792]).drawText(`${text} — page ${i} of ${pages}`, { x: 72, y: 700, size: 14, font });
  }
  return Buffer.from(await doc.save());
}

export interface TestFile {
  path: string;
  data: Buffer;
  kind: 'pdf' | 'image' | 'table' | 'text' | 'video' | 'audio';
  mediaType: string;
}

export async function defaultFiles(): Promise<TestFile[]> {
  return [
    { path: 'docs/lesson-plan.pdf', data: await makePdf(), kind: 'pdf', mediaType: 'application/pdf' },
    { path: 'images/board.png', data: PNG_BYTES, kind: 'image', mediaType: 'image/png' },
    {
      path: 'data/results.csv',
      data: Buffer.from('student,pre,post\nS01,2,4\nS02,3,3\n'),
      kind: 'table',
      mediaType: 'text/csv',
    },
  ];
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A manifest that matches `files` exactly. */
export function manifestFor(files: TestFile[], packetId = TEST_PACKET_ID): PacketManifestInput {
  return {
    formatVersion: 1,
    packetId,
    credential: {
      id: 'cfu',
      title: 'Checking for Understanding',
      competency: 'Uses checks for understanding to adjust instruction.',
    },
    rubric: {
      id: 'cfu-rubric',
      version: '1',
      title: 'Checking for Understanding rubric',
      decisionRule: { kind: 'all-at-least', minLevelScore: 3 },
      criteria: [
        {
          id: 'design',
          title: 'Design of checks',
          lookFors: ['Checks align to the objective'],
          levels: [
            { id: 'l1', label: 'Beginning', score: 1, descriptor: 'Checks are absent.' },
            { id: 'l2', label: 'Developing', score: 2, descriptor: 'Checks are present but weakly aligned.' },
            { id: 'l3', label: 'Proficient', score: 3, descriptor: 'Checks align to the objective.' },
            { id: 'l4', label: 'Exemplary', score: 4, descriptor: 'Checks align and adapt.' },
          ],
        },
      ],
    },
    candidate: { pseudonym: 'Candidate T-0001' },
    attempt: { number: 1, previous: [] },
    submittedAt: '2026-10-01T12:00:00Z',
    prompts: [{ id: 'p1', text: 'Describe your checks.', response: 'I used exit tickets.' }],
    evidence: files.map((file, index) => ({
      id: `item-${index + 1}`,
      kind: file.kind,
      title: file.path,
      path: file.path,
      mediaType: file.mediaType,
      bytes: file.data.length,
      sha256: sha256(file.data),
    })),
  };
}

/** Writes a packet zip from files and a (possibly tampered) manifest. */
export async function writePacket(
  dir: string,
  name: string,
  options: { files?: TestFile[]; manifest?: unknown; extra?: RawEntry[]; manifestBytes?: Buffer } = {},
): Promise<string> {
  const files = options.files ?? (await defaultFiles());
  const manifest = options.manifest ?? manifestFor(files);
  const entries: RawEntry[] = [
    { name: 'manifest.json', data: options.manifestBytes ?? Buffer.from(JSON.stringify(manifest)), deflate: true },
    ...files.map((file) => ({ name: file.path, data: file.data })),
    ...(options.extra ?? []),
  ];
  const file = join(dir, name);
  await writeFile(file, buildRawZip(entries));
  return file;
}

export async function tempDir(prefix = 'anchor-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await mkdir(dir, { recursive: true });
  return dir;
}

/** A complete score record for the test packet (rubric cfu-rubric v1, one criterion "design"). */
export function scoreRecord(packetId: string, assessor: string, overrides: Partial<ScoreRecord> = {}): ScoreRecord {
  return {
    id: randomUUID(),
    packetId,
    rubricId: 'cfu-rubric',
    rubricVersion: '1',
    assessorId: assessor,
    revision: 1,
    criteria: [{ criterionId: 'design', levelId: 'l3', rationale: 'Checks align to the objective.' }],
    comments: [],
    decision: { kind: 'earned' },
    candidateFeedback: { overall: 'Clear, well-aligned checks.', byCriterion: [] },
    privateNotes: 'note to self',
    createdAt: '2026-10-02T09:00:00.000Z',
    submittedAt: '2026-10-02T10:00:00.000Z',
    ...overrides,
  };
}
