import { planRange } from '../../shared/http/range';
import { ALLOWED_MEDIA_TYPES } from '../../node/packet/sniff';
import { notFound } from '../http/errors';
import { API_HEADERS } from '../http/respond';
import { implementRoute } from '../http/route';
import { appendAudit } from '../store/audit';
import { findEvidence } from '../store/packets';
import { readablePacket } from './access';

export const getEvidence = implementRoute('getEvidence', async ({ hub, principal, params, req, res, head }) => {
  await readablePacket(hub, principal, params.packetId);
  const evidence = await findEvidence(hub.db, params.packetId, params.evidenceId);
  if (!evidence || !ALLOWED_MEDIA_TYPES[evidence.mediaType]) throw notFound('The evidence');
  const blob = await hub.blobs.stat(evidence.sha256);
  if (!blob) {
    hub.log('hub: evidence blob missing from the store', { packetId: params.packetId, sha256: evidence.sha256 });
    throw notFound('The evidence');
  }
  const size = blob.bytes;
  const headers: Record<string, string> = {
    ...API_HEADERS,
    'Accept-Ranges': 'bytes',
    'Content-Type': evidence.mediaType.startsWith('text/')
      ? `${evidence.mediaType}; charset=utf-8`
      : evidence.mediaType,
    ETag: `"${evidence.sha256}"`,
    'Repr-Digest': `sha-256=:${Buffer.from(evidence.sha256, 'hex').toString('base64')}:`,
  };
  // If-Range: a resumed download whose validator no longer matches gets the whole file (RFC 9110 §13.1.5).
  const ifRange = req.headers['if-range'];
  const rangeHeader = ifRange === undefined || ifRange === headers.ETag ? req.headers.range : undefined;
  const plan = planRange(rangeHeader, size);
  if (plan.kind === 'unsatisfiable') {
    res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}` });
    res.end();
    return;
  }
  const [start, end] = plan.kind === 'full' ? [0, size - 1] : [plan.start, plan.end];
  if (!head) {
    await appendAudit(
      hub.db,
      {
        actor: principal.userId,
        action: 'evidence.read',
        subject: `packet:${params.packetId}`,
        detail: { evidenceId: params.evidenceId, range: plan.kind === 'full' ? 'full' : `${start}-${end}` },
      },
      hub.now(),
    );
  }
  const status = plan.kind === 'full' ? 200 : 206;
  res.writeHead(status, {
    ...headers,
    'Content-Length': String(Math.max(0, end - start + 1)),
    ...(status === 206 ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
  });
  if (head || size === 0) {
    res.end();
    return;
  }
  // A video player cancels ranges mid-stream all the time; that is not an error worth reporting.
  await hub.blobs.send(evidence.sha256, start, end, res).then(
    () => res.end(),
    () => res.destroy(),
  );
});
