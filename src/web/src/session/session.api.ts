/** Calls of the setup and session endpoints. Every answer that is a Session also arms the CSRF header. */
import { api } from '../api/client';
import { hasStatus } from '../api/errors';
import type { Session, SetupInput, SetupStatus, SignInInput } from '../api/types';

/** Keeps the CSRF token of a session that just arrived, and hands the session on. */
export function receiveSession<T extends Session>(session: T): T {
  api.setCsrfToken(session.csrfToken);
  return session;
}

export const getSetupStatus = (): Promise<SetupStatus> => api.get<SetupStatus>('/setup');

export const completeSetup = async (input: SetupInput): Promise<Session> =>
  receiveSession(await api.post<Session>('/setup', input));

/** The current session, or null when signed out. */
export async function getSession(): Promise<Session | null> {
  try {
    return receiveSession(await api.get<Session>('/session'));
  } catch (error) {
    if (hasStatus(error, 401)) {
      api.setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const signIn = async (input: SignInInput): Promise<Session> =>
  receiveSession(await api.post<Session>('/session', input));

export async function signOut(): Promise<void> {
  await api.delete('/session');
  api.setCsrfToken(null);
}
