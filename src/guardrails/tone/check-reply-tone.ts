/**
 * Tone of replies: aggressive, defensive and sarcastic replies are errors; a negative reply to a
 * negative message is a warning. Pure: the model scores come in as `signals` (see `toneSignalsFrom`).
 */
import { fold, findAll, makeFinding, type FoldedText, type Span } from '../text/folded-text.js';
import type { CheckLanguage, Finding } from '../types.js';
import { DEFENSIVE, INSULTS, IRONIC_ELLIPSIS, SARCASTIC } from './lexicons.js';
import type { SentimentScores, ToneSignals } from './signals.js';

export interface ReplyToneInput {
  reply: string;
  /** The message answered; absent for a post, which then gets only the aggressive/defensive/sarcastic rules. */
  original?: string;
  language: CheckLanguage;
  signals: ToneSignals;
}

/**
 * Above this offensive probability a text is aggressive: an error. The model's own decision uses a
 * lower, recall-oriented threshold (tuned for listening): below this one, its "offensive" is only a
 * warning, so that a neutral sentence the model half-suspects never blocks a post.
 */
export const OFFENSIVE_THRESHOLD = 0.7;
/** A text is negative when negative is its most likely label with at least this probability. */
export const NEGATIVE_THRESHOLD = 0.5;
const MAX_QUOTED_WORDS = 5;
// Quoted words: "…", “…”, « … », ‘…’ (short, on one line).
const QUOTED = /"([^"\n]{1,60})"|“([^”\n]{1,60})”|«\s?([^»\n]{1,60}?)\s?»|‘([^’\n]{1,60})’/gu;
const WORDS = /\p{L}+/gu;

export function checkReplyTone(input: ReplyToneInput): Finding[] {
  const { reply, signals } = input;
  const folded = fold(reply);
  const findings = [
    ...aggressive(reply, folded, signals, input.original !== undefined),
    ...defensive(reply, folded),
    ...sarcastic(reply, folded, input.original),
  ];
  if (input.original !== undefined && signals.originalSentiment !== undefined) {
    findings.push(...negativeToNegative(reply, signals.replySentiment, signals.originalSentiment));
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}

function aggressive(reply: string, folded: FoldedText, signals: ToneSignals, isReply: boolean): Finding[] {
  const insults = findAll(folded, INSULTS).map((span) =>
    makeFinding(reply, span, {
      rule: 'tone.aggressive',
      category: 'tone',
      severity: 'error',
      message: 'This word insults or belittles the reader: never send it, whatever they wrote.',
    }),
  );
  const sure = signals.replyOffensive > OFFENSIVE_THRESHOLD;
  const flagged = signals.replyOffensiveFlagged ?? sure;
  if (insults.length > 0 || !flagged) {
    return insults;
  }
  const what = isReply ? 'This reply' : 'This text';
  // The model judges the whole text: the finding spans it.
  return [
    makeFinding(reply, wholeText(reply), {
      rule: 'tone.aggressive',
      category: 'tone',
      severity: sure ? 'error' : 'warning',
      message: sure
        ? `${what} reads as aggressive (offensive score ${signals.replyOffensive.toFixed(2)}): rewrite it calmly.`
        : `${what} may read as aggressive (offensive score ${signals.replyOffensive.toFixed(2)}): read it again as its reader would.`,
    }),
  ];
}

function defensive(reply: string, folded: FoldedText): Finding[] {
  return findAll(folded, DEFENSIVE).map((span) =>
    makeFinding(reply, span, {
      rule: 'tone.defensive',
      category: 'tone',
      severity: 'error',
      message:
        'This phrase blames the reader or defends the brand: acknowledge the problem and say what you will do instead.',
    }),
  );
}

function sarcastic(reply: string, folded: FoldedText, original: string | undefined): Finding[] {
  const spans = [...findAll(folded, SARCASTIC), ...findAll(folded, IRONIC_ELLIPSIS)];
  if (original !== undefined) {
    spans.push(...scareQuotes(reply, original));
  }
  return spans.map((span) =>
    makeFinding(reply, span, {
      rule: 'tone.sarcastic',
      category: 'tone',
      severity: 'error',
      message: 'This reads as sarcastic: say plainly what you mean.',
    }),
  );
}

/** Short quotes of the customer's own words, held at arm's length ("your "broken" order"). */
function scareQuotes(reply: string, original: string): Span[] {
  const originalFolded = ` ${fold(original).text} `;
  const spans: Span[] = [];
  for (const match of reply.matchAll(QUOTED)) {
    const quoted = match[1] ?? match[2] ?? match[3] ?? match[4] ?? '';
    const words = quoted.match(WORDS) ?? [];
    if (words.length === 0 || words.length > MAX_QUOTED_WORDS) {
      continue;
    }
    const needle = fold(quoted).text.trim();
    if (needle !== '' && originalFolded.includes(needle)) {
      spans.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  return spans;
}

function negativeToNegative(
  reply: string,
  replySentiment: SentimentScores,
  originalSentiment: SentimentScores,
): Finding[] {
  if (!isNegative(replySentiment) || !isNegative(originalSentiment)) {
    return [];
  }
  return [
    makeFinding(reply, wholeText(reply), {
      rule: 'tone.negative-to-negative',
      category: 'tone',
      severity: 'warning',
      message:
        "This negative reply answers a negative message: don't take it personally, thank them and offer help.",
    }),
  ];
}

function isNegative(scores: SentimentScores): boolean {
  return (
    scores.negative >= NEGATIVE_THRESHOLD &&
    scores.negative >= scores.neutral &&
    scores.negative >= scores.positive
  );
}

function wholeText(text: string): Span {
  const start = text.length - text.trimStart().length;
  return { start, end: text.trimEnd().length };
}
