import type { BoardGrid, CellState } from './board-grid';

const WORDS: Record<CellState, string> = { submitted: 'Submitted', late: 'Late', waiting: 'Waiting' };
/** A symbol beside the word, so the state reads without colour. */
const MARK: Record<CellState, string> = { submitted: '✓', late: '!', waiting: '·' };

/** Who has submitted which anchor: one row per participant, one column per anchor, counts below. */
export function SubmissionGrid({ grid }: { grid: BoardGrid }) {
  return (
    <div className="table-scroller">
      <table className="library-table board-grid" aria-label="Submissions">
        <caption className="muted small">
          {grid.submitted} of {grid.cells} scores submitted
          {grid.late ? ` · ${grid.late} late (not counted)` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Participant</th>
            {grid.anchors.map((a) => (
              <th scope="col" key={a.packetId}>
                {a.label}
              </th>
            ))}
            <th scope="col" className="num">
              Done
            </th>
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((row) => (
            <tr key={row.userId}>
              <th scope="row">
                {row.username}
                {row.reopened ? <span className="muted small"> (reopened)</span> : null}
              </th>
              {row.cells.map((cell) => (
                <td key={cell.packetId} className={`cell-${cell.state}`}>
                  <span aria-hidden="true">{MARK[cell.state]} </span>
                  {WORDS[cell.state]}
                </td>
              ))}
              <td className="num">
                {row.submitted}/{row.cells.length}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Submitted</th>
            {grid.anchors.map((a) => (
              <td key={a.packetId}>
                {a.submitted}/{grid.rows.length}
                {a.late ? ` (+${a.late} late)` : ''}
              </td>
            ))}
            <td className="num">
              {grid.submitted}/{grid.cells}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
