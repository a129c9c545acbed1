/** Words for values the server may extend (activity types, conversation statuses, merge reasons). */
import type { TFunction } from 'i18next';
import { ACTIVITY_TYPES, type ActivityType } from './community.api';

const isActivityType = (type: string): type is ActivityType =>
  (ACTIVITY_TYPES as readonly string[]).includes(type);

/** An activity type in words; a type this UI does not know is shown as the server names it. */
export const activityTypeLabel = (t: TFunction, type: string): string =>
  isActivityType(type) ? t(`community.activityTypes.${type}`) : type;

export const MERGE_REASON_CODES = [
  'same-link',
  'same-name-and-avatar',
  'same-name-and-handle',
  'cross-posting',
  'same-name',
  'manual',
] as const;
type MergeReasonCode = (typeof MERGE_REASON_CODES)[number];

const isReasonCode = (code: string): code is MergeReasonCode =>
  (MERGE_REASON_CODES as readonly string[]).includes(code);

/** The kind of a merge reason in words (its detail, from the server, says the rest). */
export const mergeReasonLabel = (t: TFunction, code: string): string =>
  isReasonCode(code) ? t(`community.mergeReasons.${code}`) : code;

export const CONVERSATION_STATUSES = ['open', 'pending', 'snoozed', 'closed'] as const;
type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export const conversationStatusLabel = (t: TFunction, status: string): string =>
  (CONVERSATION_STATUSES as readonly string[]).includes(status)
    ? t(`community.conversationStatus.${status as ConversationStatus}`)
    : status;
