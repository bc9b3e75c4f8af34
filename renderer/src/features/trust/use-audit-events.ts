import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodOutput } from '../../../../shared/contract/index.js';
import type { EventType } from '../../../../shared/domain/events.js';
import type { WireError } from '../../../../shared/errors.js';
import { useApi } from '../../app/api-context.js';
import { toWire } from '../../app/use-call.js';

export type AuditEvent = MethodOutput<'audit.events'>['events'][number];
export interface AuditFilter {
  type: EventType | null;
  actor: string | null;
}

const PAGE = 50;

/** The log newest first, a page at a time (each page starts before the oldest event shown), filtered by type and person. */
export function useAuditEvents(filter: AuditFilter) {
  const api = useApi();
  const [state, setState] = useState<{ events: AuditEvent[]; total: number | null; more: boolean; loading: boolean; error: WireError | null }>({ events: [], total: null, more: false, loading: true, error: null });
  const latest = useRef(0);
  const { type, actor } = filter;

  const load = useCallback(
    async (before: number | null) => {
      const request = ++latest.current;
      setState((s) => ({ ...s, loading: true, error: null }));
      try {
        const page = await api.call('audit.events', { limit: PAGE, ...(before === null ? {} : { before }), ...(type ? { type } : {}), ...(actor ? { actor } : {}) });
        if (request !== latest.current) return;
        setState((s) => ({ events: before === null ? page.events : [...s.events, ...page.events], total: page.total, more: page.events.length === PAGE, loading: false, error: null }));
      } catch (failure) {
        if (request === latest.current) setState((s) => ({ ...s, loading: false, error: toWire(failure) }));
      }
    },
    [api, type, actor],
  );
  useEffect(() => void load(null), [load]);

  const oldest = state.events.at(-1)?.seq ?? null;
  return { ...state, loadMore: () => void load(oldest), reload: () => void load(null) };
}
