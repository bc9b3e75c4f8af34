import { useState, type ReactNode, type Ref } from 'react';
import type { Thread } from '../../../../shared/contract/review.js';
import { useApi } from '../../app/api-context.js';
import { toWire } from '../../app/use-call.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { MarkdownText } from '../../components/MarkdownText.js';
import type { WireError } from '../../../../shared/errors.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { visibleText } from '../../../../shared/domain/visible-text.js';

interface ThreadCardProps {
  thread: Thread;
  person: string | null;
  onChanged(): void;
  onOpen?(thread: Thread): void;
  /** Shown highlighted: its gutter mark was just clicked. */
  focused?: boolean;
  /** Extra labels in the header (the sides of a diff the thread sits on, for instance). */
  badges?: ReactNode;
  ref?: Ref<HTMLElement>;
}

/** One conversation: where it sits in this release, its comments (edits kept), a reply box, resolve/reopen. */
export function ThreadCard({ thread, person, onChanged, onOpen, focused = false, badges, ref }: ThreadCardProps) {
  const api = useApi();
  const { t, locale } = useI18n();
  const [reply, setReply] = useState('');
  const [editing, setEditing] = useState<{ id: string; body: string } | null>(null);
  const [error, setError] = useState<WireError | null>(null);
  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      onChanged();
    } catch (e) {
      setError(toWire(e));
    }
  };
  const placed = thread.placement;
  const where = placed.path ? `${visibleText(placed.path)}:${placed.startLine}–${placed.endLine}` : `${visibleText(thread.anchor.path)}:${thread.anchor.startLine}–${thread.anchor.endLine}`;
  return (
    <article ref={ref} className={`thread-card thread-${thread.status}${focused ? ' focused' : ''}`} data-testid="thread-card" data-thread={thread.id}>
      <header>
        <button type="button" className="link-button" onClick={() => onOpen?.(thread)} title={where}>
          {where}
        </button>
        <span className={`pill anchor-${placed.status}`}>{t(`anchor.status.${placed.status}`)}</span>
        <span className={`pill thread-status-${thread.status}`}>{t(`thread.status.${thread.status}`)}</span>
        {badges}
      </header>
      {placed.status === 'outdated' ? (
        <>
          <div className="muted small">{t('anchor.outdatedHint')}</div>
          <pre className="anchor-original">{thread.anchor.lines.join('\n')}</pre>
        </>
      ) : null}
      {thread.comments.map((c) => (
        <div key={c.id} className="comment" data-testid="thread-comment">
          <div className="comment-meta">
            <strong>{c.author}</strong> · {new Date(c.createdAt).toLocaleString(locale)}
            {c.editedAt ? <span className="muted" title={c.edits.map((e) => `${e.editedBy}, ${new Date(e.editedAt).toLocaleString(locale)}:\n${e.previousBody}`).join('\n\n')}> · {t('thread.edited')}</span> : null}
            {c.author === person && editing?.id !== c.id ? (
              <button type="button" className="link-button" onClick={() => setEditing({ id: c.id, body: c.body })}>
                {t('thread.edit')}
              </button>
            ) : null}
          </div>
          {editing?.id === c.id ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void run(() => api.call('thread.editComment', { commentId: c.id, body: editing.body })).then(() => setEditing(null));
              }}
            >
              <textarea value={editing.body} onChange={(e) => setEditing({ id: c.id, body: e.target.value })} rows={3} />
              <button type="submit">{t('thread.save')}</button>
              <button type="button" className="link-button" onClick={() => setEditing(null)}>
                {t('common.dismiss')}
              </button>
            </form>
          ) : (
            <MarkdownText text={c.body} />
          )}
        </div>
      ))}
      {error ? <ErrorNotice error={error} /> : null}
      <form
        className="reply-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (reply.trim() === '') return;
          void run(() => api.call('thread.reply', { threadId: thread.id, body: reply })).then(() => setReply(''));
        }}
      >
        <textarea value={reply} onChange={(e) => setReply(e.target.value)} placeholder={t('thread.replyPlaceholder')} rows={2} data-testid="thread-reply-input" />
        <div className="form-actions">
          <button type="submit" disabled={reply.trim() === ''} data-testid="thread-reply">
            {t('thread.reply')}
          </button>
          <button
            type="button"
            onClick={() => void run(() => api.call('thread.setStatus', { threadId: thread.id, status: thread.status === 'open' ? 'resolved' : 'open' }))}
            data-testid="thread-toggle-status"
          >
            {thread.status === 'open' ? t('thread.resolve') : t('thread.reopen')}
          </button>
        </div>
      </form>
    </article>
  );
}
