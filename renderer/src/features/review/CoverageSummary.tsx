import type { ReleaseCoverage } from '../../../../shared/contract/review.js';
import { useI18n } from '../../i18n/i18n-context.js';

/** How much of the release has been read against the default criterion, and how much is left. */
export function CoverageSummary({ coverage }: { coverage: ReleaseCoverage }) {
  const { t, locale } = useI18n();
  const c = coverage.criteria.find((x) => x.criterion === coverage.criterion);
  if (!c) return null;
  const percent = c.combined.lines === 0 ? 0 : Math.floor((1000 * c.combined.linesReviewed) / c.combined.lines) / 10;
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
