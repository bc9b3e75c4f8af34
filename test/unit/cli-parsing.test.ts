import { describe, expect, it } from 'vitest';
import { parseOptions, UsageError } from '../../electron/cli/args.js';
import { safeForTerminal } from '../../electron/cli/terminal-text.js';
import { table } from '../../electron/cli/table.js';

describe('parseOptions', () => {
  const specs = [{ name: 'role', value: true, repeat: true }, { name: 'json' }, { name: 'port', value: true }];

  it('collects flags, values and positionals', () => {
    const parsed = parseOptions(['a', '--role', 'reviewer', '--role=approver', '--json', 'b', '--port', '8080'], specs);
    expect(parsed.positionals).toEqual(['a', 'b']);
    expect(parsed.values.get('role')).toEqual(['reviewer', 'approver']);
    expect(parsed.values.get('port')).toEqual(['8080']);
    expect(parsed.flags.has('json')).toBe(true);
  });

  it('treats everything after -- as positionals', () => {
    expect(parseOptions(['--', '--json', '-x'], specs).positionals).toEqual(['--json', '-x']);
  });

  it('refuses unknown, repeated and value-less options', () => {
    expect(() => parseOptions(['--nope'], specs)).toThrow(UsageError);
    expect(() => parseOptions(['-x'], specs)).toThrow(UsageError);
    expect(() => parseOptions(['--port', '1', '--port', '2'], specs)).toThrow(UsageError);
    expect(() => parseOptions(['--port'], specs)).toThrow(UsageError);
    expect(() => parseOptions(['--json=yes'], specs)).toThrow(UsageError);
  });
});

describe('terminal output', () => {
  it('shows escape sequences and bidi overrides as visible escapes', () => {
    expect(safeForTerminal('evil\u001b[2Jname')).toBe('evil\\u{1b}[2Jname');
    expect(safeForTerminal('if (isAdmin) \u202e} \u2066')).toBe('if (isAdmin) \\u{202e}} \\u{2066}');
    expect(safeForTerminal('a\nb\tc')).toBe('a\\nb\\tc');
    expect(safeForTerminal('a\nb', { keepNewlines: true })).toBe('a\nb');
    // A carriage return could move the cursor back over what was printed: on one line every one is shown; in file
    // text only a lone one (a CRLF line end stays as it is).
    expect(safeForTerminal('subject\r\nbody')).toBe('subject\\u{d}\\nbody');
    expect(safeForTerminal('line one\r\nline two\rHIDDEN', { keepNewlines: true })).toBe('line one\r\nline two\\u{d}HIDDEN');
    expect(safeForTerminal('Кириллица ok')).toBe('Кириллица ok');
  });

  it('pads table columns by characters, not bytes', () => {
    expect(table(['NAME', 'N'], [['ёж', '1'], ['payments', '22']])).toBe('NAME      N\nёж        1\npayments  22');
  });
});
