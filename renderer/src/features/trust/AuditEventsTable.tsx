import { useI18n } from '../../i18n/i18n-context.js';
import { eventTypeName } from './audit-wording.js';
import { shortHex } from './trust-format.js';
import type { AuditEvent } from './use-audit-events.js';
import { EmptyRow, TableHead } from './TableParts.js';

/** Events newest first: when, who, what (with the facts it was about), the signing key and the chained hash. */
export function AuditEventsTable({ events, empty }: { events: readonly AuditEvent[]; empty: string }) {
  const { t, locale } = useI18n();
  return (
    <table className="data-table trust-table audit-table" data-testid="audit-table">
      <TableHead titles={['#', t('auditView.column.time'), t('auditView.column.person'), t('auditView.column.type'), t('auditView.column.summary'), t('auditView.column.key'), t('auditView.column.hash')]} />
      <tbody>
        {events.length === 0 && empty ? <EmptyRow columns={7} text={empty} /> : null}
        {events.map((e) => (
          <tr key={e.id} data-testid="audit-row" data-type={e.type} data-actor={e.actor}>
            <td className="muted num">{e.seq}</td>
            <td className="nowrap">{new Date(e.at).toLocaleString(locale)}</td>
            <td>{e.actor}</td>
            <td className="nowrap" title={e.type}>
              {eventTypeName(t, e.type)}
            </td>
            <td className="mono small audit-summary">{e.summary}</td>
            <td className="mono key-cell" title={e.keyid ?? undefined}>
              {shortHex(e.keyid)}
            </td>
            <td className="mono key-cell" title={e.hash ?? undefined}>
              {shortHex(e.hash)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
