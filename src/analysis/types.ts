/**
 * What Hearth knows about one text. The JSON shape is a public contract (CLI `hearth analyze
 * --jsonl`, `POST /api/v1/analyze`, stored with every ingested item): change it only additively.
 */

/** ISO 639-1 codes Hearth identifies; `und` when unsure. */
export type LanguageCode = 'fr' | 'en' | 'es' | 'de' | 'it' | 'pt' | 'ar' | 'hi' | 'und' | (string & {});

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export const INTENT_LABELS = ['question', 'complaint', 'praise', 'purchase_intent', 'feature_request', 'support_request'] as const;
export type IntentLabel = (typeof INTENT_LABELS)[number];

export interface Scored<L extends string> {
  label: L;
  /** Probability in [0, 1]. */
  score: number;
}

/** A named thing of the workspace (brand, product, competitor) found in the text. */
export interface NamedThingMatch {
  kind: 'brand' | 'product' | 'competitor';
  /** The canonical name from the workspace settings. */
  name: string;
  /** Character span in the original text, [start, end). */
  start: number;
  end: number;
}

export interface Analysis {
  language: LanguageCode;
  languageConfidence: number;
  sentiment: { label: SentimentLabel; scores: Record<SentimentLabel, number> };
  offensive: { label: 'offensive' | 'not_offensive'; score: number };
  spam: { label: 'spam' | 'not_spam'; score: number };
  /** The intents that apply (score above the label's threshold), highest first; may be empty. */
  intents: Scored<IntentLabel>[];
  keywords: string[];
  hashtags: string[];
  mentions: string[];
  urls: string[];
  named: NamedThingMatch[];
  /** Version of the models that produced this, e.g. "2026.11.1": deterministic per version. */
  modelVersion: string;
}

/** The workspace's named things, from its settings. */
export interface NamedThings {
  brand?: string[];
  products?: string[];
  competitors?: string[];
}
