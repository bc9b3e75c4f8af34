import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { LedgerExchange, LedgerStatus } from '../../../shared/contract/ledger.js';
import { AppError, wireErrorSchema, type WireError } from '../../../shared/errors.js';
import { readBundleHeader, verifyBundle, createBundle } from '../../git/bundle.js';
import { GitError } from '../../git/git-error.js';
import { runGit } from '../../git/runner.js';
import { runTransfer } from '../../git/transfer.js';
import { sql } from '../../db/sql.js';
import type { Projector } from '../events/projector.js';
import { parseComponentSource } from '../escrow/source.js';
import { gitFailureToAppError } from '../git-failure.js';
import type { HeldEvent } from '../trust/event-checker.js';
import type { Workspace } from '../workspace/workspace.js';
import { EventFileError, parseEventFile, parseEventPath } from './event-file.js';
import { LEDGER_BRANCH, type LedgerRepository } from './ledger-repository.js';
import { mergeEvents, type MergeOutcome, type Quarantined } from './ledger-merge.js';

type Progress = (completed: number, total: number | null, phase: string) => void;

const REMOTE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
const COMMIT = /^[0-9a-f]{40}$/;
const PEER = /^[0-9a-f-]{36}$/;

/**
 * Moves the ledger between workstations: `push`/`pull` with any git remote (a bare repository in a shared
 * folder, ssh, https), `export`/`import` as git bundles for removable media. Each workspace publishes its
 * ledger branch as `refs/ledger/<peer id>`; a pull takes every `refs/ledger/*` it finds, and records where
 * each stood (`refs/peers/<source>/<peer id>`) so that a rewritten history is refused rather than merged.
 */
export class LedgerSyncService {
  constructor(
    private readonly workspace: Workspace,
    private readonly repository: LedgerRepository,
    private readonly projector: Projector,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async peerId(): Promise<string> {
    const row = await this.workspace.db.read.get<{ value: string }>(sql`SELECT value FROM workspace_settings WHERE key = 'ledger.peer'`);
    if (row) return row.value;
    const id = randomUUID();
    await this.workspace.db.transaction((tx) => tx.run(sql`INSERT OR IGNORE INTO workspace_settings (key, value) VALUES ('ledger.peer', ${id})`));
    return (await this.workspace.db.read.get<{ value: string }>(sql`SELECT value FROM workspace_settings WHERE key = 'ledger.peer'`))!.value;
  }

  async addRemote(name: string, url: string): Promise<{ name: string; url: string }> {
    if (!REMOTE_NAME.test(name)) throw new AppError('INVALID_INPUT', 'error.ledger.badRemoteName', { name: name.slice(0, 80) });
    const source = await parseComponentSource(url, process.cwd());
    const existing = await this.workspace.db.read.get(sql`SELECT 1 FROM ledger_remotes WHERE name = ${name}`);
    if (existing) throw new AppError('CONFLICT', 'error.ledger.remoteExists', { name });
    await this.workspace.db.transaction((tx) => tx.run(sql`INSERT INTO ledger_remotes (name, url, added_at) VALUES (${name}, ${source.location}, ${this.now().toISOString()})`));
    return { name, url: source.location };
  }

  async removeRemote(name: string): Promise<{ name: string }> {
    const result = await this.workspace.db.transaction((tx) => tx.run(sql`DELETE FROM ledger_remotes WHERE name = ${name}`));
    if (result.changes === 0) throw new AppError('NOT_FOUND', 'error.ledger.noRemote', { name: name.slice(0, 80) });
    return { name };
  }

  private async remote(name: string): Promise<{ name: string; url: string }> {
    const row = await this.workspace.db.read.get<{ name: string; url: string }>(sql`SELECT name, url FROM ledger_remotes WHERE name = ${name}`);
    if (!row) throw new AppError('NOT_FOUND', 'error.ledger.noRemote', { name: name.slice(0, 80) });
    return row;
  }

  /** Publish this workspace's ledger to the remote as `refs/ledger/<peer id>`. */
  async push(name: string, progress: Progress = () => undefined, signal?: AbortSignal): Promise<{ remote: string; commit: string | null; events: number }> {
    const remote = await this.remote(name);
    await this.repository.flush();
    const tip = await this.repository.tip();
    // Pushing nothing would say nothing about the remote either: a wrong URL must not look like a push.
    if (!tip) throw new AppError('NOT_FOUND', 'error.ledger.empty', {});
    const events = (await this.workspace.db.read.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM events WHERE keyid IS NOT NULL`))!.n;
    {
      const peer = await this.peerId();
      progress(0, null, 'push');
      const ref = `refs/ledger/${peer}`;
      // Only this workstation writes its ref there: if it moved, somebody else wrote into it.
      const rejected = new AppError('CONFLICT', 'error.ledger.pushRejected', { remote: name, ref });
      await this.transfer(remote, ['push', '--progress', '--', remote.url, `${LEDGER_BRANCH}:${ref}`], progress, signal, rejected);
    }
    await this.workspace.db.transaction((tx) => tx.run(sql`UPDATE ledger_remotes SET last_push_at = ${this.now().toISOString()}, last_error = NULL WHERE name = ${name}`));
    return { remote: name, commit: tip, events };
  }

  /** Fetch every workstation's ledger from the remote and merge what is new. */
  async pull(name: string, progress: Progress = () => undefined, signal?: AbortSignal): Promise<LedgerExchange> {
    const remote = await this.remote(name);
    await this.repository.ensure();
    const staging = `refs/incoming/${randomUUID()}`;
    try {
      progress(0, null, 'fetch');
      await this.transfer(remote, ['fetch', '--progress', '--no-tags', '--', remote.url, `+refs/ledger/*:${staging}/*`], progress, signal);
      const outcome = await this.importStaged(staging, `remote/${name}`, progress, signal);
      await this.workspace.db.transaction((tx) =>
        tx.run(sql`UPDATE ledger_remotes SET last_pull_at = ${this.now().toISOString()}, last_pull_events = ${outcome.applied}, last_pull_quarantined = ${outcome.quarantined.length}, last_error = NULL WHERE name = ${name}`),
      );
      return outcome;
    } catch (error) {
      // Kept as the wire error (code, catalog key, parameters), so every face shows it in its reader's language.
      const failure = error instanceof AppError ? error.toWire() : { code: 'INTERNAL', message: String(error).slice(0, 500), details: {} };
      await this.workspace.db.transaction((tx) => tx.run(sql`UPDATE ledger_remotes SET last_error = ${JSON.stringify(failure)} WHERE name = ${name}`)).catch(() => undefined);
      throw error;
    } finally {
      await this.dropRefs(staging);
    }
  }

  /**
   * This workspace's ledger as a bundle for removable media: all of it, or (`since`, the `mark` an earlier
   * export printed) only what came after; the receiver must then hold that mark.
   */
  async exportBundle(file: string, since?: string): Promise<{ file: string; mark: string; since: string | null; events: number }> {
    const target = path.resolve(file);
    if (await fs.stat(target).then(() => true, () => false)) throw new AppError('CONFLICT', 'error.bundle.targetExists', { file: target });
    await this.repository.flush();
    const tip = await this.repository.tip();
    if (!tip) throw new AppError('NOT_FOUND', 'error.ledger.empty', {});
    if (since !== undefined) {
      if (!COMMIT.test(since) || !(await this.repository.isAncestor(since, tip).catch(() => false))) throw new AppError('INVALID_INPUT', 'error.ledger.badMark', { mark: since.slice(0, 80) });
      if (since === tip) throw new AppError('CONFLICT', 'error.ledger.nothingNew', { mark: since });
    }
    const peer = await this.peerId();
    const ref = `refs/ledger/${peer}`;
    await runGit(['update-ref', ref, tip], { gitDir: this.repository.gitDir });
    const partial = `${target}.partial-${process.pid}`;
    try {
      await createBundle(this.repository.gitDir, partial, [ref, ...(since ? [`^${since}`] : [])]);
      await fs.rename(partial, target);
    } catch (error) {
      await fs.rm(partial, { force: true });
      throw gitFailureToAppError(error, 'ledger');
    }
    const { files } = await this.repository.eventFiles(tip);
    const before = since ? (await this.repository.eventFiles(since)).files.size : 0;
    return { file: target, mark: tip, since: since ?? null, events: files.size - before };
  }

  /** Merge a ledger bundle: checked as a bundle first (its prerequisites must be here), then like a pull. */
  async importBundle(file: string, progress: Progress = () => undefined, signal?: AbortSignal): Promise<LedgerExchange> {
    const absolute = path.resolve(file);
    const stat = await fs.stat(absolute).catch(() => null);
    if (!stat?.isFile()) throw new AppError('NOT_FOUND', 'error.bundle.fileMissing', { file: absolute });
    const header = await readBundleHeader(absolute);
    if (!header) throw new AppError('INVALID_INPUT', 'error.bundle.notABundle', { file: absolute });
    if (!header.refs.some((r) => r.refname.startsWith('refs/ledger/'))) throw new AppError('INVALID_INPUT', 'error.ledger.notALedgerBundle', { file: absolute });
    await this.repository.ensure();
    const verdict = await verifyBundle(this.repository.gitDir, absolute);
    if (!verdict.ok) {
      const missing = header.prerequisites.length > 0 && /lacks these prerequisite|missing/i.test(verdict.detail);
      throw missing
        ? new AppError('INVALID_INPUT', 'error.ledger.missingPrerequisites', { file: absolute, commits: header.prerequisites.map((p) => p.slice(0, 12)).join(', ') })
        : new AppError('INTEGRITY', 'error.bundle.corrupt', { file: absolute, detail: verdict.detail.split('\n').slice(-3).join(' | ') });
    }
    const staging = `refs/incoming/${randomUUID()}`;
    try {
      await runGit(['fetch', '--quiet', '--no-tags', absolute, `+refs/ledger/*:${staging}/*`], { gitDir: this.repository.gitDir, signal }).catch((error: unknown) => {
        throw gitFailureToAppError(error, 'ledger bundle');
      });
      return await this.importStaged(staging, 'bundle', progress, signal);
    } finally {
      await this.dropRefs(staging);
    }
  }

  /**
   * Merge the ledgers fetched under `staging`. Each must continue what was taken from the same source before
   * (`refs/peers/<source>/<peer>`): a history that was rewritten is refused, and nothing is merged.
   */
  private async importStaged(staging: string, source: string, progress: Progress, signal?: AbortSignal): Promise<LedgerExchange> {
    const own = await this.peerId();
    const refs = await this.refsUnder(staging);
    const fresh: Array<{ peer: string; tip: string }> = [];
    for (const [ref, tip] of refs) {
      const peer = ref.slice(staging.length + 1);
      if (!PEER.test(peer) || peer === own) continue;
      const seen = await this.repository.tip(`refs/peers/${source}/${peer}`);
      if (seen === tip) continue;
      if (seen && !(await this.repository.isAncestor(seen, tip))) {
        if (await this.repository.isAncestor(tip, seen)) continue;
        throw new AppError('CONFLICT', 'error.ledger.rewritten', { peer, source, was: seen.slice(0, 12), now: tip.slice(0, 12) });
      }
      fresh.push({ peer, tip });
    }
    const ownTip = await this.repository.tip();
    const ours = ownTip ? (await this.repository.eventFiles(ownTip)).files : new Map<string, string>();
    const wanted = new Map<string, string>();
    const alreadyHere = new Set<string>();
    for (const { tip } of fresh) {
      const { files } = await this.repository.eventFiles(tip);
      for (const [filePath, oid] of files) {
        if (ours.get(filePath) === oid) alreadyHere.add(filePath);
        else wanted.set(filePath, oid);
      }
    }
    signal?.throwIfAborted();
    const distinct = [...new Set(wanted.values())];
    progress(0, distinct.length, 'read');
    const texts = await this.repository.readTexts(distinct, (done) => progress(done, distinct.length, 'read'));
    const incoming: HeldEvent[] = [];
    const failures: Quarantined[] = [];
    for (const [filePath, oid] of wanted) {
      const text = texts.get(oid) ?? null;
      try {
        if (text === null) throw new EventFileError('the file could not be read');
        incoming.push(parseEventFile(filePath, text));
      } catch (error) {
        if (!(error instanceof EventFileError)) throw error;
        const place = parseEventPath(filePath)!;
        failures.push({ keyid: place.keyid, seq: place.seq, hash: oid, eventId: null, reason: 'malformed', detail: error.message, content: (text ?? '').slice(0, 65536) });
      }
    }
    signal?.throwIfAborted();
    progress(0, incoming.length, 'merge');
    const at = this.now().toISOString();
    const outcome: MergeOutcome = await this.workspace.db.transaction(async (tx) => {
      const merged = await mergeEvents(tx, this.projector, incoming, failures, (done, total) => progress(done, total, 'merge'));
      for (const q of merged.quarantined) {
        await tx.run(sql`INSERT OR REPLACE INTO ledger_quarantine (keyid, seq, hash, event_id, source, reason, detail, received_at, content)
          VALUES (${q.keyid}, ${q.seq}, ${q.hash}, ${q.eventId}, ${source}, ${q.reason}, ${q.detail.slice(0, 1000)}, ${at}, ${q.content})`);
      }
      return merged;
    });
    // The database is complete first; where each peer's ledger was taken from is recorded after.
    for (const { peer, tip } of fresh) await runGit(['update-ref', `refs/peers/${source}/${peer}`, tip], { gitDir: this.repository.gitDir });
    await this.repository.flush();
    if (outcome.applied > 0 || outcome.rebuilt) this.workspace.events.publish({ type: 'changed', topic: 'ledger', component: null });
    progress(incoming.length, incoming.length, 'done');
    return {
      source,
      peers: fresh.length,
      received: outcome.received + alreadyHere.size,
      applied: outcome.applied,
      // Event files identical to ones held are not even read: they count as already here.
      duplicates: outcome.duplicates + alreadyHere.size,
      quarantined: outcome.quarantined.map((q) => ({ keyid: q.keyid, seq: q.seq, reason: q.reason, detail: q.detail })),
      conflicts: outcome.conflicts,
      rebuilt: outcome.rebuilt,
    };
  }

  async status(): Promise<LedgerStatus> {
    const db = this.workspace.db.read;
    const remotes = await db.all<{ name: string; url: string; last_push_at: string | null; last_pull_at: string | null; last_pull_events: number | null; last_pull_quarantined: number | null; last_error: string | null }>(
      sql`SELECT * FROM ledger_remotes ORDER BY name`,
    );
    const quarantine = await db.all<{ keyid: string; seq: number; event_id: string | null; source: string; reason: string; detail: string; received_at: string }>(
      sql`SELECT keyid, seq, event_id, source, reason, detail, received_at FROM ledger_quarantine ORDER BY received_at DESC, keyid, seq LIMIT 500`,
    );
    const conflicts = await db.all<{ event_id: string; kind: 'concurrent' | 'not-applied'; subject: string; detail: string; actor: string; at: string }>(
      sql`SELECT * FROM ledger_conflicts ORDER BY at DESC LIMIT 500`,
    );
    const counts = (await db.get<{ events: number; pending: number }>(sql`SELECT COUNT(*) AS events, COUNT(*) FILTER (WHERE ledger_commit IS NULL) AS pending FROM events WHERE keyid IS NOT NULL`))!;
    const totals = (await db.get<{ quarantined: number; conflicts: number }>(sql`SELECT (SELECT COUNT(*) FROM ledger_quarantine) AS quarantined, (SELECT COUNT(*) FROM ledger_conflicts) AS conflicts`))!;
    return {
      peer: await this.peerId(),
      commit: await this.repository.tip(),
      events: counts.events,
      pending: counts.pending,
      remotes: remotes.map((r) => ({ name: r.name, url: r.url, lastPushAt: r.last_push_at, lastPullAt: r.last_pull_at, lastPullEvents: r.last_pull_events, lastPullQuarantined: r.last_pull_quarantined, lastError: storedError(r.last_error) })),
      quarantine: quarantine.map((q) => ({ keyid: q.keyid, seq: q.seq, eventId: q.event_id, source: q.source, reason: q.reason, detail: q.detail, receivedAt: q.received_at })),
      quarantineTotal: totals.quarantined,
      conflictsTotal: totals.conflicts,
      conflicts: conflicts.map((c) => ({ eventId: c.event_id, kind: c.kind, subject: c.subject, detail: c.detail, actor: c.actor, at: c.at })),
    };
  }

  private async transfer(remote: { url: string }, args: string[], progress: Progress, signal?: AbortSignal, whenRejected?: AppError): Promise<void> {
    try {
      await runTransfer(args, { cwd: this.repository.gitDir, signal, idleTimeoutMs: 60_000, onProgress: (p) => progress(p.completed ?? 0, p.total, p.phase) });
    } catch (error) {
      if (whenRejected && error instanceof GitError && /non-fast-forward|fetch first|\[rejected\]/.test(error.stderr)) throw whenRejected;
      throw gitFailureToAppError(error, remote.url);
    }
  }

  private async refsUnder(prefix: string): Promise<Map<string, string>> {
    const result = await runGit(['for-each-ref', '--format=%(refname) %(objectname)', `${prefix}/`], { gitDir: this.repository.gitDir });
    const refs = new Map<string, string>();
    for (const line of result.stdout.toString('utf8').split('\n')) {
      const [ref, oid] = line.split(' ');
      if (ref && oid) refs.set(ref, oid);
    }
    return refs;
  }

  private async dropRefs(prefix: string): Promise<void> {
    const refs = await this.refsUnder(prefix).catch(() => new Map<string, string>());
    if (refs.size === 0) return;
    await runGit(['update-ref', '--stdin'], { gitDir: this.repository.gitDir, input: [...refs.keys()].map((r) => `delete ${r}\n`).join('') }).catch(() => undefined);
  }
}

/** A remote's last failure as stored: the wire error's JSON (or, from before it was kept so, its English text). */
function storedError(text: string | null): WireError | null {
  if (text === null) return null;
  try {
    const parsed = wireErrorSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // Plain text, written before errors were kept whole.
  }
  return { code: 'INTERNAL', message: text, details: {} };
}
