/** Words that make a sentence check-worthy: superlatives, appeals to studies, health and money promises. */
import { compileMatcher, findAll, type FoldedText, type Span } from '../text/folded-text.js';

export type MarkerKind = 'superlative' | 'study' | 'promise';

// Patterns on folded text: lower case, no accents, straight apostrophes, hyphens as spaces.
const SUPERLATIVE = compileMatcher([
  'best',
  'cheapest',
  'fastest',
  'biggest',
  'largest',
  'greatest',
  'lowest',
  'highest',
  'safest',
  'strongest',
  'the most \\p{L}+',
  'number one',
  'no\\. ?1',
  'n ?° ?1',
  '#1',
  'leader',
  'leaders',
  'leading',
  "world's first",
  'unbeatable',
  'unmatched',
  'unrivalled',
  'unrivaled',
  '(?:le|la|les) meilleure?s?',
  'meilleure?s? (?:du|de|au|des)',
  '(?:le|la|les) moins chere?s?',
  "(?:le|la|les) plus (?!de |d')\\p{L}+",
  'numero 1',
  'numero un',
  'imbattables?',
  'inegalee?s?',
  'sans egal',
]);
const STUDY = compileMatcher([
  'stud(?:y|ies) (?:shows?|proves?|prove|found|finds)',
  'research (?:shows|proves|found)',
  'according to (?:a|the) study',
  'scientifically proven',
  'clinically proven',
  'proven to',
  'experts agree',
  'doctors recommend',
  "(?:selon|d'apres) (?:une|des|les) etudes?",
  '(?:une|des|les) etudes? (?:montrent|montre|prouvent|prouve)',
  '(?:scientifiquement|cliniquement) prouvee?s?',
  'prouvee?s? (?:scientifiquement|cliniquement)',
  'prouvee?s?',
  'demontree?s? scientifiquement',
  'les medecins recommandent',
  'les experts (?:le )?(?:disent|recommandent)',
]);
const PROMISE = compileMatcher([
  'cures?',
  'heals?',
  'guaranteed (?:returns?|income|profits?|gains?)',
  'risk free',
  'no risk',
  'double your money',
  'get rich',
  'lose weight fast',
  'miracle',
  'guerit',
  'guerissent',
  'guerir',
  'soigne',
  'soignent',
  'rendements? garantis?',
  'gains? garantis?',
  'revenus? garantis?',
  'sans risques?',
  'doublez votre argent',
  'miraculeu(?:x|se)',
]);

export interface Marker extends Span {
  kind: MarkerKind;
}

/** Superlatives, appeals to studies and health or financial promises in `folded`. */
export function findMarkers(folded: FoldedText): Marker[] {
  return [
    ...findAll(folded, SUPERLATIVE).map((span) => ({ ...span, kind: 'superlative' as const })),
    ...findAll(folded, STUDY).map((span) => ({ ...span, kind: 'study' as const })),
    ...findAll(folded, PROMISE).map((span) => ({ ...span, kind: 'promise' as const })),
  ];
}
