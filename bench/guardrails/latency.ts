import { createAnalyzer } from '../../src/analysis/analyzer.js';
import { check } from '../../src/guardrails/check.js';
import { createInProcessSpellChecker, type SpellingService } from '../../src/guardrails/spelling/service.js';

const SENTENCES = [
  'Our new ceramic lamp is now available in three colours, with free delivery until Sunday.',
  'We are sorry to hear that your order arrived damaged; our team will contact you today.',
  'Thanks for sharing your photos! The autumn collection looks great in your living room.',
  'Visit the workshop next weekend to see how each lamp is made by hand in our studio.',
];

function textOf(length: number): string {
  let text = '';
  for (let i = 0; text.length < length; i++) {
    text += `${SENTENCES[i % SENTENCES.length]!} `;
  }
  return text.slice(0, length);
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

/** p50/p95 of the full check (six families: no originality index) for 280- and 2,000-character texts. */
export async function measureCheckLatency(
  spelling: SpellingService = createInProcessSpellChecker(),
  runs = 300,
): Promise<{ length: number; p50: number; p95: number }[]> {
  const deps = { analyzer: await createAnalyzer(), spelling };
  await deps.spelling.ready('en');
  const results = [];
  for (const length of [280, 2_000]) {
    const text = textOf(length);
    for (let i = 0; i < 20; i++) {
      await check(deps, { text, language: 'en', network: 'linkedin' });
    }
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await check(deps, { text, language: 'en', network: 'linkedin' });
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    results.push({ length, p50: percentile(times, 0.5), p95: percentile(times, 0.95) });
  }
  return results;
}
