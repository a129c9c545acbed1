/**
 * Sending one scheduled report delivery: claim it (one process at a time), render the report, send
 * it — an e-mail whose body is the report's summary with the PDF attached, or a signed webhook POST
 * (through the SSRF guard) carrying the summary as JSON, nothing big — and record the outcome. A
 * transient failure throws so the queue retries with backoff; the last attempt, or a failure that
 * retrying cannot fix, is recorded as failed. Without an SMTP server the e-mail is unavailable.
 */
import { isoNow } from '../../core/clock.js';
import { postSignedJson, WEBHOOK_TIMEOUT_MS, WebhookError } from '../../core/signed-webhook.js';
import { buildReportModel } from '../model/build-report.js';
import type { KpiUnit } from '../kpis/kpi.js';
import { renderReport } from '../render/render-report.js';
import type { ReportDeliveryRow, ReportScheduleRow, ReportTemplate } from '../reports.tables.js';
import { periodLabel } from './periods.js';
import type { ScheduleDeps } from './schedules.deps.js';
import { schedulesRepo } from './schedules.repo.js';

export const DELIVERY_LEASE_MS = 5 * 60_000;
export const NO_SMTP = 'No SMTP server is configured (set HEARTH_SMTP_URL and HEARTH_MAIL_FROM)';
export const DELIVERY_HEADER = 'X-Hearth-Report-Delivery';

const TEMPLATE_TITLES: Record<ReportTemplate, string> = {
  support: 'Support',
  product: 'Product',
  marketing: 'Marketing',
  leadership: 'Leadership',
  risk: 'PR / risk',
};

/** A failure that retrying will not fix. */
class PermanentDeliveryError extends Error {}

export type DeliveryOutcome = 'sent' | 'unavailable' | 'retrying' | 'failed' | 'skipped';

/** What a report webhook receives (JSON, HMAC-signed). */
export interface ReportWebhookPayload {
  type: 'hearth.report';
  template: ReportTemplate;
  title: string;
  period: { from: string; to: string; label: string };
  workspace: { id: string; name: string };
  schedule: { id: string; name: string };
  /** The report's headline figures, one plain-text line each (formula version and count included). */
  summary: string[];
  /** Every figure of the report, with the formula (`ref` = id@version) and the items behind it. */
  figures: WebhookFigure[];
}

export interface WebhookFigure {
  ref: string;
  name: string;
  formula: string;
  unit: KpiUnit;
  value: number | null;
  previous: number | null;
  /** Relative change from the previous period of the same length (0.25 = +25 %). */
  delta: number | null;
  count: number;
  previousCount: number;
  note: string | null;
}

export function subjectOf(template: ReportTemplate, label: string): string {
  return `${TEMPLATE_TITLES[template]} report — ${label}`;
}

/** Sends the delivery if it is still to be sent; `finalAttempt` makes a failure final. */
export async function sendReportDelivery(
  deps: ScheduleDeps,
  deliveryId: string,
  finalAttempt: boolean,
): Promise<DeliveryOutcome> {
  const repo = schedulesRepo(deps.db);
  const now = isoNow(deps.clock);
  if (!(await repo.claimDelivery(deliveryId, now, new Date(Date.parse(now) + DELIVERY_LEASE_MS).toISOString()))) {
    return 'skipped';
  }
  const delivery = await repo.findDelivery(deliveryId);
  if (!delivery) {
    return 'skipped';
  }
  const attempts = delivery.attempts + 1;
  const finish = (status: 'sent' | 'unavailable' | 'retrying' | 'failed', error: string | null) =>
    repo.finishDelivery(deliveryId, {
      status,
      attempts,
      last_error: error,
      sent_at: status === 'sent' ? isoNow(deps.clock) : null,
    });
  if (delivery.channel === 'email' && deps.mailer === null) {
    await finish('unavailable', NO_SMTP);
    return 'unavailable';
  }
  try {
    const schedule = delivery.schedule_id === null ? undefined : await repo.findById(delivery.schedule_id);
    if (!schedule) {
      throw new PermanentDeliveryError('The schedule was deleted before its report could be sent');
    }
    const timeZone = (await repo.timeZoneOf(delivery.workspace_id)) ?? 'UTC';
    const label = periodLabel(schedule.cadence, new Date(delivery.period_from), timeZone);
    await (delivery.channel === 'email'
      ? sendEmail(deps, schedule, delivery, label)
      : sendWebhook(deps, schedule, delivery, label));
    await finish('sent', null);
    return 'sent';
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const final = finalAttempt || error instanceof PermanentDeliveryError;
    await finish(final ? 'failed' : 'retrying', reason);
    // The target (an address, a webhook URL, its host) is personal or secret: never logged.
    deps.logger.warn(
      { deliveryId, channel: delivery.channel, attempts, error: error instanceof Error ? error.name : 'Error' },
      final ? 'report delivery failed' : 'report delivery will be retried',
    );
    if (!final) {
      throw error;
    }
    return 'failed';
  }
}

function rendererOf(deps: ScheduleDeps) {
  return deps.render ?? renderReport;
}

async function sendEmail(
  deps: ScheduleDeps,
  schedule: ReportScheduleRow,
  delivery: ReportDeliveryRow,
  label: string,
): Promise<void> {
  if (deps.mailer === null) {
    throw new PermanentDeliveryError(NO_SMTP);
  }
  if (!(JSON.parse(schedule.email_to) as string[]).includes(delivery.target)) {
    throw new PermanentDeliveryError('This address was removed from the schedule before its report could be sent');
  }
  const report = await rendererOf(deps)(deps, {
    workspaceId: delivery.workspace_id,
    template: delivery.template,
    from: new Date(delivery.period_from),
    to: new Date(delivery.period_to),
    format: 'pdf',
  });
  const subject = subjectOf(delivery.template, label);
  const text = [
    `${subject} (${schedule.name})`,
    '',
    report.summary.trim(),
    '',
    `The full report, with its charts, tables and the formula behind every figure, is attached (${report.filename}).`,
  ].join('\n');
  await deps.mailer.send({
    to: [delivery.target],
    subject,
    text,
    headers: { [DELIVERY_HEADER]: delivery.id },
    attachments: [{ filename: report.filename, contentType: report.contentType, content: report.body }],
  });
}

async function sendWebhook(
  deps: ScheduleDeps,
  schedule: ReportScheduleRow,
  delivery: ReportDeliveryRow,
  label: string,
): Promise<void> {
  if (schedule.webhook_url !== delivery.target || schedule.webhook_secret === null) {
    throw new PermanentDeliveryError('The schedule no longer has this webhook');
  }
  const model = await (deps.buildModel ?? buildReportModel)(deps, {
    workspaceId: delivery.workspace_id,
    template: delivery.template,
    from: new Date(delivery.period_from),
    to: new Date(delivery.period_to),
  });
  const figures = new Map(
    model.sections.flatMap((section) => section.figures).map((figure): [string, WebhookFigure] => [
      figure.ref,
      {
        ref: figure.ref,
        name: figure.name,
        formula: figure.formula,
        unit: figure.unit,
        value: figure.value,
        previous: figure.previous,
        delta: figure.delta,
        count: figure.count,
        previousCount: figure.previousCount,
        note: figure.note,
      },
    ]),
  );
  const payload: ReportWebhookPayload = {
    type: 'hearth.report',
    template: delivery.template,
    title: subjectOf(delivery.template, label),
    period: { from: delivery.period_from, to: delivery.period_to, label },
    workspace: { id: delivery.workspace_id, name: model.workspace.name },
    schedule: { id: schedule.id, name: schedule.name },
    summary: model.summary,
    figures: [...figures.values()],
  };
  try {
    await postSignedJson({
      fetch: deps.fetch,
      url: schedule.webhook_url,
      secret: deps.secrets.decrypt(schedule.webhook_secret),
      body: JSON.stringify(payload),
      idempotencyKey: delivery.id,
      now: deps.clock.now(),
      timeoutMs: WEBHOOK_TIMEOUT_MS,
    });
  } catch (error) {
    if (error instanceof WebhookError && !error.retryable) {
      throw new PermanentDeliveryError(error.message);
    }
    throw error;
  }
}
