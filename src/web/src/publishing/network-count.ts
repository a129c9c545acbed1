/**
 * A post's length as each network counts it, for the composer's previews (the guardrails count the
 * same way on the server: src/guardrails/network/network-rules.ts).
 * - Bluesky: 300 graphemes (what a reader sees as one character: an emoji family is one).
 * - Mastodon: 500 graphemes by default; every http(s) link counts 23, `@user@domain` counts as `@user`.
 * - Webhook: no limit.
 */
import type { AccountNetwork } from '../accounts/accounts.api';

export const NETWORK_LIMITS: Record<AccountNetwork, number | null> = {
  bluesky: 300,
  mastodon: 500,
  webhook: null,
};

const LINK_WEIGHT = 23;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

const countGraphemes = (text: string): number => {
  let count = 0;
  for (const _segment of graphemes.segment(text)) {
    count += 1;
  }
  return count;
};

interface Entity {
  start: number;
  end: number;
  weight: number;
}

const URL_PATTERN = /https?:\/\/[^\s<>"]+/giu;
const TRAILING = /[.,;:!?)\]}'"»]+$/u;
const MENTION = /(?<![\p{L}\p{N}_@])@([\p{L}\p{N}_]+)@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/giu;

function mastodonEntities(text: string): Entity[] {
  const links = [...text.matchAll(URL_PATTERN)].map((match) => {
    const url = match[0].replace(TRAILING, '');
    return { start: match.index, end: match.index + url.length, weight: LINK_WEIGHT };
  });
  const mentions = [...text.matchAll(MENTION)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    weight: 1 + countGraphemes(match[1] ?? ''),
  }));
  return [...links, ...mentions].sort((a, b) => a.start - b.start);
}

/** The text's length as `network` counts it, and that network's limit (null: none). */
export function countForNetwork(
  text: string,
  network: AccountNetwork,
): { count: number; limit: number | null } {
  const limit = NETWORK_LIMITS[network];
  if (network !== 'mastodon') {
    return { count: countGraphemes(text), limit };
  }
  let count = 0;
  let cursor = 0;
  for (const entity of mastodonEntities(text)) {
    if (entity.start < cursor) {
      continue;
    }
    count += countGraphemes(text.slice(cursor, entity.start)) + entity.weight;
    cursor = entity.end;
  }
  return { count: count + countGraphemes(text.slice(cursor)), limit };
}

/** Characters left before the limit (negative: over it); null when the network has none. */
export function remaining(text: string, network: AccountNetwork): number | null {
  const { count, limit } = countForNetwork(text, network);
  return limit === null ? null : limit - count;
}
