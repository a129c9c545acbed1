/**
 * The four scores of one person, from the facts the database aggregated for them (scores.repo.ts),
 * each with its explanation: value, formula in words, the parts that made it, reasons. Pure.
 *
 *   engagement = Σ over months m of decay^m × min(Σ weights of the month's activities, cap)
 *   reach      = log10(1 + followers) + log10(1 + people who interacted with them) + log10(1 + engagement received)
 *   ambassador = engagement × positive share × (active months among the last 6) / 6, and 0 with any spam or offensive activity
 *   influencer = reach × relevance × engagement rate of their audience
 */
import { ACTIVITY_TYPES, type ActivityType, type EngagementLevel } from '../community.tables.js';
import type { ScoreExplanations, ScorePart } from './scores.schemas.js';
import type { ScoringSettings } from './settings.js';

/** A scoring month: 365.25 / 12 days, counted back from the scoring instant (month 0 is the last 30.4375 days). */
export const MONTH_MS = 30.4375 * 24 * 3_600_000;
/** "Recent and steady" looks at this many months before the scoring instant. */
export const STEADY_MONTHS = 6;

/** What the database knows of one person before the scoring instant. */
export interface PersonFacts {
  /** Activities that are not spam, counted per month ago and per type. */
  months: Map<number, Map<ActivityType, number>>;
  /** Every activity, spam included. */
  total: number;
  spam: number;
  offensive: number;
  positive: number;
  negative: number;
  /** Σ engagement_received over their activities, and how many activities had it known. */
  received: number;
  receivedPosts: number;
  /** Activities whose mention matched one of the workspace's saved queries (brand, product, topic, competitor). */
  relevant: number;
  /** Σ followers over their identities; null when no identity has a known count. */
  followers: number | null;
  /** Distinct other people who replied to, reposted, quoted, mentioned, answered… one of their identities. */
  interactors: number;
}

export const emptyFacts = (): PersonFacts => ({
  months: new Map(),
  total: 0,
  spam: 0,
  offensive: 0,
  positive: 0,
  negative: 0,
  received: 0,
  receivedPosts: 0,
  relevant: 0,
  followers: null,
  interactors: 0,
});

/** A number for a sentence: at most 2 decimals, no trailing zeros. */
export const fmt = (value: number): string => String(Math.round(value * 100) / 100);

const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count} ${count === 1 ? one : many}`;

export function levelOf(value: number, levels: ScoringSettings['levels']): EngagementLevel {
  if (value >= levels.leading) {
    return 'leading';
  }
  if (value >= levels.contributing) {
    return 'contributing';
  }
  if (value >= levels.participating) {
    return 'participating';
  }
  return 'exploring';
}

export interface MonthContribution {
  month: number;
  weighted: number;
  counted: number;
  value: number;
  counts: Map<ActivityType, number>;
}

/** Each active month's contribution to the engagement value, most recent first. */
export function monthContributions(
  months: PersonFacts['months'],
  settings: ScoringSettings,
): MonthContribution[] {
  const out: MonthContribution[] = [];
  for (const [month, counts] of months) {
    let weighted = 0;
    for (const [type, count] of counts) {
      weighted += settings.weights[type] * count;
    }
    const counted = settings.monthlyCap === null ? weighted : Math.min(weighted, settings.monthlyCap);
    out.push({ month, weighted, counted, value: settings.monthlyDecay ** month * counted, counts });
  }
  return out.sort((a, b) => a.month - b.month);
}

/** The engagement value alone (the benchmark calls this for every variant). */
export function engagementValue(months: PersonFacts['months'], settings: ScoringSettings): number {
  let value = 0;
  for (const contribution of monthContributions(months, settings)) {
    value += contribution.value;
  }
  return value;
}

const LISTED_MONTHS = 6;

const typePlural = (type: ActivityType): string => (type === 'reply' ? 'replies' : `${type}s`);

function countsInWords(counts: Map<ActivityType, number>): string {
  return ACTIVITY_TYPES.filter((type) => (counts.get(type) ?? 0) > 0)
    .map((type) => plural(counts.get(type) ?? 0, type, typePlural(type)))
    .join(', ');
}

function monthStart(asOf: Date, month: number): string {
  return new Date(asOf.getTime() - (month + 1) * MONTH_MS).toISOString().slice(0, 10);
}

export function explainEngagement(
  facts: PersonFacts,
  settings: ScoringSettings,
  asOf: Date,
): ScoreExplanations['engagement'] {
  const contributions = monthContributions(facts.months, settings);
  const value = contributions.reduce((sum, c) => sum + c.value, 0);
  const level = levelOf(value, settings.levels);
  const decay = fmt(settings.monthlyDecay);
  const cap = settings.monthlyCap;
  const formula =
    cap === null
      ? `Σ over their activities of weight × ${decay}^(whole months ago); a month is 30.4375 days counted back from ${asOf.toISOString()}; spam does not count`
      : `Σ over months m of ${decay}^m × min(Σ weights of the month's activities, ${fmt(cap)}); month m covers the 30.4375 days that end m months before ${asOf.toISOString()}; spam does not count`;
  const parts: ScorePart[] = contributions.slice(0, LISTED_MONTHS).map((c) => ({
    label:
      `${c.month === 0 ? 'this month' : c.month === 1 ? '1 month ago' : `${c.month} months ago`} (from ${monthStart(asOf, c.month)}): ` +
      `${countsInWords(c.counts)} = ${fmt(c.weighted)}` +
      (cap !== null && c.weighted > cap ? `, capped to ${fmt(cap)}` : '') +
      ` × ${decay}^${c.month}`,
    value: c.value,
  }));
  const earlier = contributions.slice(LISTED_MONTHS);
  if (earlier.length > 0) {
    parts.push({
      label: `${plural(earlier.length, 'earlier active month')} (${earlier[earlier.length - 1]?.month ?? 0} to ${earlier[0]?.month ?? 0} months ago)`,
      value: earlier.reduce((sum, c) => sum + c.value, 0),
    });
  }
  const totals = new Map<ActivityType, number>();
  for (const c of contributions) {
    for (const [type, count] of c.counts) {
      totals.set(type, (totals.get(type) ?? 0) + count);
    }
  }
  const reasons: string[] = [];
  if (contributions.length === 0) {
    reasons.push(`no activity before ${asOf.toISOString()}`);
  } else {
    reasons.push(
      `${ACTIVITY_TYPES.filter((type) => (totals.get(type) ?? 0) > 0)
        .map(
          (type) =>
            `${plural(totals.get(type) ?? 0, type, typePlural(type))} (weight ${fmt(settings.weights[type])})`,
        )
        .join(', ')}, in ${plural(contributions.length, 'active month')}`,
    );
    const capped = cap === null ? 0 : contributions.filter((c) => c.weighted > cap).length;
    if (capped > 0) {
      reasons.push(
        `the monthly cap of ${fmt(cap ?? 0)} applied in ${capped} of ${plural(contributions.length, 'active month')}`,
      );
    }
  }
  if (facts.spam > 0) {
    reasons.push(`${plural(facts.spam, 'spam activity', 'spam activities')} not counted`);
  }
  const { participating, contributing, leading } = settings.levels;
  const threshold = {
    exploring: `below ${fmt(participating)}`,
    participating: `≥ ${fmt(participating)}`,
    contributing: `≥ ${fmt(contributing)}`,
    leading: `≥ ${fmt(leading)}`,
  }[level];
  reasons.push(
    `level ${level}: ${fmt(value)} ${threshold} (participating from ${fmt(participating)}, contributing from ${fmt(contributing)}, leading from ${fmt(leading)})`,
  );
  return { value, formula, parts, reasons, level };
}

const log10p = (value: number): number => Math.log10(1 + Math.max(0, value));

export function explainReach(facts: PersonFacts): ScoreExplanations['reach'] {
  const followers = facts.followers ?? 0;
  const parts: ScorePart[] = [
    {
      label: `log10(1 + ${followers} followers, summed over their identities${facts.followers === null ? ': unknown, counted as 0' : ''})`,
      value: log10p(followers),
    },
    {
      label: `log10(1 + ${plural(facts.interactors, 'person', 'people')} who replied to, reposted, quoted, mentioned or answered them)`,
      value: log10p(facts.interactors),
    },
    {
      label: `log10(1 + ${fmt(facts.received)} likes, reposts and replies their own posts received)`,
      value: log10p(facts.received),
    },
  ];
  const value = parts.reduce((sum, part) => sum + part.value, 0);
  const reasons = [
    facts.followers === null ? 'follower count unknown' : `${followers} followers`,
    `${plural(facts.interactors, 'person', 'people')} in the brand's interaction graph interacted with them`,
    `${fmt(facts.received)} engagements received on ${plural(facts.receivedPosts, 'post')} with known engagement`,
  ];
  return {
    value,
    formula:
      'log10(1 + followers summed over identities) + log10(1 + distinct people who interacted with them: replies, reposts, quotes, mentions, answers, comments aimed at them) + log10(1 + likes, reposts and replies their own posts received)',
    parts,
    reasons,
  };
}

export function explainAmbassador(
  facts: PersonFacts,
  engagement: ScoreExplanations['engagement'],
): ScoreExplanations['ambassador'] {
  const formula = `engagement × positive share (positive ÷ (positive + negative); 0.5 when neither) × active months among the last ${STEADY_MONTHS} ÷ ${STEADY_MONTHS}; not eligible (0) with any spam or offensive activity`;
  if (facts.spam > 0 || facts.offensive > 0) {
    const why = [
      facts.spam > 0
        ? `${facts.spam} of their activities ${facts.spam === 1 ? 'was' : 'were'} marked as spam`
        : null,
      facts.offensive > 0
        ? `${facts.offensive} of their activities ${facts.offensive === 1 ? 'was' : 'were'} offensive`
        : null,
    ].filter((reason): reason is string => reason !== null);
    return { value: 0, formula, parts: [], reasons: [`not eligible: ${why.join(' and ')}`], eligible: false };
  }
  const sentiments = facts.positive + facts.negative;
  const share = sentiments === 0 ? 0.5 : facts.positive / sentiments;
  let active = 0;
  for (let month = 0; month < STEADY_MONTHS; month++) {
    if (facts.months.has(month)) {
      active += 1;
    }
  }
  const steadiness = active / STEADY_MONTHS;
  const value = engagement.value * share * steadiness;
  const reasons = [
    `engagement ${fmt(engagement.value)} (${engagement.level})`,
    sentiments === 0
      ? 'no positive or negative activity: sentiment counted as neutral (0.5)'
      : `${facts.positive} of ${sentiments} activities with a positive or negative sentiment were positive (${Math.round(share * 100)}%)`,
    active === 0
      ? `not active in the last ${STEADY_MONTHS} months`
      : `active ${active} of the last ${STEADY_MONTHS} months`,
  ];
  return {
    value,
    formula,
    parts: [
      { label: 'engagement', value: engagement.value },
      { label: 'positive share', value: share },
      { label: `steadiness (${active} of the last ${STEADY_MONTHS} months active)`, value: steadiness },
    ],
    reasons,
    eligible: true,
  };
}

export function explainInfluencer(
  facts: PersonFacts,
  reach: ScoreExplanations['reach'],
): ScoreExplanations['influencer'] {
  const relevance = facts.total === 0 ? 0 : facts.relevant / facts.total;
  const followers = facts.followers ?? 0;
  const perPost = facts.receivedPosts === 0 ? 0 : facts.received / facts.receivedPosts;
  const rate = followers > 0 && facts.receivedPosts > 0 ? Math.min(1, perPost / followers) : 0;
  const value = reach.value * relevance * rate;
  const reasons = [
    `reach ${fmt(reach.value)}`,
    `${facts.relevant} of ${plural(facts.total, 'activity', 'activities')} matched a saved query about the brand, a product, a topic or a competitor (${Math.round(relevance * 100)}%)`,
    followers === 0
      ? 'engagement rate unknown (no follower count): 0'
      : facts.receivedPosts === 0
        ? 'engagement rate unknown (no post with known engagement): 0'
        : `${fmt(perPost)} engagements per post for ${followers} followers: a rate of ${fmt(rate * 100)}%`,
  ];
  return {
    value,
    formula:
      'reach × relevance (share of their activities whose mention matched a saved query tagged brand, product, topic or competitor) × engagement rate (engagement received per post ÷ followers, at most 1)',
    parts: [
      { label: 'reach', value: reach.value },
      { label: 'relevance', value: relevance },
      { label: 'engagement rate', value: rate },
    ],
    reasons,
  };
}

/** All four scores of one person, explained. */
export function scorePerson(facts: PersonFacts, settings: ScoringSettings, asOf: Date): ScoreExplanations {
  const engagement = explainEngagement(facts, settings, asOf);
  const reach = explainReach(facts);
  return {
    asOf: asOf.toISOString(),
    engagement,
    reach,
    ambassador: explainAmbassador(facts, engagement),
    influencer: explainInfluencer(facts, reach),
  };
}
