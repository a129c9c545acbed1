/** The community CRM's HTTP shapes (zod, in the OpenAPI document): people, activities, notes, imports. */
import { z } from 'zod';
import { ACTIVITY_TYPES, ENGAGEMENT_LEVELS, RELATIONSHIP_STAGES } from './community.tables.js';
import { PEOPLE_SORTS } from './people.repo.js';
import { scoreExplanations } from './scores/scores.schemas.js';

export const identityOut = z.object({
  id: z.string(),
  network: z.string(),
  handle: z.string().nullable(),
  accountKey: z.string(),
  followers: z.number().nullable(),
  verified: z.boolean(),
});

export const personScoresOut = z.object({
  engagement: z.number(),
  engagementLevel: z.enum(ENGAGEMENT_LEVELS),
  reach: z.number(),
  ambassador: z.number(),
  influencer: z.number(),
});

export const personSummaryOut = z
  .object({
    id: z.string(),
    displayName: z.string().nullable(),
    avatarUrl: z.string().nullable(),
    identities: z.array(identityOut),
    stage: z.enum(RELATIONSHIP_STAGES),
    tags: z.array(z.string()),
    ownerId: z.string().nullable(),
    nextStep: z.string().nullable(),
    nextStepDue: z.string().nullable(),
    firstSeenAt: z.string(),
    lastSeenAt: z.string(),
    activityCount: z.number(),
    scores: personScoresOut,
  })
  .meta({ id: 'PersonSummary' });

export const noteOut = z.object({
  id: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  text: z.string(),
  createdAt: z.string(),
});

export const personDetailOut = personSummaryOut
  .extend({
    bio: z.string().nullable(),
    links: z.array(z.string()),
    languages: z.array(z.string()),
    notes: z.array(noteOut),
    explanations: scoreExplanations.nullable(),
    merges: z.array(
      z.object({
        id: z.string(),
        mergedPersonId: z.string(),
        mergedName: z.string().nullable(),
        reasons: z.array(z.object({ code: z.string(), detail: z.string() })),
        createdAt: z.string(),
        undoneAt: z.string().nullable(),
      }),
    ),
    conversations: z.array(
      z.object({ id: z.string(), subject: z.string(), status: z.string(), lastInboundAt: z.string() }),
    ),
  })
  .meta({ id: 'PersonDetail' });

export const activityOut = z
  .object({
    id: z.string(),
    type: z.enum(ACTIVITY_TYPES),
    network: z.string(),
    occurredAt: z.string(),
    text: z.string().nullable(),
    handle: z.string().nullable(),
    targetHandle: z.string().nullable(),
    sentiment: z.string().nullable(),
    intents: z.array(z.string()),
    spam: z.boolean(),
    offensive: z.boolean(),
    mentionId: z.string().nullable(),
    conversationId: z.string().nullable(),
    url: z.string().nullable(),
  })
  .meta({ id: 'Activity' });

export const activityImportReportOut = z
  .object({
    read: z.number(),
    imported: z.number(),
    duplicates: z.number(),
    forgotten: z.number(),
    own: z.number(),
    refused: z.array(z.object({ line: z.number(), reason: z.string() })),
  })
  .meta({ id: 'ActivityImportReport' });

/** An instant in a query or body: ISO-8601 with an offset. */
export const instant = z.iso.datetime({ offset: true });

export const peopleQuery = z.object({
  sort: z.enum(PEOPLE_SORTS).optional(),
  stage: z.enum(RELATIONSHIP_STAGES).optional(),
  tag: z.string().trim().min(1).max(50).optional(),
  network: z.string().trim().min(1).max(40).optional(),
  level: z.enum(ENGAGEMENT_LEVELS).optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().max(500).optional(),
  asOf: instant.optional().describe('scores computed as of this instant, from the activities before it'),
});

export const personChanges = z
  .object({
    displayName: z.string().trim().min(1).max(200),
    stage: z.enum(RELATIONSHIP_STAGES),
    nextStep: z.string().trim().max(500).nullable(),
    nextStepDue: instant.nullable(),
    tags: z.array(z.string().trim().min(1).max(50)).max(30),
    ownerId: z.string().min(1).max(64).nullable(),
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'Give at least one change');
export type PersonChanges = z.infer<typeof personChanges>;
