import type { CoreServices } from '../../core/services.js';
import type { Handlers } from '../handler-types.js';

type ReviewMethods =
  | 'thread.list'
  | 'thread.open'
  | 'thread.reply'
  | 'thread.editComment'
  | 'thread.setStatus'
  | 'criterion.list'
  | 'criterion.define'
  | 'review.mark'
  | 'review.coverage'
  | 'review.status'
  | 'review.dashboard';

export function reviewHandlers(core: CoreServices): Handlers<ReviewMethods> {
  return {
    'thread.list': async ({ component, ref, path }) => core.threads.list(component, ref, path),
    'thread.open': async ({ component, ref, path, startLine, endLine, body }, { actor }) => core.threads.open(actor, component, ref, path, startLine, endLine, body),
    'thread.reply': async ({ threadId, body }, { actor }) => core.threads.reply(actor, threadId, body),
    'thread.editComment': async ({ commentId, body }, { actor }) => core.threads.editComment(actor, commentId, body),
    'thread.setStatus': async ({ threadId, status }, { actor }) => core.threads.setStatus(actor, threadId, status),
    'criterion.list': async ({ component }) => ({ criteria: await core.criteria.list(component) }),
    'criterion.define': async ({ component, name, description, implies }, { actor }) => core.criteria.define(actor, component, name, description, implies),
    'review.mark': async ({ component, ref, paths, criterion, startLine, endLine }, { actor }) => core.coverage.mark(actor, component, ref, paths, criterion, startLine, endLine),
    'review.coverage': async ({ component, ref, criterion, files }) => core.coverage.coverage(component, ref, criterion, files),
    'review.status': async ({ component, ref }) => core.status.status(component, ref),
    'review.dashboard': async () => core.status.dashboard(),
  };
}
