import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { apiRequest } from '../api/client';
import { clearToken, loadToken, saveToken, type StoredToken } from './tokenStorage';

interface TokenResponse {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

interface AuthContextValue {
  token: StoredToken | null;
  isAuthenticated: boolean;
  login: (iin: string, password: string) => Promise<void>;
  logout: () => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<StoredToken | null>(loadToken);

  const login = useCallback(async (iin: string, password: string) => {
    const response = await apiRequest<TokenResponse>('/auth/login', {
      method: 'POST',
      body: JSON.stringify({ iin, password }),
    });
    setToken(saveToken(response.accessToken, response.expiresIn));
  }, []);

  const logout = useCallback(() => {
    apiRequest<void>('/auth/logout', { method: 'POST' }).catch(() => {
      // The token is dropped locally in any case.
    });
    clearToken();
    setToken(null);
  }, []);

  const value = useMemo(
    () => ({ token, isAuthenticated: token !== null, login, logout }),
    [token, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const context = useContext(AuthContext);
  if (!context) {
    throw new Error('useAuth must be used inside <AuthProvider>');
  }
  return context;
}
