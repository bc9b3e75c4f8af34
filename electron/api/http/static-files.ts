import path from 'node:path';
import { promises as fs } from 'node:fs';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
  immutable: boolean;
}

/**
 * A file of the built renderer for a URL path, or null. Paths that leave the folder are refused; paths
 * without an extension are app routes and get index.html.
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  const resolved = resolveStaticPath(root, urlPath);
  if (resolved === null) return null;
  const body = await fs.readFile(resolved).catch(() => null);
  if (body === null) return null;
  const ext = path.extname(resolved).toLowerCase();
  return {
    body,
    contentType: CONTENT_TYPES[ext] ?? 'application/octet-stream',
    immutable: resolved.includes(`${path.sep}assets${path.sep}`),
  };
}

/** A URL path (still percent-encoded) to a file under `root`, for web mode and Electron's app:// alike. */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || path.posix.extname(decoded) === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = path.resolve(root);
  const full = path.resolve(base, relative);
  if (full !== base && !full.startsWith(base + path.sep)) return null;
  return full;
}
