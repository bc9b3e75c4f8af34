import { shortRef } from '../dashboard/dashboard-format.js';

/** A key id or event hash as people compare them by eye: the first twelve hex digits. */
export function shortHex(hex: string | null): string {
  return hex ? hex.replace(/^sha256:/, '').slice(0, 12) : '—';
}

/** `<component>-<ref>.manifest.json`, with anything a file name cannot hold (a branch's `/`) as `-`. */
export function manifestFileName(component: string, ref: string): string {
  return `${component}-${shortRef(ref)}`.replace(/[^A-Za-z0-9._-]+/g, '-') + '.manifest.json';
}

/** Save text as a file through a download link (no new window). */
export function saveTextFile(fileName: string, text: string, type: string): void {
  saveBlob(fileName, new Blob([text], { type }));
}

/** Save bytes the core sent as base64 (a report) as a file, byte for byte. */
export function saveBase64File(fileName: string, base64: string, type: string): void {
  saveBlob(fileName, new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type }));
}

function saveBlob(fileName: string, blob: Blob): void {
  const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
