/** Voice: does a text sound like the brand (or the account) that publishes it? */
export { checkVoice, type VoiceCheckInput } from './check-voice.js';
export {
  mergeVoiceProfiles,
  voiceProfileSchema,
  bannedTermSchema,
  type VoiceProfile,
  type BannedTerm,
} from './profile.js';
export { readingGrade, countSyllables } from './reading-level.js';
export { findEmoji } from './emoji.js';
