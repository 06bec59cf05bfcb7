import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import type { AuditQuery } from '../../../shared/contract/audit-log';
import type { ChannelOutput } from '../../../shared/contract/bridge';
import { dateTimeFormat } from '../../app/format';
import { routeHref } from '../../app/route';
import { bridge } from '../../bridge';
import { describeError } from '../../viewers/common/describeError';
import { ErrorLine } from '../hub/ErrorLine';
import { downloadFile } from '../review/download';
import { dayStart, detailSummary, subjectText } from './summary';
import './audit.css';

type Entry = ChannelOutput<'audit.page'>['entries'][number];

interface Filters {
  action: string;
  actor: string;
  subject: string;
  from: string;
  to: string;
}
const NO_FILTERS: Filters = { action: '', actor: '', subject: '', from: '', to: '' };

function queryOf(filters: Filters): AuditQuery {
  const text = (value: string) => value.trim() || undefined;
  return {
    action: text(filters.action),
    actor: text(filters.actor),
    subject: text(filters.subject),
    since: dayStart(filters.from),
    until: dayStart(filters.to, true),
  };
}

/**
 * The audit trail (#/audit, chairs and admins): who did what, when and why, newest first, filtered
 * on the hub and read a page at a time ("Load more"), so a trail of many thousands stays quick.
 * Each row summarises its detail; "Details" shows the whole entry. "Download CSV" saves every
 * entry matching the filters.
 */
export function AuditScreen() {
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const [entries, setEntries] = useState<Entry[]>();
  const [hasMore, setHasMore] = useState(false);
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const fetchPage = useCallback(async (filters: Filters, before?: number) => {
    setBusy(true);
    try {
      const page = await bridge['audit.page']({ ...queryOf(filters), before });
      setEntries((shown) => (before ? [...(shown ?? []), ...page.entries] : page.entries));
      setHasMore(page.hasMore);
      setError(undefined);
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  }, []);
  useEffect(() => {
    void fetchPage(applied);
  }, [applied, fetchPage]);

  const actions = useMemo(() => [...new Set((entries ?? []).map((e) => e.action))].sort(), [entries]);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setOpen(new Set());
    setApplied({ ...draft });
  };
  const downloadCsv = async () => {
    setError(undefined);
    try {
      const { fileName, csv } = await bridge['audit.csv'](queryOf(applied));
      downloadFile(fileName, csv, 'text/csv');
    } catch (failure) {
      setError(describeError(failure));
    }
  };
  const toggle = (id: number) =>
    setOpen((ids) => {
      const next = new Set(ids);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const field = (name: keyof Filters) => ({
    value: draft[name],
    onChange: (event: { target: { value: string } }) => setDraft((d) => ({ ...d, [name]: event.target.value })),
  });

  return (
    <div className="screen audit">
      <header className="topbar">
        <a className="back" href={routeHref({ screen: 'hub' })}>
          ← Hub
        </a>
        <h1>
          <span className="brand">Anchor</span> Audit trail
        </h1>
        <button type="button" onClick={() => void downloadCsv()}>
          Download CSV
        </button>
      </header>
      <main className="hub-body">
        <form className="hub-card audit-filters" aria-label="Filters" onSubmit={apply}>
          <label>
            Action
            <input list="audit-actions" placeholder="e.g. score.submit" {...field('action')} />
          </label>
          <datalist id="audit-actions">
            {actions.map((action) => (
              <option key={action} value={action} />
            ))}
          </datalist>
          <label>
            Actor
            <input placeholder="username" {...field('actor')} />
          </label>
          <label>
            Subject or packet
            <input placeholder="packet:<id> or an id" {...field('subject')} />
          </label>
          <label>
            From
            <input type="date" {...field('from')} />
          </label>
          <label>
            To
            <input type="date" {...field('to')} />
          </label>
          <div className="audit-filter-actions">
            <button type="submit" className="primary">
              Apply filters
            </button>
            <button
              type="button"
              onClick={() => {
                setDraft(NO_FILTERS);
                setApplied(NO_FILTERS);
              }}
            >
              Clear
            </button>
          </div>
        </form>
        <ErrorLine error={error} />
        <section className="hub-card" aria-labelledby="audit-title">
          <h2 id="audit-title">Entries, newest first</h2>
          <p className="muted small" aria-live="polite">
            {entries ? `${entries.length}${hasMore ? '+' : ''} shown.` : busy ? 'Loading…' : ''}
          </p>
          {entries && entries.length === 0 ? <p className="muted">No entries match.</p> : null}
          {entries && entries.length > 0 ? (
            <table className="library-table audit-table" aria-label="Audit entries">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">Subject</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.id}>
                    <td>
                      <time dateTime={entry.at}>{dateTimeFormat.format(new Date(entry.at))}</time>
                    </td>
                    <td>{entry.actorUsername ?? <span className="muted">the hub</span>}</td>
                    <td>
                      <code>{entry.action}</code>
                    </td>
                    <td title={entry.subject}>{subjectText(entry.subject)}</td>
                    <td>
                      <span>{detailSummary(entry.detail)}</span>{' '}
                      <button
                        type="button"
                        className="link-button"
                        aria-expanded={open.has(entry.id)}
                        aria-label={`Details of entry ${entry.id}`}
                        onClick={() => toggle(entry.id)}
                      >
                        {open.has(entry.id) ? 'Hide' : 'Details'}
                      </button>
                      {open.has(entry.id) ? (
                        <pre className="audit-json">{JSON.stringify({ ...entry }, null, 2)}</pre>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {hasMore && entries ? (
            <button type="button" disabled={busy} onClick={() => void fetchPage(applied, entries.at(-1)?.id)}>
              Load more
            </button>
          ) : null}
        </section>
      </main>
    </div>
  );
}
