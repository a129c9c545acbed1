import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invalid, unauthenticated } from '../core/errors.js';
import { clearSessionCookie, requireUser, setSessionCookie } from '../http/auth.js';
import type { HttpDeps } from '../http/context.js';
import { authenticate, endSession, startSession, type User } from './accounts.service.js';
import { acceptInvitation, previewInvitation, type AcceptAs } from './invitations.service.js';
import { errors, presentSession, roleOut, sessionOut } from './workspaces.presenters.js';
import {
  emailSchema,
  languagesSchema,
  passwordSchema,
  personNameSchema,
  timeZoneSchema,
  workspaceNameSchema,
} from './workspaces.schemas.js';
import { needsSetup, runSetup } from './setup.service.js';

/** First-run setup, sign-in and sign-out, and the public side of invitations. */
export const accountRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db, clock } = deps;
    const signInLimit = {
      rateLimit: {
        max: deps.options.signInAttemptsPerWindow,
        timeWindow: deps.options.signInWindowMs,
        errorResponseBuilder: (_request: unknown, context: { after: string; statusCode: number }) => ({
          statusCode: context.statusCode,
          message: `Too many attempts: try again in ${context.after}`,
        }),
      },
    };

    const signIn = async (user: User, method: 'password' | 'setup' | 'invitation', ip: string, reply: Parameters<typeof setSessionCookie>[0]) => {
      const session = await startSession(db, clock, user, { ip, method });
      setSessionCookie(reply, deps, session.secret, session.expiresAt);
      return presentSession(db, user, session.csrfToken);
    };

    app.get(
      '/setup',
      { schema: { tags: ['session'], summary: 'Whether first-run setup is needed', response: { 200: z.object({ needsSetup: z.boolean() }) } } },
      async () => ({ needsSetup: await needsSetup(db) }),
    );

    app.post(
      '/setup',
      {
        config: signInLimit,
        schema: {
          tags: ['session'],
          summary: 'Create the owner account and the first workspace (only while no account exists)',
          body: z.object({
            name: personNameSchema,
            email: emailSchema,
            password: passwordSchema,
            workspaceName: workspaceNameSchema,
            timeZone: timeZoneSchema,
            languages: languagesSchema,
          }),
          response: { 201: sessionOut, ...errors },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const { user } = await runSetup(db, clock, {
          owner: { email: body.email, name: body.name, password: body.password },
          workspace: { name: body.workspaceName, timeZone: body.timeZone, languages: body.languages },
        });
        return reply.status(201).send(await signIn(user, 'setup', request.ip, reply));
      },
    );

    app.get(
      '/session',
      { schema: { tags: ['session'], summary: 'The signed-in user, their workspaces and the CSRF token', response: { 200: sessionOut, ...errors } } },
      async (request) => {
        const principal = request.principal;
        if (principal?.kind !== 'session') {
          throw unauthenticated();
        }
        return presentSession(db, principal.user, principal.csrfToken);
      },
    );

    app.post(
      '/session',
      {
        config: signInLimit,
        schema: {
          tags: ['session'],
          summary: 'Sign in with e-mail and password (rate-limited)',
          body: z.object({ email: emailSchema, password: z.string().min(1).max(512) }),
          response: { 200: sessionOut, ...errors },
        },
      },
      async (request, reply) => {
        const user = await authenticate(db, request.body.email, request.body.password);
        return signIn(user, 'password', request.ip, reply);
      },
    );

    app.delete(
      '/session',
      { schema: { tags: ['session'], summary: 'Sign out', response: { 204: z.null(), ...errors } } },
      async (request, reply) => {
        if (request.principal?.kind === 'session') {
          await endSession(db, request.principal.sessionId);
        }
        clearSessionCookie(reply, deps);
        return reply.status(204).send(null);
      },
    );

    const tokenParams = z.object({ token: z.string().min(10).max(200) });

    app.get(
      '/invitations/:token',
      {
        schema: {
          tags: ['invitations'],
          summary: 'What an invitation link offers (public)',
          params: tokenParams,
          response: {
            200: z.object({ workspaceName: z.string(), email: z.string(), role: roleOut, expiresAt: z.string(), accountExists: z.boolean() }),
            ...errors,
          },
        },
      },
      async (request) => previewInvitation(db, clock, request.params.token),
    );

    app.post(
      '/invitations/:token/accept',
      {
        config: signInLimit,
        schema: {
          tags: ['invitations'],
          summary: 'Accept an invitation: signed in as the invitee, with the existing account password, or as a new account',
          params: tokenParams,
          body: z.object({ name: personNameSchema.optional(), password: z.string().max(512).optional() }),
          response: { 200: sessionOut.extend({ workspaceId: z.string() }), ...errors },
        },
      },
      async (request, reply) => {
        const { name, password } = request.body;
        let as: AcceptAs;
        if (request.principal?.kind === 'session') {
          as = { kind: 'signed-in', user: requireUser(request) };
        } else if (name !== undefined) {
          const checked = passwordSchema.safeParse(password ?? '');
          if (!checked.success) {
            throw invalid('body.password', checked.error.issues[0]?.message ?? 'Invalid password');
          }
          as = { kind: 'new-account', name, password: checked.data };
        } else {
          as = { kind: 'existing-account', password: password ?? '' };
        }
        const { user, workspaceId } = await acceptInvitation(db, clock, request.params.token, as);
        const session =
          request.principal?.kind === 'session'
            ? await presentSession(db, user, request.principal.csrfToken)
            : await signIn(user, 'invitation', request.ip, reply);
        return { ...session, workspaceId };
      },
    );
  };
