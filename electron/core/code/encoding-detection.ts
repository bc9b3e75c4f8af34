import type { TextEncoding } from '../../../shared/domain/text-encodings.js';

/**
 * Legacy code in this region was written in windows-1251, KOI8-R or CP866 long before UTF-8. When bytes
 * are not UTF-8, each Cyrillic candidate decodes them and the one reading most like Russian or Kazakh text
 * wins: frequent letters score high, and capitals in the middle of words (what a wrong table produces)
 * score low. Without Cyrillic at all, windows-1252 is the best guess.
 */
const CYRILLIC_CANDIDATES: readonly TextEncoding[] = ['windows-1251', 'koi8-r', 'ibm866', 'iso-8859-5'];

/** Relative frequencies (per mille) of lowercase Cyrillic letters in Russian, with Kazakh letters added. */
const FREQUENCY: Readonly<Record<string, number>> = {
  о: 110, е: 85, а: 80, и: 74, н: 67, т: 63, с: 55, р: 47, в: 45, л: 44, к: 35, м: 32, д: 30, п: 28, у: 26,
  я: 20, ы: 19, ь: 17, г: 17, з: 16, б: 16, ч: 14, й: 12, х: 10, ж: 9, ш: 7, ю: 6, ц: 5, щ: 4, э: 3, ф: 3, ъ: 1, ё: 1,
  і: 8, ә: 10, ғ: 4, қ: 8, ң: 5, ө: 4, ұ: 4, ү: 5, һ: 1,
};

export interface EncodingGuess {
  encoding: TextEncoding;
  /** 0–1: how clearly the winner beat the runner-up. */
  confidence: number;
}

const SAMPLE_BYTES = 64 * 1024;

export function guessLegacyEncoding(bytes: Uint8Array): EncodingGuess {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const scored = CYRILLIC_CANDIDATES.map((encoding) => ({ encoding, score: cyrillicScore(new TextDecoder(encoding).decode(sample)) })).sort(
    (a, b) => b.score - a.score,
  );
  const [best, second] = scored;
  if (!best || best.score <= 0) return { encoding: 'windows-1252', confidence: 0.5 };
  const confidence = second && second.score > 0 ? Math.min(1, (best.score - second.score) / best.score) : 1;
  return { encoding: best.encoding, confidence };
}

type Script = 'latin' | 'cyrillic' | 'other';

function cyrillicScore(text: string): number {
  let score = 0;
  let previous: Script = 'other';
  let previousIsLetter = false;
  for (const char of text) {
    const lower = char.toLowerCase();
    const weight = FREQUENCY[lower];
    const latin = /[A-Za-z\u00c0-\u024f]/.test(char);
    if (weight === undefined) {
      // A Latin letter glued to a Cyrillic one is what a wrong code page makes of accented Latin text.
      if (latin && previous === 'cyrillic') score -= 30;
      previous = latin ? 'latin' : 'other';
      previousIsLetter = latin || /\p{L}/u.test(char);
      // Box-drawing and pseudo-graphics are what a wrong code page turns letters into.
      if (char >= '\u2500' && char <= '\u25ff') score -= 20;
      continue;
    }
    const isCapital = lower !== char;
    if (previous === 'latin') score -= 2 * weight;
    else score += isCapital ? (previousIsLetter ? -weight : weight * 0.5) : weight;
    previous = 'cyrillic';
    previousIsLetter = true;
  }
  return score;
}
