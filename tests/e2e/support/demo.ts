import { join } from 'node:path';
import { writeDemoSet } from '../../../src/demo/demo-set';
import { readPacket } from '../../../src/node/packet/read-packet';
import type { EvidenceItem, PacketManifest } from '../../../src/shared/packet/manifest';

export interface DemoPacket {
  file: string;
  manifest: PacketManifest;
}

/** Builds the demo set into `dir` and reads back each manifest. */
export async function buildDemo(dir: string): Promise<DemoPacket[]> {
  const files = await writeDemoSet(join(dir, 'demo'));
  const packets: DemoPacket[] = [];
  for (const file of files) {
    const report = await readPacket(file, { manifestOnly: true });
    if (!report.manifest) throw new Error(`demo packet ${file} does not validate`);
    packets.push({ file, manifest: report.manifest });
  }
  return packets;
}

/** The first demo packet holding evidence of `kind` (optionally of a media type). */
export function findEvidence(
  packets: DemoPacket[],
  kind: EvidenceItem['kind'],
  mediaType?: string,
): { packet: DemoPacket; item: EvidenceItem } {
  for (const packet of packets) {
    const item = packet.manifest.evidence.find((e) => e.kind === kind && (!mediaType || e.mediaType === mediaType));
    if (item) return { packet, item };
  }
  throw new Error(`no demo packet has ${mediaType ?? kind} evidence`);
}
