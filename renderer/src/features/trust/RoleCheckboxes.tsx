import { ROLES, type Role } from '../../../../shared/domain/roles.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { roleName } from './gate-wording.js';

/** The roster's roles as checkboxes (chips), in their fixed order. */
export function RoleCheckboxes({ value, onChange, testId }: { value: readonly Role[]; onChange(roles: Role[]): void; testId: string }) {
  const { t } = useI18n();
  const toggle = (role: Role) => onChange(ROLES.filter((r) => (r === role ? !value.includes(r) : value.includes(r))));
  return (
    <fieldset className="status-filter role-checkboxes" data-testid={testId}>
      {ROLES.map((role) => (
        <label key={role} className={`chip${value.includes(role) ? ' on' : ''}`}>
          <input type="checkbox" checked={value.includes(role)} onChange={() => toggle(role)} data-role={role} />
          {roleName(t, role)}
        </label>
      ))}
    </fieldset>
  );
}

/** Roles as pills. */
export function RolePills({ roles }: { roles: readonly string[] }) {
  const { t } = useI18n();
  return (
    <span className="role-pills">
      {roles.map((role) => (
        <span key={role} className="pill role-pill">
          {roleName(t, role)}
        </span>
      ))}
    </span>
  );
}
