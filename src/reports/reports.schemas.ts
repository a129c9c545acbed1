/** The reports API's shapes (and so the OpenAPI document's). */
import { z } from 'zod';
import { DASHBOARD_CAPABILITIES } from './dashboard.service.js';
import { REPORT_FORMATS } from './render/render-report.js';
import { REPORT_TEMPLATES } from './reports.tables.js';

const unit = z.enum(['count', 'ratio', 'business_minutes', 'followers', 'engagement', 'items']);
const capability = z.enum(DASHBOARD_CAPABILITIES);

export const kpiOut = z
  .object({
    id: z.string(),
    ref: z.string().describe('id@version, as reports print it'),
    name: z.string(),
    capability,
    version: z.number().int(),
    formula: z.string(),
    inputs: z.array(z.string()),
    unit,
  })
  .meta({ id: 'Kpi' });

const period = z.object({ from: z.string(), to: z.string() });

export const figureOut = z.object({
  kpiId: z.string(),
  ref: z.string(),
  name: z.string(),
  formula: z.string(),
  unit,
  value: z.number().nullable().describe('null: not available (the note says why)'),
  previous: z.number().nullable(),
  delta: z.number().nullable().describe('relative change from the previous period (0.25 = +25 %)'),
  higherIsBetter: z.boolean().nullable(),
  count: z.number().int().describe('items behind the figure'),
  previousCount: z.number().int(),
  breakdown: z.array(z.object({ label: z.string(), value: z.number().nullable(), count: z.number() })),
  note: z.string().nullable(),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
});

export const dashboardOut = z
  .object({
    capability,
    timeZone: z.string(),
    period,
    previousPeriod: period,
    figures: z.array(figureOut),
    series: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        ref: z.string(),
        days: z.array(z.string()),
        current: z.array(z.number()),
        previous: z.array(z.number().nullable()),
      }),
    ),
  })
  .meta({ id: 'ReportDashboard' });

export const brandingOut = z
  .object({ logoDataUrl: z.string().nullable(), colour: z.string() })
  .meta({ id: 'ReportBranding' });

const instant = z.string().min(1).max(40).describe('ISO 8601 date or instant');

export const dashboardQuery = z.object({
  capability,
  from: instant.optional().describe('default: 28 days before `to`'),
  to: instant.optional().describe('default: now'),
});

export const renderQuery = z.object({
  template: z.enum(REPORT_TEMPLATES),
  from: instant,
  to: instant,
  format: z.enum(REPORT_FORMATS).default('html'),
});

export const brandingIn = z.object({
  logoDataUrl: z.string().max(210_000).nullable().describe('data:image/png|jpeg|svg+xml;base64,… at most 200 kB; null removes it'),
  colour: z.string().describe('#rrggbb'),
});
