import { useMemo } from 'react';
import type { ReleaseInventory } from '../../../../shared/contract/deposits.js';
import type { ChartOption } from '../../components/Chart.js';
import { Chart } from '../../components/LazyChart.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { visibleText } from '../../../../shared/domain/visible-text.js';

/** What a release contains, for judging whether a domestic operator can build and maintain it. */
export function InventoryCard({ release, inventory }: { release: string; inventory: ReleaseInventory }) {
  const { t, locale } = useI18n();
  const languages = useMemo<ChartOption>(() => {
    const top = inventory.languages.slice(0, 10).reverse();
    return {
      grid: { left: 90, right: 24, top: 8, bottom: 24 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: top.map((l) => l.language) },
      tooltip: { trigger: 'axis' },
      series: [{ type: 'bar', name: t('deposit.lines'), data: top.map((l) => l.lines), itemStyle: { color: '#1f5fbf' } }],
    } as ChartOption;
  }, [inventory, t]);
  const reviewable = useMemo<ChartOption>(
    () =>
      ({
        tooltip: { trigger: 'item' },
        legend: { bottom: 0 },
        series: [
          {
            type: 'pie',
            radius: ['40%', '65%'],
            label: { show: false },
            data: [
              { name: t('deposit.sourceFiles'), value: inventory.files - inventory.binaryFiles.length - inventory.symlinks, itemStyle: { color: '#067647' } },
              { name: t('deposit.binaryFiles'), value: inventory.binaryFiles.length, itemStyle: { color: '#b42318' } },
              { name: t('deposit.symlinks'), value: inventory.symlinks, itemStyle: { color: '#98a2b3' } },
            ],
          },
        ],
      }) as ChartOption,
    [inventory, t],
  );
  const number = (n: number) => n.toLocaleString(locale);
  return (
    <section className="card inventory" data-testid="inventory-card">
      <header className="card-header">
        <h3>{t('deposit.inventory', { release })}</h3>
      </header>
      <p data-testid="inventory-totals">{t('cli.inventory.totals', { files: number(inventory.files), bytes: number(inventory.bytes), lines: number(inventory.lines) })}</p>
      <div className="chart-row">
        <Chart option={languages} label={t('deposit.languagesChart')} />
        <Chart option={reviewable} label={t('deposit.reviewableChart')} height={200} />
      </div>
      <List title={t('inventory.buildFiles')} items={inventory.buildFiles.map((b) => `${b.path} · ${b.system}`)} />
      <List title={t('inventory.licences')} items={inventory.licenceFiles} empty={t('deposit.noLicence')} />
      <List title={t('inventory.vendored')} items={inventory.vendoredFolders.map((v) => `${v.path} · ${number(v.files)} · ${number(v.bytes)} B`)} />
      <List title={t('inventory.binaries')} items={inventory.binaryFiles.map((b) => `${b.path} · ${number(b.size)} B`)} warn />
      <List title={t('inventory.large')} items={inventory.largeFiles.map((b) => `${b.path} · ${number(b.size)} B`)} warn />
      <List title={t('inventory.lfs')} items={inventory.lfsPointers.map((p) => `${p.path} · ${number(p.size)} B`)} warn />
      <List
        title={t('inventory.submodules')}
        items={inventory.submodules.map((s) => `${s.path} → ${s.url ?? '?'} @ ${s.commit.slice(0, 12)} · ${s.deposited ? t('inventory.deposited', { component: s.component ?? '' }) : t('inventory.notDeposited')}`)}
        warn={inventory.submodules.some((s) => !s.deposited)}
      />
    </section>
  );
}

function List({ title, items, empty, warn }: { title: string; items: readonly string[]; empty?: string; warn?: boolean }) {
  if (items.length === 0 && !empty) return null;
  return (
    <div className={`inventory-list${warn && items.length > 0 ? ' warn' : ''}${empty && items.length === 0 ? ' missing' : ''}`}>
      <h4>
        {title} <span className="muted">({items.length})</span>
      </h4>
      {items.length === 0 ? <p className="danger-text small">{empty}</p> : null}
      <ul>
        {items.slice(0, 200).map((item) => (
          <li key={item} className="mono small">
            {visibleText(item)}
          </li>
        ))}
      </ul>
    </div>
  );
}
