/**
 * The follower history of connected accounts (migration 0015): one row per account and UTC day, the
 * last follower count Hearth learned that day (account connect, the hourly health check). Written by
 * publishing's accounts repository, read by the follower-growth KPI; typed here, beside the reports
 * that need it, by module augmentation.
 */
import type { Selectable } from 'kysely';

export interface AccountFollowerCountsTable {
  account_id: string;
  /** YYYY-MM-DD, UTC. */
  day: string;
  followers: number;
  /** When that count was learned (the day's last one is kept). */
  recorded_at: string;
}

declare module '../db/schema.js' {
  interface Database {
    account_follower_counts: AccountFollowerCountsTable;
  }
}

export type AccountFollowerCountRow = Selectable<AccountFollowerCountsTable>;

/** The UTC day (YYYY-MM-DD) of an instant. */
export const utcDay = (at: Date | string): string => new Date(at).toISOString().slice(0, 10);
