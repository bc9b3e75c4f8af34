import { AppError } from '../../shared/errors.js';
import { GitError } from '../git/git-error.js';

/** Turn a git failure met while working on `subject` (a component or source, already redacted) into an API error. */
export function gitFailureToAppError(error: unknown, subject: string): unknown {
  if (!(error instanceof GitError)) return error;
  const detail = error.stderr.split('\n').filter((l) => l.trim() !== '').slice(-3).join(' | ') || error.message;
  const params = { subject, detail };
  const details = { gitKind: error.kind, exitCode: error.exitCode };
  switch (error.kind) {
    case 'cancelled':
      return new AppError('CANCELLED', 'error.cancelled', {}, details);
    case 'timeout':
      return new AppError('UNAVAILABLE', 'error.git.timeout', params, details);
    case 'network':
      return new AppError('UNAVAILABLE', 'error.git.unreachable', params, details);
    case 'certificate':
      return new AppError('UNAVAILABLE', 'error.git.certificate', params, details);
    case 'authentication':
      return new AppError('UNAUTHORIZED', 'error.git.authentication', params, details);
    case 'remote-not-found':
    case 'not-a-repository':
      return new AppError('NOT_FOUND', 'error.git.notARepository', params, details);
    case 'protocol-forbidden':
      return new AppError('FORBIDDEN', 'error.git.protocolForbidden', params, details);
    case 'corrupt':
      return new AppError('INTEGRITY', 'error.git.corrupt', params, details);
    case 'git-missing':
      return new AppError('UNAVAILABLE', 'error.git.missing', {}, details);
    default:
      return new AppError('GIT_FAILED', 'error.git.failed', params, details);
  }
}
