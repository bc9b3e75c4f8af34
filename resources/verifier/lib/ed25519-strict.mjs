// @ts-check
/**
 * The encodings an Ed25519 key and signature must have before the verification equation is even tried, the
 * same here, in the app and in its command line (the rules libsodium applies). RFC 8032's cofactorless
 * equation alone, as OpenSSL checks it, accepts a key of small order, and for such a key a signature can be
 * made for any message without any private key: with the identity point as the key, R = identity and S = 0
 * verify for every text. So a key must be canonical (y < p) and not of small order; a signature's S must be
 * below the group order L and its R not of small order.
 */

/**
 * The encodings of the eight points of order dividing 8, ignoring the sign bit: y = 0 and y = 1 (and their
 * non-canonical forms p and p + 1), y = p − 1, and ±y8, the y of the points of order 8. The y values follow
 * from the curve equation; test/unit/ed25519-strict.test.ts derives them again.
 */
const SMALL_ORDER_Y = [
  '0000000000000000000000000000000000000000000000000000000000000000',
  '0100000000000000000000000000000000000000000000000000000000000000',
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05',
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
].map((hex) => Uint8Array.from(hex.match(/../g) ?? [], (byte) => parseInt(byte, 16)));

/** L = 2^252 + 27742317777372353535851937790883648493, little-endian. */
const ORDER = Uint8Array.from('edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010'.match(/../g) ?? [], (byte) => parseInt(byte, 16));

/** @typedef {'length' | 'non-canonical' | 'small-order'} KeyWeakness */
/** @typedef {'length' | 'scalar' | 'small-order'} SignatureWeakness */

/**
 * Why a raw public key cannot be used, or null when it can.
 * @param {Uint8Array} raw
 * @returns {KeyWeakness | null}
 */
export function publicKeyWeakness(raw) {
  if (raw.length !== 32) return 'length';
  if (!isCanonicalPoint(raw)) return 'non-canonical';
  if (hasSmallOrder(raw)) return 'small-order';
  return null;
}

/**
 * Why a 64-byte signature can never be accepted, or null when the equation decides.
 * @param {Uint8Array} signature
 * @returns {SignatureWeakness | null}
 */
export function signatureWeakness(signature) {
  if (signature.length !== 64) return 'length';
  if (!isBelowOrder(signature.subarray(32))) return 'scalar';
  if (hasSmallOrder(signature.subarray(0, 32))) return 'small-order';
  return null;
}

/**
 * Words for a key's weakness, for error messages.
 * @param {KeyWeakness} weakness
 */
export function describeKeyWeakness(weakness) {
  switch (weakness) {
    case 'length':
      return 'is not 32 bytes';
    case 'non-canonical':
      return 'is not a canonical encoding of a point (y ≥ p)';
    case 'small-order':
      return 'is a point of small order, for which anyone can make a signature';
  }
}

/**
 * @param {Uint8Array} point 32 bytes
 */
function hasSmallOrder(point) {
  return SMALL_ORDER_Y.some((y) => {
    for (let i = 0; i < 31; i++) if (point[i] !== y[i]) return false;
    return ((/** @type {number} */ (point[31]) & 0x7f) === y[31]);
  });
}

/**
 * Whether the y coordinate (the low 255 bits) is below p = 2^255 − 19.
 * @param {Uint8Array} point 32 bytes
 */
function isCanonicalPoint(point) {
  if ((/** @type {number} */ (point[31]) & 0x7f) !== 0x7f) return true;
  for (let i = 30; i > 0; i--) if (point[i] !== 0xff) return true;
  return /** @type {number} */ (point[0]) < 0xed;
}

/**
 * Whether the little-endian scalar is below the group order L.
 * @param {Uint8Array} scalar 32 bytes
 */
function isBelowOrder(scalar) {
  for (let i = 31; i >= 0; i--) {
    const a = /** @type {number} */ (scalar[i]);
    const b = /** @type {number} */ (ORDER[i]);
    if (a !== b) return a < b;
  }
  return false;
}
