/**
 * The analyzer: every analysis of a text in one call, sharing normalisation and features across the
 * heads. Pure: no database, no network. Load once (models and language data), then call `analyze`
 * as often as needed; a given model version gives the same answer for the same text.
 */
import { classify, loadModels } from './classifiers/index.js';
import { extractHashtags } from './extract/hashtags.js';
import { extractKeywords } from './extract/keywords.js';
import { extractMentions } from './extract/mentions.js';
import { findNamedThings } from './extract/named-things.js';
import { extractUrls } from './extract/urls.js';
import { detectIntents } from './intents/detect-intents.js';
import { detectLanguage, initLanguageDetector } from './language/detect-language.js';
import { extractFeatures } from './model/features.js';
import { normalizeForModel } from './text/normalize.js';
import type { Analysis, NamedThings } from './types.js';

export interface AnalyzeOptions {
  /** The workspace's brand, products and competitors to find. */
  named?: NamedThings;
  /** Skip detection when the language is already known (ISO 639-1). */
  language?: string;
}

export interface Analyzer {
  readonly modelVersion: string;
  analyze(text: string, options?: AnalyzeOptions): Analysis;
}

/** Loads the models (≤ 1 s) and returns a ready analyzer. `modelsDir` overrides the shipped models. */
export async function createAnalyzer(options: { modelsDir?: string } = {}): Promise<Analyzer> {
  await initLanguageDetector();
  const models = loadModels(options.modelsDir);
  return {
    modelVersion: models.version,
    analyze(text, analyzeOptions = {}) {
      const detected = analyzeOptions.language
        ? { language: analyzeOptions.language, confidence: 1 }
        : detectLanguage(text);
      const features = extractFeatures(normalizeForModel(text));
      const { sentiment, offensive, spam } = classify(models, features, detected.language, text);
      return {
        language: detected.language,
        languageConfidence: detected.confidence,
        sentiment,
        offensive,
        spam,
        intents: detectIntents({ text, language: detected.language, sentiment: sentiment.scores }),
        keywords: extractKeywords(text, detected.language),
        hashtags: extractHashtags(text),
        mentions: extractMentions(text),
        urls: extractUrls(text),
        named: analyzeOptions.named ? findNamedThings(text, analyzeOptions.named) : [],
        modelVersion: models.version,
      };
    },
  };
}
