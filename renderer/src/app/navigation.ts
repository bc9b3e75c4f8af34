import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { formatLocation, parseLocation } from '../../../shared/domain/code-location.js';
import { percentDecodePath, percentEncodePath } from '../../../shared/domain/path-bytes.js';

/** Where the reader is: a component, a release (ref name or commit), a file and a line range. */
export interface Place {
  component: string | null;
  ref: string | null;
  path: string | null;
  startLine: number | null;
  endLine: number | null;
}

export const NOWHERE: Place = { component: null, ref: null, path: null, startLine: null, endLine: null };
const HASH_PREFIX = '#/open/';

/** The text of a deep link: `component@commit:path#L10-L20`, or null when the place is not a file. */
export function placeLocation(place: Place, commit: string | null): string | null {
  if (!place.component || !place.path || !commit) return null;
  return formatLocation({ component: place.component, commit, path: place.path, startLine: place.startLine, endLine: place.endLine });
}

/** The URL that opens a place: web mode's address or Electron's app:// one, the same renderer either way. */
export function placeUrl(location: string): string {
  return `${window.location.origin}${window.location.pathname}${HASH_PREFIX}${percentEncodePath(location)}`;
}

function placeFromHash(hash: string): Place | null {
  if (!hash.startsWith(HASH_PREFIX)) return null;
  const text = percentDecodePath(hash.slice(HASH_PREFIX.length));
  const location = text === null ? null : parseLocation(text);
  return location ? { component: location.component, ref: location.commit, path: location.path, startLine: location.startLine, endLine: location.endLine } : null;
}

const samePlace = (a: Place, b: Place) => a.component === b.component && a.ref === b.ref && a.path === b.path;

/**
 * Back and forward through what was opened (as in a browser or VS Code). Moving the selection within a
 * file replaces the current entry; opening another file or release adds one. A link in the address bar,
 * pasted or clicked, opens its place.
 */
export function useNavigator() {
  const [state, setState] = useState<{ entries: Place[]; index: number }>(() => ({ entries: [placeFromHash(window.location.hash) ?? NOWHERE], index: 0 }));
  const current = state.entries[state.index] ?? NOWHERE;
  const currentRef = useRef(current);
  currentRef.current = current;

  const go = useCallback((place: Partial<Place>, options: { replace?: boolean; onlyIf?: (from: Place) => boolean } = {}) => {
    setState((s) => {
      const from = s.entries[s.index] ?? NOWHERE;
      if (options.onlyIf && !options.onlyIf(from)) return s;
      const next: Place = { ...from, ...place };
      if (options.replace || samePlace(from, next)) {
        const entries = [...s.entries];
        entries[s.index] = next;
        return { entries, index: s.index };
      }
      return { entries: [...s.entries.slice(0, s.index + 1), next].slice(-200), index: Math.min(s.index + 1, 199) };
    });
  }, []);
  const back = useCallback(() => setState((s) => ({ ...s, index: Math.max(0, s.index - 1) })), []);
  const forward = useCallback(() => setState((s) => ({ ...s, index: Math.min(s.entries.length - 1, s.index + 1) })), []);

  useEffect(() => {
    const onHash = () => {
      const place = placeFromHash(window.location.hash);
      if (place && !(samePlace(place, currentRef.current) && place.startLine === currentRef.current.startLine)) go(place);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [go]);

  return useMemo(
    () => ({ place: current, go, back, forward, canBack: state.index > 0, canForward: state.index < state.entries.length - 1 }),
    [current, go, back, forward, state.index, state.entries.length],
  );
}

export type Navigator = ReturnType<typeof useNavigator>;

/** Keep the address bar on the current place (without adding browser history entries). */
export function useAddressBar(location: string | null | undefined): void {
  useEffect(() => {
    // Undefined: the release is still resolving; the address keeps what it says until it has (a deep link
    // opened by a fresh page must not be cleared, nor given the previous release's commit).
    if (location === undefined) return;
    const hash = location ? `${HASH_PREFIX}${percentEncodePath(location)}` : '';
    if (window.location.hash !== hash) window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash}`);
  }, [location]);
}
