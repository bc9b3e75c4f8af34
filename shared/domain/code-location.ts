/**
 * A line-anchored location, written `component@commit:path#L10-L20` (DESIGN.md): what deep links, copied
 * references and review anchors carry. Component names cannot hold '@' and commits are hex, so the text
 * parses unambiguously even when the path holds ':' or '#'.
 */
export interface CodeLocation {
  component: string;
  /** A commit id (hex), or a ref name when a person typed one. */
  commit: string;
  path: string;
  startLine: number | null;
  endLine: number | null;
}

const LINES = /#L(\d{1,9})(?:-L(\d{1,9}))?$/;

export function formatLocation(location: CodeLocation): string {
  const lines = location.startLine === null ? '' : location.endLine !== null && location.endLine !== location.startLine ? `#L${location.startLine}-L${location.endLine}` : `#L${location.startLine}`;
  return `${location.component}@${location.commit}:${location.path}${lines}`;
}

export function parseLocation(text: string): CodeLocation | null {
  const at = text.indexOf('@');
  const colon = at === -1 ? -1 : text.indexOf(':', at);
  if (at <= 0 || colon === -1) return null;
  const component = text.slice(0, at);
  const commit = text.slice(at + 1, colon);
  let rest = text.slice(colon + 1);
  let startLine: number | null = null;
  let endLine: number | null = null;
  const lines = LINES.exec(rest);
  if (lines) {
    startLine = Number(lines[1]);
    endLine = lines[2] === undefined ? null : Number(lines[2]);
    rest = rest.slice(0, lines.index);
    if (startLine < 1 || (endLine !== null && endLine < startLine)) return null;
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(component) || !/^[0-9a-f]{4,64}$/.test(commit) || rest === '' || rest.startsWith('/')) return null;
  return { component, commit, path: rest, startLine, endLine };
}
