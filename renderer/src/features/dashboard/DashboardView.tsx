import type { CoverageTotals, ReleaseStatus } from '../../../../shared/contract/review.js';
import { useCall } from '../../app/use-call.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { DashboardCharts } from './DashboardCharts.js';
import { percent, shortRef } from './dashboard-format.js';

export interface DashboardViewProps {
  /** Show one component (switches to its Code view). */
  onOpenComponent(component: string): void;
  /** Open the release gate of a component at the release shown. */
  onOpenGate(component: string, commit: string): void;
}

const STATUS_TONE: Record<ReleaseStatus, string> = {
  'not-started': '',
  'in-review': 'info',
  'changes-requested': 'danger',
  'ready-for-approval': 'warn',
  approved: 'ok',
  rejected: 'danger',
  superseded: '',
};

/** Every component at its newest pinned release: status, coverage, findings — a table and charts. */
export function DashboardView({ onOpenComponent, onOpenGate }: DashboardViewProps) {
  const { t } = useI18n();
  const dashboard = useCall('review.dashboard', {});
  const data = dashboard.data;
  return (
    <div className="dashboard-view" data-testid="dashboard-view">
      <div className="findings-toolbar">
        <h2>{t('dashboard.heading')}</h2>
        <span className="muted">{t('dashboard.subheading')}</span>
        <span className="spacer" />
        <button type="button" onClick={dashboard.reload} disabled={dashboard.loading} data-testid="dashboard-reload">
          {t('dashboard.reload')}
        </button>
      </div>
      {dashboard.error ? <ErrorNotice error={dashboard.error} /> : null}
      {!data ? (
        dashboard.error ? null : <div className="placeholder muted">{t('common.loading')}</div>
      ) : (
        <>
          <section className="card dashboard-card">
            <table className="data-table dashboard-table" data-testid="dashboard-table">
              <thead>
                <tr>
                  <th>{t('dashboard.column.component')}</th>
                  <th>{t('dashboard.column.release')}</th>
                  <th>{t('dashboard.column.status')}</th>
                  <th className="num">{t('dashboard.column.lines')}</th>
                  <th className="num">{t('dashboard.column.files')}</th>
                  <th className="num" title={t('findingsView.severity.critical')}>
                    C
                  </th>
                  <th className="num" title={t('findingsView.severity.high')}>
                    H
                  </th>
                  <th className="num" title={t('findingsView.severity.medium')}>
                    M
                  </th>
                  <th className="num" title={t('findingsView.severity.low')}>
                    L
                  </th>
                  <th className="num">{t('dashboard.column.threads')}</th>
                  <th className="num">{t('dashboard.column.risks')}</th>
                </tr>
              </thead>
              <tbody>
                {data.components.length === 0 ? (
                  <tr className="empty-row">
                    <td colSpan={11} className="muted">
                      {t('dashboard.empty')}
                    </td>
                  </tr>
                ) : null}
                {data.components.map((c) => (
                  <tr key={c.component} data-testid="dashboard-row" data-component={c.component}>
                    <td>
                      <button type="button" className="link-button component-link" onClick={() => onOpenComponent(c.component)}>
                        {c.component}
                      </button>
                    </td>
                    <td className="nowrap">
                      <span className="mono" title={c.commit}>
                        {shortRef(c.ref)}
                      </span>
                      <button type="button" className="link-button gate-link" title={t('gateView.openHint', { component: c.component, release: shortRef(c.ref) })} onClick={() => onOpenGate(c.component, c.commit)} data-testid="dashboard-gate">
                        {t('gateView.open')}
                      </button>
                    </td>
                    <td>
                      <span className={`pill release-status ${STATUS_TONE[c.status]}`} data-status={c.status}>
                        {t(`review.status.${c.status}`)}
                      </span>
                    </td>
                    <CoverageCell totals={c.coverage} kind="lines" />
                    <CoverageCell totals={c.coverage} kind="files" />
                    <CountCell value={c.activeFindings.critical} tone="severity-critical" />
                    <CountCell value={c.activeFindings.high} tone="severity-high" />
                    <CountCell value={c.activeFindings.medium} tone="severity-medium" />
                    <CountCell value={c.activeFindings.low} tone="severity-low" />
                    <CountCell value={c.openThreads} tone="" />
                    <CountCell value={c.pendingRisks} tone="warn" />
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {data.unreviewable.length > 0 ? (
            <section className="card unreviewable" data-testid="dashboard-unreviewable">
              <header className="card-header">
                <h3>{t('dashboard.unreviewable', { count: data.unreviewable.length })}</h3>
              </header>
              <ul>
                {data.unreviewable.map((u) => (
                  <li key={u.component}>
                    <button type="button" className="link-button component-link" onClick={() => onOpenComponent(u.component)}>
                      {u.component}
                    </button>{' '}
                    <span className="muted">{u.reason}</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {data.components.length > 0 ? <DashboardCharts components={data.components} /> : null}
        </>
      )}
    </div>
  );
}

function CoverageCell({ totals, kind }: { totals: CoverageTotals; kind: 'lines' | 'files' }) {
  const { t, locale } = useI18n();
  const [done, total] = kind === 'lines' ? [totals.linesReviewed, totals.lines] : [totals.filesReviewed, totals.files];
  const value = percent(done, total);
  return (
    <td className="num nowrap" title={t(kind === 'lines' ? 'dashboard.linesOf' : 'dashboard.filesOf', { done: done.toLocaleString(locale), total: total.toLocaleString(locale) })}>
      {value === null ? '—' : `${value.toLocaleString(locale)} %`}
      <span className="coverage-bar" aria-hidden="true">
        <span style={{ width: `${value ?? 0}%` }} />
      </span>
    </td>
  );
}

function CountCell({ value, tone }: { value: number; tone: string }) {
  return <td className={`num count-cell${value > 0 && tone ? ` ${tone}` : ''}${value === 0 ? ' zero' : ''}`}>{value}</td>;
}
