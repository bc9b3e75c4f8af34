import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnchorResolver } from '../../electron/core/review/anchor-resolver.js';
import { splitLines, type LineAnchor } from '../../shared/domain/anchors.js';
import { AppError } from '../../shared/errors.js';
import { commitFiles, git, initRepository } from '../helpers/git-fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { call, createTestWorkspace, type TestWorkspace } from '../helpers/workspace.js';

/** `count` distinct lines, so git's diff can only pair a line with itself. */
const numbered = (prefix: string, count: number, from = 1) => Array.from({ length: count }, (_, i) => `const ${prefix}${from + i} = ${from + i};`);
const text = (lines: readonly string[]) => `${lines.join('\n')}\n`;
const guard = (name: string) => [`function ${name}(x) {`, '  if (!x) {', '    return null;', '  }', `  return x.${name};`, '}'];

const files = {
  stable: numbered('stable', 10),
  insert: numbered('insert', 10),
  below: numbered('below', 10),
  edit: numbered('edit', 10),
  // A block at the top, then a long middle: moving the block to the end makes git delete and re-add it.
  far: [...numbered('block', 3), ...numbered('middle', 40)],
  rename: numbered('renamed', 20),
  gone: numbered('gone', 5),
  // The guard of b() first; in the next release three identical guards follow a long unchanged section.
  dup: ['// guards', ...guard('b'), ...numbered('shared', 40)],
};

let ws: TestWorkspace;
let repo: string;
let resolver: AnchorResolver;
let v1: { gitDir: string; commit: string };
let v2: { gitDir: string; commit: string };

beforeAll(async () => {
  ws = await createTestWorkspace();
  repo = await initRepository(path.join(await tempDir(), 'vendor'));
  await commitFiles(repo, {
    'src/stable.ts': text(files.stable),
    'src/insert.ts': text(files.insert),
    'src/below.ts': text(files.below),
    'src/edit.ts': text(files.edit),
    'src/far.ts': text(files.far),
    'lib/old-name.ts': text(files.rename),
    'src/gone.ts': text(files.gone),
    'src/dup.ts': text(files.dup),
    'assets/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0a, 0x01, 0x0a]),
  }, 'v1');
  await git(repo, 'tag', 'v1');
  await commitFiles(repo, {
    'src/insert.ts': text(['// one', '// two', '// three', ...files.insert.slice(0, 8), 'const insert9 = 99;', ...files.insert.slice(9)]),
    'src/below.ts': text([...files.below.slice(0, 8), 'const below9 = 99;', ...files.below.slice(9), 'const below11 = 11;']),
    'src/edit.ts': text([...files.edit.slice(0, 4), 'const edit5 = 555;', ...files.edit.slice(5)]),
    'src/far.ts': text([...numbered('middle', 40), ...numbered('block', 3)]),
    'lib/old-name.ts': null,
    'lib/new-name.ts': text(['// moved here', '// from old-name.ts', ...files.rename.slice(0, 18), 'const renamed19 = 1919;', ...files.rename.slice(19)]),
    'src/gone.ts': null,
    'src/dup.ts': text(['// guards', ...numbered('shared', 40), ...guard('a'), ...guard('b'), ...guard('c')]),
  }, 'v2');
  await git(repo, 'tag', 'v2');
  await call(ws.dispatcher, 'component.add', { name: 'vendor', source: repo });
  await call(ws.dispatcher, 'sync.run', {});
  v1 = await ws.core.releases.resolve('vendor', 'v1');
  v2 = await ws.core.releases.resolve('vendor', 'v2');
  resolver = new AnchorResolver(ws.workspace);
});
afterAll(async () => ws?.close());

const anchorOn = (filePath: string, start: number, end: number) => resolver.create(v1.gitDir, v1.commit, filePath, start, end);
const placeOnV2 = (anchor: LineAnchor) => resolver.place(anchor, v2.gitDir, v2.commit);

/** The lines a placement points at, read from the vendor repository with plain git. */
async function linesAt(tag: string, filePath: string, start: number, end: number): Promise<string[]> {
  return splitLines(await git(repo, 'show', `${tag}:${filePath}`)).slice(start - 1, end);
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('creating an anchor', () => {
  it('records the commit, blob, lines, their SHA-256 and three context lines on each side', async () => {
    const anchor = await anchorOn('src/stable.ts', 4, 5);
    const blob = (await git(repo, 'rev-parse', 'v1:src/stable.ts')).trim();
    expect(anchor).toEqual({
      commit: v1.commit,
      path: 'src/stable.ts',
      blob,
      startLine: 4,
      endLine: 5,
      linesSha256: createHash('sha256').update('const stable4 = 4;\nconst stable5 = 5;').digest('hex'),
      lines: ['const stable4 = 4;', 'const stable5 = 5;'],
      before: ['const stable1 = 1;', 'const stable2 = 2;', 'const stable3 = 3;'],
      after: ['const stable6 = 6;', 'const stable7 = 7;', 'const stable8 = 8;'],
    });
  });

  it('refuses a line range outside the file with INVALID_INPUT', async () => {
    const error = await failure(anchorOn('src/stable.ts', 9, 11));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.messageKey).toBe('error.anchor.outsideFile');
    expect(error.params).toEqual({ startLine: 9, endLine: 11, lineCount: 10 });
    expect((await failure(anchorOn('src/stable.ts', 0, 1))).code).toBe('INVALID_INPUT');
  });

  it('refuses binary files, folders, missing paths and commits the mirror does not have', async () => {
    const binary = await failure(anchorOn('assets/logo.png', 1, 1));
    expect([binary.code, binary.messageKey]).toEqual(['INVALID_INPUT', 'error.anchor.binaryFile']);
    const folder = await failure(anchorOn('src', 1, 1));
    expect([folder.code, folder.messageKey]).toEqual(['INVALID_INPUT', 'error.anchor.notAFile']);
    const missing = await failure(anchorOn('src/nothing.ts', 1, 1));
    expect([missing.code, missing.messageKey]).toEqual(['NOT_FOUND', 'error.anchor.pathNotFound']);
    const commit = await failure(resolver.create(v1.gitDir, 'f'.repeat(40), 'src/stable.ts', 1, 1));
    expect([commit.code, commit.messageKey]).toEqual(['NOT_FOUND', 'error.anchor.commitNotFound']);
  });
});

describe('placing an anchor on another release', () => {
  it('keeps the lines of the same blob: exact, without a diff', async () => {
    const anchor = await anchorOn('src/stable.ts', 4, 5);
    expect(await placeOnV2(anchor)).toEqual({ status: 'exact', path: 'src/stable.ts', startLine: 4, endLine: 5, method: 'same-blob' });
    expect(await resolver.place(anchor, v1.gitDir, v1.commit)).toEqual({ status: 'exact', path: 'src/stable.ts', startLine: 4, endLine: 5, method: 'same-blob' });
  });

  it('follows lines inserted above: moved, through the diff', async () => {
    const anchor = await anchorOn('src/insert.ts', 5, 6);
    expect(await placeOnV2(anchor)).toEqual({ status: 'moved', path: 'src/insert.ts', startLine: 8, endLine: 9, method: 'diff' });
    expect(await linesAt('v2', 'src/insert.ts', 8, 9)).toEqual(anchor.lines);
  });

  it('keeps the line numbers when only lines below changed: exact, through the diff', async () => {
    const anchor = await anchorOn('src/below.ts', 5, 6);
    expect(await placeOnV2(anchor)).toEqual({ status: 'exact', path: 'src/below.ts', startLine: 5, endLine: 6, method: 'diff' });
  });

  it('says outdated when an anchored line was edited, and keeps the original text', async () => {
    const anchor = await anchorOn('src/edit.ts', 4, 5);
    expect(await placeOnV2(anchor)).toEqual({ status: 'outdated', path: null, startLine: null, endLine: null, method: 'none' });
    expect(anchor.lines).toEqual(['const edit4 = 4;', 'const edit5 = 5;']);
  });

  it('finds a block moved far away in the same file: relocated, by its text', async () => {
    const anchor = await anchorOn('src/far.ts', 2, 3);
    expect(await placeOnV2(anchor)).toEqual({ status: 'relocated', path: 'src/far.ts', startLine: 42, endLine: 43, method: 'snippet' });
    expect(await linesAt('v2', 'src/far.ts', 42, 43)).toEqual(anchor.lines);
  });

  it('follows a renamed file that was also edited elsewhere: moved to the new path', async () => {
    const anchor = await anchorOn('lib/old-name.ts', 10, 12);
    expect(await placeOnV2(anchor)).toEqual({ status: 'moved', path: 'lib/new-name.ts', startLine: 12, endLine: 14, method: 'diff' });
    expect(await linesAt('v2', 'lib/new-name.ts', 12, 14)).toEqual(anchor.lines);
    // And back: the anchor written on the new name finds the old one.
    const back = await resolver.create(v2.gitDir, v2.commit, 'lib/new-name.ts', 12, 14);
    expect(await resolver.place(back, v1.gitDir, v1.commit)).toEqual({ status: 'moved', path: 'lib/old-name.ts', startLine: 10, endLine: 12, method: 'diff' });
  });

  it('says outdated when the file was deleted', async () => {
    const anchor = await anchorOn('src/gone.ts', 2, 3);
    expect(await placeOnV2(anchor)).toEqual({ status: 'outdated', path: null, startLine: null, endLine: null, method: 'none' });
  });

  it('chooses among identical copies the one whose context agrees, not the nearest', async () => {
    // The guard of b() (lines 3-5); in v2 the guards of a(), b() and c() follow, a()'s nearest the old place.
    const anchor = await anchorOn('src/dup.ts', 3, 5);
    expect(anchor.lines).toEqual(['  if (!x) {', '    return null;', '  }']);
    const placement = await placeOnV2(anchor);
    expect(placement).toEqual({ status: 'relocated', path: 'src/dup.ts', startLine: 49, endLine: 51, method: 'snippet' });
    expect(await linesAt('v2', 'src/dup.ts', 47, 48)).toEqual(['}', 'function b(x) {']);
  });

  it('refuses a commit that is not in the mirror', async () => {
    const anchor = await anchorOn('src/stable.ts', 1, 1);
    const error = await failure(resolver.place(anchor, v2.gitDir, 'e'.repeat(40)));
    expect([error.code, error.messageKey]).toEqual(['NOT_FOUND', 'error.anchor.commitNotFound']);
  });
});
