import { useId } from 'react';
import { Role } from '../../../shared/contract/hub-session';

export const ROLES = Role.options;
export type RoleName = (typeof ROLES)[number];

/** Every role as a checkbox in one named group (create and change alike). */
export function RolePicker({
  legend,
  roles,
  onChange,
}: {
  legend: string;
  roles: readonly RoleName[];
  onChange(roles: RoleName[]): void;
}) {
  const id = useId();
  return (
    <fieldset className="admin-fieldset admin-roles">
      <legend>{legend}</legend>
      {ROLES.map((role) => (
        <span key={role} className="admin-check">
          <input
            id={`${id}-${role}`}
            type="checkbox"
            checked={roles.includes(role)}
            onChange={(e) => onChange(e.target.checked ? [...roles, role] : roles.filter((r) => r !== role))}
          />
          <label htmlFor={`${id}-${role}`}>{role}</label>
        </span>
      ))}
    </fieldset>
  );
}
