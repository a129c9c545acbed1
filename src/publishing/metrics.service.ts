/** Engagement of published posts, refreshed on a schedule from each network. */
import { isoNow } from '../core/clock.js';
import { accountsRepo } from './accounts.repo.js';
import { openConnection } from './accounts.service.js';
import { postsRepo } from './posts.repo.js';
import type { PublishingDeps } from './publishing.deps.js';

const WINDOW_MS = 30 * 86_400_000;

/** Refreshes the metrics of posts published in the last 30 days; returns how many were updated. */
export async function refreshMetrics(deps: Pick<PublishingDeps, 'db' | 'clock' | 'secrets' | 'connectors' | 'logger'>): Promise<number> {
  const since = new Date(deps.clock.now().getTime() - WINDOW_MS).toISOString();
  const targets = (await postsRepo(deps.db).publishedSince(since, 5_000)).filter((t) => t.ref !== null);
  const byAccount = new Map<string, typeof targets>();
  for (const target of targets) {
    byAccount.set(target.account_id, [...(byAccount.get(target.account_id) ?? []), target]);
  }
  let updated = 0;
  for (const [accountId, group] of byAccount) {
    const account = await accountsRepo(deps.db).findById(accountId);
    if (!account || account.removed_at !== null) {
      continue;
    }
    try {
      const connection = openConnection(deps, account);
      if (!connection.capabilities.metrics) {
        continue;
      }
      const metrics = await connection.metrics(group.map((t) => t.ref!));
      const now = isoNow(deps.clock);
      for (const metric of metrics) {
        const target = group.find((t) => t.ref === metric.ref);
        if (target) {
          const { likes, reposts, replies, quotes } = metric;
          await postsRepo(deps.db).updateTarget(target.id, { metrics: JSON.stringify({ likes, reposts, replies, quotes }), metrics_at: now });
          updated += 1;
        }
      }
    } catch (error) {
      deps.logger.warn({ accountId, err: error }, 'could not refresh the metrics of an account');
    }
  }
  return updated;
}
