/**
 * Department notifications: routing writes them to an outbox inside the ingest transaction; this
 * sends them after commit — by e-mail (the operator's SMTP server) and by signed webhook (Slack-
 * compatible JSON) — claimed under a lease so two processes never send one twice, retried up to
 * MAX_ATTEMPTS, recorded as sent, failed or unavailable (no SMTP server configured).
 */
import type { Kysely } from 'kysely';
import { isoNow, type Clock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import type { Mailer } from '../../core/mailer.js';
import type { SecretBox } from '../../core/secret-box.js';
import { postSignedJson, WebhookError } from '../../core/signed-webhook.js';
import type { Database } from '../../db/schema.js';

export interface NotifyDeps {
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
  fetch: typeof fetch;
  secrets: SecretBox;
  mailer: Mailer | null;
}

export const MAX_ATTEMPTS = 5;
const LEASE_MS = 60_000;

export interface NotifyReport {
  sent: number;
  failed: number;
  unavailable: number;
  retrying: number;
}

export async function deliverNotifications(deps: NotifyDeps, limit = 50): Promise<NotifyReport> {
  const report: NotifyReport = { sent: 0, failed: 0, unavailable: 0, retrying: 0 };
  const now = isoNow(deps.clock);
  const due = await deps.db
    .selectFrom('inbox_notifications')
    .select('id')
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .orderBy('created_at')
    .limit(limit)
    .execute();
  for (const { id } of due) {
    const claimed = await deps.db
      .updateTable('inbox_notifications')
      .set({ lease_until: new Date(deps.clock.now().getTime() + LEASE_MS).toISOString() })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .executeTakeFirst();
    if (claimed.numUpdatedRows === 0n) {
      continue;
    }
    report[await deliverOne(deps, id)] += 1;
  }
  return report;
}

async function deliverOne(deps: NotifyDeps, id: string): Promise<keyof NotifyReport> {
  const row = await deps.db
    .selectFrom('inbox_notifications')
    .innerJoin('conversations', 'conversations.id', 'inbox_notifications.conversation_id')
    .leftJoin('inbox_departments', 'inbox_departments.id', 'inbox_notifications.department_id')
    .select([
      'inbox_notifications.channel',
      'inbox_notifications.attempts',
      'inbox_notifications.rule_name',
      'inbox_departments.name as department',
      'inbox_departments.email',
      'inbox_departments.webhook_url',
      'inbox_departments.webhook_secret',
      'conversations.id as conversation_id',
      'conversations.network',
      'conversations.subject',
      'conversations.author_handle',
      'conversations.author_name',
    ])
    .where('inbox_notifications.id', '=', id)
    .executeTakeFirstOrThrow();
  const attempts = row.attempts + 1;
  const finish = async (
    status: 'sent' | 'failed' | 'unavailable' | 'pending',
    error: string | null,
  ): Promise<void> => {
    await deps.db
      .updateTable('inbox_notifications')
      .set({
        status,
        attempts,
        last_error: error,
        lease_until: null,
        ...(status === 'sent' ? { sent_at: isoNow(deps.clock) } : {}),
      })
      .where('id', '=', id)
      .execute();
  };
  const who = row.author_handle ? `@${row.author_handle}` : (row.author_name ?? 'someone');
  const summary = `${row.rule_name}: ${who} on ${row.network} — “${row.subject}” (conversation ${row.conversation_id})`;
  try {
    if (row.channel === 'email') {
      if (!row.email) {
        await finish('failed', 'The department no longer has an e-mail address');
        return 'failed';
      }
      if (!deps.mailer) {
        await finish(
          'unavailable',
          'No SMTP server is configured (set HEARTH_SMTP_URL and HEARTH_MAIL_FROM)',
        );
        return 'unavailable';
      }
      await deps.mailer.send({
        to: [row.email],
        subject: `[Hearth] ${row.department ?? 'Inbox'}: ${row.rule_name}`,
        text: `A conversation was routed to ${row.department ?? 'you'} by the rule “${row.rule_name}”.\n\nFrom ${who} on ${row.network}:\n\n${row.subject}\n\nConversation ${row.conversation_id} in Hearth's inbox.\n`,
        headers: { 'X-Hearth-Notification': id },
      });
    } else {
      if (!row.webhook_url || !row.webhook_secret) {
        await finish('failed', 'The department no longer has a webhook');
        return 'failed';
      }
      await postSignedJson({
        fetch: deps.fetch,
        url: row.webhook_url,
        secret: deps.secrets.decrypt(row.webhook_secret),
        body: JSON.stringify({
          text: summary.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c] ?? c),
        }),
        idempotencyKey: id,
        now: deps.clock.now(),
      });
    }
    await finish('sent', null);
    return 'sent';
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const final = attempts >= MAX_ATTEMPTS || (error instanceof WebhookError && !error.retryable);
    await finish(final ? 'failed' : 'pending', reason.slice(0, 500));
    deps.logger.warn(
      { notificationId: id, channel: row.channel, attempts, reason },
      final ? 'department notification failed' : 'department notification will be retried',
    );
    return final ? 'failed' : 'retrying';
  }
}
