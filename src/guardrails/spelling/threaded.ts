/**
 * Spelling in a worker thread, for servers: loading the French dictionary (seconds, hundreds of MB)
 * and building a suggestion index (seconds in French, on the first `suggest`) then never block the
 * event loop. One thread per checker, started
 * on first use, answering in order of arrival. It keeps the process alive only while a call is
 * pending; a thread that dies fails its pending calls and the next call starts a new one.
 */
import { Worker } from 'node:worker_threads';
import type { CheckLanguage } from '../types.js';
import type { SpellingService } from './service.js';
import type { SpellCheckerOptions } from './spelling.js';
import {
  fromWire,
  type SpellingOp,
  type SpellingOps,
  type SpellingReply,
  type SpellingThreadData,
} from './threaded.protocol.js';

export interface ThreadedSpellCheckerOptions extends Omit<SpellCheckerOptions, 'loader'> {
  /**
   * A module whose default export is a `DictionaryLoader`, imported in the thread: a file URL or a
   * package name (default: the dictionary packages). A function cannot cross into the thread.
   */
  loaderModule?: string | URL;
}

export interface ThreadedSpellChecker extends SpellingService {
  /** Ends the thread; pending and later calls reject. */
  close(): Promise<void>;
}

interface Thread {
  worker: Worker;
  pending: Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>;
}

/** A spell checker whose dictionaries live in one worker thread; `close()` it with its owner. */
export function createThreadedSpellChecker(options: ThreadedSpellCheckerOptions = {}): ThreadedSpellChecker {
  const { loaderModule, ...engineOptions } = options;
  const data: SpellingThreadData = {
    options: engineOptions,
    ...(loaderModule ? { loaderModule: String(loaderModule) } : {}),
  };
  const loading = new Map<CheckLanguage, Promise<void>>();
  const loaded = new Set<CheckLanguage>();
  let thread: Thread | undefined;
  let nextId = 0;
  let closed = false;

  const fail = (dead: Thread, error: Error): void => {
    if (thread === dead) {
      thread = undefined;
      loaded.clear();
    }
    for (const call of dead.pending.values()) {
      call.reject(error);
    }
    dead.pending.clear();
  };

  const start = (): Thread => {
    const started: Thread = { worker: spawnSpellingThread(data), pending: new Map() };
    const { worker, pending } = started;
    worker.on('message', (reply: SpellingReply) => {
      const call = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.ok) {
        call?.resolve(reply.value);
      } else {
        call?.reject(fromWire(reply.error));
      }
      if (pending.size === 0) {
        worker.unref();
      }
    });
    // An error thrown outside a request (the thread's start-up): the thread then exits.
    worker.on('error', (error) => fail(started, error));
    worker.on('exit', (code) => fail(started, new Error(`The spelling thread exited (code ${code}).`)));
    return started;
  };

  const call = <K extends SpellingOp>(
    op: K,
    args: SpellingOps[K]['args'],
  ): Promise<SpellingOps[K]['result']> => {
    if (closed) {
      return Promise.reject(new Error('The spell checker is closed.'));
    }
    const id = nextId++;
    // Inside the executor, a thread that cannot even start rejects the call instead of throwing.
    return new Promise((resolve, reject) => {
      const current = (thread ??= start());
      current.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      current.worker.ref();
      current.worker.postMessage({ id, op, args });
    });
  };

  const ready = (language: CheckLanguage): Promise<void> => {
    if (loaded.has(language)) {
      return Promise.resolve();
    }
    let load = loading.get(language);
    if (!load) {
      load = call('ready', { language })
        .then(() => {
          loaded.add(language);
        })
        .finally(() => loading.delete(language));
      loading.set(language, load);
    }
    return load;
  };

  return {
    ready,
    isReady: (language) => loaded.has(language),
    async check(text, language, workspaceWords = []) {
      await ready(language);
      return call('check', { text, language, workspaceWords });
    },
    async suggest(word, language) {
      await ready(language);
      return call('suggest', { word, language });
    },
    async close() {
      closed = true;
      const current = thread;
      if (current) {
        fail(current, new Error('The spell checker is closed.'));
        await current.worker.terminate();
      }
    },
  };
}

/**
 * Starts threaded.worker next to this module: the compiled .js under dist/, the .ts source under
 * tsx or vitest. Node 20 gives a worker neither its parent's loader hooks nor those of
 * `execArgv: ['--import', 'tsx']` for its entry, so a .ts entry is imported after registering tsx
 * in the thread (tsx is a dev dependency: only source runs need it).
 */
function spawnSpellingThread(workerData: SpellingThreadData): Worker {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./threaded.worker.js', import.meta.url), { workerData });
  }
  const entry = new URL('./threaded.worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `const { register } = await import(${JSON.stringify(tsx)}); register(); await import(${JSON.stringify(entry)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), { workerData });
}
