import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRequest } from '../../electron/api/http/request-guard.js';
import { resolveStaticPath } from '../../electron/api/http/static-files.js';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../electron/api/security-headers.js';

const settings = { port: 4321, token: 'secret-token_123' };
const good = { host: '127.0.0.1:4321', authorization: 'Bearer secret-token_123' };

describe('web mode request guard', () => {
  it('lets our own page through with the token in a header, cookie or launch URL', () => {
    expect(checkRequest(good, settings, null)).toEqual({ ok: true });
    expect(checkRequest({ host: 'localhost:4321', cookie: 'other=1; ew_token_4321=secret-token_123' }, settings, null)).toEqual({ ok: true });
    expect(checkRequest({ host: '127.0.0.1:4321' }, settings, 'secret-token_123')).toEqual({ ok: true });
  });

  it('answers 401 without the token or with a wrong one', () => {
    expect(checkRequest({ host: '127.0.0.1:4321' }, settings, null)).toMatchObject({ ok: false, status: 401 });
    expect(checkRequest({ ...good, authorization: 'Bearer secret-token_124' }, settings, null)).toMatchObject({ ok: false, status: 401 });
    expect(checkRequest({ host: '127.0.0.1:4321', cookie: 'ew_token_9999=secret-token_123' }, settings, null)).toMatchObject({ status: 401 });
  });

  it('answers 403 to a foreign Host (DNS rebinding) or Origin (cross-site), even with the token', () => {
    expect(checkRequest({ ...good, host: 'evil.example:4321' }, settings, null)).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest({ ...good, host: '127.0.0.1:80' }, settings, null)).toMatchObject({ status: 403 });
    expect(checkRequest({ ...good, origin: 'http://evil.example' }, settings, null)).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest({ ...good, origin: 'http://127.0.0.1:4321' }, settings, null)).toEqual({ ok: true });
  });
});

describe('security headers', () => {
  it('forbid inline and remote scripts, frames, plugins and form posts', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(SECURITY_HEADERS['X-Frame-Options']).toBe('DENY');
    expect(SECURITY_HEADERS['Referrer-Policy']).toBe('no-referrer');
  });
});

describe('static files', () => {
  const root = path.resolve('/srv/renderer');
  it('serves files under the renderer folder and routes to index.html', () => {
    expect(resolveStaticPath(root, '/assets/index-abc.js')).toBe(path.join(root, 'assets/index-abc.js'));
    expect(resolveStaticPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root, '/component/payments')).toBe(path.join(root, 'index.html'));
  });

  it('refuses paths that would leave it', () => {
    expect(resolveStaticPath(root, '/../../etc/passwd.txt')).toBeNull();
    expect(resolveStaticPath(root, '/%2e%2e/%2e%2e/etc/passwd.txt')).toBeNull();
    expect(resolveStaticPath(root, '/a%00.js')).toBeNull();
    expect(resolveStaticPath(root, '/..%5c..%5cwin.ini')).toBeNull();
    expect(resolveStaticPath(root, '/%E0%A4%A.js')).toBeNull();
  });
});
