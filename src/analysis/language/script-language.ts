/**
 * Languages told by their writing system alone, for texts with no n-gram of our table: those
 * scripts (Greek, Hebrew, Hangul, kana, Han, Thai) belong to one language each, near enough.
 */

const SCRIPTS: readonly (readonly [RegExp, string])[] = [
  // Kana first: Japanese text mixes kana with Han characters.
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Hangul}/u, 'ko'],
  [/\p{Script=Han}/u, 'zh'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Thai}/u, 'th'],
];

/** The language its script names, or undefined. */
export function languageOfScript(text: string): string | undefined {
  for (const [pattern, language] of SCRIPTS) {
    if (pattern.test(text)) {
      return language;
    }
  }
  return undefined;
}
