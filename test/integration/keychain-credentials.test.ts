import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvironmentCredentials } from '../../electron/core/credentials/git-credentials.js';
import { KeychainCredentials, type Cipher } from '../../electron/core/credentials/keychain-credentials.js';
import { tempDir } from '../helpers/temp.js';

/** AES-256-GCM standing in for the OS keychain, which Electron's safeStorage provides in the app. */
function aesCipher(available = true): Cipher {
  const key = randomBytes(32);
  return {
    isAvailable: () => available,
    encrypt: (plain) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt: (data) => {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

describe('KeychainCredentials', () => {
  it('stores secrets encrypted, never in clear, and finds them by host before the environment', async () => {
    const file = path.join(await tempDir('ew-keys-'), 'keys', 'git-credentials.json');
    const store = new KeychainCredentials(file, aesCipher(), new EnvironmentCredentials({ ESCROW_GIT_TOKEN: 'env-token' }));
    await store.store('Git.Vendor.KZ', { username: 'escrow', secret: 'glpat-VerySecret123' });
    const onDisk = await fs.readFile(file, 'utf8');
    expect(onDisk).not.toContain('glpat-VerySecret123');
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    expect(await store.lookup('git.vendor.kz')).toEqual({ username: 'escrow', secret: 'glpat-VerySecret123' });
    expect(await store.lookup('other.example')).toEqual({ username: 'x-access-token', secret: 'env-token' });
    expect(await store.list()).toEqual([
      { host: 'git.vendor.kz', username: 'escrow', origin: 'keychain', variable: null },
      { host: '*', username: 'x-access-token', origin: 'environment', variable: 'ESCROW_GIT_TOKEN' },
    ]);
    expect(await store.remove('git.vendor.kz')).toBe(true);
    expect(await store.remove('git.vendor.kz')).toBe(false);
    expect(await store.lookup('git.vendor.kz')).toEqual({ username: 'x-access-token', secret: 'env-token' });
  });

  it('refuses to store when the OS keychain is unavailable, writing nothing', async () => {
    const file = path.join(await tempDir('ew-keys-'), 'git-credentials.json');
    const store = new KeychainCredentials(file, aesCipher(false), new EnvironmentCredentials({}));
    await expect(store.store('h', { username: 'u', secret: 's' })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await expect(fs.stat(file)).rejects.toThrow();
  });
});
