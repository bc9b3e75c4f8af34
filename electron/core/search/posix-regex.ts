/**
 * Git reports where a match starts, not how long it is. For a regular expression the length is measured
 * again in JavaScript on the decoded line: the POSIX extended syntax is translated where the two differ
 * (bracket classes, GNU word anchors), and where POSIX would take a longer alternative than JavaScript's
 * first one (`pay|payment`), longer candidates are tried. Null when the expression does not translate.
 */
export interface MatchMeasure {
  (text: string, start: number): number | null;
}

const CLASSES: Readonly<Record<string, string>> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: '\\s', blank: ' \\t',
  xdigit: '0-9A-Fa-f', punct: '!-\\/:-@\\[-`{-~', word: '\\w', cntrl: '\\x00-\\x1f\\x7f', print: ' -~', graph: '!-~',
};

/** How far past JavaScript's own match a longer POSIX alternative is looked for. */
const LONGEST_WINDOW = 256;

export function posixMatchMeasure(pattern: string, options: { caseSensitive: boolean; wholeWord: boolean }): MatchMeasure | null {
  const source = translate(pattern);
  if (source === null) return null;
  const flags = options.caseSensitive ? '' : 'i';
  const wordEnd = options.wholeWord ? '(?![A-Za-z0-9_])' : '';
  let sticky: RegExp;
  let whole: RegExp;
  try {
    sticky = new RegExp(`(?:${source})${wordEnd}`, `y${flags}`);
    whole = new RegExp(`^(?:${source})$`, flags);
  } catch {
    return null;
  }
  const mayPreferLonger = /\||[*+?}]\?/.test(pattern);
  return (text, start) => {
    sticky.lastIndex = start;
    const found = sticky.exec(text);
    if (!found) return null;
    let length = found[0].length;
    if (mayPreferLonger) {
      for (let end = Math.min(text.length, start + length + LONGEST_WINDOW); end > start + length; end--) {
        if (options.wholeWord && /[A-Za-z0-9_]/.test(text[end] ?? '')) continue;
        if (whole.test(text.slice(start, end))) {
          length = end - start;
          break;
        }
      }
    }
    return length;
  };
}

/** POSIX ERE (as git and glibc read it) to JavaScript source; null for what has no faithful translation. */
function translate(pattern: string): string | null {
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) return null;
      if (next === '<' || next === '>') out += '\\b';
      else if (next === '`') out += '^';
      else if (next === "'") out += '$';
      else out += `\\${next}`;
      i += 2;
    } else if (c === '[') {
      const bracket = translateBracket(pattern, i);
      if (!bracket) return null;
      out += bracket.source;
      i = bracket.end;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

/** A bracket expression: backslash is literal inside, "]" first is literal, `[:class:]` names a class. */
function translateBracket(pattern: string, open: number): { source: string; end: number } | null {
  let i = open + 1;
  let out = '[';
  if (pattern[i] === '^') {
    out += '^';
    i++;
  }
  let first = true;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === ']' && !first) return { source: `${out}]`, end: i + 1 };
    first = false;
    if (c === '[' && pattern[i + 1] === ':') {
      const close = pattern.indexOf(':]', i + 2);
      const name = close === -1 ? undefined : CLASSES[pattern.slice(i + 2, close)];
      if (name === undefined) return null;
      out += name;
      i = close + 2;
      continue;
    }
    if (c === '[' && (pattern[i + 1] === '.' || pattern[i + 1] === '=')) return null;
    out += c === '\\' || c === ']' || c === '[' ? `\\${c}` : c;
    i++;
  }
  return null;
}
