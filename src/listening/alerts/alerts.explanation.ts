/**
 * What a fired alert keeps to explain itself (stored as JSON), and the same in English words for the
 * e-mail, the webhook and the CLI (the web app renders it in the reader's language from the numbers).
 */
import type { SavedQueryTag } from '../../db/schema.js';
import type { SpikeVerdict, SurgeVerdict } from './alerts.maths.js';
import type { MentionSampleRow } from './alerts.repo.js';

// A type, not an interface: the API's response schema takes it as a record.
export type MentionSample = {
  id: string;
  network: string;
  author: string | null;
  authorName: string | null;
  followers: number | null;
  /** At most SAMPLE_TEXT characters. */
  text: string;
  url: string | null;
  createdAt: string;
  sentiment: string | null;
};

export type Explanation =
  | (SpikeVerdict & { samples: MentionSample[] })
  | (SurgeVerdict & { samples: MentionSample[] })
  | { kind: 'high_reach'; followers: number; threshold: number; mention: MentionSample }
  | {
      kind: 'opportunity';
      intent: 'question' | 'complaint';
      query: { id: string; name: string; tag: SavedQueryTag };
      mention: MentionSample;
    };

const SAMPLE_TEXT = 280;

export function sampleOf(row: MentionSampleRow): MentionSample {
  return {
    id: row.id,
    network: row.network,
    author: row.author_handle,
    authorName: row.author_name,
    followers: row.author_followers,
    text: row.text.length > SAMPLE_TEXT ? `${row.text.slice(0, SAMPLE_TEXT - 1)}…` : row.text,
    url: row.url,
    createdAt: row.created_at,
    sentiment: row.sentiment,
  };
}

const n2 = (value: number | null): string =>
  value === null ? '–' : Number.isInteger(value) ? String(value) : value.toFixed(2);
const pct = (value: number | null): string => (value === null ? '–' : `${(value * 100).toFixed(1)} %`);
const utc = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
const span = (start: string, end: string): string => `${utc(start)} – ${end.slice(11, 16)} UTC`;
const who = (sample: MentionSample): string => (sample.author ? `@${sample.author}` : 'an unknown author');

/** A one-line title. */
export function titleOf(ruleName: string, explanation: Explanation): string {
  switch (explanation.kind) {
    case 'volume_spike':
      return `${ruleName}: ${explanation.observed} mentions in ${explanation.windowHours} h, usually ${n2(explanation.mean)} (z = ${n2(explanation.z)})`;
    case 'negative_surge':
      return `${ruleName}: ${pct(explanation.share)} negative mentions, usually ${pct(explanation.baselineShare)}`;
    case 'high_reach':
      return `${ruleName}: ${who(explanation.mention)} (${explanation.followers.toLocaleString('en')} followers) mentioned you`;
    case 'opportunity':
      return `${ruleName}: a ${explanation.intent} on "${explanation.query.name}" by ${who(explanation.mention)}`;
  }
}

function baselineLines(explanation: SpikeVerdict | SurgeVerdict): string[] {
  const used = explanation.weeks.filter((week) => week.used);
  const lines = [
    `Baseline: the same ${explanation.windowHours} h window on the same weekday in ${explanation.weeksUsed} of the previous ${explanation.weeksWanted} weeks` +
      (used.length > 0
        ? ` (${used.map((week) => `${week.start.slice(0, 10)}: ${explanation.kind === 'negative_surge' ? `${week.negative}/${week.total}` : week.total}`).join(', ')}).`
        : '.'),
  ];
  if (explanation.weeksUsed < explanation.weeksWanted) {
    lines.push(
      `${explanation.weeksWanted - explanation.weeksUsed} earlier weeks fall before the first stored mention and were not used.`,
    );
  }
  return lines;
}

/** The explanation in sentences: the numbers, the thresholds, the samples. */
export function linesOf(explanation: Explanation): string[] {
  switch (explanation.kind) {
    case 'volume_spike': {
      const lines = [
        `Window: ${span(explanation.windowStart, explanation.windowEnd)}: ${explanation.observed} mentions.`,
        ...baselineLines(explanation),
      ];
      lines.push(
        explanation.sdWasZero
          ? `Baseline mean ${n2(explanation.mean)}, standard deviation 0 (it never varied), so z divides by max(1, √mean) = ${n2(explanation.spread)}.`
          : `Baseline mean ${n2(explanation.mean)}, standard deviation ${n2(explanation.sd)}.`,
        `z = (${explanation.observed} − ${n2(explanation.mean)}) / ${n2(explanation.spread)} = ${n2(explanation.z)}; the rule fires at z ≥ ${explanation.thresholds.z} with at least ${explanation.thresholds.minVolume} mentions.`,
      );
      return [...lines, ...sampleLines(explanation.samples)];
    }
    case 'negative_surge': {
      const lines = [
        `Window: ${span(explanation.windowStart, explanation.windowEnd)}: ${explanation.negative} negative of ${explanation.observed} mentions (${pct(explanation.share)}).`,
        ...baselineLines(explanation),
        `Baseline share: ${explanation.baselineNegative} of ${explanation.baselineTotal} = ${pct(explanation.baselineShare)}` +
          (explanation.baselineShareUsed !== explanation.baselineShare
            ? ` (taken as ${pct(explanation.baselineShareUsed)}, the 1 % floor).`
            : '.'),
        `z = (share − baseline) / √(baseline × (1 − baseline) / ${explanation.observed}) = ${n2(explanation.z)}; ratio ${n2(explanation.ratio)}×. ` +
          `The rule fires at z ≥ ${explanation.thresholds.z} and ratio ≥ ${explanation.thresholds.minRatio} with at least ${explanation.thresholds.minMentions} mentions.`,
      ];
      return [...lines, ...sampleLines(explanation.samples)];
    }
    case 'high_reach':
      return [
        `${who(explanation.mention)} has ${explanation.followers.toLocaleString('en')} followers (threshold ${explanation.threshold.toLocaleString('en')}).`,
        ...sampleLines([explanation.mention]),
      ];
    case 'opportunity':
      return [
        explanation.intent === 'question'
          ? `A question matched the ${explanation.query.tag} query "${explanation.query.name}": someone is asking about your field.`
          : `A complaint matched the competitor query "${explanation.query.name}": a customer of theirs is unhappy.`,
        ...sampleLines([explanation.mention]),
      ];
  }
}

function sampleLines(samples: readonly MentionSample[]): string[] {
  return samples.map(
    (sample) =>
      `• ${who(sample)} on ${sample.network}, ${utc(sample.createdAt)}: "${sample.text}"${sample.url ? ` ${sample.url}` : ''}`,
  );
}
