/**
 * Readers for the public datasets laid out as ../shared/datasets (see its README), shared by the
 * training scripts, the evaluation and the benchmark. Node-only (fs); not used at prediction time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvRecords } from './csv.js';

export interface LabelledTexts {
  texts: string[];
  /** Integer labels as in the dataset (sentiment: 0 negative, 1 neutral, 2 positive). */
  labels: number[];
}

export type Split = 'train' | 'val';

/** UMSAB folder names by ISO 639-1 code. */
export const UMSAB_LANGUAGES = {
  ar: 'arabic',
  en: 'english',
  fr: 'french',
  de: 'german',
  hi: 'hindi',
  it: 'italian',
  pt: 'portuguese',
  es: 'spanish',
} as const;
export type UmsabLanguage = keyof typeof UMSAB_LANGUAGES;

function readLines(path: string): string[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  if (lines.at(-1) === '') {
    lines.pop();
  }
  return lines.map((line) => line.replace(/\r$/, ''));
}

function readTextLabelPair(folder: string, split: Split): LabelledTexts {
  const texts = readLines(join(folder, `${split}_text.txt`));
  const labels = readLines(join(folder, `${split}_labels.txt`)).map((l) => Number.parseInt(l, 10));
  if (texts.length !== labels.length || labels.some((l) => Number.isNaN(l))) {
    throw new Error(`${folder} ${split}: ${texts.length} texts but ${labels.length} labels`);
  }
  return { texts, labels };
}

/** tweeteval/<task>/<split>_{text,labels}.txt */
export function readTweetEval(dir: string, task: string, split: Split): LabelledTexts {
  return readTextLabelPair(join(dir, 'tweeteval', task), split);
}

/** umsab/<language>/<split>_{text,labels}.txt; `lang` is an ISO code (fr) or the folder name. */
export function readUmsab(dir: string, lang: string, split: Split): LabelledTexts {
  const folder = (UMSAB_LANGUAGES as Record<string, string>)[lang] ?? lang;
  return readTextLabelPair(join(dir, 'umsab', folder), split);
}

export interface SpamComment {
  /** The video the comment belongs to (file name without extension). */
  video: string;
  text: string;
  /** 1 spam, 0 legitimate. */
  label: number;
}

/** youtube-spam/*.csv, with only the text and the class: the AUTHOR column is dropped. */
export function readYoutubeSpam(dir: string): SpamComment[] {
  const folder = join(dir, 'youtube-spam');
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.csv'))
    .sort();
  return files.flatMap((file) =>
    parseCsvRecords(readFileSync(join(folder, file), 'utf8')).map((r) => ({
      video: file.replace(/\.csv$/, ''),
      text: r.CONTENT ?? '',
      label: Number.parseInt(r.CLASS ?? '0', 10),
    })),
  );
}

export interface HateTweet {
  text: string;
  /** Hostility types from {normal, offensive, abusive, hateful, disrespectful, fearful}. */
  hostility: string[];
  /** Offensive, abusive, hateful or disrespectful: what Hearth's offensive head should flag. */
  offensive: boolean;
}

const OFFENSIVE_KINDS = new Set(['offensive', 'abusive', 'hateful', 'disrespectful']);

/** mlma-hate/<lang>_dataset.csv (lang: fr or en). */
export function readMlmaHate(dir: string, lang: 'fr' | 'en'): HateTweet[] {
  const text = readFileSync(join(dir, 'mlma-hate', `${lang}_dataset.csv`), 'utf8');
  return parseCsvRecords(text).map((r) => {
    const hostility = (r.sentiment ?? '').split('_').filter((s) => s !== '');
    return { text: r.tweet ?? '', hostility, offensive: hostility.some((h) => OFFENSIVE_KINDS.has(h)) };
  });
}
