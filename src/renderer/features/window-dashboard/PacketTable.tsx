import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { DashboardPacket } from '../../../shared/contract/window-dashboard';
import { routeHref } from '../../app/route';
import { assessorsText, daysLeftText, movableAssignments, packetLink, RISK_LABELS, STATE_LABELS } from './view-model';

const ROW_HEIGHT = 40;

/** States a batch decision (double-scored) or a release (decided) acts on. */
const SELECTABLE = new Set<DashboardPacket['state']>(['double-scored', 'decided']);
const VIEW_ROWS = 14;
/** Rows drawn beyond the visible ones, so a fast scroll does not show blank space. */
const OVERSCAN = 8;

/**
 * The packets of a window as a virtualised grid: only the rows in view (plus a few) are in the
 * document, so 5,000 packets draw as fast as 30. One tab stop; arrows, Page Up/Down, Home and End
 * move the active row, Enter opens "Reassign…" for it. At-risk rows carry a written warning and an
 * icon, not only a colour.
 */
export function PacketTable({
  windowId,
  packets,
  onReassign,
  selected,
  onToggle,
}: {
  windowId: string;
  packets: readonly DashboardPacket[];
  onReassign(packet: DashboardPacket): void;
  /** Packets chosen for a batch decision or a release. */
  selected: ReadonlySet<string>;
  onToggle(packetId: string): void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [active, setActive] = useState(0);
  useEffect(() => setActive((index) => Math.min(index, Math.max(0, packets.length - 1))), [packets]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(packets.length, Math.ceil((scrollTop + VIEW_ROWS * ROW_HEIGHT) / ROW_HEIGHT) + OVERSCAN);
  const rows = packets.slice(first, last);

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(packets.length - 1, index));
    setActive(next);
    const element = scroller.current;
    if (!element) return;
    // Keep the active row in view (the header row sits above the first).
    const top = next * ROW_HEIGHT;
    const headerless = element.clientHeight - ROW_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + ROW_HEIGHT > element.scrollTop + headerless) element.scrollTop = top + ROW_HEIGHT - headerless;
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const page = VIEW_ROWS - 1;
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + page,
      PageUp: active - page,
      Home: 0,
      End: packets.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      moveTo(moves[event.key]!);
    } else if (event.key === ' ' && packets[active] && SELECTABLE.has(packets[active].state)) {
      event.preventDefault();
      onToggle(packets[active].packetId);
    } else if (event.key === 'Enter' && packets[active] && movableAssignments(packets[active]).length > 0) {
      event.preventDefault();
      onReassign(packets[active]);
    }
  };

  if (packets.length === 0) return <p className="muted">No packets match.</p>;
  const activeId = packets[active] ? `packet-row-${packets[active].packetId}` : undefined;
  return (
    <div
      className="packet-scroller"
      ref={scroller}
      style={{ height: (VIEW_ROWS + 1) * ROW_HEIGHT }}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <table
        className="packet-table"
        role="grid"
        aria-label="Packets in this window"
        aria-rowcount={packets.length + 1}
        aria-activedescendant={activeId}
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="packet-table"
      >
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">Packet</th>
            <th scope="col">State</th>
            <th scope="col">Assessors</th>
            <th scope="col">First submitted</th>
            <th scope="col">Days left</th>
            <th scope="col">Risk</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {first > 0 ? <tr className="spacer" aria-hidden="true" style={{ height: first * ROW_HEIGHT }} /> : null}
          {rows.map((packet, offset) => {
            const index = first + offset;
            const movable = movableAssignments(packet).length > 0;
            const link = packetLink(windowId, packet);
            return (
              <tr
                key={packet.packetId}
                id={`packet-row-${packet.packetId}`}
                aria-rowindex={index + 2}
                aria-selected={index === active}
                className={[packet.atRisk ? 'at-risk' : '', index === active ? 'active' : ''].join(' ')}
                onClick={() => setActive(index)}
              >
                <td>
                  <span className="pseudonym">{packet.pseudonym}</span>
                  <span className="muted small"> {packet.credentialTitle}</span>
                </td>
                <td>{STATE_LABELS[packet.state]}</td>
                <td title={assessorsText(packet)}>{assessorsText(packet)}</td>
                <td>{packet.firstSubmittedAt ? new Date(packet.firstSubmittedAt).toLocaleDateString() : '—'}</td>
                <td>{daysLeftText(packet.daysLeft)}</td>
                <td>
                  {packet.atRisk ? (
                    <span className="risk-badge" title={packet.riskReasons.map((r) => RISK_LABELS[r]).join('; ')}>
                      <span aria-hidden="true">⚠ </span>At risk:{' '}
                      {packet.riskReasons.map((r) => RISK_LABELS[r]).join('; ')}
                    </span>
                  ) : (
                    <span className="muted">On track</span>
                  )}
                </td>
                <td className="row-actions">
                  {movable ? (
                    <button type="button" tabIndex={-1} onClick={() => onReassign(packet)}>
                      Reassign…<span className="visually-hidden"> {packet.pseudonym}</span>
                    </button>
                  ) : null}
                  {link ? (
                    <a tabIndex={-1} href={routeHref(link.route)}>
                      {link.words}
                      <span className="visually-hidden"> {packet.pseudonym}</span>
                    </a>
                  ) : null}
                  {SELECTABLE.has(packet.state) ? (
                    <input
                      type="checkbox"
                      tabIndex={-1}
                      aria-label={`Select ${packet.pseudonym}`}
                      checked={selected.has(packet.packetId)}
                      onChange={() => onToggle(packet.packetId)}
                    />
                  ) : null}
                </td>
              </tr>
            );
          })}
          {last < packets.length ? (
            <tr className="spacer" aria-hidden="true" style={{ height: (packets.length - last) * ROW_HEIGHT }} />
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
