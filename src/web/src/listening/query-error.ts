/**
 * Where a query's syntax error is: the server's `details.position` when its answer carries it,
 * else the "at N" its English message always ends with (listening/query/messages.ts).
 */
export interface ErrorPosition {
  position: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

export function queryErrorPosition(error: unknown): ErrorPosition | null {
  if (!isRecord(error)) {
    return null;
  }
  const details = error.details;
  if (isRecord(details) && typeof details.position === 'number') {
    return { position: details.position };
  }
  const message = typeof error.message === 'string' ? error.message : '';
  const match = / at (\d+)\b/.exec(message);
  return match?.[1] === undefined ? null : { position: Number(match[1]) };
}

/** The query cut around the error: before, the character at it (or nothing past the end), after. */
export function splitAtError(query: string, position: number): { before: string; at: string; after: string } {
  const at = Math.max(0, Math.min(position, query.length));
  return { before: query.slice(0, at), at: query.slice(at, at + 1), after: query.slice(at + 1) };
}
