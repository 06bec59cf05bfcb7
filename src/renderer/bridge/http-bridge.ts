import { CHANNELS, UPLOAD_CHANNELS, type Channel } from '../../shared/contract/bridge';
import type { BridgeApi, DataChannel } from '../../shared/contract/client';
import type { UploadPacketOutcome } from '../../shared/contract/admin';
import type { ImportOutcome } from '../../shared/contract/library';
import { evidencePath } from '../../shared/http/evidence-url';
import { BridgeCallError, openEnvelope } from '../../shared/contract/envelope';
import { createEventStream } from './event-stream';
import { takeLaunchSecrets, type LaunchSecrets } from './launch-secrets';

async function unwrap(response: Response): Promise<unknown> {
  let envelope: unknown;
  try {
    envelope = await response.json();
  } catch {
    throw new BridgeCallError(`Anchor's service answered ${response.status} without a readable reply.`, 'internal');
  }
  return openEnvelope(envelope);
}

const NOT_LAUNCHED = 'Open Anchor with the link printed by "npm run web": it carries this run\'s access token.';

async function send(url: string, init: RequestInit, secrets: LaunchSecrets | undefined): Promise<unknown> {
  if (!secrets) throw new BridgeCallError(NOT_LAUNCHED, 'forbidden');
  init.headers = { ...(init.headers as Record<string, string>), 'X-Anchor-Token': secrets.token };
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: 'omit', cache: 'no-store' });
  } catch {
    throw new BridgeCallError(
      'Anchor\'s local service is not reachable. Is "npm run web" still running?',
      'unreachable',
    );
  }
  return unwrap(response);
}

/**
 * The bridge carried over HTTP to the browser-mode host (same origin; the run's token in a header),
 * and its events as server-sent events from the host's /events.
 */
export function createHttpBridge(origin = window.location.origin): BridgeApi<File> {
  const secrets = takeLaunchSecrets();
  const dataChannels = CHANNELS.filter((c): c is DataChannel => !(UPLOAD_CHANNELS as readonly Channel[]).includes(c));
  const calls = Object.fromEntries(
    dataChannels.map((channel) => [
      channel,
      (input: unknown) =>
        send(
          `${origin}/bridge/${channel}`,
          {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(input ?? {}),
          },
          secrets,
        ),
    ]),
  ) as Pick<BridgeApi<File>, DataChannel>;
  return {
    ...calls,
    importPacketFile: (file) =>
      send(
        `${origin}/upload/packets.import`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/octet-stream', 'X-Anchor-File-Name': encodeURIComponent(file.name) },
          body: file,
        },
        secrets,
      ) as Promise<ImportOutcome>,
    // Through the host's upload route like an import; the labels ride in the query string.
    uploadPacketToHub: (file, labels) =>
      send(
        `${origin}/upload/admin.uploadPacket?${new URLSearchParams(
          Object.entries(labels).filter((entry): entry is [string, string] => Boolean(entry[1])),
        ).toString()}`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/octet-stream', 'X-Anchor-File-Name': encodeURIComponent(file.name) },
          body: file,
        },
        secrets,
      ) as Promise<UploadPacketOutcome>,
    evidenceUrl: (packetId, path) =>
      `${origin}/evidence/${evidencePath(packetId, path)}?k=${encodeURIComponent(secrets?.evidenceKey ?? '')}`,
    on: createEventStream(`${origin}/events`, () => (secrets ? { 'X-Anchor-Token': secrets.token } : undefined)),
  };
}
