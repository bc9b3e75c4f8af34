import { useState } from 'react';
import type { Person } from '../../../../shared/contract/trust.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { PersonChanges } from './PersonChanges.js';
import { RolePills } from './RoleCheckboxes.js';
import { shortHex } from './trust-format.js';
import { TableHead } from './TableParts.js';

/** The roster: everyone whose signature counts (or counted, until revoked), with an admin's changes to it. */
export function PeopleCard({ people, trustRoot, onChanged }: { people: readonly Person[]; trustRoot: string | null; onChanged(): void }) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState<{ name: string; change: 'roles' | 'revoke' } | null>(null);
  const date = (iso: string) => new Date(iso).toLocaleString(locale);
  const toggle = (name: string, change: 'roles' | 'revoke') => setOpen((o) => (o?.name === name && o.change === change ? null : { name, change }));
  return (
    <section className="card" data-testid="people-card">
      <header className="card-header">
        <h3>{t('rosterView.people', { count: people.length })}</h3>
        {trustRoot ? (
          <span className="muted small" title={trustRoot}>
            {t('rosterView.trustRoot', { keyid: shortHex(trustRoot) })}
          </span>
        ) : null}
      </header>
      <table className="data-table trust-table" data-testid="people-table">
        <TableHead titles={[t('rosterView.column.name'), t('rosterView.column.roles'), t('rosterView.column.key'), t('rosterView.column.added'), '']} />
        <tbody>
          {people.map((p) => (
            <PersonRows key={p.keyid} person={p} open={open?.name === p.name ? open.change : null} onToggle={(change) => toggle(p.name, change)} date={date} onChanged={() => { setOpen(null); onChanged(); }} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

interface PersonRowsProps {
  person: Person;
  open: 'roles' | 'revoke' | null;
  onToggle(change: 'roles' | 'revoke'): void;
  date(iso: string): string;
  onChanged(): void;
}

function PersonRows({ person: p, open, onToggle, date, onChanged }: PersonRowsProps) {
  const { t } = useI18n();
  const revoked = p.revokedAt !== null;
  return (
    <>
      <tr className={revoked ? 'revoked-row' : ''} data-testid="person-row" data-name={p.name}>
        <td className="person-cell">
          <strong>{p.name}</strong>
          {revoked ? (
            <div className="danger-text small" data-testid="person-revoked">
              {t('rosterView.revokedBy', { person: p.revokedBy ?? '?', at: date(p.revokedAt ?? ''), reason: p.revokeReason ?? '' })}
            </div>
          ) : null}
        </td>
        <td>
          <RolePills roles={p.roles} />
        </td>
        <td className="mono key-cell" title={p.keyid}>
          {shortHex(p.keyid)}
        </td>
        <td className="small">
          {p.addedBy}
          <div className="muted">{date(p.addedAt)}</div>
        </td>
        <td className="nowrap row-buttons">
          {revoked ? null : (
            <>
              <button type="button" className={open === 'roles' ? 'active' : ''} onClick={() => onToggle('roles')} data-testid="person-roles-open">
                {t('rosterView.changeRoles')}
              </button>
              <button type="button" className={open === 'revoke' ? 'active' : ''} onClick={() => onToggle('revoke')} data-testid="person-revoke-open">
                {t('rosterView.revoke')}
              </button>
            </>
          )}
        </td>
      </tr>
      {open ? (
        <tr className="person-changes-row">
          <td colSpan={5}>
            <PersonChanges person={p} change={open} onDone={onChanged} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
