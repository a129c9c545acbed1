import { createContext, useContext } from 'react';
import type { Session } from '../api/types';

/** The signed-in session, provided by RequireSession to everything below it. */
export const SessionContext = createContext<Session | null>(null);

/** The signed-in session; only usable below RequireSession. */
export function useCurrentSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) {
    throw new Error('useCurrentSession() used outside RequireSession');
  }
  return session;
}
