import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import {
  MANIFEST_FILE,
  PACKET_FORMAT_VERSION,
  type EvidenceItem,
  type EvidenceKind,
  type PacketManifestInput,
} from '../shared/packet/manifest';
import type { DemoCredentialFile } from './credentials';
import { dataAnalysisPdf } from './pdf/data-analysis';
import type { DocMeta } from './pdf/layout';
import { lessonPlanPdf } from './pdf/lesson-plan';
import { reflectionPdf } from './pdf/reflection';
import { studentWorkPdf } from './pdf/student-work';
import { demoMediaDir } from './resources';
import { resultsCsv, studentResults, summarizeGroups } from './results';
import type { DemoPacketSpec } from './spec';

/** An evidence item before packing: the packer adds bytes and sha256 from the file itself. */
export type FolderEvidenceItem = Omit<EvidenceItem, 'bytes' | 'sha256'>;
/** manifest.json as written into a source folder. */
export type FolderManifest = Omit<PacketManifestInput, 'evidence'> & { evidence: FolderEvidenceItem[] };

const MEDIA_TYPES: Record<string, { kind: EvidenceKind; mediaType: string }> = {
  '.mp4': { kind: 'video', mediaType: 'video/mp4' },
  '.webm': { kind: 'video', mediaType: 'video/webm' },
  '.png': { kind: 'image', mediaType: 'image/png' },
  '.jpg': { kind: 'image', mediaType: 'image/jpeg' },
  '.ogg': { kind: 'audio', mediaType: 'audio/ogg' },
};

/** Writes one packet's source folder (manifest.json plus evidence files) and returns its path. */
export async function writeDemoFolder(
  spec: DemoPacketSpec,
  credential: DemoCredentialFile,
  resourcesDir: string,
  workDir: string,
): Promise<string> {
  const folder = join(workDir, spec.slug);
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });

  const meta = (title: string): DocMeta => ({
    title,
    candidate: spec.pseudonym,
    credential: credential.credential.title,
  });
  const required = (id: string): string => credential.requiredEvidence.find((r) => r.id === id)?.description ?? '';
  const readMedia = (file: string): Promise<Uint8Array> => readFile(join(demoMediaDir(resourcesDir), file));
  const evidence: FolderEvidenceItem[] = [];
  /** Puts an evidence file in place (written from content, or copied from resources) and lists it. */
  const add = async (item: FolderEvidenceItem, content: Uint8Array | string | { copyFrom: string }): Promise<void> => {
    const target = join(folder, item.path);
    await mkdir(dirname(target), { recursive: true });
    if (typeof content === 'object' && 'copyFrom' in content) await copyFile(content.copyFrom, target);
    else await writeFile(target, content);
    evidence.push(item);
  };
  const pdf = (id: string, title: string, path: string): FolderEvidenceItem => ({
    id,
    kind: 'pdf',
    title,
    description: required(id),
    path,
    mediaType: 'application/pdf',
  });

  const rows = studentResults(spec.results);
  const groups = summarizeGroups(spec.results, rows);

  if (spec.lessonPlan) {
    const title = `Lesson plan: ${spec.lessonPlan.title}`;
    await add(
      pdf('lesson-plan', title, 'documents/lesson-plan.pdf'),
      await lessonPlanPdf(meta(title), spec.setting, spec.lessonPlan),
    );
  }
  if (spec.studentWork) {
    const { title } = spec.studentWork;
    await add(
      pdf('student-work', title, 'documents/student-work-samples.pdf'),
      await studentWorkPdf(meta(title), spec.setting, spec.studentWork, readMedia),
    );
  }
  if (spec.dataAnalysis) {
    const { title } = spec.dataAnalysis;
    await add(
      pdf('data-analysis', title, 'documents/data-analysis.pdf'),
      await dataAnalysisPdf(meta(title), spec.setting, spec.dataAnalysis, spec.results, rows, groups),
    );
  }
  await add(
    {
      id: 'results',
      kind: 'table',
      title: `Assessment results: ${spec.setting.classLabel}`,
      description: `${required('results')}: ${spec.results.names.pre}, ${spec.results.names.task} and ${spec.results.names.post} for ${rows.length} students`,
      path: 'data/assessment-results.csv',
      mediaType: 'text/csv',
    },
    resultsCsv(spec.results, rows),
  );
  for (const media of spec.media) {
    const type = MEDIA_TYPES[extname(media.file)];
    if (!type) throw new Error(`${spec.slug}: no media type for ${media.file}`);
    await add(
      {
        id: media.id,
        ...type,
        title: media.title,
        description: media.description,
        path: `media/${media.file}`,
        promptId: media.promptId,
      },
      { copyFrom: join(demoMediaDir(resourcesDir), media.file) },
    );
  }
  if (spec.reflection) {
    const { title } = spec.reflection;
    await add(
      pdf('reflection', title, 'documents/reflection.pdf'),
      await reflectionPdf(meta(title), spec.setting, spec.reflection),
    );
  }
  for (const note of spec.notes ?? []) {
    await add(
      {
        id: note.id,
        kind: 'text',
        title: note.title,
        description: note.description,
        path: `notes/${note.file}`,
        mediaType: 'text/plain',
      },
      note.text,
    );
  }

  const manifest: FolderManifest = {
    formatVersion: PACKET_FORMAT_VERSION,
    packetId: spec.packetId,
    credential: credential.credential,
    rubric: credential.rubric,
    candidate: { pseudonym: spec.pseudonym },
    attempt: spec.attempt,
    submittedAt: spec.submittedAt,
    prompts: promptsWithResponses(spec, credential),
    evidence,
  };
  await writeFile(join(folder, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return folder;
}

/** The credential's prompts with this candidate's responses; a missing key is a spec mistake. */
function promptsWithResponses(spec: DemoPacketSpec, credential: DemoCredentialFile): FolderManifest['prompts'] {
  const known = new Set(credential.prompts.map((p) => p.id));
  for (const id of Object.keys(spec.responses)) {
    if (!known.has(id)) throw new Error(`${spec.slug}: response to unknown prompt "${id}"`);
  }
  return credential.prompts.map((prompt) => {
    const response = spec.responses[prompt.id];
    if (response === undefined) throw new Error(`${spec.slug}: no response (not even "") for prompt "${prompt.id}"`);
    return { ...prompt, response };
  });
}
