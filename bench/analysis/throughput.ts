import { createAnalyzer } from '../../src/analysis/analyzer.js';

export interface LoadAndSpeed {
  loadMs: number;
  /** Resident memory the loaded analyzer added. */
  loadRssMb: number;
  textsPerSecond: number;
  texts: number;
  rssAfterMb: number;
}

const mb = (bytes: number): number => bytes / 1024 / 1024;

/**
 * Loads the analyzer and runs every analysis on `texts` (all tasks at once, as ingestion does),
 * on this one thread, after a warm-up pass.
 */
export async function measureAnalyzer(texts: string[], rounds = 3): Promise<LoadAndSpeed> {
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const analyzer = await createAnalyzer();
  const loadMs = performance.now() - started;
  const loadRssMb = mb(process.memoryUsage().rss - rssBefore);
  for (const text of texts.slice(0, 500)) {
    analyzer.analyze(text);
  }
  const begin = performance.now();
  for (let round = 0; round < rounds; round++) {
    for (const text of texts) {
      analyzer.analyze(text);
    }
  }
  const seconds = (performance.now() - begin) / 1000;
  return {
    loadMs,
    loadRssMb,
    textsPerSecond: (texts.length * rounds) / seconds,
    texts: texts.length * rounds,
    rssAfterMb: mb(process.memoryUsage().rss),
  };
}
