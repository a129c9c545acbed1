/** The messages between threaded.ts (the caller's thread) and threaded.worker.ts (the spelling thread). */
import type { CheckLanguage, Finding } from '../types.js';
import type { SpellCheckerOptions } from './spelling.js';

/** What each operation takes and gives back. */
export interface SpellingOps {
  ready: { args: { language: CheckLanguage }; result: null };
  check: {
    args: { text: string; language: CheckLanguage; workspaceWords: readonly string[] };
    result: Finding[];
  };
  suggest: { args: { word: string; language: CheckLanguage }; result: string[] };
}

export type SpellingOp = keyof SpellingOps;

export type SpellingRequest = {
  [K in SpellingOp]: { id: number; op: K; args: SpellingOps[K]['args'] };
}[SpellingOp];

export interface WireError {
  name: string;
  message: string;
  stack?: string;
}

export type SpellingReply =
  | { id: number; ok: true; value: SpellingOps[SpellingOp]['result'] }
  | { id: number; ok: false; error: WireError };

/** The thread's `workerData`. */
export interface SpellingThreadData {
  options: Omit<SpellCheckerOptions, 'loader'>;
  /** URL of a module whose default export is a `DictionaryLoader` (default: the dictionary packages). */
  loaderModule?: string;
}

export function toWire(error: unknown): WireError {
  if (error instanceof Error) {
    return { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}) };
  }
  return { name: 'Error', message: String(error) };
}

/** The thread's error, with its stack (where it was thrown) rather than the message handler's. */
export function fromWire(wire: WireError): Error {
  const error = new Error(wire.message);
  error.name = wire.name;
  if (wire.stack) {
    error.stack = wire.stack;
  }
  return error;
}
