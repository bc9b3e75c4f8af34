import { useState } from 'react';
import type { Criterion } from '../../../../shared/contract/review.js';
import { useCall } from '../../app/use-call.js';

/** Every component has it; the core counts marks against it unless told otherwise. */
export const BUILT_IN_CRITERION = 'safe-to-deploy';

const storageKey = (component: string) => `escrow-workbench.criterion.${component}`;

function remembered(component: string): string | null {
  try {
    return window.localStorage.getItem(storageKey(component));
  } catch {
    return null;
  }
}

function remember(component: string, criterion: string): void {
  try {
    window.localStorage.setItem(storageKey(component), criterion);
  } catch {
    // Storage may be unavailable (private mode): the choice then lasts for this page only.
  }
}

/**
 * The review criterion chosen for a component (marks are made against it; coverage and the tree show it),
 * remembered per component. Null while a remembered criterion is being checked against the component's list.
 */
export function useReviewCriterion(component: string | null) {
  const list = useCall('criterion.list', component ? { component } : null);
  const [chosen, setChosen] = useState<Readonly<Record<string, string>>>({});
  // Criteria defined in this window, shown at once (the list is loaded again behind them).
  const [defined, setDefined] = useState<ReadonlyArray<{ component: string; criterion: Criterion }>>([]);
  // While another component's list is being replaced, its criteria say nothing about this one's.
  const settled = !list.loading;
  const loaded = list.data?.criteria ?? [];
  const criteria = [...loaded, ...defined.filter((d) => d.component === component && !loaded.some((c) => c.name === d.criterion.name)).map((d) => d.criterion)];
  const wanted = component ? (chosen[component] ?? remembered(component) ?? BUILT_IN_CRITERION) : BUILT_IN_CRITERION;
  // A remembered criterion this component does not have (another workspace's, say) falls back to the built-in one.
  const known = defined.some((d) => d.component === component && d.criterion.name === wanted) || (settled && loaded.some((c) => c.name === wanted));
  const criterion = wanted === BUILT_IN_CRITERION || known ? wanted : settled ? BUILT_IN_CRITERION : null;
  const choose = (name: string) => {
    if (!component) return;
    remember(component, name);
    setChosen((current) => ({ ...current, [component]: name }));
  };
  return {
    component,
    criteria,
    criterion,
    choose,
    /** A criterion just defined: listed and chosen. */
    adopt(created: Criterion) {
      if (!component) return;
      setDefined((current) => [...current, { component, criterion: created }]);
      choose(created.name);
      list.reload();
    },
    error: list.error,
  };
}

export type ReviewCriterion = ReturnType<typeof useReviewCriterion>;
