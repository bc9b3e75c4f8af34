import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, pbkdf2Sync, randomBytes, createCipheriv, sign, type KeyObject } from 'node:crypto';
import { AppError } from '../../../shared/errors.js';
import { verifyingKey, type VerifyingKey } from './ed25519.js';

/** A person's Ed25519 public key as the roster carries it: raw 32 bytes, base64, and its key id. */
export interface PublicIdentity {
  publicKey: string;
  keyid: string;
}

/** `keyid` = lowercase hex SHA-256 of the raw 32-byte Ed25519 public key (DESIGN.md). */
export function keyIdOf(rawPublicKey: Buffer): string {
  return createHash('sha256').update(rawPublicKey).digest('hex');
}

export function rawPublicKey(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  return Buffer.from(jwk.x!, 'base64url');
}

export function publicIdentityOf(key: KeyObject): PublicIdentity {
  const raw = rawPublicKey(key.type === 'private' ? createPublicKey(key) : key);
  return { publicKey: raw.toString('base64'), keyid: keyIdOf(raw) };
}

/**
 * The key for a roster entry's base64 raw key; refuses anything that is not exactly the base64 of 32 bytes.
 * A weak key (not canonical, or of small order) comes back with its weakness set: it verifies nothing.
 */
export function verifyingKeyFromBase64(base64: string): VerifyingKey {
  const raw = Buffer.from(base64, 'base64');
  if (raw.length !== 32 || raw.toString('base64') !== base64) throw new AppError('INVALID_INPUT', 'error.identity.badPublicKey', {});
  try {
    return verifyingKey(raw);
  } catch {
    throw new AppError('INVALID_INPUT', 'error.identity.badPublicKey', {});
  }
}

export function newKeyPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('ed25519');
}

export function signBytes(privateKey: KeyObject, data: Buffer): string {
  return sign(null, data, privateKey).toString('base64');
}

/** PBKDF2-HMAC-SHA256 rounds for new key files (OWASP 2023); the count is stored in the file, so any value opens. */
export function kdfIterations(): number {
  const fromEnv = Number(process.env['ESCROW_KDF_ITERATIONS']);
  return Number.isInteger(fromEnv) && fromEnv >= 1000 ? fromEnv : 600_000;
}

/**
 * The private key as an encrypted PKCS#8 PEM (PBES2: PBKDF2-HMAC-SHA256 + AES-256-CBC). Node's own export
 * uses OpenSSL's default of 2048 rounds, too few for a passphrase; the structure is written here instead,
 * and any PKCS#8 reader (`openssl pkcs8`, node:crypto) opens it.
 */
export function encryptPrivateKey(privateKey: KeyObject, passphrase: string, iterations = kdfIterations()): string {
  if (passphrase.length === 0) throw new AppError('INVALID_INPUT', 'error.identity.emptyPassphrase', {});
  const plain = privateKey.export({ format: 'der', type: 'pkcs8' });
  const salt = randomBytes(16);
  const iv = randomBytes(16);
  const key = pbkdf2Sync(Buffer.from(passphrase, 'utf8'), salt, iterations, 32, 'sha256');
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  const encrypted = Buffer.concat([cipher.update(plain), cipher.final()]);
  const der = seq(
    seq(
      oid('1.2.840.113549.1.5.13'), // PBES2
      seq(
        seq(oid('1.2.840.113549.1.5.12'), seq(octets(salt), integer(iterations), seq(oid('1.2.840.113549.2.9'), nul()))), // PBKDF2, hmacWithSHA256
        seq(oid('2.16.840.1.101.3.4.1.42'), octets(iv)), // aes256-CBC
      ),
    ),
    octets(encrypted),
  );
  const body = der.toString('base64').replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN ENCRYPTED PRIVATE KEY-----\n${body}-----END ENCRYPTED PRIVATE KEY-----\n`;
}

export function decryptPrivateKey(pem: string, passphrase: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem', passphrase });
  } catch {
    throw new AppError('UNAUTHORIZED', 'error.identity.wrongPassphrase', {});
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new AppError('INTEGRITY', 'error.identity.notEd25519', {});
  return key;
}

function tlv(tag: number, content: Buffer): Buffer {
  const n = content.length;
  const length = n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : n < 0x10000 ? Buffer.from([0x82, n >> 8, n & 0xff]) : Buffer.from([0x83, n >> 16, (n >> 8) & 0xff, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), length, content]);
}
const seq = (...parts: Buffer[]) => tlv(0x30, Buffer.concat(parts));
const octets = (b: Buffer) => tlv(0x04, b);
const nul = () => Buffer.from([0x05, 0x00]);
function integer(value: number): Buffer {
  const bytes: number[] = [];
  let v = value;
  do {
    bytes.unshift(v & 0xff);
    v = Math.floor(v / 256);
  } while (v > 0);
  if (bytes[0]! & 0x80) bytes.unshift(0);
  return tlv(0x02, Buffer.from(bytes));
}
function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const out = [a! * 40 + b!];
  for (const n of rest) {
    const chunk: number[] = [];
    let v = n;
    do {
      chunk.unshift((v & 0x7f) | (chunk.length ? 0x80 : 0));
      v = Math.floor(v / 128);
    } while (v > 0);
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}
