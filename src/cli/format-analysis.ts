import type { Analysis } from '../analysis/types.js';

const percent = (value: number): string => `${Math.round(value * 100)} %`;
const list = (values: string[]): string => (values.length > 0 ? values.join(', ') : '—');

/** A readable summary of one analysis, for `hearth analyze TEXT`. */
export function formatAnalysis(analysis: Analysis): string {
  const { sentiment } = analysis;
  const lines = [
    `Language      ${analysis.language} (${percent(analysis.languageConfidence)})`,
    `Sentiment     ${sentiment.label} (negative ${percent(sentiment.scores.negative)}, neutral ${percent(sentiment.scores.neutral)}, positive ${percent(sentiment.scores.positive)})`,
    `Offensive     ${analysis.offensive.label === 'offensive' ? 'yes' : 'no'} (${percent(analysis.offensive.score)})`,
    `Spam          ${analysis.spam.label === 'spam' ? 'yes' : 'no'} (${percent(analysis.spam.score)})`,
    `Intents       ${analysis.intents.length > 0 ? analysis.intents.map((i) => `${i.label} (${percent(i.score)})`).join(', ') : '—'}`,
    `Keywords      ${list(analysis.keywords)}`,
    `Hashtags      ${list(analysis.hashtags)}`,
    `Mentions      ${list(analysis.mentions)}`,
    `Links         ${list(analysis.urls)}`,
  ];
  if (analysis.named.length > 0) {
    lines.push(`Named things  ${analysis.named.map((n) => `${n.name} (${n.kind})`).join(', ')}`);
  }
  lines.push(`Models        ${analysis.modelVersion}`);
  return `${lines.join('\n')}\n`;
}
