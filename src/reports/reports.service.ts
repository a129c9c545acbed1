/** What members ask of reports: the KPI registry, and a report rendered for them. */
import type { Kysely } from 'kysely';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { Database } from '../db/schema.js';
import { invalid, notFound } from '../core/errors.js';
import { dayNumber } from '../guardrails/claims/zoned-time.js';
import { instantOf } from '../publishing/queue-slots.js';
import { authorize } from '../workspaces/policy.js';
import { kpisRepo } from './kpis/kpis.repo.js';
import type { WorkspaceAccess } from '../workspaces/workspaces.service.js';
import { kpiRef, type KpiCapability, type KpiUnit } from './kpis/kpi.js';
import { KPIS } from './kpis/registry.js';
import { renderReport, type RenderedReport, type ReportFormat } from './render/render-report.js';
import type { ReportTemplate } from './reports.tables.js';

export interface KpiDescription {
  id: string;
  ref: string;
  name: string;
  capability: KpiCapability;
  version: number;
  formula: string;
  inputs: string[];
  unit: KpiUnit;
}

export function listKpis(access: WorkspaceAccess): KpiDescription[] {
  authorize(access.role, 'reports.read');
  return KPIS.map((definition) => ({
    id: definition.id,
    ref: kpiRef(definition),
    name: definition.name,
    capability: definition.capability,
    version: definition.version,
    formula: definition.formula,
    inputs: definition.inputs,
    unit: definition.unit,
  }));
}

export async function renderReportFor(
  deps: { db: Kysely<Database>; clock: Clock; logger: Logger },
  access: WorkspaceAccess,
  input: { template: ReportTemplate; from: Date; to: Date; format: ReportFormat },
): Promise<RenderedReport> {
  authorize(access.role, 'reports.read');
  return renderReport(deps, { workspaceId: access.workspaceId, ...input });
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads a period bound: an instant with its offset as given, and a bare date (2026-03-02) as the
 * start of that day in the workspace's time zone, so that "2026-03-02 to 2026-03-09" is a local week.
 */
export function parseBound(path: string, value: string, timeZone: string): Date {
  const date = DATE_ONLY.exec(value);
  if (date) {
    const day = dayNumber(Number(date[1]), Number(date[2]), Number(date[3]));
    const at = instantOf(day, 0, timeZone);
    if (!Number.isNaN(at.getTime()) && new Date(day * 86_400_000).toISOString().slice(0, 10) === value) {
      return at;
    }
    throw invalid(path, `"${value}" is not an ISO 8601 date or instant (no such day)`);
  }
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) {
    throw invalid(path, `"${value}" is not an ISO 8601 date or instant`);
  }
  return at;
}

/** The workspace's time zone, for reading bare dates. */
export async function timeZoneOf(db: Kysely<Database>, workspaceId: string): Promise<string> {
  const workspace = await kpisRepo(db).workspace(workspaceId);
  if (!workspace) {
    throw notFound('Workspace');
  }
  return workspace.time_zone;
}
