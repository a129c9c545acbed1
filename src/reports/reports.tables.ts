/**
 * The report tables (migration 0014), added to the schema's `Database` by module augmentation so
 * that reports keep their types beside their code.
 */
import type { Selectable } from 'kysely';

export const REPORT_TEMPLATES = ['support', 'product', 'marketing', 'leadership', 'risk'] as const;
export type ReportTemplate = (typeof REPORT_TEMPLATES)[number];

export const REPORT_CADENCES = ['daily', 'weekly', 'monthly'] as const;
/** daily: the previous day; weekly: the previous Monday–Sunday; monthly: the previous calendar month (workspace time zone). */
export type ReportCadence = (typeof REPORT_CADENCES)[number];

export type ReportDeliveryChannel = 'email' | 'webhook';
/** pending → sent; retrying while the queue tries again; failed after the last try; unavailable: no SMTP configured. */
export type ReportDeliveryStatus = 'pending' | 'sent' | 'retrying' | 'failed' | 'unavailable';

export interface ReportBrandingTable {
  workspace_id: string;
  /** A data: URL (PNG, JPEG or SVG), so a report stays self-contained. */
  logo_data_url: string | null;
  /** #rrggbb */
  colour: string;
  updated_at: string;
}

export interface ReportSchedulesTable {
  id: string;
  workspace_id: string;
  name: string;
  template: ReportTemplate;
  cadence: ReportCadence;
  /** JSON array of e-mail addresses. */
  email_to: string;
  webhook_url: string | null;
  /** The webhook's HMAC secret, sealed with the secret box. */
  webhook_secret: string | null;
  enabled: number;
  next_run_at: string;
  last_run_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ReportDeliveriesTable {
  id: string;
  workspace_id: string;
  schedule_id: string | null;
  template: ReportTemplate;
  period_from: string;
  period_to: string;
  channel: ReportDeliveryChannel;
  /** The e-mail address or the webhook URL. */
  target: string;
  status: ReportDeliveryStatus;
  attempts: number;
  lease_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

declare module '../db/schema.js' {
  interface Database {
    report_branding: ReportBrandingTable;
    report_schedules: ReportSchedulesTable;
    report_deliveries: ReportDeliveriesTable;
  }
}

export type ReportScheduleRow = Selectable<ReportSchedulesTable>;
export type ReportDeliveryRow = Selectable<ReportDeliveriesTable>;
