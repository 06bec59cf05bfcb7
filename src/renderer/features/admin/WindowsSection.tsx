import { useState } from 'react';
import type { WindowView } from '../../../shared/contract/hub-admin';
import { dateTimeFormat } from '../../app/format';
import { bridge } from '../../bridge';
import { describeError } from '../../viewers/common/describeError';
import { ErrorLine } from '../hub/ErrorLine';
import { ConfirmDialog } from '../norming-board/ConfirmDialog';
import { useHubData } from '../../app/useHubData';
import { createRequest, defaultWindowForm, formFromWindow, updateRequest, type WindowForm } from './window-form';
import { useWindowFormState, WindowFormView } from './WindowFormView';

function policySummary(window: WindowView): string {
  const policy = window.scoringPolicy;
  if (!policy) return 'Scored once';
  const parts = [`${Math.round(policy.secondScoring.randomShare * 1000) / 10}% at random`];
  if (policy.secondScoring.resubmissions) parts.push('resubmissions');
  if (policy.secondScoring.nearCutMargin > 0) parts.push(`within ${policy.secondScoring.nearCutMargin} of the cut`);
  const validity =
    policy.validity.rate > 0 ? `; ${Math.round(policy.validity.rate * 1000) / 10}% validity packets` : '';
  return `Double: ${parts.join(', ')}${validity}`;
}

/** Review windows: the list, a form to create one, editing any field, closing one early. */
export function WindowsSection() {
  const { data, error, reload } = useHubData(() => bridge['admin.windows']({}));
  const [editing, setEditing] = useState<WindowView>();
  const [closing, setClosing] = useState<WindowView>();
  const [closeError, setCloseError] = useState<string>();
  const closeEarly = async (window: WindowView) => {
    setClosing(undefined);
    try {
      await bridge['admin.updateWindow']({ windowId: window.id, change: { status: 'closed' } });
      setCloseError(undefined);
      await reload();
    } catch (failure) {
      setCloseError(describeError(failure));
    }
  };
  return (
    <>
      <section aria-labelledby="windows-list-title" className="hub-card">
        <h3 id="windows-list-title">All windows</h3>
        {data === undefined ? (
          !error && <p>Loading…</p>
        ) : data.windows.length === 0 ? (
          <p className="muted">No review windows yet. Create the first below.</p>
        ) : (
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col">Open now</th>
                <th scope="col">Opens</th>
                <th scope="col">Closes</th>
                <th scope="col">Decisions due</th>
                <th scope="col">Qualification</th>
                <th scope="col">Scoring</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.windows.map((w) => (
                <tr key={w.id}>
                  <th scope="row">{w.name}</th>
                  <td>{w.status}</td>
                  <td>{w.isOpen ? 'Yes' : 'No'}</td>
                  <td>{dateTimeFormat.format(new Date(w.opensAt))}</td>
                  <td>{dateTimeFormat.format(new Date(w.closesAt))}</td>
                  <td>{dateTimeFormat.format(new Date(w.decisionsDueAt))}</td>
                  <td>{w.requiredQualification ?? '—'}</td>
                  <td>{policySummary(w)}</td>
                  <td className="admin-row-actions">
                    <button type="button" onClick={() => setEditing(w)} aria-label={`Edit ${w.name}`}>
                      Edit
                    </button>
                    {w.status !== 'closed' && (
                      <button type="button" onClick={() => setClosing(w)} aria-label={`Close early: ${w.name}`}>
                        Close early
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ErrorLine error={error ?? closeError} />
      </section>
      {editing ? (
        <EditWindow
          key={editing.id}
          window={editing}
          onDone={() => {
            setEditing(undefined);
            void reload();
          }}
        />
      ) : (
        <CreateWindow onCreated={() => void reload()} />
      )}
      <ConfirmDialog
        open={closing !== undefined}
        title={`Close ${closing?.name ?? 'the window'} now?`}
        confirm="Close window"
        onConfirm={() => closing && void closeEarly(closing)}
        onClose={() => setClosing(undefined)}
      >
        <p>Assessors stop seeing its packets at once and can no longer upload scores to it.</p>
      </ConfirmDialog>
    </>
  );
}

function CreateWindow({ onCreated }: { onCreated(): void }) {
  const state = useWindowFormState(defaultWindowForm(new Date()));
  const [created, setCreated] = useState<string>();
  const submit = async () => {
    const checked = createRequest(state.form);
    state.setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    state.setBusy(true);
    try {
      const window = await bridge['admin.createWindow'](checked.request);
      state.setHubError(undefined);
      setCreated(`Created ${window.name}.`);
      state.setForm(defaultWindowForm(new Date()));
      onCreated();
    } catch (failure) {
      setCreated(undefined);
      state.setHubError(describeError(failure));
    } finally {
      state.setBusy(false);
    }
  };
  return (
    <section className="hub-card">
      <WindowFormView
        heading="New window"
        submitLabel="Create window"
        form={state.form}
        onChange={(form: WindowForm) => state.setForm(form)}
        errors={state.errors}
        hubError={state.hubError}
        busy={state.busy}
        onSubmit={() => void submit()}
      />
      <p role="status" className="muted">
        {created}
      </p>
    </section>
  );
}

function EditWindow({ window, onDone }: { window: WindowView; onDone(): void }) {
  const original = formFromWindow(window);
  const state = useWindowFormState(original);
  const submit = async () => {
    const checked = updateRequest(original, state.form);
    state.setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    if (Object.keys(checked.request).length === 0) return onDone();
    state.setBusy(true);
    try {
      await bridge['admin.updateWindow']({ windowId: window.id, change: checked.request });
      onDone();
    } catch (failure) {
      state.setHubError(describeError(failure));
    } finally {
      state.setBusy(false);
    }
  };
  return (
    <section className="hub-card">
      <WindowFormView
        heading={`Edit ${window.name}`}
        submitLabel="Save changes"
        form={state.form}
        onChange={(form: WindowForm) => state.setForm(form)}
        errors={state.errors}
        hubError={state.hubError}
        busy={state.busy}
        onSubmit={() => void submit()}
        onCancel={onDone}
        focusOnOpen
      />
    </section>
  );
}
