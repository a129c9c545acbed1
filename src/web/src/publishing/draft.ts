/**
 * The composer's values as the user edits them, and how they map to the post the server keeps:
 * the publish time is typed in the workspace's zone and sent in UTC; an empty variant means "the
 * post's text"; only what changed goes into an autosave.
 */
import { fromLocalInput, toLocalInput } from '../lib/zoned-time';
import type { DraftFields, Post, PostLanguage } from './posts.api';

export interface DraftValues {
  text: string;
  accountIds: string[];
  /** Per account: its own text; '' or absent: the post's text. Kept for unticked accounts while editing. */
  variants: Record<string, string>;
  language: PostLanguage | null;
  partnership: boolean;
  /** A datetime-local value in the workspace's zone; '' for no time. */
  publishAt: string;
}

export const emptyDraft = (): DraftValues => ({
  text: '',
  accountIds: [],
  variants: {},
  language: null,
  partnership: false,
  publishAt: '',
});

export function draftFromPost(post: Post, timeZone: string): DraftValues {
  const variants: Record<string, string> = {};
  for (const target of post.targets) {
    if (target.textOverride !== null) {
      variants[target.accountId] = target.textOverride;
    }
  }
  return {
    text: post.text,
    accountIds: post.targets.filter((t) => t.status !== 'cancelled').map((t) => t.accountId),
    variants,
    language: post.language,
    partnership: post.partnership,
    publishAt: post.publishAt === null ? '' : toLocalInput(post.publishAt, timeZone),
  };
}

/** The draft as the API takes it; texts trimmed, as the server keeps them. */
export function draftBody(draft: DraftValues, timeZone: string): DraftFields {
  const accountIds = [...new Set(draft.accountIds)];
  const variants: Record<string, string | null> = {};
  for (const id of accountIds) {
    const variant = draft.variants[id]?.trim() ?? '';
    variants[id] = variant === '' ? null : variant;
  }
  return {
    text: draft.text.trim(),
    accountIds,
    variants,
    language: draft.language,
    partnership: draft.partnership,
    publishAt: fromLocalInput(draft.publishAt, timeZone),
  };
}

const sameIds = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

const sameVariants = (a: Record<string, string | null>, b: Record<string, string | null>): boolean => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => (a[key] ?? null) === (b[key] ?? null));
};

/** The fields of `draft` that differ from `post`: what an autosave sends. Empty: nothing to save. */
export function changedFields(draft: DraftValues, post: Post, timeZone: string): Partial<DraftFields> {
  const next = draftBody(draft, timeZone);
  const saved = draftBody(draftFromPost(post, timeZone), timeZone);
  const changes: Partial<DraftFields> = {};
  if (next.text !== saved.text) {
    changes.text = next.text;
  }
  if (!sameIds(next.accountIds, saved.accountIds) || !sameVariants(next.variants, saved.variants)) {
    // The server reads variants against the accounts sent with them: send both.
    changes.accountIds = next.accountIds;
    changes.variants = next.variants;
  }
  if (next.language !== saved.language) {
    changes.language = next.language;
  }
  if (next.partnership !== saved.partnership) {
    changes.partnership = next.partnership;
  }
  if (next.publishAt !== saved.publishAt) {
    changes.publishAt = next.publishAt;
  }
  return changes;
}

/** The server refuses a post without text: nothing is saved until there is some. */
export const canSave = (draft: DraftValues): boolean => draft.text.trim() !== '';
