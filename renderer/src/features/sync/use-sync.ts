import { useCallback, useEffect, useRef, useState } from 'react';
import type { ComponentSyncResult } from '../../../../shared/contract/components.js';
import type { ProgressEvent } from '../../../../shared/contract/events.js';
import type { WireError } from '../../../../shared/errors.js';
import { useApi } from '../../app/api-context.js';
import { toWire } from '../../app/use-call.js';

export interface ActiveSync {
  operationId: string;
  components: readonly string[] | null;
  progress: ProgressEvent | null;
  cancelling: boolean;
}

/** Runs a sync as a cancellable operation and follows its progress events. */
export function useSync(onFinished: () => void) {
  const api = useApi();
  const [active, setActive] = useState<ActiveSync | null>(null);
  const [results, setResults] = useState<ComponentSyncResult[] | null>(null);
  const [error, setError] = useState<WireError | null>(null);
  const current = useRef<string | null>(null);

  useEffect(
    () =>
      api.subscribe((event) => {
        if (event.type === 'progress' && event.operationId === current.current) {
          setActive((a) => (a && a.operationId === event.operationId ? { ...a, progress: event } : a));
        }
      }),
    [api],
  );

  const start = useCallback(
    (components: readonly string[] | null) => {
      if (current.current) return;
      const operationId = crypto.randomUUID().replaceAll('-', '');
      current.current = operationId;
      setError(null);
      setActive({ operationId, components, progress: null, cancelling: false });
      api
        .call('sync.run', components ? { components: [...components], operationId } : { operationId })
        .then((result) => setResults(result.components), (e: unknown) => setError(toWire(e)))
        .finally(() => {
          current.current = null;
          setActive(null);
          onFinished();
        });
    },
    [api, onFinished],
  );

  const cancel = useCallback(() => {
    const operationId = current.current;
    if (!operationId) return;
    setActive((a) => (a ? { ...a, cancelling: true } : a));
    void api.call('operation.cancel', { operationId });
  }, [api]);

  return { active, results, error, start, cancel, dismiss: () => { setResults(null); setError(null); } };
}
