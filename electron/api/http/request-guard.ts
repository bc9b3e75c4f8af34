import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

export interface GuardSettings {
  port: number;
  token: string;
}

export const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'] as const;

export function tokenCookieName(port: number): string {
  return `ew_token_${port}`;
}

/**
 * Web mode's gate, before anything else runs: the Host must be our loopback address (no DNS rebinding), an
 * Origin, when sent, must be ours (no cross-site calls), and the secret token must come with the request.
 */
export function checkRequest(headers: IncomingHttpHeaders, settings: GuardSettings, queryToken: string | null): GuardVerdict {
  const allowed = LOOPBACK_HOSTS.map((h) => `${h}:${settings.port}`);
  const host = headers.host ?? '';
  if (!allowed.includes(host)) return { ok: false, status: 403, reason: 'host not allowed' };
  const origin = headers.origin;
  if (origin !== undefined && !allowed.some((a) => origin === `http://${a}`)) {
    return { ok: false, status: 403, reason: 'origin not allowed' };
  }
  const presented = bearerToken(headers) ?? cookieToken(headers, settings.port) ?? queryToken;
  if (presented === null || !sameSecret(presented, settings.token)) return { ok: false, status: 401, reason: 'token missing or wrong' };
  return { ok: true };
}

function bearerToken(headers: IncomingHttpHeaders): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]+)$/.exec(headers.authorization ?? '');
  return match?.[1] ?? null;
}

function cookieToken(headers: IncomingHttpHeaders, port: number): string | null {
  const name = tokenCookieName(port);
  for (const part of (headers.cookie ?? '').split(';')) {
    const [key, value] = part.trim().split('=');
    if (key === name && value) return value;
  }
  return null;
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
