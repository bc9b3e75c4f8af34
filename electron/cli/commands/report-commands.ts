import { promises as fs } from 'node:fs';
import path from 'node:path';
import { REPORT_FORMATS } from '../../../shared/contract/reports.js';
import { AppError } from '../../../shared/errors.js';
import { LOCALES, resolveLocale } from '../../../shared/i18n/index.js';
import { single } from '../args.js';
import type { CommandSpec } from '../command.js';
import { safeForTerminal } from '../terminal-text.js';

function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new AppError('INVALID_INPUT', 'error.cli.oneOf', { option, value, allowed: allowed.join(', ') });
  return value as T;
}

export const reportCommands: CommandSpec[] = [
  {
    words: ['report'],
    usage: 'NAME REF --format html|pdf [--locale en|ru|kk] -o FILE',
    summary: 'cli.report.command',
    options: [{ name: 'format', value: true }, { name: 'locale', value: true }, { name: 'o', value: true }],
    positionals: { min: 2, max: 2 },
    async run(context, options) {
      const [component = '', ref = ''] = options.positionals;
      const formatText = single(options, 'format');
      if (formatText === undefined) throw new AppError('INVALID_INPUT', 'error.cli.optionRequired', { option: '--format' });
      const format = oneOf(formatText, REPORT_FORMATS, '--format');
      const localeText = single(options, 'locale');
      // The report's language defaults to the command line's own (--lang, ESCROW_LANG, LANG).
      const locale = localeText === undefined ? resolveLocale(context.globals.locale) : oneOf(localeText, LOCALES, '--locale');
      const file = single(options, 'o');
      if (file === undefined) throw new AppError('INVALID_INPUT', 'error.cli.optionRequired', { option: '-o' });
      const report = await context.call('report.render', { component, ref, locale, format });
      const bytes = Buffer.from(report.base64, 'base64');
      const target = path.resolve(file);
      const temp = `${target}.${process.pid}.tmp`;
      await fs.writeFile(temp, bytes, { flag: 'wx' });
      await fs.rename(temp, target);
      const subject = `${component}@${ref}`;
      return {
        json: { file: target, format, locale, mimeType: report.mimeType, bytes: bytes.length },
        human: context.t('cli.report.written', { format: format.toUpperCase(), subject: safeForTerminal(subject), file: safeForTerminal(target) }),
      };
    },
  },
];
