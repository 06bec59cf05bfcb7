import { useLiveQuery } from 'dexie-react-hooks';
import { db, type HistoryEvent } from '../../data/db';

const WORDS: Record<HistoryEvent['event'], string> = {
  started: 'Started',
  submitted: 'Submitted',
  reopened: 'Reopened',
  exported: 'Exported',
  uploaded: 'Uploaded to the hub',
  'conflict-resolved': 'Conflict resolved',
};

/** The packet's local history: when its review was started, submitted, reopened and exported. */
export function LocalHistory({ packetId }: { packetId: string }) {
  const events = useLiveQuery(() => db.history.where('packetId').equals(packetId).sortBy('seq'), [packetId]);
  if (!events?.length) return null;
  return (
    <section className="local-history" aria-labelledby="history-title">
      <h3 id="history-title">History on this computer</h3>
      <ol>
        {events.map((event) => (
          <li key={event.seq}>
            <time dateTime={event.at}>{new Date(event.at).toLocaleString()}</time> — {WORDS[event.event]} revision{' '}
            {event.revision}
            {event.detail ? <span className="muted"> ({event.detail})</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
