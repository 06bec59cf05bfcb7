import { useId, useState, type FormEvent } from 'react';
import type { AdminUserView } from '../../../shared/contract/hub-admin';
import { bridge } from '../../bridge';
import { describeError } from '../../viewers/common/describeError';
import { ErrorLine } from '../hub/ErrorLine';
import { ConfirmDialog } from '../norming-board/ConfirmDialog';
import { RolePicker, type RoleName } from './RolePicker';
import { useHubData } from '../../app/useHubData';

/**
 * Accounts: create, change roles, disable or enable. The hub refuses a change that would leave
 * no enabled admin; its words are shown beside the account, whose row keeps its state.
 */
export function UsersSection() {
  const { data, error, reload } = useHubData(() => bridge['admin.users']({}));
  const [toggling, setToggling] = useState<AdminUserView>();
  const [editing, setEditing] = useState<string>();
  const [rowError, setRowError] = useState<{ userId: string; message: string }>();

  const update = async (user: AdminUserView, change: { roles?: RoleName[]; disabled?: boolean }) => {
    try {
      await bridge['admin.updateUser']({ userId: user.id, change });
      setRowError(undefined);
      setEditing(undefined);
      await reload();
    } catch (failure) {
      setRowError({ userId: user.id, message: describeError(failure) });
    }
  };

  return (
    <>
      <section className="hub-card" aria-labelledby="users-list-title">
        <h3 id="users-list-title">Accounts</h3>
        {data === undefined ? (
          !error && <p>Loading…</p>
        ) : (
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">Username</th>
                <th scope="col">Roles</th>
                <th scope="col">Account</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.users.map((user) => (
                <tr key={user.id}>
                  <th scope="row">{user.username}</th>
                  <td>
                    {editing === user.id ? (
                      <RoleEditor
                        user={user}
                        onSave={(roles) => void update(user, { roles })}
                        onCancel={() => setEditing(undefined)}
                      />
                    ) : (
                      user.roles.join(', ')
                    )}
                  </td>
                  <td>{user.disabled ? 'Disabled' : 'Enabled'}</td>
                  <td className="admin-row-actions">
                    {editing !== user.id && (
                      <button
                        type="button"
                        onClick={() => setEditing(user.id)}
                        aria-label={`Change roles of ${user.username}`}
                      >
                        Change roles
                      </button>
                    )}
                    <button
                      type="button"
                      onClick={() => setToggling(user)}
                      aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.username}`}
                    >
                      {user.disabled ? 'Enable' : 'Disable'}
                    </button>
                    {rowError?.userId === user.id && <ErrorLine error={rowError.message} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ErrorLine error={error} />
      </section>
      <CreateUser onCreated={() => void reload()} />
      <ConfirmDialog
        open={toggling !== undefined}
        title={`${toggling?.disabled ? 'Enable' : 'Disable'} ${toggling?.username ?? ''}?`}
        confirm={toggling?.disabled ? 'Enable account' : 'Disable account'}
        onConfirm={() => {
          const user = toggling;
          setToggling(undefined);
          if (user) void update(user, { disabled: !user.disabled });
        }}
        onClose={() => setToggling(undefined)}
      >
        <p>
          {toggling?.disabled
            ? 'They can sign in again with their password.'
            : 'They are signed out everywhere at once and cannot sign in. Their scores and audit trail stay.'}
        </p>
      </ConfirmDialog>
    </>
  );
}

function RoleEditor({
  user,
  onSave,
  onCancel,
}: {
  user: AdminUserView;
  onSave(roles: RoleName[]): void;
  onCancel(): void;
}) {
  const [roles, setRoles] = useState<RoleName[]>(user.roles);
  return (
    <div className="admin-role-editor">
      <RolePicker legend={`Roles of ${user.username}`} roles={roles} onChange={setRoles} />
      <button type="button" className="primary" onClick={() => onSave(roles)}>
        Save roles
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

function CreateUser({ onCreated }: { onCreated(): void }) {
  const id = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<RoleName[]>(['assessor']);
  const [error, setError] = useState<string>();
  const [created, setCreated] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const user = await bridge['admin.createUser']({ username: username.trim(), password, roles });
      setError(undefined);
      setCreated(`Created ${user.username} (${user.roles.join(', ')}).`);
      setUsername('');
      setPassword('');
      onCreated();
    } catch (failure) {
      setCreated(undefined);
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="hub-card">
      <form className="admin-form" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)}>
        <h3 id={`${id}-title`}>New account</h3>
        <div className="admin-row">
          <div className="admin-field">
            <label htmlFor={`${id}-username`}>Username</label>
            <input
              id={`${id}-username`}
              value={username}
              autoComplete="off"
              onChange={(e) => setUsername(e.target.value)}
              aria-describedby={`${id}-username-help`}
            />
            <p id={`${id}-username-help`} className="muted small">
              Lowercase letters, digits, dots, dashes or underscores.
            </p>
          </div>
          <div className="admin-field">
            <label htmlFor={`${id}-password`}>Password</label>
            <input
              id={`${id}-password`}
              type="password"
              value={password}
              autoComplete="new-password"
              onChange={(e) => setPassword(e.target.value)}
              aria-describedby={`${id}-password-help`}
            />
            <p id={`${id}-password-help`} className="muted small">
              At least 10 characters.
            </p>
          </div>
        </div>
        <RolePicker legend="Roles" roles={roles} onChange={setRoles} />
        <ErrorLine error={error} />
        <div className="admin-actions">
          <button type="submit" className="primary" disabled={busy}>
            Create account
          </button>
        </div>
        <p role="status" className="muted">
          {created}
        </p>
      </form>
    </section>
  );
}
