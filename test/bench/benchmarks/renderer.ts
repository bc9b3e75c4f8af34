import { promises as fs } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { createCoreServices } from '../../../electron/core/services.js';
import { Workspace } from '../../../electron/core/workspace/workspace.js';
import { buildAll } from '../../../scripts/lib/build-steps.mjs';
import { launchChromium } from '../../helpers/browser.js';
import { serveWorkspace, type ServedApp } from '../../helpers/cli-process.js';
import type { BenchContext, Benchmark } from '../bench-types.js';
import { freshPath, WIDE_FILES, wideSource } from '../bench-workspace.js';

/** The renderer is measured on a release of this many files, whatever the shape of the rest of the table. */
const TREE_FILES = WIDE_FILES;
const LOADS = 7;
const SCROLL_FRAMES = 240;
/** A fast fling: 50 rows of 22 px every frame, so every frame builds new rows. */
const SCROLL_STEP_PX = 1100;

interface RendererSetup {
  app: ServedApp;
  browser: Browser;
}

let prepared: Promise<RendererSetup> | null = null;

/** The built app serving a workspace whose one component has a 100k-file release, and a Chromium to read it. */
function rendererSetup(context: BenchContext): Promise<RendererSetup> {
  prepared ??= (async () => {
    await buildAll();
    const source = await wideSource(context);
    const root = freshPath(context, 'renderer');
    const workspace = await Workspace.create(root, 'cli');
    const core = createCoreServices(workspace);
    await core.components.add('wide', `file://${source}`);
    await core.sync.syncComponents(['wide']);
    await workspace.close();
    const app = await serveWorkspace(root);
    const browser = await launchChromium();
    context.onCleanup(async () => {
      await browser.close();
      await app.stop();
    });
    return { app, browser };
  })();
  return prepared;
}

/** Milliseconds since the page's navigation began, at the first animation frame where `selector` exists. */
function shownAt(page: Page, selector: string): Promise<number> {
  return page
    .waitForFunction((s) => (document.querySelector(s) ? performance.now() : false), selector, { polling: 'raf', timeout: 60_000 })
    .then((handle) => handle.jsonValue() as Promise<number>);
}

/**
 * Scroll the tree one step per animation frame and return the time between frames, after 20 frames to warm up. Sent as text: the
 * bench runs under tsx, whose esbuild would wrap a function's inner closures in a helper the page lacks.
 */
function scrollScript(frames: number, step: number): string {
  return `new Promise((resolve) => {
    const viewport = document.querySelector('[data-testid="file-tree"]');
    const durations = [];
    let last = performance.now();
    function tick(now) {
      durations.push(now - last);
      last = now;
      if (durations.length > ${frames} + 20) return resolve(durations.slice(21));
      viewport.scrollTop += ${step};
      requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  })`;
}

/** The time from the first frame showing `from` to the first frame showing `to`, watched on every frame. */
function framesBetweenScript(from: string, to: string): string {
  return `new Promise((resolve) => {
    let fromAt = null;
    function tick(now) {
      if (fromAt === null && document.querySelector(${JSON.stringify(from)})) fromAt = now;
      if (fromAt !== null && document.querySelector(${JSON.stringify(to)})) return resolve(now - fromAt);
      requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  })`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** A fresh browser context per load: nothing cached, the token traded for its cookie as a person's first visit. */
async function coldLoad<T>(setup: RendererSetup, measure: (page: Page) => Promise<T>): Promise<T> {
  const browserContext = await setup.browser.newContext({ viewport: { width: 1500, height: 950 } });
  try {
    const page = await browserContext.newPage();
    await page.goto(setup.app.launchUrl, { waitUntil: 'commit' });
    return await measure(page);
  } finally {
    await browserContext.close();
  }
}

let treeTimes: Promise<{ first: number; again: number }> | null = null;

/**
 * The app opens the first component's default branch by itself: the time from the component list to the
 * tree's first rows. The first load is the first time the core lists that tree; later loads find it kept.
 */
function treeShownTimes(context: BenchContext): Promise<{ first: number; again: number }> {
  treeTimes ??= (async () => {
    const setup = await rendererSetup(context);
    const times: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      times.push(await coldLoad(setup, async (page) => (await page.evaluate(framesBetweenScript('[data-testid="component-wide"]', '[data-testid="tree-row"]'))) as number));
    }
    return { first: times[0]!, again: median(times.slice(1)) };
  })();
  return treeTimes;
}

export const rendererBenchmarks: Benchmark[] = [
  {
    name: 'first paint of the app (component list shown)',
    async run(context) {
      const setup = await rendererSetup(context);
      const times: number[] = [];
      for (let i = 0; i < LOADS; i++) times.push(await coldLoad(setup, (page) => shownAt(page, '[data-testid="component-wide"]')));
      return { name: this.name, oursMs: median(times), baselineName: 'Chromium, cold page', baselineMs: null, goal: { maxMs: 1000 } };
    },
  },
  {
    name: `tree of ${TREE_FILES / 1000}k files shown, first time (after the component list)`,
    async run(context) {
      const times = await treeShownTimes(context);
      return { name: this.name, oursMs: times.first, baselineName: 'Chromium', baselineMs: null, goal: { maxMs: 1500 } };
    },
  },
  {
    name: `tree of ${TREE_FILES / 1000}k files shown again (listing kept by the core)`,
    async run(context) {
      const times = await treeShownTimes(context);
      return { name: this.name, oursMs: times.again, baselineName: 'Chromium', baselineMs: null, goal: { maxMs: 1000 } };
    },
  },
  {
    name: `tree scroll over ${TREE_FILES / 1000}k files (p95 frame)`,
    async run(context) {
      const setup = await rendererSetup(context);
      const p95 = await coldLoad(setup, async (page) => {
        await shownAt(page, '[data-testid="tree-row"]');
        // Every file shown: the filter opens all folders, so the list holds all 100k files and their folders.
        await page.locator('[data-testid="tree-filter"]').fill('file');
        await page.waitForFunction(() => document.querySelector('[data-testid="file-tree"] > div')!.clientHeight > 2_000_000);
        const frames = (await page.evaluate(scrollScript(SCROLL_FRAMES, SCROLL_STEP_PX))) as number[];
        const rowsShown = await page.locator('[data-testid="tree-row"]').count();
        if (rowsShown === 0 || rowsShown > 200) throw new Error(`the tree rendered ${rowsShown} rows; it should render only those in view`);
        const sorted = [...frames].sort((a, b) => a - b);
        return sorted[Math.floor(sorted.length * 0.95)]!;
      });
      return { name: this.name, oursMs: p95, baselineName: 'a 60 Hz frame is 16.7 ms', baselineMs: null, goal: { maxMs: 20 } };
    },
  },
  {
    name: `peak memory (RSS) of the core serving the ${TREE_FILES / 1000}k-file release`,
    async run(context) {
      // The app opened on the release, its whole tree listed, every folder opened by a filter, a file read.
      const setup = await rendererSetup(context);
      const { app } = setup;
      await coldLoad(setup, async (page) => {
        await shownAt(page, '[data-testid="tree-row"]');
        await page.locator('[data-testid="tree-filter"]').fill('file');
        await page.waitForFunction(() => document.querySelector('[data-testid="file-tree"] > div')!.clientHeight > 2_000_000);
        await page.locator('[data-testid="tree-row"]').filter({ hasText: '.go' }).first().click();
        await page.waitForSelector('[data-testid="code-viewer"] .view-lines');
      });
      const peakKiB = Number(/VmHWM:\s+(\d+) kB/.exec(await fs.readFile(`/proc/${app.process.pid}/status`, 'utf8'))?.[1] ?? NaN);
      return { name: this.name, oursMs: peakKiB / 1024, unit: 'MiB', baselineName: 'a budget for a 2-core, 8 GiB workstation', baselineMs: null, goal: { maxMs: 512 } };
    },
  },
];
