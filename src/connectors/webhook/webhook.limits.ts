/**
 * What a webhook can do: publish only (Hearth cannot read, delete or count what the receiver does
 * with a post). The limits are Hearth's own, chosen to keep one call's JSON under ~12 MB (images go
 * inline as base64, a third larger than the bytes); they are checked before sending.
 */
import type { ConnectorCapabilities, ConnectorLimits } from '../types.js';

export const WEBHOOK_CAPABILITIES: ConnectorCapabilities = {
  publish: true,
  reply: false,
  delete: false,
  threads: false,
  images: true,
  readOwnPosts: false,
  readBack: false,
  metrics: false,
  block: false,
  hideReplies: false,
};

export const WEBHOOK_LIMITS: ConnectorLimits = {
  maxTextLength: 10_000,
  countBy: 'characters',
  maxImages: 4,
  maxImageBytes: 2_000_000,
  maxAltTextLength: 2_000,
};
