import { safeStorage } from 'electron';
import type { Cipher } from '../core/credentials/keychain-credentials.js';

/** Electron's safeStorage (Keychain, DPAPI, libsecret) as the credential store's cipher. */
export const safeStorageCipher: Cipher = {
  isAvailable: () => safeStorage.isEncryptionAvailable(),
  encrypt: (plain) => safeStorage.encryptString(plain),
  decrypt: (encrypted) => safeStorage.decryptString(encrypted),
};
