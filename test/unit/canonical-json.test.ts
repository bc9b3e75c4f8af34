import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/domain/canonical-json.js';
import { canonicalJson as verifierCanonicalJson } from '../../resources/verifier/escrow-verify.mjs';

// The app writes canonical JSON two ways (JSON.stringify when the keys are already in order, a sorting writer
// otherwise); both must give RFC 8785's bytes, which the stand-alone verifier's independent writer also gives.
describe('canonicalJson', () => {
  const cases: Array<[string, unknown, string]> = [
    ['keys already in order', { a: 1, b: [true, null, 'x'], c: { d: 0.5 } }, '{"a":1,"b":[true,null,"x"],"c":{"d":0.5}}'],
    ['keys out of order', { b: 1, a: { z: 2, y: 3 } }, '{"a":{"y":3,"z":2},"b":1}'],
    ['integer-like keys sort as text', { 2: 'two', 10: 'ten', a: 'a' }, '{"10":"ten","2":"two","a":"a"}'],
    ['UTF-16 order, not code point order', { '\u{1F600}': 1, '\uFFFD': 2 }, '{"\u{1F600}":1,"\uFFFD":2}'],
    ['undefined members left out, undefined items null', { a: undefined, b: [undefined, 1] }, '{"b":[null,1]}'],
    ['negative zero and exponents', [-0, 1e21, 1e-7], '[0,1e+21,1e-7]'],
    ['control characters escaped, a paired surrogate kept', { s: '\u0001\n"\\\u{1F600}' }, '{"s":"\\u0001\\n\\"\\\\\u{1F600}"}'],
    ['a literal backslash-u text is not a lone surrogate', { s: '\\ud800' }, '{"s":"\\\\ud800"}'],
    ['an object with a null prototype', Object.assign(Object.create(null) as object, { b: 1, a: 2 }), '{"a":2,"b":1}'],
  ];
  for (const [name, value, text] of cases) {
    it(name, () => {
      expect(canonicalJson(value)).toBe(text);
      expect(verifierCanonicalJson(value)).toBe(text);
    });
  }

  it('refuses a lone surrogate in a value or a key, whichever path it takes', () => {
    for (const value of [{ a: 'x\uD800' }, { b: 1, a: '\uDC00' }, ['\uD83D'], { '\uD800': 1 }]) expect(() => canonicalJson(value)).toThrow(/lone surrogate/);
  });

  it('refuses what JSON has no form for instead of writing null or dropping it', () => {
    for (const value of [{ n: Number.NaN }, [Infinity], { f: () => 1 }, { s: Symbol('s') }, { b: 1n }]) expect(() => canonicalJson(value)).toThrow(/no form/);
  });

  it('does not let a toJSON method or a class instance change the text', () => {
    expect(canonicalJson({ d: new Date(0) })).toBe('{"d":{}}');
    expect(() => canonicalJson({ t: { toJSON: () => 'x' } })).toThrow(/no form for a function/);
  });

  it('gives the same text for a large payload in order and out of order', () => {
    const entries = Array.from({ length: 2000 }, (_, i) => ({ blob: 'b'.repeat(40), findingId: `id-${i}`, startLine: i, title: `T ${i}` }));
    const shuffled = entries.map(({ title, startLine, findingId, blob }) => ({ title, startLine, findingId, blob }));
    expect(canonicalJson({ created: shuffled, commit: 'c' })).toBe(canonicalJson({ commit: 'c', created: entries }));
    expect(canonicalJson({ commit: 'c', created: entries })).toBe(JSON.stringify({ commit: 'c', created: entries }));
  });
});
