/** The `path` and `url` of each submodule, from a `.gitmodules` file (git-config syntax). */
export function parseGitmodules(text: string): Map<string, string | null> {
  const urls = new Map<string, string | null>();
  let current: { path?: string; url?: string } | null = null;
  const flush = () => {
    if (current?.path) urls.set(current.path, current.url ?? null);
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    if (/^\[submodule\s+"[^"]*"\]$/.test(line)) {
      flush();
      current = {};
      continue;
    }
    if (line.startsWith('[')) {
      flush();
      current = null;
      continue;
    }
    const match = /^(\w+)\s*=\s*(.*)$/.exec(line);
    if (!current || !match) continue;
    const value = match[2]!.replace(/^"(.*)"$/, '$1');
    if (match[1]!.toLowerCase() === 'path') current.path = value;
    else if (match[1]!.toLowerCase() === 'url') current.url = value;
  }
  flush();
  return urls;
}

/** Compare repository URLs the way people write them: no trailing .git or slash, case-insensitive host. */
export function normaliseRepositoryUrl(url: string): string {
  const trimmed = url.trim().replace(/\/+$/, '').replace(/\.git$/, '');
  try {
    const parsed = new URL(trimmed);
    return `${parsed.protocol}//${parsed.host.toLowerCase()}${parsed.pathname}`;
  } catch {
    return trimmed;
  }
}
