/** Partnership posts must say so (consumer-protection law in the EU, FTC in the US). */
import { findHashtags } from '../../analysis/extract/hashtags.js';
import { foldForSearch } from '../../analysis/extract/fold.js';
import type { CheckLanguage, Finding } from '../types.js';
import { makeFinding } from '../text/folded-text.js';

export const DEFAULT_DISCLOSURE_TAGS = ['ad', 'sponsored', 'sponsorisé', 'partenariat', 'publicité'] as const;
const HASH = /^[#＃]/u;

/** An error when a partnership post carries none of the disclosure hashtags. */
export function checkDisclosure(
  text: string,
  language: CheckLanguage,
  extraTags: readonly string[] = [],
): Finding[] {
  const accepted = new Set(
    [...DEFAULT_DISCLOSURE_TAGS, ...extraTags].map((tag) => foldForSearch(tag.replace(HASH, ''))),
  );
  const present = findHashtags(text).some((match) => accepted.has(foldForSearch(match.tag)));
  if (present) {
    return [];
  }
  const tags = [
    ...extraTags.map((tag) => (HASH.test(tag) ? tag : `#${tag}`)),
    ...(language === 'fr' ? ['#partenariat', '#sponsorisé'] : ['#ad', '#sponsored']),
  ];
  // An empty span at the end: the suggestions are insertions there.
  return [
    makeFinding(
      text,
      { start: text.length, end: text.length },
      {
        rule: 'voice.disclosure-missing',
        category: 'voice',
        severity: 'error',
        message: 'This post is a partnership: disclose it with a hashtag such as #ad or #partenariat.',
        suggestions: [...new Set(tags)].map((tag) => ` ${tag}`),
      },
    ),
  ];
}
