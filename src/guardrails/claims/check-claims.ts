/**
 * Claims and freshness: check-worthy sentences need a source (a link or a fact of the register);
 * numbers must agree with the register, facts must not have expired nor their sources gone stale,
 * and announced dates must not be past at the publish time.
 */
import { findUrls } from '../../analysis/extract/urls.js';
import { fold, makeFinding, type FoldedText, type Span } from '../text/folded-text.js';
import { splitSentences, type Sentence } from '../text/sentences.js';
import type { CheckLanguage, Finding } from '../types.js';
import { findMarkers, type MarkerKind } from './claim-markers.js';
import { findDateMentions } from './dates.js';
import type { Fact } from './fact.js';
import { findQuantities, type Quantity } from './quantities.js';
import {
  comparable,
  contentWords,
  prepareFacts,
  sameTopic,
  sameValue,
  type RegisteredFact,
} from './register.js';
import { localMoment, type LocalMoment } from './zoned-time.js';

export interface ClaimsCheckInput {
  text: string;
  language: CheckLanguage;
  /** Links attached to the draft (link preview, sources). */
  attachedLinks?: string[];
  facts?: Fact[];
  /** When the text will be published; `now` when absent. */
  publishAt?: Date;
  now: Date;
  /** IANA zone of the workspace; dates in the text are read there. Default UTC. */
  timeZone?: string;
  /** Sources older than this are stale. Default 365. */
  maxSourceAgeDays?: number;
}

const DAY_MS = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DEFAULT_MAX_SOURCE_AGE_DAYS = 365;
const KIND_WORDS: Readonly<Record<MarkerKind | Quantity['kind'], string>> = {
  price: 'a price',
  percentage: 'a percentage',
  quantity: 'a figure',
  superlative: 'a superlative',
  study: 'an appeal to a study',
  promise: 'a health or financial promise',
};

interface Context {
  text: string;
  folded: FoldedText;
  language: CheckLanguage;
  publish: LocalMoment;
  reference: Date;
  maxSourceAgeDays: number;
  linked: boolean;
  facts: RegisteredFact[];
}

export function checkClaims(input: ClaimsCheckInput): Finding[] {
  const reference = input.publishAt ?? input.now;
  const folded = fold(input.text);
  const context: Context = {
    text: input.text,
    folded,
    language: input.language,
    publish: localMoment(reference, input.timeZone ?? 'UTC'),
    reference,
    maxSourceAgeDays: input.maxSourceAgeDays ?? DEFAULT_MAX_SOURCE_AGE_DAYS,
    linked: (input.attachedLinks ?? []).length > 0 || findUrls(input.text).length > 0,
    facts: prepareFacts(input.facts ?? [], input.language),
  };
  const quantities = findQuantities(folded, input.language);
  const markers = findMarkers(folded);
  const findings: Finding[] = [];
  for (const sentence of splitSentences(input.text)) {
    findings.push(
      ...checkSentence(context, sentence, within(quantities, sentence), within(markers, sentence)),
    );
  }
  findings.push(...pastDates(context));
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}

function checkSentence(
  context: Context,
  sentence: Sentence,
  quantities: Quantity[],
  markers: ReturnType<typeof findMarkers>,
): Finding[] {
  const { text } = context;
  const findings: Finding[] = [];
  const words = contentWords(sentence.text);
  let sourced = context.linked;
  for (const fact of context.facts) {
    const candidates = comparable(fact, quantities);
    const valueMatch = candidates.find(
      (quantity) => fact.amount !== undefined && sameValue(quantity.value, fact.amount.value),
    );
    const topic = sameTopic(fact, words);
    if (!topic && valueMatch === undefined) {
      continue;
    }
    sourced = true;
    const [wrong] = candidates;
    if (topic && valueMatch === undefined && wrong !== undefined && fact.fact.value !== undefined) {
      findings.push(
        makeFinding(text, wrong, {
          rule: 'claims.contradicts-register',
          category: 'claims',
          severity: 'error',
          message: `This contradicts the fact register, which says "${fact.fact.statement}": ${fact.fact.value}.`,
          suggestions: [fact.fact.value],
        }),
      );
    }
    findings.push(...freshness(context, fact.fact, valueMatch ?? sentence));
  }
  const kinds = [...quantities.map((q) => q.kind), ...markers.map((m) => m.kind)];
  if (!sourced && kinds.length > 0) {
    const promise = kinds.includes('promise');
    const what = [...new Set(kinds)].map((kind) => KIND_WORDS[kind]).join(', ');
    findings.push(
      makeFinding(text, sentence, {
        rule: 'claims.unsourced',
        category: 'claims',
        severity: promise ? 'error' : 'warning',
        message: `This sentence states ${what} without a source: attach a link or add the fact to the register.`,
      }),
    );
  }
  return findings;
}

function freshness(context: Context, fact: Fact, span: Span): Finding[] {
  const findings: Finding[] = [];
  if (fact.validUntil !== undefined && expired(fact.validUntil, context)) {
    findings.push(
      makeFinding(context.text, span, {
        rule: 'claims.expired-fact',
        category: 'claims',
        severity: 'error',
        message: `The fact "${fact.statement}" was valid until ${fact.validUntil}: update it or remove this claim.`,
      }),
    );
  }
  if (fact.sourceDate !== undefined) {
    const ageDays = Math.floor((context.reference.getTime() - Date.parse(fact.sourceDate)) / DAY_MS);
    if (ageDays > context.maxSourceAgeDays) {
      findings.push(
        makeFinding(context.text, span, {
          rule: 'claims.stale-source',
          category: 'claims',
          severity: 'warning',
          message: `The source of "${fact.statement}" is ${ageDays} days old: check that it still holds.`,
        }),
      );
    }
  }
  return findings;
}

/** A date-only `validUntil` covers its whole local day; a date-time is an instant. */
function expired(validUntil: string, context: Context): boolean {
  if (DATE_ONLY.test(validUntil)) {
    const [year, month, day] = validUntil.split('-').map(Number) as [number, number, number];
    return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS) < context.publish.day;
  }
  return Date.parse(validUntil) < context.reference.getTime();
}

function pastDates(context: Context): Finding[] {
  const { publish } = context;
  return findDateMentions(context.folded, context.language, publish)
    .filter(
      (date) =>
        date.day < publish.day ||
        (date.day === publish.day && date.minutes !== undefined && date.minutes < publish.minutes),
    )
    .map((date) =>
      makeFinding(context.text, date, {
        rule: 'claims.date-in-past',
        category: 'claims',
        severity: 'error',
        message:
          'This date is already past at the scheduled publish time: correct it or reschedule the post.',
      }),
    );
}

function within<T extends Span>(items: readonly T[], sentence: Span): T[] {
  return items.filter((item) => item.start >= sentence.start && item.end <= sentence.end);
}
