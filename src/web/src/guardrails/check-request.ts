/** The check request of a draft, built from what the draft checker's controls hold. */
import type { CheckLanguage, CheckRequest, Network } from './check.api';

export interface DraftOptions {
  workspaceId: string;
  text: string;
  language: CheckLanguage;
  network: Network | null;
  /** The message answered; undefined or blank when the draft is not a reply. */
  replyTo?: string | undefined;
  partnership?: boolean;
  /** The connected account whose voice applies (the composer's per-account texts). */
  accountId?: string | undefined;
  /** The post's images; undefined or empty when it has none. */
  images?: readonly { altText: string | null }[] | undefined;
  /** The post's publish time (UTC ISO-8601), when it has one. */
  publishAt?: string | null | undefined;
}

/**
 * Only what applies is sent, so the same draft with the same options makes the same request (the
 * request is the query key): no empty `replyTo`, no `partnership: false`.
 */
export function checkRequestFor(options: DraftOptions): CheckRequest {
  const { workspaceId, text, language, network, replyTo, partnership, accountId, images, publishAt } =
    options;
  return {
    workspaceId,
    text,
    language,
    ...(network ? { network } : {}),
    ...(replyTo !== undefined && replyTo.trim() !== '' ? { replyTo } : {}),
    ...(partnership === true ? { partnership: true } : {}),
    ...(accountId ? { accountId } : {}),
    ...(images && images.length > 0 ? { images: images.map((image) => ({ altText: image.altText })) } : {}),
    ...(publishAt ? { publishAt } : {}),
  };
}
