/**
 * Where JSON text first breaks the grammar (RFC 8259), as an index into the text; the text's length when it
 * ends too early; null when it is valid. Only run after JSON.parse has failed: Node 20's messages often say
 * what is wrong but not where, and a person fixing a 200 MB scanner log needs the line and column.
 * Iterative, so deeply nested input cannot overflow the stack.
 */
export function jsonErrorPosition(text: string): number | null {
  const containers: string[] = [];
  let i = 0;
  let state: 'value' | 'key' | 'after' = 'value';
  const skipSpace = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  for (;;) {
    skipSpace();
    if (state === 'after') {
      const open = containers[containers.length - 1];
      if (open === undefined) return i === text.length ? null : i;
      const c = text[i];
      if (c === ',') {
        i++;
        state = open === '{' ? 'key' : 'value';
      } else if ((open === '{' && c === '}') || (open === '[' && c === ']')) {
        i++;
        containers.pop();
      } else {
        return i;
      }
      continue;
    }
    if (state === 'key') {
      if (text[i] !== '"') return i;
      const end = stringEnd(text, i);
      if (end < 0) return -end - 1;
      i = end;
      skipSpace();
      if (text[i] !== ':') return i;
      i++;
      state = 'value';
      continue;
    }
    const c = text[i];
    if (c === '{' || c === '[') {
      i++;
      skipSpace();
      if (text[i] === (c === '{' ? '}' : ']')) {
        i++;
        state = 'after';
      } else {
        containers.push(c);
        state = c === '{' ? 'key' : 'value';
      }
      continue;
    }
    if (c === '"') {
      const end = stringEnd(text, i);
      if (end < 0) return -end - 1;
      i = end;
    } else if (c === 't' || c === 'f' || c === 'n') {
      const word = c === 't' ? 'true' : c === 'f' ? 'false' : 'null';
      if (!text.startsWith(word, i)) return i;
      i += word.length;
    } else {
      NUMBER.lastIndex = i;
      if (!NUMBER.test(text)) return i;
      i = NUMBER.lastIndex;
    }
    state = 'after';
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The index after the closing quote of the string opening at `start`, or -(position of the fault) - 1. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) return -i - 1;
    if (code === 0x5c) {
      const escape = text[i + 1];
      if (escape === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return -(i + 1) - 1;
        i += 5;
      } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) {
        i++;
      } else {
        return -(i + 1) - 1;
      }
    }
  }
  return -text.length - 1;
}
