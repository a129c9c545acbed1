/**
 * npm run bench:guardrails [-- --data DIR] [--docs 100000,1000000] [--skip-spelling] [--skip-french]
 * Spelling against Debian's hunspell (English misspellings; French agreement on real texts and
 * synthetic misspellings, the slow part: --skip-french), originality recall/precision/latency at
 * 100k and 1M documents, the latency of the full check (spelling in-process and in a worker thread) and what a French
 * dictionary load costs the event loop. Figures only.
 */
import { join } from 'node:path';
import { packageRoot } from '../../src/cli/package-root.js';
import { createThreadedSpellChecker } from '../../src/guardrails/spelling/threaded.js';
import { measureFrenchLoadStall, printLoadStall } from './event-loop.js';
import { measureCheckLatency } from './latency.js';
import { runOriginalityBench } from './originality.js';
import { printSpellingBench, runSpellingBench } from './spelling.js';
import { printFrenchBench, runFrenchBench } from './spelling-fr.js';

const argument = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};

const dataDir = argument('--data') ?? join(packageRoot(), '..', 'shared', 'datasets');

console.log('## Full check latency (spelling, typography, tone, claims, network; English; goal p95 ≤ 20 ms)');
for (const row of await measureCheckLatency()) {
  console.log(`${row.length} characters, spelling in-process: p50 ${row.p50.toFixed(2)} ms, p95 ${row.p95.toFixed(2)} ms`);
}
const threaded = createThreadedSpellChecker();
for (const row of await measureCheckLatency(threaded)) {
  console.log(`${row.length} characters, spelling in a thread: p50 ${row.p50.toFixed(2)} ms, p95 ${row.p95.toFixed(2)} ms`);
}
await threaded.close();
if (!process.argv.includes('--skip-spelling')) {
  console.log('\n## Spelling, en-misspellings, nspell vs hunspell');
  printSpellingBench(await runSpellingBench({ dataDir }));
  if (!process.argv.includes('--skip-french')) {
    console.log('\n## Spelling, French: agreement with hunspell -d fr on real texts, synthetic misspellings');
    printFrenchBench(await runFrenchBench({ dataDir }));
  }
  console.log('\n## French dictionary load: longest event-loop gap');
  printLoadStall(await measureFrenchLoadStall());
}
console.log('\n## Originality');
runOriginalityBench({ dataDir, sizes: (argument('--docs') ?? '100000,1000000').split(',').map(Number) });
