import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { createInProcessSpellChecker } from './service.js';
import { FRENCH_FINDINGS, FRENCH_SENTENCE } from './testing/french-sentence.js';
import { createThreadedSpellChecker } from './threaded.js';

const flakyLoader = new URL('./testing/flaky-loader.ts', import.meta.url);
const crashingLoader = new URL('./testing/crashing-loader.ts', import.meta.url);

/** Longest time between two turns of the event loop from now until `stop()`, in ms. */
function watchEventLoop(): { stop: () => number } {
  let last = performance.now();
  let longest = 0;
  const tick = (): void => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  };
  const timer = setInterval(tick, 5);
  return {
    stop: () => {
      clearInterval(timer);
      // A block that ends just before `stop()` is seen by no tick: count it here.
      tick();
      return longest;
    },
  };
}

describe('createThreadedSpellChecker with the dictionary packages', () => {
  const threaded = createThreadedSpellChecker();
  afterAll(() => threaded.close());

  it('gives the in-process findings and suggestions in English', async () => {
    const inProcess = createInProcessSpellChecker();
    // The thread loads the British list beside the American one, and the word counts.
    expect(await threaded.check('The colour of the centre.', 'en')).toEqual([]);
    expect(await threaded.suggest('acomodation', 'en')).toEqual(await inProcess.suggest('acomodation', 'en'));
    const text = 'We will recieve your order tomorow. Definately worth it, says Hearthly’s Zorgbox team.';
    expect(await threaded.check(text, 'en', ['Zorgbox'])).toEqual(
      await inProcess.check(text, 'en', ['Zorgbox']),
    );
    expect(await threaded.suggest('teh', 'en')).toEqual(await inProcess.suggest('teh', 'en'));
  }, 30_000);

  it('loads French while the event loop keeps turning, then gives the in-process findings', async () => {
    expect(threaded.isReady('fr')).toBe(false);
    const loop = watchEventLoop();
    await threaded.ready('fr');
    // In-process, the same load blocks the loop for its whole length (4–8 s measured).
    expect(loop.stop()).toBeLessThan(500);
    expect(threaded.isReady('fr')).toBe(true);
    expect(await threaded.check(FRENCH_SENTENCE, 'fr')).toEqual(FRENCH_FINDINGS);
  }, 60_000);
});

describe('createThreadedSpellChecker errors and lifecycle', () => {
  it('rejects every call pending on a failed load, and loads again on the next call', async () => {
    const checker = createThreadedSpellChecker({ loaderModule: flakyLoader });
    const pending = await Promise.allSettled([checker.ready('en'), checker.check('hello wrold', 'en')]);
    expect(pending.map((p) => (p.status === 'rejected' ? String(p.reason) : p.status))).toEqual([
      'Error: Dictionary unavailable (the first load fails on purpose).',
      'Error: Dictionary unavailable (the first load fails on purpose).',
    ]);
    expect(checker.isReady('en')).toBe(false);
    expect((await checker.check('hello wrold', 'en')).map((f) => f.text)).toEqual(['wrold']);
    expect(checker.isReady('en')).toBe(true);
    await checker.close();
  }, 30_000);

  it('rejects the calls of a thread that dies, and starts a new thread for the next call', async () => {
    const checker = createThreadedSpellChecker({ loaderModule: crashingLoader });
    await checker.ready('en');
    const queued = await Promise.allSettled([checker.ready('fr'), checker.suggest('wrold', 'en')]);
    expect(queued.map((p) => (p.status === 'rejected' ? String(p.reason) : p.status))).toEqual([
      'Error: The spelling thread exited (code 3).',
      'Error: The spelling thread exited (code 3).',
    ]);
    expect(checker.isReady('en')).toBe(false);
    expect((await checker.check('hello wrold', 'en')).map((f) => f.text)).toEqual(['wrold']);
    await checker.close();
  }, 30_000);

  it('close() ends the thread, even in the middle of a French load, and rejects pending and later calls', async () => {
    const checker = createThreadedSpellChecker();
    const threads: Worker[] = [];
    const onWorker = (worker: Worker): void => void threads.push(worker);
    process.on('worker', onWorker);
    const loading = checker.ready('fr');
    const [load] = await Promise.allSettled([loading, checker.close()]);
    process.off('worker', onWorker);
    expect(load).toMatchObject({ status: 'rejected', reason: new Error('The spell checker is closed.') });
    expect(threads).toHaveLength(1);
    // -1 once the thread has stopped.
    expect(threads[0]?.threadId).toBe(-1);
    await expect(checker.check('hello', 'en')).rejects.toThrow('The spell checker is closed.');
  }, 30_000);

  it('lets the process exit without close() once no call is pending', () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const script = `
      import { createThreadedSpellChecker } from './src/guardrails/spelling/threaded.ts';
      const checker = createThreadedSpellChecker({ loaderModule: ${JSON.stringify(crashingLoader.href)} });
      console.log((await checker.check('hello wrold', 'en')).map((f) => f.text).join());`;
    // A thread left holding the process would run into the timeout, which throws.
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(out.trim()).toBe('wrold');
  }, 30_000);
});
