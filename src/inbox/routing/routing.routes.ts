import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireWorkspace } from '../../http/auth.js';
import type { HttpDeps } from '../../http/context.js';
import { errors, workspaceParams } from '../../workspaces/workspaces.presenters.js';
import {
  addDepartment,
  deleteRule,
  listDepartments,
  listRules,
  removeDepartment,
  saveRule,
} from './routing.service.js';
import { ruleActionsSchema, ruleConditionsSchema } from './rules.js';

const departmentOut = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    webhookUrl: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'InboxDepartment' });

const ruleOut = z
  .object({
    id: z.string(),
    name: z.string(),
    position: z.number().int(),
    enabled: z.boolean(),
    conditions: ruleConditionsSchema,
    actions: ruleActionsSchema,
    updatedAt: z.string(),
  })
  .meta({ id: 'InboxRoutingRule' });

const ruleIn = z.object({
  name: z.string().trim().min(1).max(100),
  enabled: z.boolean().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  conditions: ruleConditionsSchema.default({}),
  actions: ruleActionsSchema,
});

/** Departments and routing rules of the inbox. */
export const routingRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db, clock } = deps;
    const base = '/workspaces/:workspaceId/inbox';

    app.get(
      `${base}/departments`,
      {
        schema: {
          tags: ['inbox'],
          summary: 'Departments a routing rule can notify',
          params: workspaceParams,
          response: { 200: z.object({ items: z.array(departmentOut) }), ...errors },
        },
      },
      async (request) => ({
        items: await listDepartments(db, await requireWorkspace(request, deps, request.params.workspaceId)),
      }),
    );

    app.post(
      `${base}/departments`,
      {
        schema: {
          tags: ['inbox'],
          summary:
            'Add a department (support, sales, product, PR, legal…) with an e-mail address and/or a webhook; the webhook’s signing secret is shown once',
          params: workspaceParams,
          body: z
            .object({
              name: z.string().trim().min(1).max(100),
              email: z.email().max(320).optional(),
              webhookUrl: z
                .url({ protocol: /^https?$/ })
                .max(2_000)
                .optional(),
            })
            .refine(
              (body) => body.email !== undefined || body.webhookUrl !== undefined,
              'Give an e-mail address or a webhook URL',
            ),
          response: {
            201: z.object({ department: departmentOut, webhookSecret: z.string().optional() }),
            ...errors,
          },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await addDepartment(
              { db, clock, secrets: deps.publishing.secrets },
              await requireWorkspace(request, deps, request.params.workspaceId),
              request.body,
            ),
          ),
    );

    app.delete(
      `${base}/departments/:departmentId`,
      {
        schema: {
          tags: ['inbox'],
          summary: 'Remove a department (rules that notify it stop notifying)',
          params: workspaceParams.extend({ departmentId: z.string().min(1).max(64) }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await removeDepartment(
          db,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.params.departmentId,
        );
        return reply.status(204).send(null);
      },
    );

    app.get(
      `${base}/rules`,
      {
        schema: {
          tags: ['inbox'],
          summary: 'Routing rules, in the order they apply',
          params: workspaceParams,
          response: { 200: z.object({ items: z.array(ruleOut) }), ...errors },
        },
      },
      async (request) => ({
        items: await listRules(db, await requireWorkspace(request, deps, request.params.workspaceId)),
      }),
    );

    app.post(
      `${base}/rules`,
      {
        schema: {
          tags: ['inbox'],
          summary:
            'Add a routing rule: when (networks, languages, sentiments, intents, saved queries, accounts, minimum followers) → then (tags, assign a member or round-robin over those on duty, raise priority, notify a department, mark spam, close). Applied to every new conversation, in order',
          params: workspaceParams,
          body: ruleIn,
          response: { 201: ruleOut, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await saveRule(
              db,
              clock,
              await requireWorkspace(request, deps, request.params.workspaceId),
              request.body,
            ),
          ),
    );

    app.put(
      `${base}/rules/:ruleId`,
      {
        schema: {
          tags: ['inbox'],
          summary: 'Replace a routing rule',
          params: workspaceParams.extend({ ruleId: z.string().min(1).max(64) }),
          body: ruleIn,
          response: { 200: ruleOut, ...errors },
        },
      },
      async (request) =>
        saveRule(
          db,
          clock,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.body,
          request.params.ruleId,
        ),
    );

    app.delete(
      `${base}/rules/:ruleId`,
      {
        schema: {
          tags: ['inbox'],
          summary: 'Delete a routing rule',
          params: workspaceParams.extend({ ruleId: z.string().min(1).max(64) }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await deleteRule(
          db,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.params.ruleId,
        );
        return reply.status(204).send(null);
      },
    );
  };
