import { clearToken, loadToken } from '../auth/tokenStorage';

/**
 * Thin wrapper around fetch for the platform API gateway.
 * All endpoints are relative to /api/v1 and exchange JSON. The access token, when present,
 * is sent as a Bearer token; a 401 answer clears it and sends the user to the login page.
 */
const API_BASE = '/api/v1';

export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ErrorBody {
  code?: string;
  message?: string;
}

export async function apiRequest<T>(path: string, init: RequestInit = {}): Promise<T> {
  const token = loadToken();
  const response = await fetch(`${API_BASE}${path}`, {
    ...init,
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token.accessToken}` } : {}),
      ...init.headers,
    },
  });

  if (response.status === 401 && token) {
    clearToken();
    window.location.assign(`/login?next=${encodeURIComponent(window.location.pathname)}`);
  }

  if (!response.ok) {
    let body: ErrorBody = {};
    try {
      body = (await response.json()) as ErrorBody;
    } catch {
      // The gateway returns HTML on 502/504; keep the status code only.
    }
    throw new ApiError(response.status, body.code ?? 'HTTP_ERROR', body.message ?? response.statusText);
  }

  if (response.status === 204) {
    return undefined as T;
  }
  return (await response.json()) as T;
}
