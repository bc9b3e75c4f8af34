import { randomUUID } from 'node:crypto';
import type { AnchorPlacement, LineAnchor } from '../../../shared/domain/anchors.js';
import type { Comment, Thread } from '../../../shared/contract/review.js';
import { AppError } from '../../../shared/errors.js';
import { sql, sqlList } from '../../db/sql.js';
import type { Ledger } from '../events/ledger.js';
import { noteConflict, type ProjectionTable } from '../events/projector.js';
import { componentIdOf } from '../events/projection-helpers.js';
import type { ReleaseService, ResolvedRelease } from '../code/release-service.js';
import type { TreeService } from '../code/tree-service.js';
import type { Workspace } from '../workspace/workspace.js';
import type { AnchorResolver } from './anchor-resolver.js';

interface ThreadRow {
  id: string;
  component_id: string;
  commit_id: string;
  path: string;
  blob: string;
  anchor: string;
  status: 'open' | 'resolved';
  created_by: string;
  created_at: string;
  updated_at: string;
}

interface CommentRow {
  id: string;
  thread_id: string;
  author: string;
  body: string;
  created_at: string;
  edited_at: string | null;
}

/**
 * Conversations on line ranges of a release. A thread is anchored where it was written; opened on any
 * other release of the component it is placed there (same lines, moved, relocated or outdated).
 */
export class ThreadService {
  private readonly goneCache = new Map<string, { seq: number; paths: string[] }>();

  constructor(
    private readonly workspace: Workspace,
    private readonly releases: ReleaseService,
    private readonly trees: TreeService,
    private readonly anchors: AnchorResolver,
    private readonly ledger: Ledger,
  ) {}

  async open(actor: string, component: string, ref: string, path: string, startLine: number, endLine: number, body: string): Promise<Thread> {
    if (endLine < startLine) throw new AppError('INVALID_INPUT', 'error.review.rangeReversed', { startLine, endLine });
    const release = await this.releases.resolve(component, ref);
    const anchor = await this.anchors.create(release.gitDir, release.commit, path, startLine, endLine);
    const id = randomUUID();
    const commentId = randomUUID();
    await this.workspace.db.transaction((tx) => this.ledger.append(tx, actor, 'thread.opened', { threadId: id, commentId, component: release.component.name, anchor, body }));
    const [thread] = await this.hydrate(release, [await this.row(id)]);
    return thread!;
  }

  async reply(actor: string, threadId: string, body: string): Promise<{ threadId: string; commentId: string }> {
    await this.row(threadId);
    const commentId = randomUUID();
    await this.workspace.db.transaction((tx) => this.ledger.append(tx, actor, 'thread.replied', { threadId, commentId, body }));
    return { threadId, commentId };
  }

  /** Only the author edits a comment; the text it replaced is kept. */
  async editComment(actor: string, commentId: string, body: string): Promise<{ commentId: string }> {
    const comment = await this.workspace.db.read.get<CommentRow>(sql`SELECT * FROM comments WHERE id = ${commentId}`);
    if (!comment) throw new AppError('NOT_FOUND', 'error.review.commentNotFound', { id: commentId });
    if (comment.author !== actor) throw new AppError('FORBIDDEN', 'error.review.notYourComment', { author: comment.author });
    await this.workspace.db.transaction((tx) => this.ledger.append(tx, actor, 'comment.edited', { commentId, body }));
    return { commentId };
  }

  async setStatus(actor: string, threadId: string, status: 'open' | 'resolved'): Promise<{ threadId: string; status: 'open' | 'resolved' }> {
    const row = await this.row(threadId);
    if (row.status === status) throw new AppError('CONFLICT', status === 'resolved' ? 'error.review.alreadyResolved' : 'error.review.alreadyOpen', {});
    await this.workspace.db.transaction((tx) => this.ledger.append(tx, actor, 'thread.status-set', { threadId, status, from: row.status }));
    return { threadId, status };
  }

  /**
   * The threads of one file as placed in a release (or of the whole release without a path). A file's
   * threads are those written on the same path, plus those whose path the release no longer has (the
   * file may have been renamed to this one): placing them tells.
   */
  async list(component: string, ref: string, path?: string): Promise<{ commit: string; threads: Thread[] }> {
    const release = await this.releases.resolve(component, ref);
    const id = release.component.id;
    let rows: ThreadRow[];
    if (path === undefined) {
      rows = await this.workspace.db.read.all<ThreadRow>(sql`SELECT * FROM threads WHERE component_id = ${id} ORDER BY created_at`);
    } else {
      rows = await this.workspace.db.read.all<ThreadRow>(sql`SELECT * FROM threads WHERE component_id = ${id} AND path = ${path} ORDER BY created_at`);
      const gone = (await this.pathsGoneFrom(id, component, release.commit, release.tree)).filter((p) => p !== path);
      if (gone.length > 0) {
        rows.push(...(await this.workspace.db.read.all<ThreadRow>(sql`SELECT * FROM threads WHERE component_id = ${id} AND path IN ${sqlList(gone)} ORDER BY created_at`)));
      }
    }
    const threads = await this.hydrate(release, rows);
    return { commit: release.commit, threads: path === undefined ? threads : threads.filter((t) => t.placement.path === path || t.anchor.path === path) };
  }

  /**
   * The paths threads were written on that this release no longer has (deleted or renamed files), kept
   * per component and tree until the next event: with a million threads, opening a file must not scan
   * them all, nor the release's file list.
   */
  private async pathsGoneFrom(componentId: string, component: string, commit: string, tree: string): Promise<string[]> {
    const seq = (await this.workspace.db.read.get<{ seq: number | null }>(sql`SELECT MAX(seq) AS seq FROM events`))?.seq ?? 0;
    const key = `${componentId}\0${tree}`;
    const cached = this.goneCache.get(key);
    if (cached && cached.seq === seq) return cached.paths;
    const present = new Set((await this.trees.list(component, commit)).entries.map((e) => e.path));
    const paths = (await this.workspace.db.read.all<{ path: string }>(sql`SELECT DISTINCT path FROM threads WHERE component_id = ${componentId}`))
      .map((r) => r.path)
      .filter((p) => !present.has(p));
    if (this.goneCache.size > 16) this.goneCache.clear();
    this.goneCache.set(key, { seq, paths });
    return paths;
  }

  private async row(threadId: string): Promise<ThreadRow> {
    const row = await this.workspace.db.read.get<ThreadRow>(sql`SELECT * FROM threads WHERE id = ${threadId}`);
    if (!row) throw new AppError('NOT_FOUND', 'error.review.threadNotFound', { id: threadId });
    return row;
  }

  private async hydrate(release: ResolvedRelease, rows: readonly ThreadRow[]): Promise<Thread[]> {
    if (rows.length === 0) return [];
    const comments = await this.workspace.db.read.all<CommentRow>(sql`SELECT * FROM comments WHERE thread_id IN ${sqlList(rows.map((r) => r.id))} ORDER BY created_at, id`);
    const edited = comments.filter((c) => c.edited_at !== null).map((c) => c.id);
    const edits =
      edited.length === 0
        ? []
        : await this.workspace.db.read.all<{ comment_id: string; previous_body: string; edited_by: string; edited_at: string }>(
            sql`SELECT comment_id, previous_body, edited_by, edited_at FROM comment_edits WHERE comment_id IN ${sqlList(edited)} ORDER BY id`,
          );
    const byThread = new Map<string, Comment[]>();
    for (const c of comments) {
      const list = byThread.get(c.thread_id) ?? [];
      list.push({
        id: c.id,
        author: c.author,
        body: c.body,
        createdAt: c.created_at,
        editedAt: c.edited_at,
        edits: edits.filter((e) => e.comment_id === c.id).map((e) => ({ previousBody: e.previous_body, editedBy: e.edited_by, editedAt: e.edited_at })),
      });
      byThread.set(c.thread_id, list);
    }
    const threads: Thread[] = [];
    for (const row of rows) {
      const anchor = JSON.parse(row.anchor) as LineAnchor;
      const placement: AnchorPlacement = await this.anchors.place(anchor, release.gitDir, release.commit);
      threads.push({
        id: row.id,
        component: release.component.name,
        status: row.status,
        anchor,
        placement,
        createdBy: row.created_by,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        comments: byThread.get(row.id) ?? [],
      });
    }
    return threads;
  }
}

/** Threads and comments as the events say. */
export const threadProjections: ProjectionTable = {
  async 'thread.opened'(tx, { actor, at, payload }) {
    const anchor = payload['anchor'] as LineAnchor;
    const componentId = await componentIdOf(tx, payload['component']);
    await tx.run(sql`INSERT INTO threads (id, component_id, commit_id, path, blob, start_line, end_line, anchor, status, created_by, created_at, updated_at)
      VALUES (${payload['threadId'] as string}, ${componentId}, ${anchor.commit}, ${anchor.path}, ${anchor.blob}, ${anchor.startLine}, ${anchor.endLine}, ${JSON.stringify(anchor)}, 'open', ${actor}, ${at}, ${at})`);
    await tx.run(sql`INSERT INTO comments (id, thread_id, author, body, created_at) VALUES (${payload['commentId'] as string}, ${payload['threadId'] as string}, ${actor}, ${payload['body'] as string}, ${at})`);
  },
  async 'thread.replied'(tx, { actor, at, payload }) {
    await tx.run(sql`INSERT INTO comments (id, thread_id, author, body, created_at) VALUES (${payload['commentId'] as string}, ${payload['threadId'] as string}, ${actor}, ${payload['body'] as string}, ${at})`);
    await tx.run(sql`UPDATE threads SET updated_at = ${at} WHERE id = ${payload['threadId'] as string}`);
  },
  async 'comment.edited'(tx, { actor, at, payload }) {
    const commentId = payload['commentId'] as string;
    const comment = await tx.get<CommentRow>(sql`SELECT * FROM comments WHERE id = ${commentId}`);
    if (!comment) throw new AppError('INTEGRITY', 'error.review.commentNotFound', { id: commentId });
    await tx.run(sql`INSERT INTO comment_edits (comment_id, previous_body, edited_by, edited_at) VALUES (${commentId}, ${comment.body}, ${actor}, ${at})`);
    await tx.run(sql`UPDATE comments SET body = ${payload['body'] as string}, edited_at = ${at} WHERE id = ${commentId}`);
    await tx.run(sql`UPDATE threads SET updated_at = ${at} WHERE id = ${comment.thread_id}`);
  },
  async 'thread.status-set'(tx, event) {
    const { at, payload } = event;
    const threadId = payload['threadId'] as string;
    const row = await tx.get<{ status: string }>(sql`SELECT status FROM threads WHERE id = ${threadId}`);
    if (!row) throw new AppError('INTEGRITY', 'error.review.threadNotFound', { id: threadId });
    // Events before `from` was recorded carry none; for the rest, a status someone else changed meanwhile is noted.
    const from = payload['from'];
    if (typeof from === 'string' && from !== row.status) await noteConflict(tx, event, 'concurrent', `thread:${threadId}`, `${event.actor} set ${from} → ${payload['status'] as string}, but it was already ${row.status}`);
    await tx.run(sql`UPDATE threads SET status = ${payload['status'] as string}, updated_at = ${at} WHERE id = ${threadId}`);
  },
};
