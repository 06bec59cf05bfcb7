import { z } from 'zod';
import { IsoDateTime, LocalId, NonEmptyText, Sha256Hex, Uuid } from '../domain/common';
import { Credential } from '../domain/credential';
import { Rubric } from '../domain/rubric';

export const PACKET_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';
export const PACKET_EXTENSION = '.anchor';

export const EvidenceKind = z.enum(['pdf', 'video', 'image', 'audio', 'text', 'table'], {
  error: 'must be one of pdf, video, image, audio, text, table',
});
export type EvidenceKind = z.infer<typeof EvidenceKind>;

/**
 * A path inside the packet: forward slashes, relative, no "." or ".." segments, no drive letters.
 * The same rule applies to zip entry names (zip-slip), checked again on disk by containment.
 */
export const PacketPath = z
  .string({ error: 'must be a path inside the packet' })
  .min(1, { error: 'must not be empty' })
  .max(240, { error: 'must be at most 240 characters' })
  .refine((path) => packetPathProblem(path) === undefined, {
    error: (issue) => packetPathProblem(String(issue.input)) ?? 'is not a valid packet path',
  });

/** Says what is wrong with a packet-relative path, or undefined when it is acceptable. */
export function packetPathProblem(path: string): string | undefined {
  if (path.includes('\\')) return 'contains a backslash';
  if (path.startsWith('/')) return 'is an absolute path';
  if (/^[A-Za-z]:/.test(path)) return 'starts with a drive letter';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'contains a control character';
  const segments = path.split('/');
  if (segments.some((s) => s === '..')) return 'contains ".." (points outside the packet)';
  if (segments.some((s) => s === '' || s === '.')) return 'contains an empty or "." segment';
  if (segments[0]?.toLowerCase().startsWith('.anchor-')) return 'uses a name reserved by Anchor (".anchor-…")';
  return undefined;
}

export const EvidenceItem = z.strictObject({
  id: LocalId,
  kind: EvidenceKind,
  title: NonEmptyText,
  description: z.string().optional(),
  /** The prompt this item answers, if any. */
  promptId: LocalId.optional(),
  path: PacketPath,
  mediaType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/, { error: 'must be a media type such as application/pdf' }),
  bytes: z.number({ error: 'must be a byte count' }).int().min(0),
  sha256: Sha256Hex,
});
export type EvidenceItem = z.infer<typeof EvidenceItem>;

export const Prompt = z.strictObject({
  id: LocalId,
  text: NonEmptyText,
  /** The candidate's written response; empty when the candidate left it unanswered. */
  response: z.string().default(''),
});
export type Prompt = z.infer<typeof Prompt>;

export const PreviousAttempt = z.strictObject({
  number: z.number().int().min(1),
  decision: z.enum(['earned', 'not-yet', 'unscorable']),
  decidedAt: IsoDateTime,
  feedback: z.string(),
  /** Earlier criterion levels; the review screen hides them by default to avoid anchoring. */
  criterionLevels: z.array(z.strictObject({ criterionId: LocalId, levelId: LocalId })).optional(),
});
export type PreviousAttempt = z.infer<typeof PreviousAttempt>;

/**
 * manifest.json of an evidence packet, format v1. Candidates appear only by pseudonym:
 * objects are strict, so a name or email field is rejected rather than silently carried.
 */
export const PacketManifest = z
  .strictObject({
    formatVersion: z.literal(PACKET_FORMAT_VERSION, {
      error: (issue) =>
        `unknown format version ${JSON.stringify(issue.input)}; this Anchor reads version ${PACKET_FORMAT_VERSION}`,
    }),
    packetId: Uuid,
    credential: Credential,
    rubric: Rubric,
    candidate: z.strictObject({ pseudonym: NonEmptyText }),
    attempt: z.strictObject({
      number: z.number().int().min(1),
      previous: z.array(PreviousAttempt).default([]),
    }),
    submittedAt: IsoDateTime,
    prompts: z.array(Prompt).default([]),
    evidence: z.array(EvidenceItem).min(1, { error: 'a packet needs at least one evidence item' }),
  })
  .superRefine((manifest, ctx) => {
    const ids = new Set<string>();
    const paths = new Set<string>();
    const promptIds = new Set(manifest.prompts.map((p) => p.id));
    manifest.evidence.forEach((item, index) => {
      if (ids.has(item.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['evidence', index, 'id'],
          message: `duplicate evidence id "${item.id}"`,
        });
      }
      ids.add(item.id);
      const folded = item.path.toLowerCase();
      if (paths.has(folded)) {
        ctx.addIssue({ code: 'custom', path: ['evidence', index, 'path'], message: `duplicate path "${item.path}"` });
      }
      paths.add(folded);
      if (item.path === MANIFEST_FILE) {
        ctx.addIssue({
          code: 'custom',
          path: ['evidence', index, 'path'],
          message: 'evidence cannot be the manifest itself',
        });
      }
      if (item.promptId && !promptIds.has(item.promptId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['evidence', index, 'promptId'],
          message: `refers to prompt "${item.promptId}", which the manifest does not define`,
        });
      }
    });
    const seenPrompts = new Set<string>();
    manifest.prompts.forEach((prompt, index) => {
      if (seenPrompts.has(prompt.id)) {
        ctx.addIssue({ code: 'custom', path: ['prompts', index, 'id'], message: `duplicate prompt id "${prompt.id}"` });
      }
      seenPrompts.add(prompt.id);
    });
    if (manifest.attempt.previous.length !== manifest.attempt.number - 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['attempt', 'previous'],
        message: `attempt ${manifest.attempt.number} should list ${manifest.attempt.number - 1} earlier attempt(s), found ${manifest.attempt.previous.length}`,
      });
    }
  });
export type PacketManifest = z.infer<typeof PacketManifest>;
/** The manifest as written by hand before defaults are applied. */
export type PacketManifestInput = z.input<typeof PacketManifest>;
