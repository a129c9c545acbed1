/**
 * The alert tables (migration 0008), added to the schema's `Database` by module augmentation so that
 * alerting keeps its types beside its code.
 */
import type { Selectable } from 'kysely';

export type AlertKind = 'volume_spike' | 'negative_surge' | 'high_reach' | 'opportunity';
export type DeliveryChannel = 'email' | 'webhook';
/** pending → sent; retrying while the queue tries again; failed after the last try; unavailable: no SMTP configured. */
export type DeliveryStatus = 'pending' | 'sent' | 'retrying' | 'failed' | 'unavailable';

export interface AlertRulesTable {
  id: string;
  workspace_id: string;
  name: string;
  kind: AlertKind;
  /** One saved query's matches, or null for every mention of the workspace. */
  query_id: string | null;
  /** JSON of the kind's parameters (alerts.rules.ts), defaults filled in. */
  params: string;
  /** JSON array of e-mail addresses. */
  email_to: string;
  webhook_url: string | null;
  /** The webhook's HMAC secret, sealed with the secret box. */
  webhook_secret: string | null;
  enabled: number;
  /** Window rules: the end of the last window judged. Mention rules: when mentions were last looked at. */
  checked_until: string | null;
  last_fired_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface AlertsTable {
  id: string;
  workspace_id: string;
  rule_id: string | null;
  /** Kept so an alert still reads well after its rule is deleted. */
  rule_name: string;
  kind: AlertKind;
  /** `window:<end>` or `mention:<id>`: unique per rule, which makes firing exactly-once. */
  fire_key: string;
  window_start: string | null;
  window_end: string | null;
  mention_id: string | null;
  /** JSON: the maths behind it (alerts.explanation.ts). */
  explanation: string;
  fired_at: string;
  read_at: string | null;
}

export interface AlertDeliveriesTable {
  id: string;
  alert_id: string;
  workspace_id: string;
  channel: DeliveryChannel;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  /** While one process sends it, others leave it alone. */
  lease_until: string | null;
  sent_at: string | null;
  created_at: string;
  updated_at: string;
}

export type AlertRuleRow = Selectable<AlertRulesTable>;
export type AlertRow = Selectable<AlertsTable>;
export type AlertDeliveryRow = Selectable<AlertDeliveriesTable>;

declare module '../../db/schema.js' {
  interface Database {
    alert_rules: AlertRulesTable;
    alerts: AlertsTable;
    alert_deliveries: AlertDeliveriesTable;
  }
}
