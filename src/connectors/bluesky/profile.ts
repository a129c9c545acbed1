/**
 * The account behind a session. The AppView's getProfile gives the display name and the follower
 * count; without an AppView (a PDS alone, or the AppView not having indexed a new account yet) the
 * profile record of the account's own repository gives the display name and followers are null.
 */
import { XRPCError } from '@atproto/api';
import type { AccountProfile } from '../types.js';
import type { SignedIn } from './bluesky.session.js';
import { getRecordOrNull } from './records.js';

export async function readProfile({ agent, did, handle }: SignedIn): Promise<AccountProfile> {
  try {
    const { data } = await agent.getProfile({ actor: did });
    return {
      externalId: did,
      handle: data.handle,
      displayName: data.displayName?.trim() || null,
      followers: data.followersCount ?? null,
      url: profileUrl(data.handle),
    };
  } catch (error) {
    if (!isAppViewAnswer(error)) {
      throw error;
    }
  }
  const record = await getRecordOrNull(agent, {
    repo: did,
    collection: 'app.bsky.actor.profile',
    rkey: 'self',
  });
  const value = record?.value;
  const displayName =
    typeof value === 'object' &&
    value !== null &&
    'displayName' in value &&
    typeof value.displayName === 'string'
      ? value.displayName.trim() || null
      : null;
  return { externalId: did, handle, displayName, followers: null, url: profileUrl(handle) };
}

function profileUrl(handle: string): string {
  return `https://bsky.app/profile/${handle}`;
}

/** A refusal from (or about) the AppView that the repository can make up for: not auth, not a rate limit. */
function isAppViewAnswer(error: unknown): boolean {
  if (!(error instanceof XRPCError)) {
    return false;
  }
  const status = error.status as number;
  return status !== 401 && status !== 403 && status !== 429 && error.error !== 'ExpiredToken';
}
