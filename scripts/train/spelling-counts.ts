/**
 * `npx tsx scripts/train/spelling-counts.ts [--data DIR] [--models DIR]`: counts how often each
 * dictionary word occurs in training texts, for ranking spelling suggestions (frequencies.ts), and
 * writes models/spelling-en.counts, models/spelling-fr.counts and models/spelling-counts.md.
 * Training splits only. Only words the dictionary accepts, seen at least twice, are kept: no
 * handle, link or name that the dictionary lacks can reach the file.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readMlmaHate, readTweetEval, readUmsab } from '../../src/analysis/datasets/datasets.js';
import { formatWordCounts } from '../../src/guardrails/spelling/frequencies.js';
import { createSpellChecker } from '../../src/guardrails/spelling/spelling.js';
import { afterElision, findWords, isExempt, splitOn } from '../../src/guardrails/spelling/words.js';
import type { CheckLanguage } from '../../src/guardrails/types.js';
import { parseArgs } from './args.js';

const MIN_COUNT = 2;

/** TweetEval's validation files keep some characters as `\uXXXX`; the training files are decoded, but decode anyway. */
const decodeEscapes = (text: string): string => text.replace(/\\u([0-9a-fA-F]{4})/gu, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

export const COUNT_SOURCES: Record<CheckLanguage, { name: string; read: (data: string) => string[] }[]> = {
  en: [
    ...['sentiment', 'offensive', 'hate', 'irony', 'emotion'].map((task) => ({
      name: `tweeteval/${task} train`,
      read: (data: string) => readTweetEval(data, task, 'train').texts,
    })),
    { name: 'umsab/english train', read: (data: string) => readUmsab(data, 'en', 'train').texts },
  ],
  fr: [
    { name: 'umsab/french train', read: (data: string) => readUmsab(data, 'fr', 'train').texts },
    {
      name: 'mlma-hate French, the counting half of its texts',
      read: (data: string) => readMlmaHate(data, 'fr').flatMap((t) => (mlmaHalf(t.text) === 'counts' ? [t.text] : [])),
    },
  ],
};

/**
 * mlma-hate French is split by a hash of the text: one half is counted here, the words of the other
 * half are misspelled by the French spelling benchmark (bench/guardrails/spelling-fr.ts).
 */
export function mlmaHalf(text: string): 'counts' | 'bench' {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash = Math.imul(hash ^ (char.codePointAt(0) as number), 0x01000193) >>> 0;
  }
  return hash % 2 === 0 ? 'counts' : 'bench';
}

/** The dictionary words of `text`: whole words when known, else their known parts (elisions, hyphens, apostrophes). */
export function knownWords(text: string, language: CheckLanguage, isKnown: (word: string) => boolean): string[] {
  const out: string[] = [];
  // The datasets replace links by a bare "http": not a word anyone wrote.
  const cleaned = decodeEscapes(text).replace(/’/gu, "'").replace(/\bhttps?\b/gu, ' ');
  for (const found of findWords(cleaned)) {
    let pieces = [found];
    if (!isKnown(found.word)) {
      const rest = language === 'fr' ? afterElision(found) : undefined;
      pieces = (rest ? [rest] : [found]).flatMap((part) => splitOn(part, /['\u2010\u2011-]/u));
    }
    for (const { word } of pieces) {
      // Acronyms ("IT", "USA") are left out: lower-cased, they would count as other words. "a" and "I" stay.
      if ((word.length === 1 || !isExempt(word)) && isKnown(word)) {
        out.push(word);
      }
    }
  }
  return out;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  // No counts file is read while counting: the loader gives the dictionaries only.
  const checker = createSpellChecker({
    loader: async (language) => {
      const { packagedDictionary } = await import('../../src/guardrails/spelling/dictionaries.js');
      const { wordCounts: _ignored, ...files } = await packagedDictionary(language);
      return files;
    },
  });
  const card: string[] = [
    '# Word counts for spelling suggestions',
    '',
    'How often each dictionary word occurs in training texts, used to rank spelling suggestions',
    '(src/guardrails/spelling/frequencies.ts, rank.ts). Written by `npx tsx scripts/train/spelling-counts.ts`.',
    `Words the dictionary (nspell + dictionary-en/-en-gb, dictionary-fr) accepts, lower-cased, seen at least ${MIN_COUNT} times;`,
    'links, @handles, hashtags and e-mail addresses are masked before counting. Texts deduplicated.',
    '',
  ];
  for (const language of ['en', 'fr'] as const) {
    await checker.ready(language);
    const texts = new Set<string>();
    card.push(`## ${language === 'en' ? 'English' : 'French'}: models/spelling-${language}.counts`);
    for (const source of COUNT_SOURCES[language]) {
      const read = source.read(args.data);
      read.forEach((text) => texts.add(text.trim()));
      card.push(`- ${source.name}: ${read.length} texts`);
    }
    const isKnown = (word: string): boolean => checker.isKnown(word, language);
    const words = [...texts].flatMap((text) => knownWords(text, language, isKnown));
    const keep = (word: string): boolean => isKnown(word) || isKnown(word.charAt(0).toUpperCase() + word.slice(1));
    const file = formatWordCounts(words, keep, MIN_COUNT, [
      `Word counts for spelling suggestions (${language}); see spelling-counts.md.`,
      `${texts.size} distinct texts, ${words.length} dictionary words counted.`,
    ]);
    writeFileSync(join(args.models, `spelling-${language}.counts`), file);
    const kept = file.split('\n').filter((line) => line && !line.startsWith('#')).length;
    card.push(`- ${texts.size} distinct texts, ${words.length} dictionary words, ${kept} distinct words kept`, '');
  }
  card.push(
    '## Licences and terms',
    '- TweetEval (Barbieri et al., 2020; SemEval task data): SemEval task terms (research use); cite TweetEval and the task papers.',
    '- UMSAB (cardiffnlp/xlm-t, Barbieri et al., 2022): Apache-2.0.',
    '- MLMA hate speech (Ousidhoum et al., 2019, HKUST-KnowComp/MLMA_hate_speech): MIT. Half of the French texts',
    '  (by a hash of the text); the words of the other half are the French spelling benchmark\'s.',
    '- Only counts of dictionary words are kept, no text. UMSAB English train overlaps TweetEval sentiment val:',
    '  no figure reported for these counts uses TweetEval val.',
    '',
  );
  writeFileSync(join(args.models, 'spelling-counts.md'), card.join('\n'));
  console.log(card.join('\n'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main();
}
