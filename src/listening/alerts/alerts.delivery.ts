/**
 * Sending one delivery of a fired alert: claim it (one process at a time), send by e-mail or by a
 * signed webhook POST through the SSRF guard, and record the outcome on the delivery. A transient
 * failure throws so the queue retries with backoff; the last attempt, or a failure that retrying
 * cannot fix, is recorded as failed. Without an SMTP server the e-mail is recorded as unavailable.
 */
import { isoNow } from '../../core/clock.js';
import { UnsafeRequestError } from '../../core/safe-fetch.js';
import {
  IDEMPOTENCY_HEADER,
  SIGNATURE_HEADER,
  signatureFor,
  TIMESTAMP_HEADER,
} from '../../connectors/webhook/signature.js';
import type { AlertingDeps } from './alerts.deps.js';
import type { Explanation } from './alerts.explanation.js';
import { emailOf, slackPayloadOf, type AlertMessage } from './alerts.messages.js';
import { alertsRepo } from './alerts.repo.js';
import type { AlertDeliveryRow, AlertRow, AlertRuleRow } from './alerts.tables.js';

export const DELIVERY_LEASE_MS = 2 * 60_000;
export const WEBHOOK_TIMEOUT_MS = 15_000;
export const NO_SMTP = 'No SMTP server is configured (set HEARTH_SMTP_URL and HEARTH_MAIL_FROM)';

/** A failure that retrying will not fix. */
class PermanentDeliveryError extends Error {}

export type DeliveryOutcome = 'sent' | 'unavailable' | 'retrying' | 'failed' | 'skipped';

/** Sends the delivery if it is still to be sent; `finalAttempt` makes a failure final. */
export async function sendDelivery(
  deps: AlertingDeps,
  deliveryId: string,
  finalAttempt: boolean,
): Promise<DeliveryOutcome> {
  const repo = alertsRepo(deps.db);
  const now = isoNow(deps.clock);
  if (
    !(await repo.claimDelivery(deliveryId, now, new Date(Date.parse(now) + DELIVERY_LEASE_MS).toISOString()))
  ) {
    return 'skipped';
  }
  const delivery = await repo.findDelivery(deliveryId);
  const alert = delivery ? await repo.findAlert(delivery.alert_id) : undefined;
  if (!delivery || !alert) {
    return 'skipped';
  }
  const rule = alert.rule_id === null ? undefined : await repo.findRuleById(alert.rule_id);
  const attempts = delivery.attempts + 1;
  const finish = (status: 'sent' | 'unavailable' | 'retrying' | 'failed', error: string | null) =>
    repo.finishDelivery(deliveryId, {
      status,
      attempts,
      last_error: error,
      sent_at: status === 'sent' ? isoNow(deps.clock) : null,
      updated_at: isoNow(deps.clock),
    });
  if (delivery.channel === 'email' && deps.mailer === null) {
    await finish('unavailable', NO_SMTP);
    return 'unavailable';
  }
  try {
    if (!rule) {
      throw new PermanentDeliveryError('The rule was deleted before its alert could be sent');
    }
    const message: AlertMessage = {
      alertId: alert.id,
      ruleName: alert.rule_name,
      firedAt: alert.fired_at,
      explanation: JSON.parse(alert.explanation) as Explanation,
    };
    await (delivery.channel === 'email'
      ? sendEmail(deps, rule, message)
      : sendWebhook(deps, rule, delivery, alert, message));
    await finish('sent', null);
    return 'sent';
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const final = finalAttempt || error instanceof PermanentDeliveryError;
    await finish(final ? 'failed' : 'retrying', reason);
    deps.logger.warn(
      { deliveryId, channel: delivery.channel, attempts, reason },
      final ? 'alert delivery failed' : 'alert delivery will be retried',
    );
    if (!final) {
      throw error;
    }
    return 'failed';
  }
}

async function sendEmail(deps: AlertingDeps, rule: AlertRuleRow, message: AlertMessage): Promise<void> {
  const to = JSON.parse(rule.email_to) as string[];
  if (to.length === 0 || deps.mailer === null) {
    throw new PermanentDeliveryError('The rule no longer has e-mail recipients');
  }
  const { subject, text } = emailOf(message);
  await deps.mailer.send({ to, subject, text, headers: { 'X-Hearth-Alert': message.alertId } });
}

async function sendWebhook(
  deps: AlertingDeps,
  rule: AlertRuleRow,
  delivery: AlertDeliveryRow,
  alert: AlertRow,
  message: AlertMessage,
): Promise<void> {
  if (rule.webhook_url === null || rule.webhook_secret === null) {
    throw new PermanentDeliveryError('The rule no longer has a webhook');
  }
  const url = rule.webhook_url;
  const host = new URL(url).host;
  const body = JSON.stringify(slackPayloadOf(message));
  const timestamp = String(Math.floor(deps.clock.now().getTime() / 1000));
  let response: Response;
  try {
    response = await deps.fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: signatureFor(deps.secrets.decrypt(rule.webhook_secret), timestamp, body),
        [IDEMPOTENCY_HEADER]: `${alert.id}:${delivery.channel}`,
      },
      body,
      // A signed call is not forwarded: a redirect is answered as a failure naming its status.
      redirect: 'manual',
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    await response.arrayBuffer();
  } catch (error) {
    // Name the host only: a chat webhook's path is its secret.
    if (error instanceof UnsafeRequestError) {
      throw new PermanentDeliveryError(error.message);
    }
    throw new Error(`${host} did not answer: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (response.status >= 200 && response.status < 300) {
    return;
  }
  const retryable = response.status === 408 || response.status === 429 || response.status >= 500;
  const text = `${host} answered ${response.status}`;
  throw retryable ? new Error(text) : new PermanentDeliveryError(text);
}
