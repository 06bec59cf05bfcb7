import type { QualificationRecord } from '../../../shared/contract/norming';
import { dateFormat } from '../../app/format';
import { percent, qualificationStanding } from './qualification-words';

/**
 * Qualifications as a table: credential, where each stands (flagged when it needs a session),
 * agreement with the masters and the session that recorded it; with the person when several are listed.
 */
export function QualificationsTable({
  label,
  rows,
  showPerson,
  now = Date.now(),
}: {
  label: string;
  rows: readonly QualificationRecord[];
  showPerson: boolean;
  now?: number;
}) {
  return (
    <table className="library-table qualifications" aria-label={label}>
      <thead>
        <tr>
          {showPerson && <th scope="col">Person</th>}
          <th scope="col">Credential</th>
          <th scope="col">Standing</th>
          <th scope="col" className="num">
            Exact
          </th>
          <th scope="col" className="num">
            Adjacent
          </th>
          <th scope="col">Recorded by</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((q) => {
          const standing = qualificationStanding(q, now, (date) => dateFormat.format(date));
          return (
            <tr key={`${q.userId}/${q.credentialId}`}>
              {showPerson && <td>{q.username}</td>}
              <td>{q.credentialId}</td>
              <td className={standing.warn ? 'warn-text' : undefined}>
                {standing.warn && <span aria-hidden="true">⚠ </span>}
                {standing.text}
              </td>
              <td className="num">{percent(q.exact)}</td>
              <td className="num">{percent(q.adjacent)}</td>
              <td>
                {q.sessionTitle} <span className="muted small">({dateFormat.format(new Date(q.recordedAt))})</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
