import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchFile, SearchSummary } from '../../../../shared/contract/search.js';
import type { MethodInput } from '../../../../shared/contract/index.js';
import type { WireError } from '../../../../shared/errors.js';
import { useApi } from '../../app/api-context.js';
import { toWire } from '../../app/use-call.js';

export type SearchQueryInput = MethodInput<'search.start'>['query'];

export interface SearchState {
  running: boolean;
  files: SearchFile[];
  totalFiles: number;
  totalMatches: number;
  truncated: boolean;
  summary: SearchSummary | null;
  error: WireError | null;
}

const PAGE = 50;
const EMPTY: SearchState = { running: false, files: [], totalFiles: 0, totalMatches: 0, truncated: false, summary: null, error: null };

/**
 * A search runs as a cancellable operation whose id is also the search id: while it runs, each progress
 * event refreshes the pages already shown, so results stream in; "more" loads the next page.
 */
export function useSearch() {
  const api = useApi();
  const [state, setState] = useState<SearchState>(EMPTY);
  const current = useRef<{ id: string; loaded: number } | null>(null);

  const refresh = useCallback(
    async (id: string) => {
      const wanted = Math.max(PAGE, current.current?.loaded ?? PAGE);
      const page = await api.call('search.results', { searchId: id, offset: 0, limit: Math.min(200, wanted) }).catch(() => null);
      if (!page || current.current?.id !== id) return;
      setState((s) => ({ ...s, files: page.files, totalFiles: page.totalFiles, totalMatches: page.totalMatches, truncated: page.truncated }));
    },
    [api],
  );

  useEffect(
    () =>
      api.subscribe((event) => {
        if (event.type === 'progress' && event.operationId === current.current?.id) void refresh(event.operationId);
      }),
    [api, refresh],
  );

  const start = useCallback(
    (query: SearchQueryInput) => {
      const id = crypto.randomUUID().replaceAll('-', '');
      current.current = { id, loaded: PAGE };
      setState({ ...EMPTY, running: true });
      api.call('search.start', { query, operationId: id }).then(
        async (summary) => {
          if (current.current?.id !== id) return;
          setState((s) => ({ ...s, summary }));
          await refresh(id);
          setState((s) => ({ ...s, running: false }));
        },
        (error: unknown) => current.current?.id === id && setState((s) => ({ ...s, running: false, error: toWire(error) })),
      );
    },
    [api, refresh],
  );

  const cancel = useCallback(() => {
    if (current.current) void api.call('operation.cancel', { operationId: current.current.id });
  }, [api]);

  const more = useCallback(async () => {
    const search = current.current;
    if (!search) return;
    const page = await api.call('search.results', { searchId: search.id, offset: search.loaded, limit: PAGE }).catch((e: unknown) => {
      setState((s) => ({ ...s, error: toWire(e) }));
      return null;
    });
    if (!page || current.current?.id !== search.id) return;
    search.loaded += page.files.length;
    setState((s) => ({ ...s, files: [...s.files, ...page.files] }));
  }, [api]);

  return { state, start, cancel, more };
}
