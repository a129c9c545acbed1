/**
 * One competitor's own activity: the posts of its accounts found among the stored mentions (by
 * network and author handle), their rhythm, their engagement and the top posts.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../core/clock.js';
import type { Database } from '../../db/schema.js';
import { authorize } from '../../workspaces/policy.js';
import { getWorkspace, type WorkspaceAccess } from '../../workspaces/workspaces.service.js';
import { findOrThrow, presentCompetitor, type CompetitorView } from './competitors.service.js';
import { insightsRepo } from './insights.repo.js';
import { byEngagement, presentPost, type PostView } from './posts.js';
import { rhythmOf, type Rhythm } from './rhythm.js';
import { period } from './windows.js';

export const REPORT_DEFAULT_DAYS = 28;
/** Posts read per report, newest first: years of a very active account would not fit a page anyway. */
export const MAX_REPORT_POSTS = 20_000;
const TOP_POSTS = 10;

export const ENGAGEMENT_FORMULA =
  'engagement of a post = likes + reposts + replies (a missing count is 0); per post = total ÷ posts';

export interface CompetitorReport {
  competitor: CompetitorView;
  since: string;
  until: string;
  posts: number;
  /** True when more than MAX_REPORT_POSTS posts were found: the newest were counted. */
  truncated: boolean;
  engagement: { total: number; perPost: number; median: number; formula: string };
  rhythm: Rhythm;
  topPosts: PostView[];
}

export async function competitorReport(
  db: Kysely<Database>,
  clock: Clock,
  access: WorkspaceAccess,
  id: string,
  input: { since?: string; until?: string },
): Promise<CompetitorReport> {
  authorize(access.role, 'listening.read');
  const competitor = presentCompetitor(await findOrThrow(db, access.workspaceId, id));
  const { since, until } = period(clock.now(), input, REPORT_DEFAULT_DAYS);
  const workspace = await getWorkspace(db, access);
  const wanted = new Set(competitor.accounts.map((account) => `${account.network}\u0000${account.handle}`));
  const rows = await insightsRepo(db).postsByAuthors(
    access.workspaceId,
    [...new Set(competitor.accounts.map((account) => account.handle))],
    since,
    until,
    MAX_REPORT_POSTS + 1,
  );
  const truncated = rows.length > MAX_REPORT_POSTS;
  const posts = rows
    .slice(0, MAX_REPORT_POSTS)
    .filter((row) =>
      wanted.has(`${row.network.toLowerCase()}\u0000${(row.author_handle ?? '').toLowerCase()}`),
    )
    .map(presentPost);
  const total = posts.reduce((sum, post) => sum + post.engagement, 0);
  const sorted = posts.map((post) => post.engagement).sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length === 0
      ? 0
      : sorted.length % 2 === 1
        ? (sorted[middle] as number)
        : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return {
    competitor,
    since,
    until,
    posts: posts.length,
    truncated,
    engagement: {
      total,
      perPost: posts.length === 0 ? 0 : Math.round((total / posts.length) * 100) / 100,
      median,
      formula: ENGAGEMENT_FORMULA,
    },
    rhythm: rhythmOf(posts, workspace.timeZone, since, until),
    topPosts: [...posts].sort(byEngagement).slice(0, TOP_POSTS),
  };
}
