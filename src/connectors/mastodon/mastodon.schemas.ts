/**
 * The parts of Mastodon's JSON entities the connector reads (snake_case, as on the wire), checked
 * with zod: an instance's answer is untrusted input. Other fediverse servers speaking the Mastodon
 * API (GoToSocial, Akkoma) send the same fields; ids are strings, not always numeric.
 */
import { z } from 'zod';

const count = z.number().int().nonnegative().nullish();

export const accountSchema = z.object({
  id: z.string().min(1),
  username: z.string(),
  acct: z.string(),
  display_name: z.string().nullish(),
  followers_count: count,
  url: z.string().nullish(),
});

export const statusSchema = z.object({
  id: z.string().min(1),
  created_at: z.string().refine((value) => !Number.isNaN(Date.parse(value)), { message: 'not a date' }),
  uri: z.string(),
  url: z.string().nullish(),
  content: z.string(),
  reblog: z.unknown().nullish(),
  replies_count: count,
  reblogs_count: count,
  favourites_count: count,
  // Mastodon 4.5 counts quotes; older servers leave the field out.
  quotes_count: count,
});

export const mediaSchema = z.object({
  id: z.string().min(1),
  url: z.string().nullish(),
});

const positive = z.number().int().positive().optional().catch(undefined);

export const instanceSchema = z.object({
  domain: z.string().optional().catch(undefined),
  configuration: z
    .object({
      statuses: z
        .object({ max_characters: positive, max_media_attachments: positive })
        .optional()
        .catch(undefined),
      media_attachments: z
        .object({ image_size_limit: positive, description_limit: positive })
        .optional()
        .catch(undefined),
    })
    .optional()
    .catch(undefined),
});

export type AccountJson = z.output<typeof accountSchema>;
export type StatusJson = z.output<typeof statusSchema>;
export type InstanceJson = z.output<typeof instanceSchema>;
