import { useCallback, useState } from 'react';
import type { AuditReport } from '../../../../shared/contract/trust.js';
import { useOperation } from '../../app/use-operation.js';

/** `audit.verify` as a cancellable operation whose progress events are followed, then its report. */
export function useAuditVerify() {
  const operation = useOperation();
  const [report, setReport] = useState<AuditReport | null>(null);
  const { start: startOperation } = operation;

  const start = useCallback(() => {
    setReport(null);
    void startOperation('audit.verify', {}, null).then((result) => result && setReport(result));
  }, [startOperation]);

  return { running: operation.running, report, error: operation.error, start, cancel: operation.cancel };
}
