/** Prices, percentages and numbers with units, parsed from folded text ("1 299,00 €", "€99", "42 %"). */
import { toOriginal, type FoldedText, type Span } from '../text/folded-text.js';
import type { CheckLanguage } from '../types.js';

export type QuantityKind = 'price' | 'percentage' | 'quantity';

export interface Quantity extends Span {
  kind: QuantityKind;
  value: number;
}

// Grouped thousands ("1 299", "1,299", "1.299") or plain digits, with an optional decimal part.
const NUM = String.raw`\d{1,3}(?:[ .,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?`;
const CURRENCY_AFTER = String.raw`€|\$|£|eur|euros?|usd|dollars?|gbp|livres? sterling`;
const UNITS = [
  'km/h',
  'km',
  'kg',
  'mg',
  'ml',
  'cm',
  'mm',
  'kwh',
  'kw',
  'gb',
  'go',
  'mb',
  'mo',
  'tb',
  'to',
  'mph',
  '°c',
  'ans',
  'years?',
  'jours',
  'days?',
  'heures',
  'hours?',
  'minutes',
  'min',
  'ms',
  'secondes',
  'seconds',
  'clients?',
  'customers?',
  'users?',
  'utilisateurs?',
  'utilisatrices?',
  'members?',
  'membres?',
  'followers?',
  'abonnes?',
  'downloads?',
  'telechargements?',
  'fois',
  'times',
  'x',
  'g',
  'l',
  'w',
  'points',
  'pts',
  'stars',
  'etoiles',
  'avis',
  'reviews',
  'employees',
  'salaries',
  'magasins',
  'stores',
  'pays',
  'countries',
  'villes',
  'cities',
  'k',
  'millions?',
  'milliards?',
  'billions?',
].join('|');
const QUANTITY = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:` +
    String.raw`(?<p1>[€$£]) ?(?<n1>${NUM})|(?<n2>${NUM}) ?(?<p2>${CURRENCY_AFTER})(?![\p{L}])` +
    String.raw`|(?<n3>${NUM}) ?(?<pc>%|percent|pour cent|pourcent)(?![\p{L}])` +
    String.raw`|[x×] ?(?<n4>\d+)(?![\p{L}\p{N}])` +
    String.raw`|(?<n5>${NUM}) ?(?:${UNITS})(?![\p{L}\p{N}])` +
    ')',
  'gu',
);

const SPACES = / /g;

/** The numeric value of a number as written in `language` ("1 299,00" → 1299; en "1,299" → 1299). */
export function parseNumber(raw: string, language: CheckLanguage): number {
  const compact = raw.replace(SPACES, '');
  const lastComma = compact.lastIndexOf(',');
  const lastDot = compact.lastIndexOf('.');
  let normalized: string;
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    normalized = compact
      .split(decimal === ',' ? '.' : ',')
      .join('')
      .replace(',', '.');
  } else if (lastComma >= 0 || lastDot >= 0) {
    const separator = lastComma >= 0 ? ',' : '.';
    const groups = compact.split(separator);
    const thousands =
      groups.length > 2 || (groups[1]?.length === 3 && separator === (language === 'fr' ? '.' : ','));
    normalized = thousands ? groups.join('') : groups.join('.');
  } else {
    normalized = compact;
  }
  return Number(normalized);
}

/** Every price, percentage and quantity in `folded`, with spans in the original text. */
export function findQuantities(folded: FoldedText, language: CheckLanguage): Quantity[] {
  const found: Quantity[] = [];
  for (const match of folded.text.matchAll(QUANTITY)) {
    const groups = match.groups ?? {};
    const span = toOriginal(folded, match.index, match.index + match[0].length);
    const price = groups.n1 ?? groups.n2;
    if (price !== undefined) {
      found.push({ ...span, kind: 'price', value: parseNumber(price, language) });
    } else if (groups.n3 !== undefined) {
      found.push({ ...span, kind: 'percentage', value: parseNumber(groups.n3, language) });
    } else {
      found.push({ ...span, kind: 'quantity', value: parseNumber(groups.n4 ?? groups.n5 ?? '', language) });
    }
  }
  return found;
}
