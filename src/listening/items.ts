/**
 * The shape of an item entering listening, whatever brought it (a feed, the ingest webhook, an
 * import file): the import format of docs/LISTENING.md, plus a few facts a source may know. One zod
 * schema validates them all, so an item is refused for the same reasons everywhere.
 */
import { z } from 'zod';

export const MAX_TEXT_LENGTH = 20_000;
export const MAX_EXTERNAL_ID_LENGTH = 500;

const NETWORK = /^[a-z0-9][a-z0-9._-]{0,39}$/;

const count = z.number({ error: 'must be a number' }).int({ message: 'must be a whole number' }).min(0, { message: 'must not be negative' }).max(Number.MAX_SAFE_INTEGER);

/** ISO 8601 with a time zone ("2026-03-01T10:00:00Z", "…+01:00") or a date ("2026-03-01", midnight UTC). */
const timestamp = z.string().transform((value, ctx) => {
  const text = value.trim();
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const withZone = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text);
  const time = dateOnly || withZone ? Date.parse(dateOnly ? `${text}T00:00:00Z` : text.replace(' ', 'T')) : Number.NaN;
  if (Number.isNaN(time)) {
    ctx.addIssue({ code: 'custom', message: 'must be an ISO 8601 date-time with a time zone, like 2026-03-01T10:00:00Z' });
    return z.NEVER;
  }
  return new Date(time).toISOString();
});

/** One item as sources hand it over (the public import format). */
export const incomingItemSchema = z.object({
  id: z
    .union([z.string(), z.number().int()], { error: (issue) => (issue.input === undefined ? 'is required' : 'must be text or a whole number') })
    .transform((value) => String(value).trim())
    .pipe(
      z
        .string()
        .min(1, { message: 'is empty' })
        .max(MAX_EXTERNAL_ID_LENGTH, { message: `is longer than ${MAX_EXTERNAL_ID_LENGTH} characters` }),
    ),
  network: z
    .string()
    .trim()
    .toLowerCase()
    .regex(NETWORK, { message: 'must be a short lower-case name (letters, digits, . _ -), like bluesky or trustpilot' })
    .optional(),
  author: z
    .string()
    .trim()
    .max(300)
    .transform((handle) => handle.replace(/^@/, ''))
    .nullish(),
  authorName: z.string().trim().max(300).nullish(),
  text: z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
    .trim()
    .min(1, { message: 'is empty' })
    .max(MAX_TEXT_LENGTH, { message: `is longer than ${MAX_TEXT_LENGTH} characters` }),
  createdAt: timestamp.nullish(),
  url: z.url({ protocol: /^https?$/, message: 'must be an http(s) address' }).max(2_000).nullish(),
  likes: count.nullish(),
  reposts: count.nullish(),
  replies: count.nullish(),
  followers: count.nullish(),
  /** ISO 639-1 when the source states it (a feed's language); the analyzer detects it otherwise. */
  language: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z]{2}$/, { message: 'must be an ISO 639-1 code like fr or en' })
    .nullish(),
  hasImage: z.boolean().optional(),
  hasLink: z.boolean().optional(),
  /** The id of the post it answers, on the same network. */
  replyTo: z.string().trim().min(1).max(MAX_EXTERNAL_ID_LENGTH).nullish(),
  /** The id of its thread's first post. */
  threadRoot: z.string().trim().min(1).max(MAX_EXTERNAL_ID_LENGTH).nullish(),
  /** What the network's connector needs to answer it (network readers set it; opaque). */
  ref: z.string().min(1).max(2_000).nullish(),
  /** Handles or network ids (DIDs) of the accounts it mentions or answers: the inbox takes it from there. */
  addressedTo: z
    .array(z.string().trim().min(1).max(300).transform((handle) => handle.replace(/^@/, '').toLowerCase()))
    .max(20)
    .optional(),
});

/** What callers pass in: the import format, loosely typed (it is validated on the way in). */
export type IncomingItem = z.input<typeof incomingItemSchema>;
export type ValidItem = z.output<typeof incomingItemSchema>;

/** Why an item was refused: its position in what was handed over, its id when it had one. */
export interface RejectedItem {
  index: number;
  id: string | null;
  reason: string;
}

/** The item, validated, or why not (every problem, with the field it is about). */
export function validateItem(value: unknown): { ok: true; item: ValidItem } | { ok: false; reason: string } {
  const parsed = incomingItemSchema.safeParse(value);
  if (parsed.success) {
    return { ok: true, item: parsed.data };
  }
  const reason = parsed.error.issues
    .map((issue) => {
      const field = issue.path.map(String).join('.');
      return field ? `${field} ${issue.message}` : issue.message;
    })
    .join('; ');
  return { ok: false, reason };
}

/** The id an item claims, for reports, before it is validated. */
export function claimedId(value: unknown): string | null {
  if (typeof value === 'object' && value !== null && 'id' in value) {
    const id = value.id;
    if (typeof id === 'string' || typeof id === 'number') {
      return String(id).slice(0, 200);
    }
  }
  return null;
}
