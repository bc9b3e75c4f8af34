/**
 * Fuzzy matching of file paths as in VS Code's quick open: the query's characters must appear in order;
 * matches score higher at the start of a path segment or a word, in a run, and in the file name.
 */
export interface FuzzyMatch {
  path: string;
  score: number;
  /** Indexes of the matched characters, for highlighting. */
  positions: number[];
}

export function fuzzyMatch(query: string, path: string): FuzzyMatch | null {
  const q = query.replace(/\s+/g, '').toLowerCase();
  if (q === '') return { path, score: 0, positions: [] };
  // Alignments in the file name alone (what a person typing a name means) and in the whole path, each with
  // word starts preferred (which can skip past the only fit) and with plain first occurrences; the best wins.
  const nameStart = path.lastIndexOf('/') + 1;
  let best: FuzzyMatch | null = null;
  for (const candidate of [matchWith(q, path, true, nameStart), matchWith(q, path, false, nameStart), matchWith(q, path, true, 0), matchWith(q, path, false, 0)]) {
    if (candidate && (!best || candidate.score > best.score)) best = candidate;
  }
  return best;
}

function matchWith(q: string, path: string, preferStarts: boolean, start: number): FuzzyMatch | null {
  const lower = path.toLowerCase();
  const nameStart = path.lastIndexOf('/') + 1;
  const positions: number[] = [];
  let score = 0;
  let from = start;
  let previous = -2;
  for (const char of q) {
    const index = preferStarts ? bestIndex(lower, char, from, path) : lower.indexOf(char, from);
    if (index === -1) return null;
    let points = 1;
    if (index === previous + 1) points += 5;
    if (index === 0 || /[/_\-.\s]/.test(path[index - 1]!) || (/[a-z]/.test(path[index - 1]!) && /[A-Z]/.test(path[index]!))) points += 8;
    if (index >= nameStart) points += 3;
    score += points;
    positions.push(index);
    previous = index;
    from = index + 1;
  }
  // Shorter paths and matches that end in the file name read as better answers.
  score -= path.length * 0.05;
  if (previous >= nameStart) score += 10;
  return { path, score, positions };
}

/** The next occurrence of `char` at or after `from`, preferring one at a segment or word start nearby. */
function bestIndex(lower: string, char: string, from: number, original: string): number {
  const first = lower.indexOf(char, from);
  if (first === -1) return -1;
  for (let i = first; i !== -1 && i < first + 32; i = lower.indexOf(char, i + 1)) {
    if (i === 0 || /[/_\-.]/.test(original[i - 1]!)) return i;
  }
  return first;
}

/** The best `limit` matches of `query` among `paths`, best first. */
export function rankPaths(query: string, paths: readonly string[], limit = 50): FuzzyMatch[] {
  const found: FuzzyMatch[] = [];
  for (const path of paths) {
    const match = fuzzyMatch(query, path);
    if (match) found.push(match);
  }
  found.sort((a, b) => b.score - a.score || a.path.localeCompare(b.path));
  return found.slice(0, limit);
}
