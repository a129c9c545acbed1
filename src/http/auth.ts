import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HearthApp } from './app.js';
import { AppError, forbidden, notFound, unauthenticated } from '../core/errors.js';
import { safeEqual } from '../core/hashing.js';
import { findUserById, resolveSession, type User } from '../workspaces/accounts.service.js';
import { resolveApiToken, type TokenIdentity } from '../workspaces/api-tokens.service.js';
import { requireMembership, type WorkspaceAccess } from '../workspaces/workspaces.service.js';
import type { HttpDeps } from './context.js';

export const SESSION_COOKIE = 'hearth_session';
export const CSRF_HEADER = 'x-csrf-token';

/** Who is calling: a browser session (cookie) or an API token (Bearer), or nobody. */
export type Principal =
  | { kind: 'session'; user: User; sessionId: string; csrfToken: string }
  | { kind: 'token'; user: User; token: TokenIdentity };

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the principal of every request and enforces CSRF protection: a write authenticated by
 * the session cookie must echo the session's CSRF token in a header (a cross-site form cannot).
 * Bearer-token requests carry no ambient authority and need no CSRF token.
 */
export function installAuthentication(app: HearthApp, deps: HttpDeps): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) {
      return;
    }
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const [scheme, secret] = authorization.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !secret) {
        throw unauthenticated('Use "Authorization: Bearer <API token>"');
      }
      const token = await resolveApiToken(deps.db, deps.clock, secret);
      const user = token ? await findUserById(deps.db, token.userId) : null;
      if (!token || !user) {
        throw unauthenticated('Invalid or revoked API token');
      }
      request.principal = { kind: 'token', user, token };
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) {
      const session = await resolveSession(deps.db, deps.clock, cookie);
      if (session) {
        request.principal = { kind: 'session', user: session.user, sessionId: session.sessionId, csrfToken: session.csrfToken };
      }
    }
    if (request.principal?.kind === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, request.principal.csrfToken)) {
        throw new AppError('csrf_failed', `Missing or wrong ${CSRF_HEADER} header: reload the page and try again`);
      }
    }
  });
}

/** The signed-in user, or 401. */
export function requireUser(request: FastifyRequest): User {
  if (!request.principal) {
    throw unauthenticated();
  }
  return request.principal.user;
}

/** Only a browser session may do this (e.g. create workspaces): API tokens are bound to one workspace. */
export function requireSessionUser(request: FastifyRequest): User {
  const user = requireUser(request);
  if (request.principal?.kind === 'token') {
    throw forbidden('API tokens are bound to one workspace and cannot do this');
  }
  return user;
}

/**
 * Proves membership of the workspace in the URL. Non-members and tokens of another workspace get
 * 404, so nothing about another workspace leaks, not even that it exists.
 */
export async function requireWorkspace(request: FastifyRequest, deps: HttpDeps, workspaceId: string): Promise<WorkspaceAccess> {
  const user = requireUser(request);
  if (request.principal?.kind === 'token' && request.principal.token.workspaceId !== workspaceId) {
    throw notFound('Workspace');
  }
  return requireMembership(deps.db, user.id, workspaceId);
}

/** Secure when configured so, or when the request itself came over HTTPS (directly or via a trusted proxy). */
const isSecure = (reply: FastifyReply, deps: HttpDeps): boolean => deps.options.secureCookies || reply.request.protocol === 'https';

export function setSessionCookie(reply: FastifyReply, deps: HttpDeps, secret: string, expiresAt: Date): void {
  void reply.setCookie(SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure(reply, deps),
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, deps: HttpDeps): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: isSecure(reply, deps) });
}
