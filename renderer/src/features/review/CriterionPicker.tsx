import { useState } from 'react';
import type { Criterion, ReleaseCoverage } from '../../../../shared/contract/review.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { linePercent } from './CoverageSummary.js';
import { CriterionForm } from './CriterionForm.js';
import type { ReviewCriterion } from './use-review-criterion.js';

interface CriterionPickerProps {
  choice: ReviewCriterion;
  /** The release's coverage, for each criterion's share of lines in the list. */
  coverage: ReleaseCoverage | null;
}

/** Which criterion the reader reviews against (marks, coverage and the tree follow it), and defining a new one. */
export function CriterionPicker({ choice, coverage }: CriterionPickerProps) {
  const { t, locale } = useI18n();
  const [defining, setDefining] = useState(false);
  const { component, criteria, criterion } = choice;
  if (!component) return null;
  const chosen = criteria.find((c) => c.name === criterion);
  // The built-in criterion's description comes from the core in English: it is said in the reader's language.
  const about = (c: Criterion) => (c.builtIn ? t('criterion.builtInAbout') : c.description);
  const share = (name: string) => {
    const totals = coverage?.criteria.find((c) => c.criterion === name)?.combined;
    return totals ? ` · ${t('criterion.share', { percent: linePercent(totals).toLocaleString(locale) })}` : '';
  };
  return (
    <div className="criterion-picker" data-testid="criterion-picker">
      <div className="criterion-row">
        <label htmlFor={`criterion-${component}`} className="criterion-label">
          {t('criterion.label')}
        </label>
        <button type="button" className="link-button" aria-expanded={defining} onClick={() => setDefining(!defining)} data-testid="criterion-define">
          {t('criterion.define')}
        </button>
      </div>
      <select id={`criterion-${component}`} value={criterion ?? ''} onChange={(e) => choice.choose(e.target.value)} disabled={criterion === null} data-testid="criterion-select">
        {criteria.map((c) => (
          <option key={c.name} value={c.name} title={about(c)}>
            {`${c.name}${share(c.name)}`}
          </option>
        ))}
      </select>
      {chosen && (about(chosen) || chosen.implies.length > 0) ? (
        <div className="muted small criterion-about" data-testid="criterion-about">
          {about(chosen)}
          {chosen.implies.length > 0 ? <div>{t('criterion.countsFor', { criteria: chosen.implies.join(', ') })}</div> : null}
        </div>
      ) : null}
      {choice.error ? <ErrorNotice error={choice.error} /> : null}
      {defining ? (
        <CriterionForm
          component={component}
          criteria={criteria}
          onDone={(created) => {
            setDefining(false);
            if (created) choice.adopt(created);
          }}
        />
      ) : null}
    </div>
  );
}
