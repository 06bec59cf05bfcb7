import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MANIFEST_FILE, PacketManifest } from '../shared/packet/manifest';
import { loadDemoCredentials, writeDemoFolders, writeLargePdf, type DemoCredentialFile } from './index';
import { findResourcesDir } from './resources';

interface WrittenPacket {
  folder: string;
  /** manifest.json exactly as written (no bytes or sha256). */
  raw: { evidence: Record<string, unknown>[] };
  /** The manifest after filling in bytes and sha256 the way the packer does, then parsing. */
  manifest: PacketManifest;
}

let workDir: string;
let packets: WrittenPacket[];
let credentials: Map<string, DemoCredentialFile>;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'anchor-demo-'));
  const folders = await writeDemoFolders(join(workDir, 'a'));
  packets = await Promise.all(folders.map(readPacket));
  credentials = await loadDemoCredentials(findResourcesDir());
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

async function readPacket(folder: string): Promise<WrittenPacket> {
  const raw = JSON.parse(await readFile(join(folder, MANIFEST_FILE), 'utf8')) as WrittenPacket['raw'];
  const filled = structuredClone(raw);
  for (const item of filled.evidence) {
    const bytes = await readFile(join(folder, String(item.path)));
    item.bytes = bytes.length;
    item.sha256 = createHash('sha256').update(bytes).digest('hex');
  }
  const parsed = PacketManifest.safeParse(filled);
  if (!parsed.success) throw new Error(`${folder}: ${z.prettifyError(parsed.error)}`);
  return { folder, raw, manifest: parsed.data };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'));
}

function item(packet: WrittenPacket, id: string): PacketManifest['evidence'][number] | undefined {
  return packet.manifest.evidence.find((e) => e.id === id);
}

/** The text pdf.js extracts from a PDF (all pages, or only `page`): what a viewer can search. */
async function pdfText(file: string, page?: number): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(await readFile(file)), verbosity: 0 }).promise;
  let text = '';
  for (let n = page ?? 1; n <= (page ?? pdf.numPages); n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    text += content.items.map((i) => ('str' in i ? i.str : '')).join(' ') + '\n';
  }
  await pdf.destroy();
  return text;
}

describe('demo packet folders', () => {
  it('writes at least six packets, each in its own absolute folder', () => {
    expect(packets.length).toBeGreaterThanOrEqual(6);
    for (const { folder } of packets) expect(isAbsolute(folder)).toBe(true);
    expect(new Set(packets.map((p) => p.manifest.packetId)).size).toBe(packets.length);
  });

  it('leaves bytes and sha256 to the packer', () => {
    for (const { raw } of packets) {
      for (const evidence of raw.evidence) {
        expect(evidence).not.toHaveProperty('bytes');
        expect(evidence).not.toHaveProperty('sha256');
      }
    }
  });

  it('references every file in the folder, and only files that exist', async () => {
    for (const { folder, manifest } of packets) {
      const onDisk = (await filesUnder(folder)).sort();
      const referenced = [MANIFEST_FILE, ...manifest.evidence.map((e) => e.path)].sort();
      expect(onDisk).toEqual(referenced);
    }
  });

  it('keeps candidates pseudonymous and dates in autumn 2026', () => {
    for (const { manifest } of packets) {
      expect(manifest.candidate.pseudonym).toMatch(/^Candidate [A-Z]-\d{4}$/);
      expect(JSON.stringify(manifest)).not.toMatch(/@[a-z0-9-]+\.[a-z]{2,}/i);
      const submitted = new Date(manifest.submittedAt);
      expect(submitted >= new Date('2026-09-01') && submitted < new Date('2026-12-01')).toBe(true);
    }
  });

  it('keeps each packet under 3 MB', async () => {
    for (const { folder, manifest } of packets) {
      const sizes = await Promise.all(manifest.evidence.map(async (e) => (await stat(join(folder, e.path))).size));
      expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(3 * 1024 * 1024);
    }
  });

  it('answers prompts in 150-400 words, except where a response is deliberately missing', () => {
    for (const { manifest } of packets) {
      for (const prompt of manifest.prompts) {
        if (prompt.response === '') continue;
        const words = prompt.response.split(/\s+/).filter(Boolean).length;
        expect(words, `${manifest.candidate.pseudonym} ${prompt.id}`).toBeGreaterThanOrEqual(150);
        expect(words, `${manifest.candidate.pseudonym} ${prompt.id}`).toBeLessThanOrEqual(400);
      }
    }
  });

  it('includes a resubmission whose earlier attempt names real criteria and levels', () => {
    const resubmissions = packets.filter((p) => p.manifest.attempt.number === 2);
    expect(resubmissions.length).toBeGreaterThanOrEqual(1);
    for (const { manifest } of resubmissions) {
      const [previous] = manifest.attempt.previous;
      expect(previous?.decision).toBe('not-yet');
      expect(previous?.feedback.length).toBeGreaterThan(200);
      for (const level of previous?.criterionLevels ?? []) {
        const criterion = manifest.rubric.criteria.find((c) => c.id === level.criterionId);
        expect(criterion?.levels.map((l) => l.id)).toContain(level.levelId);
      }
      expect(previous?.criterionLevels).toHaveLength(manifest.rubric.criteria.length);
    }
  });

  it('includes an incomplete packet: required evidence missing and a prompt unanswered', () => {
    const incomplete = packets.filter(({ manifest }) => {
      const required = credentials.get(manifest.credential.id)?.requiredEvidence ?? [];
      const missing = required.filter((r) => !manifest.evidence.some((e) => e.id === r.id));
      return missing.length > 0 && manifest.prompts.some((p) => p.response === '');
    });
    expect(incomplete).toHaveLength(1);
    expect(incomplete[0]?.manifest.evidence.some((e) => e.kind === 'video')).toBe(false);
  });

  it('has every other packet complete against its credential', () => {
    const complete = packets.filter(({ manifest }) => manifest.prompts.every((p) => p.response !== ''));
    expect(complete.length).toBe(packets.length - 1);
    for (const { manifest } of complete) {
      for (const required of credentials.get(manifest.credential.id)?.requiredEvidence ?? []) {
        expect(manifest.evidence.find((e) => e.id === required.id)?.kind, required.id).toBe(required.kind);
      }
    }
  });

  it('covers WebM and MP4 video, audio, images, text and tables', () => {
    const types = new Set(packets.flatMap((p) => p.manifest.evidence.map((e) => e.mediaType)));
    for (const type of ['video/webm', 'video/mp4', 'audio/ogg', 'image/png', 'image/jpeg', 'text/plain', 'text/csv']) {
      expect(types).toContain(type);
    }
  });

  it('writes a CSV of 20-30 pseudonymous students with numeric scores', async () => {
    for (const packet of packets) {
      const csv = item(packet, 'results');
      expect(csv?.mediaType).toBe('text/csv');
      const [header, ...rows] = (await readFile(join(packet.folder, csv?.path ?? ''), 'utf8')).trimEnd().split('\r\n');
      expect(header?.split(',')).toHaveLength(6);
      expect(rows.length).toBeGreaterThanOrEqual(20);
      expect(rows.length).toBeLessThanOrEqual(30);
      for (const row of rows) expect(row).toMatch(/^S\d{2},\d+,\d*,\d+,[a-z-]+,/);
    }
  });

  it('writes multi-page PDFs of the expected lengths', async () => {
    const minPages: Record<string, number> = { 'lesson-plan': 2, 'student-work': 3, 'data-analysis': 2, reflection: 2 };
    for (const packet of packets) {
      for (const evidence of packet.manifest.evidence.filter((e) => e.kind === 'pdf')) {
        const pdf = await PDFDocument.load(await readFile(join(packet.folder, evidence.path)));
        expect(pdf.getPageCount(), `${packet.folder} ${evidence.id}`).toBeGreaterThanOrEqual(
          minPages[evidence.id] ?? 2,
        );
        if (evidence.id === 'lesson-plan') expect(pdf.getPageCount()).toBeLessThanOrEqual(4);
      }
    }
  });

  it('writes extractable text (the lesson plan states its objective)', async () => {
    for (const packet of packets) {
      const lessonPlan = item(packet, 'lesson-plan');
      expect(lessonPlan).toBeDefined();
      const text = await pdfText(join(packet.folder, lessonPlan?.path ?? ''));
      expect(text.toLowerCase()).toContain('objective');
      expect(text).toContain(packet.manifest.candidate.pseudonym);
    }
  });

  it('is reproducible: a second run writes byte-identical files', async () => {
    const again = await writeDemoFolders(join(workDir, 'b'));
    for (const [index, folder] of again.entries()) {
      const first = packets[index];
      if (!first) throw new Error('packet count changed between runs');
      for (const file of await filesUnder(folder)) {
        const [a, b] = await Promise.all([readFile(join(first.folder, file)), readFile(join(folder, file))]);
        expect(a.equals(b), file).toBe(true);
      }
    }
  });
});

describe('demo credentials', () => {
  it('defines at least three credentials with 3-5 criteria of four levels each', () => {
    expect(credentials.size).toBeGreaterThanOrEqual(3);
    for (const { rubric } of credentials.values()) {
      expect(rubric.criteria.length).toBeGreaterThanOrEqual(3);
      expect(rubric.criteria.length).toBeLessThanOrEqual(5);
      expect(rubric.rationaleRequiredBelowScore).toBe(3);
      for (const criterion of rubric.criteria) {
        expect(criterion.levels.map((l) => l.score)).toEqual([1, 2, 3, 4]);
        expect(criterion.lookFors.length).toBeGreaterThan(0);
        for (const level of criterion.levels) expect(level.feedback?.length).toBeGreaterThan(40);
      }
    }
  });

  it('uses both kinds of decision rule', () => {
    const kinds = new Set([...credentials.values()].map((c) => c.rubric.decisionRule.kind));
    expect(kinds).toEqual(new Set(['all-at-least', 'total-at-least']));
  });

  it('gives every credential at least two packets', () => {
    for (const id of credentials.keys()) {
      expect(packets.filter((p) => p.manifest.credential.id === id).length, id).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('writeLargePdf', () => {
  it('writes 300 image pages in a few seconds', async () => {
    const file = join(workDir, 'large.pdf');
    const started = performance.now();
    await writeLargePdf(file);
    expect(performance.now() - started).toBeLessThan(5000);
    const pdf = await PDFDocument.load(await readFile(file));
    expect(pdf.getPageCount()).toBe(300);
    expect(await pdfText(file, 17)).toContain('Page 17 of 300');
  });
});
