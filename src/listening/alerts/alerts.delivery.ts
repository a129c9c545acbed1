/**
 * Sending one delivery of a fired alert: claim it (one process at a time), send by e-mail or by a
 * signed webhook POST through the SSRF guard, and record the outcome on the delivery. A transient
 * failure throws so the queue retries with backoff; the last attempt, or a failure that retrying
 * cannot fix, is recorded as failed. Without an SMTP server the e-mail is recorded as unavailable.
 */
import { isoNow } from '../../core/clock.js';
import { postSignedJson, WEBHOOK_TIMEOUT_MS, WebhookError } from '../../core/signed-webhook.js';
import type { AlertingDeps } from './alerts.deps.js';
import type { Explanation } from './alerts.explanation.js';
import { emailOf, slackPayloadOf, type AlertMessage } from './alerts.messages.js';
import { alertsRepo } from './alerts.repo.js';
import type { AlertDeliveryRow, AlertRow, AlertRuleRow } from './alerts.tables.js';

export const DELIVERY_LEASE_MS = 2 * 60_000;
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
  try {
    await postSignedJson({
      fetch: deps.fetch,
      url: rule.webhook_url,
      secret: deps.secrets.decrypt(rule.webhook_secret),
      body: JSON.stringify(slackPayloadOf(message)),
      idempotencyKey: `${alert.id}:${delivery.channel}`,
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
