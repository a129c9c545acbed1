/**
 * What loading the French dictionary costs the caller's event loop: the longest time between two
 * turns of the loop during the load, spelling in a worker thread (the server) and in-process (the CLI).
 * Run: npx tsx bench/guardrails/event-loop.ts
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInProcessSpellChecker, type SpellingService } from '../../src/guardrails/spelling/service.js';
import { createThreadedSpellChecker } from '../../src/guardrails/spelling/threaded.js';

export interface LoadStall {
  spelling: 'threaded' | 'in-process';
  loadMs: number;
  /** Longest gap between two ticks of a 5 ms interval while the load ran. */
  maxGapMs: number;
}

async function stallOf(spelling: SpellingService): Promise<{ loadMs: number; maxGapMs: number }> {
  let last = performance.now();
  let maxGapMs = 0;
  const tick = (): void => {
    const now = performance.now();
    maxGapMs = Math.max(maxGapMs, now - last);
    last = now;
  };
  const timer = setInterval(tick, 5);
  const started = performance.now();
  await spelling.ready('fr');
  const loadMs = performance.now() - started;
  clearInterval(timer);
  // The load resolves before the next timer tick could see the block: count it here.
  tick();
  return { loadMs, maxGapMs };
}

/** The thread first: its own copy of the dictionary, so the in-process load that follows is a cold one too. */
export async function measureFrenchLoadStall(): Promise<LoadStall[]> {
  const threaded = createThreadedSpellChecker();
  try {
    const inThread = await stallOf(threaded);
    const inProcess = await stallOf(createInProcessSpellChecker());
    return [
      { spelling: 'threaded', ...inThread },
      { spelling: 'in-process', ...inProcess },
    ];
  } finally {
    await threaded.close();
  }
}

export function printLoadStall(rows: LoadStall[]): void {
  for (const row of rows) {
    console.log(
      `${row.spelling}: French load ${row.loadMs.toFixed(0)} ms, longest event-loop gap ${row.maxGapMs.toFixed(1)} ms`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  printLoadStall(await measureFrenchLoadStall());
}
