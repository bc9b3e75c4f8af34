import { useMemo, type ReactNode } from 'react';
import { FINDING_STATUSES } from '../../../../shared/contract/findings.js';
import { RELEASE_STATUSES, type ReleaseStatusReport } from '../../../../shared/contract/review.js';
import type { ChartOption } from '../../components/Chart.js';
import { Chart } from '../../components/LazyChart.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { percent } from './dashboard-format.js';

/** Severity colours, the same as the pills' (app.css). */
export const SEVERITY_COLOURS = { critical: '#7a1212', high: '#d92d20', medium: '#f79009', low: '#2e90fa', info: '#98a2b3' } as const;

const FINDING_STATUS_COLOURS: Record<string, string> = {
  open: '#d92d20',
  confirmed: '#f04438',
  reported: '#f79009',
  fixed: '#12b76a',
  closed: '#067647',
  'false-positive': '#98a2b3',
  'risk-accepted': '#7a5af8',
};

const RELEASE_STATUS_COLOURS: Record<string, string> = {
  'not-started': '#d0d5dd',
  'in-review': '#2e90fa',
  'changes-requested': '#d92d20',
  'ready-for-approval': '#f79009',
  approved: '#067647',
  rejected: '#7a1212',
  superseded: '#98a2b3',
};

/** The dashboard's four charts: coverage and active findings per component; findings and releases by state. */
export function DashboardCharts({ components }: { components: readonly ReleaseStatusReport[] }) {
  const { t } = useI18n();
  const names = useMemo(() => components.map((c) => c.component), [components]);
  // Components down the side, so their names stay readable however many there are.
  const categoryAxis = useMemo(() => ({ type: 'category' as const, data: [...names].reverse(), axisLabel: { interval: 0, fontSize: 11, width: 170, overflow: 'truncate' as const } }), [names]);
  const barHeight = Math.max(200, 60 + names.length * 28);
  const reversed = useMemo(() => [...components].reverse(), [components]);
  const nameWidth = Math.min(180, 16 + Math.max(...names.map((n) => n.length)) * 6.5);

  const coverage = useMemo<ChartOption>(
    () =>
      ({
        grid: { left: nameWidth, right: 24, top: 30, bottom: 24 },
        legend: { top: 0 },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        yAxis: categoryAxis,
        xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
        series: [
          { type: 'bar', name: t('dashboard.column.lines'), data: reversed.map((c) => percent(c.coverage.linesReviewed, c.coverage.lines) ?? 0), itemStyle: { color: '#1f5fbf' } },
          { type: 'bar', name: t('dashboard.column.files'), data: reversed.map((c) => percent(c.coverage.filesReviewed, c.coverage.files) ?? 0), itemStyle: { color: '#84adea' } },
        ],
      }) as ChartOption,
    [categoryAxis, nameWidth, reversed, t],
  );

  const bySeverity = useMemo<ChartOption>(
    () =>
      ({
        grid: { left: nameWidth, right: 24, top: 30, bottom: 24 },
        legend: { top: 0 },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        yAxis: categoryAxis,
        xAxis: { type: 'value', minInterval: 1 },
        series: (['critical', 'high', 'medium', 'low'] as const).map((severity) => ({
          type: 'bar',
          stack: 'findings',
          name: t(`findingsView.severity.${severity}`),
          data: reversed.map((c) => c.activeFindings[severity]),
          itemStyle: { color: SEVERITY_COLOURS[severity] },
        })),
      }) as ChartOption,
    [categoryAxis, nameWidth, reversed, t],
  );

  const byState = useMemo<ChartOption>(() => {
    const totals = new Map<string, number>();
    for (const c of components) for (const [status, n] of Object.entries(c.findingsByStatus)) totals.set(status, (totals.get(status) ?? 0) + n);
    const known = FINDING_STATUSES as readonly string[];
    return {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          type: 'pie',
          radius: ['38%', '62%'],
          center: ['50%', '44%'],
          label: { show: true, formatter: '{b}: {c}' },
          data: [...totals]
            .filter(([, n]) => n > 0)
            .map(([status, n]) => ({
              name: known.includes(status) ? t(`findingsView.status.${status as (typeof FINDING_STATUSES)[number]}`) : status,
              value: n,
              itemStyle: { color: FINDING_STATUS_COLOURS[status] ?? '#667085' },
            })),
        },
      ],
    } as ChartOption;
  }, [components, t]);

  const releases = useMemo<ChartOption>(() => {
    const counts = RELEASE_STATUSES.map((status) => ({ status, n: components.filter((c) => c.status === status).length })).filter((s) => s.n > 0);
    return {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          type: 'pie',
          radius: ['38%', '62%'],
          center: ['50%', '44%'],
          label: { show: true, formatter: '{b}: {c}' },
          data: counts.map(({ status, n }) => ({ name: t(`review.status.${status}`), value: n, itemStyle: { color: RELEASE_STATUS_COLOURS[status] } })),
        },
      ],
    } as ChartOption;
  }, [components, t]);

  const anyFindings = components.some((c) => Object.values(c.findingsByStatus).some((n) => n > 0));
  return (
    <div className="dashboard-charts" data-testid="dashboard-charts">
      <ChartCard title={t('dashboard.chart.coverage')}>
        <Chart option={coverage} label={t('dashboard.chart.coverage')} height={barHeight} />
      </ChartCard>
      <ChartCard title={t('dashboard.chart.bySeverity')}>
        <Chart option={bySeverity} label={t('dashboard.chart.bySeverity')} height={barHeight} />
      </ChartCard>
      <ChartCard title={t('dashboard.chart.byState')}>
        {anyFindings ? <Chart option={byState} label={t('dashboard.chart.byState')} height={240} /> : <p className="muted chart-empty">{t('dashboard.chart.noFindings')}</p>}
      </ChartCard>
      <ChartCard title={t('dashboard.chart.releases')}>
        <Chart option={releases} label={t('dashboard.chart.releases')} height={240} />
      </ChartCard>
    </div>
  );
}

function ChartCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="card chart-card">
      <header className="card-header">
        <h3>{title}</h3>
      </header>
      {children}
    </section>
  );
}
