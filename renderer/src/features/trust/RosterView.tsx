import { useApi } from '../../app/api-context.js';
import { setPerson } from '../../app/person.js';
import { useCall } from '../../app/use-call.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { AddPersonForm } from './AddPersonForm.js';
import { LocalKeysCard } from './LocalKeysCard.js';
import { NewKeyForm } from './NewKeyForm.js';
import { PeopleCard } from './PeopleCard.js';
import { PolicyEditor } from './PolicyEditor.js';
import './trust.css';

/** People, their roles and keys, and each component's release policy; the first admin on a new workspace. */
export function RosterView({ components, component }: { components: readonly string[]; component: string | null }) {
  const { t } = useI18n();
  const identities = useCall('identity.list', {});
  const roster = useCall('roster.list', {});
  const reload = () => {
    identities.reload();
    roster.reload();
  };
  const error = identities.error ?? roster.error;
  return (
    <div className="trust-page" data-testid="roster-view">
      <div className="findings-toolbar">
        <h2>{t('rosterView.heading')}</h2>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      {!identities.data || !roster.data ? (
        error ? null : <div className="placeholder muted">{t('common.loading')}</div>
      ) : identities.data.rosterEmpty ? (
        <FirstAdmin />
      ) : (
        <div className="trust-grid">
          <div className="trust-column">
            <PeopleCard people={roster.data.people} trustRoot={roster.data.trustRoot} onChanged={reload} />
            <AddPersonForm onAdded={reload} />
          </div>
          <div className="trust-column">
            <LocalKeysCard identities={identities.data.identities} onChanged={reload} />
            <PolicyEditor components={components} initial={component} />
          </div>
        </div>
      )}
    </div>
  );
}

/** A workspace with an empty roster: the first admin's key becomes its trust root; the window then acts as them. */
function FirstAdmin() {
  const { t } = useI18n();
  const api = useApi();
  const init = async (name: string, passphrase: string) => {
    const admin = await api.call('roster.init', { name, passphrase });
    setPerson(admin.name);
    window.location.reload();
  };
  return (
    <section className="card first-run" data-testid="first-run">
      <header className="card-header">
        <h3>{t('rosterView.firstRun.title')}</h3>
      </header>
      <p>{t('rosterView.firstRun.hint')}</p>
      <NewKeyForm submitLabel={t('rosterView.firstRun.title')} testId="first-admin" onSubmit={init} />
    </section>
  );
}
