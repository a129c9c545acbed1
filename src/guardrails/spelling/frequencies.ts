/**
 * How common a word is, for ranking suggestions: "army" before "array" for "aray". The counts come
 * from training texts of the datasets (scripts/train/spelling-counts.ts writes
 * models/spelling-<language>.counts): lines `word<TAB>count`, lower-case dictionary words only,
 * most frequent first; lines starting with `#` are comments.
 */

export interface WordCounts {
  /** Occurrences of `word` (lower-cased) in the counting corpus; 0 when unseen. */
  count(word: string): number;
  /** log(1 + count) / log(1 + the largest count): 0 for an unseen word, 1 for the most frequent. */
  commonness(word: string): number;
  /** Distinct words counted. */
  readonly size: number;
}

export const NO_COUNTS: WordCounts = { count: () => 0, commonness: () => 0, size: 0 };

export function parseWordCounts(file: Uint8Array | string | undefined): WordCounts {
  if (file === undefined) {
    return NO_COUNTS;
  }
  const text = typeof file === 'string' ? file : Buffer.from(file).toString('utf8');
  const counts = new Map<string, number>();
  let max = 0;
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) {
      continue;
    }
    const tab = line.indexOf('\t');
    const count = Number(line.slice(tab + 1));
    if (tab > 0 && Number.isFinite(count) && count > 0) {
      counts.set(line.slice(0, tab), count);
      max = Math.max(max, count);
    }
  }
  if (counts.size === 0) {
    return NO_COUNTS;
  }
  const scale = Math.log1p(max);
  const count = (word: string): number => counts.get(word.toLowerCase()) ?? 0;
  return { count, commonness: (word) => Math.log1p(count(word)) / scale, size: counts.size };
}

/** Tally of `words` (lower-cased) kept where `keep` holds and the count reaches `minCount`, in file format. */
export function formatWordCounts(words: Iterable<string>, keep: (word: string) => boolean, minCount: number, header: string[]): string {
  const tally = new Map<string, number>();
  for (const word of words) {
    const key = word.toLowerCase();
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  const rows = [...tally].filter(([word, n]) => n >= minCount && keep(word));
  rows.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return [...header.map((line) => `# ${line}`), ...rows.map(([word, n]) => `${word}\t${n}`)].join('\n') + '\n';
}
