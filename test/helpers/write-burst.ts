// Run as a child process by test/integration/write-crash.test.ts: opens a workspace and records signed
// events as fast as it can, printing each event's id once its transaction has committed ("acknowledged"),
// until it is killed.
import { createCoreServices } from '../../electron/core/services.js';
import { Workspace } from '../../electron/core/workspace/workspace.js';

const [workspaceDir, threadId, passphrase] = process.argv.slice(2);
const workspace = await Workspace.open(workspaceDir!, { face: 'cli', write: true });
const core = createCoreServices(workspace, { actor: 'Rita', passphrases: async () => passphrase! });
for (let i = 0; ; i++) {
  // Bursts: several events per transaction, then single ones.
  const size = 1 + (i % 5);
  const recorded = await workspace.db.transaction(async (tx) => {
    const ids: string[] = [];
    for (let k = 0; k < size; k++) ids.push((await core.ledger.append(tx, 'Rita', 'thread.replied', { threadId, commentId: crypto.randomUUID(), body: `burst ${i}.${k}` })).id);
    return ids;
  });
  process.stdout.write(`${recorded.join('\n')}\n`);
}
