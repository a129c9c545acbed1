/**
 * One publishing attempt for one target, exactly once:
 * 1. claim the target with a conditional update (scheduled and due, or publishing with an expired
 *    lease) — whoever wins owns the attempt, every other process or duplicate job does nothing;
 * 2. read the text as it is now (an edit either committed before the claim or is refused after);
 * 3. when a previous attempt's outcome is unknown (its lease ran out: a crash, a timeout), ask the
 *    network first (`findPublished`) and never post blindly; else publish with the idempotency key
 *    derived from the target id, so that even a retry cannot make a second post;
 * 4. record the outcome: published (link, ref), retry later (transient, 429: bounded backoff, the
 *    target stays claimed so it cannot be edited meanwhile), failed (permanent, with the network's
 *    message) or unconfirmed (the outcome cannot be known).
 */
import { isConnectorError, type ConnectorError, type PublishedPost } from '../connectors/types.js';
import { isoNow } from '../core/clock.js';
import type { PostStatus } from '../db/schema.js';
import { indexSources } from '../originality/originality.service.js';
import { accountsRepo } from './accounts.repo.js';
import { openConnection } from './accounts.service.js';
import { statusFromTargets } from './post-status.js';
import { postsRepo, type TargetRow } from './posts.repo.js';
import type { PublishingDeps } from './publishing.deps.js';

export interface PublishOptions {
  /** How long one attempt owns its target (default 120 s); after that it is presumed dead. */
  leaseMs: number;
  /** Attempts before a transient failure becomes final (default 6). */
  maxAttempts: number;
  /** First retry delay; doubles each attempt, capped at `maxBackoffMs`. */
  backoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_PUBLISH_OPTIONS: PublishOptions = { leaseMs: 120_000, maxAttempts: 6, backoffMs: 5_000, maxBackoffMs: 300_000 };

/**
 * Where a network cannot be read back, resending with the same idempotency key is the only way to
 * settle an unknown outcome, and networks keep keys for a limited time (Mastodon: one hour). Past
 * this age, resending could publish twice: the target is left unconfirmed for a person to check.
 */
export const RESEND_WINDOW_MS = 50 * 60_000;

export type AttemptOutcome = 'not-claimed' | 'published' | 'retry' | 'failed' | 'unconfirmed';

type Deps = Pick<PublishingDeps, 'db' | 'clock' | 'secrets' | 'connectors' | 'logger' | 'originality' | 'dispatch'>;

const iso = (ms: number): string => new Date(ms).toISOString();

/** The post's status from its targets; call inside the transaction that changed a target, after `lockPost`. */
async function settlePostStatus(deps: Pick<Deps, 'db' | 'clock'>, postId: string): Promise<PostStatus> {
  const targets = await postsRepo(deps.db).targetsOf([postId]);
  const status = statusFromTargets(targets.map((t) => t.status));
  await postsRepo(deps.db).updatePost(postId, { status, updated_at: isoNow(deps.clock) });
  return status;
}

/** Changes a target and its post's status in one transaction: a crash never leaves them disagreeing. */
async function changeTarget<T>(deps: Pick<Deps, 'db' | 'clock'>, postId: string, change: (repo: ReturnType<typeof postsRepo>) => Promise<T>): Promise<T> {
  return deps.db.transaction().execute(async (trx) => {
    const repo = postsRepo(trx);
    await repo.lockPost(postId, isoNow(deps.clock));
    const result = await change(repo);
    await settlePostStatus({ db: trx, clock: deps.clock }, postId);
    return result;
  });
}

/** Runs one attempt for `targetId`; safe to call any number of times, from any process. */
export async function attemptPublish(deps: Deps, targetId: string, options: PublishOptions = DEFAULT_PUBLISH_OPTIONS): Promise<AttemptOutcome> {
  const repo = postsRepo(deps.db);
  const before = await repo.findTarget(targetId);
  if (!before) {
    return 'not-claimed';
  }
  const now = deps.clock.now().getTime();
  if (!(await changeTarget(deps, before.post_id, (trx) => trx.claimTarget(targetId, iso(now), iso(now + options.leaseMs))))) {
    return 'not-claimed';
  }
  // A target re-claimed while publishing whose last attempt may have reached the network: settle it
  // first. A planned retry after a refusal (429, nothing sent) is not such a case.
  const outcomeUnknown = before.status === 'publishing' && before.outcome_pending === 1;
  const target = (await repo.findTarget(targetId))!;
  const post = await repo.findPostById(target.post_id);
  const account = await accountsRepo(deps.db).findById(target.account_id);
  const log = deps.logger.child({ targetId, postId: target.post_id, attempt: target.attempts });
  if (!post || !account || account.removed_at !== null) {
    return finish(deps, target, { kind: 'failed', message: 'The account was removed before the post went out' });
  }
  const text = target.text_override ?? post.text;
  try {
    const connection = openConnection(deps, account);
    let published: PublishedPost | null = null;
    if (outcomeUnknown && connection.capabilities.readBack) {
      published = await connection.findPublished(targetId);
      if (published) {
        log.info('an earlier attempt had published it: recorded, not posted again');
      }
    } else if (outcomeUnknown && now - Date.parse(target.first_attempt_at ?? new Date(now).toISOString()) > RESEND_WINDOW_MS) {
      return finish(deps, target, {
        kind: 'unconfirmed',
        message: `An attempt was interrupted more than ${RESEND_WINDOW_MS / 60_000} minutes ago and ${account.handle} cannot be asked whether it went out: check the account before publishing again`,
      });
    }
    if (!published) {
      const media = await repo.mediaOf([post.id]);
      published = await connection.publish({
        idempotencyKey: targetId,
        text,
        ...(media.length > 0
          ? { images: media.map((m) => ({ data: new Uint8Array(Buffer.from(m.data, 'base64')), mimeType: m.mime_type, altText: m.alt_text })) }
          : {}),
        ...(post.language ? { language: post.language } : {}),
      });
    }
    const outcome = await finish(deps, target, { kind: 'published', published, text, version: post.version });
    if (outcome === 'published') {
      await indexSources(deps.db, deps.clock, deps.originality, post.workspace_id, [
        { id: `post:${targetId}`, text, kind: 'own', label: `Our post on ${account.handle}`, url: published.url ?? undefined },
      ]);
    }
    return outcome;
  } catch (error) {
    if (!isConnectorError(error)) {
      // Not the network's answer (a bug, the database): leave the claim to expire and be retried.
      log.error({ err: error }, 'publishing attempt failed unexpectedly');
      throw error;
    }
    return handleConnectorError(deps, target, error, options, account.handle);
  }
}

async function handleConnectorError(deps: Deps, target: TargetRow, error: ConnectorError, options: PublishOptions, handle: string): Promise<AttemptOutcome> {
  const message = error.message.slice(0, 1_000);
  switch (error.kind) {
    case 'auth':
      await accountsRepo(deps.db).update(target.account_id, { health: 'failing', health_message: message, checked_at: isoNow(deps.clock) });
      return finish(deps, target, { kind: 'failed', message: `${handle} refused our credentials: ${message}. Reconnect the account and publish again.` });
    case 'permanent':
      return finish(deps, target, { kind: 'failed', message });
    case 'transient':
    case 'rate_limited':
    case 'unknown_outcome': {
      if (target.attempts >= options.maxAttempts) {
        // Unknown outcomes on a network that cannot be read back stay unknown: say so, never guess.
        return error.kind === 'unknown_outcome'
          ? finish(deps, target, { kind: 'unconfirmed', message: `We could not confirm whether the post went out (${message}): check ${handle}` })
          : finish(deps, target, { kind: 'failed', message: `Gave up after ${target.attempts} attempts: ${message}` });
      }
      const backoff = Math.min(options.backoffMs * 2 ** (target.attempts - 1), options.maxBackoffMs);
      const wait = error.kind === 'rate_limited' && error.details.retryAfterMs !== undefined ? Math.max(error.details.retryAfterMs, 1_000) : backoff;
      const retryAt = deps.clock.now().getTime() + wait;
      // Whether the failed call may have reached the network: a 429, or a failure with no answer
      // before sending, sent nothing; a timeout or a 5xx may have.
      const mayHaveSent = error.kind === 'unknown_outcome' || (error.kind === 'transient' && error.details.status !== undefined);
      // Still claimed (status publishing) until the retry: the lease ends when the retry is due.
      const kept = await postsRepo(deps.db).recordAttempt(target.id, target.attempts, {
        lease_until: iso(retryAt),
        next_attempt_at: iso(retryAt),
        outcome_pending: mayHaveSent ? 1 : 0,
        last_error: message,
        updated_at: isoNow(deps.clock),
      });
      if (kept) {
        await deps.dispatch(target.id, new Date(retryAt));
      }
      return 'retry';
    }
  }
}

type Finish =
  | { kind: 'published'; published: PublishedPost; text: string; version: number }
  | { kind: 'failed'; message: string }
  | { kind: 'unconfirmed'; message: string };

async function finish(deps: Pick<Deps, 'db' | 'clock'>, target: TargetRow, result: Finish): Promise<AttemptOutcome> {
  const now = isoNow(deps.clock);
  const changes =
    result.kind === 'published'
      ? {
          status: 'published' as const,
          external_id: result.published.externalId,
          url: result.published.url,
          ref: result.published.ref,
          published_at: result.published.publishedAt,
          published_text: result.text,
          published_version: result.version,
          last_error: null,
        }
      : { status: result.kind, last_error: result.message };
  const done = await changeTarget(deps, target.post_id, (repo) =>
    repo.recordAttempt(target.id, target.attempts, { ...changes, outcome_pending: 0, lease_until: null, next_attempt_at: null, updated_at: now }),
  );
  return done ? result.kind : 'not-claimed';
}

/**
 * Re-dispatches what is due and unclaimed, and attempts whose lease ran out (a process died). The
 * run time is the one the target was dispatched for, so the queue's singleton key recognises a job
 * that is already waiting and a backlog is not queued again every sweep.
 */
export async function sweepDueTargets(deps: Pick<Deps, 'db' | 'clock' | 'dispatch'>, limit = 1_000): Promise<number> {
  const now = deps.clock.now().toISOString();
  const due = await postsRepo(deps.db).dueTargets(now, limit);
  for (const target of due) {
    const runAt = (target.status === 'scheduled' ? target.publish_at : target.lease_until) ?? now;
    await deps.dispatch(target.id, new Date(runAt));
  }
  return due.length;
}
