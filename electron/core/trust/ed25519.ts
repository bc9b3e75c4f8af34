import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { createRequire } from 'node:module';
import { publicKeyWeakness, signatureWeakness, type KeyWeakness } from '../../../resources/verifier/lib/ed25519-strict.mjs';

/**
 * Ed25519 verification as the core does it everywhere: the strict encodings of ed25519-strict.mjs (shared
 * with the stand-alone verifier, so both accept exactly the same signatures), then the equation, by
 * libsodium when its prebuilt addon loads here (half the cost of OpenSSL's, which `audit verify` pays once
 * per event) and by node:crypto otherwise. With the strict encodings checked first the two agree on every
 * input: libsodium refuses exactly those encodings before the same cofactorless equation.
 */

/** A roster key ready to verify with: the raw bytes for libsodium and the strict checks, a KeyObject for OpenSSL. */
export interface VerifyingKey {
  raw: Buffer;
  object: KeyObject;
  weakness: KeyWeakness | null;
}

interface Sodium {
  crypto_sign_verify_detached(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean;
}

export type Ed25519Engine = 'libsodium' | 'openssl';

const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The key for 32 raw bytes (which the caller has checked are 32). */
export function verifyingKey(raw: Buffer): VerifyingKey {
  return { raw, object: createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' }), weakness: publicKeyWeakness(raw) };
}

export function verifyEd25519(key: VerifyingKey, data: Uint8Array, signature: Uint8Array): boolean {
  return verifyEd25519Using(ed25519Engine(), key, data, signature);
}

/** The same by a named engine (the tests show the two agree on every input). */
export function verifyEd25519Using(engine: Ed25519Engine, key: VerifyingKey, data: Uint8Array, signature: Uint8Array): boolean {
  return encodingsAcceptable(key, signature) && equationHolds(engine, key, data, signature);
}

/** Whether the equation may decide: a weak key or signature never verifies (worker threads check only the equation, after this). */
export function encodingsAcceptable(key: VerifyingKey, signature: Uint8Array): boolean {
  return key.weakness === null && signatureWeakness(signature) === null;
}

function equationHolds(engine: Ed25519Engine, key: VerifyingKey, data: Uint8Array, signature: Uint8Array): boolean {
  const sodium = engine === 'libsodium' ? loadSodium() : null;
  if (engine === 'libsodium' && !sodium) throw new Error('libsodium does not load here');
  try {
    return sodium ? sodium.crypto_sign_verify_detached(signature, data, key.raw) : verify(null, data, key.object, signature);
  } catch {
    return false;
  }
}

let loaded: { sodium: Sodium; entry: string } | null | undefined;

/**
 * sodium-native and the file it was loaded from, or null where its addon does not load (or
 * ESCROW_ED25519=openssl asks for node:crypto, as the tests do to compare the two).
 */
function loadSodium(): Sodium | null {
  if (loaded === undefined) {
    loaded = null;
    if (process.env['ESCROW_ED25519'] !== 'openssl') {
      try {
        const require = createRequire(import.meta.url);
        const entry = require.resolve('sodium-native');
        loaded = { sodium: require(entry) as Sodium, entry };
      } catch {
        loaded = null;
      }
    }
  }
  return loaded?.sodium ?? null;
}

export function ed25519Engine(): Ed25519Engine {
  return loadSodium() ? 'libsodium' : 'openssl';
}

/** Where worker threads load sodium-native from (the same file as here), or null for node:crypto. */
export function sodiumEntry(): string | null {
  loadSodium();
  return loaded?.entry ?? null;
}
