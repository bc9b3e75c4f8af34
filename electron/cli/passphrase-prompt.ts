import type { PassphraseSource } from '../core/trust/keyring.js';

/**
 * A locked key's passphrase for the command line: ESCROW_PASSPHRASE, else asked on the terminal without echo
 * (never when stdin is not a terminal: a script gets the clear "locked" error instead of a hang).
 */
export function cliPassphrases(prompt: (person: string) => string): PassphraseSource {
  return async (person) => {
    const fromEnv = process.env['ESCROW_PASSPHRASE'];
    if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
    if (!process.stdin.isTTY) return undefined;
    return readHidden(prompt(person));
  };
}

export function readHidden(question: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    let text = '';
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return done(text);
        if (char === '\u0003' || char === '\u0004') return done(undefined);
        if (char === '\u007f' || char === '\b') text = text.slice(0, -1);
        else text += char;
      }
    };
    const done = (value: string | undefined) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      resolve(value);
    };
    stdin.on('data', onData);
  });
}

/** For servers: only the environment, never a prompt. */
export const environmentPassphrases: PassphraseSource = async () => {
  const fromEnv = process.env['ESCROW_PASSPHRASE'];
  return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
};
