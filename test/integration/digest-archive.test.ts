import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { digestArchive } from '../../electron/core/digest/archive-digest.js';
import { digestDirectory } from '../../electron/core/digest/directory-digest.js';
import { tempDir } from '../helpers/temp.js';

const run = promisify(execFile);
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** One ustar entry written by hand, for archives no tar program would make. */
function tarEntry(name: string, options: { type?: string; body?: string; mode?: number; linkname?: string } = {}): Buffer {
  const body = Buffer.from(options.body ?? '');
  const header = Buffer.alloc(512);
  header.write(name, 0, 100, 'utf8');
  header.write(`${(options.mode ?? 0o644).toString(8).padStart(7, '0')}\0`, 100, 'latin1');
  header.write('0000000\0', 108, 'latin1');
  header.write('0000000\0', 116, 'latin1');
  header.write(`${body.length.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
  header.write('00000000000\0', 136, 'latin1');
  header.write(options.type ?? '0', 156, 'latin1');
  header.write(options.linkname ?? '', 157, 100, 'utf8');
  header.write('ustar\u000000', 257, 'latin1');
  header.fill(0x20, 148, 156);
  header.write(`${header.reduce((sum, byte) => sum + byte, 0).toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return Buffer.concat([header, body, Buffer.alloc((512 - (body.length % 512)) % 512)]);
}

const tarOf = (...entries: Buffer[]) => Buffer.concat([...entries, Buffer.alloc(1024)]);

let scratch: string;
async function write(name: string, content: Buffer): Promise<string> {
  const file = path.join(scratch, name);
  await fs.writeFile(file, content);
  return file;
}

beforeAll(async () => {
  scratch = await tempDir('ew-digest-tar-');
});

describe('tar formats', () => {
  it('reads GNU long names and long link targets, hard links, ./ prefixes, pax and gzip as the folder they came from', async () => {
    const dir = path.join(scratch, 'tree');
    const longName = `${'a-very-long-file-name-'.repeat(6)}.c`;
    await fs.mkdir(path.join(dir, 'src', 'nested'), { recursive: true });
    await fs.writeFile(path.join(dir, 'src', longName), 'long\n');
    await fs.writeFile(path.join(dir, 'src', 'nested', 'tool'), '#!/bin/sh\n', { mode: 0o755 });
    await fs.writeFile(path.join(dir, 'original.txt'), 'shared inode\n');
    await fs.link(path.join(dir, 'original.txt'), path.join(dir, 'src', 'hardlink.txt'));
    await fs.symlink(`${'../'.repeat(40)}target`, path.join(dir, 'src', 'far-link'));
    await fs.writeFile(path.join(dir, 'empty'), '');
    const expected = (await digestDirectory(dir)).digest;

    const gnu = path.join(scratch, 'gnu.tar');
    await run('tar', ['--format=gnu', '-cf', gnu, '-C', dir, '.']);
    const listing = (await run('tar', ['-tvf', gnu])).stdout;
    expect(listing).toMatch(/^h.* link to \.\/(original|src\/hardlink)\.txt$/m);
    expect((await fs.readFile(gnu)).includes('././@LongLink')).toBe(true);
    expect((await digestArchive(gnu)).digest).toBe(expected);

    for (const [name, flags] of [['pax.tar', ['--format=pax', '-cf']], ['gnu.tgz', ['--format=gnu', '-czf']], ['wrapped.tar', ['--format=pax', '--transform=s,^\\.,top,S', '-cf']]] as const) {
      const file = path.join(scratch, name);
      await run('tar', [...flags, file, '-C', dir, '.']);
      expect((await digestArchive(file, { stripComponents: name === 'wrapped.tar' ? 1 : 0 })).digest, name).toBe(expected);
    }
  });

  it('digests hand-made entries: empty file, hard link, symlink, and ignores folders and a global header', async () => {
    const archive = await write(
      'hand.tar',
      tarOf(
        tarEntry('pax_global_header', { type: 'g', body: '52 comment=0123456789abcdef0123456789abcdef01234567\n' }),
        tarEntry('dir/', { type: '5', mode: 0o755 }),
        tarEntry('dir/run', { body: 'x', mode: 0o744 }),
        tarEntry('dir/same', { type: '1', linkname: 'dir/run' }),
        tarEntry('dir/link', { type: '2', linkname: '/etc/passwd' }),
        tarEntry('./dir//empty'),
      ),
    );
    const records = [`100755 ${sha256('x')} dir/run`, `100755 ${sha256('x')} dir/same`, `120000 ${sha256('/etc/passwd')} dir/link`, `100644 ${sha256('')} dir/empty`].sort((a, b) => Buffer.compare(Buffer.from(a.split(' ')[2]!), Buffer.from(b.split(' ')[2]!)));
    expect((await digestArchive(archive)).digest).toBe(`sha256:${sha256(records.map((r) => `${r}\0`).join(''))}`);
  });
});

describe('damaged and hostile archives', () => {
  const good = tarOf(tarEntry('a.txt', { body: 'a'.repeat(600) }), tarEntry('b.txt', { body: 'b' }));

  it('refuses a truncated archive, also when cut between entries', async () => {
    await expect(digestArchive(await write('cut.tar', good.subarray(0, 1000)))).rejects.toMatchObject({ code: 'INVALID_INPUT', messageKey: 'error.digest.archiveTruncated' });
    await expect(digestArchive(await write('cut-boundary.tar', good.subarray(0, 1536)))).rejects.toMatchObject({ messageKey: 'error.digest.archiveTruncated', params: expect.objectContaining({ offset: 1536 }) });
    const gz = gzipSync(good);
    await expect(digestArchive(await write('cut.tar.gz', gz.subarray(0, gz.length - 10)))).rejects.toMatchObject({ code: 'INVALID_INPUT', messageKey: 'error.digest.archiveCorrupt' });
  });

  it('refuses a header whose checksum does not match, and a file that is no archive', async () => {
    const damaged = Buffer.from(good);
    damaged[1536 + 1] = 0x41; // the second header's name
    await expect(digestArchive(await write('bad-sum.tar', damaged))).rejects.toMatchObject({ messageKey: 'error.digest.archiveChecksum', params: expect.objectContaining({ offset: 1536 }) });
    await expect(digestArchive(await write('text.tar', Buffer.from('just text\n'.repeat(100))))).rejects.toMatchObject({ messageKey: 'error.digest.notAnArchive' });
    await expect(digestArchive(await write('empty.tar', Buffer.alloc(0)))).rejects.toMatchObject({ messageKey: 'error.digest.notAnArchive' });
    await expect(digestArchive(path.join(scratch, 'missing.tar'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(digestArchive(scratch)).rejects.toMatchObject({ messageKey: 'error.digest.archiveNotFile' });
  });

  it('refuses paths that escape, links to nowhere, special files and repeated paths', async () => {
    const refused = async (name: string, entries: Buffer[], messageKey: string) =>
      expect(digestArchive(await write(name, tarOf(...entries))), name).rejects.toMatchObject({ code: 'INVALID_INPUT', messageKey });
    await refused('dotdot.tar', [tarEntry('pkg/../../etc/passwd', { body: 'x' })], 'error.digest.archivePathEscapes');
    await refused('absolute.tar', [tarEntry('/etc/passwd', { body: 'x' })], 'error.digest.archivePathEscapes');
    await refused('dotdot-dir.tar', [tarEntry('../', { type: '5' })], 'error.digest.archivePathEscapes');
    await refused('link-out.tar', [tarEntry('a', { type: '1', linkname: '../../etc/passwd' })], 'error.digest.archivePathEscapes');
    await refused('link-missing.tar', [tarEntry('a', { type: '1', linkname: 'later' }), tarEntry('later', { body: 'x' })], 'error.digest.archiveLinkMissing');
    await refused('fifo.tar', [tarEntry('pipe', { type: '6' })], 'error.digest.archiveEntryType');
    await refused('device.tar', [tarEntry('tty', { type: '3' })], 'error.digest.archiveEntryType');
    await refused('twice.tar', [tarEntry('a', { body: '1' }), tarEntry('./a', { body: '2' })], 'error.digest.duplicatePath');
    await expect(digestArchive(await write('ok.tar', good), { stripComponents: -1 })).rejects.toMatchObject({ messageKey: 'error.digest.badStripComponents' });
  });

  it('skips entries stripped away or under .git', async () => {
    const archive = await write('strip.tar', tarOf(tarEntry('top', { body: 'gone' }), tarEntry('top/a.txt', { body: 'a' }), tarEntry('top/.git/config', { body: 'x' })));
    expect((await digestArchive(archive, { stripComponents: 1 })).files.map((f) => f.path)).toEqual(['a.txt']);
  });
});
