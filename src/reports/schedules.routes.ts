import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireWorkspace } from '../http/auth.js';
import type { HttpDeps } from '../http/context.js';
import { errors, workspaceParams } from '../workspaces/workspaces.presenters.js';
import { REPORT_CADENCES, REPORT_TEMPLATES } from './reports.tables.js';
import {
  deleteSchedule,
  getSchedule,
  listDeliveries,
  listSchedules,
  MAX_DELIVERIES_LISTED,
  runScheduleNow,
  saveSchedule,
  scheduleIn,
} from './schedules/schedules.service.js';

const DELIVERY_STATUSES = ['pending', 'sent', 'retrying', 'failed', 'unavailable'] as const;

const scheduleOut = z
  .object({
    id: z.string(),
    name: z.string(),
    template: z.enum(REPORT_TEMPLATES),
    cadence: z.enum(REPORT_CADENCES),
    emailTo: z.array(z.string()),
    webhookUrl: z.string().nullable().meta({ description: 'Only for members who manage reports' }),
    webhook: z.boolean(),
    enabled: z.boolean(),
    nextRunAt: z.string(),
    lastRunAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ReportSchedule' });

const savedOut = z.object({
  schedule: scheduleOut,
  webhookSecret: z.string().optional().meta({ description: 'The webhook’s signing secret, shown once' }),
});

const deliveryOut = z
  .object({
    id: z.string(),
    template: z.enum(REPORT_TEMPLATES),
    periodFrom: z.string(),
    periodTo: z.string(),
    channel: z.enum(['email', 'webhook']),
    target: z.string().meta({ description: 'The e-mail address, or the webhook’s host' }),
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: 'ReportDelivery' });

const scheduleParams = workspaceParams.extend({ scheduleId: z.string().min(1).max(64) });

/** Report schedules and their deliveries. */
export const reportScheduleRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db, clock } = deps;
    const base = '/workspaces/:workspaceId/reports/schedules';
    const saveDeps = { db, clock, secrets: deps.publishing.secrets };

    app.get(
      base,
      {
        schema: {
          tags: ['reports'],
          summary: 'The workspace’s report schedules',
          params: workspaceParams,
          response: { 200: z.object({ schedules: z.array(scheduleOut) }), ...errors },
        },
      },
      async (request) => ({
        schedules: await listSchedules(db, await requireWorkspace(request, deps, request.params.workspaceId)),
      }),
    );

    app.post(
      base,
      {
        schema: {
          tags: ['reports'],
          summary:
            'Schedule a report: a template sent daily, weekly or monthly (workspace time zone, 01:00 after each period) by e-mail with the PDF, and/or to a signed webhook',
          params: workspaceParams,
          body: scheduleIn,
          response: { 201: savedOut, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await saveSchedule(saveDeps, await requireWorkspace(request, deps, request.params.workspaceId), request.body)),
    );

    app.get(
      `${base}/:scheduleId`,
      {
        schema: {
          tags: ['reports'],
          summary: 'One report schedule',
          params: scheduleParams,
          response: { 200: scheduleOut, ...errors },
        },
      },
      async (request) =>
        getSchedule(db, await requireWorkspace(request, deps, request.params.workspaceId), request.params.scheduleId),
    );

    app.put(
      `${base}/:scheduleId`,
      {
        schema: {
          tags: ['reports'],
          summary: 'Replace a report schedule (a new webhook URL gets a new signing secret)',
          params: scheduleParams,
          body: scheduleIn,
          response: { 200: savedOut, ...errors },
        },
      },
      async (request) =>
        saveSchedule(
          saveDeps,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.body,
          request.params.scheduleId,
        ),
    );

    app.delete(
      `${base}/:scheduleId`,
      {
        schema: {
          tags: ['reports'],
          summary: 'Delete a report schedule (its delivery records stay)',
          params: scheduleParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await deleteSchedule(db, clock, await requireWorkspace(request, deps, request.params.workspaceId), request.params.scheduleId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      `${base}/:scheduleId/deliveries`,
      {
        schema: {
          tags: ['reports'],
          summary: 'A schedule’s deliveries, newest first: status, attempts and the last error',
          params: scheduleParams,
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(MAX_DELIVERIES_LISTED).default(50) }),
          response: { 200: z.object({ deliveries: z.array(deliveryOut) }), ...errors },
        },
      },
      async (request) => ({
        deliveries: await listDeliveries(
          db,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.params.scheduleId,
          request.query.limit,
        ),
      }),
    );

    app.post(
      `${base}/:scheduleId/run`,
      {
        schema: {
          tags: ['reports'],
          summary:
            'Send now: the report of the last complete period, to every recipient not yet sent it (failed and unavailable deliveries are tried again); the worker sends within seconds',
          params: scheduleParams,
          response: {
            202: z.object({
              period: z.object({ from: z.string(), to: z.string(), label: z.string() }),
              queued: z.number().int(),
              deliveries: z.array(deliveryOut),
            }),
            ...errors,
          },
        },
      },
      async (request, reply) =>
        reply
          .status(202)
          .send(
            await runScheduleNow(
              { db, clock },
              await requireWorkspace(request, deps, request.params.workspaceId),
              request.params.scheduleId,
            ),
          ),
    );
  };
