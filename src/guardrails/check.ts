/**
 * `check()`: every guardrail over one outgoing text — the one function the composer, the reply box,
 * the API and the CLI call. Pure: the analyzer, the spell checker and the originality index are
 * given, so the same code serves a server (shared, loaded once) and a one-shot CLI run.
 */
import type { Analyzer } from '../analysis/analyzer.js';
import { checkClaims, type Fact } from './claims/index.js';
import { checkNetworkRules } from './network/network-rules.js';
import type { NetworkLimits } from './network/network-rules.js';
import type { OriginalityIndex } from './originality/index.js';
import type { SpellingService } from './spelling/service.js';
import { checkReplyTone, toneSignalsFrom } from './tone/index.js';
import type { CheckLanguage, Finding, NetworkName } from './types.js';
import { checkTypography } from './typography/typography.js';
import { scoreOf, verdictOf, type Verdict } from './verdict.js';
import { checkVoice, type VoiceProfile } from './voice/index.js';

export interface CheckInput {
  text: string;
  /** 'auto' (default) detects French or English; other languages are checked as English. */
  language?: CheckLanguage | 'auto';
  network?: NetworkName;
  networkLimits?: NetworkLimits;
  images?: { altText?: string | null }[];
  voice?: VoiceProfile;
  /** A paid partnership: the voice profile's disclosure then applies. */
  partnership?: boolean;
  facts?: Fact[];
  attachedLinks?: string[];
  publishAt?: Date;
  timeZone?: string;
  /** The message this text answers (a reply): enables the reply-tone rules. */
  replyTo?: string;
  /** The workspace dictionary: brand and product names, people, jargon. */
  dictionary?: readonly string[];
  /** Originality sources not to compare against (the post's own published copies). */
  originalityExclude?: readonly string[];
}

export interface CheckResult {
  verdict: Verdict;
  score: number;
  language: CheckLanguage;
  findings: Finding[];
}

export interface GuardrailDeps {
  analyzer: Analyzer;
  /** In-process for one-shot runs, threaded in a server (spelling/threaded.ts). */
  spelling: SpellingService;
  originality?: OriginalityIndex;
  now?: () => Date;
}

function resolveLanguage(input: CheckInput, analyzer: Analyzer): CheckLanguage {
  if (input.language === 'fr' || input.language === 'en') {
    return input.language;
  }
  return analyzer.analyze(input.text).language === 'fr' ? 'fr' : 'en';
}

const bySpan = (a: Finding, b: Finding): number => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule);

/** Runs the seven families and returns the verdict, a 0–100 score and the findings in text order. */
export async function check(deps: GuardrailDeps, input: CheckInput): Promise<CheckResult> {
  const language = resolveLanguage(input, deps.analyzer);
  const spelling = await deps.spelling.check(input.text, language, input.dictionary ?? []);
  const now = deps.now?.() ?? new Date();
  const findings: Finding[] = [
    ...spelling,
    ...checkTypography(input.text, language),
    ...(input.voice ? checkVoice({ text: input.text, language, profile: input.voice, partnership: input.partnership ?? false }) : []),
    ...checkReplyTone({
      reply: input.text,
      ...(input.replyTo !== undefined ? { original: input.replyTo } : {}),
      language,
      signals: toneSignalsFrom(deps.analyzer, input.text, input.replyTo, language),
    }),
    ...checkClaims({
      text: input.text,
      language,
      now,
      ...(input.attachedLinks ? { attachedLinks: input.attachedLinks } : {}),
      ...(input.facts ? { facts: input.facts } : {}),
      ...(input.publishAt ? { publishAt: input.publishAt } : {}),
      ...(input.timeZone ? { timeZone: input.timeZone } : {}),
    }),
    ...(deps.originality ? deps.originality.check(input.text, input.originalityExclude ? { excludeIds: input.originalityExclude } : {}) : []),
    ...(input.network
      ? checkNetworkRules({
          text: input.text,
          network: input.network,
          ...(input.images ? { images: input.images } : {}),
          ...(input.networkLimits ? { limits: input.networkLimits } : {}),
        })
      : []),
  ];
  findings.sort(bySpan);
  return { verdict: verdictOf(findings), score: scoreOf(findings), language, findings };
}
