/** A schedule refused by the guardrails: the server's 409 names each blocking rule as `check.<rule>`. */
import { isApiError } from '../api/errors';

export interface GuardrailsBlock {
  /** The server's summary ("The guardrails block this post (2 errors): …"). */
  message: string;
  findings: { rule: string; message: string }[];
}

/** The block in a failed schedule, queue or publish; null for any other failure. */
export function guardrailsBlockOf(error: unknown): GuardrailsBlock | null {
  if (!isApiError(error) || error.status !== 409) {
    return null;
  }
  const findings = error.fields
    .filter((field) => field.path.startsWith('check.'))
    .map((field) => ({ rule: field.path.slice('check.'.length), message: field.message }));
  return findings.length === 0 ? null : { message: error.message, findings };
}

/** The server's minimum for an override's reason (it goes into the audit log). */
export const MIN_OVERRIDE_REASON = 10;

export const isOverrideReason = (reason: string): boolean => reason.trim().length >= MIN_OVERRIDE_REASON;
