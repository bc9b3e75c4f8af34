import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../shared/redact.js';

describe('redactSecrets', () => {
  it('removes credentials from https URLs but keeps the host', () => {
    expect(redactSecrets('fatal: unable to access https://bob:s3cret@git.example.kz/a.git/')).toBe('fatal: unable to access https://***@git.example.kz/a.git/');
    expect(redactSecrets('https://ghp_abcdefghijklmnopqrstuvwxyz0123@github.com/x')).toBe('https://***@github.com/x');
  });

  it('keeps an ssh user name, which is not a secret, but not an ssh password', () => {
    expect(redactSecrets('ssh://git@host/repo.git')).toBe('ssh://git@host/repo.git');
    expect(redactSecrets('ssh://git:pw@host/repo.git')).toBe('ssh://***@host/repo.git');
  });

  it('removes authorization headers and bare GitHub tokens', () => {
    expect(redactSecrets('Authorization: Bearer abc.def')).toBe('Authorization: Bearer ***');
    expect(redactSecrets('token github_pat_11ABCDEFGHIJKLMNOPQRSTUV_xyz in log')).toBe('token *** in log');
  });
});
