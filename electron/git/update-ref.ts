import { runGit } from './runner.js';

export type RefUpdate =
  | { kind: 'create'; refname: string; newTarget: string }
  | { kind: 'update'; refname: string; newTarget: string; oldTarget: string }
  | { kind: 'delete'; refname: string; oldTarget: string };

/**
 * Apply all ref changes in one `git update-ref --stdin` transaction: either every ref moves (each checked
 * against the value we expect it to have) or none does.
 */
export async function applyRefTransaction(gitDir: string, updates: readonly RefUpdate[], message: string): Promise<void> {
  if (updates.length === 0) return;
  // In -z mode every argument ends with NUL, so ref names need no quoting.
  const commands = ['start\u0000'];
  for (const u of updates) {
    if (u.kind === 'create') commands.push(`create ${u.refname}\u0000${u.newTarget}\u0000`);
    else if (u.kind === 'update') commands.push(`update ${u.refname}\u0000${u.newTarget}\u0000${u.oldTarget}\u0000`);
    else commands.push(`delete ${u.refname}\u0000${u.oldTarget}\u0000`);
  }
  commands.push('prepare\u0000', 'commit\u0000');
  await runGit(['update-ref', '--create-reflog', '-m', message, '--stdin', '-z'], {
    gitDir,
    input: Buffer.from(commands.join('')),
  });
}
