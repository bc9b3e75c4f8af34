import type { ReactNode } from 'react';
import type { Release } from '../../app/use-release.js';
import { useCall } from '../../app/use-call.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ReleasePicker } from '../releases/ReleasePicker.js';
import { GateRequirements } from './GateRequirements.js';
import { GateSummary } from './GateSummary.js';
import { ManifestButton } from './ManifestButton.js';
import { ReportButtons } from './ReportButtons.js';
import { SignoffForm } from './SignoffForm.js';
import { SignoffTable } from './SignoffTable.js';
import './trust.css';

export interface GateViewProps {
  component: string | null;
  /** The release chosen (a pinned commit, a tag or a branch), shared with the other views. */
  gateRef: string | null;
  release: Release;
  /** Who this window acts as (the core's answer, not a guess). */
  person: string | null;
  onChooseRelease(ref: string): void;
}

/** One component release's gate: what the policy still needs, who signed, and signing it off. */
export function GateView({ component, gateRef, release, person, onChooseRelease }: GateViewProps) {
  const { t } = useI18n();
  if (!component) return <div className="placeholder muted">{t('components.choose')}</div>;
  const refs = release.releases.data;
  const picker = <ReleasePicker releases={refs?.releases ?? []} pinned={refs?.pinned ?? []} value={gateRef} onChange={onChooseRelease} />;
  return (
    <div className="trust-page" data-testid="gate-view">
      {release.releases.error ? <ErrorNotice error={release.releases.error} /> : null}
      {gateRef ? (
        <ReleaseGate key={`${component}@${gateRef}`} component={component} gateRef={gateRef} person={person} picker={picker} />
      ) : (
        <>
          <GateToolbar component={component} picker={picker} />
          <div className="placeholder muted">{t('gateView.chooseRelease')}</div>
        </>
      )}
    </div>
  );
}

function GateToolbar({ component, picker, children }: { component: string; picker: ReactNode; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="findings-toolbar gate-toolbar">
      <h2>{t('gateView.heading', { component })}</h2>
      <div className="gate-release">{picker}</div>
      <span className="spacer" />
      {children}
    </div>
  );
}

function ReleaseGate({ component, gateRef, person, picker }: { component: string; gateRef: string; person: string | null; picker: ReactNode }) {
  const { t } = useI18n();
  const gate = useCall('gate.evaluate', { component, ref: gateRef });
  const signoffs = useCall('signoff.list', { component, ref: gateRef });
  const reload = () => {
    gate.reload();
    signoffs.reload();
  };
  return (
    <>
      <GateToolbar component={component} picker={picker}>
        <button type="button" onClick={reload} disabled={gate.loading} data-testid="gate-reload">
          {t('gateView.reload')}
        </button>
        {gate.data ? <ManifestButton component={component} gateRef={gateRef} refName={gate.data.ref} /> : null}
        {gate.data ? <ReportButtons component={component} gateRef={gateRef} /> : null}
      </GateToolbar>
      {gate.error ? <ErrorNotice error={gate.error} /> : null}
      {!gate.data ? (
        gate.error ? null : <div className="placeholder muted">{t('common.loading')}</div>
      ) : (
        <div className="gate-grid">
          <div className="trust-column">
            <GateSummary gate={gate.data} />
            <GateRequirements requirements={gate.data.requirements} />
          </div>
          <div className="trust-column">
            <SignoffForm gate={gate.data} signoffs={signoffs.data?.signoffs ?? []} component={component} gateRef={gateRef} person={person} onSigned={reload} />
            <section className="card" data-testid="signoffs-card">
              <header className="card-header">
                <h3>{t('gateView.signoffs')}</h3>
              </header>
              {signoffs.error ? <ErrorNotice error={signoffs.error} /> : null}
              {signoffs.data ? <SignoffTable signoffs={signoffs.data.signoffs} /> : null}
            </section>
          </div>
        </div>
      )}
    </>
  );
}
