/** The inbox's HTTP shapes (zod, in the OpenAPI document). */
import { z } from 'zod';
import { CONVERSATION_STATUSES } from './conversations.service.js';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time like 09:00' });

export const businessHoursSchema = z
  .object({ days: z.array(z.number().int().min(1).max(7)).max(7), start: hhmm, end: hhmm })
  .refine((hours) => hours.end > hours.start, { message: 'end must be after start', path: ['end'] });

const reasonOut = z.object({
  code: z.string(),
  points: z.number(),
  detail: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
});

export const conversationOut = z
  .object({
    id: z.string(),
    network: z.string(),
    accountId: z.string().nullable(),
    status: z.enum(CONVERSATION_STATUSES),
    snoozedUntil: z.string().nullable(),
    assignee: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
    team: z.object({ id: z.string(), name: z.string() }).nullable(),
    priority: z.object({ score: z.number(), reasons: z.array(reasonOut) }),
    sla: z
      .object({
        target: z.enum(['first_response', 'next_response']),
        dueAt: z.string(),
        overdue: z.boolean(),
      })
      .nullable(),
    subject: z.string(),
    author: z.object({
      handle: z.string().nullable(),
      name: z.string().nullable(),
      followers: z.number().nullable(),
    }),
    sentiment: z.string().nullable(),
    intents: z.array(z.string()),
    tags: z.array(z.string()),
    spam: z.boolean(),
    messageCount: z.number().int(),
    firstInboundAt: z.string(),
    lastInboundAt: z.string(),
    lastOutboundAt: z.string().nullable(),
    firstResponseAt: z.string().nullable(),
    awaitingSince: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Conversation' });

export const messageOut = z
  .object({
    id: z.string(),
    kind: z.enum(['inbound', 'reply', 'note']),
    status: z.enum(['received', 'sending', 'sent', 'failed', 'unknown', 'internal']),
    text: z.string(),
    authorHandle: z.string().nullable(),
    authorUserId: z.string().nullable(),
    url: z.string().nullable(),
    error: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: 'ConversationMessage' });

export const savedReplyOut = z
  .object({
    id: z.string(),
    name: z.string(),
    text: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'SavedReply' });

export const inboxSettingsOut = z
  .object({
    firstResponseMinutes: z.number().int(),
    nextResponseMinutes: z.number().int(),
    businessHours: businessHoursSchema,
    timeZone: z.string(),
    onDuty: z.array(z.string()),
  })
  .meta({ id: 'InboxSettings' });
