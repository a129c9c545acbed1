/** Tone of replies: is a reply aggressive, defensive or sarcastic, or negative to a negative message? */
export {
  checkReplyTone,
  NEGATIVE_THRESHOLD,
  OFFENSIVE_THRESHOLD,
  type ReplyToneInput,
} from './check-reply-tone.js';
export { toneSignalsFrom, type SentimentScores, type ToneSignals } from './signals.js';
