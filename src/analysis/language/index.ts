/** Language identification for short social texts: which language a mention is written in. */
export { detectLanguage, initLanguageDetector, type LanguageGuess } from './detect-language.js';
export { loadNgramModel as loadLanguageModel } from './ngram-scorer.js';
export { decodeUnicodeEscapes } from './clean-for-language.js';
export { HEARTH_LANGUAGES, type HearthLanguage } from './languages.js';
export {
  evaluateLanguageDetector,
  type LanguageEvaluation,
  type LanguageSample,
} from './evaluate-language.js';
