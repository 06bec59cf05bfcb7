import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { LocalId, NonEmptyText } from '../shared/domain/common';
import { Credential } from '../shared/domain/credential';
import { Rubric } from '../shared/domain/rubric';
import { EvidenceKind } from '../shared/packet/manifest';
import { demoCredentialsDir } from './resources';

/**
 * A credential as a program publishes it: the credential, its rubric, the prompts candidates
 * answer and the evidence every packet must contain (by evidence id).
 */
export const DemoCredentialFile = z.strictObject({
  credential: Credential,
  rubric: Rubric,
  prompts: z.array(z.strictObject({ id: LocalId, text: NonEmptyText })).min(1),
  requiredEvidence: z.array(z.strictObject({ id: LocalId, kind: EvidenceKind, description: NonEmptyText })),
});
export type DemoCredentialFile = z.infer<typeof DemoCredentialFile>;

/** Reads and validates every credential in resources/demo/credentials, keyed by credential id. */
export async function loadDemoCredentials(resourcesDir: string): Promise<Map<string, DemoCredentialFile>> {
  const dir = demoCredentialsDir(resourcesDir);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const credentials = new Map<string, DemoCredentialFile>();
  for (const file of files) {
    const parsed = DemoCredentialFile.safeParse(JSON.parse(await readFile(join(dir, file), 'utf8')));
    if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
    credentials.set(parsed.data.credential.id, parsed.data);
  }
  return credentials;
}
