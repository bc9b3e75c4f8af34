import { useState } from 'react';
import type { LocalIdentityWire } from '../../../../shared/contract/trust.js';
import { useApi } from '../../app/api-context.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { NewKeyForm } from './NewKeyForm.js';
import { RolePills } from './RoleCheckboxes.js';
import { shortHex } from './trust-format.js';
import { useAction } from '../../app/use-action.js';
import { TableHead } from './TableParts.js';

/**
 * The people whose private keys are on this machine, and making one's own: the public part goes to an
 * admin, who adds it to the roster; the private key never leaves this machine.
 */
export function LocalKeysCard({ identities, onChanged }: { identities: readonly LocalIdentityWire[]; onChanged(): void }) {
  const { t } = useI18n();
  const api = useApi();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<LocalIdentityWire | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const copy = useAction();

  const create = async (name: string, passphrase: string) => {
    setCreated(await api.call('identity.create', { name, passphrase }));
    setCreating(false);
    onChanged();
  };
  const copyKey = (identity: LocalIdentityWire) =>
    void copy.run(async () => {
      await navigator.clipboard.writeText(identity.publicKey);
      setCopied(identity.keyid);
    });

  return (
    <section className="card" data-testid="local-keys">
      <header className="card-header">
        <h3>{t('rosterView.keys.title')}</h3>
        <button type="button" className={creating ? 'active' : ''} onClick={() => setCreating((c) => !c)} data-testid="key-create-open">
          {t('rosterView.keys.create')}
        </button>
      </header>
      {creating ? <NewKeyForm submitLabel={t('rosterView.keys.create')} testId="key-create" onSubmit={create} /> : null}
      {created ? (
        <div className="created-key" data-testid="key-created">
          <p className="ok-text small">{t('rosterView.keys.created', { name: created.name })}</p>
          <code className="public-key">{created.publicKey}</code>
        </div>
      ) : null}
      {identities.length === 0 ? <p className="muted">{t('rosterView.keys.none')}</p> : null}
      {identities.length > 0 ? (
        <table className="data-table trust-table" data-testid="local-keys-table">
          <TableHead titles={[t('rosterView.column.name'), t('rosterView.column.key'), t('rosterView.column.roles'), t('rosterView.column.state'), '']} />
          <tbody>
            {identities.map((i) => (
              <tr key={i.keyid} data-testid="local-key-row" data-name={i.name}>
                <td>{i.name}</td>
                <td className="mono key-cell" title={i.keyid}>
                  {shortHex(i.keyid)}
                </td>
                <td>{i.roles ? <RolePills roles={i.roles} /> : <span className="muted">{t('person.notInRoster')}</span>}</td>
                <td>
                  <span className={`pill ${i.unlocked ? 'ok' : ''}`}>{t(i.unlocked ? 'rosterView.keys.unlocked' : 'rosterView.keys.locked')}</span>
                  {i.revoked ? <span className="pill danger">{t('rosterView.revoked')}</span> : null}
                </td>
                <td>
                  <button type="button" onClick={() => copyKey(i)} title={i.publicKey} data-testid="key-copy">
                    {copied === i.keyid ? t('rosterView.keys.copied') : t('rosterView.keys.copy')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {copy.error ? <ErrorNotice error={copy.error} onDismiss={copy.dismiss} /> : null}
    </section>
  );
}
