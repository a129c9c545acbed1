import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireWorkspace } from '../http/auth.js';
import type { HttpDeps } from '../http/context.js';
import { errorOut, errors, workspaceParams } from '../workspaces/workspaces.presenters.js';
import { getBranding, updateBranding } from './branding/branding.service.js';
import { getDashboard } from './dashboard.service.js';
import { PdfUnavailableError } from './render/pdf.js';
import { brandingIn, brandingOut, dashboardOut, dashboardQuery, kpiOut, renderQuery } from './reports.schemas.js';
import { listKpis, parseBound, renderReportFor, timeZoneOf } from './reports.service.js';

/** KPI registry, dashboards data, report generation (HTML, PDF, CSV) and branding. */
export const reportRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db, clock } = deps;
    const base = '/workspaces/:workspaceId/reports';

    app.get(
      `${base}/kpis`,
      {
        schema: {
          tags: ['reports'],
          summary: 'The KPI registry: every figure reports and dashboards show, with its formula, inputs and version',
          params: workspaceParams,
          response: { 200: z.object({ kpis: z.array(kpiOut) }), ...errors },
        },
      },
      async (request) => ({ kpis: listKpis(await requireWorkspace(request, deps, request.params.workspaceId)) }),
    );

    app.get(
      `${base}/dashboard`,
      {
        schema: {
          tags: ['reports'],
          summary:
            "A capability's figures over [from, to) beside the previous period of the same length (deltas, formulas, counts), and daily series in the workspace's time zone",
          params: workspaceParams,
          querystring: dashboardQuery,
          response: { 200: dashboardOut, ...errors },
        },
      },
      async (request) => getDashboard(db, clock, await requireWorkspace(request, deps, request.params.workspaceId), request.query),
    );

    app.get(
      `${base}/render`,
      {
        schema: {
          tags: ['reports'],
          summary:
            'A report over [from, to): self-contained HTML (inline), PDF printed by headless Chromium or CSV of every table (attachments); 503 when Chromium is missing for a PDF',
          params: workspaceParams,
          querystring: renderQuery,
          response: {
            200: z.unknown().describe('The report file: text/html, application/pdf or text/csv (one CSV of every table)'),
            ...errors,
            503: errorOut,
          },
        },
      },
      async (request, reply) => {
        const access = await requireWorkspace(request, deps, request.params.workspaceId);
        const { template, format } = request.query;
        const timeZone = await timeZoneOf(db, access.workspaceId);
        const from = parseBound('from', request.query.from, timeZone);
        const to = parseBound('to', request.query.to, timeZone);
        try {
          const rendered = await renderReportFor({ db, clock, logger: deps.logger }, access, { template, from, to, format });
          const disposition = format === 'html' ? 'inline' : 'attachment';
          return reply
            .header('content-type', rendered.contentType)
            .header('content-disposition', `${disposition}; filename="${rendered.filename}"`)
            .header('cache-control', 'private, no-store')
            .header('x-content-type-options', 'nosniff')
            .send(rendered.body);
        } catch (error) {
          if (error instanceof PdfUnavailableError) {
            return reply.status(503).send({ error: { code: 'pdf_unavailable', message: error.message } });
          }
          throw error;
        }
      },
    );

    app.get(
      `${base}/branding`,
      {
        schema: {
          tags: ['reports'],
          summary: "The workspace's report branding: logo (data: URL) and colour",
          params: workspaceParams,
          response: { 200: brandingOut, ...errors },
        },
      },
      async (request) => getBranding(db, await requireWorkspace(request, deps, request.params.workspaceId)),
    );

    app.put(
      `${base}/branding`,
      {
        schema: {
          tags: ['reports'],
          summary: 'Sets the report logo (PNG, JPEG or a plain SVG as a base64 data: URL, at most 200 kB; null removes it) and colour (#rrggbb)',
          params: workspaceParams,
          body: brandingIn,
          response: { 200: brandingOut, ...errors },
        },
      },
      async (request) => updateBranding(db, clock, await requireWorkspace(request, deps, request.params.workspaceId), request.body),
    );
  };
