/** Checks a text against a voice profile: formality, emoji, exclamations, vocabulary, disclosure, reading level. */
import type { CheckLanguage, Finding } from '../types.js';
import { checkBannedTerms } from './banned-terms.js';
import { checkDisclosure } from './disclosure.js';
import { checkEmoji } from './emoji.js';
import { checkExclamations } from './exclamations.js';
import { fold } from '../text/folded-text.js';
import { checkFormality } from './formality.js';
import type { VoiceProfile } from './profile.js';
import { checkReadingLevel } from './reading-level.js';

export interface VoiceCheckInput {
  text: string;
  language: CheckLanguage;
  profile: VoiceProfile;
  /** The post is a paid or gifted partnership: it must be disclosed. */
  partnership?: boolean;
}

/** Voice findings, in text order; a rule whose profile field is absent does not run. */
export function checkVoice(input: VoiceCheckInput): Finding[] {
  const { text, language, profile } = input;
  const folded = fold(text);
  const findings: Finding[] = [];
  if (profile.formality !== undefined) {
    findings.push(...checkFormality(text, folded, language, profile.formality));
  }
  if (profile.emoji !== undefined) {
    findings.push(...checkEmoji(text, profile.emoji));
  }
  if (profile.maxExclamations !== undefined) {
    findings.push(...checkExclamations(text, profile.maxExclamations));
  }
  if (profile.bannedTerms !== undefined && profile.bannedTerms.length > 0) {
    findings.push(...checkBannedTerms(text, folded, profile.bannedTerms));
  }
  // Disclosure is the law, not a matter of taste: only an explicit `required: false` turns it off.
  if (input.partnership === true && profile.disclosure?.required !== false) {
    findings.push(...checkDisclosure(text, language, profile.disclosure?.tags));
  }
  if (profile.readingLevel !== undefined) {
    findings.push(...checkReadingLevel(text, language, profile.readingLevel.maxGrade));
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}
