/**
 * The settings of the network sources (kept as JSON in `listening_sources.settings`) and where each
 * stopped (JSON in `listening_sources.cursor`). One zod schema per kind, used by the API, the
 * service and the readers, so a source is refused for the same reasons everywhere.
 */
import { z } from 'zod';

const httpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) address' }).max(2_000);

/** A keyword to track: a word, a phrase, a #hashtag or an @handle (no quotes or operators). */
export const keywordSchema = z
  .string()
  .trim()
  .min(2, { message: 'must have 2 characters at least' })
  .max(100, { message: 'must have 100 characters at most' })
  .refine((value) => !/["“”«»()]/.test(value), {
    message: 'must not hold quotes or parentheses (a saved query can)',
  });

export const blueskySettingsSchema = z.object({
  /** The relay or PDS whose event stream is read (ws, wss, http or https). */
  service: z
    .url({
      protocol: /^(wss?|https?)$/,
      message: 'must be a ws(s) or http(s) address, like wss://bsky.network',
    })
    .max(2_000)
    .default('wss://bsky.network'),
  /** The PLC directory that turns DIDs into handles. */
  plcUrl: httpUrl.default('https://plc.directory'),
  /** An AppView for the search backfill (app.bsky.feed.searchPosts), e.g. https://public.api.bsky.app. */
  appViewUrl: httpUrl.nullish(),
  keywords: z.array(keywordSchema).max(50, { message: 'at most 50 keywords' }).default([]),
  /** Keep posts that mention or reply to the workspace's connected Bluesky accounts. */
  trackAccounts: z.boolean().default(true),
});
export type BlueskySettings = z.output<typeof blueskySettingsSchema>;

const hashtag = z
  .string()
  .trim()
  .transform((tag) => tag.replace(/^#/, ''))
  .pipe(
    z
      .string()
      .min(1, { message: 'is empty' })
      .max(100)
      .regex(/^[\p{L}\p{N}_]+$/u, { message: 'must be letters, digits or _ (a hashtag without spaces)' }),
  );

export const mastodonSettingsSchema = z.object({
  instanceUrl: httpUrl,
  hashtags: z.array(hashtag).max(20, { message: 'at most 20 hashtags' }).default([]),
  /** A connected Mastodon account whose mentions (notifications) are read with its token. */
  accountId: z.string().min(1).max(64).nullish(),
});
export type MastodonSettings = z.output<typeof mastodonSettingsSchema>;

/** Where a Bluesky source stopped: the last event stored, when the AppView was last searched. */
export interface BlueskyCursor {
  seq: number | null;
  searchedAt: string | null;
}

/** Where a Mastodon source stopped: the newest id seen per hashtag, and in the notifications. */
export interface MastodonCursor {
  tags: Record<string, string>;
  notifications: string | null;
}

const blueskyCursorSchema = z.object({
  seq: z.number().int().min(0).nullable().catch(null),
  searchedAt: z.string().nullable().catch(null),
});
const mastodonCursorSchema = z.object({
  tags: z.record(z.string(), z.string()).catch({}),
  notifications: z.string().nullable().catch(null),
});

function parseJson(text: string | null): unknown {
  if (text === null) {
    return {};
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return {};
  }
}

export function readBlueskyCursor(text: string | null): BlueskyCursor {
  const parsed = blueskyCursorSchema.safeParse(parseJson(text));
  return parsed.success ? parsed.data : { seq: null, searchedAt: null };
}

export function readMastodonCursor(text: string | null): MastodonCursor {
  const parsed = mastodonCursorSchema.safeParse(parseJson(text));
  return parsed.success ? parsed.data : { tags: {}, notifications: null };
}

/** The settings a stored source holds (validated when added; a bad row reads as the defaults' error). */
export function readBlueskySettings(text: string): BlueskySettings {
  return blueskySettingsSchema.parse(parseJson(text));
}

export function readMastodonSettings(text: string): MastodonSettings {
  return mastodonSettingsSchema.parse(parseJson(text));
}

/** The keyword as a query of the language: a bare word, #tag or @handle as is, anything else a phrase. */
export function keywordQuery(keyword: string): string {
  return /^#?[\p{L}\p{N}_]+$/u.test(keyword) || /^@[\p{L}\p{N}_.-]+$/u.test(keyword)
    ? keyword
    : `"${keyword}"`;
}
