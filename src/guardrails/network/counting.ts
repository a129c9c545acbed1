/**
 * Post length as each network counts it. The text is cut into units (a grapheme, a code unit, a
 * link, a mention) with a weight, so the first character past the limit can be located.
 *
 * - Bluesky: 300 graphemes (Intl.Segmenter).
 * - Mastodon: 500 by default or the instance's limit; graphemes, as the server's
 *   StatusLengthValidator counts; every http(s) link counts 23 and @user@domain counts as @user.
 * - X: 280, twitter-text v3 weighting, roughly: a code point in U+0000–U+10FF, U+2000–U+200D,
 *   U+2010–U+201F or U+2032–U+2037 counts 1, any other (CJK, …) 2; an emoji sequence counts 2;
 *   every link counts 23 (X auto-links bare domains too).
 * - LinkedIn 3,000, Instagram 2,200, Facebook 63,206: UTF-16 code units, as browser composers
 *   count (never fewer than the code points, so the check errs on the safe side).
 */
import { findMentions, findUrls } from '../../analysis/extract/index.js';
import type { NetworkName } from '../types.js';

export interface NetworkLimits {
  /** The Mastodon instance's maximum (its `configuration.statuses.max_characters`). */
  mastodonMaxCharacters?: number;
}

const LIMITS: Record<NetworkName, number> = {
  bluesky: 300,
  mastodon: 500,
  x: 280,
  linkedin: 3_000,
  instagram: 2_200,
  facebook: 63_206,
};

const LINK_WEIGHT = 23;

interface Unit {
  start: number;
  weight: number;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

/** The network's maximum length for a post. */
export function limitFor(network: NetworkName, limits?: NetworkLimits): number {
  return network === 'mastodon' ? (limits?.mastodonMaxCharacters ?? LIMITS.mastodon) : LIMITS[network];
}

/** The text's length as `network` counts it, and that network's limit. */
export function countForNetwork(text: string, network: NetworkName, limits?: NetworkLimits): { count: number; limit: number } {
  const count = unitsFor(text, network).reduce((sum, unit) => sum + unit.weight, 0);
  return { count, limit: limitFor(network, limits) };
}

/** Index of the first character past the limit, or undefined when the text fits. */
export function overflowStart(text: string, network: NetworkName, limits?: NetworkLimits): number | undefined {
  const limit = limitFor(network, limits);
  let total = 0;
  for (const unit of unitsFor(text, network)) {
    total += unit.weight;
    if (total > limit) {
      return unit.start;
    }
  }
  return undefined;
}

function unitsFor(text: string, network: NetworkName): Unit[] {
  switch (network) {
    case 'bluesky':
      return graphemeUnits(text, 0, text.length);
    case 'mastodon':
      return withEntities(text, mastodonEntities(text), graphemeUnits);
    case 'x':
      return withEntities(text, findUrls(text).map(({ start, end }) => ({ start, end, weight: LINK_WEIGHT })), xUnits);
    case 'linkedin':
    case 'instagram':
    case 'facebook':
      return Array.from({ length: text.length }, (_, start) => ({ start, weight: 1 }));
  }
}

interface Entity {
  start: number;
  end: number;
  weight: number;
}

function mastodonEntities(text: string): Entity[] {
  const links = findUrls(text)
    .filter(({ url }) => /^https?:\/\//iu.test(url))
    .map(({ start, end }) => ({ start, end, weight: LINK_WEIGHT }));
  const mentions = findMentions(text).map(({ handle, start, end }) => ({
    start,
    end,
    weight: 1 + [...graphemes.segment(handle.split('@')[0] ?? '')].length,
  }));
  return [...links, ...mentions].sort((a, b) => a.start - b.start);
}

/** Entities count as one unit of their weight; the text between them is counted by `between`. */
function withEntities(text: string, entities: Entity[], between: (text: string, from: number, to: number) => Unit[]): Unit[] {
  const units: Unit[] = [];
  let cursor = 0;
  for (const entity of entities) {
    if (entity.start < cursor) {
      continue;
    }
    units.push(...between(text, cursor, entity.start), { start: entity.start, weight: entity.weight });
    cursor = entity.end;
  }
  units.push(...between(text, cursor, text.length));
  return units;
}

function graphemeUnits(text: string, from: number, to: number): Unit[] {
  return [...graphemes.segment(text.slice(from, to))].map(({ index }) => ({ start: from + index, weight: 1 }));
}

function xUnits(text: string, from: number, to: number): Unit[] {
  const units: Unit[] = [];
  for (const { segment, index } of graphemes.segment(text.slice(from, to))) {
    if (EMOJI.test(segment)) {
      units.push({ start: from + index, weight: 2 });
      continue;
    }
    // X counts NFC code points; normalising per grapheme keeps spans in the original text.
    let weight = 0;
    for (const char of segment.normalize('NFC')) {
      weight += isLight(char.codePointAt(0) as number) ? 1 : 2;
    }
    units.push({ start: from + index, weight });
  }
  return units;
}

function isLight(point: number): boolean {
  return (
    point <= 0x10ff || (point >= 0x2000 && point <= 0x200d) || (point >= 0x2010 && point <= 0x201f) || (point >= 0x2032 && point <= 0x2037)
  );
}
