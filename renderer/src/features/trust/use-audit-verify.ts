import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProgressEvent } from '../../../../shared/contract/events.js';
import type { AuditReport } from '../../../../shared/contract/trust.js';
import type { WireError } from '../../../../shared/errors.js';
import { useApi } from '../../app/api-context.js';
import { toWire } from '../../app/use-call.js';

/** `audit.verify` as a cancellable operation whose progress events are followed, then its report. */
export function useAuditVerify() {
  const api = useApi();
  const [running, setRunning] = useState<{ progress: ProgressEvent | null; cancelling: boolean } | null>(null);
  const [outcome, setOutcome] = useState<{ report: AuditReport | null; error: WireError | null }>({ report: null, error: null });
  const operation = useRef<string | null>(null);

  useEffect(
    () =>
      api.subscribe((event) => {
        if (event.type === 'progress' && event.operationId === operation.current) setRunning((r) => r && { ...r, progress: event });
      }),
    [api],
  );

  const start = useCallback(() => {
    if (operation.current) return;
    const operationId = crypto.randomUUID();
    operation.current = operationId;
    setRunning({ progress: null, cancelling: false });
    setOutcome({ report: null, error: null });
    api.call('audit.verify', { operationId }).then(
      (report) => setOutcome({ report, error: null }),
      (failure: unknown) => setOutcome({ report: null, error: toWire(failure) }),
    ).finally(() => {
      operation.current = null;
      setRunning(null);
    });
  }, [api]);

  const cancel = useCallback(() => {
    if (!operation.current) return;
    setRunning((r) => r && { ...r, cancelling: true });
    void api.call('operation.cancel', { operationId: operation.current });
  }, [api]);

  return { running, ...outcome, start, cancel };
}
