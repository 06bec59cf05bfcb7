import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { AssignmentRecord } from '../../../shared/contract/assignments';
import type { ChannelOutput } from '../../../shared/contract/bridge';
import { dateTimeFormat } from '../../app/format';
import { bridge } from '../../bridge';
import { describeError } from '../../viewers/common/describeError';
import { ErrorLine } from '../hub/ErrorLine';
import { ConfirmDialog } from '../norming-board/ConfirmDialog';
import type { PacketListRow } from '../../../shared/contract/packet-list';
import { useHubData } from '../../app/useHubData';
import { packetLabel, useHubPackets, useSettled } from './hub-packets';

/** The packets assigned in a window, for naming the assignment list's rows and filtering it (one page of 1,000). */
const ASSIGNED_LIMIT = 1000;

/**
 * One window's assignments: by hand (a packet from the hub's list, unassigned ones first, and an assessor),
 * automatically (the hub balances load and skips conflicts, and says which packets fell short
 * and why), the list with filters, and unassigning (the hub refuses once a score is in).
 */
export function AssignmentsSection() {
  const id = useId();
  const windows = useHubData(() => bridge['admin.windows']({}));
  const users = useHubData(() => bridge['admin.users']({}));
  const [windowId, setWindowId] = useState('');
  const chosenWindow = windowId || windows.data?.windows.at(-1)?.id || '';
  const assigned = useHubPackets(
    chosenWindow ? { windowId: chosenWindow, assigned: 'some', limit: ASSIGNED_LIMIT } : undefined,
  );
  const [picked, setPicked] = useState<readonly PacketListRow[]>([]);
  const reloadAssigned = assigned.reload;
  const assessors = (users.data?.users ?? []).filter((u) => u.roles.includes('assessor'));

  const [filter, setFilter] = useState({ assessorId: '', packetId: '' });
  const [assignments, setAssignments] = useState<AssignmentRecord[]>();
  const [listError, setListError] = useState<string>();
  const reload = useCallback(async () => {
    if (!chosenWindow) return;
    try {
      const { assignments: list } = await bridge['admin.assignments']({
        windowId: chosenWindow,
        assessorId: filter.assessorId || undefined,
        packetId: filter.packetId || undefined,
      });
      setAssignments(list);
      setListError(undefined);
    } catch (failure) {
      setListError(describeError(failure));
    }
  }, [chosenWindow, filter]);
  useEffect(() => void reload(), [reload]);

  const changed = () => {
    void reload();
    void reloadAssigned();
  };
  // Rows the hub listed (assigned here, or offered in the picker) name their packets; an id is the fallback.
  const known = [...(assigned.packets ?? []), ...picked];
  const label = (packetId: string) => {
    const packet = known.find((p) => p.packetId === packetId);
    return packet ? packetLabel(packet) : packetId;
  };

  if (windows.data?.windows.length === 0) {
    return <p className="muted">Create a review window first: assignments belong to one.</p>;
  }
  return (
    <>
      <div className="admin-field">
        <label htmlFor={`${id}-window`}>Review window</label>
        <select id={`${id}-window`} value={chosenWindow} onChange={(e) => setWindowId(e.target.value)}>
          {windows.data?.windows.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name} ({w.isOpen ? 'open now' : w.status})
            </option>
          ))}
        </select>
      </div>
      <ErrorLine error={windows.error ?? users.error ?? assigned.error} />
      {chosenWindow && (
        <>
          <div className="admin-columns">
            <AssignByHand
              windowId={chosenWindow}
              assessors={assessors.filter((a) => !a.disabled)}
              onOffered={setPicked}
              onAssigned={changed}
            />
            <AutoAssign windowId={chosenWindow} label={label} onAssigned={changed} />
          </div>
          <AssignmentList
            assignments={assignments}
            error={listError}
            filter={filter}
            onFilter={setFilter}
            packets={assigned.packets ?? []}
            assessors={assessors}
            label={label}
            onChanged={changed}
          />
        </>
      )}
    </>
  );
}

/** Each group of the picker: the first page of matches (a search narrows it). */
const PICKER_PAGE = 50;

function AssignByHand({
  windowId,
  assessors,
  onOffered,
  onAssigned,
}: {
  windowId: string;
  assessors: readonly { id: string; username: string }[];
  /** The packets the picker offers now, so the section can name them elsewhere. */
  onOffered(packets: readonly PacketListRow[]): void;
  onAssigned(): void;
}) {
  const id = useId();
  const [search, setSearch] = useState('');
  const q = useSettled(search.trim());
  const [packetId, setPacketId] = useState('');
  const [assessorId, setAssessorId] = useState('');
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  // Live work only: norming anchors and validity packets are never offered for hand assignment.
  const query = { windowId, kind: 'live' as const, limit: PICKER_PAGE, ...(q ? { q } : {}) };
  const unassigned = useHubPackets({ ...query, assigned: 'none' });
  const alreadyAssigned = useHubPackets({ ...query, assigned: 'some' });
  const offered = [...(unassigned.packets ?? []), ...(alreadyAssigned.packets ?? [])];
  const offeredKey = offered.map((p) => p.packetId).join();
  useEffect(() => {
    onOffered(offered);
    // Only when the offer changes, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [offeredKey]);
  const loading = unassigned.packets === undefined || alreadyAssigned.packets === undefined;
  // A choice the list no longer offers (another window, a narrower search) is no choice: what is
  // assigned is always what the select shows.
  const chosen = offered.some((p) => p.packetId === packetId) ? packetId : '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen || !assessorId) return setError('Choose a packet and an assessor.');
    try {
      const record = await bridge['admin.assign']({ windowId, packetId: chosen, assessorId });
      setError(undefined);
      setDone(`Assigned to ${record.assessorUsername}.`);
      onAssigned();
      void unassigned.reload();
      void alreadyAssigned.reload();
    } catch (failure) {
      setDone(undefined);
      setError(describeError(failure));
    }
  };
  const option = (p: PacketListRow) => (
    <option key={p.packetId} value={p.packetId}>
      {packetLabel(p)}
      {p.attempt > 1 ? ` (attempt ${p.attempt})` : ''}
    </option>
  );
  return (
    <section className="hub-card">
      <form className="admin-form" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)}>
        <h3 id={`${id}-title`}>Assign by hand</h3>
        <div className="admin-field">
          <label htmlFor={`${id}-find`}>Find a packet</label>
          <input
            id={`${id}-find`}
            className="admin-picker-search"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Pseudonym or credential"
            aria-controls={`${id}-packet`}
          />
        </div>
        <div className="admin-field">
          <label htmlFor={`${id}-packet`}>Packet</label>
          <select
            id={`${id}-packet`}
            value={chosen}
            onChange={(e) => setPacketId(e.target.value)}
            aria-describedby={`${id}-packet-help`}
          >
            <option value="">{loading ? 'Loading packets…' : 'Choose a packet…'}</option>
            {(unassigned.packets?.length ?? 0) > 0 && (
              <optgroup label="Not yet assigned in this window">{unassigned.packets!.map(option)}</optgroup>
            )}
            {(alreadyAssigned.packets?.length ?? 0) > 0 && (
              <optgroup label="Already assigned in this window">{alreadyAssigned.packets!.map(option)}</optgroup>
            )}
          </select>
          <p id={`${id}-packet-help`} className="muted small">
            {!loading && offered.length === 0
              ? q
                ? 'No live packet matches the search.'
                : 'No packets on the hub yet: upload them in the Packets section.'
              : unassigned.hasMore || alreadyAssigned.hasMore
                ? `Showing the newest ${PICKER_PAGE} of each group: search to narrow them.`
                : 'Live packets only: norming anchors and validity packets are never assigned by hand.'}
          </p>
          <ErrorLine error={unassigned.error ?? alreadyAssigned.error} />
        </div>
        <div className="admin-field">
          <label htmlFor={`${id}-assessor`}>Assessor</label>
          <select id={`${id}-assessor`} value={assessorId} onChange={(e) => setAssessorId(e.target.value)}>
            <option value="">Choose an assessor…</option>
            {assessors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.username}
              </option>
            ))}
          </select>
        </div>
        <ErrorLine error={error} />
        <div className="admin-actions">
          <button type="submit" className="primary">
            Assign
          </button>
        </div>
        <p role="status" className="muted">
          {done}
        </p>
      </form>
    </section>
  );
}

function AutoAssign({
  windowId,
  label,
  onAssigned,
}: {
  windowId: string;
  label(packetId: string): string;
  onAssigned(): void;
}) {
  const id = useId();
  const [perPacket, setPerPacket] = useState('1');
  const [result, setResult] = useState<ChannelOutput<'admin.autoAssign'>>();
  const [error, setError] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const assessorsPerPacket = Number(perPacket);
    if (!Number.isInteger(assessorsPerPacket) || assessorsPerPacket < 1 || assessorsPerPacket > 10) {
      return setError('Enter a whole number of assessors from 1 to 10.');
    }
    try {
      setResult(await bridge['admin.autoAssign']({ windowId, assessorsPerPacket }));
      setError(undefined);
      onAssigned();
    } catch (failure) {
      setError(describeError(failure));
    }
  };
  return (
    <section className="hub-card">
      <form className="admin-form" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)}>
        <h3 id={`${id}-title`}>Assign automatically</h3>
        <div className="admin-field">
          <label htmlFor={`${id}-per`}>Assessors per packet</label>
          <input
            id={`${id}-per`}
            type="number"
            min={1}
            max={10}
            step={1}
            value={perPacket}
            onChange={(e) => setPerPacket(e.target.value)}
            aria-describedby={`${id}-per-help`}
          />
          <p id={`${id}-per-help`} className="muted small">
            Every packet on the hub gets this many assessors; each pick is the enabled, qualified assessor with the
            fewest assignments in the window who has no conflict with the packet.
          </p>
        </div>
        <ErrorLine error={error} />
        <div className="admin-actions">
          <button type="submit" className="primary">
            Assign automatically
          </button>
        </div>
      </form>
      {result && (
        <div role="status" className="admin-auto-result">
          <p>
            {result.created.length === 0
              ? 'No new assignments.'
              : `${result.created.length} new assignment${result.created.length === 1 ? '' : 's'}.`}
          </p>
          {result.shortfalls.length > 0 && (
            <>
              <h4 id={`${id}-shortfalls`}>Shortfalls</h4>
              <ul aria-labelledby={`${id}-shortfalls`}>
                {result.shortfalls.map((s) => (
                  <li key={s.packetId}>
                    <strong>{label(s.packetId)}</strong>: {s.missing} assessor{s.missing === 1 ? '' : 's'} short —{' '}
                    {s.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}

function AssignmentList({
  assignments,
  error,
  filter,
  onFilter,
  packets,
  assessors,
  label,
  onChanged,
}: {
  assignments: AssignmentRecord[] | undefined;
  error: string | undefined;
  filter: { assessorId: string; packetId: string };
  onFilter(filter: { assessorId: string; packetId: string }): void;
  packets: readonly PacketListRow[];
  assessors: readonly { id: string; username: string }[];
  label(packetId: string): string;
  onChanged(): void;
}) {
  const id = useId();
  const [removing, setRemoving] = useState<AssignmentRecord>();
  const [removeError, setRemoveError] = useState<string>();
  const unassign = async (assignment: AssignmentRecord) => {
    setRemoving(undefined);
    try {
      await bridge['admin.unassign']({ assignmentId: assignment.id });
      setRemoveError(undefined);
      onChanged();
    } catch (failure) {
      setRemoveError(describeError(failure));
    }
  };
  return (
    <section className="hub-card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Assignments in this window</h3>
      <div className="admin-row">
        <div className="admin-field">
          <label htmlFor={`${id}-by-assessor`}>Filter by assessor</label>
          <select
            id={`${id}-by-assessor`}
            value={filter.assessorId}
            onChange={(e) => onFilter({ ...filter, assessorId: e.target.value })}
          >
            <option value="">All assessors</option>
            {assessors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.username}
              </option>
            ))}
          </select>
        </div>
        <div className="admin-field">
          <label htmlFor={`${id}-by-packet`}>Filter by packet</label>
          <select
            id={`${id}-by-packet`}
            value={filter.packetId}
            onChange={(e) => onFilter({ ...filter, packetId: e.target.value })}
          >
            <option value="">All packets</option>
            {packets.map((p) => (
              <option key={p.packetId} value={p.packetId}>
                {packetLabel(p)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorLine error={error ?? removeError} />
      {assignments === undefined ? (
        !error && <p>Loading…</p>
      ) : assignments.length === 0 ? (
        <p className="muted">No assignments{filter.assessorId || filter.packetId ? ' match the filters' : ' yet'}.</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Packet</th>
              <th scope="col">Assessor</th>
              <th scope="col">Assigned</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {assignments.map((a) => (
              <tr key={a.id}>
                <th scope="row">{label(a.packetId)}</th>
                <td>{a.assessorUsername}</td>
                <td>{dateTimeFormat.format(new Date(a.assignedAt))}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => setRemoving(a)}
                    aria-label={`Unassign ${label(a.packetId)} from ${a.assessorUsername}`}
                  >
                    Unassign
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConfirmDialog
        open={removing !== undefined}
        title={`Unassign from ${removing?.assessorUsername ?? ''}?`}
        confirm="Unassign"
        onConfirm={() => removing && void unassign(removing)}
        onClose={() => setRemoving(undefined)}
      >
        <p>They stop seeing this packet and its evidence at once.</p>
      </ConfirmDialog>
    </section>
  );
}
