/**
 * The intent scorer's parameters, in one place. Each label's score is a logistic over the cue
 * features: p = 1 / (1 + e^-(bias + Σ weight·feature)). The weights are set by hand, not fitted:
 * no public data set labels these six intents on social posts in French and English, and the only
 * complaint data (twitter-complaints) may not train a shipped model. They read as log-odds: a
 * strong cue alone (≈ +3 to +4.5 against a bias of ≈ −3) gives 0.55–0.8; a contradicting cue
 * (praise in a complaint, "really?!" after a question mark) pulls it back under the threshold.
 */
import type { IntentLabel } from '../types.js';
import type { IntentFeatureName } from './features.js';

export interface LabelWeights {
  bias: number;
  weights: Partial<Record<IntentFeatureName, number>>;
}

export const INTENT_WEIGHTS: Record<IntentLabel, LabelWeights> = {
  question: {
    bias: -3,
    weights: { questionMark: 4.5, questionOpener: 3.6, questionEmbedded: 3.2, rhetorical: -4, interrobang: -1.5 },
  },
  complaint: {
    // Negative sentiment alone is not a complaint (bad news, a sad day); with a cue or blame it is.
    bias: -3.2,
    weights: {
      complaintStrong: 3,
      complaintWaited: 1,
      complaintBlame: 1,
      negative: 3,
      positive: -1.5,
      praiseStrong: -1.2,
      praiseLitotes: -1.5,
      praiseNegated: 2.5,
      rhetorical: 1.5,
      interrobang: 0.8,
      supportStrong: 0.4,
    },
  },
  praise: {
    bias: -3,
    weights: {
      praiseStrong: 3.2,
      praiseWeak: 1,
      praiseNegated: -3.5,
      praiseLitotes: 3,
      positive: 2.5,
      negative: -2.5,
      complaintStrong: -1.5,
      featureStrong: -1,
      questionMark: -0.5,
    },
  },
  purchase_intent: {
    bias: -3.2,
    weights: {
      purchaseStrong: 4,
      purchaseWeak: 1.2,
      questionMark: 0.8,
      questionOpener: 0.4,
      complaintStrong: -1,
      supportStrong: -0.8,
      featureStrong: -0.6,
    },
  },
  feature_request: {
    bias: -3.2,
    weights: { featureStrong: 4.2, featureWeak: 1.4, questionMark: 0.2, complaintStrong: -0.6, supportStrong: -0.6 },
  },
  support_request: {
    // A complaint about one's own order is also a request to fix it: both labels may apply.
    bias: -3,
    weights: {
      supportStrong: 3.2,
      supportWeak: 1,
      supportQuestion: 1.8,
      questionMark: 0.8,
      questionOpener: 0.6,
      complaintStrong: 0.8,
      complaintWaited: 0.6,
      negative: 0.6,
      praiseStrong: -1.5,
      purchaseStrong: -0.8,
      featureStrong: -1,
    },
  },
};

/**
 * A label is returned when its score reaches its threshold. All are 0.5, the point where the
 * log-odds above say "more likely than not"; they were not tuned on twitter-complaints (evaluation
 * only). Raise one to trade recall for precision in a given routing rule.
 */
export const INTENT_THRESHOLDS: Record<IntentLabel, number> = {
  question: 0.5,
  complaint: 0.5,
  praise: 0.5,
  purchase_intent: 0.5,
  feature_request: 0.5,
  support_request: 0.5,
};

/** Version of the rules and weights; bump on any change that can move a score. */
export const INTENT_MODEL_VERSION = 'intents-rules-2026.1';
