/** Zod shapes of the insights API (they also make its part of the OpenAPI document). */
import { z } from 'zod';
import { SOV_WEIGHTS } from './share-of-voice.service.js';

const whole = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const trendsQuery = z.object({
  query: z.string().trim().min(1).max(200).optional(),
  recentHours: whole(1, 24 * 31).optional(),
  baselineHours: whole(1, 24 * 366).optional(),
  limit: whole(1, 100).optional(),
  minCount: whole(1, 100_000).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
  bigrams: z.enum(['true', 'false']).optional(),
});

export const periodQuery = z.object({
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
});

export const sovQuery = periodQuery.extend({ weight: z.enum(SOV_WEIGHTS).optional() });

export const postOut = z
  .object({
    id: z.string(),
    network: z.string(),
    url: z.string().nullable(),
    author: z.object({
      handle: z.string().nullable(),
      name: z.string().nullable(),
      followers: z.number().nullable(),
    }),
    text: z.string(),
    createdAt: z.string(),
    likes: z.number(),
    reposts: z.number(),
    replies: z.number(),
    engagement: z.number(),
  })
  .meta({ id: 'InsightPost' });

const trendWindowOut = z.object({
  since: z.string(),
  until: z.string(),
  hours: z.number(),
  mentions: z.number(),
  sampledOneIn: z.number(),
});

export const trendsOut = z
  .object({
    query: z.object({ id: z.string(), name: z.string() }).nullable(),
    recent: trendWindowOut,
    baseline: trendWindowOut,
    minCount: z.number(),
    formula: z.string(),
    terms: z.array(
      z.object({
        term: z.string(),
        kind: z.enum(['word', 'bigram', 'hashtag']),
        recent: z.number(),
        baseline: z.number(),
        expected: z.number(),
        score: z.number(),
        ratio: z.number(),
        samples: z.array(postOut),
      }),
    ),
  })
  .meta({ id: 'Trends' });

const accountSchema = z.object({
  network: z.string().trim().min(1).max(40),
  handle: z.string().trim().min(1).max(320),
});

export const competitorIn = z.object({
  name: z.string().trim().min(1).max(200),
  accounts: z.array(accountSchema).max(50).default([]),
  queryId: z.string().min(1).max(64).nullable().optional(),
  query: z.string().max(2_000).nullable().optional(),
});

export const competitorPatch = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  accounts: z.array(accountSchema).max(50).optional(),
  queryId: z.string().min(1).max(64).nullable().optional(),
  query: z.string().max(2_000).nullable().optional(),
});

export const competitorOut = z
  .object({
    id: z.string(),
    name: z.string(),
    accounts: z.array(z.object({ network: z.string(), handle: z.string() })),
    queryId: z.string().nullable(),
    query: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Competitor' });

export const suggestionOut = z.object({
  name: z.string(),
  query: z.string(),
  queryId: z.string().nullable(),
});

export const reportOut = z
  .object({
    competitor: competitorOut,
    since: z.string(),
    until: z.string(),
    posts: z.number(),
    truncated: z.boolean(),
    engagement: z.object({ total: z.number(), perPost: z.number(), median: z.number(), formula: z.string() }),
    rhythm: z.object({
      timeZone: z.string(),
      byWeekdayHour: z.array(z.array(z.number())),
      byWeekday: z.array(z.number()),
      byHour: z.array(z.number()),
      byWeek: z.array(z.object({ weekStart: z.string(), posts: z.number(), engagement: z.number() })),
    }),
    topPosts: z.array(postOut),
  })
  .meta({ id: 'CompetitorReport' });

export const sovOut = z
  .object({
    weight: z.enum(SOV_WEIGHTS),
    since: z.string(),
    until: z.string(),
    formula: z.string(),
    definition: z.string(),
    total: z.number(),
    entities: z.array(
      z.object({
        kind: z.enum(['brand', 'competitor']),
        id: z.string().nullable(),
        name: z.string(),
        basis: z.string(),
        mentions: z.number(),
        engagement: z.number(),
        reach: z.number(),
        value: z.number(),
        share: z.number(),
        truncated: z.boolean(),
      }),
    ),
    notes: z.array(z.string()),
  })
  .meta({ id: 'ShareOfVoice' });
