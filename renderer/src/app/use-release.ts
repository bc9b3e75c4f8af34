import { useEffect } from 'react';
import type { Navigator } from './navigation.js';
import { useCall } from './use-call.js';

/**
 * The release being read: its refs (pinned first), its file list and the commit it resolved to. With no
 * release chosen yet, the newest pinned release is opened (what reviewers approve), else the default branch.
 */
export function useRelease(navigator: Navigator) {
  const { place, go } = navigator;
  const listed = useCall('release.list', place.component ? { component: place.component } : null);
  // Never the previous component's list, kept while this one's loads: its refs and commits mean nothing here.
  const releases = listed.dataFor?.component === place.component ? listed : { ...listed, data: null };
  useEffect(() => {
    const data = releases.data;
    if (!data || place.ref !== null) return;
    const preferred = data.pinned[0]?.commit ?? data.releases.find((r) => r.refname === data.defaultRef)?.refname ?? data.releases[0]?.refname ?? null;
    // Only if nobody chose a release meanwhile (a pick made before this effect ran must stand).
    if (preferred) go({ ref: preferred }, { replace: true, onlyIf: (from) => from.component === place.component && from.ref === null });
  }, [releases.data, place.component, place.ref, go]);
  const tree = useCall('tree.list', place.component && place.ref ? { component: place.component, ref: place.ref } : null);
  // While another component's tree is still on screen its commit means nothing here (asking with it gives NOT_FOUND).
  return { releases, tree, commit: tree.dataFor?.component === place.component ? (tree.data?.commit ?? null) : null };
}

export type Release = ReturnType<typeof useRelease>;
