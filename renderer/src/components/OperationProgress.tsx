import type { ProgressEvent } from '../../../shared/contract/events.js';
import { progressPercent } from '../app/use-operation.js';
import { useI18n } from '../i18n/i18n-context.js';

interface OperationProgressProps {
  /** What is running, worded by the caller ("Pulling from shared"). */
  label: string;
  /** The phase as people read it, when the operation has said which. */
  phase: string | null;
  progress: ProgressEvent | null;
  cancelling: boolean;
  onCancel(): void;
  testId: string;
  cancelTestId: string;
}

/** A long operation under way: what it is doing, a bar (indeterminate until a total is known) and Cancel. */
export function OperationProgress({ label, phase, progress, cancelling, onCancel, testId, cancelTestId }: OperationProgressProps) {
  const { t } = useI18n();
  const percent = progressPercent(progress);
  return (
    <div className="operation-progress" role="status" data-testid={testId}>
      <span>
        {label}
        {phase ? <span className="muted"> · {phase}</span> : null}
      </span>
      <progress max={100} value={percent ?? undefined} aria-label={label} />
      <span className="muted small operation-percent">{percent === null ? '' : `${percent}%`}</span>
      <button type="button" onClick={onCancel} disabled={cancelling} data-testid={cancelTestId}>
        {cancelling ? t('common.cancelling') : t('common.cancel')}
      </button>
    </div>
  );
}
