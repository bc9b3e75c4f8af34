import type { WireError } from '../../../shared/errors.js';
import { useI18n } from '../i18n/i18n-context.js';

/** A failure, in the reader's language, with the stable code people can quote. */
export function ErrorNotice({ error, onDismiss }: { error: WireError; onDismiss?: () => void }) {
  const { t, describeError } = useI18n();
  return (
    <div className="error-notice" role="alert" data-testid="error-notice" data-code={error.code}>
      <span>{describeError(error)}</span>
      <code className="error-code">{error.code}</code>
      {onDismiss ? (
        <button type="button" className="link-button" onClick={onDismiss}>
          {t('common.dismiss')}
        </button>
      ) : null}
    </div>
  );
}
