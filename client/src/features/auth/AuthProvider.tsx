import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../api';
import i18n, { storedLocale } from '../../i18n';
import type { User } from '../../types';
import { AuthContext, type AuthContextValue, type AuthStatus, type RegisterRequest } from './authContext';

interface UserResponse {
  user: User;
}

async function fetchMe(): Promise<User | null> {
  try {
    const { user } = await api<UserResponse>('/api/auth/me');
    return user;
  } catch (err) {
    if (isApiError(err) && err.status === 401) return null;
    throw err;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AuthStatus>('loading');
  const [user, setUserState] = useState<User | null>(null);
  const queryClient = useQueryClient();

  const setUser = useCallback(
    (next: User | null) => {
      // What one person loaded is not shown to the next one signing in on this tab.
      setUserState((previous) => {
        if (previous && previous.id !== next?.id) queryClient.clear();
        return next;
      });
      setStatus(next ? 'signedIn' : 'signedOut');
      // A language the person picked on this device wins; otherwise follow their account.
      if (next && !storedLocale() && next.locale !== i18n.resolvedLanguage)
        void i18n.changeLanguage(next.locale);
    },
    [queryClient],
  );

  const refresh = useCallback(async () => {
    try {
      setUser(await fetchMe());
    } catch {
      // The server is unreachable: treat the visitor as signed out rather than block the page.
      setUser(null);
    }
  }, [setUser]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value = useMemo<AuthContextValue>(
    () => ({
      status,
      user,
      setUser,
      refresh,
      async login(email, password) {
        const { user: signedIn } = await api<UserResponse>('/api/auth/login', {
          method: 'POST',
          body: { email, password },
        });
        setUser(signedIn);
        return signedIn;
      },
      async register(request: RegisterRequest) {
        const { user: created } = await api<UserResponse>('/api/auth/register', {
          method: 'POST',
          body: request,
        });
        setUser(created);
        return created;
      },
      async logout() {
        try {
          await api<void>('/api/auth/logout', { method: 'POST' });
        } finally {
          setUser(null);
        }
      },
    }),
    [status, user, setUser, refresh],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
