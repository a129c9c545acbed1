/** Exact-duplicate key: the normalised text reduced to letters and digits. */
import { normalizeForModel } from '../../src/analysis/text/normalize.js';

export function dedupeKey(text: string): string {
  return normalizeForModel(text).replace(/[^\p{L}\p{N}]/gu, '');
}
