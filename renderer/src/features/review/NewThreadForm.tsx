import { useState } from 'react';
import type { Thread } from '../../../../shared/contract/review.js';
import type { WireError } from '../../../../shared/errors.js';
import { useApi } from '../../app/api-context.js';
import { toWire } from '../../app/use-call.js';
import { FormActions } from '../../components/FormActions.js';
import { useI18n } from '../../i18n/i18n-context.js';

interface NewThreadFormProps {
  component: string;
  commit: string;
  path: string;
  startLine: number;
  endLine: number;
  onDone(thread: Thread | null): void;
}

/** A new thread on the selected lines; Markdown allowed, shown as text and structure only. */
export function NewThreadForm({ component, commit, path, startLine, endLine, onDone }: NewThreadFormProps) {
  const api = useApi();
  const { t } = useI18n();
  const [body, setBody] = useState('');
  const [error, setError] = useState<WireError | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="new-thread"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        api.call('thread.open', { component, ref: commit, path, startLine, endLine, body }).then(
          (thread) => onDone(thread),
          (err: unknown) => {
            setError(toWire(err));
            setBusy(false);
          },
        );
      }}
    >
      <div className="muted small">{t('thread.newOn', { path, start: startLine, end: endLine })}</div>
      <textarea autoFocus value={body} onChange={(e) => setBody(e.target.value)} rows={4} placeholder={t('thread.bodyPlaceholder')} data-testid="new-thread-body" />
      <FormActions error={error} submitLabel={t('thread.start')} submitDisabled={busy || body.trim() === ''} submitTestId="new-thread-submit" onDismiss={() => onDone(null)} />
    </form>
  );
}
