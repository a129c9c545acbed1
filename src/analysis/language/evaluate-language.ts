/**
 * Scores a language detector on labelled texts: accuracy per language, over the main languages,
 * and throughput. Pure; scripts/eval-language.ts and the analysis benchmark feed it real data.
 */

export interface LanguageSample {
  /** Expected ISO 639-1 code. */
  language: string;
  text: string;
}

export interface LanguageEvaluation {
  /** Correct answers / texts, per expected language. */
  perLanguage: Record<string, { correct: number; total: number; accuracy: number }>;
  /** Accuracy over every sample whose language is not in `apart`. */
  overall: number;
  total: number;
  textsPerSecond: number;
}

/** Evaluates `detect` (which returns a language code) on `samples`; languages in `apart` stay out of `overall`. */
export function evaluateLanguageDetector(
  detect: (text: string) => string,
  samples: readonly LanguageSample[],
  apart: readonly string[] = ['hi'],
): LanguageEvaluation {
  const perLanguage: LanguageEvaluation['perLanguage'] = {};
  const predictions: string[] = new Array<string>(samples.length);
  const started = performance.now();
  for (let i = 0; i < samples.length; i++) {
    predictions[i] = detect((samples[i] as LanguageSample).text);
  }
  const seconds = (performance.now() - started) / 1000;
  let correct = 0;
  let total = 0;
  samples.forEach((sample, i) => {
    const entry = (perLanguage[sample.language] ??= { correct: 0, total: 0, accuracy: 0 });
    const right = predictions[i] === sample.language;
    entry.total++;
    entry.correct += right ? 1 : 0;
    if (!apart.includes(sample.language)) {
      total++;
      correct += right ? 1 : 0;
    }
  });
  for (const entry of Object.values(perLanguage)) {
    entry.accuracy = entry.total === 0 ? 0 : entry.correct / entry.total;
  }
  return {
    perLanguage,
    overall: total === 0 ? 0 : correct / total,
    total: samples.length,
    textsPerSecond: seconds === 0 ? Infinity : samples.length / seconds,
  };
}
