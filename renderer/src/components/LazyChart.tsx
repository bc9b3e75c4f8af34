import { lazy, Suspense, type ComponentProps } from 'react';
import type { Chart as ChartComponent } from './Chart.js';

/** ECharts loads only when a chart is first shown, not with the app's first screen. */
const LoadedChart = lazy(() => import('./Chart.js').then((module) => ({ default: module.Chart })));

export function Chart(props: ComponentProps<typeof ChartComponent>) {
  return (
    <Suspense fallback={<div style={{ height: props.height ?? 220 }} aria-busy="true" />}>
      <LoadedChart {...props} />
    </Suspense>
  );
}
