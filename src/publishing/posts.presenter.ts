import type { Kysely } from 'kysely';
import type { NetworkId } from '../connectors/types.js';
import type { AccountHealth, Database, PostStatus, TargetStatus } from '../db/schema.js';
import type { Finding } from '../guardrails/types.js';
import { accountsRepo } from './accounts.repo.js';
import { postsRepo, type PostRow } from './posts.repo.js';

export interface PostMetricsOut {
  likes: number;
  reposts: number;
  replies: number;
  quotes: number | null;
}

export interface PostTarget {
  id: string;
  accountId: string;
  network: NetworkId;
  handle: string;
  textOverride: string | null;
  status: TargetStatus;
  publishAt: string | null;
  attempts: number;
  nextAttemptAt: string | null;
  url: string | null;
  externalId: string | null;
  publishedAt: string | null;
  lastError: string | null;
  metrics: PostMetricsOut | null;
  metricsAt: string | null;
  /** Why this target may not publish (its account's credentials fail), said ahead of time. */
  warning: string | null;
}

export interface PostMedia {
  id: string;
  mimeType: string;
  bytes: number;
  altText: string;
  position: number;
}

export interface Post {
  id: string;
  status: PostStatus;
  text: string;
  language: 'fr' | 'en' | null;
  partnership: boolean;
  publishAt: string | null;
  version: number;
  authorId: string | null;
  check: { verdict: 'pass' | 'warn' | 'block'; score: number; findings: (Finding & { accountId?: string })[] } | null;
  override: { reason: string; by: string | null } | null;
  review: { comment: string | null; by: string | null; at: string | null } | null;
  targets: PostTarget[];
  media: PostMedia[];
  createdAt: string;
  updatedAt: string;
}

const healthWarning = (health: AccountHealth, handle: string, message: string | null): string | null =>
  health === 'failing' ? `${handle} cannot publish: ${message ?? 'its credentials were refused'}. Reconnect it before the post is due.` : null;

/** Posts with their targets (and their accounts' handles and health) and media, in the order given. */
export async function presentPosts(db: Kysely<Database>, rows: readonly PostRow[]): Promise<Post[]> {
  const ids = rows.map((row) => row.id);
  const [targets, media] = await Promise.all([postsRepo(db).targetsOf(ids), postsRepo(db).mediaOf(ids)]);
  const accounts = new Map(
    (await Promise.all([...new Set(targets.map((t) => t.account_id))].map((id) => accountsRepo(db).findById(id)))).flatMap((a) => (a ? [[a.id, a] as const] : [])),
  );
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    text: row.text,
    language: row.language === 'fr' || row.language === 'en' ? row.language : null,
    partnership: row.partnership === 1,
    publishAt: row.publish_at,
    version: row.version,
    authorId: row.author_id,
    check:
      row.check_verdict === null
        ? null
        : {
            verdict: row.check_verdict,
            score: row.check_score ?? 0,
            findings: JSON.parse(row.check_findings ?? '[]') as (Finding & { accountId?: string })[],
          },
    override: row.override_reason === null ? null : { reason: row.override_reason, by: row.override_by },
    review: row.reviewed_at === null && row.review_comment === null ? null : { comment: row.review_comment, by: row.reviewed_by, at: row.reviewed_at },
    targets: targets
      .filter((t) => t.post_id === row.id)
      .map((t) => {
        const account = accounts.get(t.account_id);
        const open = t.status === 'scheduled' || t.status === 'pending';
        return {
          id: t.id,
          accountId: t.account_id,
          network: account?.network ?? 'webhook',
          handle: account?.handle ?? '(removed account)',
          textOverride: t.text_override,
          status: t.status,
          publishAt: t.publish_at,
          attempts: t.attempts,
          nextAttemptAt: t.next_attempt_at,
          url: t.url,
          externalId: t.external_id,
          publishedAt: t.published_at,
          lastError: t.last_error,
          metrics: t.metrics === null ? null : (JSON.parse(t.metrics) as PostMetricsOut),
          metricsAt: t.metrics_at,
          warning: open && account ? healthWarning(account.health, account.handle, account.health_message) : null,
        };
      }),
    media: media
      .filter((m) => m.post_id === row.id)
      .map((m) => ({ id: m.id, mimeType: m.mime_type, bytes: m.bytes, altText: m.alt_text, position: m.position })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}
