import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireWorkspace } from '../http/auth.js';
import { eventStreams } from '../http/event-stream.js';
import { findingOut } from '../http/check.routes.js';
import type { HttpDeps } from '../http/context.js';
import { errors, workspaceParams } from '../workspaces/workspaces.presenters.js';
import {
  addNote,
  CONVERSATION_STATUSES,
  getConversation,
  listConversations,
  MAX_PAGE,
  updateConversation,
  updateConversations,
} from './conversations.service.js';
import { authorize } from '../workspaces/policy.js';
import { getInboxSettings, updateInboxSettings } from './inbox-settings.service.js';
import {
  businessHoursSchema,
  conversationOut,
  inboxSettingsOut,
  messageOut,
  savedReplyOut,
} from './inbox.schemas.js';
import { retryReply, sendReply, type ReplyDeps } from './replies.service.js';
import { createInboxEvents } from './inbox-events.js';
import { routingRoutes } from './routing/routing.routes.js';
import { moderate } from './moderation.service.js';
import { deleteSavedReply, listSavedReplies, saveReply } from './saved-replies.service.js';

const conversationParams = workspaceParams.extend({ conversationId: z.string().min(1).max(64) });
const checkOut = z.object({
  verdict: z.enum(['pass', 'warn', 'block']),
  score: z.number(),
  findings: z.array(findingOut),
});

/** The inbox: conversations, their messages, replies (guarded, idempotent), notes, saved replies, service levels. */
export const inboxRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db, clock } = deps;
    const base = '/workspaces/:workspaceId/inbox';
    const replyDeps: ReplyDeps = {
      db,
      clock,
      analyzer: deps.analyzer,
      spelling: deps.spelling,
      originality: deps.originality,
      secrets: deps.publishing.secrets,
      connectors: deps.publishing.connectors,
    };

    await app.register(routingRoutes(deps));
    const events = createInboxEvents(db, { now: () => clock.now() });
    const streams = eventStreams(app, () => events.close());

    app.get(
      `${base}/events`,
      {
        schema: {
          tags: ['inbox'],
          summary:
            'Server-sent events: `event: change` with `data: {"conversationIds": [...]}` whenever conversations change (in any process); a comment every 15 s keeps the connection open',
          params: workspaceParams,
        },
      },
      async (request, reply) => {
        const access = await requireWorkspace(request, deps, request.params.workspaceId);
        authorize(access.role, 'inbox.read');
        streams.open(reply, (send) => events.subscribe(access.workspaceId, (conversationIds) => send({ conversationIds })));
      },
    );

    app.post(
      `${base}/conversations/bulk`,
      {
        schema: {
          tags: ['inbox'],
          summary:
            'The same change to several conversations (close, assign, mark spam…); all or none are found',
          params: workspaceParams,
          body: z.object({
            ids: z.array(z.string().min(1).max(64)).min(1).max(200),
            changes: z
              .object({
                status: z.enum(CONVERSATION_STATUSES),
                snoozedUntil: z.iso.datetime({ offset: true }),
                assignee: z.string().min(1).max(320).nullable(),
                team: z.string().min(1).max(64).nullable(),
                spam: z.boolean(),
              })
              .partial()
              .refine((body) => Object.keys(body).length > 0, 'Give at least one change'),
          }),
          response: { 200: z.object({ items: z.array(conversationOut) }), ...errors },
        },
      },
      async (request) => ({
        items: await updateConversations(
          db,
          clock,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.body.ids,
          request.body.changes,
        ),
      }),
    );

    app.get(
      `${base}/conversations`,
      {
        schema: {
          tags: ['inbox'],
          summary:
            'Conversations, by priority (default) or newest; spam is sorted out unless spam=true. search: every word, in what they wrote (words matching over 2,000 messages search the newest 5,000), or an exact @handle',
          params: workspaceParams,
          querystring: z.object({
            status: z.enum(CONVERSATION_STATUSES).optional(),
            assignee: z.string().min(1).max(320).optional().describe('a user id, "me" or "none"'),
            team: z.string().min(1).max(64).optional().describe('a department id, or "none"'),
            spam: z
              .enum(['true', 'false'])
              .optional()
              .transform((value) => value === 'true'),
            network: z.string().min(1).max(40).optional(),
            search: z.string().max(200).optional(),
            sort: z.enum(['priority', 'newest']).optional(),
            limit: z.coerce.number().int().min(1).max(MAX_PAGE).optional(),
            cursor: z.string().max(500).optional(),
          }),
          response: {
            200: z.object({ items: z.array(conversationOut), nextCursor: z.string().nullable() }),
            ...errors,
          },
        },
      },
      async (request) =>
        listConversations(
          db,
          clock,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.query,
        ),
    );

    app.get(
      `${base}/conversations/:conversationId`,
      {
        schema: {
          tags: ['inbox'],
          summary:
            'A conversation with its messages, oldest first (what they wrote, our replies, internal notes)',
          params: conversationParams,
          response: {
            200: z.object({ conversation: conversationOut, messages: z.array(messageOut) }),
            ...errors,
          },
        },
      },
      async (request) =>
        getConversation(
          db,
          clock,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.params.conversationId,
        ),
    );

    app.patch(
      `${base}/conversations/:conversationId`,
      {
        schema: {
          tags: ['inbox'],
          summary:
            'Change status (snoozed needs snoozedUntil), assignee (user id or e-mail; null unassigns), tags, spam',
          params: conversationParams,
          body: z
            .object({
              status: z.enum(CONVERSATION_STATUSES),
              snoozedUntil: z.iso.datetime({ offset: true }),
              assignee: z.string().min(1).max(320).nullable(),
              team: z.string().min(1).max(64).nullable(),
              tags: z.array(z.string().trim().min(1).max(50)).max(30),
              spam: z.boolean(),
            })
            .partial()
            .refine((body) => Object.keys(body).length > 0, 'Give at least one change'),
          response: { 200: conversationOut, ...errors },
        },
      },
      async (request) =>
        updateConversation(
          db,
          clock,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.params.conversationId,
          request.body,
        ),
    );

    app.post(
      `${base}/conversations/:conversationId/notes`,
      {
        schema: {
          tags: ['inbox'],
          summary: 'An internal note (never sent)',
          params: conversationParams,
          body: z.object({ text: z.string().min(1).max(5_000) }),
          response: { 201: messageOut, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await addNote(
              db,
              clock,
              await requireWorkspace(request, deps, request.params.workspaceId),
              request.params.conversationId,
              request.body.text,
            ),
          ),
    );

    app.post(
      `${base}/conversations/:conversationId/replies`,
      {
        schema: {
          tags: ['inbox'],
          summary:
            'Reply from the account the conversation arrived on, after the guardrails (409 with the findings when they block it). ' +
            'Idempotent on idempotencyKey. A reply whose sending failed comes back with status failed or unknown: retry it.',
          params: conversationParams,
          body: z
            .object({
              text: z.string().max(5_000).optional(),
              savedReplyId: z.string().min(1).max(64).optional(),
              replyToMessageId: z.string().min(1).max(64).optional(),
              idempotencyKey: z.string().min(8).max(100).optional(),
              then: z.enum(['pending', 'closed']).optional(),
            })
            .refine(
              (body) => (body.text?.trim() ?? '') !== '' || body.savedReplyId !== undefined,
              'Give a text or a saved reply',
            ),
          response: { 201: z.object({ message: messageOut, check: checkOut.nullable() }), ...errors },
        },
      },
      async (request, reply) => {
        const access = await requireWorkspace(request, deps, request.params.workspaceId);
        const outcome = await sendReply(replyDeps, access, request.params.conversationId, request.body);
        return reply.status(201).send(outcome);
      },
    );

    app.post(
      `${base}/conversations/:conversationId/block`,
      {
        schema: {
          tags: ['inbox'],
          summary:
            'Block the author on the network, from the account the conversation arrived on (owner, admin, manager); leaves a note',
          params: conversationParams,
          response: { 200: messageOut, ...errors },
        },
      },
      async (request) =>
        moderate(
          replyDeps,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.params.conversationId,
          'block',
        ),
    );

    app.post(
      `${base}/conversations/:conversationId/hide`,
      {
        schema: {
          tags: ['inbox'],
          summary:
            'Hide one of their replies (default: the latest) under our post, where the network allows it (Bluesky; Mastodon answers 409); leaves a note',
          params: conversationParams,
          body: z.object({ messageId: z.string().min(1).max(64).optional() }).default({}),
          response: { 200: messageOut, ...errors },
        },
      },
      async (request) =>
        moderate(
          replyDeps,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.params.conversationId,
          'hide',
          request.body.messageId,
        ),
    );

    app.post(
      `${base}/messages/:messageId/retry`,
      {
        schema: {
          tags: ['inbox'],
          summary:
            'Send again a reply that failed or whose outcome is unknown (same key: never twice on the network)',
          params: workspaceParams.extend({ messageId: z.string().min(1).max(64) }),
          response: { 200: messageOut, ...errors },
        },
      },
      async (request) =>
        retryReply(
          replyDeps,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.params.messageId,
        ),
    );

    app.get(
      `${base}/saved-replies`,
      {
        schema: {
          tags: ['inbox'],
          summary: 'Saved replies',
          params: workspaceParams,
          response: { 200: z.object({ items: z.array(savedReplyOut) }), ...errors },
        },
      },
      async (request) => ({
        items: await listSavedReplies(db, await requireWorkspace(request, deps, request.params.workspaceId)),
      }),
    );

    app.post(
      `${base}/saved-replies`,
      {
        schema: {
          tags: ['inbox'],
          summary:
            'Save a reply; {{firstName}}, {{name}}, {{handle}} and {{agentName}} are filled when it is used',
          params: workspaceParams,
          body: z.object({
            name: z.string().trim().min(1).max(100),
            text: z.string().trim().min(1).max(5_000),
          }),
          response: { 201: savedReplyOut, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await saveReply(
              db,
              clock,
              await requireWorkspace(request, deps, request.params.workspaceId),
              request.body,
            ),
          ),
    );

    app.delete(
      `${base}/saved-replies/:replyId`,
      {
        schema: {
          tags: ['inbox'],
          summary: 'Delete a saved reply',
          params: workspaceParams.extend({ replyId: z.string().min(1).max(64) }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await deleteSavedReply(
          db,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.params.replyId,
        );
        return reply.status(204).send(null);
      },
    );

    app.get(
      `${base}/settings`,
      {
        schema: {
          tags: ['inbox'],
          summary: 'Service levels and business hours',
          params: workspaceParams,
          response: { 200: inboxSettingsOut, ...errors },
        },
      },
      async (request) =>
        getInboxSettings(db, await requireWorkspace(request, deps, request.params.workspaceId)),
    );

    app.put(
      `${base}/settings`,
      {
        schema: {
          tags: ['inbox'],
          summary:
            'Set the first- and next-response targets (business minutes) and the business hours (in the workspace’s time zone)',
          params: workspaceParams,
          body: z
            .object({
              firstResponseMinutes: z.number().int().min(1).max(10_080),
              nextResponseMinutes: z.number().int().min(1).max(10_080),
              businessHours: businessHoursSchema,
              onDuty: z
                .array(z.string().min(1).max(64))
                .max(100)
                .describe('user ids that round-robin assignment turns over'),
            })
            .partial(),
          response: { 200: inboxSettingsOut, ...errors },
        },
      },
      async (request) =>
        updateInboxSettings(
          db,
          clock,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.body,
        ),
    );
  };
