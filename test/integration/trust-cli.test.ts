import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSPHRASE } from '../../electron/core/demo/demo-workspace.js';
import { root } from '../../scripts/lib/build-steps.mjs';
import { runCliProcess } from '../helpers/cli-process.js';
import { tempDir } from '../helpers/temp.js';

const run = promisify(execFile);
let workspace: string;
let dir: string;
const cli = (...args: string[]) => runCliProcess(['--workspace', workspace, ...args], { env: { ESCROW_PASSPHRASE: DEMO_PASSPHRASE } });
const COMPONENT = 'payments-gateway';
const REF = 'v1.2.0';

beforeAll(async () => {
  dir = await tempDir('ew-trust-cli-');
  workspace = path.join(dir, 'demo');
  expect((await runCliProcess(['--workspace', workspace, 'demo'])).code).toBe(0);
}, 180_000);

describe('the demo release taken to approval from the command line', () => {
  it('shows the roster the demo made, with its trust root', async () => {
    const listed = JSON.parse((await cli('--json', 'user', 'list')).stdout) as { people: Array<{ name: string; roles: string[] }>; trustRoot: string };
    expect(listed.people.map((p) => `${p.name}:${p.roles.join(',')}`)).toEqual(['Gulnara:admin', 'Dana:reviewer', 'Arman:reviewer,security', 'Aigerim:approver']);
    expect(listed.trustRoot).toMatch(/^[0-9a-f]{64}$/);
  });

  it('needs a policy, a pin, full coverage and three sign-offs; the gate exits 3 until then', async () => {
    expect((await cli('--as', 'Gulnara', 'policy', 'set', COMPONENT, '--signoffs', 'reviewer=1,security=1,approver=1', '--coverage', 'safe-to-deploy=100', '--max-open-severity', 'low')).code).toBe(0);
    expect((await cli('--as', 'Dana', 'policy', 'set', COMPONENT, '--max-open-severity', 'none')).stderr).toContain('Dana may not do policy.set: it needs one of the roles admin.');
    expect((await cli('release', 'pin', COMPONENT, REF)).code).toBe(0);
    const before = await cli('gate', COMPONENT, REF);
    expect(before.code).toBe(3);
    expect(before.stdout).toMatch(/NOT met\s+coverage:safe-to-deploy\s+safe-to-deploy: 0% of \d+ lines reviewed, 100% required/);

    const tree = JSON.parse((await cli('--json', 'tree', COMPONENT, REF)).stdout) as { entries: Array<{ path: string; mode: string }> };
    const files = tree.entries.filter((e) => e.mode === '100644' || e.mode === '100755').map((e) => e.path);
    expect((await cli('--as', 'Dana', 'review', 'mark', COMPONENT, REF, ...files)).code).toBe(0);
    const early = await cli('--as', 'Aigerim', 'signoff', COMPONENT, REF, '--decision', 'approve');
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('The gate is not met, so the release cannot be approved yet: reviewer: 0 of 1 approvals; security: 0 of 1 approvals.');
    expect((await cli('--as', 'Dana', 'signoff', COMPONENT, REF, '--decision', 'approve', '--comment', 'Every file read.')).stdout).toContain('Dana signed approve as reviewer for payments-gateway@refs/tags/v1.2.0');
    expect((await cli('--as', 'Arman', 'signoff', COMPONENT, REF, '--role', 'security', '--decision', 'approve')).code).toBe(0);
    expect((await cli('--as', 'Aigerim', 'signoff', COMPONENT, REF, '--decision', 'approve', '--comment', 'Deploy to production.')).code).toBe(0);
    const after = await cli('gate', COMPONENT, REF);
    expect(after.code).toBe(0);
    expect(after.stdout).toContain('Approved: every requirement is met.');
  });

  it('exports a manifest that the stand-alone verifier checks against the mirror and against a tarball', async () => {
    const manifest = path.join(dir, 'payments.manifest.json');
    expect((await cli('--as', 'Aigerim', 'manifest', 'export', COMPONENT, REF, '-o', manifest)).code).toBe(0);
    const mirror = path.join(workspace, 'demo-vendor', 'payments-gateway.git');
    const commit = (await run('git', ['--git-dir', mirror, 'rev-parse', `${REF}^{commit}`])).stdout.trim();
    const trustRoot = (JSON.parse((await cli('--json', 'user', 'list')).stdout) as { trustRoot: string }).trustRoot;
    const verifier = path.join(root, 'resources', 'verifier', 'escrow-verify.mjs');
    const byRepo = await run(process.execPath, [verifier, manifest, '--repo', mirror, '--commit', commit, '--trust-root', trustRoot]);
    expect(byRepo.stdout).toMatch(/ok\s+tree-digest/);
    const tarball = path.join(dir, 'payments.tar.gz');
    await run('sh', ['-c', `git --git-dir "${mirror}" archive --format=tar.gz --prefix=payments/ -o "${tarball}" ${REF}`]);
    await run(process.execPath, [verifier, manifest, '--archive', tarball, '--strip-components', '1']);
    // The app's own command gives the same verdict; another release's tree fails it with exit 3.
    expect((await cli('manifest', 'verify', manifest, '--repo', mirror, '--commit', commit)).code).toBe(0);
    const other = (await run('git', ['--git-dir', mirror, 'rev-parse', 'v1.1.0^{commit}'])).stdout.trim();
    const wrong = await cli('manifest', 'verify', manifest, '--repo', mirror, '--commit', other);
    expect(wrong.code).toBe(3);
    expect(wrong.stdout).toMatch(/FAIL\s+tree-digest/);
  });

  it('audits the whole ledger clean, and names a tampered row with exit 3', async () => {
    const clean = await cli('--json', 'audit', 'verify');
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout)).toMatchObject({ ok: true, problems: [] });
    // Someone edits the database behind the app's back.
    const sqlite3 = (await import('sqlite3')).default;
    await new Promise<void>((resolve, reject) => {
      const db = new sqlite3.Database(path.join(workspace, 'workbench.db'));
      db.run("UPDATE signoffs SET decision = 'reject' WHERE signer = 'Dana'", (e) => db.close(() => (e ? reject(e) : resolve())));
    });
    const tampered = await cli('audit', 'verify');
    expect(tampered.code).toBe(3);
    expect(tampered.stdout).toMatch(/row-unexplained\s+signoffs\s+.*"decision":"reject"/);
  });

  it('finds the same forged signature with libsodium and with node:crypto (ESCROW_ED25519=openssl)', async () => {
    const sqlite3 = (await import('sqlite3')).default;
    const db = new sqlite3.Database(path.join(workspace, 'workbench.db'));
    const edit = (statement: string) => new Promise<void>((resolve, reject) => db.run(statement, (e) => (e ? reject(e) : resolve())));
    const signed = await new Promise<{ id: string }>((resolve, reject) =>
      db.get("SELECT id FROM events WHERE type = 'signoff.signed' AND actor = 'Dana'", (e, row: { id: string }) => (e ? reject(e) : resolve(row))),
    );
    // The row the test before changed is put back; Dana's sign-off event gets a signature one character off.
    await edit("UPDATE signoffs SET decision = 'approve' WHERE signer = 'Dana'");
    await edit(`UPDATE events SET signature = substr(signature, 1, 10) || CASE substr(signature, 11, 1) WHEN 'A' THEN 'B' ELSE 'A' END || substr(signature, 12) WHERE id = '${signed.id}'`);
    await new Promise((resolve) => db.close(resolve));
    const reports = [];
    for (const engine of [{}, { ESCROW_ED25519: 'openssl' }]) {
      const result = await runCliProcess(['--workspace', workspace, '--json', 'audit', 'verify'], { env: { ESCROW_PASSPHRASE: DEMO_PASSPHRASE, ...engine } });
      expect(result.code).toBe(3);
      const report = JSON.parse(result.stdout) as { problems: Array<{ kind: string; event: string | null; table: string | null }> };
      reports.push(report.problems.map(({ kind, event, table }) => ({ kind, event, table })));
    }
    expect(reports[0]).toContainEqual({ kind: 'signature', event: signed.id, table: null });
    expect(reports[1]).toEqual(reports[0]);
  });
});
