import { z } from 'zod';
import { PacketManifest, PACKET_FORMAT_VERSION } from './manifest';

/** The packet manifest as JSON Schema (draft 2020-12), generated from the zod schema. */
export function manifestJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PacketManifest, { io: 'input', unrepresentable: 'any' });
  return {
    ...schema,
    $id: `https://anchor.invalid/schemas/packet-manifest-v${PACKET_FORMAT_VERSION}.json`,
    title: `Anchor evidence packet manifest, format v${PACKET_FORMAT_VERSION}`,
    description:
      'manifest.json at the root of an .anchor packet (a zip). Candidates appear only by pseudonym. Cross-field rules (unique ids, file list, sizes, sha256, sniffed media types) are enforced by the validator: see docs/packet-format.md.',
  };
}
