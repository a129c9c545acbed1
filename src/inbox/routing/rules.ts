/**
 * Routing rules, pure: when (the facts of a new conversation) → then (what to do). Every condition a
 * rule states must hold (lists: any of them); a rule with no condition applies to everything.
 */
import { z } from 'zod';
import { INTENT_LABELS, type IntentLabel } from '../../analysis/types.js';

const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;

export const ruleConditionsSchema = z
  .object({
    networks: z.array(z.string().trim().toLowerCase().min(1).max(40)).max(10),
    languages: z
      .array(
        z
          .string()
          .trim()
          .toLowerCase()
          .regex(/^[a-z]{2,3}$/, { message: 'must be a language code like fr' }),
      )
      .max(20),
    sentiments: z.array(z.enum(SENTIMENTS)).max(3),
    intents: z.array(z.enum(INTENT_LABELS)).max(INTENT_LABELS.length),
    /** Saved queries (ids): the first message matched one of them. */
    queryIds: z.array(z.string().min(1).max(64)).max(20),
    accountIds: z.array(z.string().min(1).max(64)).max(20),
    minFollowers: z.number().int().min(0),
  })
  .partial()
  .strict();

export const ruleActionsSchema = z
  .object({
    addTags: z.array(z.string().trim().min(1).max(50)).max(10),
    /** A member's user id, or the members on duty in turn. */
    assign: z.union([
      z.object({ userId: z.string().min(1).max(64) }),
      z.object({ roundRobin: z.literal(true) }),
    ]),
    /** A department: the team in charge. */
    assignTeam: z.string().min(1).max(64),
    raisePriority: z.number().int().min(1).max(100),
    notifyDepartmentId: z.string().min(1).max(64),
    markSpam: z.literal(true),
    close: z.literal(true),
  })
  .partial()
  .strict()
  .refine((actions) => Object.keys(actions).length > 0, { message: 'A rule needs at least one action' });

export type RuleConditions = z.infer<typeof ruleConditionsSchema>;
export type RuleActions = z.infer<typeof ruleActionsSchema>;

/** What rules look at: the conversation's first message as analysed and matched. */
export interface ConversationFacts {
  network: string;
  language: string;
  sentiment: (typeof SENTIMENTS)[number] | null;
  intents: readonly IntentLabel[];
  queryIds: readonly string[];
  accountId: string;
  followers: number | null;
}

export function conditionsHold(conditions: RuleConditions, facts: ConversationFacts): boolean {
  const anyOf = <T>(wanted: readonly T[] | undefined, has: (value: T) => boolean): boolean =>
    wanted === undefined || wanted.length === 0 || wanted.some(has);
  return (
    anyOf(conditions.networks, (network) => network === facts.network) &&
    anyOf(conditions.languages, (language) => language === facts.language) &&
    anyOf(conditions.sentiments, (sentiment) => sentiment === facts.sentiment) &&
    anyOf(conditions.intents, (intent) => facts.intents.includes(intent)) &&
    anyOf(conditions.queryIds, (id) => facts.queryIds.includes(id)) &&
    anyOf(conditions.accountIds, (id) => id === facts.accountId) &&
    (conditions.minFollowers === undefined || (facts.followers ?? 0) >= conditions.minFollowers)
  );
}
