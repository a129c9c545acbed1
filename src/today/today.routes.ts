import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireWorkspace } from '../http/auth.js';
import { eventStreams } from '../http/event-stream.js';
import type { HttpDeps } from '../http/context.js';
import { authorize } from '../workspaces/policy.js';
import { errors, workspaceParams } from '../workspaces/workspaces.presenters.js';
import { createTodayEvents } from './today-events.js';
import { createToday } from './today.service.js';
import { TODAY_KINDS } from './today.types.js';

const todayItemOut = z
  .object({
    id: z.string(),
    kind: z.enum(TODAY_KINDS),
    priority: z.number().int(),
    title: z.string(),
    why: z.string(),
    reasons: z.array(
      z.object({ code: z.string(), values: z.record(z.string(), z.union([z.string(), z.number()])) }),
    ),
    link: z.string(),
    at: z.string().nullable(),
    due: z.string().nullable(),
  })
  .meta({ id: 'TodayItem' });

const todayOut = z
  .object({
    generatedAt: z.string(),
    fingerprint: z.string(),
    items: z.array(todayItemOut),
    counts: z.record(z.enum(TODAY_KINDS), z.number().int()),
  })
  .meta({ id: 'Today' });

/** Today: the prioritised list of what to do now, and its live stream. */
export const todayRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const base = '/workspaces/:workspaceId/today';
    const today = createToday({ db: deps.db, clock: deps.clock });
    const events = createTodayEvents(async (workspaceId) => (await today.compute(workspaceId)).fingerprint, {
      onError: (error) => deps.logger.warn({ err: error }, 'today: recomputing the list failed'),
    });
    const streams = eventStreams(app, () => events.close());

    app.get(
      base,
      {
        schema: {
          tags: ['today'],
          summary:
            'What to do now, highest priority first (docs in src/today/today.priority.ts): overdue and high-priority conversations, posts awaiting approval, failed or unconfirmed posts, accounts whose credentials fail, fresh alerts, relationship next steps due, recurring questions and rising trends; each says why and links to it',
          params: workspaceParams,
          response: { 200: todayOut, ...errors },
        },
      },
      async (request) => today.forMember(await requireWorkspace(request, deps, request.params.workspaceId)),
    );

    app.get(
      `${base}/events`,
      {
        schema: {
          tags: ['today'],
          summary:
            'Server-sent events: `event: change` with `data: {"fingerprint": "..."}` whenever the list changes (checked every 2 s, whatever process made the change); a comment every 15 s keeps the connection open',
          params: workspaceParams,
        },
      },
      async (request, reply) => {
        const access = await requireWorkspace(request, deps, request.params.workspaceId);
        authorize(access.role, 'workspace.read');
        streams.open(reply, (send) => events.subscribe(access.workspaceId, (fingerprint) => send({ fingerprint })));
      },
    );
  };
