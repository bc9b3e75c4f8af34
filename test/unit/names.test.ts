import { describe, expect, it } from 'vitest';
import { componentNameSchema, refInputSchema, treePathSchema } from '../../shared/domain/names.js';
import { decodePathBytes, encodePathString, hasEscapedBytes, percentDecodePath, percentEncodePath } from '../../shared/domain/path-bytes.js';
import { languageOfPath } from '../../shared/domain/languages.js';

describe('input schemas', () => {
  it('accepts component names of the conservative alphabet only', () => {
    for (const ok of ['payments-gateway', 'registry.db', 'A1_x']) expect(componentNameSchema.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['', '-x', 'a b', 'a/b', 'a@b', 'x.git', 'a..b', '<img>', 'a'.repeat(101)]) {
      expect(componentNameSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('refuses git revision syntax in refs, so user text is never evaluated by git', () => {
    for (const ok of ['v1.2.0', 'release/1.x', 'refs/heads/main', 'a1b2c3d', 'feature/кириллица']) expect(refInputSchema.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['HEAD~1', 'main^', 'a..b', 'main@{1}', ':/fix', '-all', 'ref with space', 'x\u0000', 'a*', 'trailing/']) {
      expect(refInputSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('refuses paths that cannot name a tree entry but keeps odd vendor names', () => {
    for (const ok of ['src/a.ts', '<img src=x onerror=alert(1)>.js', 'dir/with\nnewline', 'пример.txt']) expect(treePathSchema.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['', '/etc/passwd', '../x', 'a/../b', 'a//b', './a', 'a/.', 'x\u0000y']) expect(treePathSchema.safeParse(bad).success, bad).toBe(false);
  });
});

describe('path bytes', () => {
  it('round-trips names that are not UTF-8', () => {
    const cp1251 = Buffer.from([0xcf, 0xf0, 0xe8, 0xec, 0xe5, 0xf0, 0x2e, 0x74, 0x78, 0x74]); // "Пример.txt" in windows-1251
    const text = decodePathBytes(cp1251);
    expect(hasEscapedBytes(text)).toBe(true);
    expect(text.endsWith('.txt')).toBe(true);
    expect(Buffer.from(encodePathString(text)).equals(cp1251)).toBe(true);
  });

  it('leaves UTF-8 names untouched', () => {
    const name = 'docs/Руководство — ёж.md';
    expect(decodePathBytes(Buffer.from(name))).toBe(name);
    expect(Buffer.from(encodePathString(name)).toString('utf8')).toBe(name);
  });

  it('keeps valid multi-byte sequences next to invalid bytes', () => {
    const mixed = Buffer.concat([Buffer.from('ж'), Buffer.from([0xff]), Buffer.from('z')]);
    const text = decodePathBytes(mixed);
    expect(text.startsWith('ж')).toBe(true);
    expect(Buffer.from(encodePathString(text)).equals(mixed)).toBe(true);
  });

  it('puts a name that is not UTF-8 in a URL as its own bytes, where encodeURIComponent throws, and reads it back', () => {
    const location = `legacy@${'a'.repeat(40)}:${decodePathBytes(Buffer.from([0x64, 0x2f, 0xcf, 0xf0, 0x2e, 0x74]))}#L2`;
    expect(() => encodeURIComponent(location)).toThrow(URIError);
    const encoded = percentEncodePath(location);
    expect(encoded).toBe(`legacy%40${'a'.repeat(40)}%3Ad%2F%CF%F0.t%23L2`);
    expect(percentDecodePath(encoded)).toBe(location);
  });

  it('encodes a UTF-8 location exactly as encodeURIComponent does, and reads either back', () => {
    const location = "docs@abc:Руководство (ёж)/<img src=x>!~*'.md#L1-L3 😀";
    expect(percentEncodePath(location)).toBe(encodeURIComponent(location));
    expect(percentDecodePath(encodeURIComponent(location))).toBe(location);
    expect(percentDecodePath('%zz')).toBeNull();
    expect(percentDecodePath('50%')).toBeNull();
  });
});

describe('languageOfPath', () => {
  it('knows file names and extensions', () => {
    expect(languageOfPath('svc/Dockerfile')).toBe('dockerfile');
    expect(languageOfPath('cmd/main.go')).toBe('go');
    expect(languageOfPath('src/App.tsx')).toBe('typescript');
    expect(languageOfPath('db/V1__init.sql')).toBe('sql');
    expect(languageOfPath('Makefile')).toBe('makefile');
    expect(languageOfPath('LICENSE')).toBe('plaintext');
    expect(languageOfPath('.hidden')).toBe('plaintext');
  });
});
