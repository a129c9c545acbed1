/** The voice profile: how a brand (workspace) or one of its accounts writes. */
import { z } from 'zod';

export const bannedTermSchema = z.object({
  term: z.string().min(1),
  replacement: z.string().optional(),
  reason: z.string().optional(),
});

export const voiceProfileSchema = z.object({
  /** French: vous (formal) or tu (informal); English formal: no contractions nor slang. */
  formality: z.enum(['formal', 'informal', 'any']).optional(),
  /** none: no emoji; few: at most 2; free: no limit. */
  emoji: z.enum(['none', 'few', 'free']).optional(),
  maxExclamations: z.number().int().min(0).optional(),
  bannedTerms: z.array(bannedTermSchema).optional(),
  disclosure: z.object({ required: z.boolean(), tags: z.array(z.string().min(1)).optional() }).optional(),
  readingLevel: z.object({ maxGrade: z.number().positive() }).optional(),
});

export type BannedTerm = z.infer<typeof bannedTermSchema>;
export type VoiceProfile = z.infer<typeof voiceProfileSchema>;

/** The profile an account writes with: the account's fields replace the workspace's; banned terms add up. */
export function mergeVoiceProfiles(
  workspace: VoiceProfile,
  accountOverride: VoiceProfile | undefined,
): VoiceProfile {
  if (!accountOverride) {
    return { ...workspace };
  }
  const merged: VoiceProfile = { ...workspace };
  for (const [key, value] of Object.entries(accountOverride) as [keyof VoiceProfile, unknown][]) {
    if (value !== undefined && key !== 'bannedTerms') {
      Object.assign(merged, { [key]: value });
    }
  }
  const banned = [...(workspace.bannedTerms ?? []), ...(accountOverride.bannedTerms ?? [])];
  if (banned.length > 0) {
    merged.bannedTerms = banned;
  }
  return merged;
}
