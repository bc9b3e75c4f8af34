import { describe, expect, it } from 'vitest';
import { parseRefRecords } from '../../electron/git/for-each-ref.js';
import { classifyGitFailure, GitError } from '../../electron/git/git-error.js';
import { parseLsRemote } from '../../electron/git/ls-remote.js';
import { parseLsTree } from '../../electron/git/ls-tree.js';
import { normaliseBlobMode, parseCommitObject, parseTagObject, parseTreeObject } from '../../electron/git/objects.js';

const OID_A = 'a'.repeat(40);
const OID_B = '0123456789abcdef0123456789abcdef01234567';

function treeEntry(mode: string, name: Buffer | string, oidHex: string): Buffer {
  return Buffer.concat([Buffer.from(`${mode} `), Buffer.from(name), Buffer.from([0]), Buffer.from(oidHex, 'hex')]);
}

describe('tree objects', () => {
  it('parses modes, raw names and binary ids', () => {
    const name = Buffer.from([0xcf, 0xf0, 0x2e, 0x63]); // not UTF-8
    const data = Buffer.concat([treeEntry('100644', 'a.txt', OID_A), treeEntry('40000', 'src', OID_B), treeEntry('100755', name, OID_B)]);
    const entries = parseTreeObject(data);
    expect(entries.map((e) => [e.mode, e.oid])).toEqual([['100644', OID_A], ['40000', OID_B], ['100755', OID_B]]);
    expect(entries[2]!.name.equals(name)).toBe(true);
  });

  it('refuses a truncated tree object', () => {
    const data = treeEntry('100644', 'a.txt', OID_A).subarray(0, 20);
    expect(() => parseTreeObject(data)).toThrow(/malformed tree/);
  });

  it('normalises historical modes', () => {
    expect(normaliseBlobMode('100664')).toBe('100644');
    expect(normaliseBlobMode('100775')).toBe('100755');
    expect(normaliseBlobMode('40000')).toBe('040000');
    expect(normaliseBlobMode('160000')).toBe('160000');
  });
});

describe('commit and tag objects', () => {
  it('reads tree, parents and message of a commit', () => {
    const text = `tree ${OID_A}\nparent ${OID_B}\nauthor A <a@x> 1 +0500\ncommitter C <c@x> 2 +0500\n\nFix <script>alert(1)</script>\n`;
    const commit = parseCommitObject(Buffer.from(text));
    expect(commit).toMatchObject({ tree: OID_A, parents: [OID_B], author: 'A <a@x> 1 +0500', message: 'Fix <script>alert(1)</script>\n' });
  });

  it('refuses a commit without a tree', () => {
    expect(() => parseCommitObject(Buffer.from('author x\n\nmsg'))).toThrow(/no tree/);
  });

  it('reads the target of an annotated tag', () => {
    expect(parseTagObject(Buffer.from(`object ${OID_B}\ntype commit\ntag v1\ntagger T <t@x> 1 +0000\n\nrelease\n`))).toEqual({ object: OID_B, type: 'commit' });
  });
});

describe('command output parsers', () => {
  it('parses ls-tree -z output with tabs and newlines in names', () => {
    const out = Buffer.from(`100644 blob ${OID_A}\tsrc/a\tb.ts\u0000040000 tree ${OID_B}\tsrc\u0000120000 blob ${OID_B}\tlink\nname\u0000`);
    const entries = parseLsTree(out);
    expect(entries.map((e) => [e.mode, e.oid, e.path])).toEqual([['100644', OID_A, 'src/a\tb.ts'], ['120000', OID_B, 'link\nname']]);
  });

  it('escapes path bytes that are not UTF-8, keeping the other entries exact', () => {
    const out = Buffer.concat([Buffer.from(`100644 blob ${OID_A}\tok.txt\u0000100644 blob ${OID_B}\tlegacy/`), Buffer.from([0xd1, 0xef]), Buffer.from('.txt\u0000')]);
    const entries = parseLsTree(out);
    expect(entries[0]).toEqual({ mode: '100644', oid: OID_A, path: 'ok.txt' });
    expect(entries[1]!.path).toBe('legacy/\udcd1\udcef.txt');
  });

  it('parses for-each-ref records with empty peeled ids', () => {
    const out = `refs/heads/main\u0000${OID_A}\u0000\u0000commit\u00002025-01-01T00:00:00+05:00\u0000Initial\nrefs/tags/v1\u0000${OID_B}\u0000${OID_A}\u0000tag\u00002025-01-02T00:00:00+05:00\u0000Release 1\n`;
    expect(parseRefRecords(out)).toEqual([
      { refname: 'refs/heads/main', target: OID_A, peeled: null, objectType: 'commit', date: '2025-01-01T00:00:00+05:00', subject: 'Initial' },
      { refname: 'refs/tags/v1', target: OID_B, peeled: OID_A, objectType: 'tag', date: '2025-01-02T00:00:00+05:00', subject: 'Release 1' },
    ]);
  });

  it('parses ls-remote --symref output', () => {
    expect(parseLsRemote(`ref: refs/heads/trunk\tHEAD\n${OID_A}\tHEAD\n${OID_A}\trefs/heads/trunk\n${OID_B}\trefs/tags/v1\n`)).toEqual({ symref: 'refs/heads/trunk', refCount: 2 });
  });
});

describe('fsck output', () => {
  it('tells missing objects, broken links, corruption and attack content apart', async () => {
    const { parseFsckOutput } = await import('../../electron/git/fsck.js');
    const out = [
      `missing blob ${OID_A}`,
      `broken link from    tree ${OID_B}`,
      `              to    blob ${OID_A}`,
      `error in blob ${OID_B}: gitmodulesUpdate: disallowed submodule update setting: !sh`,
      `error in tag ${OID_A}: missingTaggerEntry: invalid format - expected 'tagger' line`,
      `error: packfile /m/objects/pack/pack-1.pack does not match index`,
      `warning in tree ${OID_A}: zeroPaddedFilemode: contains zero-padded file modes`,
      `warning in tree ${OID_B}: hasDotdot: contains '..'`,
      `dangling commit ${OID_A}`,
    ].join('\n');
    expect(parseFsckOutput(out).map((p) => [p.kind, p.oid])).toEqual([
      ['object-missing', OID_A],
      ['broken-link', OID_A],
      ['unsafe-content', OID_B],
      ['object-malformed', OID_A],
      ['pack-corrupt', null],
      ['unsafe-content', OID_B],
    ]);
  });
});

describe('git failures', () => {
  it('classifies the stderr git writes for expected failures', () => {
    expect(classifyGitFailure("fatal: transport 'ext' not allowed")).toBe('protocol-forbidden');
    expect(classifyGitFailure("fatal: '/tmp/x' does not appear to be a git repository")).toBe('remote-not-found');
    expect(classifyGitFailure('fatal: unable to access \'https://h/\': Could not resolve host: h')).toBe('network');
    expect(classifyGitFailure('fatal: could not read Username for \'https://h\': terminal prompts disabled')).toBe('authentication');
    expect(classifyGitFailure('fatal: bad object 1234')).toBe('corrupt');
    expect(classifyGitFailure('remote: aborting due to possible repository corruption on the remote side.\nfatal: early EOF')).toBe('corrupt');
    expect(classifyGitFailure('fatal: early EOF\nerror: index-pack died\nfatal: remote transport reported error')).toBe('corrupt');
    expect(classifyGitFailure('error: RPC failed; curl 18 transfer closed with outstanding read data remaining\nfatal: early EOF\nfatal: index-pack failed')).toBe('network');
    expect(classifyGitFailure("fatal: unable to access 'https://h/': SSL certificate problem: self-signed certificate")).toBe('certificate');
    expect(classifyGitFailure('fatal: something else')).toBe('failed');
  });

  it('never keeps credentials in its message', () => {
    const error = new GitError('network', ['fetch', 'https://u:pw@h/r.git'], 128, "fatal: unable to access 'https://u:pw@h/r.git/'");
    expect(error.message).not.toContain('pw');
    expect(error.args.join(' ')).not.toContain('pw');
    expect(error.message).toContain('https://***@h/r.git');
  });
});
