/** The intent detector's evidence for one text: which cue lists fire, plus the sentiment. */
import { compileCues } from './cue-matcher.js';
import { COMPLAINT_BLAME, COMPLAINT_STRONG, COMPLAINT_WAITED } from './lexicons/complaint.js';
import { FEATURE_STRONG, FEATURE_WEAK } from './lexicons/feature.js';
import { PRAISE_LITOTES, PRAISE_NEGATED, PRAISE_STRONG, PRAISE_WEAK } from './lexicons/praise.js';
import { PURCHASE_STRONG, PURCHASE_WEAK } from './lexicons/purchase.js';
import { QUESTION_EMBEDDED, QUESTION_OPENERS, RHETORICAL } from './lexicons/question.js';
import { SUPPORT_STRONG, SUPPORT_WEAK } from './lexicons/support.js';

/** Sentiment probabilities, as the sentiment model gives them. */
export interface SentimentScores {
  negative: number;
  neutral: number;
  positive: number;
}

const CUES = {
  questionOpener: compileCues(QUESTION_OPENERS, 'clause'),
  questionEmbedded: compileCues(QUESTION_EMBEDDED),
  rhetorical: compileCues(RHETORICAL),
  complaintStrong: compileCues(COMPLAINT_STRONG),
  complaintWaited: compileCues(COMPLAINT_WAITED),
  complaintBlame: compileCues(COMPLAINT_BLAME),
  praiseStrong: compileCues(PRAISE_STRONG),
  praiseWeak: compileCues(PRAISE_WEAK),
  praiseNegated: compileCues(PRAISE_NEGATED),
  praiseLitotes: compileCues(PRAISE_LITOTES),
  purchaseStrong: compileCues(PURCHASE_STRONG),
  purchaseWeak: compileCues(PURCHASE_WEAK),
  featureStrong: compileCues(FEATURE_STRONG),
  featureWeak: compileCues(FEATURE_WEAK),
  supportStrong: compileCues(SUPPORT_STRONG),
  supportWeak: compileCues(SUPPORT_WEAK),
} as const;

type CueName = keyof typeof CUES;
const CUE_NAMES = Object.keys(CUES) as CueName[];

const QUESTION_MARK = /\?/;
// "?!" and "!?" vent more often than they ask.
const INTERROBANG = /\?\s*!|!\s*\?/;

/** Feature name → value: 0/1 for cues, probabilities for the sentiment. */
export type IntentFeatures = Record<CueName | 'questionMark' | 'interrobang' | 'supportQuestion' | 'negative' | 'positive', number>;
export type IntentFeatureName = keyof IntentFeatures;

/** Evaluates every cue list once on the normalised text. */
export function extractIntentFeatures(normalized: string, language: string, sentiment: SentimentScores): IntentFeatures {
  const features = {
    questionMark: QUESTION_MARK.test(normalized) ? 1 : 0,
    interrobang: INTERROBANG.test(normalized) ? 1 : 0,
    supportQuestion: 0,
    negative: clampProbability(sentiment.negative),
    positive: clampProbability(sentiment.positive),
  } as IntentFeatures;
  for (const name of CUE_NAMES) {
    features[name] = CUES[name].test(normalized, language) ? 1 : 0;
  }
  // A question about one's account, card or order is a support request even without "help".
  features.supportQuestion = features.supportWeak * Math.max(features.questionMark, features.questionOpener);
  return features;
}

function clampProbability(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}
