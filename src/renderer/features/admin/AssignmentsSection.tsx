import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { AssignmentRecord } from '../../../shared/contract/assignments';
import type { ChannelOutput } from '../../../shared/contract/bridge';
import { dateTimeFormat } from '../../app/format';
import { bridge } from '../../bridge';
import { describeError } from '../../viewers/common/describeError';
import { ErrorLine } from '../hub/ErrorLine';
import { ConfirmDialog } from '../norming-board/ConfirmDialog';
import { rememberIds, useKnownPackets, type KnownPacket } from './known-packets';
import { useHubData } from '../../app/useHubData';

/**
 * One window's assignments: by hand (a packet and an assessor from the lists the hub gives),
 * automatically (the hub balances load and skips conflicts, and says which packets fell short
 * and why), the list with filters, and unassigning (the hub refuses once a score is in).
 */
export function AssignmentsSection() {
  const id = useId();
  const windows = useHubData(() => bridge['admin.windows']({}));
  const users = useHubData(() => bridge['admin.users']({}));
  const packets = useKnownPackets();
  const [windowId, setWindowId] = useState('');
  const chosenWindow = windowId || windows.data?.windows.at(-1)?.id || '';
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
      rememberIds(list.map((a) => a.packetId));
      setAssignments(list);
      setListError(undefined);
    } catch (failure) {
      setListError(describeError(failure));
    }
  }, [chosenWindow, filter]);
  useEffect(() => void reload(), [reload]);

  const label = (packetId: string) => packets.find((p) => p.packetId === packetId)?.label ?? packetId;

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
      <ErrorLine error={windows.error ?? users.error} />
      {chosenWindow && (
        <>
          <div className="admin-columns">
            <AssignByHand
              windowId={chosenWindow}
              packets={packets}
              assessors={assessors.filter((a) => !a.disabled)}
              onAssigned={() => void reload()}
            />
            <AutoAssign windowId={chosenWindow} label={label} onAssigned={() => void reload()} />
          </div>
          <AssignmentList
            assignments={assignments}
            error={listError}
            filter={filter}
            onFilter={setFilter}
            packets={packets}
            assessors={assessors}
            label={label}
            onChanged={() => void reload()}
          />
        </>
      )}
    </>
  );
}

function AssignByHand({
  windowId,
  packets,
  assessors,
  onAssigned,
}: {
  windowId: string;
  packets: readonly KnownPacket[];
  assessors: readonly { id: string; username: string }[];
  onAssigned(): void;
}) {
  const id = useId();
  const [packetId, setPacketId] = useState('');
  const [assessorId, setAssessorId] = useState('');
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!packetId || !assessorId) return setError('Choose a packet and an assessor.');
    try {
      const record = await bridge['admin.assign']({ windowId, packetId, assessorId });
      setError(undefined);
      setDone(`Assigned to ${record.assessorUsername}.`);
      onAssigned();
    } catch (failure) {
      setDone(undefined);
      setError(describeError(failure));
    }
  };
  return (
    <section className="hub-card">
      <form className="admin-form" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)}>
        <h3 id={`${id}-title`}>Assign by hand</h3>
        <div className="admin-field">
          <label htmlFor={`${id}-packet`}>Packet</label>
          <select id={`${id}-packet`} value={packetId} onChange={(e) => setPacketId(e.target.value)}>
            <option value="">Choose a packet…</option>
            {packets.map((p) => (
              <option key={p.packetId} value={p.packetId}>
                {p.label}
              </option>
            ))}
          </select>
          {packets.length === 0 && (
            <p className="muted small">Packets appear here once uploaded (Packets section) or assigned.</p>
          )}
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
  packets: readonly KnownPacket[];
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
                {p.label}
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
