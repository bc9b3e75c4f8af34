/**
 * RFC 8785 JSON Canonicalization Scheme: object keys sorted by UTF-16 code units, no whitespace, numbers in
 * ECMAScript's shortest round-trip form, strings with only the escapes JSON requires. What is signed and
 * hashed is always this text, so any verifier in any language gets the same bytes.
 *
 * A value whose objects already list their keys in canonical order (what the ledger's callers build, and
 * anything parsed back from canonical text) is written by the engine's own JSON.stringify, which produces
 * exactly the canonical text for it; a SARIF import's 100k-entry payload is written several times faster
 * that way. Anything else takes the general path, which sorts.
 */
export function canonicalJson(value: unknown): string {
  if (inCanonicalOrder(value)) {
    const text = JSON.stringify(value);
    // JSON.stringify writes a lone surrogate as a \udXXX escape and never escapes a paired one: only then is
    // the general path (which refuses it) needed.
    if (!text.includes('\\ud')) return text;
  }
  return canonicalText(value);
}

function canonicalText(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no form for ${value}`);
      // JSON.stringify uses ECMAScript's Number.prototype.toString, which is what RFC 8785 prescribes (-0 → 0).
      return JSON.stringify(value);
    case 'string':
      // RFC 8785 has no form for a lone surrogate (it is not Unicode text); anything else JSON.stringify escapes as JCS does.
      if (LONE_SURROGATE.test(value)) throw new TypeError('canonical JSON has no form for a lone surrogate');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => canonicalText(v === undefined ? null : v)).join(',')}]`;
      const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
      entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${canonicalText(k)}:${canonicalText(v)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonical JSON has no form for a ${typeof value}`);
  }
}

/**
 * Whether JSON.stringify would write `value` canonically: plain objects and arrays only, keys strictly
 * ascending in the engine's own order (integer-like keys, which engines list first, fail this unless they
 * happen to sort), no undefined, only finite numbers. Strings are checked on the output (see above).
 */
function inCanonicalOrder(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        for (const item of value) if (item === undefined || !inCanonicalOrder(item)) return false;
        return true;
      }
      const prototype: unknown = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) return false;
      let previous: string | null = null;
      for (const key of Object.keys(value)) {
        if (previous !== null && !(previous < key)) return false;
        const item = (value as Record<string, unknown>)[key];
        if (item === undefined || !inCanonicalOrder(item)) return false;
        previous = key;
      }
      return true;
    }
    default:
      return false;
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
