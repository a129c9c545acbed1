/**
 * What Mastodon can do and its limits. The defaults are Mastodon 4.x's; `limitsFromInstance` reads an
 * instance's own (GET /api/v2/instance → configuration), which a Connection adopts after `verify()`.
 * The server counts text as its StatusLengthValidator does: grapheme clusters, a URL as 23, and
 * `@user@domain` as `@user` (the guardrails count the same way).
 */
import type { ConnectorCapabilities, ConnectorLimits } from '../types.js';
import type { InstanceJson } from './mastodon.schemas.js';

export const MASTODON_CAPABILITIES: ConnectorCapabilities = {
  publish: true,
  reply: true,
  delete: true,
  threads: true,
  images: true,
  readOwnPosts: true,
  // Mastodon cannot look a status up by Idempotency-Key; re-posting with the key (within an hour)
  // returns the first status instead, which is how an unknown outcome is settled.
  readBack: false,
  metrics: true,
  block: true,
  hideReplies: false,
};

export const MASTODON_LIMITS: ConnectorLimits = {
  maxTextLength: 500,
  countBy: 'graphemes',
  maxImages: 4,
  // configuration.media_attachments.image_size_limit since Mastodon 4.2 (16 MiB).
  maxImageBytes: 16 * 1_048_576,
  // configuration.media_attachments.description_limit (Mastodon 4.4; 1,500 before it was published).
  maxAltTextLength: 1_500,
};

/** The instance's limits where it publishes them, Mastodon's defaults elsewhere. */
export function limitsFromInstance(instance: InstanceJson): ConnectorLimits {
  const statuses = instance.configuration?.statuses;
  const media = instance.configuration?.media_attachments;
  return {
    maxTextLength: statuses?.max_characters ?? MASTODON_LIMITS.maxTextLength,
    countBy: 'graphemes',
    maxImages: statuses?.max_media_attachments ?? MASTODON_LIMITS.maxImages,
    maxImageBytes: media?.image_size_limit ?? MASTODON_LIMITS.maxImageBytes,
    maxAltTextLength: media?.description_limit ?? MASTODON_LIMITS.maxAltTextLength,
  };
}
