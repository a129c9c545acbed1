/**
 * One- to three-word replies that n-grams cannot place ("Merci" scores Italian) but that a
 * community manager reads all day. Looked up whole, lower-cased, punctuation and emoji removed.
 */

const REPLIES: Record<string, readonly string[]> = {
  fr: [
    'merci',
    'merci beaucoup',
    'merci bien',
    'bonjour',
    'bonsoir',
    'salut',
    'coucou',
    'bravo',
    'trop bien',
    'oui',
    'non merci',
    "d'accord",
    'génial',
    'bonne journée',
    'bonne soirée',
    'à bientôt',
  ],
  en: [
    'thanks',
    'thank you',
    'thanks a lot',
    'thank you so much',
    'hello',
    'hi there',
    'yes',
    'awesome',
    'great',
    'love it',
    'well done',
    'good morning',
    'good night',
    'see you',
  ],
  es: ['gracias', 'muchas gracias', 'hola', 'buenos días', 'buenas noches', 'genial', 'vale', 'claro que sí'],
  de: [
    'danke',
    'danke schön',
    'vielen dank',
    'hallo',
    'guten morgen',
    'gute nacht',
    'super danke',
    'tschüss',
  ],
  it: ['grazie', 'grazie mille', 'ciao', 'buongiorno', 'buonasera', 'bellissimo', 'bravissimo'],
  pt: ['obrigado', 'obrigada', 'muito obrigado', 'muito obrigada', 'olá', 'bom dia', 'boa noite', 'valeu'],
};

const LANGUAGE_OF_REPLY = new Map<string, string>(
  Object.entries(REPLIES).flatMap(([language, replies]) =>
    replies.map((reply) => [reply, language] as const),
  ),
);

const NOT_LETTERS = /[^\p{L}'’]+/gu;
const MAX_CHARS = 40;

/** The language of a known short reply, or undefined. */
export function languageOfShortReply(cleanText: string): string | undefined {
  if (cleanText.length > MAX_CHARS * 2) {
    return undefined;
  }
  const words = cleanText.toLowerCase().replace(NOT_LETTERS, ' ').trim().replace('’', "'");
  return words.length <= MAX_CHARS ? LANGUAGE_OF_REPLY.get(words) : undefined;
}
