import type { WireError } from '../../../shared/errors.js';
import { useI18n } from '../i18n/i18n-context.js';
import { ErrorNotice } from './ErrorNotice.js';

interface FormActionsProps {
  /** The last failure of the form's call, shown above its buttons. */
  error: WireError | null;
  submitLabel: string;
  submitDisabled: boolean;
  submitTestId: string;
  onDismiss(): void;
}

/** The foot of a small form: its error, if any, the submit button and a link to dismiss it. */
export function FormActions({ error, submitLabel, submitDisabled, submitTestId, onDismiss }: FormActionsProps) {
  const { t } = useI18n();
  return (
    <>
      {error ? <ErrorNotice error={error} /> : null}
      <div className="form-actions">
        <button type="submit" disabled={submitDisabled} data-testid={submitTestId}>
          {submitLabel}
        </button>
        <button type="button" className="link-button" onClick={onDismiss}>
          {t('common.dismiss')}
        </button>
      </div>
    </>
  );
}
