import path from 'node:path';
import { createCoreServices, type CoreServices } from '../../electron/core/services.js';
import { Workspace } from '../../electron/core/workspace/workspace.js';
import type { BenchContext } from './bench-types.js';
import { generateSyntheticRepository } from './synthetic-repository.js';

let counter = 0;
const BENCH_PASSPHRASE = 'bench passphrase';

/** A new folder under the bench scratch space. */
export function freshPath(context: BenchContext, label: string): string {
  return path.join(context.scratch, `${label}-${counter++}`);
}

export interface MirroredWorkspace {
  workspace: Workspace;
  core: CoreServices;
  gitDir: string;
  commit: string;
  tree: string;
}

let mirrored: Promise<MirroredWorkspace> | null = null;

/**
 * A workspace with the generated source registered as `vendor` and mirrored, whose roster holds an admin (the
 * trust root) and `bench`, who holds every signing role: every recorded change is signed.
 */
export async function trustedMirror(context: BenchContext, label: string, source = context.source): Promise<MirroredWorkspace> {
  const workspace = await Workspace.create(freshPath(context, label), 'cli');
  const core = createCoreServices(workspace, { actor: 'bench', passphrases: async () => BENCH_PASSPHRASE });
  await core.identities.create('bench-admin', BENCH_PASSPHRASE);
  await core.roster.init('bench-admin');
  await core.identities.create('bench', BENCH_PASSPHRASE);
  await core.roster.add('bench-admin', 'bench', ['reviewer', 'security', 'approver'], undefined);
  await core.components.add('vendor', `file://${source}`);
  await core.sync.syncComponents(['vendor']);
  const release = await core.releases.resolve('vendor', 'main');
  // Its object readers and timers would keep the process alive after the table is written.
  context.onCleanup(() => workspace.close());
  return { workspace, core, gitDir: release.gitDir, commit: release.commit, tree: release.tree };
}

/** One such workspace shared by the reading and review benchmarks. */
export function mirroredWorkspace(context: BenchContext): Promise<MirroredWorkspace> {
  mirrored ??= trustedMirror(context, 'reading');
  return mirrored;
}

/** Files of the wide repository (the renderer's tree and the release gate at the size). */
export const WIDE_FILES = 100_000;
let wide: Promise<string> | null = null;

/** A 100k-file repository of one commit, generated once per run. */
export function wideSource(context: BenchContext): Promise<string> {
  wide ??= (async () => {
    const source = freshPath(context, 'wide.git');
    process.stderr.write(`  generating a ${WIDE_FILES}-file repository …\n`);
    await generateSyntheticRepository(source, { files: WIDE_FILES, commits: 1, refs: 1, seed: 100_000 });
    return source;
  })();
  return wide;
}
