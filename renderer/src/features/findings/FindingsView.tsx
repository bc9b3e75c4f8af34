import { useMemo, useState } from 'react';
import { FINDING_STATUSES, SEVERITIES, type Finding, type FindingStatus, type Severity } from '../../../../shared/contract/findings.js';
import type { Place } from '../../app/navigation.js';
import { useCall } from '../../app/use-call.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { FindingDetails } from './FindingDetails.js';
import { FindingForm } from './FindingForm.js';
import { findingTarget, lineLabel } from './finding-location.js';
import { PathText } from './PathText.js';
import { FindingStatusPill, SeverityPill } from './Pills.js';
import { SarifExport, SarifImport } from './SarifPanel.js';

export interface FindingsViewProps {
  /** The component and release being read (findings are placed on its lines). */
  component: string | null;
  commit: string | null;
  /** Open a file at lines in the Code view. */
  onOpen(target: Partial<Place>): void;
}

/** Findings of the component: list with filters, details, workflow, risk acceptance, SARIF import/export. */
export function FindingsView({ component, commit, onOpen }: FindingsViewProps) {
  const { t } = useI18n();
  if (!component) return <div className="placeholder muted">{t('components.choose')}</div>;
  return <ComponentFindings key={component} component={component} commit={commit} onOpen={onOpen} />;
}

type Panel = 'add' | 'import' | 'export';

function ComponentFindings({ component, commit, onOpen }: FindingsViewProps & { component: string }) {
  const { t } = useI18n();
  const [statuses, setStatuses] = useState<FindingStatus[]>([]);
  const [severity, setSeverity] = useState<Severity | ''>('');
  const [onlyReported, setOnlyReported] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [panel, setPanel] = useState<Panel | null>(null);
  const list = useCall('finding.list', {
    component,
    ...(commit ? { ref: commit } : {}),
    ...(statuses.length > 0 ? { status: statuses } : {}),
    ...(severity ? { severity: [severity] } : {}),
  });
  const findings = useMemo(() => (list.data?.findings ?? []).filter((f) => !onlyReported || f.stillReported), [list.data, onlyReported]);
  const filtered = statuses.length > 0 || severity !== '' || onlyReported;
  const toggleStatus = (status: FindingStatus) => setStatuses((s) => (s.includes(status) ? s.filter((x) => x !== status) : [...s, status]));
  const togglePanel = (next: Panel) => setPanel((p) => (p === next ? null : next));

  return (
    <div className="findings-view" data-testid="findings-view">
      <div className="findings-toolbar">
        <h2>{t('findingsView.heading', { component })}</h2>
        <span className="muted">{commit ? t('findingsView.placedOn', { commit: commit.slice(0, 12) }) : t('findingsView.noRelease')}</span>
        <span className="spacer" />
        <button type="button" className={panel === 'add' ? 'active' : ''} onClick={() => togglePanel('add')} disabled={!commit} data-testid="finding-add">
          {t('findingsView.add.open')}
        </button>
        <button type="button" className={panel === 'import' ? 'active' : ''} onClick={() => togglePanel('import')} disabled={!commit} data-testid="sarif-import-open">
          {t('findingsView.sarif.importOpen')}
        </button>
        <button type="button" className={panel === 'export' ? 'active' : ''} onClick={() => togglePanel('export')} disabled={!commit} data-testid="sarif-export-open">
          {t('findingsView.sarif.exportOpen')}
        </button>
      </div>
      {panel !== null && commit ? (
        <div className="findings-panel">
          {panel === 'add' ? (
            <FindingForm
              component={component}
              commit={commit}
              onDone={(finding) => {
                setPanel(null);
                if (finding) {
                  list.reload();
                  setSelected(finding.id);
                }
              }}
            />
          ) : null}
          {panel === 'import' ? <SarifImport component={component} commit={commit} onImported={list.reload} /> : null}
          {panel === 'export' ? <SarifExport component={component} commit={commit} /> : null}
        </div>
      ) : null}
      <div className="findings-filters" data-testid="findings-filters">
        <fieldset className="status-filter">
          <legend>{t('findingsView.filter.status')}</legend>
          {FINDING_STATUSES.map((status) => (
            <label key={status} className={`chip${statuses.includes(status) ? ' on' : ''}`}>
              <input type="checkbox" checked={statuses.includes(status)} onChange={() => toggleStatus(status)} data-testid={`filter-status-${status}`} />
              {t(`findingsView.status.${status}`)}
            </label>
          ))}
        </fieldset>
        <label className="inline-label">
          <span>{t('findingsView.filter.severity')}</span>
          <select value={severity} onChange={(e) => setSeverity(e.target.value as Severity | '')} data-testid="filter-severity">
            <option value="">{t('findingsView.filter.anySeverity')}</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`findingsView.severity.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="toggle" title={t('findingsView.filter.onlyReportedHint')}>
          <input type="checkbox" checked={onlyReported} onChange={(e) => setOnlyReported(e.target.checked)} data-testid="filter-still-reported" />
          {t('findingsView.filter.onlyReported')}
        </label>
        <span className="muted findings-count" data-testid="findings-count">
          {list.data ? t('findingsView.count', { count: findings.length }) : t('common.loading')}
        </span>
      </div>
      {list.error ? <ErrorNotice error={list.error} /> : null}
      <div className={`findings-body${selected ? ' with-details' : ''}`}>
        <div className="findings-table-wrap">
          <FindingsTable findings={findings} selected={selected} onSelect={setSelected} onOpen={onOpen} empty={list.data ? t(filtered ? 'findingsView.emptyFiltered' : 'findingsView.empty') : ''} />
        </div>
        {selected ? (
          <aside className="findings-details-pane">
            <button type="button" className="link-button close-details" onClick={() => setSelected(null)} aria-label={t('findingsView.detail.close')}>
              ✕
            </button>
            <FindingDetails id={selected} component={component} commit={commit} onOpen={onOpen} onChanged={list.reload} />
          </aside>
        ) : null}
      </div>
    </div>
  );
}

interface FindingsTableProps {
  findings: readonly Finding[];
  selected: string | null;
  onSelect(id: string): void;
  onOpen(target: Partial<Place>): void;
  empty: string;
}

function FindingsTable({ findings, selected, onSelect, onOpen, empty }: FindingsTableProps) {
  const { t } = useI18n();
  return (
    <table className="data-table findings-table" data-testid="findings-table">
      <thead>
        <tr>
          <th>#</th>
          <th>{t('findingsView.column.severity')}</th>
          <th>{t('findingsView.column.status')}</th>
          <th>CWE</th>
          <th>CVSS</th>
          <th>{t('findingsView.column.location')}</th>
          <th>{t('findingsView.column.title')}</th>
        </tr>
      </thead>
      <tbody>
        {findings.length === 0 && empty ? (
          <tr className="empty-row">
            <td colSpan={7} className="muted">
              {empty}
            </td>
          </tr>
        ) : null}
        {findings.map((f) => {
          const first = f.locations[0];
          const target = first ? findingTarget(first) : null;
          return (
            <tr key={f.id} className={f.id === selected ? 'selected' : ''} onClick={() => onSelect(f.id)} data-testid="finding-row" data-number={f.number} aria-selected={f.id === selected}>
              <td className="nowrap">
                <button type="button" className="link-button finding-number" onClick={() => onSelect(f.id)}>
                  F-{f.number}
                </button>
              </td>
              <td>
                <SeverityPill severity={f.severity} />
              </td>
              <td className="nowrap">
                <FindingStatusPill status={f.status} />
                {f.risk?.state === 'requested' && !f.risk.expired ? <span className="pill warn" title={t('findingsView.riskPendingHint', { person: f.risk.requestedBy })}>⏳</span> : null}
                {!f.stillReported ? <span className="pill" title={t('findingsView.noLongerReported')}>∅</span> : null}
              </td>
              <td className="cwe-cell">
                {f.cwe ? (
                  <>
                    <span className="nowrap">CWE-{f.cwe.id}</span>
                    {f.cwe.name ? <span className="cwe-name" title={f.cwe.name}>{f.cwe.name}</span> : null}
                  </>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td className="nowrap">{f.cvss ? f.cvss.score.toFixed(1) : <span className="muted">—</span>}</td>
              <td className="location-cell">
                {target ? (
                  <button
                    type="button"
                    className="link-button mono"
                    title={first?.placement ? t(`anchor.status.${first.placement.status}`) : undefined}
                    onClick={(e) => {
                      e.stopPropagation();
                      onOpen({ ...target });
                    }}
                    data-testid="finding-location-open"
                  >
                    <PathText path={target.path} suffix={`:${lineLabel(target)}`} />
                  </button>
                ) : null}
                {first?.placement && first.placement.status !== 'exact' ? <span className={`pill anchor-${first.placement.status}`}>{t(`anchor.status.${first.placement.status}`)}</span> : null}
              </td>
              <td className="title-cell">{f.title}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
