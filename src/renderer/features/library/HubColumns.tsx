import { routeHref } from '../../app/route';
import { useWorkspace } from '../../data/workspace';
import type { QueueRow } from './filter-packets';

/** The queue's way to the hub screen, saying whose queue this is. */
export function HubLink() {
  const workspace = useWorkspace();
  return (
    <a className="hub-link" href={routeHref({ screen: 'hub' })}>
      {workspace.username ? `Hub: ${workspace.username}` : 'Local packets · Sign in to a hub'}
    </a>
  );
}

/** Where a hub packet's submitted review stands: uploaded, pending, failed (with why), or in conflict. */
export function UploadCell({ row }: { row: QueueRow }) {
  const upload = row.upload;
  if (!row.assigned) return <span className="muted small">Local only</span>;
  if (!upload) return <span className="muted">—</span>;
  switch (upload.status) {
    case 'uploaded':
      return <span className="status status-submitted">Uploaded</span>;
    case 'pending':
      return (
        <span className="status upload-pending" title={upload.reason}>
          Pending{upload.reason ? <span className="visually-hidden">: {upload.reason}</span> : null}
        </span>
      );
    case 'failed':
      return (
        <span className="upload-failed">
          <span className="status upload-failed">Failed</span> <span className="small">{upload.reason}</span>
        </span>
      );
    case 'conflict':
      return (
        <a className="status upload-conflict" href={routeHref({ screen: 'conflict', scoreId: upload.scoreId })}>
          Conflict: resolve
        </a>
      );
  }
}
