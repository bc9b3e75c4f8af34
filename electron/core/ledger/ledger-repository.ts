import { promises as fs } from 'node:fs';
import { runGit, spawnGit } from '../../git/runner.js';
import { GitError } from '../../git/git-error.js';
import { sql, sqlList } from '../../db/sql.js';
import type { EventRow } from '../events/ledger-event.js';
import { eventOfRow } from '../events/ledger-event.js';
import type { Workspace } from '../workspace/workspace.js';
import { eventFilePath, eventFileText, parseEventPath } from './event-file.js';

/** The workspace's own ledger branch; what it publishes to a remote is `refs/ledger/<peer id>`. */
export const LEDGER_BRANCH = 'refs/heads/ledger';
/** Events written per ledger commit (a SARIF import is one event, but a big one). */
const BATCH_EVENTS = 2000;
const BATCH_BYTES = 64 * 1024 * 1024;

/**
 * The review ledger as a bare git repository in the workspace: every signed event is a file
 * `events/<keyid>/<seq>.json`, appended in commits on `refs/heads/ledger`. The database is written first and
 * marks each event with the commit that holds it (`events.ledger_commit`): right after every transaction,
 * and again when the workspace opens or closes, events not yet written are written. A kill between the two
 * loses nothing; writing an event twice gives the same blob at the same path.
 */
export class LedgerRepository {
  private flushing: Promise<void> = Promise.resolve();
  private scheduled = false;

  constructor(private readonly workspace: Workspace) {}

  get gitDir(): string {
    return this.workspace.paths.ledger;
  }

  /** Keep the repository in step with the database from now on. */
  attach(): void {
    if (!this.workspace.writable) return;
    this.workspace.db.onCommit(() => this.flushSoon());
    this.workspace.beforeClose(() => this.flush());
    this.flushSoon();
  }

  async ensure(): Promise<void> {
    if (await fs.stat(this.gitDir).then(() => true, () => false)) return;
    const staging = `${this.gitDir}.init-${process.pid}`;
    await fs.rm(staging, { recursive: true, force: true });
    await runGit(['init', '--bare', '--quiet', staging], { cwd: this.workspace.paths.root });
    await runGit(['symbolic-ref', 'HEAD', LEDGER_BRANCH], { gitDir: staging });
    await fs.rename(staging, this.gitDir);
  }

  flushSoon(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush().catch(() => undefined);
    });
  }

  /** Write every event the database holds and the ledger does not yet, oldest first. */
  flush(): Promise<void> {
    const run = this.flushing.then(() => this.writePending());
    this.flushing = run.catch(() => undefined);
    return run;
  }

  private async writePending(): Promise<void> {
    for (;;) {
      const rows = await this.workspace.db.read.all<EventRow>(
        sql`SELECT * FROM events WHERE ledger_commit IS NULL AND keyid IS NOT NULL ORDER BY lamport, keyid, actor_seq LIMIT ${BATCH_EVENTS}`,
      );
      if (rows.length === 0) return;
      await this.ensure();
      const files: Array<{ path: string; text: string }> = [];
      let bytes = 0;
      for (const row of rows) {
        const event = eventOfRow(row)!;
        files.push({ path: eventFilePath(event.keyid, event.seq), text: eventFileText({ event, payloadText: row.payload, hash: row.hash, signature: row.signature }) });
        bytes += row.payload.length;
        if (bytes > BATCH_BYTES) break;
      }
      const commit = await this.commitFiles(files, `${files.length} event(s)`);
      const ids = rows.slice(0, files.length).map((r) => r.id);
      await this.workspace.db.transaction(async (tx) => {
        for (let i = 0; i < ids.length; i += 500) await tx.run(sql`UPDATE events SET ledger_commit = ${commit} WHERE id IN ${sqlList(ids.slice(i, i + 500))}`);
      });
    }
  }

  /** One commit on the ledger branch adding `files`, through git fast-import (one process for any number). */
  private async commitFiles(files: ReadonlyArray<{ path: string; text: string }>, message: string): Promise<string> {
    const tip = await this.tip();
    const parts: Buffer[] = [];
    const data = (text: string | Buffer) => {
      const body = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
      parts.push(Buffer.from(`data ${body.length}\n`), body, Buffer.from('\n'));
    };
    parts.push(Buffer.from(`commit ${LEDGER_BRANCH}\ncommitter Escrow Workbench <ledger@escrow-workbench.invalid> ${Math.floor(Date.now() / 1000)} +0000\n`));
    data(message);
    if (tip) parts.push(Buffer.from(`from ${tip}\n`));
    for (const file of files) {
      parts.push(Buffer.from(`M 100644 inline ${file.path}\n`));
      data(file.text);
    }
    parts.push(Buffer.from('done\n'));
    await runFastImport(this.gitDir, Buffer.concat(parts));
    const commit = await this.tip();
    if (!commit) throw new GitError('failed', ['fast-import'], null, 'the ledger branch was not written');
    return commit;
  }

  async tip(ref = LEDGER_BRANCH): Promise<string | null> {
    if (!(await fs.stat(this.gitDir).then(() => true, () => false))) return null;
    const result = await runGit(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { gitDir: this.gitDir, okExitCodes: [0, 1] });
    return result.exitCode === 0 ? result.stdout.toString('utf8').trim() : null;
  }

  /** The event files of a ledger commit: path → blob id. Other paths are reported as foreign. */
  async eventFiles(commit: string): Promise<{ files: Map<string, string>; foreign: string[] }> {
    const result = await runGit(['ls-tree', '-r', '-z', '--full-tree', commit], { gitDir: this.gitDir });
    const files = new Map<string, string>();
    const foreign: string[] = [];
    for (const record of result.stdout.toString('utf8').split('\0')) {
      if (!record) continue;
      const tab = record.indexOf('\t');
      const [mode, type, oid] = record.slice(0, tab).split(' ');
      const filePath = record.slice(tab + 1);
      if (mode === '100644' && type === 'blob' && parseEventPath(filePath)) files.set(filePath, oid!);
      else foreign.push(filePath);
    }
    return { files, foreign };
  }

  /** Whether `ancestor` is `descendant` or one of its ancestors. */
  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    const result = await runGit(['merge-base', '--is-ancestor', ancestor, descendant], { gitDir: this.gitDir, okExitCodes: [0, 1] });
    return result.exitCode === 0;
  }

  async readTexts(oids: readonly string[], onRead: (done: number) => void = () => undefined): Promise<Map<string, string | null>> {
    const texts = new Map<string, string | null>();
    await this.workspace.objects.readEach(this.gitDir, oids, (oid, object) => {
      texts.set(oid, object && object.type === 'blob' ? object.data.toString('utf8') : null);
      if (texts.size % 500 === 0) onRead(texts.size);
    });
    return texts;
  }
}

function runFastImport(gitDir: string, stream: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawnGit(['fast-import', '--quiet', '--done'], { gitDir });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      if (stderr.length < 8192) stderr += chunk.toString('utf8');
    });
    child.stdout!.resume();
    child.on('error', (error) => reject(new GitError('git-missing', ['fast-import'], null, error.message)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new GitError('failed', ['fast-import'], code, stderr))));
    child.stdin!.on('error', () => undefined);
    child.stdin!.end(stream);
  });
}
