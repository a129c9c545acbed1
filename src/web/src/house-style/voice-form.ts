/**
 * The voice profile as a form: every field present, "no rule" as its own choice. The profile sent
 * back leaves out what is not checked, since the server runs a rule only when its field is there.
 */
import { isApiError } from '../api/errors';
import type { EmojiPolicy, Formality, VoiceProfile } from './house-style.api';

export interface BannedTermRow {
  term: string;
  replacement: string;
  reason: string;
}

export interface VoiceFormValues {
  /** 'any' means no rule. */
  formality: Formality;
  /** 'free' means no rule. */
  emoji: EmojiPolicy;
  /** Empty: no limit. (A number input gives a string while it is being cleared.) */
  maxExclamations: number | string;
  bannedTerms: BannedTermRow[];
  /** Disclosure applies unless explicitly turned off: it is the law, not a matter of taste. */
  disclosureRequired: boolean;
  disclosureTags: string[];
  /** Empty: no target. */
  maxGrade: number | string;
}

export const emptyBannedTerm = (): BannedTermRow => ({ term: '', replacement: '', reason: '' });

export function toVoiceForm(voice: VoiceProfile): VoiceFormValues {
  return {
    formality: voice.formality ?? 'any',
    emoji: voice.emoji ?? 'free',
    maxExclamations: voice.maxExclamations ?? '',
    bannedTerms: (voice.bannedTerms ?? []).map((banned) => ({
      term: banned.term,
      replacement: banned.replacement ?? '',
      reason: banned.reason ?? '',
    })),
    disclosureRequired: voice.disclosure?.required ?? true,
    disclosureTags: voice.disclosure?.tags ?? [],
    maxGrade: voice.readingLevel?.maxGrade ?? '',
  };
}

const isBlankRow = (row: BannedTermRow): boolean =>
  row.term.trim() === '' && row.replacement.trim() === '' && row.reason.trim() === '';

/** The number typed in a number input, or undefined when it is empty or not a number. */
function numberOf(value: number | string): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : undefined;
  }
  const parsed = value.trim() === '' ? Number.NaN : Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

export function fromVoiceForm(values: VoiceFormValues): VoiceProfile {
  const voice: VoiceProfile = {};
  if (values.formality !== 'any') {
    voice.formality = values.formality;
  }
  if (values.emoji !== 'free') {
    voice.emoji = values.emoji;
  }
  const maxExclamations = numberOf(values.maxExclamations);
  if (maxExclamations !== undefined) {
    voice.maxExclamations = maxExclamations;
  }
  const bannedTerms = values.bannedTerms
    .filter((row) => !isBlankRow(row))
    .map((row) => ({
      term: row.term.trim(),
      ...(row.replacement.trim() !== '' ? { replacement: row.replacement.trim() } : {}),
      ...(row.reason.trim() !== '' ? { reason: row.reason.trim() } : {}),
    }));
  if (bannedTerms.length > 0) {
    voice.bannedTerms = bannedTerms;
  }
  const tags = [...new Set(values.disclosureTags.map((tag) => tag.trim()).filter((tag) => tag !== ''))];
  if (!values.disclosureRequired || tags.length > 0) {
    voice.disclosure = { required: values.disclosureRequired, ...(tags.length > 0 ? { tags } : {}) };
  }
  const maxGrade = numberOf(values.maxGrade);
  if (maxGrade !== undefined) {
    voice.readingLevel = { maxGrade };
  }
  return voice;
}

/** Client-side checks, keyed by form path, with the messages given (already translated). */
export function validateVoiceForm(
  values: VoiceFormValues,
  messages: { required: string; wholeNumber: string; positive: string },
): Record<string, string> {
  const errors: Record<string, string> = {};
  const exclamations = numberOf(values.maxExclamations);
  if (exclamations !== undefined && (!Number.isInteger(exclamations) || exclamations < 0)) {
    errors.maxExclamations = messages.wholeNumber;
  }
  const grade = numberOf(values.maxGrade);
  if (grade !== undefined && grade <= 0) {
    errors.maxGrade = messages.positive;
  }
  values.bannedTerms.forEach((row, index) => {
    if (!isBlankRow(row) && row.term.trim() === '') {
      errors[`bannedTerms.${index}.term`] = messages.required;
    }
  });
  return errors;
}

/** Where the server's field paths (`body.readingLevel.maxGrade`) land in the form. */
const FORM_PATHS: readonly [RegExp, (match: RegExpExecArray) => string][] = [
  [/^(formality|emoji|maxExclamations)\b/, (m) => m[1] ?? ''],
  [/^bannedTerms\.(\d+)\.(term|replacement|reason)\b/, (m) => `bannedTerms.${m[1]}.${m[2]}`],
  [/^bannedTerms\b/, () => 'bannedTerms'],
  [/^disclosure\.tags\b/, () => 'disclosureTags'],
  [/^disclosure\b/, () => 'disclosureRequired'],
  [/^readingLevel\b/, () => 'maxGrade'],
];

/** The API's validation errors keyed by form path; paths the form does not show are dropped. */
export function voiceFieldErrors(error: unknown): Record<string, string> {
  if (!isApiError(error)) {
    return {};
  }
  const result: Record<string, string> = {};
  for (const { path, message } of error.fields) {
    const local = path.replace(/^body\.?/, '');
    for (const [pattern, toField] of FORM_PATHS) {
      const match = pattern.exec(local);
      if (match) {
        const field = toField(match);
        result[field] ??= message;
        break;
      }
    }
  }
  return result;
}
