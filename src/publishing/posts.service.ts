/**
 * Posts as the composer edits them: one text for several accounts, per-account variants, images
 * with alt text, autosaved with optimistic concurrency (`version`). Editing a scheduled post is one
 * transaction that succeeds only while none of its targets has been claimed for publishing, so the
 * old version can never go out after the edit is accepted.
 */
import { isoNow } from '../core/clock.js';
import { conflict, invalid, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import type { PostStatus } from '../db/schema.js';
import { recordAudit } from '../workspaces/audit.service.js';
import { authorize } from '../workspaces/policy.js';
import type { WorkspaceAccess } from '../workspaces/workspaces.service.js';
import { accountsRepo } from './accounts.repo.js';
import { PRE_SCHEDULING } from './post-status.js';
import { presentPosts, type Post } from './posts.presenter.js';
import { postsRepo, type PostRow, type TargetRow } from './posts.repo.js';
import type { PublishingDeps } from './publishing.deps.js';

type Deps = Pick<PublishingDeps, 'db' | 'clock'>;

export interface DraftInput {
  text: string;
  accountIds: string[];
  /** Per-account text replacing the main text (null: use the main text). */
  variants?: Record<string, string | null>;
  language?: 'fr' | 'en' | null;
  partnership?: boolean;
  /** UTC ISO-8601; null clears it. */
  publishAt?: string | null;
}

export type DraftChanges = Partial<DraftInput> & { version: number };

/** Statuses in which the composer may change a post. */
const EDITABLE: readonly PostStatus[] = [...PRE_SCHEDULING, 'scheduled'];
export const MAX_IMAGE_BYTES = 1_000_000;
const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];

export async function getPost(deps: Pick<Deps, 'db'>, access: WorkspaceAccess, postId: string): Promise<Post> {
  authorize(access.role, 'workspace.read');
  const row = await postsRepo(deps.db).findPost(access.workspaceId, postId);
  if (!row) {
    throw notFound('Post');
  }
  return (await presentPosts(deps.db, [row]))[0]!;
}

export async function listPosts(
  deps: Pick<Deps, 'db'>,
  access: WorkspaceAccess,
  filter: { statuses?: PostStatus[]; from?: string; to?: string; limit?: number },
): Promise<Post[]> {
  authorize(access.role, 'workspace.read');
  const rows = await postsRepo(deps.db).listPosts(access.workspaceId, { ...filter, limit: filter.limit ?? 500 });
  return presentPosts(deps.db, rows);
}

async function requireAccounts(deps: Pick<Deps, 'db'>, workspaceId: string, accountIds: readonly string[]): Promise<void> {
  for (const id of new Set(accountIds)) {
    if (!(await accountsRepo(deps.db).find(workspaceId, id))) {
      throw invalid('accountIds', `No connected account ${id} in this workspace`);
    }
  }
}

function checkVariants(input: Pick<DraftInput, 'accountIds' | 'variants'>): void {
  for (const accountId of Object.keys(input.variants ?? {})) {
    if (!input.accountIds?.includes(accountId)) {
      throw invalid(`variants.${accountId}`, 'A variant must be for one of the post’s accounts');
    }
  }
}

const targetRow = (deps: Deps, post: Pick<PostRow, 'id' | 'workspace_id' | 'version' | 'publish_at'>, accountId: string, textOverride: string | null): TargetRow => {
  const now = isoNow(deps.clock);
  return {
    id: newId(deps.clock.now().getTime()),
    post_id: post.id,
    workspace_id: post.workspace_id,
    account_id: accountId,
    text_override: textOverride,
    status: 'pending',
    publish_at: post.publish_at,
    version: post.version,
    attempts: 0,
    first_attempt_at: null,
    outcome_pending: 0,
    lease_until: null,
    next_attempt_at: null,
    published_version: null,
    published_text: null,
    external_id: null,
    url: null,
    ref: null,
    published_at: null,
    last_error: null,
    metrics: null,
    metrics_at: null,
    created_at: now,
    updated_at: now,
  };
};

export async function createDraft(deps: Deps, access: WorkspaceAccess, input: DraftInput): Promise<Post> {
  authorize(access.role, 'posts.draft');
  checkVariants(input);
  await requireAccounts(deps, access.workspaceId, input.accountIds);
  const now = isoNow(deps.clock);
  const row: PostRow = {
    id: newId(deps.clock.now().getTime()),
    workspace_id: access.workspaceId,
    author_id: access.userId,
    status: 'draft',
    text: input.text,
    language: input.language ?? null,
    partnership: input.partnership ? 1 : 0,
    publish_at: input.publishAt ?? null,
    version: 1,
    check_verdict: null,
    check_score: null,
    check_findings: null,
    override_reason: null,
    override_by: null,
    review_comment: null,
    reviewed_by: null,
    reviewed_at: null,
    created_at: now,
    updated_at: now,
  };
  await deps.db.transaction().execute(async (trx) => {
    await postsRepo(trx).insertPost(row);
    await postsRepo(trx).insertTargets(
      [...new Set(input.accountIds)].map((accountId) => targetRow(deps, row, accountId, input.variants?.[accountId] ?? null)),
    );
  });
  return getPost(deps, access, row.id);
}

/**
 * Applies the composer's changes. A scheduled post goes back to draft in the same transaction (its
 * targets can no longer be claimed): `editPost` then schedules it again through the guardrails when
 * its author may schedule without approval, so an edited text never goes out unchecked.
 */
export async function updateDraft(
  deps: Deps,
  access: WorkspaceAccess,
  postId: string,
  changes: DraftChanges,
): Promise<Post> {
  authorize(access.role, 'posts.draft');
  await deps.db.transaction().execute(async (trx) => {
    const repo = postsRepo(trx);
    const post = await repo.findPost(access.workspaceId, postId);
    if (!post) {
      throw notFound('Post');
    }
    if (!EDITABLE.includes(post.status)) {
      throw conflict(`This post is ${post.status.replace('_', ' ')}: it can no longer be edited`);
    }
    if (post.version !== changes.version) {
      throw conflict('This post was changed elsewhere since you opened it: reload to see the latest version');
    }
    const targets = await repo.targetsOf([postId]);
    const accountIds = changes.accountIds ?? targets.map((t) => t.account_id);
    const variants =
      changes.variants ?? Object.fromEntries(targets.flatMap((t) => (t.text_override === null ? [] : [[t.account_id, t.text_override] as const])));
    checkVariants({ accountIds, variants });
    await requireAccounts({ db: trx }, access.workspaceId, accountIds);

    const version = post.version + 1;
    const publishAt = changes.publishAt === undefined ? post.publish_at : changes.publishAt;
    const rescheduled = post.status === 'scheduled';
    // An approval is for the text approved: any edit of an approved or scheduled post makes it a draft again.
    const nextStatus: PostStatus = rescheduled || post.status === 'approved' ? 'draft' : post.status;
    const now = isoNow(deps.clock);
    const targetStatus = 'pending';
    // Every target still editable, or nothing: a claimed target means publishing has begun.
    if (!(await repo.updateEditableTargets(postId, { version, publish_at: publishAt, status: targetStatus, updated_at: now }))) {
      throw conflict('Publishing of this post has begun: it can no longer be edited');
    }
    const keep = new Set(accountIds);
    await repo.deleteTargets(postId, targets.filter((t) => !keep.has(t.account_id) && t.status !== 'published').map((t) => t.id));
    const existing = new Set(targets.map((t) => t.account_id));
    await repo.insertTargets(
      accountIds
        .filter((id) => !existing.has(id))
        .map((accountId) => ({ ...targetRow(deps, { ...post, version, publish_at: publishAt }, accountId, variants[accountId] ?? null), status: targetStatus })),
    );
    for (const target of targets.filter((t) => keep.has(t.account_id))) {
      const override = variants[target.account_id] ?? null;
      if (override !== target.text_override) {
        await repo.updateTarget(target.id, { text_override: override });
      }
    }
    await repo.updatePost(postId, {
      text: changes.text ?? post.text,
      language: changes.language === undefined ? post.language : changes.language,
      partnership: changes.partnership === undefined ? post.partnership : changes.partnership ? 1 : 0,
      publish_at: publishAt,
      version,
      status: nextStatus,
      check_verdict: null,
      check_score: null,
      check_findings: null,
      override_reason: null,
      override_by: null,
      updated_at: now,
    });
    if (rescheduled) {
      await recordAudit(trx, deps.clock, {
        workspaceId: access.workspaceId,
        actorUserId: access.userId,
        action: 'post.edited_while_scheduled',
        target: { type: 'post', id: postId },
        details: { publishAt },
      });
    }
  });
  return getPost(deps, access, postId);
}

export async function deletePost(deps: Deps, access: WorkspaceAccess, postId: string): Promise<void> {
  authorize(access.role, 'posts.draft');
  await deps.db.transaction().execute(async (trx) => {
    const post = await postsRepo(trx).findPost(access.workspaceId, postId);
    if (!post) {
      throw notFound('Post');
    }
    if (!PRE_SCHEDULING.includes(post.status) && post.status !== 'cancelled') {
      throw conflict(`A ${post.status} post cannot be deleted${post.status === 'scheduled' ? ': cancel it first' : ''}`);
    }
    await postsRepo(trx).deletePost(postId);
  });
}

export async function addMedia(
  deps: Deps,
  access: WorkspaceAccess,
  postId: string,
  media: { mimeType: string; dataBase64: string; altText: string },
): Promise<Post> {
  authorize(access.role, 'posts.draft');
  if (!IMAGE_TYPES.includes(media.mimeType)) {
    throw invalid('mimeType', `Images only: ${IMAGE_TYPES.join(', ')}`);
  }
  const bytes = Buffer.from(media.dataBase64, 'base64');
  if (bytes.length === 0) {
    throw invalid('dataBase64', 'Empty or invalid image data');
  }
  if (bytes.length > MAX_IMAGE_BYTES) {
    throw invalid('dataBase64', `Image too large: ${bytes.length} bytes (at most ${MAX_IMAGE_BYTES})`);
  }
  await deps.db.transaction().execute(async (trx) => {
    const post = await postsRepo(trx).findPost(access.workspaceId, postId);
    if (!post) {
      throw notFound('Post');
    }
    if (!PRE_SCHEDULING.includes(post.status)) {
      throw conflict('Images can be changed only before the post is scheduled');
    }
    const existing = await postsRepo(trx).mediaOf([postId]);
    if (existing.length >= 4) {
      throw invalid('media', 'At most 4 images per post');
    }
    await postsRepo(trx).insertMedia({
      id: newId(deps.clock.now().getTime()),
      post_id: postId,
      position: existing.length,
      mime_type: media.mimeType,
      data: bytes.toString('base64'),
      bytes: bytes.length,
      alt_text: media.altText,
      created_at: isoNow(deps.clock),
    });
  });
  return getPost(deps, access, postId);
}

/** An attached image's bytes, for previews. */
export async function readMedia(deps: Pick<Deps, 'db'>, access: WorkspaceAccess, postId: string, mediaId: string): Promise<{ mimeType: string; data: Buffer }> {
  authorize(access.role, 'workspace.read');
  if (!(await postsRepo(deps.db).findPost(access.workspaceId, postId))) {
    throw notFound('Post');
  }
  const media = (await postsRepo(deps.db).mediaOf([postId])).find((m) => m.id === mediaId);
  if (!media) {
    throw notFound('Image');
  }
  return { mimeType: media.mime_type, data: Buffer.from(media.data, 'base64') };
}

export async function changeMedia(
  deps: Deps,
  access: WorkspaceAccess,
  postId: string,
  mediaId: string,
  change: { altText: string } | 'remove',
): Promise<Post> {
  authorize(access.role, 'posts.draft');
  const post = await postsRepo(deps.db).findPost(access.workspaceId, postId);
  if (!post) {
    throw notFound('Post');
  }
  if (!PRE_SCHEDULING.includes(post.status)) {
    throw conflict('Images can be changed only before the post is scheduled');
  }
  const done = change === 'remove' ? await postsRepo(deps.db).deleteMedia(postId, mediaId) : await postsRepo(deps.db).updateMediaAlt(postId, mediaId, change.altText);
  if (!done) {
    throw notFound('Image');
  }
  return getPost(deps, access, postId);
}
