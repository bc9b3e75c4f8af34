import { createPublicKey, generateKeyPairSync, sign, verify as opensslVerify } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { ed25519Engine, verifyEd25519Using, verifyingKey, type Ed25519Engine } from '../../electron/core/trust/ed25519.js';
import { SignatureWorkers } from '../../electron/core/trust/signature-workers.js';
import { publicKeyWeakness, signatureWeakness } from '../../resources/verifier/lib/ed25519-strict.mjs';
import { verifyEd25519 as verifierVerify } from '../../resources/verifier/lib/dsse.mjs';

// ---- the curve, done again here with BigInt, to derive the points of small order the rules refuse ----------

const p = 2n ** 255n - 19n;
const L = 2n ** 252n + 27742317777372353535851937790883648493n;
const mod = (a: bigint) => ((a % p) + p) % p;
function pow(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = mod(base);
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % p;
    b = (b * b) % p;
  }
  return result;
}
const inverse = (a: bigint) => pow(a, p - 2n);
function sqrt(a: bigint): bigint | null {
  let r = pow(a, (p + 3n) / 8n);
  if (mod(r * r - a) !== 0n) r = mod(r * pow(2n, (p - 1n) / 4n));
  return mod(r * r - a) === 0n ? r : null;
}
const d = mod(-121665n * inverse(121666n));
const littleEndian = (n: bigint, bytes = 32) => Buffer.from(n.toString(16).padStart(bytes * 2, '0'), 'hex').reverse();
const fromLittleEndian = (b: Uint8Array) => BigInt(`0x${Buffer.from(b).reverse().toString('hex')}`);

/**
 * The y of every point whose order divides 8: 1 (order 1), −1 (order 2), 0 (order 4) and ±y8 (order 8),
 * where a point of order 8 doubles to (√−1, 0): y² = −x² and d·x⁴ − 2x² − 1 = 0 on the curve −x² + y² = 1 + d·x²y².
 */
function smallOrderYs(): bigint[] {
  const x2 = mod((1n + sqrt(mod(1n + d))!) * inverse(d));
  const y8 = sqrt(mod(-x2))!;
  expect(mod(-x2 + y8 * y8 - 1n - d * x2 * y8 * y8)).toBe(0n);
  return [0n, 1n, p - 1n, y8, p - y8];
}

const withSign = (y: bigint, negative: boolean) => {
  const bytes = littleEndian(y);
  if (negative) bytes[31]! |= 0x80;
  return bytes;
};

function keyPair() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { raw: Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url'), privateKey };
}

const engines: Ed25519Engine[] = ['libsodium', 'openssl'];

describe('the strict Ed25519 encodings', () => {
  it('refuses every key of small order, with either sign bit, and their non-canonical encodings', () => {
    for (const y of smallOrderYs()) {
      for (const negative of [false, true]) expect(publicKeyWeakness(withSign(y, negative)), `y=${y} negative=${negative}`).toBe('small-order');
    }
    // y = p and y = p + 1 stand for 0 and 1: not canonical (and of small order).
    for (const y of [p, p + 1n]) expect(publicKeyWeakness(littleEndian(y))).toBe('non-canonical');
    expect(publicKeyWeakness(littleEndian(p + 18n))).toBe('non-canonical');
    expect(publicKeyWeakness(littleEndian(p - 2n))).toBeNull();
    expect(publicKeyWeakness(Buffer.alloc(31))).toBe('length');
    expect(publicKeyWeakness(keyPair().raw)).toBeNull();
  });

  it('refuses a signature whose R is of small order or whose S is not below the group order', () => {
    const { raw, privateKey } = keyPair();
    const message = Buffer.from('release v1.2.0 approved');
    const good = sign(null, message, privateKey);
    expect(signatureWeakness(good)).toBeNull();
    const s = fromLittleEndian(good.subarray(32));
    const unreduced = Buffer.concat([good.subarray(0, 32), littleEndian(s + L)]);
    expect(signatureWeakness(unreduced)).toBe('scalar');
    expect(signatureWeakness(Buffer.concat([good.subarray(0, 32), littleEndian(L)]))).toBe('scalar');
    expect(signatureWeakness(Buffer.concat([good.subarray(0, 32), littleEndian(L - 1n)]))).toBeNull();
    for (const y of smallOrderYs()) expect(signatureWeakness(Buffer.concat([withSign(y, false), good.subarray(32)]))).toBe('small-order');
    expect(signatureWeakness(good.subarray(0, 63))).toBe('length');
    expect(verifyEd25519Using('openssl', verifyingKey(raw), message, good)).toBe(true);
  });

  it('closes the forgery node:crypto accepts: the identity point as key, R = identity and S = 0, for any message', () => {
    const identity = withSign(1n, false);
    const forged = Buffer.concat([identity, Buffer.alloc(32)]);
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: identity.toString('base64url') }, format: 'jwk' });
    // Why the rules exist: OpenSSL's cofactorless check alone says yes to this for every text.
    expect(opensslVerify(null, Buffer.from('anything at all'), key, forged)).toBe(true);
    for (const engine of engines) expect(verifyEd25519Using(engine, verifyingKey(identity), Buffer.from('anything at all'), forged), engine).toBe(false);
    expect(verifierVerify(key, Buffer.from('anything at all'), forged.toString('base64'))).toBe(false);
  });
});

describe('libsodium, OpenSSL and the stand-alone verifier', () => {
  it('libsodium is the engine here (its prebuilt addon loads on this machine)', () => {
    expect(ed25519Engine()).toBe('libsodium');
  });

  it('accept and refuse exactly the same signatures', () => {
    const { raw, privateKey } = keyPair();
    const other = keyPair();
    const message = Buffer.from('{"decision":"approve"}');
    const good = sign(null, message, privateKey);
    const s = fromLittleEndian(good.subarray(32));
    const flipped = Buffer.from(good);
    flipped[5]! ^= 1;
    const cases: Array<{ name: string; key: Buffer; message: Buffer; signature: Buffer; accepted: boolean }> = [
      { name: 'valid', key: raw, message, signature: good, accepted: true },
      { name: 'other message', key: raw, message: Buffer.from('{"decision":"reject"}'), signature: good, accepted: false },
      { name: 'other key', key: other.raw, message, signature: good, accepted: false },
      { name: 'a bit of R changed', key: raw, message, signature: flipped, accepted: false },
      { name: 'S + L', key: raw, message, signature: Buffer.concat([good.subarray(0, 32), littleEndian(s + L)]), accepted: false },
      { name: 'small-order R', key: raw, message, signature: Buffer.concat([withSign(1n, false), good.subarray(32)]), accepted: false },
      { name: 'identity key forgery', key: withSign(1n, false), message, signature: Buffer.concat([withSign(1n, false), Buffer.alloc(32)]), accepted: false },
      { name: 'order-2 key', key: withSign(p - 1n, false), message, signature: Buffer.concat([withSign(1n, false), Buffer.alloc(32)]), accepted: false },
      { name: 'empty message', key: raw, message: Buffer.alloc(0), signature: sign(null, Buffer.alloc(0), privateKey), accepted: true },
    ];
    for (const c of cases) {
      const verdicts = engines.map((engine) => verifyEd25519Using(engine, verifyingKey(c.key), c.message, c.signature));
      const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: c.key.toString('base64url') }, format: 'jwk' });
      verdicts.push(verifierVerify(key, c.message, c.signature.toString('base64')));
      expect(verdicts, c.name).toEqual([c.accepted, c.accepted, c.accepted]);
    }
  });
});

describe('SignatureWorkers', () => {
  const pools: SignatureWorkers[] = [];
  afterAll(async () => {
    for (const pool of pools) await pool.close();
  });

  it('name exactly the checks that fail, across batches and with either engine', async () => {
    const alice = keyPair();
    const bob = keyPair();
    const keys = [verifyingKey(alice.raw), verifyingKey(bob.raw)];
    const bad = new Set([3, 256, 257, 599]);
    const jobs = Array.from({ length: 600 }, (_, i) => {
      const signer = i % 2 === 0 ? alice : bob;
      const text = `{"n":${i},"body":"Ответ ${i}"}`;
      const signature = sign(null, Buffer.from(text, 'utf8'), signer.privateKey);
      // A wrong signature: another text's, or the right one with a bit changed.
      if (bad.has(i)) signature[40]! ^= 0x10;
      return { key: keys[i % 2]!, text, signature };
    });
    for (const engine of engines) {
      const pool = new SignatureWorkers(2, engine);
      pools.push(pool);
      // Half the messages as text, half as bytes: both are the UTF-8 that was signed.
      jobs.forEach((job, i) => pool.add(i, job.key, i % 3 === 0 ? job.text : Buffer.from(job.text, 'utf8'), job.signature));
      const progress: number[] = [];
      expect(await pool.failures((done) => progress.push(done)), engine).toEqual([...bad]);
      expect(progress.at(-1)).toBe(3);
    }
  });
});
