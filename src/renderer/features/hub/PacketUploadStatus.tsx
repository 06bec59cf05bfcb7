import { useLiveQuery } from 'dexie-react-hooks';
import { wakeOutbox } from '../../app/outbox';
import { routeHref } from '../../app/route';
import { db } from '../../data/db';
import { retryNow, uploadsByPacket } from '../../data/outbox';

/** One line on a submitted review: where its upload to the hub stands (nothing for local-only packets). */
export function PacketUploadStatus({ packetId }: { packetId: string }) {
  const upload = useLiveQuery(
    async () => uploadsByPacket(await db.outbox.where('packetId').equals(packetId).toArray()).get(packetId) ?? null,
    [packetId],
  );
  if (!upload) return null;
  const retry = () => void retryNow(db, packetId).then(() => wakeOutbox());
  switch (upload.status) {
    case 'uploaded':
      return <p className="small">Revision {upload.revision} is on the hub.</p>;
    case 'pending':
      return (
        <p className="small">
          Revision {upload.revision} is waiting to upload{upload.reason ? `: ${upload.reason}` : '.'}{' '}
          <button type="button" className="link" onClick={retry}>
            Retry now
          </button>
        </p>
      );
    case 'failed':
      return (
        <p className="small error-text">
          The hub refused revision {upload.revision}: {upload.reason}{' '}
          <button type="button" className="link" onClick={retry}>
            Try again
          </button>
        </p>
      );
    case 'conflict':
      return (
        <p className="small error-text">
          The hub holds a different version of this review.{' '}
          <a href={routeHref({ screen: 'conflict', scoreId: upload.scoreId })}>Compare and resolve</a>
        </p>
      );
  }
}
