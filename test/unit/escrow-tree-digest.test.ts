import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  comparePathBytes,
  encodeRecord,
  EscrowTreeDigestBuilder,
  fileModeFromPermissions,
  formatDigest,
  parseDigest,
  sortByPathBytes,
  type EscrowTreeRecord,
  type Sha256,
} from '../../shared/domain/escrow-tree-digest.js';
import { AppError } from '../../shared/errors.js';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const nodeSha256 = (): Sha256 => {
  const hash = createHash('sha256');
  return { update: (bytes) => void hash.update(bytes), digestHex: () => hash.digest('hex') };
};
const bytes = (text: string) => Buffer.from(text, 'utf8');
const COMMIT = '0123456789abcdef0123456789abcdef01234567';
const NOT_UTF8 = Buffer.from([0x6e, 0xff, 0x2e, 0x74, 0x78, 0x74]); // "n\xff.txt"

describe('escrow-tree-v1 golden vector', () => {
  // Added out of order on purpose: the builder must sort by raw bytes.
  const records: EscrowTreeRecord[] = [
    { mode: '160000', hash: `gitlink:${COMMIT}`, path: bytes('vendor/lib') },
    { mode: '100644', hash: sha256(NOT_UTF8), path: NOT_UTF8 },
    { mode: '120000', hash: sha256('README.md'), path: bytes('docs/link') },
    { mode: '100755', hash: sha256(''), path: bytes('bin/run.sh') },
    { mode: '100644', hash: sha256('hello\n'), path: bytes('README.md') },
  ];

  it('equals SHA-256 over the records written out by hand', () => {
    const written = Buffer.concat([
      bytes(`100644 ${sha256('hello\n')} README.md\0`),
      bytes(`100755 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 bin/run.sh\0`),
      bytes(`120000 ${sha256('README.md')} docs/link\0`),
      Buffer.concat([bytes(`100644 ${sha256(NOT_UTF8)} `), NOT_UTF8, Buffer.from([0])]),
      bytes(`160000 gitlink:${COMMIT} vendor/lib\0`),
    ]);
    const builder = new EscrowTreeDigestBuilder(nodeSha256());
    for (const record of records) builder.add(record);
    const digest = builder.digest();
    expect(digest).toBe(`sha256:${sha256(written)}`);
    // Pinned (also recomputed with printf and sha256sum): a change here changes every approved digest.
    expect(digest).toBe('sha256:9634650ac3c71c6bb64647c88198e304ed9123ea0c7991b7900261a340a7b8ce');
  });

  it('encodes one record as <mode> SP <hash> SP <path> NUL', () => {
    expect(Buffer.from(encodeRecord(records[0]!)).toString('latin1')).toBe(`160000 gitlink:${COMMIT} vendor/lib\0`);
  });

  it('gives the SHA-256 of nothing for an empty tree', () => {
    expect(new EscrowTreeDigestBuilder(nodeSha256()).digest()).toBe(`sha256:${sha256('')}`);
  });
});

describe('path order', () => {
  it('sorts by raw bytes: upper case before lower case, a byte 0xFF after ASCII, a prefix first', () => {
    const paths = [bytes('a'), Buffer.from([0xff]), bytes('B'), bytes('a/b'), bytes('a-b'), bytes('a.b'), bytes('Ж')];
    const sorted = sortByPathBytes(paths, (p) => p).map((p) => Buffer.from(p).toString('hex'));
    expect(sorted).toEqual([bytes('B'), bytes('a'), bytes('a-b'), bytes('a.b'), bytes('a/b'), bytes('Ж'), Buffer.from([0xff])].map((p) => p.toString('hex')));
  });

  it('compares like memcmp, not like UTF-16 strings', () => {
    // U+FF61 sorts before U+1F600 in UTF-8 bytes, but after it as UTF-16 code units.
    expect(comparePathBytes(bytes('\uff61'), bytes('\u{1f600}'))).toBeLessThan(0);
    expect('\uff61' < '\u{1f600}').toBe(false);
    expect(comparePathBytes(bytes('abc'), bytes('abc'))).toBe(0);
  });
});

describe('records and digests', () => {
  it('refuses two records for one path', () => {
    const builder = new EscrowTreeDigestBuilder(nodeSha256());
    builder.add({ mode: '100644', hash: sha256('a'), path: bytes('x') });
    builder.add({ mode: '100755', hash: sha256('b'), path: bytes('x') });
    expect(() => builder.digest()).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', messageKey: 'error.digest.duplicatePath' }));
  });

  it('refuses paths no file system can hold, and hashes that do not fit the mode', () => {
    const builder = new EscrowTreeDigestBuilder(nodeSha256());
    for (const path of ['', '/abs', 'a//b', 'a/', './a', 'a/../b', '.git/config', 'sub/.git', 'nul\0byte']) {
      expect(() => builder.add({ mode: '100644', hash: sha256(''), path: bytes(path) }), path).toThrow(AppError);
    }
    expect(() => builder.add({ mode: '160000', hash: sha256(''), path: bytes('lib') })).toThrow(/malformed/);
    expect(() => builder.add({ mode: '100644', hash: `gitlink:${COMMIT}`, path: bytes('lib') })).toThrow(/malformed/);
    expect(() => builder.add({ mode: '100644', hash: sha256('').toUpperCase(), path: bytes('lib') })).toThrow(/malformed/);
    expect(() => builder.add({ mode: '160000', hash: `gitlink:${'a'.repeat(50)}`, path: bytes('lib') })).toThrow(/malformed/);
  });

  it('accepts a gitlink by a SHA-256 commit id, for repositories using SHA-256 object ids', () => {
    const builder = new EscrowTreeDigestBuilder(nodeSha256());
    builder.add({ mode: '160000', hash: `gitlink:${'b'.repeat(64)}`, path: bytes('vendor/lib') });
    expect(builder.digest()).toBe(`sha256:${sha256(`160000 gitlink:${'b'.repeat(64)} vendor/lib\0`)}`);
  });

  it('takes the mode of a file from the owner execute bit only', () => {
    expect([0o644, 0o664, 0o755, 0o775, 0o744, 0o655, 0o100].map(fileModeFromPermissions)).toEqual(['100644', '100644', '100755', '100755', '100755', '100644', '100755']);
  });

  it('writes and parses sha256:<hex>', () => {
    const hex = sha256('x');
    expect(formatDigest(hex)).toBe(`sha256:${hex}`);
    expect(parseDigest(`sha256:${hex}`)).toBe(hex);
    expect(() => formatDigest('ABC')).toThrow();
  });

  it('refuses anything else as a digest', () => {
    const hex = sha256('x');
    for (const text of ['', hex, `sha256:${hex.toUpperCase()}`, `SHA256:${hex}`, `sha256:${hex.slice(1)}`, `sha256:${hex}0`, ` sha256:${hex}`, `sha256:${hex}\n`, `sha512:${hex}`, `sha256:${'g'.repeat(64)}`]) {
      expect(() => parseDigest(text), JSON.stringify(text)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', messageKey: 'error.digest.malformed' }));
    }
    // The refused text is shown back with control and bidi characters escaped, so it cannot drive a terminal.
    expect(() => parseDigest('sha256:\u001b[2J\u202e')).toThrow('"sha256:\\u{1b}[2J\\u{202e}" is not an escrow tree digest');
  });
});
