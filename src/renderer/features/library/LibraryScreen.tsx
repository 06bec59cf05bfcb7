import { useDeferredValue, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { dateFormat, dateTimeFormat } from '../../app/format';
import { isTypingTarget } from '../../app/keyboard';
import { navigate } from '../../app/route';
import { ImportFeedback } from './ImportFeedback';
import { filterPackets, nextUnscored, type LibrarySort, type StatusFilter } from './filter-packets';
import { LocalNamePrompt } from './LocalNamePrompt';
import { HubLink, UploadCell } from './HubColumns';
import { BulkExport } from './BulkExport';
import { formatDuration } from '../review/useTimeOnTask';
import type { ReviewStatus } from '../../data/db';
import { useImport } from './useImport';
import { useLibrary } from './useLibrary';
import { useVirtualRows } from './useVirtualRows';
import { useHubStatus } from '../hub/useHubStatus';

const ROW_HEIGHT = 44;

/** Not yet submitted and past its due date. */
const isOverdue = (row: { status: ReviewStatus; dueAt: string }) =>
  (row.status === 'not-started' || row.status === 'in-progress') && Date.parse(row.dueAt) < Date.now();
const STATUS_LABEL: Record<ReviewStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  submitted: 'Submitted',
};

/** The first screen: the assessor's queue of packets with status and due date; import by button or drag-and-drop. */
export function LibraryScreen() {
  const { packets, syncError, refresh } = useLibrary();
  const hubStatus = useHubStatus();
  const { state, importFiles, dismiss } = useImport(() => void refresh());
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<LibrarySort>('due');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const deferredQuery = useDeferredValue(query);
  const shown = useMemo(
    () => filterPackets(packets ?? [], deferredQuery, sort, status),
    [packets, deferredQuery, sort, status],
  );
  const next = useMemo(() => nextUnscored(packets ?? []), [packets]);
  const openNext = () => next && navigate({ screen: 'packet', packetId: next.packetId });

  // N opens the next unscored packet from anywhere on the queue outside a text field.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      if (event.key !== 'n' && event.key !== 'N') return;
      event.preventDefault();
      if (next) navigate({ screen: 'packet', packetId: next.packetId });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [next]);
  const rows = useVirtualRows(scroller, shown.length, ROW_HEIGHT);

  useEffect(() => {
    if (packets) performance.mark('anchor:library-rendered');
  }, [packets, shown]);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (files.length) void importFiles(files);
  };

  return (
    <div
      className={`screen library${dragging ? ' dragging' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <header className="topbar">
        <h1>
          <span className="brand">Anchor</span> Packet queue
        </h1>
        <div className="topbar-actions">
          <HubLink />
          {hubStatus?.user && <a href="#/my-norming">Norming</a>}
          <button type="button" onClick={openNext} disabled={!next} title="N">
            Next unscored (N)
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".anchor"
            multiple
            hidden
            aria-label="Packet file"
            onChange={(event) => {
              const files = [...(event.currentTarget.files ?? [])];
              event.currentTarget.value = '';
              if (files.length) void importFiles(files);
            }}
          />
          <button type="button" className="primary" onClick={() => fileInput.current?.click()}>
            Import packet…
          </button>
        </div>
      </header>
      <main className="library-body">
        {packets && packets.length > 0 && <LocalNamePrompt />}
        <ImportFeedback state={state} onDismiss={dismiss} />
        {syncError && (
          <p role="alert" className="notice warning">
            Showing the library saved on this computer; the local service did not answer: {syncError}
          </p>
        )}
        <div className="library-controls">
          <label>
            Filter packets
            <input
              type="search"
              value={query}
              placeholder="Credential, candidate, attempt…"
              onChange={(e) => setQuery(e.target.value)}
            />
          </label>
          <label>
            Sort by
            <select value={sort} onChange={(e) => setSort(e.target.value as LibrarySort)}>
              <option value="due">Due date</option>
              <option value="status">Status</option>
              <option value="imported">Import date</option>
              <option value="submitted">Submission date</option>
              <option value="credential">Credential</option>
              <option value="candidate">Candidate</option>
            </select>
          </label>
          <label>
            Status
            <select value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
              <option value="all">All</option>
              <option value="open">Not yet submitted</option>
              <option value="not-started">Not started</option>
              <option value="in-progress">In progress</option>
              <option value="submitted">Submitted</option>
              <option value="exported">Submitted and exported</option>
            </select>
          </label>
          <BulkExport submittedCount={(packets ?? []).filter((p) => p.status === 'submitted').length} />
          <span role="status" className="count">
            {packets === undefined ? 'Loading…' : `${shown.length} of ${packets.length} packets`}
          </span>
        </div>
        {packets && packets.length === 0 ? (
          <div className="empty first-run">
            <h2>No packets yet</h2>
            <p>
              Packets come from your organisation's hub, or as <code>.anchor</code> files you import (or drop anywhere
              on this window).
            </p>
            <div className="empty-actions">
              {hubStatus?.demoHub.available && !hubStatus.user ? (
                <button type="button" className="primary" onClick={() => navigate({ screen: 'hub', startDemo: true })}>
                  Try the demo hub
                </button>
              ) : (
                <button type="button" onClick={() => navigate({ screen: 'hub' })}>
                  {hubStatus?.user ? 'Go to the hub' : 'Sign in to a hub'}
                </button>
              )}
              <button type="button" onClick={() => fileInput.current?.click()}>
                Import packets…
              </button>
            </div>
          </div>
        ) : (
          <div className="table-scroller" ref={scroller}>
            <table className="library-table" aria-label="Packets" aria-rowcount={shown.length + 1}>
              <thead>
                <tr aria-rowindex={1}>
                  <th scope="col">Credential</th>
                  <th scope="col">Candidate</th>
                  <th scope="col" className="num">
                    Attempt
                  </th>
                  <th scope="col" className="num">
                    Evidence
                  </th>
                  <th scope="col">Status</th>
                  <th scope="col">Upload</th>
                  <th scope="col">Due</th>
                  <th scope="col" className="num">
                    Time spent
                  </th>
                  <th scope="col">Submitted</th>
                  <th scope="col">Imported</th>
                </tr>
              </thead>
              <tbody>
                {rows.before > 0 && <tr aria-hidden="true" style={{ height: rows.before }} />}
                {shown.slice(rows.first, rows.last).map((packet, offset) => (
                  <tr key={packet.packetId} aria-rowindex={rows.first + offset + 2} style={{ height: ROW_HEIGHT }}>
                    <td>
                      <a
                        href={`#/packet/${packet.packetId}`}
                        onClick={() => navigate({ screen: 'packet', packetId: packet.packetId })}
                      >
                        {packet.credentialTitle}
                      </a>
                    </td>
                    <td>{packet.pseudonym}</td>
                    <td className="num">{packet.attempt}</td>
                    <td className="num">{packet.evidenceCount}</td>
                    <td>
                      <span className={`status status-${packet.status}`}>{STATUS_LABEL[packet.status]}</span>
                      {packet.exportedAt && (
                        <span
                          className="status status-exported"
                          title={`Exported ${dateTimeFormat.format(new Date(packet.exportedAt))}`}
                        >
                          Exported
                        </span>
                      )}
                    </td>
                    <td>
                      <UploadCell row={packet} />
                    </td>
                    <td>
                      {dateFormat.format(new Date(packet.dueAt))}
                      {isOverdue(packet) && <span className="overdue"> · overdue</span>}
                    </td>
                    <td className="num">{packet.timeSpentMs ? formatDuration(packet.timeSpentMs) : '—'}</td>
                    <td>{dateFormat.format(new Date(packet.submittedAt))}</td>
                    <td>{dateTimeFormat.format(new Date(packet.importedAt))}</td>
                  </tr>
                ))}
                {rows.after > 0 && <tr aria-hidden="true" style={{ height: rows.after }} />}
              </tbody>
            </table>
          </div>
        )}
      </main>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop an .anchor packet to import it
        </div>
      )}
    </div>
  );
}
