import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NETWORK_IDS } from '../connectors/types.js';
import { voiceProfileSchema } from '../guardrails/voice/index.js';
import { requireWorkspace } from '../http/auth.js';
import type { HttpDeps } from '../http/context.js';
import { errors, workspaceParams } from '../workspaces/workspaces.presenters.js';
import { checkAccountNow, connectAccount, getAccount, listAccounts, removeAccount, setAccountVoice } from './accounts.service.js';
import { listSlots, replaceSlots } from './slots.service.js';

const accountOut = z
  .object({
    id: z.string(),
    network: z.enum(['bluesky', 'mastodon', 'webhook']),
    handle: z.string(),
    displayName: z.string().nullable(),
    url: z.string().nullable(),
    followers: z.number().nullable(),
    health: z.enum(['ok', 'failing', 'unchecked']),
    healthMessage: z.string().nullable(),
    checkedAt: z.string().nullable(),
    voiceOverride: voiceProfileSchema.nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'ConnectedAccount' });

const accountParams = workspaceParams.extend({ accountId: z.string().min(1).max(64) });
const slotSchema = z.object({
  weekday: z.number().int().min(0).max(6),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'A time of day as HH:MM' }),
});

/** Network accounts a workspace publishes with: connect, health, voice override, queue slots. */
export const publishingAccountRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const p = deps.publishing;
    const base = '/workspaces/:workspaceId/accounts';

    app.get(
      base,
      { schema: { tags: ['publishing'], summary: 'Connected network accounts (never their credentials)', params: workspaceParams, response: { 200: z.array(accountOut), ...errors } } },
      async (request) => listAccounts(p, await requireWorkspace(request, deps, request.params.workspaceId)),
    );

    app.post(
      base,
      {
        schema: {
          tags: ['publishing'],
          summary:
            'Connect an account (owner, admin, manager): bluesky {handle, appPassword, service?}, mastodon {instanceUrl, accessToken}, webhook {url, secret}. The network checks the credentials first; they are stored encrypted.',
          params: workspaceParams,
          body: z.object({ network: z.enum(NETWORK_IDS as ['bluesky', 'mastodon', 'webhook']), credentials: z.record(z.string(), z.unknown()) }),
          response: { 201: accountOut, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await connectAccount(p, await requireWorkspace(request, deps, request.params.workspaceId), request.body.network, request.body.credentials)),
    );

    app.get(
      `${base}/:accountId`,
      { schema: { tags: ['publishing'], summary: 'One connected account', params: accountParams, response: { 200: accountOut, ...errors } } },
      async (request) => getAccount(p, await requireWorkspace(request, deps, request.params.workspaceId), request.params.accountId),
    );

    app.post(
      `${base}/:accountId/check`,
      { schema: { tags: ['publishing'], summary: 'Check now that the account can publish', params: accountParams, response: { 200: accountOut, ...errors } } },
      async (request) => checkAccountNow(p, await requireWorkspace(request, deps, request.params.workspaceId), request.params.accountId),
    );

    app.put(
      `${base}/:accountId/voice`,
      {
        schema: {
          tags: ['publishing'],
          summary: "The account's voice: fields that override the workspace's voice profile (null: none)",
          params: accountParams,
          body: z.object({ voice: voiceProfileSchema.nullable() }),
          response: { 200: accountOut, ...errors },
        },
      },
      async (request) => setAccountVoice(p, await requireWorkspace(request, deps, request.params.workspaceId), request.params.accountId, request.body.voice),
    );

    app.delete(
      `${base}/:accountId`,
      { schema: { tags: ['publishing'], summary: 'Disconnect an account (refused while posts are scheduled on it)', params: accountParams, response: { 204: z.null(), ...errors } } },
      async (request, reply) => {
        await removeAccount(p, await requireWorkspace(request, deps, request.params.workspaceId), request.params.accountId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      `${base}/:accountId/slots`,
      {
        schema: { tags: ['publishing'], summary: 'Weekly queue slots of the account, in the workspace time zone (0 = Monday)', params: accountParams, response: { 200: z.array(slotSchema), ...errors } },
      },
      async (request) => listSlots(p, await requireWorkspace(request, deps, request.params.workspaceId), request.params.accountId),
    );

    app.put(
      `${base}/:accountId/slots`,
      {
        schema: {
          tags: ['publishing'],
          summary: 'Replace the weekly queue slots of the account',
          params: accountParams,
          body: z.object({ slots: z.array(slotSchema).max(100) }),
          response: { 200: z.array(slotSchema), ...errors },
        },
      },
      async (request) =>
        replaceSlots(p, await requireWorkspace(request, deps, request.params.workspaceId), request.params.accountId, request.body.slots),
    );
  };
