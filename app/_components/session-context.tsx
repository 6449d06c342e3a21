'use client';
// The signed-in account, as the workspace layout read it on the server. Used to hide controls a
// role cannot use; the server enforces the same rule on every procedure.
import { createContext, useContext, type ReactNode } from 'react';

export interface SessionInfo {
  name: string;
  role: 'admin' | 'editor' | 'viewer';
}

const SessionContext = createContext<SessionInfo | null>(null);

export function SessionProvider({ session, children }: { session: SessionInfo; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionInfo {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is used outside the workspace layout');
  return session;
}

export function useCanEdit(): boolean {
  return useSession().role !== 'viewer';
}

export function useIsAdmin(): boolean {
  return useSession().role === 'admin';
}
