// @ts-check
/**
 * RFC 8785 JSON Canonicalization Scheme (JCS). What is signed and hashed is this text, UTF-8 encoded, so the
 * verifier must produce exactly the bytes the signer produced, in any language.
 */

/** Lone surrogates: a `u`-flag class matches a surrogate only when it is not half of a valid pair. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const NEEDS_ESCAPE = /[\u0000-\u001f"\\]/g;
const SHORT_ESCAPES = new Map([
  [0x08, '\\b'],
  [0x09, '\\t'],
  [0x0a, '\\n'],
  [0x0c, '\\f'],
  [0x0d, '\\r'],
  [0x22, '\\"'],
  [0x5c, '\\\\'],
]);

/**
 * The canonical JSON text of a JSON value: plain objects, arrays, strings, finite numbers, booleans, null.
 * As JSON.stringify, `undefined` members are left out of objects and written as null in arrays.
 * @param {unknown} value
 * @returns {string}
 */
export function canonicalJson(value) {
  return serialize(value, '$');
}

/**
 * @param {unknown} value
 * @param {string} where a JSON path for error messages
 * @returns {string}
 */
function serialize(value, where) {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no form for the number ${value} at ${where}`);
      // ECMAScript Number::toString is the serialisation RFC 8785 prescribes (it also turns -0 into 0).
      return Object.is(value, -0) ? '0' : String(value);
    case 'string':
      return quote(value, where);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item, i) => (item === undefined ? 'null' : serialize(item, `${where}[${i}]`))).join(',')}]`;
      const prototype = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) throw new TypeError(`canonical JSON has no form for a ${prototype?.constructor?.name ?? 'non-plain'} object at ${where}`);
      const record = /** @type {Record<string, unknown>} */ (value);
      // Default string comparison is by UTF-16 code units, which is the order RFC 8785 section 3.2.3 asks for.
      const keys = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${keys.map((key) => `${quote(key, where)}:${serialize(record[key], `${where}.${key}`)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonical JSON has no form for a ${typeof value} at ${where}`);
  }
}

/**
 * A string with only the escapes RFC 8785 section 3.2.2.2 allows: the two-character forms where JSON has
 * one, `\u00xx` (lowercase hex) for other control characters, everything else as itself.
 * @param {string} text
 * @param {string} where
 */
function quote(text, where) {
  // RFC 8785 section 3.2.2.2: lone surrogates must make a compliant implementation stop with an error.
  if (LONE_SURROGATE.test(text)) throw new TypeError(`canonical JSON refuses a string with a lone UTF-16 surrogate at ${where}`);
  return `"${text.replace(NEEDS_ESCAPE, (c) => SHORT_ESCAPES.get(c.charCodeAt(0)) ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}
