/**
 * Access tokens are kept in sessionStorage only: closing the browser tab ends the session,
 * which is what the Ministry's information security policy (section 4.2) requires for
 * citizen-facing portals. Refresh tokens are never exposed to the browser.
 */
const TOKEN_KEY = 'qyzmet.token';
const EXPIRES_KEY = 'qyzmet.tokenExpiresAt';

export interface StoredToken {
  accessToken: string;
  expiresAt: number;
}

export function saveToken(accessToken: string, expiresInSeconds: number): StoredToken {
  const expiresAt = Date.now() + expiresInSeconds * 1000;
  sessionStorage.setItem(TOKEN_KEY, accessToken);
  sessionStorage.setItem(EXPIRES_KEY, String(expiresAt));
  return { accessToken, expiresAt };
}

export function loadToken(): StoredToken | null {
  const accessToken = sessionStorage.getItem(TOKEN_KEY);
  const expiresAt = Number(sessionStorage.getItem(EXPIRES_KEY));
  if (!accessToken || !Number.isFinite(expiresAt) || expiresAt <= Date.now()) {
    clearToken();
    return null;
  }
  return { accessToken, expiresAt };
}

export function clearToken(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(EXPIRES_KEY);
}
