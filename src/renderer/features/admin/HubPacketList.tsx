import { useEffect, useId, useRef, useState } from 'react';
import type { PacketKind, PacketListFilter, PacketListRow } from '../../../shared/contract/packet-list';
import { dateTimeFormat, formatBytes } from '../../app/format';
import { useHubData } from '../../app/useHubData';
import { bridge } from '../../bridge';
import { ErrorLine } from '../hub/ErrorLine';
import { useHubPackets, useSettled } from './hub-packets';

const PAGE = 50;
const KIND_WORDS: Record<PacketKind, string> = { live: 'Live', validity: 'Validity', anchor: 'Norming anchor' };

/** What the admin's filter controls hold; blank means "no filter". */
interface Controls {
  q: string;
  windowId: string;
  assigned: '' | 'none' | 'some';
  kind: '' | PacketKind;
}

/**
 * Every packet on the hub, newest upload first: search by pseudonym or credential, count and
 * filter assignments in one window, tell norming anchors and validity packets from live work,
 * and page on with "Load more". `uploads` counts the Packets section's upload batches: each one
 * reloads the first page, so a packet just uploaded is listed at once.
 */
export function HubPacketList({ uploads }: { uploads: number }) {
  const id = useId();
  const windows = useHubData(() => bridge['admin.windows']({}));
  const [controls, setControls] = useState<Controls>({ q: '', windowId: '', assigned: '', kind: '' });
  const q = useSettled(controls.q);
  const filter: PacketListFilter = {
    limit: PAGE,
    ...(q.trim() ? { q } : {}),
    ...(controls.windowId ? { windowId: controls.windowId } : {}),
    ...(controls.assigned ? { assigned: controls.assigned } : {}),
    ...(controls.kind ? { kind: controls.kind } : {}),
  };
  const list = useHubPackets(filter);
  const { reload } = list;
  const seenUploads = useRef(uploads);
  useEffect(() => {
    if (seenUploads.current === uploads) return;
    seenUploads.current = uploads;
    void reload();
  }, [uploads, reload]);
  const set = (change: Partial<Controls>) => setControls((previous) => ({ ...previous, ...change }));
  const windowName = windows.data?.windows.find((w) => w.id === controls.windowId)?.name;

  return (
    <section className="hub-card admin-packet-list" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Packets on the hub</h3>
      <div className="admin-row admin-packet-filters" role="search" aria-label="Filter packets">
        <div className="admin-field">
          <label htmlFor={`${id}-q`}>Search packets</label>
          <input
            id={`${id}-q`}
            type="search"
            value={controls.q}
            onChange={(e) => set({ q: e.target.value })}
            placeholder="Pseudonym or credential"
          />
        </div>
        <div className="admin-field">
          <label htmlFor={`${id}-window`}>Assignments in window</label>
          <select id={`${id}-window`} value={controls.windowId} onChange={(e) => set({ windowId: e.target.value })}>
            <option value="">All windows</option>
            {windows.data?.windows.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </div>
        <div className="admin-field">
          <label htmlFor={`${id}-assigned`}>Assigned</label>
          <select
            id={`${id}-assigned`}
            value={controls.assigned}
            onChange={(e) => set({ assigned: e.target.value as Controls['assigned'] })}
          >
            <option value="">Assigned or not</option>
            <option value="none">{controls.windowId ? 'Not assigned in this window' : 'Never assigned'}</option>
            <option value="some">{controls.windowId ? 'Assigned in this window' : 'Assigned somewhere'}</option>
          </select>
        </div>
        <div className="admin-field">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select
            id={`${id}-kind`}
            value={controls.kind}
            onChange={(e) => set({ kind: e.target.value as Controls['kind'] })}
          >
            <option value="">Every kind</option>
            <option value="live">Live work</option>
            <option value="validity">
              {controls.windowId ? 'Validity packets of this window' : 'Validity packets'}
            </option>
            <option value="anchor">Norming anchors</option>
          </select>
        </div>
      </div>
      <ErrorLine error={windows.error ?? list.error} />
      <p role="status" className="muted small">
        {list.packets === undefined
          ? list.error
            ? ''
            : 'Loading…'
          : list.packets.length === 0
            ? 'No packets match.'
            : `${list.packets.length}${list.hasMore ? '+' : ''} packet${list.packets.length === 1 ? '' : 's'}, newest first.`}
      </p>
      {list.packets && list.packets.length > 0 && (
        <table className="admin-table" aria-busy={list.loading}>
          <caption className="visually-hidden">Packets on the hub</caption>
          <thead>
            <tr>
              <th scope="col">Candidate</th>
              <th scope="col">Credential</th>
              <th scope="col">Attempt</th>
              <th scope="col">Uploaded</th>
              <th scope="col">Size</th>
              <th scope="col">School · district</th>
              <th scope="col">{windowName ? `Assignments (${windowName} / all)` : 'Assignments'}</th>
              <th scope="col">Kind</th>
            </tr>
          </thead>
          <tbody>
            {list.packets.map((p) => (
              <PacketRow key={p.packetId} packet={p} inWindow={Boolean(controls.windowId)} />
            ))}
          </tbody>
        </table>
      )}
      {list.hasMore && (
        <div className="admin-actions">
          <button type="button" onClick={() => void list.loadMore()} disabled={list.loading}>
            {list.loading ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
    </section>
  );
}

function PacketRow({ packet: p, inWindow }: { packet: PacketListRow; inWindow: boolean }) {
  const kind: PacketKind = p.anchor ? 'anchor' : p.validity ? 'validity' : 'live';
  return (
    <tr>
      <th scope="row">
        {p.pseudonym}
        <div className="muted small">
          <code title="Packet id">{p.packetId}</code>
        </div>
      </th>
      <td>{p.credentialTitle}</td>
      <td>{p.attempt}</td>
      <td>{dateTimeFormat.format(new Date(p.uploadedAt))}</td>
      <td className="admin-nowrap">
        {formatBytes(p.totalBytes)}
        <div className="muted small">
          {p.evidenceCount} file{p.evidenceCount === 1 ? '' : 's'}
        </div>
      </td>
      <td>{[p.school, p.district].filter(Boolean).join(' · ') || '—'}</td>
      <td>{inWindow ? `${p.assignments.inWindow ?? 0} / ${p.assignments.total}` : p.assignments.total}</td>
      <td>
        <span className={`packet-kind packet-kind-${kind}`}>{KIND_WORDS[kind]}</span>
      </td>
    </tr>
  );
}
