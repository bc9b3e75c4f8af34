import type { MessageParams } from '../../../../shared/i18n/format.js';
import type { MessageKey } from '../../../../shared/i18n/index.js';
import type { ArtifactLocation, SarifRun } from './sarif-types.js';

/** Where a result's file is in the repository, or why it cannot be placed there. */
export type RepositoryPath = { path: string } | { skip: MessageKey; params: MessageParams };

const MAX_PATH_LENGTH = 4096;
/** Base ids may refer to further base ids; a chain this long is a loop, not a layout. */
const MAX_BASE_DEPTH = 32;

/**
 * Turns SARIF artifact locations into repository paths. A relative URI is taken relative to the repository
 * root once its `uriBaseId` chain is followed through `originalUriBaseIds` as far as it is given (an
 * unresolved base such as CodeQL's `%SRCROOT%` is the checkout the scanner ran in, the repository root). An
 * absolute one must lie under a root the log names: the base that `versionControlProvenance.mappedTo` maps
 * the repository to, else any absolute `originalUriBaseIds` entry, else the caller's `sourceRoot`.
 * Everything is treated as untrusted text: `..` may not climb out, control characters are refused.
 */
export class SarifPathResolver {
  private roots: { preferred: string | null; others: string[] } | null = null;

  constructor(
    private readonly run: SarifRun,
    private readonly sourceRoot: string | null = null,
  ) {}

  resolve(location: ArtifactLocation): RepositoryPath {
    const listed = location.index !== undefined ? this.run.artifacts?.[location.index]?.location : undefined;
    const uri = location.uri ?? listed?.uri;
    if (uri === undefined) return { skip: 'sarif.skip.noLocation', params: {} };
    const expanded = this.expand(uri, location.uri !== undefined ? location.uriBaseId : (listed?.uriBaseId ?? location.uriBaseId));
    if (typeof expanded !== 'string') return expanded;
    return this.toRepositoryPath(expanded);
  }

  /** Prefixes the URI with its base ids' URIs, as far as the log gives them. */
  private expand(uri: string, baseId: string | undefined): string | { skip: MessageKey; params: MessageParams } {
    let text = uri;
    let id = baseId;
    for (let depth = 0; id !== undefined && !isAbsolute(text); depth++) {
      if (depth === MAX_BASE_DEPTH) return { skip: 'sarif.skip.uriBaseLoop', params: { id: quoteForMessage(id) } };
      const base = Object.hasOwn(this.run.originalUriBaseIds ?? {}, id) ? this.run.originalUriBaseIds?.[id] : undefined;
      if (base?.uri === undefined) break;
      text = (base.uri.endsWith('/') ? base.uri : `${base.uri}/`) + text;
      id = base.uriBaseId;
    }
    return text;
  }

  private toRepositoryPath(uri: string): RepositoryPath {
    const local = fileSystemPath(uri);
    if (local === null) return { skip: 'sarif.skip.notAFile', params: { uri: quoteForMessage(uri) } };
    if (/[\u0000-\u001f\u007f]/.test(local)) return { skip: 'sarif.skip.controlCharacters', params: { path: quoteForMessage(local) } };
    if (isAbsolute(local)) return this.relativeToRoot(local);
    return relativePath(local);
  }

  private relativeToRoot(absolute: string): RepositoryPath {
    const normalized = normalizeAbsolute(absolute);
    const { preferred, others } = this.knownRoots();
    if (preferred === null && others.length === 0) return { skip: 'sarif.skip.noRoot', params: { path: quoteForMessage(absolute) } };
    // The shortest matching root is the repository; a longer one is a folder inside it (SRC under ROOT).
    const root = [preferred, ...others].find((candidate) => candidate !== null && startsWithFolder(normalized, candidate));
    if (root === undefined || root === null) return { skip: 'sarif.skip.outsideRoot', params: { path: quoteForMessage(absolute) } };
    return relativePath(normalized.slice(root.length));
  }

  private knownRoots(): { preferred: string | null; others: string[] } {
    if (this.roots) return this.roots;
    const absoluteBase = (id: string): string | null => {
      const expanded = this.expand('', id);
      const local = typeof expanded === 'string' ? fileSystemPath(expanded) : null;
      return local !== null && isAbsolute(local) ? withTrailingSlash(normalizeAbsolute(local)) : null;
    };
    const mappedTo = (this.run.versionControlProvenance ?? []).map((vcs) => vcs.mappedTo?.uriBaseId).find((id) => id !== undefined);
    const preferred = mappedTo !== undefined ? absoluteBase(mappedTo) : null;
    const others = Object.keys(this.run.originalUriBaseIds ?? {}).map(absoluteBase);
    const given = this.sourceRoot !== null ? fileSystemPath(this.sourceRoot) : null;
    if (given !== null && isAbsolute(given)) others.push(withTrailingSlash(normalizeAbsolute(given)));
    this.roots = { preferred, others: [...new Set(others.filter((root): root is string => root !== null))].sort((a, b) => a.length - b.length) };
    return this.roots;
  }
}

/**
 * The file-system path a URI names, percent-decoded, or null for URIs that name no local file (http:,
 * pkg:, file://otherhost/…). Scanners often write raw paths rather than URIs, so text whose %-escapes do
 * not decode is taken as written.
 */
export function fileSystemPath(uri: string): string | null {
  let text = uri;
  const file = /^file:(\/\/([^/]*))?/i.exec(text);
  if (file) {
    const host = file[2];
    if (host !== undefined && host !== '' && host.toLowerCase() !== 'localhost') return null;
    text = text.slice(file[0].length);
    if (/^\/[A-Za-z]:\//.test(text)) text = text.slice(1); // file:///C:/work → C:/work
  } else if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(text) && !/^[A-Za-z]:[\\/]/.test(text)) {
    return null;
  }
  try {
    text = decodeURIComponent(text);
  } catch {
    // Not percent-encoded after all: keep it as written.
  }
  return /^[A-Za-z]:[\\/]/.test(text) ? text.replaceAll('\\', '/') : text;
}

function isAbsolute(text: string): boolean {
  return text.startsWith('/') || /^[A-Za-z]:[\\/]/.test(text) || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(text);
}

/** `a/./b//c` → `a/b/c`; `..` may go up inside the repository but never above its root. */
function relativePath(text: string): RepositoryPath {
  const segments: string[] = [];
  for (const segment of text.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.pop() === undefined) return { skip: 'sarif.skip.escapesRoot', params: { path: quoteForMessage(text) } };
      continue;
    }
    segments.push(segment);
  }
  const path = segments.join('/');
  if (path === '') return { skip: 'sarif.skip.notAFile', params: { uri: quoteForMessage(text) } };
  if (path.length > MAX_PATH_LENGTH) return { skip: 'sarif.skip.pathTooLong', params: { length: path.length, max: MAX_PATH_LENGTH } };
  return { path };
}

/** Resolves `.` and `..` in an absolute path the way the file system would (`/a/../..` is `/`). */
function normalizeAbsolute(absolute: string): string {
  const drive = /^[A-Za-z]:/.exec(absolute)?.[0] ?? '';
  const segments: string[] = [];
  for (const segment of absolute.slice(drive.length).split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return `${drive}/${segments.join('/')}`;
}

function withTrailingSlash(folder: string): string {
  return folder.endsWith('/') ? folder : `${folder}/`;
}

/** Drive letters compare without case, as Windows does; everything else exactly. */
function startsWithFolder(path: string, folder: string): boolean {
  if (/^[A-Za-z]:/.test(folder)) return path.toLowerCase().startsWith(folder.toLowerCase());
  return path.startsWith(folder);
}

/** For skip reasons: JSON quoting shows control characters as escapes, and long names are cut. */
export function quoteForMessage(text: string): string {
  const quoted = JSON.stringify(text).slice(1, -1);
  return quoted.length > 200 ? `${quoted.slice(0, 200)}…` : quoted;
}
