import type * as EChartsModule from 'echarts/core';
import type { Severity } from '../../../shared/contract/findings.js';

type EChartsCore = typeof EChartsModule;

let loaded: Promise<EChartsCore> | null = null;

/**
 * ECharts in its server-side SVG mode: a chart becomes an SVG string, so the report needs no script. Loaded
 * on first use, so the rest of the core never waits for (or depends on) the chart library.
 */
function echarts(): Promise<EChartsCore> {
  loaded ??= (async () => {
    const [core, charts, components, renderers] = await Promise.all([import('echarts/core'), import('echarts/charts'), import('echarts/components'), import('echarts/renderers')]);
    core.use([charts.BarChart, charts.ScatterChart, components.GridComponent, components.LegendComponent, renderers.SVGRenderer]);
    return core;
  })();
  return loaded;
}

const FONT = { fontFamily: 'DejaVu Sans, Liberation Sans, Arial, sans-serif', fontSize: 11, color: '#333' };

async function renderSvg(width: number, height: number, option: Record<string, unknown>): Promise<string> {
  const core = await echarts();
  const chart = core.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: FONT, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export interface FindingsChartInput {
  severities: ReadonlyArray<{ severity: Severity; label: string; open: number; accepted: number; resolved: number }>;
  labels: { open: string; accepted: string; resolved: string };
}

/** Findings per severity, stacked: still open, risk accepted, and resolved (fixed, closed, false positive). */
export function findingsChartSvg(input: FindingsChartInput): Promise<string> {
  const series = (name: string, color: string, values: number[]) => ({ type: 'bar', stack: 'findings', name, data: values, itemStyle: { color }, barMaxWidth: 42, emphasis: { disabled: true } });
  return renderSvg(640, 290, {
    legend: { bottom: 0, itemWidth: 12, itemHeight: 12, itemGap: 18, textStyle: FONT },
    grid: { left: 44, right: 16, top: 12, bottom: 86 },
    // Every severity is labelled, even when the library thinks a long translated label might crowd its neighbour.
    xAxis: { type: 'category', data: input.severities.map((s) => s.label), axisTick: { show: false }, axisLabel: { ...FONT, interval: 0 } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: FONT, splitLine: { lineStyle: { color: '#e3e3e3' } } },
    series: [
      series(input.labels.open, '#b03a2e', input.severities.map((s) => s.open)),
      series(input.labels.accepted, '#d9a21b', input.severities.map((s) => s.accepted)),
      series(input.labels.resolved, '#8fa89a', input.severities.map((s) => s.resolved)),
    ],
  });
}

export interface CoverageChartInput {
  criteria: ReadonlyArray<{ criterion: string; percent: number; required: number | null }>;
  labels: { reviewed: string; required: string };
}

/** Share of lines reviewed per criterion, with the policy's minimum marked on each bar. */
export function coverageChartSvg(input: CoverageChartInput): Promise<string> {
  const names = input.criteria.map((c) => c.criterion);
  return renderSvg(640, 76 + 34 * Math.max(1, names.length), {
    legend: { bottom: 0, itemWidth: 12, itemHeight: 12, itemGap: 18, textStyle: FONT },
    grid: { left: 130, right: 24, top: 8, bottom: 56 },
    xAxis: { type: 'value', min: 0, max: 100, interval: 20, axisLabel: { ...FONT, formatter: '{value}%' }, splitLine: { lineStyle: { color: '#e3e3e3' } } },
    yAxis: { type: 'category', data: names, inverse: true, axisTick: { show: false }, axisLabel: { ...FONT, interval: 0, width: 120, overflow: 'truncate' } },
    series: [
      { type: 'bar', name: input.labels.reviewed, data: input.criteria.map((c) => c.percent), itemStyle: { color: '#2f5d8a' }, barMaxWidth: 18, emphasis: { disabled: true } },
      {
        type: 'scatter',
        name: input.labels.required,
        data: input.criteria.filter((c) => c.required !== null).map((c) => [c.required, c.criterion]),
        symbol: 'rect',
        symbolSize: [3, 24],
        itemStyle: { color: '#1a1a1a' },
        emphasis: { disabled: true },
      },
    ],
  });
}
