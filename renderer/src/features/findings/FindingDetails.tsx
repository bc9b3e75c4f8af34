import type { Finding } from '../../../../shared/contract/findings.js';
import type { Place } from '../../app/navigation.js';
import { useCall } from '../../app/use-call.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { FindingActions } from './FindingActions.js';
import { FindingStatusPill, isKnownSeverity, SeverityPill } from './Pills.js';
import { PathText } from './PathText.js';
import { RiskAcceptance } from './RiskAcceptance.js';
import { findingTarget, lineLabel } from './finding-location.js';

interface FindingDetailsProps {
  id: string;
  component: string;
  /** The release being read: locations are placed on its lines, and a fix is offered against it. */
  commit: string | null;
  onOpen(target: Partial<Place>): void;
  /** A mutation went through: the list reloads too. */
  onChanged(): void;
}

/** One finding: what, where (followed into the release being read), how bad, its workflow and history. */
export function FindingDetails({ id, component, commit, onOpen, onChanged }: FindingDetailsProps) {
  const { t, locale } = useI18n();
  const finding = useCall('finding.get', commit ? { id, ref: commit } : { id });
  const changed = () => {
    finding.reload();
    onChanged();
  };
  if (finding.error) return <ErrorNotice error={finding.error} />;
  const f = finding.data;
  if (!f || f.id !== id) return <div className="placeholder muted">{t('common.loading')}</div>;
  return (
    <article className="finding-details" data-testid="finding-details" data-number={f.number}>
      <header className="finding-details-head">
        <h3>
          <span className="finding-number">F-{f.number}</span> <span className="finding-title">{f.title}</span>
        </h3>
        <div className="pill-row">
          <SeverityPill severity={f.severity} />
          <FindingStatusPill status={f.status} />
          {!f.stillReported ? <span className="pill warn">{t('findingsView.noLongerReported')}</span> : null}
        </div>
      </header>
      <dl className="facts finding-facts">
        <dt>{t('findingsView.detail.source')}</dt>
        <dd>{f.source === 'manual' ? t('findingsView.detail.manual') : f.ruleId ? `${f.source} · ${f.ruleId}` : f.source}</dd>
        <dt>{t('findingsView.detail.found')}</dt>
        <dd>{t('findingsView.detail.foundIn', { commit: f.commit.slice(0, 12), person: f.createdBy, at: new Date(f.createdAt).toLocaleString(locale) })}</dd>
        {f.fixedIn ? (
          <>
            <dt>{t('findingsView.detail.fixedIn')}</dt>
            <dd className="mono">{f.fixedIn.slice(0, 12)}</dd>
          </>
        ) : null}
        <dt>CWE</dt>
        <dd data-testid="finding-cwe-detail">{f.cwe ? `CWE-${f.cwe.id}${f.cwe.name ? ` · ${f.cwe.name}` : ''}` : '—'}</dd>
        <dt>CVSS</dt>
        <dd data-testid="finding-cvss-detail">
          {f.cvss ? (
            <>
              <strong>{f.cvss.score.toFixed(1)}</strong> {isKnownSeverity(f.cvss.severity) ? <SeverityPill severity={f.cvss.severity} /> : f.cvss.severity}{' '}
              <span className="mono small">{f.cvss.vector}</span>
            </>
          ) : (
            '—'
          )}
        </dd>
      </dl>
      {f.description ? <div className="finding-description">{f.description}</div> : <p className="muted small">{t('findingsView.detail.noDescription')}</p>}
      <h4>{t('findingsView.detail.locations', { count: f.locations.length })}</h4>
      <ul className="finding-locations">
        {f.locations.map((location, i) => (
          <Location key={i} location={location} onOpen={onOpen} />
        ))}
      </ul>
      <RiskAcceptance finding={f} onChanged={changed} />
      <FindingActions finding={f} component={component} commit={commit} onChanged={changed} />
      <History finding={f} />
    </article>
  );
}

function Location({ location, onOpen }: { location: Finding['locations'][number]; onOpen(target: Partial<Place>): void }) {
  const { t } = useI18n();
  const { anchor, placement } = location;
  const target = findingTarget(location);
  const moved = placement && placement.status !== 'exact' && placement.status !== 'outdated';
  return (
    <li className="finding-location" data-testid="finding-location">
      <div className="location-head">
        <button type="button" className="link-button mono" onClick={() => onOpen(target)}>
          <PathText path={target.path} suffix={`:${lineLabel(target)}`} />
        </button>
        {placement ? <span className={`pill anchor-${placement.status}`}>{t(`anchor.status.${placement.status}`)}</span> : null}
      </div>
      {moved ? (
        <p className="muted small">{t('findingsView.detail.wasAt', { path: anchor.path, startLine: anchor.startLine, endLine: anchor.endLine, commit: anchor.commit.slice(0, 12) })}</p>
      ) : null}
      {placement?.status === 'outdated' ? (
        <>
          <p className="warn-text small">{t('anchor.outdatedHint', { path: anchor.path, startLine: anchor.startLine, endLine: anchor.endLine })}</p>
          <pre className="anchor-lines" data-testid="anchor-lines">
            {anchor.lines.join('\n')}
          </pre>
        </>
      ) : null}
    </li>
  );
}

function History({ finding }: { finding: Finding }) {
  const { t, locale } = useI18n();
  const label = (status: string) => (isStatusKey(status) ? t(`findingsView.status.${status}`) : status);
  return (
    <section className="finding-history">
      <h4>{t('findingsView.detail.history')}</h4>
      <ol data-testid="finding-history">
        {finding.history.map((h, i) => (
          <li key={i}>
            <span className="muted small">{new Date(h.at).toLocaleString(locale)}</span> <strong>{h.actor}</strong>{' '}
            {h.from === null ? t('findingsView.history.created', { status: label(h.to) }) : t('findingsView.history.moved', { from: label(h.from), to: label(h.to) })}
            {h.comment ? <div className="history-comment">{h.comment}</div> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

const STATUS_KEYS = ['open', 'confirmed', 'reported', 'fixed', 'closed', 'false-positive', 'risk-accepted', 'false-positive-proposed'] as const;
function isStatusKey(status: string): status is (typeof STATUS_KEYS)[number] {
  return (STATUS_KEYS as readonly string[]).includes(status);
}
