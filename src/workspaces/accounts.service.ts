import type { Kysely } from 'kysely';
import { isoNow, type Clock } from '../core/clock.js';
import { conflict, unauthenticated } from '../core/errors.js';
import { sha256 } from '../core/hashing.js';
import { newId, newSecret } from '../core/ids.js';
import { hashPassword, verifyPassword } from '../core/passwords.js';
import { isUniqueViolation } from '../db/dialects/errors.js';
import type { Database } from '../db/schema.js';
import { recordAudit } from './audit.service.js';
import { sessionsRepo } from './sessions.repo.js';
import { usersRepo, type UserRow } from './users.repo.js';
import { workspacesRepo } from './workspaces.repo.js';

export interface User {
  id: string;
  email: string;
  name: string;
}

export interface NewUser {
  email: string;
  name: string;
  password: string | null;
}

const SESSION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
// A hash of a random password, verified against when the e-mail is unknown, so that a wrong
// e-mail and a wrong password take the same time and cannot be told apart.
let decoyHash: Promise<string> | undefined;

export const toUser = (row: UserRow): User => ({ id: row.id, email: row.email, name: row.name });

/** Inserts a user; the e-mail must be normalised (workspaces.schemas emailSchema). */
export async function createUser(db: Kysely<Database>, clock: Clock, input: NewUser): Promise<User> {
  const row: UserRow = {
    id: newId(clock.now().getTime()),
    email: input.email,
    name: input.name,
    password_hash: input.password === null ? null : await hashPassword(input.password),
    locale: null,
    created_at: isoNow(clock),
    disabled_at: null,
  };
  try {
    await usersRepo(db).insert(row);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(`An account already exists for ${input.email}`);
    }
    throw error;
  }
  return toUser(row);
}

/** Checks an e-mail and password; the same error whatever was wrong. */
export async function authenticate(db: Kysely<Database>, email: string, password: string): Promise<User> {
  const row = await usersRepo(db).findByEmail(email);
  if (!row?.password_hash || row.disabled_at) {
    decoyHash ??= hashPassword(newSecret());
    await verifyPassword(password, await decoyHash);
    throw unauthenticated('Wrong e-mail or password');
  }
  if (!(await verifyPassword(password, row.password_hash))) {
    throw unauthenticated('Wrong e-mail or password');
  }
  return toUser(row);
}

export interface StartedSession {
  /** The cookie value: given to the browser, never stored. */
  secret: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Opens a session and records the sign-in in the audit log of each of the user's workspaces. */
export async function startSession(
  db: Kysely<Database>,
  clock: Clock,
  user: User,
  context: { ip?: string | undefined; method: 'password' | 'setup' | 'invitation' },
): Promise<StartedSession> {
  const secret = newSecret();
  const csrfToken = newSecret();
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * DAY_MS);
  await sessionsRepo(db).insert({
    id: sha256(secret),
    user_id: user.id,
    csrf_token: csrfToken,
    created_at: now.toISOString(),
    expires_at: expiresAt.toISOString(),
    last_seen_at: now.toISOString(),
  });
  for (const workspace of await workspacesRepo(db).listForUser(user.id)) {
    await recordAudit(db, clock, {
      workspaceId: workspace.id,
      actorUserId: user.id,
      action: 'user.signed_in',
      details: { method: context.method },
      ip: context.ip,
    });
  }
  return { secret, csrfToken, expiresAt };
}

export interface LiveSession {
  user: User;
  csrfToken: string;
  sessionId: string;
}

/** The session behind a cookie value, or null; slides the expiry at most once an hour. */
export async function resolveSession(db: Kysely<Database>, clock: Clock, secret: string): Promise<LiveSession | null> {
  const now = clock.now();
  const sessions = sessionsRepo(db);
  const session = await sessions.findLive(sha256(secret), now.toISOString());
  if (!session) {
    return null;
  }
  const user = await usersRepo(db).findById(session.user_id);
  if (!user || user.disabled_at) {
    return null;
  }
  if (now.getTime() - Date.parse(session.last_seen_at) > 60 * 60 * 1000) {
    await sessions.touch(session.id, now.toISOString(), new Date(now.getTime() + SESSION_DAYS * DAY_MS).toISOString());
  }
  return { user: toUser(user), csrfToken: session.csrf_token, sessionId: session.id };
}

export async function endSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await sessionsRepo(db).delete(sessionId);
}

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<User | null> {
  const row = await usersRepo(db).findByEmail(email);
  return row ? toUser(row) : null;
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  return usersRepo(db).count();
}

export async function findUserById(db: Kysely<Database>, id: string): Promise<User | null> {
  const row = await usersRepo(db).findById(id);
  return row && !row.disabled_at ? toUser(row) : null;
}
