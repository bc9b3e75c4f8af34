/**
 * git's transfer progress on stderr: `\r`-separated updates such as
 *   remote: Counting objects:  45% (9/20)
 *   Receiving objects:  62% (1234/1990), 3.40 MiB | 1.20 MiB/s
 * turned into phases the faces translate.
 */
export interface ParsedProgress {
  phase: 'counting' | 'compressing' | 'receiving' | 'resolving';
  completed: number;
  total: number;
  bytes: number | null;
}

const PHASES: Readonly<Record<string, ParsedProgress['phase']>> = {
  'enumerating objects': 'counting',
  'counting objects': 'counting',
  'compressing objects': 'compressing',
  'receiving objects': 'receiving',
  'resolving deltas': 'resolving',
};

const LINE = /^(?:remote: )?([A-Za-z ]+):\s+\d+% \((\d+)\/(\d+)\)(?:, ([\d.]+) (bytes|KiB|MiB|GiB))?/;
const UNIT: Readonly<Record<string, number>> = { bytes: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 };

export function parseProgress(text: string): ParsedProgress[] {
  const found: ParsedProgress[] = [];
  for (const segment of text.split(/[\r\n]/)) {
    const match = LINE.exec(segment.trim());
    const phase = match ? PHASES[match[1]!.trim().toLowerCase()] : undefined;
    if (!match || !phase) continue;
    found.push({
      phase,
      completed: Number(match[2]),
      total: Number(match[3]),
      bytes: match[4] === undefined ? null : Math.round(Number(match[4]) * (UNIT[match[5] ?? 'bytes'] ?? 1)),
    });
  }
  return found;
}
