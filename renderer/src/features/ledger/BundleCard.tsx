import { useI18n } from '../../i18n/i18n-context.js';
import { ExportBundleForm } from './ExportBundleForm.js';
import { ImportBundleForm } from './ImportBundleForm.js';

interface BundleCardProps {
  /** A push, pull or import is running. */
  busy: boolean;
  /** True when the import succeeded. */
  onImport(file: string): Promise<boolean>;
  onExported(): void;
}

/**
 * The ledger on removable media, for a workstation no shared folder reaches. Paths are typed, as on the
 * Deposit page: in web mode the core may run on another computer than the browser.
 */
export function BundleCard({ busy, onImport, onExported }: BundleCardProps) {
  const { t } = useI18n();
  return (
    <section className="card" data-testid="ledger-bundles">
      <header className="card-header">
        <h3>{t('ledgerView.bundle.title')}</h3>
      </header>
      <p className="muted small">{t('ledgerView.bundle.hint')}</p>
      <div className="ledger-bundle-forms">
        <ExportBundleForm busy={busy} onExported={onExported} />
        <ImportBundleForm busy={busy} onImport={onImport} />
      </div>
    </section>
  );
}
