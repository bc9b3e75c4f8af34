import { BatchingWriter } from '../../db/batching-writer.js';
import type { Writable } from '../../db/connection.js';
import type { LedgerEvent } from './ledger-event.js';
import type { Projector } from './projector.js';

/** Events whose writes go to SQLite as one script. */
const GROUP = 500;

/**
 * Apply events in the order given, as `audit verify` and a merge rebuild the projections: in groups whose
 * writes are sent as one script (a hundred times fewer round trips), each group's script built here while
 * SQLite runs the one before. A group that fails anywhere is rolled back to its savepoint and applied
 * again an event at a time, so each event that cannot be applied is noted as a conflict exactly as it
 * would be without batching.
 */
export async function replayEvents(tx: Writable, projector: Projector, events: readonly LedgerEvent[], onGroup: (done: number) => void = () => undefined): Promise<void> {
  const pipeline = new GroupPipeline(tx, projector);
  for (let start = 0; start < events.length; start += GROUP) {
    await pipeline.add(events.slice(start, start + GROUP));
    onGroup(start + Math.min(GROUP, events.length - start));
  }
  await pipeline.finish();
}

/** Thrown into a group's build when the group before it failed: the build may have read a half-written state. */
class EarlierGroupFailed extends Error {}

const SAVEPOINT = 'SAVEPOINT replay_group';
const RELEASE = 'RELEASE replay_group';

class GroupPipeline {
  /** The group whose script SQLite is running, and whether it ran. */
  private running: { group: readonly LedgerEvent[]; ran: Promise<boolean> } | null = null;

  constructor(
    private readonly tx: Writable,
    private readonly projector: Projector,
  ) {}

  async add(group: readonly LedgerEvent[]): Promise<void> {
    for (;;) {
      const writer = new BatchingWriter(this.tx, { ready: () => this.earlierApplied(), opening: SAVEPOINT });
      try {
        for (const event of group) await this.projector.apply(writer, event);
      } catch (error) {
        if (error instanceof EarlierGroupFailed) {
          await this.repairRunning();
          continue;
        }
        // The group cannot be applied whole: after the one before it, one event at a time.
        if (!(await this.settle())) await this.repairRunning();
        await this.oneByOne(group, writer.hasSent);
        return;
      }
      // The group before failed: this build read nothing (a read would have waited for it and thrown),
      // but it is built again after the repair all the same.
      if (!(await this.settle())) {
        await this.repairRunning();
        continue;
      }
      this.running = { group, ran: writer.sendRest(RELEASE) };
      return;
    }
  }

  async finish(): Promise<void> {
    if (!(await this.settle())) await this.repairRunning();
  }

  /** For a build's reads and sends: the group before has run, or this build must start again. */
  private async earlierApplied(): Promise<void> {
    if (!(await this.settle())) throw new EarlierGroupFailed();
  }

  /** Whether the running group's script ran (then it is done with), waiting for it. */
  private async settle(): Promise<boolean> {
    if (!this.running) return true;
    const ran = await this.running.ran;
    if (ran) this.running = null;
    return ran;
  }

  /** The running group failed: undo what of it ran and apply it an event at a time. */
  private async repairRunning(): Promise<void> {
    const failed = this.running!;
    this.running = null;
    await this.oneByOne(failed.group, true);
  }

  private async oneByOne(group: readonly LedgerEvent[], opened: boolean): Promise<void> {
    await this.tx.exec(opened ? 'ROLLBACK TO replay_group' : SAVEPOINT);
    for (const event of group) await this.projector.applyOrNote(this.tx, event);
    await this.tx.exec(RELEASE);
  }
}
