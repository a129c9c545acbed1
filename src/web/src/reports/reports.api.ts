/**
 * Calls of the reports endpoints: KPI dashboards per capability (figures with their formula and
 * the previous period, chart options), report rendering URLs, branding, and report schedules.
 */
import { api, seg } from '../api/client';

export const CAPABILITIES = ['listening', 'inbox', 'publishing', 'community'] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const TEMPLATES = ['support', 'product', 'marketing', 'leadership', 'risk'] as const;
export type ReportTemplate = (typeof TEMPLATES)[number];

export const CADENCES = ['daily', 'weekly', 'monthly'] as const;
export type Cadence = (typeof CADENCES)[number];

export type ReportFormat = 'html' | 'pdf' | 'csv';

export type KpiUnit = 'count' | 'ratio' | 'business_minutes' | 'followers' | 'engagement' | 'items';

export interface KpiPart {
  label: string;
  value: number | null;
  count: number;
}

/** One figure: its value, the previous period's, the formula (`ref` = id@version) and the items behind it. */
export interface DashboardFigure {
  kpiId: string;
  ref: string;
  name: string;
  formula: string;
  unit: KpiUnit;
  value: number | null;
  previous: number | null;
  delta: number | null;
  higherIsBetter: boolean | null;
  count: number;
  previousCount: number;
  breakdown?: KpiPart[];
  note: string | null;
}

/** A daily series of the period, with the previous period's aligned day by day (null past its end). */
export interface DashboardSeries {
  id: string;
  name: string;
  ref: string;
  days: string[];
  current: number[];
  previous: (number | null)[];
}

export interface Period {
  from: string;
  to: string;
}

export interface Dashboard {
  capability: Capability;
  timeZone: string;
  period: Period;
  previousPeriod: Period;
  figures: DashboardFigure[];
  series: DashboardSeries[];
}

export interface Branding {
  logoDataUrl: string | null;
  colour: string;
}

export interface Schedule {
  id: string;
  name: string;
  template: ReportTemplate;
  cadence: Cadence;
  emailTo: string[];
  webhookUrl: string | null;
  webhook: boolean;
  enabled: boolean;
  nextRunAt: string;
  lastRunAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ScheduleInput {
  name: string;
  template: ReportTemplate;
  cadence: Cadence;
  emailTo: string[];
  webhookUrl: string | null;
  enabled: boolean;
}

export interface SavedSchedule {
  schedule: Schedule;
  webhookSecret?: string;
}

export type DeliveryStatus = 'pending' | 'sent' | 'retrying' | 'failed' | 'unavailable';

export interface Delivery {
  id: string;
  template: ReportTemplate;
  periodFrom: string;
  periodTo: string;
  channel: 'email' | 'webhook';
  target: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface RunResult {
  period: Period & { label: string };
  queued: number;
  deliveries: Delivery[];
}

const base = (workspaceId: string): string => `/workspaces/${seg(workspaceId)}/reports`;

export const getDashboard = (workspaceId: string, capability: Capability, period: Period): Promise<Dashboard> =>
  api.get(
    `${base(workspaceId)}/dashboard?${new URLSearchParams({ capability, from: period.from, to: period.to }).toString()}`,
  );

/** The address of a rendered report (opened in a new tab or downloaded by the browser itself). */
export const renderUrl = (workspaceId: string, template: ReportTemplate, period: Period, format: ReportFormat): string =>
  `/api/v1${base(workspaceId)}/render?${new URLSearchParams({ template, from: period.from, to: period.to, format }).toString()}`;

export const getBranding = (workspaceId: string): Promise<Branding> => api.get(`${base(workspaceId)}/branding`);

export const putBranding = (workspaceId: string, branding: Branding): Promise<Branding> =>
  api.put(`${base(workspaceId)}/branding`, branding);

export const listSchedules = async (workspaceId: string): Promise<Schedule[]> =>
  (await api.get<{ schedules: Schedule[] }>(`${base(workspaceId)}/schedules`)).schedules;

export const createSchedule = (workspaceId: string, input: ScheduleInput): Promise<SavedSchedule> =>
  api.post(`${base(workspaceId)}/schedules`, input);

export const updateSchedule = (workspaceId: string, id: string, input: ScheduleInput): Promise<SavedSchedule> =>
  api.put(`${base(workspaceId)}/schedules/${seg(id)}`, input);

export const deleteSchedule = (workspaceId: string, id: string): Promise<void> =>
  api.delete(`${base(workspaceId)}/schedules/${seg(id)}`);

export const listDeliveries = async (workspaceId: string, id: string): Promise<Delivery[]> =>
  (await api.get<{ deliveries: Delivery[] }>(`${base(workspaceId)}/schedules/${seg(id)}/deliveries?limit=10`))
    .deliveries;

export const runSchedule = (workspaceId: string, id: string): Promise<RunResult> =>
  api.post(`${base(workspaceId)}/schedules/${seg(id)}/run`);
