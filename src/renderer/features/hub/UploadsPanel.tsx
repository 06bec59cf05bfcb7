import { useLiveQuery } from 'dexie-react-hooks';
import { wakeOutbox } from '../../app/outbox';
import { routeHref } from '../../app/route';
import { db, type OutboxEntry } from '../../data/db';
import { retryNow } from '../../data/outbox';
import { dateTimeFormat } from '../../app/format';

const STATUS_WORDS: Record<OutboxEntry['status'], string> = {
  pending: 'Waiting to upload',
  uploaded: 'Uploaded',
  conflict: 'Conflict',
  failed: 'Upload failed',
  superseded: 'Set aside',
};

/** The outbox: every submitted review bound for the hub, with its receipt or the reason it has not arrived. */
export function UploadsPanel() {
  const entries = useLiveQuery(() => db.outbox.toArray(), []);
  const pseudonyms = useLiveQuery(
    async () => new Map((await db.packets.toArray()).map((p) => [p.packetId, p.pseudonym])),
    [],
  );
  if (!entries) return null;
  const shown = entries.filter((e) => e.status !== 'superseded').sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const count = (status: OutboxEntry['status']) => shown.filter((e) => e.status === status).length;
  const stuck = count('pending') + count('failed');

  return (
    <section className="hub-card" aria-labelledby="uploads-title">
      <div className="hub-card-head">
        <h2 id="uploads-title">Score uploads</h2>
        <button type="button" disabled={stuck === 0} onClick={() => void retryNow().then(() => wakeOutbox())}>
          Retry now
        </button>
      </div>
      <p role="status" className="muted small">
        {count('uploaded')} uploaded · {count('pending')} pending · {count('failed')} failed · {count('conflict')}{' '}
        conflict{count('conflict') === 1 ? '' : 's'}
      </p>
      {shown.length > 0 && (
        <table className="library-table uploads" aria-label="Score uploads">
          <thead>
            <tr>
              <th scope="col">Candidate</th>
              <th scope="col" className="num">
                Revision
              </th>
              <th scope="col">Status</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((entry) => (
              <tr key={entry.scoreId}>
                <td>
                  {pseudonyms?.get(entry.packetId) ?? entry.packetId}
                  {entry.destination?.kind === 'norming' && <span className="muted"> (norming anchor)</span>}
                </td>
                <td className="num">{entry.revision}</td>
                <td>
                  <span className={`status upload-${entry.status}`}>{STATUS_WORDS[entry.status]}</span>
                </td>
                <td className="small">
                  {entry.status === 'uploaded' && entry.receipt
                    ? `Receipt: hub revision ${entry.receipt.revision}, received ${dateTimeFormat.format(new Date(entry.receipt.receivedAt))}`
                    : entry.reason}
                  {entry.status === 'conflict' && (
                    <>
                      {' '}
                      <a href={routeHref({ screen: 'conflict', scoreId: entry.scoreId })}>Resolve the conflict</a>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
