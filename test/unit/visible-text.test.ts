import { describe, expect, it } from 'vitest';
import { decodePathBytes } from '../../shared/domain/path-bytes.js';
import { visibleText } from '../../shared/domain/visible-text.js';

describe('visibleText', () => {
  it('leaves ordinary names alone, including Cyrillic, Kazakh letters and emoji whose low surrogate is in U+DC80–U+DCFF', () => {
    for (const name of ['src/main.go', 'Выгрузка документов.pas', 'Құжаттар/ә.txt', 'docs/💩.md', 'a b.txt']) expect(visibleText(name)).toBe(name);
  });

  it('shows controls, escape sequences and bidirectional overrides as escapes', () => {
    expect(visibleText('a\u001b[31mred')).toBe('a\\u{1b}[31mred');
    expect(visibleText('invoice\u202etxt.exe')).toBe('invoice\\u{202e}txt.exe');
    expect(visibleText('x\u2066y\u2069\u200f\u061c')).toBe('x\\u{2066}y\\u{2069}\\u{200f}\\u{61c}');
    expect(visibleText('line\nbreak\ttab\rcr\u0000\u007f\u0085')).toBe('line\\u{a}break\\u{9}tab\\u{d}cr\\u{0}\\u{7f}\\u{85}');
  });

  it('keeps tabs, line feeds and CRLF line ends when asked, and still shows a carriage return alone', () => {
    expect(visibleText('one\n\ttwo\r\u001b', { keepLines: true })).toBe('one\n\ttwo\\u{d}\\u{1b}');
    expect(visibleText('written on Windows\r\nsecond line\r\n', { keepLines: true })).toBe('written on Windows\r\nsecond line\r\n');
    expect(visibleText('progress 10%\rprogress 99%', { keepLines: true })).toBe('progress 10%\\u{d}progress 99%');
  });

  it('shows the bytes of a name that was not UTF-8 as \\x{..}, and a lone surrogate as \\u{..}', () => {
    expect(visibleText(decodePathBytes(Uint8Array.from([0xcf, 0xf0, 0x2e, 0x74, 0x78, 0x74])))).toBe('\\x{cf}\\x{f0}.txt');
    expect(visibleText('a\ud800b')).toBe('a\\u{d800}b');
  });
});
