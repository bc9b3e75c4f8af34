import { languageOfPath } from '../../../../shared/domain/languages.js';

/** A small, text-only language badge: colour and two letters per language, no icon fonts or images. */
const BADGES: Readonly<Record<string, [string, string]>> = {
  typescript: ['TS', '#3178c6'],
  javascript: ['JS', '#b59a00'],
  java: ['J', '#b07219'],
  go: ['GO', '#00add8'],
  sql: ['SQ', '#e38c00'],
  pgsql: ['SQ', '#e38c00'],
  dockerfile: ['DK', '#384d54'],
  json: ['{}', '#6d6d6d'],
  yaml: ['YM', '#cb171e'],
  xml: ['<>', '#0060ac'],
  markdown: ['MD', '#4a4a4a'],
  shell: ['SH', '#4eaa25'],
  python: ['PY', '#3572a5'],
  html: ['<>', '#e34c26'],
  css: ['CS', '#563d7c'],
  makefile: ['MK', '#427819'],
  pascal: ['PA', '#b0ce4e'],
  groovy: ['GR', '#4298b8'],
  rust: ['RS', '#dea584'],
  csharp: ['C#', '#178600'],
  cpp: ['C+', '#f34b7d'],
  c: ['C', '#555555'],
};

export function FileIcon({ name, dir, mode }: { name: string; dir: boolean; mode: string | null }) {
  if (dir) return <span className="file-icon dir" aria-hidden="true">▣</span>;
  if (mode === '120000') return <span className="file-icon" aria-hidden="true">↪</span>;
  if (mode === '160000') return <span className="file-icon" aria-hidden="true">⧉</span>;
  const badge = BADGES[languageOfPath(name)];
  return (
    <span className="file-icon badge" aria-hidden="true" style={{ background: badge?.[1] ?? '#9aa0a6' }}>
      {badge?.[0] ?? '·'}
    </span>
  );
}
