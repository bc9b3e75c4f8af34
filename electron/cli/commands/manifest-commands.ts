import { promises as fs } from 'node:fs';
import path from 'node:path';
import { checkManifest } from '../../../resources/verifier/escrow-verify.mjs';
import { AppError } from '../../../shared/errors.js';
import { single } from '../args.js';
import type { CommandSpec } from '../command.js';
import { safeForTerminal } from '../terminal-text.js';
import { digestSource, sourceCommit, TREE_OPTIONS } from './digest-commands.js';

export const manifestCommands: CommandSpec[] = [
  {
    words: ['manifest', 'export'],
    usage: 'NAME REF -o FILE',
    summary: 'cli.trust.command.manifestExport',
    options: [{ name: 'o', value: true }],
    positionals: { min: 2, max: 2 },
    async run(context, options) {
      const [component = '', ref = ''] = options.positionals;
      const file = single(options, 'o');
      if (file === undefined) throw new AppError('INVALID_INPUT', 'error.cli.optionRequired', { option: '-o' });
      const { manifest } = await context.call('manifest.export', { component, ref }, { write: true });
      const target = path.resolve(file);
      const temp = `${target}.${process.pid}.tmp`;
      await fs.writeFile(temp, `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx' });
      await fs.rename(temp, target);
      const subject = (JSON.parse(Buffer.from(String(manifest['payload']), 'base64').toString('utf8')) as { subject: { name: string } }).subject.name;
      return { json: { file: target, subject }, human: context.t('cli.trust.manifestWritten', { subject: safeForTerminal(subject), file: safeForTerminal(target) }) };
    },
  },
  {
    words: ['manifest', 'verify'],
    usage: 'FILE (--dir D | --archive F | --repo GITDIR --commit SHA) [--trust-root KEYID] [--at DATE]',
    summary: 'cli.trust.command.manifestVerify',
    options: [...TREE_OPTIONS, { name: 'trust-root', value: true }, { name: 'at', value: true }],
    positionals: { min: 1, max: 1 },
    async run(context, options) {
      const file = options.positionals[0]!;
      let manifest: unknown;
      try {
        manifest = JSON.parse(await fs.readFile(file, 'utf8'));
      } catch (error) {
        throw new AppError('INVALID_INPUT', 'error.manifest.unreadable', { file, reason: (error as Error).message });
      }
      const at = single(options, 'at');
      const when = at === undefined ? undefined : new Date(at);
      if (when !== undefined && Number.isNaN(when.getTime())) throw new AppError('INVALID_INPUT', 'error.finding.badDate', { date: at! });
      const trustRoot = single(options, 'trust-root');
      if (trustRoot !== undefined && !/^[0-9a-f]{64}$/.test(trustRoot)) throw new AppError('INVALID_INPUT', 'error.identity.badKeyid', { value: trustRoot });
      // The app's own digest of the tree; the checks are the stand-alone verifier's (resources/verifier), so both faces judge alike.
      const { digest } = await digestSource(options, context.signal);
      const result = checkManifest(manifest, { digest, commit: await sourceCommit(options, context.signal) }, { trustRoot, at: when });
      const lines = result.checks.map((c) => `${c.ok ? 'ok  ' : 'FAIL'}  ${c.name}  ${safeForTerminal(c.detail)}`);
      const failed = result.checks.filter((c) => !c.ok).length;
      return {
        json: result,
        human: [...lines, ...result.warnings.map((w) => `note  ${safeForTerminal(w)}`), context.t(failed === 0 ? 'cli.trust.manifestOk' : 'cli.trust.manifestFailed', { count: failed })].join('\n'),
        exitCode: result.ok ? 0 : 3,
      };
    },
  },
];
