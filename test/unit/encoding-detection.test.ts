import { describe, expect, it } from 'vitest';
import { guessLegacyEncoding } from '../../electron/core/code/encoding-detection.js';
import { decodeText } from '../../electron/core/code/text-decoding.js';

/** Encode text in a single-byte code page by inverting Node's decoder for that page. */
function encode(text: string, encoding: string): Buffer {
  const decoder = new TextDecoder(encoding);
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Buffer.from([...text].map((char) => table.get(char) ?? 0x3f));
}

const RUSSIAN = '// Модуль выгрузки документов в архив. Проверяет подпись и сохраняет карточку.\nprocedure ВыгрузитьДокумент;\n';
const KAZAKH = '-- Құжаттарды мұрағатқа жүктеу модулі. Қолтаңбаны тексереді және карточканы сақтайды.\n';

describe('legacy encoding detection', () => {
  it.each(['windows-1251', 'koi8-r', 'ibm866', 'iso-8859-5'])('recognises Russian text in %s', (encoding) => {
    const guess = guessLegacyEncoding(encode(RUSSIAN, encoding));
    expect(guess.encoding).toBe(encoding);
    expect(decodeText(encode(RUSSIAN, encoding)).text).toBe(RUSSIAN);
  });

  it('recognises Kazakh text in windows-1251 (where its letters exist)', () => {
    const text = KAZAKH.replace(/[әғқңөұүһі]/g, (c) => ({ ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'и' })[c]!);
    expect(guessLegacyEncoding(encode(text, 'windows-1251')).encoding).toBe('windows-1251');
  });

  it('keeps UTF-8 as UTF-8, and honours a byte-order mark and the reader’s choice', () => {
    expect(decodeText(Buffer.from(RUSSIAN))).toEqual({ text: RUSSIAN, encoding: 'utf-8', guessed: false });
    const cp1251 = encode(RUSSIAN, 'windows-1251');
    expect(decodeText(cp1251, 'koi8-r')).toMatchObject({ encoding: 'koi8-r', guessed: false });
    expect(decodeText(cp1251, 'koi8-r').text).not.toBe(RUSSIAN);
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Привет', 'utf16le')]))).toEqual({ text: 'Привет', encoding: 'utf-16le', guessed: false });
  });

  it('treats a UTF-8 file cut in the middle of a character as UTF-8', () => {
    const bytes = Buffer.from('Проверка');
    expect(decodeText(bytes.subarray(0, bytes.length - 1)).encoding).toBe('utf-8');
  });

  it('falls back to windows-1252 for Latin text that is not UTF-8', () => {
    expect(guessLegacyEncoding(Buffer.from('Café crème brûlée\n', 'latin1')).encoding).toBe('windows-1252');
  });
});
