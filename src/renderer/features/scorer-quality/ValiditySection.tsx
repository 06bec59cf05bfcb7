import { useEffect, useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../shared/contract/bridge';
import type { PacketListRow } from '../../../shared/contract/packet-list';
import type { ValidityList } from '../../../shared/contract/scorer-quality';
import { dateFormat } from '../../app/format';
import { bridge } from '../../bridge';
import { describeError } from '../../viewers/common/describeError';
import { percent } from './view-model';

type Rubric = ChannelOutput<'quality.packetRubric'>;

/**
 * The window's validity packets (seeded into queues, never shown to assessors as such), and the
 * form that marks another packet as one with its master level per criterion.
 */
export function ValiditySection({
  windowId,
  validity,
  onChanged,
}: {
  windowId: string;
  validity: ValidityList | undefined;
  onChanged(message: string): void;
}) {
  const [packetId, setPacketId] = useState('');
  const [rubric, setRubric] = useState<Rubric>();
  const [levels, setLevels] = useState<Record<string, string>>({});
  const [decision, setDecision] = useState<'earned' | 'not-yet'>('earned');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const load = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setRubric(undefined);
    try {
      const found = await bridge['quality.packetRubric']({ packetId: packetId.trim() });
      setRubric(found);
      setLevels(Object.fromEntries(found.criteria.map((c) => [c.id, ''])));
    } catch (failure) {
      setError(describeError(failure));
    }
  };

  const mark = async (event: FormEvent) => {
    event.preventDefault();
    if (!rubric) return;
    setBusy(true);
    setError(undefined);
    try {
      await bridge['quality.markValidity']({
        windowId,
        packetId: rubric.packetId,
        decision,
        masters: rubric.criteria.map((c) => ({ criterionId: c.id, levelId: levels[c.id] ?? '' })),
      });
      onChanged(`${rubric.pseudonym} is a validity packet of this window now.`);
      setRubric(undefined);
      setPacketId('');
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="hub-card" aria-labelledby="validity-title">
      <h2 id="validity-title">Validity packets</h2>
      <p className="muted small">
        Packets with known master scores, seeded into every assessor’s live queue (automatic or manual assignment,
        second scoring) at the window policy’s rate ({percent(validity?.rate ?? 0)} of each queue). Assessors cannot
        tell them from live packets; their scorings feed each assessor’s accuracy and are never double-scored,
        adjudicated, decided or released.
      </p>
      {validity === undefined ? null : validity.packets.length === 0 ? (
        <p className="muted">No validity packets in this window yet.</p>
      ) : (
        <table className="quality-table">
          <caption className="visually-hidden">Validity packets</caption>
          <thead>
            <tr>
              <th scope="col">Packet</th>
              <th scope="col">Masters</th>
              <th scope="col">Decision</th>
              <th scope="col">In queues</th>
              <th scope="col">Scored</th>
              <th scope="col">Marked</th>
            </tr>
          </thead>
          <tbody>
            {validity.packets.map((p) => (
              <tr key={p.packetId}>
                <th scope="row">
                  {p.pseudonym}
                  <span className="muted small"> · {p.credentialTitle}</span>
                </th>
                <td>{p.masters.map((m) => `${m.criterionId}: ${m.levelId}`).join(', ')}</td>
                <td>{p.decision === 'earned' ? 'Earned' : 'Not yet'}</td>
                <td>{p.assigned}</td>
                <td>{p.scored}</td>
                <td>
                  {dateFormat.format(new Date(p.markedAt))}
                  {p.markedBy ? ` by ${p.markedBy}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 className="small">Mark a packet as a validity packet</h3>
      <form className="validity-find" onSubmit={(event) => void load(event)}>
        <ValidityCandidates windowId={windowId} packetId={packetId} onPick={setPacketId} />
        <label>
          Packet id
          <input
            value={packetId}
            onChange={(event) => setPacketId(event.target.value)}
            placeholder="0b6c3f3e-2a41-4c1e-9d5b-7f3a2e1c9b10"
            spellCheck={false}
            size={38}
          />
        </label>
        <button type="submit" disabled={packetId.trim() === ''}>
          Load its rubric
        </button>
      </form>
      {rubric ? (
        <form className="validity-masters" onSubmit={(event) => void mark(event)} aria-label="Master levels">
          <p>
            {rubric.pseudonym} · {rubric.credentialTitle}
          </p>
          {rubric.criteria.map((criterion) => (
            <label key={criterion.id}>
              Master level: {criterion.title}
              <select
                value={levels[criterion.id] ?? ''}
                onChange={(event) => setLevels({ ...levels, [criterion.id]: event.target.value })}
                required
              >
                <option value="">Choose…</option>
                {criterion.levels.map((level) => (
                  <option key={level.id} value={level.id}>
                    {level.label}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <label>
            Master decision
            <select value={decision} onChange={(event) => setDecision(event.target.value as 'earned' | 'not-yet')}>
              <option value="earned">Earned</option>
              <option value="not-yet">Not yet</option>
            </select>
          </label>
          <button type="submit" className="primary" disabled={busy || Object.values(levels).some((l) => l === '')}>
            Mark as validity packet
          </button>
        </form>
      ) : null}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}

/**
 * The hub's live packets not assigned in the window (GET /api/v1/packets), to pick one by
 * pseudonym instead of pasting its id: anchors and packets already assigned live here are left
 * out, since the hub refuses to mark them. Conflicted packets never come back from the hub.
 */
function ValidityCandidates({
  windowId,
  packetId,
  onPick,
}: {
  windowId: string;
  packetId: string;
  onPick(packetId: string): void;
}) {
  const [search, setSearch] = useState('');
  const [candidates, setCandidates] = useState<PacketListRow[]>();
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string>();
  useEffect(() => {
    let current = true;
    // A pause in typing asks the hub once, not per key.
    const timer = setTimeout(() => {
      const q = search.trim();
      bridge['quality.validityCandidates']({ windowId, ...(q ? { q } : {}) }).then(
        (list) => {
          if (!current) return;
          setCandidates(list.packets);
          setMore(list.hasMore);
          setError(undefined);
        },
        (failure: unknown) => current && setError(describeError(failure)),
      );
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [windowId, search]);
  return (
    <>
      <label>
        Find a packet
        <input
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          placeholder="Pseudonym or credential"
        />
      </label>
      <label>
        Not yet assigned in this window
        <select
          value={candidates?.some((c) => c.packetId === packetId) ? packetId : ''}
          onChange={(event) => onPick(event.target.value)}
        >
          <option value="">
            {candidates === undefined
              ? error
                ? 'Not available'
                : 'Loading…'
              : candidates.length === 0
                ? 'No packet matches'
                : `Choose one of ${candidates.length}${more ? '+ (search to narrow)' : ''}…`}
          </option>
          {candidates?.map((c) => (
            <option key={c.packetId} value={c.packetId}>
              {c.pseudonym} · {c.credentialTitle}
            </option>
          ))}
        </select>
      </label>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
