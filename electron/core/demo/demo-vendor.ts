import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { runGit } from '../../git/runner.js';
import { loadDemoPlatform } from './platform-loader.js';
import { MAIN_BRANCH, planComponent, type ComponentPlan } from './history-planner.js';
import { fastImportStream } from './fast-import-stream.js';

/**
 * The bundled demo escrow: a small, realistic vendor platform (resources/demo/) turned into one bare git
 * repository per component. Histories are written with `git fast-import` from fixed identities, dates and
 * modes, so every machine and every run produces the same commit and tag ids.
 */
export interface DemoVendorRepository {
  name: string;
  description: string;
  /** Absolute path of the bare repository. */
  path: string;
}

export async function buildDemoVendorRepositories(resourcesDemoDir: string, destDir: string): Promise<DemoVendorRepository[]> {
  const platform = await loadDemoPlatform(resourcesDemoDir);
  // Plan everything first: a mistake in platform.json fails before anything is written.
  const plans: ComponentPlan[] = [];
  for (const component of platform.components) plans.push(await planComponent(component));

  const target = path.resolve(destDir);
  await ensureEmptyFolder(target);

  const created: string[] = [];
  try {
    const repositories: DemoVendorRepository[] = [];
    for (const plan of plans) {
      const gitDir = path.join(target, `${plan.component.name}.git`);
      created.push(gitDir);
      await writeRepository(plan, gitDir);
      repositories.push({ name: plan.component.name, description: plan.component.description, path: gitDir });
    }
    return repositories;
  } catch (error) {
    await Promise.all(created.map((dir) => rm(dir, { recursive: true, force: true })));
    throw error;
  }
}

async function writeRepository(plan: ComponentPlan, gitDir: string): Promise<void> {
  await runGit(['init', '--bare', '--quiet', `--initial-branch=${MAIN_BRANCH}`, gitDir]);
  await runGit(['fast-import', '--quiet', '--done'], { gitDir, input: fastImportStream(plan) });
  await runGit(['symbolic-ref', 'HEAD', `refs/heads/${MAIN_BRANCH}`], { gitDir });
}

async function ensureEmptyFolder(dir: string): Promise<void> {
  const entries = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  if (entries.length > 0) {
    throw new Error(`Refusing to build the demo escrow into ${dir}: the folder is not empty (${entries.length} entries)`);
  }
  await mkdir(dir, { recursive: true });
}
