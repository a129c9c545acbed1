/**
 * An alert's explanation as lines to translate: each line a key of `alerts.explain` and its values,
 * numbers already formatted for the reader's language. Pure, so the words are tested without React.
 */
import type { BaselineWeek, Explanation } from './alerts.api';

export type ExplainKey =
  | 'spikeWindow'
  | 'surgeWindow'
  | 'baseline'
  | 'weeksMissing'
  | 'tooLittleHistory'
  | 'spikeStats'
  | 'spikeStatsFlat'
  | 'spikeZ'
  | 'surgeShare'
  | 'surgeShareFloored'
  | 'surgeZ'
  | 'highReach'
  | 'opportunityQuestion'
  | 'opportunityComplaint';

export interface ExplainLine {
  key: ExplainKey;
  values: Record<string, string>;
}

export interface Formatters {
  number: (value: number) => string;
  percent: (share: number) => string;
  date: (iso: string) => string;
  /** The day only (baseline weeks: the hour is the window's). */
  day: (iso: string) => string;
}

const dash = '–';

function baselineLines(
  weeks: BaselineWeek[],
  wanted: number,
  used: number,
  showNegatives: boolean,
  f: Formatters,
): ExplainLine[] {
  const list = weeks
    .filter((week) => week.used)
    .map(
      (week) =>
        `${f.day(week.start)}: ${showNegatives ? `${f.number(week.negative)}/${f.number(week.total)}` : f.number(week.total)}`,
    )
    .join(', ');
  const lines: ExplainLine[] = [
    {
      key: 'baseline',
      values: { used: f.number(used), wanted: f.number(wanted), weeks: list === '' ? dash : list },
    },
  ];
  if (used < wanted) {
    lines.push({ key: 'weeksMissing', values: { count: f.number(wanted - used) } });
  }
  return lines;
}

export function explanationLines(explanation: Explanation, f: Formatters): ExplainLine[] {
  const n = (value: number | null): string => (value === null ? dash : f.number(value));
  const pct = (value: number | null): string => (value === null ? dash : f.percent(value));
  switch (explanation.kind) {
    case 'volume_spike': {
      const lines: ExplainLine[] = [
        {
          key: 'spikeWindow',
          values: {
            start: f.date(explanation.windowStart),
            end: f.date(explanation.windowEnd),
            observed: n(explanation.observed),
          },
        },
        ...baselineLines(explanation.weeks, explanation.weeksWanted, explanation.weeksUsed, false, f),
      ];
      if (explanation.mean === null) {
        return [
          ...lines,
          { key: 'tooLittleHistory', values: { needed: n(explanation.thresholds.minBaselineWeeks) } },
        ];
      }
      lines.push(
        explanation.sdWasZero
          ? { key: 'spikeStatsFlat', values: { mean: n(explanation.mean), spread: n(explanation.spread) } }
          : { key: 'spikeStats', values: { mean: n(explanation.mean), sd: n(explanation.sd) } },
        {
          key: 'spikeZ',
          values: {
            observed: n(explanation.observed),
            mean: n(explanation.mean),
            spread: n(explanation.spread),
            z: n(explanation.z),
            threshold: n(explanation.thresholds.z),
            minVolume: n(explanation.thresholds.minVolume),
          },
        },
      );
      return lines;
    }
    case 'negative_surge': {
      const lines: ExplainLine[] = [
        {
          key: 'surgeWindow',
          values: {
            start: f.date(explanation.windowStart),
            end: f.date(explanation.windowEnd),
            negative: n(explanation.negative),
            observed: n(explanation.observed),
            share: pct(explanation.share),
          },
        },
        ...baselineLines(explanation.weeks, explanation.weeksWanted, explanation.weeksUsed, true, f),
      ];
      if (explanation.baselineShareUsed === null) {
        return explanation.outcome === 'too_little_history'
          ? [
              ...lines,
              { key: 'tooLittleHistory', values: { needed: n(explanation.thresholds.minBaselineWeeks) } },
            ]
          : lines;
      }
      lines.push(
        {
          key:
            explanation.baselineShareUsed === explanation.baselineShare ? 'surgeShare' : 'surgeShareFloored',
          values: {
            negative: n(explanation.baselineNegative),
            total: n(explanation.baselineTotal),
            share: pct(explanation.baselineShare),
            used: pct(explanation.baselineShareUsed),
          },
        },
        {
          key: 'surgeZ',
          values: {
            z: n(explanation.z),
            ratio: n(explanation.ratio),
            threshold: n(explanation.thresholds.z),
            minRatio: n(explanation.thresholds.minRatio),
            minMentions: n(explanation.thresholds.minMentions),
          },
        },
      );
      return lines;
    }
    case 'high_reach':
      return [
        {
          key: 'highReach',
          values: {
            author: explanation.mention.author ?? dash,
            followers: n(explanation.followers),
            threshold: n(explanation.threshold),
          },
        },
      ];
    case 'opportunity':
      return [
        explanation.intent === 'question'
          ? { key: 'opportunityQuestion', values: { query: explanation.query.name } }
          : { key: 'opportunityComplaint', values: { query: explanation.query.name } },
      ];
  }
}

/** Number formatting for a language: at most two decimals. */
export function formattersFor(language: string, timeZone: string | undefined): Formatters {
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
  const date = (iso: string): string => {
    try {
      return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
        new Date(iso),
      );
    } catch {
      return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(iso),
      );
    }
  };
  const day = (iso: string): string => {
    try {
      return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone }).format(new Date(iso));
    } catch {
      return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(iso));
    }
  };
  return { number: (value) => number.format(value), percent: (share) => percent.format(share), date, day };
}

export type TitleKey =
  'volume_spike' | 'negative_surge' | 'high_reach' | 'opportunity_question' | 'opportunity_complaint';

/** The alert's one-line title: a key of `alerts.titles` and its values. */
export function titleLine(
  explanation: Explanation,
  f: Formatters,
): { key: TitleKey; values: Record<string, string> } {
  const n = (value: number | null): string => (value === null ? dash : f.number(value));
  switch (explanation.kind) {
    case 'volume_spike':
      return {
        key: 'volume_spike',
        values: {
          observed: n(explanation.observed),
          hours: n(explanation.windowHours),
          mean: n(explanation.mean),
          z: n(explanation.z),
        },
      };
    case 'negative_surge':
      return {
        key: 'negative_surge',
        values: {
          share: explanation.share === null ? dash : f.percent(explanation.share),
          baseline: explanation.baselineShare === null ? dash : f.percent(explanation.baselineShare),
        },
      };
    case 'high_reach':
      return {
        key: 'high_reach',
        values: { author: authorOf(explanation.mention.author), followers: n(explanation.followers) },
      };
    case 'opportunity':
      return {
        key: explanation.intent === 'question' ? 'opportunity_question' : 'opportunity_complaint',
        values: { query: explanation.query.name, author: authorOf(explanation.mention.author) },
      };
  }
}

const authorOf = (handle: string | null): string => (handle === null ? dash : `@${handle}`);
