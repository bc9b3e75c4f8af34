// @ts-check
import { Buffer } from 'node:buffer';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { publicKeyWeakness, signatureWeakness } from './ed25519-strict.mjs';
import { isRecord } from './shape.mjs';

/** @typedef {import('node:crypto').KeyObject} KeyObject */

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * DSSE's pre-authentication encoding: "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, LEN being the
 * ASCII decimal byte length. Signing this, not the bare payload, binds the payload type into the signature.
 * @param {string} type
 * @param {Uint8Array} body
 * @returns {Buffer}
 */
export function paeBytes(type, body) {
  const typeBytes = Buffer.from(type, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${typeBytes.length} `, 'ascii'), typeBytes, Buffer.from(` ${body.length} `, 'ascii'), body]);
}

/**
 * keyid = lowercase hex SHA-256 of the raw 32-byte Ed25519 public key.
 * @param {Uint8Array} rawPublicKey
 * @returns {string}
 */
export function keyIdOf(rawPublicKey) {
  return createHash('sha256').update(rawPublicKey).digest('hex');
}

/**
 * Bytes of base64 text (standard alphabet with padding, or URL-safe without); null when the text is not
 * exactly one encoding of some bytes, so no two texts stand for the same signature or key.
 * @param {unknown} text
 * @returns {Buffer | null}
 */
export function decodeBase64(text) {
  if (typeof text !== 'string') return null;
  if (BASE64.test(text)) {
    const bytes = Buffer.from(text, 'base64');
    return bytes.toString('base64') === text ? bytes : null;
  }
  if (BASE64URL.test(text) && text.length % 4 !== 1) {
    const bytes = Buffer.from(text, 'base64url');
    return bytes.toString('base64url') === text ? bytes : null;
  }
  return null;
}

/**
 * A roster public key (base64 of the raw 32 bytes) as a key object with its keyid; null when malformed. A
 * weak key (not canonical, or of small order) is returned with its weakness: its holder must be refused,
 * since anyone can sign for it.
 * @param {unknown} base64
 * @returns {{ key: KeyObject, keyid: string, weakness: import('./ed25519-strict.mjs').KeyWeakness | null } | null}
 */
export function publicKeyFromBase64(base64) {
  const raw = decodeBase64(base64);
  if (!raw || raw.length !== 32) return null;
  try {
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
    return { key, keyid: keyIdOf(raw), weakness: publicKeyWeakness(raw) };
  } catch {
    return null;
  }
}

/**
 * Ed25519 verification of a base64 signature over `data`, with the strict encodings of ed25519-strict.mjs
 * (a weak key or a signature with a small-order R or an unreduced S never verifies); false for anything
 * malformed.
 * @param {KeyObject} publicKey
 * @param {Uint8Array} data
 * @param {unknown} signature base64 of the 64 signature bytes
 * @returns {boolean}
 */
export function verifyEd25519(publicKey, data, signature) {
  const sig = decodeBase64(signature);
  if (!sig || sig.length !== 64 || signatureWeakness(sig) !== null) return false;
  try {
    const jwk = publicKey.export({ format: 'jwk' });
    if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string' || publicKeyWeakness(Buffer.from(jwk.x, 'base64url')) !== null) return false;
    return verify(null, data, publicKey, sig);
  } catch {
    return false;
  }
}

/**
 * @typedef {object} DsseEnvelope
 * @property {string} payloadType
 * @property {Buffer} payload the decoded payload bytes
 * @property {{ keyid: string, sig: string }[]} signatures
 */

/**
 * The parts of a DSSE envelope, or a sentence saying what is wrong with its shape.
 * @param {unknown} value
 * @returns {{ envelope: DsseEnvelope } | { problem: string }}
 */
export function readEnvelope(value) {
  if (!isRecord(value)) return { problem: 'is not a JSON object' };
  const { payloadType, payload, signatures } = value;
  if (typeof payloadType !== 'string') return { problem: 'has no string payloadType' };
  if (typeof payload !== 'string') return { problem: 'has no string payload' };
  const bytes = decodeBase64(payload);
  if (!bytes) return { problem: 'has a payload that is not base64' };
  if (!Array.isArray(signatures)) return { problem: 'has no signatures array' };
  /** @type {{ keyid: string, sig: string }[]} */
  const read = [];
  for (const [i, entry] of signatures.entries()) {
    if (!isRecord(entry) || typeof entry.keyid !== 'string' || typeof entry.sig !== 'string') return { problem: `has a malformed signatures[${i}] (needs string keyid and sig)` };
    read.push({ keyid: entry.keyid, sig: entry.sig });
  }
  return { envelope: { payloadType, payload: bytes, signatures: read } };
}

/**
 * Whether `signature` is the Ed25519 signature of the envelope's PAE by `publicKey`.
 * @param {DsseEnvelope} envelope
 * @param {string} signature
 * @param {KeyObject} publicKey
 */
export function envelopeSignatureValid(envelope, signature, publicKey) {
  return verifyEd25519(publicKey, paeBytes(envelope.payloadType, envelope.payload), signature);
}
