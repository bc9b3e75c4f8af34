import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract/index.js';
import type { WireError } from '../../../shared/errors.js';
import { ApiError } from '../api/client.js';
import { useApi } from './api-context.js';

export interface CallState<T, I = unknown> {
  data: T | null;
  /** The input `data` answers, which lags the current input while a newer request is under way. */
  dataFor: I | null;
  error: WireError | null;
  loading: boolean;
  reload(): void;
}

/**
 * Load one API result for the given input (null input = nothing to load yet). A newer request supersedes
 * an older one, so a slow answer for a previous selection never overwrites the current one.
 */
export function useCall<M extends MethodName>(method: M, input: MethodInput<M> | null): CallState<MethodOutput<M>, MethodInput<M>> {
  const api = useApi();
  const [state, setState] = useState<{ data: MethodOutput<M> | null; dataFor: MethodInput<M> | null; error: WireError | null; loading: boolean }>({ data: null, dataFor: null, error: null, loading: input !== null });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const key = input === null ? null : JSON.stringify(input);

  useEffect(() => {
    if (key === null) {
      setState({ data: null, dataFor: null, error: null, loading: false });
      return;
    }
    const request = ++latest.current;
    const asked = JSON.parse(key) as MethodInput<M>;
    setState((s) => ({ ...s, loading: true }));
    api.call(method, asked).then(
      (data) => request === latest.current && setState({ data, dataFor: asked, error: null, loading: false }),
      (error: unknown) => request === latest.current && setState({ data: null, dataFor: null, error: toWire(error), loading: false }),
    );
  }, [api, method, key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  // Events merged from other workstations can change anything on screen: every loaded result is asked again.
  useEffect(() => api.subscribe((event) => event.type === 'changed' && event.topic === 'ledger' && key !== null && reload()), [api, key, reload]);
  return { ...state, reload };
}

export function toWire(error: unknown): WireError {
  if (error instanceof ApiError) return error.wire;
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error), details: {} };
}
