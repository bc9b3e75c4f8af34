import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract/index.js';
import type { ProgressEvent } from '../../../shared/contract/events.js';
import type { WireError } from '../../../shared/errors.js';
import { useApi } from './api-context.js';
import { toWire } from './use-call.js';

/** A long call under way: what it is (for the caller to word), its latest progress, and whether cancel was asked. */
export interface RunningOperation<What> {
  what: What;
  progress: ProgressEvent | null;
  cancelling: boolean;
}

/** The methods that take an operationId: the long ones, which report progress and can be cancelled. */
type LongMethod = { [M in MethodName]: 'operationId' extends keyof MethodInput<M> ? M : never }[MethodName];

/**
 * One long method at a time (`long: true` in the contract) as a cancellable operation: its progress events are
 * followed, cancel goes through `operation.cancel`, and a failure is kept whole so the core's wording is shown.
 * `start` gives the result, or undefined when the call failed or another one is still running.
 */
export function useOperation<What = null>() {
  const api = useApi();
  const [running, setRunning] = useState<RunningOperation<What> | null>(null);
  const [error, setError] = useState<WireError | null>(null);
  const current = useRef<string | null>(null);

  useEffect(
    () =>
      api.subscribe((event) => {
        if (event.type === 'progress' && event.operationId === current.current) setRunning((r) => r && { ...r, progress: event });
      }),
    [api],
  );

  const start = useCallback(
    async <M extends LongMethod>(method: M, input: Omit<MethodInput<M>, 'operationId'>, what: What): Promise<MethodOutput<M> | undefined> => {
      if (current.current) return undefined;
      const operationId = crypto.randomUUID();
      current.current = operationId;
      setRunning({ what, progress: null, cancelling: false });
      setError(null);
      try {
        return await api.call(method, { ...input, operationId } as MethodInput<M>);
      } catch (failure) {
        setError(toWire(failure));
        return undefined;
      } finally {
        current.current = null;
        setRunning(null);
      }
    },
    [api],
  );

  const cancel = useCallback(() => {
    const operationId = current.current;
    if (!operationId) return;
    setRunning((r) => r && { ...r, cancelling: true });
    void api.call('operation.cancel', { operationId });
  }, [api]);

  const dismiss = useCallback(() => setError(null), []);
  return { running, error, start, cancel, dismiss };
}

/** A progress event's share done, in percent, or null while the total is unknown. */
export function progressPercent(progress: ProgressEvent | null): number | null {
  return progress?.completed != null && progress.total ? Math.round((progress.completed / progress.total) * 100) : null;
}
