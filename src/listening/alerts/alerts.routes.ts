import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireWorkspace } from '../../http/auth.js';
import type { HttpDeps } from '../../http/context.js';
import { errors, workspaceParams } from '../../workspaces/workspaces.presenters.js';
import { DEFAULT_BACKTEST_DAYS, MAX_BACKTEST_DAYS } from './alerts.backtest.js';
import { ALERT_KINDS, ruleIn, specIn } from './alerts.rules.js';
import {
  backtestRule,
  deleteRule,
  listAlerts,
  listRules,
  markAlertsRead,
  MAX_ALERT_PAGE,
  saveRule,
} from './alerts.service.js';

const ruleOut = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(ALERT_KINDS),
    queryId: z.string().nullable(),
    queryName: z.string().nullable(),
    params: z.record(z.string(), z.number()),
    channels: z.object({
      email: z.array(z.string()),
      /** Only for members who manage listening. */
      webhookUrl: z.string().nullable(),
      webhook: z.boolean(),
    }),
    enabled: z.boolean(),
    lastFiredAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'AlertRule' });

const savedRuleOut = z.object({ rule: ruleOut, webhookSecret: z.string().optional() });

const explanationOut = z
  .looseObject({ kind: z.enum(ALERT_KINDS) })
  .meta({ description: 'The maths behind the alert (kind-specific; see docs/LISTENING.md#alerts)' });

const alertOut = z
  .object({
    id: z.string(),
    ruleId: z.string().nullable(),
    ruleName: z.string(),
    kind: z.enum(ALERT_KINDS),
    firedAt: z.string(),
    windowStart: z.string().nullable(),
    windowEnd: z.string().nullable(),
    mentionId: z.string().nullable(),
    readAt: z.string().nullable(),
    title: z.string(),
    summary: z.array(z.string()),
    explanation: explanationOut,
    deliveries: z.array(
      z.object({
        channel: z.enum(['email', 'webhook']),
        status: z.enum(['pending', 'sent', 'retrying', 'failed', 'unavailable']),
        attempts: z.number().int(),
        lastError: z.string().nullable(),
        sentAt: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'Alert' });

const backtestOut = z
  .object({
    from: z.string(),
    to: z.string(),
    windows: z.number().int(),
    outcomes: z.record(z.string(), z.number().int()),
    suppressedByCooldown: z.number().int(),
    fired: z.number().int(),
    firings: z.array(z.object({ at: z.string(), explanation: explanationOut })),
    truncated: z.boolean(),
  })
  .meta({ id: 'AlertBacktest' });

const days = z.number().int().min(1).max(MAX_BACKTEST_DAYS).default(DEFAULT_BACKTEST_DAYS);
const ruleParams = workspaceParams.extend({ ruleId: z.string().min(1).max(64) });

/** Alert rules, fired alerts and backtests. */
export const alertRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db, clock } = deps;
    const rules = '/workspaces/:workspaceId/listening/alert-rules';
    const alerts = '/workspaces/:workspaceId/listening/alerts';
    const ruleDeps = { db, clock, secrets: deps.publishing.secrets };

    app.get(
      rules,
      {
        schema: {
          tags: ['alerts'],
          summary: 'The workspace’s alert rules',
          params: workspaceParams,
          response: { 200: z.object({ rules: z.array(ruleOut) }), ...errors },
        },
      },
      async (request) => ({
        rules: await listRules(db, await requireWorkspace(request, deps, request.params.workspaceId)),
      }),
    );

    app.post(
      rules,
      {
        schema: {
          tags: ['alerts'],
          summary:
            'Add an alert rule: volume spike, negative surge, high reach or opportunity (a webhook’s signing secret is shown once)',
          params: workspaceParams,
          body: ruleIn,
          response: { 201: savedRuleOut, ...errors },
        },
      },
      async (request, reply) => {
        const saved = await saveRule(
          ruleDeps,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.body,
        );
        return reply.status(201).send(saved);
      },
    );

    app.put(
      `${rules}/:ruleId`,
      {
        schema: {
          tags: ['alerts'],
          summary: 'Replace an alert rule',
          params: ruleParams,
          body: ruleIn,
          response: { 200: savedRuleOut, ...errors },
        },
      },
      async (request) =>
        saveRule(
          ruleDeps,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.body,
          request.params.ruleId,
        ),
    );

    app.delete(
      `${rules}/:ruleId`,
      {
        schema: {
          tags: ['alerts'],
          summary: 'Delete an alert rule (its alerts stay)',
          params: ruleParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await deleteRule(
          db,
          clock,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.params.ruleId,
        );
        return reply.status(204).send(null);
      },
    );

    app.post(
      `${rules}/backtest`,
      {
        schema: {
          tags: ['alerts'],
          summary:
            'When a rule being written would have fired over the stored history (the last `days` days)',
          params: workspaceParams,
          body: z.object({ rule: specIn, days }),
          response: { 200: backtestOut, ...errors },
        },
      },
      async (request) =>
        backtestRule(
          db,
          clock,
          await requireWorkspace(request, deps, request.params.workspaceId),
          { spec: request.body.rule },
          request.body.days,
        ),
    );

    app.post(
      `${rules}/:ruleId/backtest`,
      {
        schema: {
          tags: ['alerts'],
          summary: 'When a saved rule would have fired over the stored history (the last `days` days)',
          params: ruleParams,
          body: z.object({ days }).prefault({}),
          response: { 200: backtestOut, ...errors },
        },
      },
      async (request) =>
        backtestRule(
          db,
          clock,
          await requireWorkspace(request, deps, request.params.workspaceId),
          { ruleId: request.params.ruleId },
          request.body.days,
        ),
    );

    app.get(
      alerts,
      {
        schema: {
          tags: ['alerts'],
          summary: 'Fired alerts, newest first, each with its explanation and delivery status per channel',
          params: workspaceParams,
          querystring: z.object({
            unread: z.enum(['true', 'false']).optional(),
            kind: z.enum(ALERT_KINDS).optional(),
            ruleId: z.string().min(1).max(64).optional(),
            limit: z.coerce.number().int().min(1).max(MAX_ALERT_PAGE).optional(),
            cursor: z.string().max(500).optional(),
          }),
          response: {
            200: z.object({
              alerts: z.array(alertOut),
              unread: z.number().int(),
              nextCursor: z.string().nullable(),
            }),
            ...errors,
          },
        },
      },
      async (request) => {
        const { unread, ...rest } = request.query;
        return listAlerts(db, await requireWorkspace(request, deps, request.params.workspaceId), {
          ...rest,
          unread: unread === 'true',
        });
      },
    );

    app.post(
      `${alerts}/read`,
      {
        schema: {
          tags: ['alerts'],
          summary: 'Mark alerts read: the ones listed, or all of them',
          params: workspaceParams,
          body: z.union([
            z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(500) }),
            z.object({ all: z.literal(true) }),
          ]),
          response: { 200: z.object({ marked: z.number().int() }), ...errors },
        },
      },
      async (request) => ({
        marked: await markAlertsRead(
          db,
          clock,
          await requireWorkspace(request, deps, request.params.workspaceId),
          'ids' in request.body ? request.body.ids : null,
        ),
      }),
    );
  };
