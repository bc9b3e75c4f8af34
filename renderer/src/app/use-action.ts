import { useCallback, useState } from 'react';
import type { WireError } from '../../../shared/errors.js';
import { toWire } from './use-call.js';

/**
 * One thing a person asks the core to do from a form: busy while it runs, and the core's refusal kept
 * whole so it is shown as the core words it. `run` gives the result, or undefined when the core refused.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<WireError | null>(null);
  const run = useCallback(async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await work();
    } catch (failure) {
      setError(toWire(failure));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const dismiss = useCallback(() => setError(null), []);
  return { busy, error, run, dismiss };
}
