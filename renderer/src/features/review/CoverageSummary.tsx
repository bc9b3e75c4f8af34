import type { CoverageTotals, ReleaseCoverage } from '../../../../shared/contract/review.js';
import { useI18n } from '../../i18n/i18n-context.js';

/** The share of lines reviewed, in tenths of a percent, rounded down (never 100% before the last line). */
export function linePercent(totals: CoverageTotals): number {
  return totals.lines === 0 ? 0 : Math.floor((1000 * totals.linesReviewed) / totals.lines) / 10;
}

/** How much of the release has been read against the chosen criterion, and how much is left. */
export function CoverageSummary({ coverage }: { coverage: ReleaseCoverage }) {
  const { t, locale } = useI18n();
  const c = coverage.criteria.find((x) => x.criterion === coverage.criterion);
  if (!c) return null;
  const percent = linePercent(c.combined);
  return (
    <div className="coverage-summary" data-testid="coverage-summary" title={c.byPerson.map((p) => `${p.person}: ${p.totals.linesReviewed.toLocaleString(locale)}`).join('\n')}>
      <div className="coverage-bar" aria-hidden="true">
        <span style={{ width: `${percent}%` }} />
      </div>
      <span>
        {t('review.coverageLine', {
          percent: percent.toLocaleString(locale),
          files: c.combined.filesReviewed,
          total: c.combined.files,
          backlog: c.backlogLines,
        })}
      </span>
      {c.carriedFiles > 0 ? <span className="muted small">{t('review.carried', { count: c.carriedFiles })}</span> : null}
    </div>
  );
}
