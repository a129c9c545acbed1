/**
 * The post workflow: review (submit, approve, request changes, reject), scheduling through the
 * guardrails gate (a block stops it unless a manager overrides with a written reason, kept in the
 * audit log), "add to queue", and cancelling. Publishing itself is publish.service.ts.
 */
import type { Kysely } from 'kysely';
import { isoNow } from '../core/clock.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../core/errors.js';
import type { Database, PostStatus } from '../db/schema.js';
import type { CheckResult } from '../guardrails/check.js';
import type { Finding, NetworkName } from '../guardrails/types.js';
import { recordAudit } from '../workspaces/audit.service.js';
import { authorize, can } from '../workspaces/policy.js';
import { getWorkspace, type WorkspaceAccess } from '../workspaces/workspaces.service.js';
import { accountsRepo } from './accounts.repo.js';
import { statusFromTargets } from './post-status.js';
import { getPost, updateDraft, type DraftChanges } from './posts.service.js';
import type { Post } from './posts.presenter.js';
import { postsRepo, type PostRow } from './posts.repo.js';
import type { PublishingDeps } from './publishing.deps.js';
import { nextFreeSlot } from './queue-slots.js';
import { slotsRepo } from './slots.repo.js';

type Deps = Pick<PublishingDeps, 'db' | 'clock' | 'gate' | 'dispatch'>;

const GUARDRAIL_NETWORK: Record<string, NetworkName | undefined> = { bluesky: 'bluesky', mastodon: 'mastodon' };
/** A publish time this far in the past is still "now" (the time it takes to click). */
const PAST_TOLERANCE_MS = 60_000;

async function loadPost(db: Kysely<Database>, access: WorkspaceAccess, postId: string): Promise<PostRow> {
  const post = await postsRepo(db).findPost(access.workspaceId, postId);
  if (!post) {
    throw notFound('Post');
  }
  return post;
}

async function needsApproval(db: Kysely<Database>, access: WorkspaceAccess): Promise<boolean> {
  const workspace = await getWorkspace(db, access);
  return workspace.approvalPolicy === 'editors' && !can(access.role, 'posts.approve');
}

async function review(
  deps: Deps,
  access: WorkspaceAccess,
  postId: string,
  from: readonly PostStatus[],
  to: PostStatus,
  action: string,
  comment: string | null,
): Promise<PostRow> {
  return deps.db.transaction().execute(async (trx) => {
    const post = await loadPost(trx, access, postId);
    if (!from.includes(post.status)) {
      throw conflict(`This post is ${post.status.replace('_', ' ')}: it cannot be ${action.replace('post.', '').replace('_', ' ')}`);
    }
    const now = isoNow(deps.clock);
    const reviewed = to !== 'in_review';
    await postsRepo(trx).updatePost(postId, {
      status: to,
      updated_at: now,
      ...(reviewed ? { review_comment: comment, reviewed_by: access.userId, reviewed_at: now } : { review_comment: null, reviewed_by: null, reviewed_at: null }),
    });
    await recordAudit(trx, deps.clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action,
      target: { type: 'post', id: postId },
      details: comment === null ? {} : { comment },
    });
    return { ...post, status: to };
  });
}

export async function submitForReview(deps: Deps, access: WorkspaceAccess, postId: string): Promise<Post> {
  authorize(access.role, 'posts.draft');
  await review(deps, access, postId, ['draft', 'changes_requested'], 'in_review', 'post.submitted', null);
  return getPost(deps, access, postId);
}

export async function requestChanges(deps: Deps, access: WorkspaceAccess, postId: string, comment: string): Promise<Post> {
  authorize(access.role, 'posts.approve');
  await review(deps, access, postId, ['in_review'], 'changes_requested', 'post.changes_requested', comment);
  return getPost(deps, access, postId);
}

export async function rejectPost(deps: Deps, access: WorkspaceAccess, postId: string, comment: string): Promise<Post> {
  authorize(access.role, 'posts.approve');
  await review(deps, access, postId, ['in_review'], 'rejected', 'post.rejected', comment);
  return getPost(deps, access, postId);
}

/**
 * Approves; a post that already has its publish time is then scheduled. When the guardrails block
 * it, it stays approved with the findings stored, and `unscheduled` says why.
 */
export async function approvePost(deps: Deps, access: WorkspaceAccess, postId: string, comment: string | null): Promise<EditResult> {
  authorize(access.role, 'posts.approve');
  const approved = await review(deps, access, postId, ['in_review'], 'approved', 'post.approved', comment);
  if (approved.publish_at !== null && Date.parse(approved.publish_at) > deps.clock.now().getTime() - PAST_TOLERANCE_MS) {
    try {
      return { post: await schedulePost(deps, access, postId, {}) };
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'conflict')) {
        throw error;
      }
      return { post: await getPost(deps, access, postId), unscheduled: error.message };
    }
  }
  return { post: await getPost(deps, access, postId) };
}

const VERDICT_RANK = { pass: 0, warn: 1, block: 2 } as const;
const worse = (a: CheckResult['verdict'], b: CheckResult['verdict']): CheckResult['verdict'] => (VERDICT_RANK[a] >= VERDICT_RANK[b] ? a : b);

/** Runs the guardrails for every target (its own text, network and voice) and merges the results. */
export async function gatePost(deps: Pick<Deps, 'db' | 'gate'>, access: WorkspaceAccess, post: PostRow, publishAt: Date): Promise<CheckResult & { findings: (Finding & { accountId: string })[] }> {
  const targets = (await postsRepo(deps.db).targetsOf([post.id])).filter((t) => t.status !== 'cancelled' && t.status !== 'published');
  const media = await postsRepo(deps.db).mediaOf([post.id]);
  const findings: (Finding & { accountId: string })[] = [];
  const seen = new Set<string>();
  let verdict: CheckResult['verdict'] = 'pass';
  let score = 100;
  let language: CheckResult['language'] = post.language === 'fr' ? 'fr' : 'en';
  for (const target of targets) {
    const account = await accountsRepo(deps.db).findById(target.account_id);
    const network = account ? GUARDRAIL_NETWORK[account.network] : undefined;
    const result = await deps.gate({
      access,
      text: target.text_override ?? post.text,
      ...(network ? { network } : {}),
      ...(account?.voice_override ? { accountVoice: JSON.parse(account.voice_override) as unknown } : {}),
      images: media.map((m) => ({ altText: m.alt_text })),
      publishAt,
      partnership: post.partnership === 1,
      ...(post.language === 'fr' || post.language === 'en' ? { language: post.language } : {}),
      excludeSourceIds: targets.map((t) => `post:${t.id}`),
    });
    language = result.language;
    score = Math.min(score, result.score);
    verdict = worse(verdict, result.verdict);
    for (const finding of result.findings) {
      const key = `${target.text_override === null ? '' : target.id}|${finding.rule}|${finding.start}|${finding.end}|${finding.message}`;
      if (!seen.has(key)) {
        seen.add(key);
        findings.push({ ...finding, accountId: target.account_id });
      }
    }
  }
  return { verdict, score, language, findings };
}

export interface ScheduleRequest {
  /** UTC ISO-8601; default: the post's publish time, else now. */
  publishAt?: string;
  /** A manager's written reason to schedule despite a guardrails block. */
  override?: { reason: string };
}

export async function schedulePost(deps: Deps, access: WorkspaceAccess, postId: string, request: ScheduleRequest): Promise<Post> {
  authorize(access.role, 'posts.draft');
  const post = await loadPost(deps.db, access, postId);
  const approval = await needsApproval(deps.db, access);
  const allowed: PostStatus[] = approval ? ['approved', 'scheduled'] : ['draft', 'changes_requested', 'approved', 'scheduled'];
  if (!allowed.includes(post.status)) {
    throw post.status === 'draft' || post.status === 'changes_requested'
      ? forbidden('Posts by editors need a manager’s approval in this workspace: submit it for review')
      : conflict(`This post is ${post.status.replace('_', ' ')}: it cannot be scheduled`);
  }
  const now = deps.clock.now();
  const publishAt = new Date(request.publishAt ?? post.publish_at ?? now.toISOString());
  if (publishAt.getTime() < now.getTime() - PAST_TOLERANCE_MS) {
    throw invalid('publishAt', 'This time is in the past: choose a later one, or publish now');
  }
  const targets = (await postsRepo(deps.db).targetsOf([postId])).filter((t) => t.status === 'pending' || t.status === 'scheduled');
  if (targets.length === 0) {
    throw invalid('accountIds', 'Choose at least one account to publish to');
  }
  if (request.override) {
    authorize(access.role, 'posts.override-guardrails');
  }
  const result = await gatePost(deps, access, post, publishAt);
  const blocked = result.verdict === 'block';
  if (blocked && !request.override) {
    // Kept on the post, so the composer shows what to fix.
    await postsRepo(deps.db).updatePostAtVersion(postId, post.version, {
      check_verdict: result.verdict,
      check_score: result.score,
      check_findings: JSON.stringify(result.findings),
    });
    const errors = result.findings.filter((f) => f.severity === 'error');
    throw new AppError(
      'conflict',
      `The guardrails block this post (${errors.length} error${errors.length === 1 ? '' : 's'}): ${errors[0]?.message ?? ''} Fix it, or a manager may override with a reason.`,
      errors.slice(0, 20).map((f) => ({ path: `check.${f.rule}`, message: f.message })),
    );
  }
  const at = publishAt.toISOString();
  const scheduled = await deps.db.transaction().execute(async (trx) => {
    const repo = postsRepo(trx);
    const stamp = isoNow(deps.clock);
    if (
      !(await repo.updatePostAtVersion(postId, post.version, {
        status: 'scheduled',
        publish_at: at,
        check_verdict: result.verdict,
        check_score: result.score,
        check_findings: JSON.stringify(result.findings),
        override_reason: blocked ? (request.override?.reason ?? null) : null,
        override_by: blocked ? access.userId : null,
        updated_at: stamp,
      }))
    ) {
      throw conflict('This post changed while it was being checked: review it and schedule again');
    }
    if (!(await repo.updateEditableTargets(postId, { status: 'scheduled', publish_at: at, version: post.version, next_attempt_at: null, updated_at: stamp }))) {
      throw conflict('Publishing of this post has begun: it cannot be rescheduled');
    }
    if (blocked) {
      await recordAudit(trx, deps.clock, {
        workspaceId: access.workspaceId,
        actorUserId: access.userId,
        action: 'post.guardrails_overridden',
        target: { type: 'post', id: postId },
        details: { reason: request.override?.reason, rules: [...new Set(result.findings.filter((f) => f.severity === 'error').map((f) => f.rule))] },
      });
    }
    await recordAudit(trx, deps.clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action: post.status === 'scheduled' ? 'post.rescheduled' : 'post.scheduled',
      target: { type: 'post', id: postId },
      details: { publishAt: at, verdict: result.verdict },
    });
    return repo.targetsOf([postId]);
  });
  for (const target of scheduled.filter((t) => t.status === 'scheduled')) {
    await deps.dispatch(target.id, publishAt);
  }
  return getPost(deps, access, postId);
}

/** Schedules at the next weekly slot of the post's accounts that no other post of theirs takes. */
export async function addToQueue(deps: Deps, access: WorkspaceAccess, postId: string, override?: { reason: string }): Promise<Post> {
  authorize(access.role, 'posts.draft');
  const targets = (await postsRepo(deps.db).targetsOf([postId])).filter((t) => t.status === 'pending' || t.status === 'scheduled');
  if (targets.length === 0) {
    await loadPost(deps.db, access, postId);
    throw invalid('accountIds', 'Choose at least one account to publish to');
  }
  const accountIds = targets.map((t) => t.account_id);
  const slots = await slotsRepo(deps.db).listForAccounts(accountIds);
  if (slots.length === 0) {
    throw invalid('queue', 'None of this post’s accounts has queue slots: add weekly times in the account settings');
  }
  const now = deps.clock.now();
  const taken = new Set(
    (await postsRepo(deps.db).scheduledTimesOfAccounts(accountIds, now.toISOString()))
      .filter((t) => !targets.some((own) => own.account_id === t.accountId && own.publish_at === t.publishAt))
      .map((t) => Date.parse(t.publishAt)),
  );
  const workspace = await getWorkspace(deps.db, access);
  const slot = nextFreeSlot(slots, taken, now, workspace.timeZone);
  if (!slot) {
    throw conflict('Every queue slot of the next 8 weeks is taken: add slots or pick a time');
  }
  return schedulePost(deps, access, postId, { publishAt: slot.toISOString(), ...(override ? { override } : {}) });
}

/** Cancels what has not been sent; refused while a target is being published (it may already be out). */
export async function cancelPost(deps: Pick<Deps, 'db' | 'clock'>, access: WorkspaceAccess, postId: string): Promise<Post> {
  authorize(access.role, 'posts.draft');
  await deps.db.transaction().execute(async (trx) => {
    const repo = postsRepo(trx);
    const post = await loadPost(trx, access, postId);
    const targets = await repo.targetsOf([postId]);
    if (targets.some((t) => t.status === 'publishing')) {
      throw conflict('This post is being published right now: it can no longer be cancelled');
    }
    if (post.status === 'cancelled' || post.status === 'published') {
      throw conflict(`This post is already ${post.status}`);
    }
    const now = isoNow(deps.clock);
    if (!(await repo.updateEditableTargets(postId, { status: 'cancelled', updated_at: now }))) {
      throw conflict('This post is being published right now: it can no longer be cancelled');
    }
    const after = await repo.targetsOf([postId]);
    await repo.updatePost(postId, { status: statusFromTargets(after.map((t) => t.status)), updated_at: now });
    await recordAudit(trx, deps.clock, {
      workspaceId: access.workspaceId,
      actorUserId: access.userId,
      action: 'post.cancelled',
      target: { type: 'post', id: postId },
      details: { wasScheduledFor: post.publish_at },
    });
  });
  return getPost(deps, access, postId);
}

export interface EditResult {
  post: Post;
  /** Set when an edited scheduled post could not be scheduled again: why (it is a draft now). */
  unscheduled?: string;
}

/**
 * The composer's edit. A scheduled post is re-checked and scheduled again at its (possibly new) time
 * when its author may schedule without approval; otherwise, or when the guardrails now block it, it
 * stays a draft and the caller is told why.
 */
export async function editPost(deps: Deps, access: WorkspaceAccess, postId: string, changes: DraftChanges): Promise<EditResult> {
  const before = await loadPost(deps.db, access, postId);
  const edited = await updateDraft(deps, access, postId, changes);
  if (before.status !== 'scheduled') {
    return { post: edited };
  }
  if (await needsApproval(deps.db, access)) {
    return { post: edited, unscheduled: 'Edited posts need a manager’s approval again: submit it for review' };
  }
  if (edited.publishAt === null) {
    return { post: edited, unscheduled: 'No publish time any more: schedule it again when ready' };
  }
  try {
    return { post: await schedulePost(deps, access, postId, { publishAt: edited.publishAt }) };
  } catch (error) {
    if (error instanceof AppError && (error.code === 'conflict' || error.code === 'validation_failed')) {
      return { post: await getPost(deps, access, postId), unscheduled: error.message };
    }
    throw error;
  }
}

export { needsApproval };
