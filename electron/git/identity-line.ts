/**
 * Git's identity lines (`Name <email> <epoch seconds> <+hhmm>`) and timestamps, as ISO 8601 in the
 * author's own offset, like git's `%aI` (`2025-01-01T10:00:00+05:00`).
 */
export interface GitIdentity {
  name: string;
  email: string;
  date: string;
}

export function parseIdentityLine(line: string): GitIdentity {
  const match = /^(.*?) ?<([^>]*)> (-?\d+) ([+-]\d{4})$/.exec(line);
  if (!match) return { name: line, email: '', date: '' };
  return { name: match[1]!, email: match[2]!, date: isoFromGitTime(Number(match[3]), match[4]!) };
}

export function isoFromGitTime(epochSeconds: number, offset: string): string {
  const sign = offset.startsWith('-') ? -1 : 1;
  const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3, 5)));
  const local = new Date((epochSeconds + minutes * 60) * 1000);
  if (Number.isNaN(local.getTime())) return '';
  const zone = minutes === 0 ? '+00:00' : `${sign < 0 ? '-' : '+'}${offset.slice(1, 3)}:${offset.slice(3, 5)}`;
  return `${local.toISOString().slice(0, 19)}${zone}`;
}
