/** What Bluesky can do and its limits, from the app.bsky lexicons of @atproto/api 0.19.19. */
import type { ConnectorCapabilities, ConnectorLimits } from '../types.js';

export const BLUESKY_CAPABILITIES: ConnectorCapabilities = Object.freeze({
  publish: true,
  reply: true,
  delete: true,
  threads: true,
  images: true,
  readOwnPosts: true,
  readBack: true,
  // Served by the AppView (app.bsky.feed.getPosts): a PDS without one answers 502 → 'transient'.
  metrics: true,
  block: true,
  hideReplies: true,
});

export const BLUESKY_LIMITS: ConnectorLimits = Object.freeze({
  // app.bsky.feed.post#text: maxGraphemes 300 (and maxLength 3000 UTF-8 bytes, checked too).
  maxTextLength: 300,
  countBy: 'graphemes',
  // app.bsky.embed.images: at most 4 images of up to 2,000,000 bytes ("formerly limited to 1 MB").
  maxImages: 4,
  maxImageBytes: 2_000_000,
  // The lexicon sets no limit on alt text; the Bluesky app stops at 2,000 graphemes.
  maxAltTextLength: 2_000,
});

/** app.bsky.feed.post#text maxLength, in UTF-8 bytes. */
export const MAX_TEXT_BYTES = 3_000;
