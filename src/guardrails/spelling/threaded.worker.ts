/** The spelling thread (started by threaded.ts): one in-process checker answering requests in order. */
import { parentPort, workerData } from 'node:worker_threads';
import type { DictionaryLoader } from './dictionaries.js';
import { createSpellChecker, type SpellChecker } from './spelling.js';
import {
  toWire,
  type SpellingOps,
  type SpellingReply,
  type SpellingRequest,
  type SpellingThreadData,
} from './threaded.protocol.js';

const port = parentPort;
if (!port) {
  throw new Error('threaded.worker is the entry of a worker thread: use createThreadedSpellChecker().');
}
const setup = workerData as SpellingThreadData;

const engine: Promise<SpellChecker> = (async () => {
  const loader = setup.loaderModule
    ? ((await import(setup.loaderModule)) as { default: DictionaryLoader }).default
    : undefined;
  return createSpellChecker({ ...setup.options, ...(loader ? { loader } : {}) });
})();
// A failed loader import is reported to each request, not as an unhandled rejection.
engine.catch(() => undefined);

async function perform(request: SpellingRequest): Promise<SpellingOps[SpellingRequest['op']]['result']> {
  const spelling = await engine;
  await spelling.ready(request.args.language);
  switch (request.op) {
    case 'ready':
      return null;
    case 'check':
      return spelling.check(request.args.text, request.args.language, request.args.workspaceWords);
    case 'suggest':
      return spelling.suggest(request.args.word, request.args.language);
  }
}

port.on('message', (request: SpellingRequest) => {
  const reply = (message: SpellingReply): void => port.postMessage(message);
  perform(request).then(
    (value) => reply({ id: request.id, ok: true, value }),
    (error: unknown) => reply({ id: request.id, ok: false, error: toWire(error) }),
  );
});
