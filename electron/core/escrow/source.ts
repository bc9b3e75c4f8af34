import path from 'node:path';
import { promises as fs } from 'node:fs';
import { AppError } from '../../../shared/errors.js';
import type { ComponentSummary } from '../../../shared/contract/components.js';
import { redactSecrets } from '../../../shared/redact.js';

export type SourceKind = ComponentSummary['sourceKind'];

export interface ComponentSource {
  kind: SourceKind;
  /** What git is given: a URL, or an absolute local path. Holds no credentials. */
  location: string;
}

const SCP_LIKE = /^(?:[A-Za-z0-9._~-]+@)?[A-Za-z0-9.-]+:(?!\/\/)[^\s]+$/;
const WINDOWS_DRIVE = /^[A-Za-z]:[\\/]/;
const TRANSPORT_PREFIX = /^([A-Za-z][A-Za-z0-9+.-]*)::/;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;

/**
 * Turn what a person typed into a source we are willing to hand to git, or refuse it with the reason.
 * Only https, ssh, file URLs and local paths pass; transport helpers (ext::, fd::) and everything else do
 * not; credentials in URLs are refused so they can never be stored.
 */
export async function parseComponentSource(input: string, cwd: string): Promise<ComponentSource> {
  const text = input.trim();
  const shown = redactSecrets(text);
  if (text === '' || /[\u0000-\u001f\u007f]/.test(text)) {
    throw new AppError('INVALID_INPUT', 'error.source.invalid', { source: shown });
  }
  if (text.startsWith('-')) throw new AppError('INVALID_INPUT', 'error.source.option', { source: shown });

  const transport = TRANSPORT_PREFIX.exec(text);
  if (transport) {
    throw new AppError('FORBIDDEN', 'error.source.forbiddenTransport', { transport: `${transport[1]}::`, source: shown });
  }

  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme !== undefined) return parseUrlSource(text, scheme, shown);

  if (!WINDOWS_DRIVE.test(text) && SCP_LIKE.test(text) && !(await exists(path.resolve(cwd, text)))) {
    return { kind: 'ssh', location: text };
  }
  return parseLocalPath(path.resolve(cwd, text), shown);
}

function parseUrlSource(text: string, scheme: string, shown: string): ComponentSource | Promise<ComponentSource> {
  if (scheme !== 'https' && scheme !== 'ssh' && scheme !== 'file') {
    throw new AppError('FORBIDDEN', 'error.source.forbiddenTransport', { transport: `${scheme}://`, source: shown });
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new AppError('INVALID_INPUT', 'error.source.invalid', { source: shown });
  }
  if (url.password !== '' || (scheme === 'https' && url.username !== '')) {
    throw new AppError('INVALID_INPUT', 'error.source.credentialsInUrl', { source: shown });
  }
  if (scheme === 'file') {
    if (url.host !== '' && url.host !== 'localhost') throw new AppError('INVALID_INPUT', 'error.source.invalid', { source: shown });
    return parseLocalPath(decodeURIComponent(url.pathname), shown).then(() => ({ kind: 'file' as const, location: url.href }));
  }
  if (url.hostname === '') throw new AppError('INVALID_INPUT', 'error.source.invalid', { source: shown });
  return { kind: scheme, location: text };
}

async function parseLocalPath(absolute: string, shown: string): Promise<ComponentSource> {
  const stat = await fs.stat(absolute).catch(() => null);
  if (!stat) throw new AppError('NOT_FOUND', 'error.source.pathMissing', { source: shown });
  if (!stat.isDirectory()) throw new AppError('INVALID_INPUT', 'error.source.notARepository', { source: shown });
  return { kind: 'path', location: absolute };
}

async function exists(p: string): Promise<boolean> {
  return fs.stat(p).then(() => true, () => false);
}
