import { createContext, useContext } from 'react';
import type { Locale, OrganizationKind } from '@contract/enums';
import type { User } from '../../types';

export type AuthStatus = 'loading' | 'signedIn' | 'signedOut';

export interface NewOrganization {
  name: string;
  kind: OrganizationKind;
  province?: string;
  taxCode?: string;
}

export interface RegisterRequest {
  name: string;
  email: string;
  password: string;
  locale: Locale;
  organization?: NewOrganization;
  organizationId?: string;
}

export interface AuthContextValue {
  status: AuthStatus;
  user: User | null;
  login(email: string, password: string): Promise<User>;
  register(request: RegisterRequest): Promise<User>;
  logout(): Promise<void>;
  /** Re-reads the signed-in user (e.g. after an operator verified the organization). */
  refresh(): Promise<void>;
  setUser(user: User): void;
}

export const AuthContext = createContext<AuthContextValue | null>(null);

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

export function isAdmin(user: User | null): boolean {
  return user?.role === 'admin';
}
